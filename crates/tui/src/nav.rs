//! What passes between the app and its screens: the questions asked over a screen, the
//! overlays, where a screen sends the app next, and everything a screen may use (`Cx`).

use std::time::Instant;

use super::app::Effect;
use super::keys::Context;
use super::screens::Screen;
use super::theme::Theme;
use super::view::View;
use pijat_app::{Profile, Records};
use pijat_content::{Content, Lang};
use pijat_core::strings::tr;
use ratatui::layout::Rect;

/// A question asked over the current screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Confirm {
    /// `q` inside a quiz or a practice: leave the app?
    Quit,
    /// Esc inside a practice: stop it?
    LeavePractice,
    /// Esc inside a quiz: leave it for now?
    LeaveQuiz,
    /// Trainer mode: switch trainees' personal codes off?
    CodesOff,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
/// What is drawn over the current screen, taking its keys until closed.
pub enum Overlay {
    /// The keys of the screen it opened on (`?`).
    Help(Context),
    /// A yes/no question.
    Confirm(Confirm),
}

/// Where a screen sends the app after an action.
pub enum Nav<'c> {
    /// Stay on this screen.
    Stay,
    /// Open a screen over this one (Esc comes back here).
    Push(Screen<'c>),
    /// Put a screen in this one's place.
    Replace(Screen<'c>),
    /// Back to the screen below.
    Pop,
    /// Several screens back at once (leaving a group test through its PIN screen).
    PopN(usize),
    /// Back to the trainee's home screen.
    Home,
    /// Ask a yes/no question over this screen.
    Ask(Confirm),
    /// A profile was chosen or created: its home.
    Enter(Profile),
    /// The next trainee at a shared laptop.
    SwitchProfile,
    /// Bahasa Indonesia / English, as `L` does.
    SwitchLanguage,
    /// Leave the app.
    Quit,
}

/// Everything a screen may use while handling an action.
pub struct Cx<'a, 'c> {
    /// The modules, quizzes and checklists.
    pub content: &'c Content,
    /// The data file, through the app's use cases.
    pub records: &'a mut Records,
    /// The language the screens are shown in.
    pub lang: &'a Lang,
    /// The trainee using the app, once one is chosen.
    pub profile: Option<&'a Profile>,
    /// The time of this action (timers count from it).
    pub now: Instant,
    /// How fast timers run (`--speed`; 1 is real time).
    pub speed: f64,
    /// Set to ring the terminal bell after this action.
    pub bell: &'a mut bool,
    /// What the event loop does after drawing (speech, serving phones).
    pub effects: &'a mut Vec<Effect>,
    /// A short message shown over the next frame, inside the panel.
    pub toast: &'a mut Option<String>,
    /// The screen's area at the current window size, for scrolling limits.
    pub body: Rect,
    /// Colours, or none (`NO_COLOR`).
    pub theme: &'a Theme,
    /// A fixed seed for new quiz attempts (tests and snapshots); random otherwise.
    pub seed: Option<u64>,
    /// Spoken guidance on (`--voice`, or `v` in the practice).
    pub voice: &'a mut bool,
    /// The trainer's choice: read each question aloud in group tests and projector mode.
    pub auto_read: &'a mut bool,
    /// Who serves the test on phones (the web shell, handed over by `main`); none in tests
    /// that do not need it.
    pub serve: Option<&'static dyn pijat_app::classroom::Serve>,
}

impl Cx<'_, '_> {
    /// Says `text` aloud in the interface's language, when the voice is on.
    pub fn say(&mut self, text: impl Into<String>) {
        if *self.voice {
            self.effects.push(Effect::Say {
                text: text.into(),
                lang: self.lang.code().to_string(),
            });
        }
    }

    /// Says `text` because someone asked for it (`r`), whatever the voice setting.
    pub fn say_now(&mut self, text: impl Into<String>) {
        self.effects.push(Effect::Say {
            text: text.into(),
            lang: self.lang.code().to_string(),
        });
    }

    /// Switches reading questions aloud in group tests and projector mode (kept as a setting);
    /// says so, and returns whether it is now on.
    pub fn toggle_auto_read(&mut self) -> bool {
        *self.auto_read = !*self.auto_read;
        let on = *self.auto_read;
        let _ = self
            .records
            .set_setting("auto_read", if on { "on" } else { "off" });
        let s = tr(self.lang);
        *self.toast = Some(if on { s.auto_read_on } else { s.auto_read_off }.to_string());
        on
    }

    /// Stops speaking.
    pub fn hush(&mut self) {
        self.effects.push(Effect::Hush);
    }

    /// What drawing would see, for screens that measure their text while handling keys.
    pub fn view(&self) -> View<'_> {
        View {
            lang: self.lang,
            theme: self.theme,
            now: self.now,
            content: self.content,
            s: tr(self.lang),
        }
    }
}
