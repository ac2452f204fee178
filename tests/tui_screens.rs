//! Every screen of the trainee app drawn with a TestBackend at 80×24 and 40×12, in Indonesian
//! and English (insta snapshots), driven by the same key presses a trainee makes.

mod common;

use std::time::{Duration, Instant};

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use pijat_content::{Content, Lang, load_with};
use pijat_tui::app::{App, Msg};
use pijat_tui::theme::Theme;
use pijat_tui::view::draw;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn content() -> &'static Content {
    Box::leak(Box::new(load_with(None).content.unwrap()))
}

struct Harness {
    app: App<'static>,
    t0: Instant,
    _dir: tempfile::TempDir,
}

impl Harness {
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let store = pijat_app::Records::open(dir.path()).unwrap();
        let t0 = Instant::now();
        let mut app = App::new(content(), store, Some(Lang::id()), Theme::plain(), 1.0, t0);
        app.seed = Some(7);
        Harness { app, t0, _dir: dir }
    }

    /// A trainee named Budi, on the home screen.
    fn budi() -> Self {
        let mut h = Self::new();
        common::app::sign_in(&mut h.app, "Budi Santoso");
        h
    }

    fn key(&mut self, code: KeyCode) {
        self.app
            .update(Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)));
    }

    fn keys(&mut self, codes: &[KeyCode]) {
        for c in codes {
            self.key(*c);
        }
    }

    fn typed(&mut self, s: &str) {
        for c in s.chars() {
            self.key(KeyCode::Char(c));
        }
    }

    fn at(&mut self, secs: f64) {
        self.app
            .update(Msg::Tick(self.t0 + Duration::from_secs_f64(secs)));
    }

    fn render(&mut self, w: u16, h: u16) -> String {
        self.app.update(Msg::Resize(w, h));
        let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
        t.draw(|f| draw(&self.app, f.area(), f.buffer_mut()))
            .unwrap();
        let buf = t.backend().buffer();
        let mut out = String::new();
        for y in 0..h {
            let mut line = String::new();
            for x in 0..w {
                line.push_str(buf[(x, y)].symbol());
            }
            out.push_str(line.trim_end());
            out.push('\n');
        }
        redact_dates(&out)
    }

    /// Snapshots the current state at both sizes in both languages.
    fn snap(&mut self, name: &str) {
        let keep = self.app.lang.clone();
        for lang in [Lang::id(), Lang::en()] {
            self.app.lang = lang.clone();
            for (w, h) in [(80, 24), (40, 12)] {
                let screen = self.render(w, h);
                insta::assert_snapshot!(format!("{name}_{}_{w}x{h}", lang.code()), screen);
            }
        }
        self.app.lang = keep;
        self.app.update(Msg::Resize(80, 24));
    }
}

/// Dates depend on the day and the time zone: `2026-11-28 10:02` becomes `YYYY-MM-DD hh:mm`.
fn redact_dates(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let pat = "dddd-dd-dd dd:dd";
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        let fits = i + pat.len() <= chars.len()
            && pat.chars().zip(&chars[i..]).all(|(p, c)| {
                if p == 'd' {
                    c.is_ascii_digit()
                } else {
                    p == *c
                }
            });
        if fits {
            out.push_str("YYYY-MM-DD hh:mm");
            i += pat.len();
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    out
}

use KeyCode::{Char, Down, Enter, Esc, Up};

#[test]
fn profiles_new_name_role_and_list() {
    let mut h = Harness::new();
    // A new laptop: what pijat is, in both languages; a trainee or a trainer.
    h.snap("welcome");
    h.key(Enter);
    h.snap("profiles_new");
    h.typed("Budi Santoso");
    h.snap("profiles_name_typed");
    h.key(Enter);
    h.snap("profiles_role");
    h.keys(&[Down, Enter]);
    h.snap("profiles_code_choose");
    h.typed("4821");
    h.key(Enter);
    h.typed("4821");
    h.key(Enter);
    assert!(h.app.profile.is_some());
    // Switch trainee: the list of names; Budi's record opens only with his code.
    h.app.navigate(pijat_tui::app::Nav::SwitchProfile);
    h.snap("profiles_list");
    h.key(Enter);
    h.typed("1111");
    h.key(Enter);
    h.snap("profiles_code_wrong");
    assert!(
        h.app.profile.is_none(),
        "a wrong code keeps the record closed"
    );
    h.typed("4821");
    h.key(Enter);
    assert_eq!(h.app.profile.as_ref().unwrap().name, "Budi Santoso");
}

#[test]
fn home_modules_and_lessons() {
    let mut h = Harness::budi();
    h.snap("home");
    h.keys(&[Down, Enter]);
    h.snap("modules");
    h.key(Enter);
    h.snap("lesson_reflex");
    // The technique module's page with the back figure.
    h.keys(&[Esc, Down, Enter]);
    let technique = h.app.content.module("technique").unwrap();
    let back = technique
        .pages
        .iter()
        .position(|p| p.figure == Some(pijat_content::Figure::Back))
        .unwrap();
    for _ in 0..back {
        h.key(Char('n'));
    }
    h.snap("lesson_back");
    h.keys(&[Esc, Down, Down, Enter]);
    let sd = h.app.content.module("supply-demand").unwrap();
    let chart = sd
        .pages
        .iter()
        .position(|p| p.figure == Some(pijat_content::Figure::SupplyDemand))
        .unwrap();
    for _ in 0..chart {
        h.key(Char('n'));
    }
    h.keys(&[Char('-'), Char('-'), Char('-'), Char('-'), Char('-')]);
    h.snap("lesson_chart_rare");
}

#[test]
fn guided_practice_from_safety_to_summary() {
    let mut h = Harness::budi();
    h.keys(&[Down, Down, Enter]);
    h.snap("practice_safety");
    h.at(1.0);
    h.key(Enter);
    h.at(4.0);
    h.snap("practice_step_untimed");
    h.keys(&[Char('n'), Char('n')]);
    h.at(26.5);
    h.snap("practice_step_timed");
    h.key(Char(' '));
    h.snap("practice_paused");
    h.key(Char(' '));
    let r = h.app.content.routine("oxytocin-massage").unwrap();
    let massage = r.steps.iter().position(|s| s.cue.is_some()).unwrap();
    while current_step(&h) < massage {
        h.key(Char('n'));
    }
    h.at(60.0);
    h.snap("practice_step_massage");
    h.key(Esc);
    h.snap("practice_confirm_stop");
    h.key(Char('n'));
    while current_step(&h) < r.steps.len() - 1 {
        h.key(Char('n'));
    }
    h.key(Char('n'));
    h.keys(&[Char(' '), Down, Char(' ')]);
    h.snap("practice_self_check");
    h.key(Enter);
    h.snap("practice_summary");
}

fn current_step(h: &Harness) -> usize {
    match h.app.top() {
        pijat_tui::screens::Screen::Practice(p) => p.engine.as_ref().map_or(0, |e| e.current()),
        _ => usize::MAX,
    }
}

#[test]
fn pretest_question_results_and_history() {
    let mut h = Harness::budi();
    h.key(Enter);
    h.snap("quiz_true_false");
    h.key(Char('b'));
    h.snap("quiz_true_false_chosen");
    h.key(Enter);
    // The rest: statements "false", single-choice items the option shown first.
    let rest = common::app::prepost_len() - 1;
    common::app::answer_n(&mut h.app, rest, 's');
    h.snap("results_pretest");
    h.key(Enter);
    // Home puts the cursor on the next step (the modules); "my record" is four below.
    h.keys(&[Down, Down, Down, Down, Enter]);
    assert!(matches!(
        h.app.top(),
        pijat_tui::screens::Screen::History(_)
    ));
    h.snap("history");
}

#[test]
fn practice_quiz_types_feedback_and_results() {
    let mut h = Harness::budi();
    h.keys(&[Down, Down, Down, Down, Enter]);
    h.snap("quiz_list");
    // The review set has every type: go through it once, snapshotting each type when it comes.
    let practice: Vec<_> = h
        .app
        .content
        .quizzes
        .iter()
        .filter(|q| q.purpose.allows(pijat_content::Phase::Practice))
        .collect();
    let review = practice.iter().position(|q| q.id == "review").unwrap();
    for _ in 0..review {
        h.key(Down);
    }
    h.key(Enter);
    let mut seen = Vec::new();
    for _ in 0..40 {
        let (kind, feedback) = match h.app.top() {
            pijat_tui::screens::Screen::Quiz(q) => (
                q.run.question(&q.shown).kind.type_name(),
                q.feedback.is_some(),
            ),
            _ => break,
        };
        if feedback {
            h.key(Enter);
            continue;
        }
        if seen.contains(&kind) {
            // Skipping is chosen with - and confirmed with Enter.
            h.keys(&[Char('-'), Enter]);
            continue;
        }
        seen.push(kind);
        match kind {
            "single" => {
                h.key(Char('a'));
                h.snap("quiz_single");
                h.key(Enter);
                h.snap("quiz_feedback");
            }
            "multiple" => {
                h.keys(&[Char('a'), Char('c')]);
                h.snap("quiz_multiple");
                h.key(Enter);
            }
            "order" => {
                h.snap("quiz_order");
                h.keys(&[Char(' '), Down]);
                h.snap("quiz_order_holding");
                h.keys(&[Char(' '), Enter]);
            }
            _ => {
                h.key(Char('-'));
                assert!(
                    matches!(h.app.top(), pijat_tui::screens::Screen::Quiz(q) if q.skip),
                    "- alone only chooses to skip"
                );
                h.key(Enter);
            }
        }
    }
    assert_eq!(seen.len(), 4, "{seen:?}");
    h.snap("results_practice");
}

#[test]
fn help_quit_question_and_a_too_small_window() {
    let mut h = Harness::budi();
    h.key(Char('?'));
    h.snap("help_home");
    h.key(Esc);
    h.key(Enter);
    h.key(Char('q'));
    h.snap("confirm_quit_quiz");
    h.key(Char('n'));
    assert!(!h.app.quit);
    let tiny = h.render(39, 11);
    insta::assert_snapshot!("too_small_39x11", tiny);
    h.key(Up);
}

/// No screen panics at any window size, however small or odd (a resize can come at any time).
#[test]
fn no_screen_panics_at_any_size() {
    let sizes: Vec<(u16, u16)> = (0..=130u16)
        .step_by(9)
        .flat_map(|w| (0..=50u16).step_by(5).map(move |h| (w, h)))
        .chain([
            (1, 1),
            (39, 11),
            (40, 12),
            (41, 13),
            (79, 23),
            (80, 24),
            (250, 80),
            (500, 3),
            (3, 200),
        ])
        .collect();
    let mut states: Vec<Harness> = Vec::new();
    states.push(Harness::new());
    let mut h = Harness::budi();
    h.key(Char('?'));
    states.push(h);
    let mut h = Harness::budi();
    h.keys(&[Down, Enter, Enter]);
    states.push(h);
    let mut h = Harness::budi();
    h.keys(&[Down, Enter, Down, Down, Down, Enter, Char('n'), Char('n')]);
    states.push(h);
    let mut h = Harness::budi();
    h.keys(&[Down, Down, Enter, Enter]);
    for _ in 0..9 {
        h.key(Char('n'));
    }
    h.at(30.0);
    states.push(h);
    let mut h = Harness::budi();
    h.keys(&[Down, Down, Down, Down, Enter, Enter]);
    states.push(h);
    for h in &mut states {
        for &(w, ht) in &sizes {
            h.render(w, ht);
        }
    }
}
