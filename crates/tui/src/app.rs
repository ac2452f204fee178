//! The app state and its one `update`: key presses become actions by the key table, actions go
//! to the screen on top, and the screen answers with where to go next. Drawing reads the state
//! and changes nothing.

use std::time::Instant;

use crossterm::event::{KeyEvent, KeyEventKind};

use super::keys::{self, Action, Context};
pub use super::nav::{Confirm, Cx, Nav, Overlay};
use super::screens::{self, Screen};
use super::theme::Theme;
use super::view::body_area;
use pijat_app::{Profile, Records};
use pijat_content::{Content, Lang};
use ratatui::layout::Rect;

pub enum Msg {
    Key(KeyEvent),
    Resize(u16, u16),
    /// Time passed: countdowns and animations move on.
    Tick(Instant),
}

/// What the event loop does for the app (the only output besides drawing).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Effect {
    /// Ring the terminal bell (BEL) at a step change.
    Bell,
    /// Say this aloud (cutting off what is being said), in the language `lang`.
    Say { text: String, lang: String },
    /// Stop speaking.
    Hush,
}

/// Passes the spoken effects to a speech engine (the event loop, and tests with a recorder).
pub fn voice_effects(effects: &[Effect], speech: &dyn pijat_speech::Speech) {
    for e in effects {
        match e {
            Effect::Say { text, lang } => speech.say(text, lang),
            Effect::Hush => speech.stop(),
            Effect::Bell => {}
        }
    }
}

pub struct App<'c> {
    pub content: &'c Content,
    pub records: Records,
    pub lang: Lang,
    /// `--lang` / `PIJAT_LANG` given: it wins over a profile's saved language at login.
    pub lang_forced: bool,
    pub theme: Theme,
    pub profile: Option<Profile>,
    pub screens: Vec<Screen<'c>>,
    pub overlay: Option<Overlay>,
    pub now: Instant,
    /// `--practice-speed`: demonstrations and tests run timed steps faster.
    pub speed: f64,
    pub bell: bool,
    pub voice: bool,
    pub auto_read: bool,
    pub quit: bool,
    /// A one-line message shown until the next key.
    pub toast: Option<String>,
    pub effects: Vec<Effect>,
    /// The window's size, kept by the event loop.
    pub size: Rect,
    pub seed: Option<u64>,
    pub serve: Option<&'static dyn pijat_app::classroom::Serve>,
}

impl<'c> App<'c> {
    pub fn new(
        content: &'c Content,
        store: Records,
        lang: Option<Lang>,
        theme: Theme,
        speed: f64,
        now: Instant,
    ) -> Self {
        let bell = store
            .setting("bell")
            .ok()
            .flatten()
            .is_none_or(|v| v != "off");
        let setting = |key: &str, default: bool| {
            store
                .setting(key)
                .ok()
                .flatten()
                .map_or(default, |v| v == "on")
        };
        let (voice, auto_read) = (setting("voice", true), setting("auto_read", false));
        let mut app = App {
            content,
            lang_forced: lang.is_some(),
            lang: lang.unwrap_or_else(Lang::id),
            records: store,
            theme,
            profile: None,
            screens: Vec::new(),
            overlay: None,
            now,
            speed,
            bell,
            voice,
            auto_read,
            quit: false,
            toast: None,
            effects: Vec::new(),
            size: Rect::new(0, 0, 80, 24),
            seed: None,
            serve: None,
        };
        let profiles = screens::profiles::ProfilesScreen::load(&app.records);
        app.screens.push(Screen::Profiles(profiles));
        app
    }

    pub fn top(&self) -> &Screen<'c> {
        // The stack always holds at least the first screen.
        #[allow(
            clippy::expect_used,
            reason = "the stack is made with a first screen and never pops it"
        )]
        self.screens.last().expect("a screen")
    }

    pub fn context(&self) -> Context {
        match self.overlay {
            Some(Overlay::Help(_)) => Context::Help,
            Some(Overlay::Confirm(_)) => Context::Confirm,
            None => self.top().context(),
        }
    }

    /// Whether the window is below the smallest size pijat draws in (it shows only a message).
    pub fn too_small(&self) -> bool {
        crate::view::too_small(self.size)
    }

    /// The next moment something changes by itself (a countdown mark, an animation frame).
    pub fn next_wake(&self) -> Option<Instant> {
        self.top().next_wake(self.now)
    }

    pub fn update(&mut self, msg: Msg) {
        match msg {
            Msg::Resize(w, h) => {
                let was_small = self.too_small();
                self.size = Rect::new(0, 0, w, h);
                if self.too_small() && !was_small {
                    // Nothing unseen goes on: a question or the help is closed (as Esc would),
                    // and a running practice pauses until the window is big enough again.
                    self.overlay = None;
                    self.with_top(|screen, cx| screen.window_too_small(cx));
                }
            }
            Msg::Tick(now) => {
                self.now = now;
                self.with_top(|screen, cx| screen.tick(cx));
            }
            Msg::Key(key) => {
                // Windows terminals report releases too.
                if key.kind != KeyEventKind::Press {
                    return;
                }
                let ctx = self.context();
                let Some(action) = keys::action(ctx, &key) else {
                    return;
                };
                if self.too_small() {
                    // Only what the message says works: q and Ctrl+C quit (a practice was
                    // paused and saved when the window shrank). Every other key would act
                    // unseen.
                    if action == Action::Quit {
                        self.with_top(|screen, cx| screen.abandon(cx));
                        self.quit = true;
                    }
                    return;
                }
                self.toast = None;
                self.on_action(action);
            }
        }
    }

    fn on_action(&mut self, action: Action) {
        match (self.overlay, action) {
            (Some(Overlay::Help(_)), _) => self.overlay = None,
            (Some(Overlay::Confirm(c)), Action::Yes) => {
                self.overlay = None;
                match c {
                    Confirm::Quit => self.quit = true,
                    Confirm::LeavePractice | Confirm::LeaveQuiz => {
                        self.with_top(|screen, cx| screen.abandon(cx));
                        self.navigate(Nav::Pop);
                    }
                    Confirm::CodesOff => {
                        let s = pijat_core::strings::tr(&self.lang);
                        self.toast = Some(match self.records.set_codes_required(false) {
                            Ok(()) => s.codes_now_off.to_string(),
                            Err(e) => e.message().get(self.lang.code()).to_string(),
                        });
                        // The row and the status line say the same thing at once.
                        self.with_top(|screen, cx| screen.refresh(cx));
                    }
                }
            }
            (Some(Overlay::Confirm(_)), _) => self.overlay = None,
            (None, Action::Help) => self.overlay = Some(Overlay::Help(self.top().context())),
            (None, Action::Lang) => self.switch_language(),
            (None, Action::Quit) => {
                if self.top().asks_before_leaving() {
                    self.overlay = Some(Overlay::Confirm(Confirm::Quit));
                } else {
                    self.quit = true;
                }
            }
            (None, action) => {
                let nav = self.with_top(|screen, cx| screen.handle(action, cx));
                self.navigate(nav);
            }
        }
    }

    fn switch_language(&mut self) {
        self.lang = self.lang.toggled();
        if let Some(p) = &mut self.profile
            && self
                .records
                .set_profile_lang(&p.id, self.lang.code())
                .is_ok()
        {
            p.lang = Some(self.lang.code().to_string());
        }
    }

    /// Runs `f` on the top screen with the context it needs.
    fn with_top<R>(&mut self, f: impl FnOnce(&mut Screen<'c>, &mut Cx<'_, 'c>) -> R) -> R {
        let mut cx = Cx {
            content: self.content,
            records: &mut self.records,
            lang: &self.lang,
            profile: self.profile.as_ref(),
            now: self.now,
            speed: self.speed,
            bell: &mut self.bell,
            effects: &mut self.effects,
            toast: &mut self.toast,
            body: body_area(self.size),
            theme: &self.theme,
            seed: self.seed,
            voice: &mut self.voice,
            auto_read: &mut self.auto_read,
            serve: self.serve,
        };
        #[allow(
            clippy::expect_used,
            reason = "the stack is made with a first screen and never pops it"
        )]
        let top = self.screens.last_mut().expect("a screen");
        f(top, &mut cx)
    }

    pub fn navigate(&mut self, nav: Nav<'c>) {
        match nav {
            Nav::Stay => return,
            Nav::Push(s) => self.screens.push(s),
            Nav::Replace(s) => {
                self.screens.pop();
                self.screens.push(s);
            }
            Nav::Pop => {
                if self.screens.len() > 1 {
                    self.screens.pop();
                }
            }
            Nav::PopN(n) => {
                let keep = self.screens.len().saturating_sub(n).max(1);
                self.screens.truncate(keep);
            }
            Nav::Home => self.screens.truncate(2.min(self.screens.len())),
            Nav::Ask(c) => {
                self.overlay = Some(Overlay::Confirm(c));
                return;
            }
            Nav::Enter(profile) => {
                let _ = self.records.touch_profile(&profile.id);
                if !self.lang_forced
                    && let Some(l) = profile.lang.as_deref().and_then(Lang::parse)
                {
                    self.lang = l;
                }
                self.profile = Some(profile);
                self.screens.truncate(1);
                let home = screens::home::HomeScreen::default();
                self.screens.push(Screen::Home(home));
            }
            Nav::SwitchProfile => {
                self.profile = None;
                self.screens.clear();
                self.screens
                    .push(Screen::Profiles(screens::profiles::ProfilesScreen::load(
                        &self.records,
                    )));
            }
            Nav::Quit => self.quit = true,
            Nav::SwitchLanguage => self.switch_language(),
        }
        // The screen now on top shows fresh figures (scores, pages read).
        self.with_top(|screen, cx| screen.refresh(cx));
    }

    pub fn take_effects(&mut self) -> Vec<Effect> {
        std::mem::take(&mut self.effects)
    }
}
