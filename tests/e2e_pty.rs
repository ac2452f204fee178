//! The real binary in a pseudo-terminal, driven by keys as a trainee would: create a profile,
//! take the pre-test, open a lesson, run the practice at high speed, take the post-test, quit.
//! Then `pijat history` shows both scores and the practice run.

use std::io::{Read, Write};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

struct Screen {
    parser: vt100::Parser,
    rx: Receiver<Vec<u8>>,
    writer: Box<dyn Write + Send>,
}

impl Screen {
    fn text(&self) -> String {
        self.parser.screen().contents()
    }

    fn pump(&mut self, wait: Duration) {
        if let Ok(bytes) = self.rx.recv_timeout(wait) {
            self.parser.process(&bytes);
        }
        while let Ok(bytes) = self.rx.try_recv() {
            self.parser.process(&bytes);
        }
    }

    /// Waits (with a deadline, not a sleep) until the screen shows `want`.
    fn wait_for(&mut self, want: &str) {
        let deadline = Instant::now() + Duration::from_secs(20);
        while !self.text().contains(want) {
            assert!(
                Instant::now() < deadline,
                "timed out waiting for {want:?}; screen:\n{}",
                self.text()
            );
            self.pump(Duration::from_millis(50));
        }
    }

    fn send(&mut self, s: &str) {
        self.writer.write_all(s.as_bytes()).unwrap();
        self.writer.flush().unwrap();
        // Lets a lone Esc be read as Esc, not as the start of an escape sequence.
        self.pump(Duration::from_millis(60));
    }
}

const ENTER: &str = "\r";
const DOWN: &str = "\x1b[B";
const ESC: &str = "\x1b";

#[test]
fn a_trainee_walks_the_whole_path_and_history_shows_it() {
    let dir = tempfile::tempdir().unwrap();
    let pty = native_pty_system()
        .openpty(PtySize {
            rows: 24,
            cols: 80,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_pijat"));
    cmd.args(["--practice-speed", "100"]);
    cmd.env("PIJAT_DATA_DIR", dir.path());
    cmd.env("PIJAT_LANG", "en");
    cmd.env("TERM", "xterm-256color");
    let mut child = pty.slave.spawn_command(cmd).unwrap();
    drop(pty.slave);
    let mut reader = pty.master.try_clone_reader().unwrap();
    let (tx, rx) = channel();
    std::thread::spawn(move || {
        let mut buf = [0u8; 4096];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                break;
            }
        }
    });
    let mut s = Screen {
        parser: vt100::Parser::new(
            std::num::NonZero::new(24).unwrap(),
            std::num::NonZero::new(80).unwrap(),
            0,
        ),
        rx,
        writer: pty.master.take_writer().unwrap(),
    };

    s.wait_for("Type your name");
    s.send("Budi Santoso");
    s.send(ENTER);
    s.wait_for("Role for Budi Santoso");
    s.send(ENTER);
    s.wait_for("Next: Pre-test");

    // The pre-test: every statement answered "true".
    s.send(ENTER);
    s.wait_for("1/10");
    for i in 1..=10 {
        s.wait_for(&format!("{i}/10"));
        s.send("t");
        s.send(ENTER);
    }
    s.wait_for("Your score:");
    assert!(
        s.text()
            .contains("Right answers are not shown after the pre-test")
    );
    s.send(ENTER);

    // A lesson: the first module, two pages.
    s.wait_for("Next: Modules");
    s.send(ENTER);
    s.send(ENTER);
    s.wait_for("page 1/");
    s.send("n");
    s.wait_for("page 2/");
    s.send(ESC);
    s.wait_for("2/5 pages");
    s.send(ESC);
    s.wait_for("Learning path");

    // The practice at 100× speed: key-press steps with n, timed ones run out by themselves.
    s.send(DOWN);
    s.send(ENTER);
    s.wait_for("I have read and understood: start");
    s.send(ENTER);
    s.wait_for("Step 1/14");
    let deadline = Instant::now() + Duration::from_secs(30);
    while !s.text().contains("Mark the steps you did well") {
        assert!(
            Instant::now() < deadline,
            "practice did not end:\n{}",
            s.text()
        );
        s.send("n");
        s.pump(Duration::from_millis(100));
    }
    s.send(" ");
    s.send(ENTER);
    s.wait_for("Practice done");
    s.send(ENTER);

    // The post-test, two items below the next step (modules are not all read yet).
    s.wait_for("Next: Modules");
    s.send(DOWN);
    s.send(DOWN);
    s.send(ENTER);
    s.wait_for("Post-test");
    for i in 1..=10 {
        s.wait_for(&format!("{i}/10"));
        s.send("t");
        s.send(ENTER);
    }
    s.wait_for("Your score:");
    assert!(
        s.text().contains("Pre-test") && s.text().contains("→ Post-test"),
        "{}",
        s.text()
    );
    s.send(ENTER);
    s.wait_for("Learning path");
    s.send("q");
    let deadline = Instant::now() + Duration::from_secs(10);
    let status = loop {
        if let Some(st) = child.try_wait().unwrap() {
            break st;
        }
        assert!(Instant::now() < deadline, "pijat did not quit");
        s.pump(Duration::from_millis(50));
    };
    assert!(status.success());
    s.pump(Duration::from_millis(100));
    assert!(
        !s.parser.screen().alternate_screen(),
        "the terminal is restored"
    );

    let out = std::process::Command::new(env!("CARGO_BIN_EXE_pijat"))
        .args(["history", "--profile", "Budi Santoso", "--lang", "en"])
        .env("PIJAT_DATA_DIR", dir.path())
        .output()
        .unwrap();
    let h = String::from_utf8_lossy(&out.stdout);
    assert!(
        h.lines()
            .any(|l| l.contains("pre-test") && l.contains("(") && l.contains("/10)")),
        "{h}"
    );
    assert!(
        h.lines()
            .any(|l| l.contains("post-test") && l.contains("/10)")),
        "{h}"
    );
    assert!(h.contains("pre-test") && h.contains("→ post-test"), "{h}");
    assert!(
        h.contains("Massage practice:") && h.contains("1/14 steps done well"),
        "{h}"
    );
}
