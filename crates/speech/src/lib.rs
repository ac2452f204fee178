//! Speaking aloud, without ever blocking the interface: a worker thread with a queue, where a
//! new sentence cuts off the one being spoken. The engine is the computer's own voice on Windows
//! (through the `tts` crate: Windows 10/11 ship an Indonesian voice) and espeak-ng elsewhere
//! (it has an Indonesian voice and is in every Linux distribution); tests use a recorder.

mod espeak;
#[cfg(windows)]
mod native;

use std::sync::mpsc::{Sender, channel};
use std::sync::{Arc, Mutex};

pub use espeak::{espeak_program, pcm_from_wav, synthesize_wav};

/// What is said, in which language (a content language code: `id`, `en`, …).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Said {
    /// The words.
    pub text: String,
    /// Their language code.
    pub lang: String,
}

/// A speech engine as the app sees it. Both calls return at once.
pub trait Speech {
    /// Says `text`, cutting off whatever is being said.
    fn say(&self, text: &str, lang: &str);
    /// Stops speaking.
    fn stop(&self);
}

/// One thing the worker is asked to do.
enum Job {
    Say(Said),
    Stop,
}

/// An engine, made and used on the worker thread only.
pub(crate) trait Engine {
    /// Starts speaking; the engine may return before it is done.
    fn start(&mut self, said: &Said);
    /// Cuts off what is being said.
    fn cancel(&mut self);
}

/// The worker: sentences go in a queue; the newest one wins.
pub struct Voice {
    tx: Sender<Job>,
}

impl Voice {
    /// Starts the worker and makes the engine on it; `None` when `make` finds no engine.
    fn spawn(make: impl FnOnce() -> Option<Box<dyn Engine>> + Send + 'static) -> Option<Voice> {
        let (tx, rx) = channel::<Job>();
        let (ready_tx, ready_rx) = channel::<bool>();
        std::thread::spawn(move || {
            let Some(mut engine) = make() else {
                let _ = ready_tx.send(false);
                return;
            };
            let _ = ready_tx.send(true);
            while let Ok(mut job) = rx.recv() {
                // Only the newest of what waits matters.
                while let Ok(newer) = rx.try_recv() {
                    job = newer;
                }
                engine.cancel();
                if let Job::Say(said) = job {
                    engine.start(&said);
                }
            }
            engine.cancel();
        });
        ready_rx.recv().unwrap_or(false).then_some(Voice { tx })
    }
}

impl Speech for Voice {
    fn say(&self, text: &str, lang: &str) {
        let _ = self.tx.send(Job::Say(Said {
            text: text.to_string(),
            lang: lang.to_string(),
        }));
    }

    fn stop(&self) {
        let _ = self.tx.send(Job::Stop);
    }
}

/// Says nothing (voice off, or no engine found).
pub struct Silent;

impl Speech for Silent {
    fn say(&self, _: &str, _: &str) {}
    fn stop(&self) {}
}

/// Records what would be said, for tests: `None` marks a stop.
#[derive(Clone, Default)]
pub struct Recorder {
    /// Everything said, in order.
    pub log: Arc<Mutex<Vec<Option<Said>>>>,
}

impl Recorder {
    /// A copy of the log so far.
    pub fn said(&self) -> Vec<Option<Said>> {
        self.log.lock().map(|l| l.clone()).unwrap_or_default()
    }
}

impl Speech for Recorder {
    fn say(&self, text: &str, lang: &str) {
        if let Ok(mut l) = self.log.lock() {
            l.push(Some(Said {
                text: text.to_string(),
                lang: lang.to_string(),
            }));
        }
    }

    fn stop(&self) {
        if let Ok(mut l) = self.log.lock() {
            l.push(None);
        }
    }
}

/// The computer's voice, or why there is none (said once, then pijat is silent).
pub fn detect() -> Result<Box<dyn Speech + Send>, String> {
    #[cfg(windows)]
    if let Some(voice) =
        Voice::spawn(|| native::Native::new().map(|n| Box::new(n) as Box<dyn Engine>))
    {
        return Ok(Box::new(voice));
    }
    let voice = espeak_program().and_then(|program| {
        Voice::spawn(move || Some(Box::new(espeak::Espeak::new(program)) as Box<dyn Engine>))
    });
    match voice {
        Some(v) => Ok(Box::new(v)),
        None => Err(no_voice_message().to_string()),
    }
}

/// What to tell the user when this computer has no voice to speak with.
pub fn no_voice_message() -> &'static str {
    if cfg!(windows) {
        "no voice found: install an Indonesian voice (Settings > Time & language > Speech) or espeak-ng"
    } else {
        "no voice found: install espeak-ng (Debian/Ubuntu: sudo apt install espeak-ng)"
    }
}
