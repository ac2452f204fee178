//! Headless Chromium driven through chromedriver's WebDriver protocol (JSON over HTTP, with the
//! plain client of `http.rs`): a phone-sized viewport, controls found by their visible text.

use std::net::{SocketAddr, TcpListener};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use super::http::{next_address, request};

const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";

pub struct Browser {
    driver: Child,
    addr: SocketAddr,
    session: String,
    _profile: tempfile::TempDir,
}

/// Why the browser test cannot run here, when it cannot.
pub fn missing() -> Option<String> {
    for tool in ["chromium", "chromedriver"] {
        let found = Command::new(tool)
            .arg("--version")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        if !found {
            return Some(format!(
                "{tool} is not installed (Debian: chromium chromium-driver)"
            ));
        }
    }
    None
}

fn call(addr: SocketAddr, method: &str, path: &str, body: &Value) -> Value {
    let text = if method == "POST" {
        body.to_string()
    } else {
        String::new()
    };
    let r = request(
        addr,
        next_address(),
        method,
        path,
        None,
        &[("Content-Type", "application/json")],
        &text,
    );
    let v: Value = serde_json::from_str(&r.body).unwrap_or(Value::Null);
    assert!(r.status < 300, "{method} {path}: {} {}", r.status, r.body);
    v["value"].clone()
}

impl Browser {
    /// Chromium at a 360×640 viewport (a common Android phone), offline flags as DESIGN says.
    pub fn phone() -> Browser {
        let port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let driver = Command::new("chromedriver")
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let addr: SocketAddr = ([127, 0, 0, 1], port).into();
        let deadline = Instant::now() + Duration::from_secs(30);
        while std::net::TcpStream::connect(addr).is_err() {
            assert!(Instant::now() < deadline, "chromedriver did not start");
            std::thread::sleep(Duration::from_millis(50));
        }
        let profile = tempfile::tempdir().unwrap();
        let mut args: Vec<String> = super::CHROMIUM_FLAGS
            .iter()
            .map(|s| s.to_string())
            .collect();
        args.push("--disable-quic".into());
        args.push("--disable-dev-shm-usage".into());
        args.push(format!("--user-data-dir={}", profile.path().display()));
        let caps = json!({"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": "/usr/bin/chromium",
                "args": args,
                "mobileEmulation": {"deviceMetrics": {"width": 360, "height": 640, "pixelRatio": 2.0}},
            }
        }}});
        let v = call(addr, "POST", "/session", &caps);
        let session = v["sessionId"].as_str().unwrap().to_string();
        Browser {
            driver,
            addr,
            session,
            _profile: profile,
        }
    }

    fn cmd(&self, method: &str, path: &str, body: Value) -> Value {
        call(
            self.addr,
            method,
            &format!("/session/{}{path}", self.session),
            &body,
        )
    }

    pub fn go(&self, url: &str) {
        self.cmd("POST", "/url", json!({"url": url}));
    }

    pub fn reload(&self) {
        self.cmd("POST", "/refresh", json!({}));
    }

    pub fn script(&self, js: &str) -> Value {
        self.cmd("POST", "/execute/sync", json!({"script": js, "args": []}))
    }

    pub fn text(&self) -> String {
        self.script("return document.body.innerText")
            .as_str()
            .unwrap_or("")
            .to_string()
    }

    /// Waits (a deadline, not a sleep) until the page shows `want`.
    pub fn wait_for(&self, want: &str) {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let t = self.text();
            if t.contains(want) {
                return;
            }
            assert!(Instant::now() < deadline, "no `{want}` on the page:\n{t}");
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn find(&self, xpath: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let r = request(
                self.addr,
                next_address(),
                "POST",
                &format!("/session/{}/element", self.session),
                None,
                &[("Content-Type", "application/json")],
                &json!({"using": "xpath", "value": xpath}).to_string(),
            );
            if r.status == 200 {
                let v: Value = serde_json::from_str(&r.body).unwrap();
                return v["value"][ELEMENT].as_str().unwrap().to_string();
            }
            assert!(
                Instant::now() < deadline,
                "nothing at {xpath}:\n{}",
                self.text()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Clicks the button whose visible text is `label` (or starts with it).
    pub fn click(&self, label: &str) {
        let e = self.find(&format!(
            "//button[not(@disabled)][normalize-space()='{label}' or starts-with(normalize-space(), '{label} ')]"
        ));
        self.cmd("POST", &format!("/element/{e}/click"), json!({}));
    }

    /// Types into the field labelled `label`.
    pub fn type_into(&self, label: &str, text: &str) {
        let e = self.find(&format!(
            "//input[@id=//label[contains(., '{label}')]/@for]"
        ));
        self.cmd(
            "POST",
            &format!("/element/{e}/value"),
            json!({"text": text}),
        );
    }

    /// The page as a PNG.
    pub fn screenshot(&self) -> Vec<u8> {
        let b64 = self.cmd("GET", "/screenshot", json!({}));
        decode64(b64.as_str().unwrap_or(""))
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = request(
            self.addr,
            next_address(),
            "DELETE",
            &format!("/session/{}", self.session),
            None,
            &[],
            "",
        );
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

fn decode64(s: &str) -> Vec<u8> {
    let val = |c: u8| match c {
        b'A'..=b'Z' => Some(c - b'A'),
        b'a'..=b'z' => Some(c - b'a' + 26),
        b'0'..=b'9' => Some(c - b'0' + 52),
        b'+' => Some(62),
        b'/' => Some(63),
        _ => None,
    };
    let bits: Vec<u8> = s.bytes().filter_map(val).collect();
    bits.chunks(4)
        .flat_map(|c| {
            let n = c.iter().fold(0u32, |acc, &v| (acc << 6) | u32::from(v)) << (6 * (4 - c.len()));
            let bytes = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
            bytes.into_iter().take(c.len().saturating_sub(1))
        })
        .collect()
}
