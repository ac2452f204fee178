//! Driving the real binary in a pseudo-terminal (portable-pty) and reading its screen (vt100).

#![allow(dead_code)]

use std::io::{Read, Write};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, PtySize, native_pty_system};

pub mod app;
pub mod classroom;
pub mod cli;
pub mod collect;
pub mod headless;
pub mod http;
pub mod pdf;
pub mod qr;
pub mod skip;
pub mod tiny;
pub mod webdriver;

/// Headless Chromium with no reach for the internet (closed here), as DESIGN says.
pub const CHROMIUM_FLAGS: &[&str] = &[
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
];

pub struct Screen {
    pub parser: vt100::Parser,
    master: Box<dyn portable_pty::MasterPty + Send>,
    rx: Receiver<Vec<u8>>,
    writer: Box<dyn Write + Send>,
    pub child: Box<dyn Child + Send + Sync>,
}

pub const ENTER: &str = "\r";
pub const DOWN: &str = "\x1b[B";
pub const UP: &str = "\x1b[A";
pub const ESC: &str = "\x1b";
pub const TAB: &str = "\t";

/// Starts pijat at 80×24 with `args` and `env`.
pub fn spawn(args: &[&str], env: &[(&str, &std::path::Path)], lang: &str) -> Screen {
    let pty = native_pty_system()
        .openpty(PtySize {
            rows: 24,
            cols: 80,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_pijat"));
    cmd.args(args);
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.env("PIJAT_LANG", lang);
    cmd.env("TERM", "xterm-256color");
    let child = pty.slave.spawn_command(cmd).unwrap();
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
    let size = std::num::NonZero::new;
    Screen {
        parser: vt100::Parser::new(size(24).unwrap(), size(80).unwrap(), 0),
        rx,
        writer: pty.master.take_writer().unwrap(),
        master: pty.master,
        child,
    }
}

impl Screen {
    pub fn text(&self) -> String {
        self.parser.screen().contents()
    }

    pub fn pump(&mut self, wait: Duration) {
        if let Ok(bytes) = self.rx.recv_timeout(wait) {
            self.parser.process(&bytes);
        }
        while let Ok(bytes) = self.rx.try_recv() {
            self.parser.process(&bytes);
        }
    }

    /// Waits (with a deadline, not a sleep) until the screen shows `want`.
    pub fn wait_for(&mut self, want: &str) {
        let deadline = Instant::now() + Duration::from_secs(40);
        while !self.text().contains(want) {
            assert!(
                Instant::now() < deadline,
                "timed out waiting for {want:?}; screen:\n{}",
                self.text()
            );
            self.pump(Duration::from_millis(50));
        }
    }

    /// The window resized, as a user drags its corner: the program gets SIGWINCH.
    pub fn resize(&mut self, cols: u16, rows: u16) {
        self.master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        let size = |n: u16| std::num::NonZero::new(n).unwrap();
        self.parser.screen_mut().set_size(size(rows), size(cols));
        self.pump(Duration::from_millis(200));
    }

    pub fn send(&mut self, s: &str) {
        self.writer.write_all(s.as_bytes()).unwrap();
        self.writer.flush().unwrap();
        // Lets a lone Esc be read as Esc, not as the start of an escape sequence.
        self.pump(Duration::from_millis(60));
    }

    /// Waits for the process to end and returns whether it succeeded.
    pub fn wait_exit(&mut self) -> bool {
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            if let Some(st) = self.child.try_wait().unwrap() {
                self.pump(Duration::from_millis(100));
                return st.success();
            }
            assert!(
                Instant::now() < deadline,
                "pijat did not quit; the screen:\n{}",
                self.text()
            );
            self.pump(Duration::from_millis(50));
        }
    }
}

/// A new laptop in English: the welcome, the name, the first role (father), and the personal
/// code [`app::CODE`] chosen twice; ends on the learning path.
pub fn new_trainee(s: &mut Screen, name: &str) {
    s.wait_for("I am a trainee");
    s.send(ENTER);
    s.wait_for("Type your name");
    s.send(name);
    s.send(ENTER);
    s.wait_for(&format!("Role for {name}"));
    s.send(ENTER);
    s.wait_for("choose a 4-digit personal code");
    for _ in 0..2 {
        s.send(app::CODE);
        s.send(ENTER);
    }
    s.wait_for("Learning path");
}

/// Answers the `n` questions of a quiz in the app, one after another: a statement with
/// `statement` (`"t"`/`"f"`, or `"b"`/`"s"` in Indonesian), a single-choice item with `a`.
pub fn answer_quiz(s: &mut Screen, n: usize, statement: &str) {
    for i in 1..=n {
        s.wait_for(&format!("{i}/{n}"));
        let text = s.text();
        let is_statement = text.contains("t) True") || text.contains("b) Benar");
        s.send(if is_statement { statement } else { "a" });
        s.send(ENTER);
    }
}

/// Fails, showing `text`, unless every one of `parts` is in it.
#[track_caller]
pub fn says(text: &str, parts: &[&str]) {
    for part in parts {
        assert!(text.contains(part), "missing {part:?} in:\n{text}");
    }
}

/// The text of one part of a zip file (a Word file's `word/document.xml`, a workbook's
/// `xl/sharedStrings.xml`).
pub fn zip_part(file: &std::path::Path, part: &str) -> String {
    let bytes = std::fs::read(file).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut xml = String::new();
    zip.by_name(part).unwrap().read_to_string(&mut xml).unwrap();
    xml
}
