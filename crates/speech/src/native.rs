//! The computer's own voice on Windows (WinRT speech through the `tts` crate), choosing a voice
//! of the sentence's language when one is installed.

use tts::Tts;

use super::{Engine, Said};

pub(crate) struct Native {
    tts: Tts,
}

impl Native {
    /// `None` when Windows has no speech engine to offer.
    pub(crate) fn new() -> Option<Self> {
        let tts = Tts::default().ok()?;
        let voices = tts.voices().ok()?;
        if voices.is_empty() {
            return None;
        }
        Some(Native { tts })
    }

    fn choose_voice(&mut self, lang: &str) {
        let Ok(voices) = self.tts.voices() else {
            return;
        };
        let want = if lang == "en" { "en" } else { "id" };
        if let Some(v) = voices
            .iter()
            .find(|v| v.language().as_str().starts_with(want))
        {
            let _ = self.tts.set_voice(v);
        }
    }
}

impl Engine for Native {
    fn start(&mut self, said: &Said) {
        self.choose_voice(&said.lang);
        let _ = self.tts.speak(said.text.clone(), true);
    }

    fn cancel(&mut self) {
        let _ = self.tts.stop();
    }
}
