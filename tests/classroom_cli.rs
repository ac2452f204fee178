//! `pijat classroom`, the headless phone test, as a script or a projector PC runs it.

mod common;

use std::io::Write;
use std::net::SocketAddr;
use std::process::Child;
use std::sync::mpsc::Receiver;
use std::time::Duration;

use common::classroom::{class_with, saved};
use common::cli::{both, run};
use common::headless::{self, next};
use common::http::Phone;

const CLASS: &str = "Kelas Ayah ASI";

fn start(dir: &std::path::Path, phase: &str) -> (Child, Receiver<String>, SocketAddr, String) {
    let h = start_with(dir, phase, &[]);
    assert_eq!(h.code.len(), 6);
    (h.child, h.lines, h.addrs[0], h.code)
}

/// `pijat classroom` for the class on loopback, with `more` arguments.
fn start_with(dir: &std::path::Path, phase: &str, more: &[&str]) -> headless::Headless {
    let args = [
        "--class",
        CLASS,
        "--phase",
        phase,
        "--listen",
        "127.0.0.1:0",
    ];
    headless::start(dir, &[&args[..], more].concat())
}

/// `pijat classroom --class CLASS ARGS`, run to its end with no input.
fn refused(dir: &std::path::Path, args: &[&str]) -> std::process::Output {
    let mut all = vec!["classroom", "--class", CLASS];
    all.extend(args);
    run(dir, &all, "")
}

#[test]
fn prints_url_and_code_then_a_line_per_event_and_who_finished_when_input_ends() {
    let dir = tempfile::tempdir().unwrap();
    class_with(dir.path(), CLASS, &["Budi", "Agus"]);
    let (mut child, rx, addr, code) = start(dir.path(), "post");
    let p = Phone::open(addr);
    p.code(&code);
    let mut r = p.join(1);
    assert_eq!(next(&rx), "JOINED Budi");
    let total = r.json()["question"]["total"].as_u64().unwrap();
    for i in 1..=total {
        r = p.answer(r.json()["question"]["position"].as_u64().unwrap(), "b");
        assert_eq!(next(&rx), format!("ANSWERED Budi {i}/{total}"));
    }
    assert_eq!(next(&rx), "DONE Budi");
    assert!(r.json()["score"]["total"].as_u64() == Some(total));
    drop(child.stdin.take());
    assert_eq!(next(&rx), "FINISHED Budi");
    let status = child.wait().unwrap();
    assert!(status.success());
    assert!(
        rx.recv_timeout(Duration::from_secs(5)).is_err(),
        "nothing after"
    );
    assert!(
        std::net::TcpStream::connect(addr).is_err(),
        "the server stopped"
    );
    let rows = saved(dir.path(), "Budi");
    assert_eq!(rows[0].3.len() as u64, total);

    // The report sees the phone's answers as ordinary results of the class.
    let o = run(
        dir.path(),
        &[
            "report", "--class", CLASS, "--format", "json", "--names", "full",
        ],
        "",
    );
    assert!(o.status.success(), "{}", both(&o));
    let report: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let text = report.to_string();
    assert!(text.contains("Budi"), "{text}");
}

#[test]
fn a_name_typed_on_a_phone_is_accepted_or_refused_by_a_line_on_its_input() {
    let dir = tempfile::tempdir().unwrap();
    class_with(dir.path(), CLASS, &["Budi"]);
    let h = start_with(dir.path(), "pre", &["--allow-new-names"]);
    let (mut child, rx, addr) = (h.child, h.lines, h.addrs[0]);
    let joko = Phone::open(addr);
    joko.code(&h.code);
    assert_eq!(
        joko.post("/api/join", "{\"name\":\"Joko\"}").json()["step"],
        "asked"
    );
    assert_eq!(next(&rx), "ASKED Joko");
    let palsu = Phone::open(addr);
    palsu.code(&h.code);
    palsu.post("/api/join", "{\"name\":\"Palsu\"}");
    assert_eq!(next(&rx), "ASKED Palsu");
    let mut input = child.stdin.take().unwrap();
    writeln!(input, "ya joko\nsomething else\nno Palsu").unwrap();
    input.flush().unwrap();
    assert_eq!(next(&rx), "JOINED Joko");
    assert_eq!(next(&rx), "DECLINED Palsu");
    assert_eq!(joko.state().json()["step"], "question");
    assert_eq!(palsu.state().json()["step"], "name");
    drop(input);
    assert!(child.wait().unwrap().success());
}

#[cfg(unix)]
#[test]
fn sigterm_stops_it_and_it_says_who_finished() {
    let dir = tempfile::tempdir().unwrap();
    class_with(dir.path(), CLASS, &["Budi"]);
    let (mut child, rx, addr, code) = start(dir.path(), "pre");
    let p = Phone::open(addr);
    p.code(&code);
    let r = p.join(0);
    assert_eq!(next(&rx), "JOINED Budi");
    let a = common::classroom::token(&r, "s");
    p.answer(r.json()["question"]["position"].as_u64().unwrap(), &a);
    assert_eq!(
        next(&rx),
        format!("ANSWERED Budi 1/{}", r.json()["question"]["total"])
    );
    let killed = std::process::Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let status = child.wait().unwrap();
    assert!(status.success(), "{status:?}");
    assert!(
        rx.recv_timeout(Duration::from_secs(5)).is_err(),
        "nobody finished"
    );
    let _ = child.stdin.take().map(|mut s| s.write_all(b""));
}

#[test]
fn a_public_address_an_unknown_class_or_a_practice_phase_is_refused_with_what_to_do() {
    let dir = tempfile::tempdir().unwrap();
    class_with(dir.path(), CLASS, &["Budi"]);
    let o = refused(dir.path(), &["--phase", "pre", "--listen", "8.8.8.8:8080"]);
    assert_eq!(o.status.code(), Some(1), "{}", both(&o));
    assert!(
        both(&o).contains("bukan alamat jaringan pribadi"),
        "{}",
        both(&o)
    );
    let o = run(
        dir.path(),
        &[
            "--lang",
            "en",
            "classroom",
            "--class",
            CLASS,
            "--phase",
            "pre",
            "--listen",
            "0.0.0.0:8080",
        ],
        "",
    );
    assert!(
        both(&o).contains("is not a private network address"),
        "{}",
        both(&o)
    );
    let o = run(
        dir.path(),
        &["classroom", "--class", "Tidak Ada", "--phase", "pre"],
        "",
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(
        both(&o).contains("Tidak ada kelas bernama Tidak Ada"),
        "{}",
        both(&o)
    );
    let o = refused(dir.path(), &["--phase", "practice"]);
    assert_eq!(o.status.code(), Some(2), "{}", both(&o));
    let o = refused(dir.path(), &["--phase", "pre", "--quiz", "anatomy-check"]);
    assert_eq!(o.status.code(), Some(1), "{}", both(&o));
    assert!(both(&o).contains("bukan tes awal/akhir"), "{}", both(&o));
}

#[test]
fn without_listen_it_serves_only_private_or_loopback_addresses_on_one_port() {
    let dir = tempfile::tempdir().unwrap();
    class_with(dir.path(), CLASS, &["Budi"]);
    let mut h = headless::start(dir.path(), &["--class", CLASS, "--phase", "pre"]);
    for a in &h.addrs {
        let std::net::IpAddr::V4(v4) = a.ip() else {
            panic!("{a}")
        };
        assert!(v4.is_private() || v4.is_loopback(), "{a}");
        assert_eq!(a.port(), h.addrs[0].port());
    }
    assert_eq!(Phone::open(h.addrs[0]).state().status, 200);
    drop(h.child.stdin.take());
    assert!(h.child.wait().unwrap().success());
}
