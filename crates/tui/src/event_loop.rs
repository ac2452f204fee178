//! The only place that touches the terminal: draw, ring the bell, and wait for a key or for the
//! next moment something changes on its own (no busy loop: idle means blocked in `poll`).

use std::io::Write;
use std::time::{Duration, Instant};

use crossterm::event::{self, Event};

use super::app::{App, Effect, Msg, voice_effects};
use super::theme::Theme;
use super::view;
use pijat_app::Records;
use pijat_content::{Content, Lang};
use pijat_speech::Speech;

/// Restores the terminal however `run` ends (the panic hook of `ratatui::init` covers panics).
struct Restore;

impl Drop for Restore {
    fn drop(&mut self) {
        ratatui::restore();
    }
}

/// How long to sleep when nothing is scheduled: a key or a resize wakes the loop anyway.
const IDLE: Duration = Duration::from_secs(3600);

/// Why the app could not run.
pub enum StartError {
    /// Content or data could not be prepared: the message says what to fix.
    Prepare(String),
    /// The terminal could not be set up or drawn to.
    Terminal(std::io::Error),
}

/// Runs the app. The first frame, the trainees' names, needs no content: it is drawn as soon as
/// the terminal is ready (from the data file, or with no names in a new data folder), and the
/// content and a new data file are prepared after it, on two threads. No key is handled before
/// both are ready.
pub fn run(
    load_content: impl FnOnce() -> Result<Content, String> + Send,
    open_store: impl FnOnce() -> Result<Records, String> + Send,
    new_data_folder: bool,
    lang: Option<Lang>,
    speed: f64,
    voice: Option<bool>,
    serve: &'static dyn pijat_app::classroom::Serve,
) -> Result<(), StartError> {
    let failed = |m: String| {
        ratatui::restore();
        StartError::Prepare(m)
    };
    let mut terminal = ratatui::try_init().map_err(StartError::Terminal)?;
    let _restore = Restore;
    let theme = Theme::from_env();
    // An existing data file opens in well under a millisecond; a new one is created later.
    let (opened, to_open) = if new_data_folder {
        (None, Some(open_store))
    } else {
        (Some(open_store().map_err(failed)?), None)
    };
    let profiles = opened
        .as_ref()
        .map(|s| s.profiles_recent().unwrap_or_default())
        .unwrap_or_default();
    first_frame(&mut terminal, profiles, lang.as_ref(), &theme).map_err(StartError::Terminal)?;
    let (content, store) = std::thread::scope(|scope| {
        let content = scope.spawn(load_content);
        let store = match (opened, to_open) {
            (Some(s), _) => Ok(s),
            (None, Some(open)) => open(),
            (None, None) => Err("pijat: no data file".to_string()),
        };
        let content = content
            .join()
            .unwrap_or_else(|_| Err("pijat: loading the content failed".into()));
        (content, store)
    });
    let content = content.map_err(failed)?;
    let store = store.map_err(failed)?;
    let mut app = App::new(&content, store, lang, theme, speed, Instant::now());
    app.serve = Some(serve);
    if let Some(on) = voice {
        // `--voice` is kept as the setting for next time.
        app.voice = on;
        let _ = app
            .records
            .set_setting("voice", if on { "on" } else { "off" });
    }
    let size = terminal.size().map_err(StartError::Terminal)?;
    app.update(Msg::Resize(size.width, size.height));
    event_loop(&mut terminal, &mut app).map_err(StartError::Terminal)
}

/// The trainees' names, drawn before anything else is ready.
fn first_frame(
    terminal: &mut ratatui::DefaultTerminal,
    profiles: Vec<pijat_app::Profile>,
    lang: Option<&Lang>,
    theme: &Theme,
) -> std::io::Result<()> {
    let empty = Content::empty();
    let lang = lang.cloned().unwrap_or_else(Lang::id);
    let view = view::View {
        lang: &lang,
        theme,
        now: Instant::now(),
        content: &empty,
        s: pijat_core::strings::tr(&lang),
    };
    let top =
        super::screens::Screen::Profiles(super::screens::profiles::ProfilesScreen::with(profiles));
    let parts = view::Parts {
        top: &top,
        profile: None,
        overlay: None,
        toast: None,
    };
    terminal.draw(|f| view::draw_parts(&parts, &view, f.area(), f.buffer_mut()))?;
    Ok(())
}

/// The computer's voice, found the first time something is to be said.
enum Voice {
    NotYetLooked,
    Found(Box<dyn Speech + Send>),
    Missing,
}

fn event_loop(terminal: &mut ratatui::DefaultTerminal, app: &mut App) -> std::io::Result<()> {
    let mut voice = Voice::NotYetLooked;
    loop {
        let effects = app.take_effects();
        let speaks = effects.iter().any(|e| matches!(e, Effect::Say { .. }));
        if speaks && matches!(voice, Voice::NotYetLooked) {
            voice = match pijat_speech::detect() {
                Ok(s) => Voice::Found(s),
                Err(_) => {
                    // Said once; then pijat carries on silently.
                    app.toast = Some(pijat_core::strings::tr(&app.lang).no_voice.to_string());
                    Voice::Missing
                }
            };
        }
        if let Voice::Found(s) = &voice {
            voice_effects(&effects, s.as_ref());
        }
        terminal.draw(|f| view::draw(app, f.area(), f.buffer_mut()))?;
        if effects.contains(&Effect::Bell) {
            let mut out = std::io::stdout();
            out.write_all(b"\x07")?;
            out.flush()?;
        }
        if app.quit {
            if let Voice::Found(s) = &voice {
                s.stop();
            }
            return Ok(());
        }
        let timeout = app
            .next_wake()
            .map_or(IDLE, |at| at.saturating_duration_since(Instant::now()));
        if event::poll(timeout)? {
            // Time first, so a key acts on an up-to-date countdown.
            app.update(Msg::Tick(Instant::now()));
            match event::read()? {
                Event::Key(key) => app.update(Msg::Key(key)),
                Event::Resize(w, h) => app.update(Msg::Resize(w, h)),
                _ => {}
            }
        } else {
            app.update(Msg::Tick(Instant::now()));
        }
    }
}
