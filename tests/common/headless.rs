//! `pijat classroom` started as a trainer's script starts it: its `URL …` lines and `CODE …`
//! read, the rest of its output delivered line by line. Shared by the tests and the load bench.

use std::io::{BufRead, BufReader};
use std::net::SocketAddr;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::Duration;

pub struct Headless {
    pub child: Child,
    /// The output after `CODE`, one line at a time.
    pub lines: Receiver<String>,
    pub addrs: Vec<SocketAddr>,
    pub code: String,
}

/// `pijat classroom ARGS` on the data folder `data`.
pub fn start(data: &Path, args: &[&str]) -> Headless {
    let mut child = Command::new(env!("CARGO_BIN_EXE_pijat"))
        .arg("classroom")
        .args(args)
        .env("PIJAT_DATA_DIR", data)
        .env_remove("PIJAT_LANG")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let out = child.stdout.take().unwrap();
    let (tx, lines) = channel();
    std::thread::spawn(move || {
        for l in BufReader::new(out).lines().map_while(Result::ok) {
            if tx.send(l).is_err() {
                break;
            }
        }
    });
    let mut addrs = Vec::new();
    let code = loop {
        let l = next(&lines);
        if let Some(code) = l.strip_prefix("CODE ") {
            break code.to_string();
        }
        let url = l
            .strip_prefix("URL http://")
            .unwrap_or_else(|| panic!("{l}"));
        addrs.push(url.trim_end_matches('/').parse().unwrap());
    };
    Headless {
        child,
        lines,
        addrs,
        code,
    }
}

/// The next line of output, within a deadline.
pub fn next(rx: &Receiver<String>) -> String {
    rx.recv_timeout(Duration::from_secs(30))
        .expect("a line in time")
}
