//! espeak-ng, run as a program: speaking (a child process that a new sentence kills) and
//! rendering a sentence to WAV for the audio guide.

use std::path::PathBuf;
use std::process::{Child, Command, Stdio};

use super::{Engine, Said};

/// Where espeak-ng may be: on the PATH (`espeak` as a fallback), or where its Windows installer
/// puts it, which it does not add to the PATH (`C:\Program Files\eSpeak NG\espeak-ng.exe`).
fn candidates(var: impl Fn(&str) -> Option<std::ffi::OsString>) -> Vec<PathBuf> {
    let mut c = vec![PathBuf::from("espeak-ng"), PathBuf::from("espeak")];
    for folder in ["ProgramFiles", "ProgramW6432", "ProgramFiles(x86)"] {
        if let Some(dir) = var(folder) {
            c.push(PathBuf::from(dir).join("eSpeak NG").join("espeak-ng.exe"));
        }
    }
    c
}

/// The espeak-ng program, if installed.
pub fn espeak_program() -> Option<PathBuf> {
    candidates(|v| std::env::var_os(v))
        .into_iter()
        .find(|program| {
            Command::new(program)
                .arg("--version")
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status()
                .is_ok_and(|s| s.success())
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

pub(crate) struct Espeak {
    program: PathBuf,
    child: Option<Child>,
}

impl Espeak {
    pub(crate) fn new(program: PathBuf) -> Self {
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

/// The samples and rate of espeak-ng's WAV (16-bit mono PCM). Written to a pipe, its header
/// gives no real length, so the data runs to the end of the bytes.
pub fn pcm_from_wav(bytes: &[u8]) -> Result<(u32, Vec<i16>), String> {
    let bad = || "espeak-ng gave audio pijat cannot read".to_string();
    let u16_at = |at: usize| {
        let b = bytes.get(at..at + 2)?;
        b.try_into().ok().map(u16::from_le_bytes)
    };
    let u32_at = |at: usize| {
        let b = bytes.get(at..at + 4)?;
        b.try_into().ok().map(u32::from_le_bytes)
    };
    if bytes.len() < 44 || bytes.get(0..4) != Some(b"RIFF") || bytes.get(8..12) != Some(b"WAVE") {
        return Err(bad());
    }
    let mut at = 12;
    let mut rate = None;
    while let (Some(id), Some(len)) = (bytes.get(at..at + 4), u32_at(at + 4)) {
        let len = len as usize;
        let body = at + 8;
        if id == b"fmt " {
            let field = |off: usize| u16_at(body + off).ok_or_else(bad);
            if field(0)? != 1 || field(2)? != 1 || field(14)? != 16 {
                return Err(bad());
            }
            rate = Some(u32_at(body + 4).ok_or_else(bad)?);
        } else if id == b"data" {
            let end = body.saturating_add(len).min(bytes.len());
            let samples = bytes
                .get(body..end)
                .unwrap_or_default()
                .as_chunks::<2>()
                .0
                .iter()
                .map(|c| i16::from_le_bytes(*c))
                .collect();
            return Ok((rate.ok_or_else(bad)?, samples));
        }
        at = body.saturating_add(len + len % 2);
    }
    Err(bad())
}

#[cfg(test)]
mod candidate_tests {
    use super::*;

    #[test]
    fn espeak_is_looked_for_on_the_path_then_where_its_windows_installer_puts_it() {
        let none = candidates(|_| None);
        assert_eq!(none, [PathBuf::from("espeak-ng"), PathBuf::from("espeak")]);
        let windows = candidates(|v| (v == "ProgramFiles").then(|| r"C:\Program Files".into()));
        assert_eq!(
            windows[2],
            PathBuf::from(r"C:\Program Files")
                .join("eSpeak NG")
                .join("espeak-ng.exe")
        );
    }
}
