//! The only place that touches the terminal: draw, ring the bell, and wait for a key or for the
//! next moment something changes on its own (no busy loop: idle means blocked in `poll`).

use std::io::Write;
use std::time::{Duration, Instant};

use crossterm::event::{self, Event};

use super::app::{App, Effect, Msg};
use super::theme::Theme;
use super::view;
use crate::content::{Content, Lang};
use crate::store::Store;

/// Restores the terminal however `run` ends (the panic hook of `ratatui::init` covers panics).
struct Restore;

impl Drop for Restore {
    fn drop(&mut self) {
        ratatui::restore();
    }
}

/// How long to sleep when nothing is scheduled: a key or a resize wakes the loop anyway.
const IDLE: Duration = Duration::from_secs(3600);

pub fn run(content: &Content, store: Store, lang: Option<Lang>, speed: f64) -> std::io::Result<()> {
    let mut terminal = ratatui::try_init()?;
    let _restore = Restore;
    let mut app = App::new(
        content,
        store,
        lang,
        Theme::from_env(),
        speed,
        Instant::now(),
    );
    let size = terminal.size()?;
    app.update(Msg::Resize(size.width, size.height));
    loop {
        terminal.draw(|f| view::draw(&app, f.area(), f.buffer_mut()))?;
        for effect in app.take_effects() {
            match effect {
                Effect::Bell => {
                    let mut out = std::io::stdout();
                    out.write_all(b"\x07")?;
                    out.flush()?;
                }
            }
        }
        if app.quit {
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
