//! Drawing a screen must be cheap: target ≤ 1 ms for any screen at 200×60.
//! `cargo bench --bench render`

use std::time::{Duration, Instant};

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use pijat_content::{Content, Lang, load_with};
use pijat_tui::app::{App, Msg};
use pijat_tui::theme::Theme;
use pijat_tui::view::draw;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

fn main() {
    divan::main();
}

fn content() -> &'static Content {
    Box::leak(Box::new(load_with(None).content.unwrap()))
}

/// An app driven by keys to a screen, then left as it is.
fn app_at(keys: &[KeyCode]) -> App<'static> {
    let dir = Box::leak(Box::new(tempfile::tempdir().unwrap()));
    let store = pijat_app::Records::open(dir.path()).unwrap();
    let t0 = Instant::now();
    let mut app = App::new(content(), store, Some(Lang::id()), Theme::colour(), 1.0, t0);
    app.seed = Some(3);
    app.update(Msg::Resize(200, 60));
    let mut press = |c: KeyCode| app.update(Msg::Key(KeyEvent::new(c, KeyModifiers::NONE)));
    for c in "Budi".chars() {
        press(KeyCode::Char(c));
    }
    press(KeyCode::Enter);
    press(KeyCode::Enter);
    for k in keys {
        press(*k);
    }
    app.update(Msg::Tick(t0 + Duration::from_secs(3)));
    app
}

fn render(app: &App) -> Buffer {
    let area = Rect::new(0, 0, 200, 60);
    let mut buf = Buffer::empty(area);
    draw(app, area, &mut buf);
    buf
}

use KeyCode::{Char, Down, Enter};

#[divan::bench]
fn home(b: divan::Bencher) {
    let app = app_at(&[]);
    b.bench_local(|| render(&app));
}

#[divan::bench]
fn lesson_with_figure(b: divan::Bencher) {
    let app = app_at(&[Down, Enter, Enter]);
    b.bench_local(|| render(&app));
}

#[divan::bench]
fn lesson_supply_chart(b: divan::Bencher) {
    let app = app_at(&[Down, Enter, Down, Down, Down, Enter, Char('n'), Char('n')]);
    b.bench_local(|| render(&app));
}

#[divan::bench]
fn practice_step_with_countdown_and_circle(b: divan::Bencher) {
    let mut keys = vec![Down, Down, Enter, Enter];
    keys.extend(std::iter::repeat_n(Char('n'), 9));
    let app = app_at(&keys);
    b.bench_local(|| render(&app));
}

#[divan::bench]
fn quiz_question(b: divan::Bencher) {
    let app = app_at(&[Enter]);
    b.bench_local(|| render(&app));
}

#[divan::bench]
fn help_overlay(b: divan::Bencher) {
    let app = app_at(&[Char('?')]);
    b.bench_local(|| render(&app));
}

/// For scale: only allocating the 200×60 buffer each frame.
#[divan::bench]
fn empty_buffer() -> Buffer {
    Buffer::empty(Rect::new(0, 0, 200, 60))
}
