//! A phone's requests, two ways. Through the router itself (`tower::ServiceExt::oneshot`) when
//! no socket is needed: what the routes answer. And as raw HTTP/1.1 over a TcpStream, kept
//! hand-written on purpose, so the attack tests can send what no client library would: a
//! foreign or doubled `Host`, a body that lies about its length, a request cut short.

use std::io::{Read, Write};
use std::net::{IpAddr, SocketAddr, TcpStream};
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;

/// A loopback address of its own for each new phone (127.0.1.0 up), as phones on a hotspot
/// each have their own: the server tells devices apart by address.
pub fn next_address() -> IpAddr {
    static NEXT: AtomicU32 = AtomicU32::new(0);
    let n = NEXT.fetch_add(1, Ordering::Relaxed) % (250 * 250);
    IpAddr::from([127, 0, 1 + (n / 250) as u8, 1 + (n % 250) as u8])
}

/// A connection to `addr` from the loopback address `from`.
pub fn connect_from(from: IpAddr, addr: SocketAddr) -> std::io::Result<TcpStream> {
    use socket2::{Domain, Socket, Type};
    let sock = Socket::new(Domain::IPV4, Type::STREAM, None)?;
    sock.bind(&SocketAddr::new(from, 0).into())?;
    sock.connect_timeout(&addr.into(), Duration::from_secs(5))?;
    Ok(sock.into())
}

#[derive(Debug)]
pub struct Reply {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Reply {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("{e}: {}", self.body))
    }

    /// The refusal's stable name (`wrong_code`…), or "" for a success.
    pub fn error(&self) -> String {
        self.json()["error"].as_str().unwrap_or("").to_string()
    }
}

/// Whether the server still holds this connection open (nothing to read, not closed).
pub fn held_open(c: &TcpStream) -> bool {
    c.set_nonblocking(true).unwrap();
    let mut b = [0u8; 256];
    let open = match (&*c).read(&mut b) {
        Err(e) => e.kind() == std::io::ErrorKind::WouldBlock,
        Ok(_) => false,
    };
    c.set_nonblocking(false).unwrap();
    open
}

/// Sends raw bytes and reads the whole reply (the connection is closed after it).
pub fn raw(addr: SocketAddr, bytes: &[u8]) -> Reply {
    raw_from(IpAddr::from([127, 0, 0, 1]), addr, bytes)
}

/// The same from the loopback address `from`.
pub fn raw_from(from: IpAddr, addr: SocketAddr, bytes: &[u8]) -> Reply {
    let mut s = connect_from(from, addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
    // A server may answer (413) and close before it has read a large body: read its reply anyway.
    let _ = s.write_all(bytes);
    let mut out = Vec::new();
    let mut buf = [0u8; 8192];
    // Read until the reply is complete: some servers keep the connection open after it.
    while !complete(&out) {
        match s.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => out.extend_from_slice(&buf[..n]),
        }
    }
    parse(&out)
}

fn complete(out: &[u8]) -> bool {
    let Some(end) = out.windows(4).position(|w| w == b"\r\n\r\n") else {
        return false;
    };
    let head = String::from_utf8_lossy(&out[..end]).to_ascii_lowercase();
    let body = &out[end + 4..];
    if let Some(len) = head
        .lines()
        .find_map(|l| l.strip_prefix("content-length:"))
        .and_then(|v| v.trim().parse::<usize>().ok())
    {
        return body.len() >= len;
    }
    if head.contains("transfer-encoding: chunked") {
        return body.ends_with(b"0\r\n\r\n");
    }
    false
}

fn parse(out: &[u8]) -> Reply {
    let text = String::from_utf8_lossy(out);
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let mut lines = head.lines();
    let status = lines
        .next()
        .and_then(|l| l.split(' ').nth(1))
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .collect();
    let chunked = headers.iter().any(|(k, v): &(String, String)| {
        k.eq_ignore_ascii_case("transfer-encoding") && v.contains("chunked")
    });
    let body = if chunked {
        unchunk(body)
    } else {
        body.to_string()
    };
    Reply {
        status,
        headers,
        body,
    }
}

fn unchunk(mut rest: &str) -> String {
    let mut out = String::new();
    while let Some((size, after)) = rest.split_once("\r\n") {
        let n = usize::from_str_radix(size.trim(), 16).unwrap_or(0);
        if n == 0 || after.len() < n {
            break;
        }
        out.push_str(&after[..n]);
        rest = after[n..].trim_start_matches("\r\n");
    }
    out
}

/// A request with `Host` set to the server's address unless `host` says otherwise.
pub fn request(
    addr: SocketAddr,
    from: IpAddr,
    method: &str,
    path: &str,
    host: Option<&str>,
    headers: &[(&str, &str)],
    body: &str,
) -> Reply {
    let host = host.map_or_else(|| addr.to_string(), str::to_string);
    let mut req = format!("{method} {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n");
    for (k, v) in headers {
        req.push_str(&format!("{k}: {v}\r\n"));
    }
    if !body.is_empty() || method == "POST" {
        req.push_str(&format!("Content-Length: {}\r\n", body.len()));
    }
    req.push_str("\r\n");
    req.push_str(body);
    raw_from(from, addr, req.as_bytes())
}

/// Sends one request straight to `router` as if from `from`, with `Host` set to `host`.
pub fn oneshot(
    router: &axum::Router,
    from: IpAddr,
    method: &str,
    path: &str,
    host: &str,
    headers: &[(&str, &str)],
    body: &str,
) -> Reply {
    use tower::ServiceExt;
    let mut req = axum::http::Request::builder()
        .method(method)
        .uri(path)
        .header("host", host);
    for (k, v) in headers {
        req = req.header(*k, *v);
    }
    let mut req = req.body(axum::body::Body::from(body.to_string())).unwrap();
    req.extensions_mut()
        .insert(axum::extract::ConnectInfo(SocketAddr::new(from, 0)));
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        let res = router.clone().oneshot(req).await.unwrap();
        let status = res.status().as_u16();
        let headers = res
            .headers()
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_str().unwrap_or_default().to_string()))
            .collect();
        let bytes = axum::body::to_bytes(res.into_body(), 1 << 20)
            .await
            .unwrap();
        Reply {
            status,
            headers,
            body: String::from_utf8_lossy(&bytes).into_owned(),
        }
    })
}

/// One phone: keeps the cookie the page gave it. Its requests go to the router itself when it
/// has one, else over a socket to `addr`.
#[derive(Clone)]
pub struct Phone {
    pub addr: SocketAddr,
    pub cookie: Option<String>,
    pub router: Option<axum::Router>,
    /// The phone's own address.
    pub from: IpAddr,
}

impl Phone {
    /// Opens the page over a socket, as scanning the QR code does, and keeps its cookie.
    pub fn open(addr: SocketAddr) -> Phone {
        Phone::opened(Phone::stranger(addr))
    }

    /// Opens the page through `router` (no socket), as the server on `addr` answers it.
    pub fn open_via(router: axum::Router, addr: SocketAddr) -> Phone {
        Phone::opened(Phone {
            router: Some(router),
            ..Phone::stranger(addr)
        })
    }

    /// Opens the page over a socket from the loopback address `from`.
    pub fn open_from(addr: SocketAddr, from: IpAddr) -> Phone {
        Phone::opened(Phone {
            from,
            ..Phone::stranger(addr)
        })
    }

    /// A phone of its own address that has not opened the page: no cookie.
    pub fn stranger(addr: SocketAddr) -> Phone {
        Phone {
            addr,
            cookie: None,
            router: None,
            from: next_address(),
        }
    }

    fn opened(mut p: Phone) -> Phone {
        let r = p.get("/");
        assert_eq!(r.status, 200, "{r:?}");
        let set = r.header("set-cookie").expect("a cookie").to_string();
        p.cookie = Some(set.split(';').next().unwrap().to_string());
        p
    }

    fn cookie_header(&self) -> Vec<(&str, &str)> {
        self.cookie
            .as_deref()
            .map(|c| vec![("Cookie", c)])
            .unwrap_or_default()
    }

    fn send(&self, method: &str, path: &str, headers: &[(&str, &str)], body: &str) -> Reply {
        match &self.router {
            Some(r) => oneshot(
                r,
                self.from,
                method,
                path,
                &self.addr.to_string(),
                headers,
                body,
            ),
            None => request(self.addr, self.from, method, path, None, headers, body),
        }
    }

    pub fn get(&self, path: &str) -> Reply {
        self.send("GET", path, &self.cookie_header(), "")
    }

    pub fn post(&self, path: &str, json: &str) -> Reply {
        let mut h = self.cookie_header();
        h.push(("Content-Type", "application/json"));
        self.send("POST", path, &h, json)
    }

    pub fn code(&self, code: &str) -> Reply {
        self.post("/api/code", &format!("{{\"code\":\"{code}\"}}"))
    }

    pub fn join(&self, n: usize) -> Reply {
        self.post("/api/join", &format!("{{\"n\":{n}}}"))
    }

    pub fn answer(&self, position: u64, answer: &str) -> Reply {
        self.post(
            "/api/answer",
            &serde_json::json!({"position": position, "answer": answer}).to_string(),
        )
    }

    pub fn state(&self) -> Reply {
        self.get("/api/state")
    }
}
