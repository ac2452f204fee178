//! Spoken guidance, heard through a recorder in place of the computer's voice: step changes,
//! halfway, ten seconds left, a pause that stops speech, the language, and `r` in a quiz.

mod common;

use std::time::{Duration, Instant};

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use pijat_content::{Content, Lang, load_with};
use pijat_speech::{Recorder, Said};
use pijat_store::Store;
use pijat_tui::app::{App, Msg, voice_effects};
use pijat_tui::screens::Screen;
use pijat_tui::theme::Theme;

use KeyCode::{Char, Down, Enter};

fn content() -> &'static Content {
    Box::leak(Box::new(load_with(None).content.unwrap()))
}

fn key(app: &mut App, voice: &Recorder, code: KeyCode) {
    app.update(Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)));
    voice_effects(&app.take_effects(), voice);
}

fn tick(app: &mut App, voice: &Recorder, at: Instant) {
    app.update(Msg::Tick(at));
    voice_effects(&app.take_effects(), voice);
}

fn logged_in(dir: &std::path::Path, lang: Lang, voice: &Recorder) -> App<'static> {
    let store = pijat_app::Records::open(dir).unwrap();
    let mut app = App::new(
        content(),
        store,
        Some(lang),
        Theme::plain(),
        1.0,
        Instant::now(),
    );
    app.seed = Some(3);
    common::app::sign_in(&mut app, "Budi");
    voice_effects(&app.take_effects(), voice);
    app
}

fn said(text: &str, lang: &str) -> Option<Said> {
    Some(Said {
        text: text.into(),
        lang: lang.into(),
    })
}

#[test]
fn every_step_halfway_and_ten_seconds_are_spoken_and_a_pause_stops_speech() {
    let dir = tempfile::tempdir().unwrap();
    let voice = Recorder::default();
    let mut app = logged_in(dir.path(), Lang::en(), &voice);
    let t0 = app.now;
    let routine = content().routine("oxytocin-massage").unwrap();
    // Home → practice → past the safety text: the first step is spoken as it starts.
    for k in [Down, Down, Enter, Enter] {
        key(&mut app, &voice, k);
    }
    let first = &routine.steps[0];
    let step1 = format!(
        "Step 1. {}. {}",
        first.title.get(&Lang::en()),
        first.instruction.get(&Lang::en())
    );
    assert_eq!(voice.said().last().cloned(), Some(said(&step1, "en")));
    // On to the first timed step by hand; its halfway and ten-seconds marks are spoken.
    let timed = routine
        .steps
        .iter()
        .position(|s| s.seconds.is_some())
        .unwrap();
    for _ in 0..timed {
        key(&mut app, &voice, Char('n'));
    }
    let secs = u64::from(routine.steps[timed].seconds.unwrap());
    assert!(
        voice
            .said()
            .last()
            .cloned()
            .flatten()
            .is_some_and(|s| s.text.starts_with(&format!("Step {}.", timed + 1))),
        "{:?}",
        voice.said()
    );
    tick(
        &mut app,
        &voice,
        t0 + Duration::from_millis(secs * 500 + 10),
    );
    assert_eq!(voice.said().last().cloned(), Some(said("Halfway.", "en")));
    tick(
        &mut app,
        &voice,
        t0 + Duration::from_millis((secs - 10) * 1000 + 10),
    );
    assert_eq!(
        voice.said().last().cloned(),
        Some(said("Ten seconds left.", "en"))
    );
    // A pause stops the voice at once.
    key(&mut app, &voice, Char(' '));
    assert_eq!(voice.said().last().cloned(), Some(None));
    key(&mut app, &voice, Char(' '));
    // In Indonesian the next step is spoken in Indonesian.
    key(&mut app, &voice, Char('L'));
    key(&mut app, &voice, Char('n'));
    let next = &routine.steps[timed + 1];
    let spoken = voice.said().last().cloned().flatten().unwrap();
    assert_eq!(spoken.lang, "id");
    assert!(
        spoken.text.starts_with(&format!(
            "Langkah {}. {}",
            timed + 2,
            next.title.get(&Lang::id())
        )),
        "{spoken:?}"
    );
    // `v` turns the voice off (kept as a setting): nothing more is said.
    key(&mut app, &voice, Char('v'));
    let before = voice.said().len();
    key(&mut app, &voice, Char('n'));
    assert_eq!(
        voice.said()[before..]
            .iter()
            .filter(|s| s.is_some())
            .count(),
        0,
        "{:?}",
        &voice.said()[before..]
    );
    let store = Store::open(dir.path()).unwrap();
    assert_eq!(store.setting("voice").unwrap().as_deref(), Some("off"));
}

#[test]
fn r_reads_the_question_and_its_options_aloud() {
    let dir = tempfile::tempdir().unwrap();
    let voice = Recorder::default();
    let mut app = logged_in(dir.path(), Lang::en(), &voice);
    key(&mut app, &voice, Enter); // the pre-test
    let Screen::Quiz(q) = app.top() else {
        panic!("the pre-test")
    };
    let prompt = q.run.question(&q.shown).prompt.get(&Lang::en()).to_string();
    key(&mut app, &voice, Char('r'));
    let spoken = voice.said().last().cloned().flatten().unwrap();
    assert_eq!(spoken.lang, "en");
    assert!(
        spoken.text.starts_with("Question 1. ")
            && spoken.text.contains(prompt.trim_end_matches('.')),
        "{spoken:?}"
    );
    assert!(spoken.text.ends_with("True or false?"), "{spoken:?}");
    // Answering moves on and cuts the reading short.
    key(&mut app, &voice, Char('t'));
    key(&mut app, &voice, Enter);
    assert_eq!(voice.said().last().cloned(), Some(None));
}
