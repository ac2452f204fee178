//! ODK Collect as it speaks OpenRosa, over a real socket to a class's form server on loopback:
//! a request without credentials gets the Digest challenge, the retry answers it (the nonce
//! kept and its count raised, as Collect's HTTP client does), and a submission is `HEAD` then a
//! `multipart/form-data` POST with `xml_submission_file`.

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;

use md5::{Digest, Md5};

use super::http::{Reply, raw_from};
use pijat_app::classroom::{Listen, Running, Serve};
use pijat_app::forms::FormDesk;

fn md5_hex(s: &str) -> String {
    Md5::digest(s.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// A class's forms served on 127.0.0.1, as `pijat forms serve` starts them.
pub struct FormServer {
    pub desk: Arc<FormDesk>,
    pub server: Option<Box<dyn Running>>,
    pub addr: SocketAddr,
}

impl FormServer {
    pub fn start(dir: &std::path::Path, class: &str) -> FormServer {
        let desk = Arc::new(FormDesk::open(super::app::content(), dir, class).unwrap());
        let server = pijat_web::Web
            .start_forms(desk.clone(), &Listen::At("127.0.0.1:0".parse().unwrap()))
            .unwrap();
        let addr = super::classroom::address(server.as_ref());
        FormServer {
            desk,
            server: Some(server),
            addr,
        }
    }

    pub fn stop(&mut self) {
        if let Some(s) = self.server.take() {
            s.stop();
        }
    }

    /// A phone set up with the class's user and password.
    pub fn phone(&self) -> Collect {
        Collect::new(self.addr, "kader", self.desk.password())
    }
}

impl Drop for FormServer {
    fn drop(&mut self) {
        self.stop();
    }
}

/// One phone running Collect.
pub struct Collect {
    pub addr: SocketAddr,
    pub user: String,
    pub password: String,
    pub from: IpAddr,
    /// The last challenge's nonce and opaque, and the count used with it.
    pub nonce: Option<(String, String, u32)>,
    pub host: Option<String>,
}

/// The `key="value"` fields of a `WWW-Authenticate: Digest …` header.
pub fn challenge_field(header: &str, key: &str) -> Option<String> {
    let at = header.find(&format!("{key}=\""))? + key.len() + 2;
    let rest = &header[at..];
    Some(rest[..rest.find('"')?].to_string())
}

impl Collect {
    pub fn new(addr: SocketAddr, user: &str, password: &str) -> Collect {
        Collect {
            addr,
            user: user.into(),
            password: password.into(),
            from: IpAddr::from([127, 0, 0, 1]),
            nonce: None,
            host: None,
        }
    }

    fn authorization(&mut self, method: &str, uri: &str) -> Option<String> {
        let (nonce, opaque, nc) = self.nonce.as_mut()?;
        *nc += 1;
        let nc = format!("{:08x}", *nc);
        let ha1 = md5_hex(&format!("{}:pijat:{}", self.user, self.password));
        let ha2 = md5_hex(&format!("{method}:{uri}"));
        let cnonce = "0a4f113b";
        let response = md5_hex(&format!("{ha1}:{nonce}:{nc}:{cnonce}:auth:{ha2}"));
        Some(format!(
            "Digest username=\"{}\", realm=\"pijat\", nonce=\"{nonce}\", uri=\"{uri}\", algorithm=MD5, response=\"{response}\", opaque=\"{opaque}\", qop=auth, nc={nc}, cnonce=\"{cnonce}\"",
            self.user
        ))
    }

    /// One request as sent, with the credentials when a challenge is known.
    pub fn send_once(
        &mut self,
        method: &str,
        uri: &str,
        extra: &[(&str, String)],
        body: &[u8],
    ) -> Reply {
        let host = self.host.clone().unwrap_or_else(|| self.addr.to_string());
        let mut head = format!(
            "{method} {uri} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\nX-OpenRosa-Version: 1.0\r\nDate: Mon, 07 Dec 2026 10:00:00 GMT\r\n"
        );
        if let Some(a) = self.authorization(method, uri) {
            head.push_str(&format!("Authorization: {a}\r\n"));
        }
        for (k, v) in extra {
            head.push_str(&format!("{k}: {v}\r\n"));
        }
        let chunked = extra
            .iter()
            .any(|(k, v)| k.eq_ignore_ascii_case("transfer-encoding") && v == "chunked");
        if !chunked && (!body.is_empty() || method == "POST") {
            head.push_str(&format!("Content-Length: {}\r\n", body.len()));
        }
        head.push_str("\r\n");
        let mut bytes = head.into_bytes();
        if chunked {
            // As a phone streaming the form sends it: pieces of at most 1000 bytes.
            for piece in body.chunks(1000) {
                bytes.extend_from_slice(format!("{:x}\r\n", piece.len()).as_bytes());
                bytes.extend_from_slice(piece);
                bytes.extend_from_slice(b"\r\n");
            }
            bytes.extend_from_slice(b"0\r\n\r\n");
        } else {
            bytes.extend_from_slice(body);
        }
        let r = raw_from(self.from, self.addr, &bytes);
        if r.status == 401
            && let Some(h) = r.header("www-authenticate")
        {
            let nonce = challenge_field(h, "nonce").unwrap();
            let opaque = challenge_field(h, "opaque").unwrap();
            self.nonce = Some((nonce, opaque, 0));
        }
        r
    }

    /// A request, answered with Digest after the challenge as Collect does.
    pub fn send(
        &mut self,
        method: &str,
        uri: &str,
        extra: &[(&str, String)],
        body: &[u8],
    ) -> Reply {
        let r = self.send_once(method, uri, extra, body);
        if r.status == 401 && r.header("www-authenticate").is_some() {
            return self.send_once(method, uri, extra, body);
        }
        r
    }

    pub fn get(&mut self, uri: &str) -> Reply {
        self.send("GET", uri, &[], b"")
    }

    /// `HEAD /submission`, then the multipart POST of `xml`.
    pub fn submit(&mut self, xml: &str) -> Reply {
        self.submit_with(xml, &[])
    }

    /// The same with more headers (`Transfer-Encoding: chunked` sends the body in chunks).
    pub fn submit_with(&mut self, xml: &str, headers: &[(&str, String)]) -> Reply {
        let head = self.send("HEAD", "/submission", &[], b"");
        assert_eq!(head.status, 204, "{head:?}");
        let boundary = "----pijatTestBoundary7MA4YWxkTrZu0gW";
        let body = format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"xml_submission_file\"; filename=\"submission.xml\"\r\nContent-Type: text/xml\r\n\r\n{xml}\r\n--{boundary}--\r\n"
        );
        let mut extra = vec![(
            "Content-Type",
            format!("multipart/form-data; boundary={boundary}"),
        )];
        extra.extend(headers.iter().cloned());
        self.send("POST", "/submission", &extra, body.as_bytes())
    }
}

/// A filled form as Collect writes it: the served form's instance with these answers, and
/// `instanceID`.
pub fn filled(form_xml: &str, answers: &[(&str, &str)], instance_id: &str) -> String {
    let start = form_xml.find("<data ").unwrap();
    let end = form_xml.find("</data>").unwrap() + "</data>".len();
    let mut inst = form_xml[start..end].to_string();
    for (k, v) in answers {
        let empty = format!("<{k}/>");
        assert!(inst.contains(&empty), "no field {k} in the form");
        inst = inst.replace(&empty, &format!("<{k}>{v}</{k}>"));
    }
    // Collect leaves out a field whose condition did not hold: a timed step's seconds when the
    // step was not done or not observed, the danger note when there was no sign.
    let mut kept = String::new();
    let mut rest = inst.as_str();
    while let Some(at) = rest.find("<seconds_") {
        let end = rest[at..].find('>').unwrap() + at;
        kept.push_str(&rest[..at]);
        if !rest[..=end].ends_with("/>") {
            kept.push_str(&rest[at..=end]);
        }
        rest = &rest[end + 1..];
    }
    kept.push_str(rest);
    kept.replace("<danger_note/>", "").replace(
        "<instanceID/>",
        &format!("<instanceID>uuid:{instance_id}</instanceID>"),
    )
}
