//! espeak-ng, run as a program: speaking (a child process that a new sentence kills) and
//! rendering a sentence to WAV for the audio guide.

use std::path::PathBuf;
use std::process::{Child, Command, Stdio};

use super::{Engine, Said};

/// The espeak-ng program, if installed (`espeak` as a fallback).
pub fn espeak_program() -> Option<PathBuf> {
    ["espeak-ng", "espeak"].iter().find_map(|name| {
        Command::new(name)
            .arg("--version")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .ok()
            .filter(|s| s.success())
            .map(|_| PathBuf::from(name))
    })
}

/// espeak-ng's voice for a content language: Indonesian and English have voices; a language
/// without one (`jv`, `su`) is read with the Indonesian voice, as the text falls back too.
fn voice(lang: &str) -> &'static str {
    match lang {
        "en" => "en",
        "ms" => "ms",
        _ => "id",
    }
}

/// A calm speed for people who read slowly (words a minute; espeak-ng's default is 175).
const WPM: &str = "150";

pub struct Espeak {
    program: PathBuf,
    child: Option<Child>,
}

impl Espeak {
    pub fn new(program: PathBuf) -> Self {
        Espeak {
            program,
            child: None,
        }
    }
}

impl Engine for Espeak {
    fn start(&mut self, said: &Said) {
        self.child = Command::new(&self.program)
            .args(["-v", voice(&said.lang), "-s", WPM, "--", &said.text])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .ok();
    }

    fn cancel(&mut self) {
        if let Some(mut c) = self.child.take() {
            let _ = c.kill();
            let _ = c.wait();
        }
    }
}

/// `text` spoken as WAV bytes (espeak-ng's own format: 22,050 Hz, mono, 16-bit).
pub fn synthesize_wav(program: &PathBuf, text: &str, lang: &str) -> Result<Vec<u8>, String> {
    let out = Command::new(program)
        .args(["-v", voice(lang), "-s", WPM, "--stdout", "--", text])
        .stdin(Stdio::null())
        .stderr(Stdio::piped())
        .output()
        .map_err(|e| format!("{}: {e}", program.display()))?;
    if !out.status.success() || out.stdout.len() < 44 {
        return Err(format!(
            "{} failed: {}",
            program.display(),
            String::from_utf8_lossy(&out.stderr).trim()
        ));
    }
    Ok(out.stdout)
}
