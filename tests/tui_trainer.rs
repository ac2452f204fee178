//! Trainer mode as a trainer drives it: the PIN, a class and its roster, a group test on one
//! laptop, and typed-in sheets; with snapshots of each trainer screen.

mod common;

use common::app::{content, key, keys, render, typed};

use std::time::Instant;

use crossterm::event::KeyCode;
use pijat_content::{Lang, Phase};
use pijat_store::Store;
use pijat_tui::app::{App, Msg};
use pijat_tui::screens::Screen;

use KeyCode::{Char, Down, Enter, Esc, Tab};

/// The trainer's screens with the ten-statement pre/post set: these tests are about the screens
/// (their snapshots), not about the shipped set.
fn app(dir: &std::path::Path) -> App<'static> {
    common::app::open_app_with(dir, Some(Lang::en()), common::app::content_ten())
}

fn trainer(dir: &std::path::Path) -> App<'static> {
    common::app::trainer_with(dir, common::app::content_ten())
}

fn snap(app: &mut App, name: &str) {
    for lang in [Lang::id(), Lang::en()] {
        app.lang = lang.clone();
        for (w, h) in [(80, 24), (40, 12)] {
            insta::assert_snapshot!(format!("{name}_{}_{w}x{h}", lang.code()), render(app, w, h));
        }
    }
    app.lang = Lang::en();
}

/// Trainer mode with a class of three.
fn class_of_three(dir: &std::path::Path) -> App<'static> {
    let mut a = trainer(dir);
    key(&mut a, Enter);
    typed(&mut a, "Posyandu Melati");
    keys(&mut a, &[Tab]);
    typed(&mut a, "Desa Sukamaju");
    keys(&mut a, &[Tab]);
    typed(&mut a, "2026-11-28");
    keys(&mut a, &[Tab, Tab]);
    typed(&mut a, "Bidan Ratna");
    key(&mut a, Enter);
    for (name, right) in [("Budi Santoso", 0), ("Siti Aminah", 1), ("Joko", 0)] {
        key(&mut a, Char('a'));
        typed(&mut a, name);
        key(&mut a, Tab);
        for _ in 0..right {
            key(&mut a, KeyCode::Right);
        }
        key(&mut a, Enter);
    }
    a
}

/// The recovery code on the PIN screen.
fn recovery_shown(a: &App) -> String {
    match a.top() {
        Screen::Pin(p) => match &p.step {
            pijat_tui::screens::pin::Step::Recovery { code } => code.clone(),
            other => panic!("the recovery code is shown, not {other:?}"),
        },
        _ => panic!("the PIN screen"),
    }
}

fn snap_sizes(app: &mut App, name: &str, sizes: &[(u16, u16)]) {
    for lang in [Lang::id(), Lang::en()] {
        app.lang = lang.clone();
        for (w, h) in sizes {
            insta::assert_snapshot!(
                format!("{name}_{}_{w}x{h}", lang.code()),
                render(app, *w, *h)
            );
        }
    }
    app.lang = Lang::en();
}

#[path = "tui_trainer/tui_forms.rs"]
mod tui_forms;
#[path = "tui_trainer/tui_outcome.rs"]
mod tui_outcome;
#[path = "tui_trainer/tui_trainer_1.rs"]
mod tui_trainer_1;
#[path = "tui_trainer/tui_trainer_2.rs"]
mod tui_trainer_2;
#[path = "tui_trainer/tui_trainer_3.rs"]
mod tui_trainer_3;
