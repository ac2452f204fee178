//! A plain HTTP/1.1 client over a TcpStream, so tests can send what no browser would: a foreign
//! `Host`, a body that lies about its length, a cookie from elsewhere.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::Duration;

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

/// Sends raw bytes and reads the whole reply (the connection is closed after it).
pub fn raw(addr: SocketAddr, bytes: &[u8]) -> Reply {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
    s.write_all(bytes).unwrap();
    let mut out = Vec::new();
    let _ = s.read_to_end(&mut out);
    parse(&out)
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
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .collect();
    Reply {
        status,
        headers,
        body: body.to_string(),
    }
}

/// A request with `Host` set to the server's address unless `host` says otherwise.
pub fn request(
    addr: SocketAddr,
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
    raw(addr, req.as_bytes())
}

/// One phone: keeps the cookie the page gave it.
#[derive(Clone)]
pub struct Phone {
    pub addr: SocketAddr,
    pub cookie: Option<String>,
}

impl Phone {
    /// Opens the page, as scanning the QR code does, and keeps its cookie.
    pub fn open(addr: SocketAddr) -> Phone {
        let mut p = Phone { addr, cookie: None };
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

    pub fn get(&self, path: &str) -> Reply {
        request(self.addr, "GET", path, None, &self.cookie_header(), "")
    }

    pub fn post(&self, path: &str, json: &str) -> Reply {
        let mut h = self.cookie_header();
        h.push(("Content-Type", "application/json"));
        request(self.addr, "POST", path, None, &h, json)
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
