//! `update` as a trainee drives it: what each key does to the state and what is saved at once.

mod common;

use common::app::{content, key, keys, typed};

use std::time::{Duration, Instant};

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use pijat_content::{Lang, Phase};
use pijat_store::Store;
use pijat_tui::app::{App, Effect, Msg, Overlay};
use pijat_tui::screens::Screen;
use pijat_tui::theme::Theme;

use KeyCode::{Char, Down, Enter, Esc};

/// A new app on a fresh data folder with the trainee `name` logged in (role father).
fn logged_in(dir: &std::path::Path, name: &str, lang: Option<Lang>) -> App<'static> {
    let store = pijat_app::Records::open(dir).unwrap();
    let mut app = App::new(content(), store, lang, Theme::plain(), 1.0, Instant::now());
    app.seed = Some(11);
    common::app::sign_in(&mut app, name);
    app
}

fn ctrl_c(app: &mut App) {
    app.update(Msg::Key(KeyEvent::new(Char('c'), KeyModifiers::CONTROL)));
}

#[path = "tui_update/tui_update_1.rs"]
mod tui_update_1;
#[path = "tui_update/tui_update_2.rs"]
mod tui_update_2;
