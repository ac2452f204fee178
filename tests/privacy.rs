//! The shared laptop: nobody sees a record or an answer key that is not theirs.

mod common;

use common::cli::{both, run, text};
use pijat_content::load_with;

#[test]
fn a_post_test_in_plain_mode_shows_the_score_by_module_but_never_the_key() {
    let dir = tempfile::tempdir().unwrap();
    let content = load_with(None).content.unwrap();
    let quiz = content.prepost_quiz().unwrap();
    let answers = "b\n".repeat(quiz.questions.len());
    // A throwaway trainee skips the pre-test and takes the post-test in the break.
    let o = run(
        dir.path(),
        &[
            "--lang",
            "en",
            "quiz",
            "--plain",
            "--profile",
            "Tamu",
            "--phase",
            "post",
            "--no-shuffle",
        ],
        &answers,
    );
    let out = text(&o.stdout);
    assert!(o.status.success(), "{}", both(&o));
    assert!(out.contains("score "), "{out}");
    assert!(out.contains("gone through with the trainer"), "{out}");
    let anatomy = content
        .module("anatomy")
        .unwrap()
        .title
        .get(&pijat_content::Lang::en());
    assert!(out.contains(&format!("  {anatomy}: ")), "per module: {out}");
    for q in &quiz.questions {
        let explain = q.explain.as_ref().unwrap();
        for lang in ["id", "en"] {
            let e = explain.get(&pijat_content::Lang::parse(lang).unwrap());
            assert!(!out.contains(e), "the key leaked: {e}");
        }
    }
    assert!(!out.contains("Review:"), "{out}");
}

mod app {
    use super::common::app::{press, sign_in};
    use crossterm::event::KeyCode::{Char, Down, Enter};
    use pijat_content::{Lang, load_with};

    use pijat_tui::app::App;
    use pijat_tui::screens::Screen;
    use pijat_tui::theme::Theme;
    use pijat_tui::view::draw;
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;

    fn render(app: &App) -> String {
        let mut t = Terminal::new(TestBackend::new(80, 60)).unwrap();
        t.draw(|f| draw(app, f.area(), f.buffer_mut())).unwrap();
        let buf = t.backend().buffer();
        (0..60)
            .map(|y| (0..80).map(|x| buf[(x, y)].symbol()).collect::<String>() + "\n")
            .collect()
    }

    #[test]
    fn the_post_test_result_in_the_app_holds_no_answer_and_no_explanation() {
        let dir = tempfile::tempdir().unwrap();
        let content: &'static _ = Box::leak(Box::new(load_with(None).content.unwrap()));
        let store = pijat_app::Records::open(dir.path()).unwrap();
        let mut app = App::new(
            content,
            store,
            Some(Lang::en()),
            Theme::plain(),
            1.0,
            std::time::Instant::now(),
        );
        app.seed = Some(1);
        sign_in(&mut app, "Tamu");
        for _ in 0..10 {
            if render(&app).contains("▸")
                && render(&app)
                    .lines()
                    .any(|l| l.contains("▸") && l.contains("Post-test"))
            {
                break;
            }
            press(&mut app, Down);
        }
        press(&mut app, Enter);
        assert!(matches!(app.top(), Screen::Quiz(_)), "{}", render(&app));
        let quiz = content.prepost_quiz().unwrap();
        for _ in 0..quiz.questions.len() {
            press(&mut app, Char('b'));
            press(&mut app, Enter);
        }
        let screen = render(&app);
        assert!(matches!(app.top(), Screen::Results(_)), "{screen}");
        assert!(screen.contains("gone through with the trainer"), "{screen}");
        for q in &quiz.questions {
            let e = q.explain.as_ref().unwrap().get(&Lang::en());
            let start: String = e.chars().take(30).collect();
            assert!(!screen.contains(&start), "the key leaked: {e}");
        }
    }
}

#[test]
fn plain_mode_opens_another_trainees_test_only_with_his_code() {
    let dir = tempfile::tempdir().unwrap();
    {
        let store = pijat_store::Store::open(dir.path()).unwrap();
        let budi = store
            .create_profile("Budi", pijat_store::Role::Father)
            .unwrap();
        store.set_code(&budi.id, "4821").unwrap();
    }
    let args = common::cli::plain_pre(&["--lang", "en"], "Budi", &[]);
    let o = run(dir.path(), &args, "b\nb\n");
    assert_eq!(o.status.code(), Some(1), "{}", both(&o));
    assert!(
        both(&o).contains("Wrong code: the test was not opened."),
        "{}",
        both(&o)
    );
    let store = pijat_store::Store::open(dir.path()).unwrap();
    let budi = store.profile_by_name("Budi").unwrap().unwrap();
    assert!(
        store.attempts_of(&budi.id).unwrap().is_empty(),
        "no attempt was started"
    );
    drop(store);
    let o = run(dir.path(), &args, "4821\nb\n");
    let first = format!("[1/{}]", common::app::prepost_len());
    assert!(text(&o.stdout).contains(&first), "{}", both(&o));
}

#[test]
fn a_laptop_without_a_pin_refuses_other_peoples_records_and_classes_fill_in_each_other() {
    let one = tempfile::tempdir().unwrap();
    let two = tempfile::tempdir().unwrap();
    {
        let store = pijat_store::Store::open(one.path()).unwrap();
        store
            .save_class(
                None,
                &pijat_store::ClassDetails {
                    name: "Posyandu Melati".into(),
                    place: Some("Desa Sukamaju".into()),
                    trainer: None,
                    ..Default::default()
                },
            )
            .unwrap();
        let store2 = pijat_store::Store::open(two.path()).unwrap();
        store2
            .save_class(
                None,
                &pijat_store::ClassDetails {
                    name: "Posyandu Melati".into(),
                    trainer: Some("Bidan Ratna".into()),
                    starts: Some("2026-11-28".into()),
                    ..Default::default()
                },
            )
            .unwrap();
    }
    let bundle = one.path().join("satu.pijat");
    let o = run(one.path(), &["export", bundle.to_str().unwrap()], "");
    assert!(o.status.success(), "{}", both(&o));
    let empty = tempfile::tempdir().unwrap();
    let o = run(
        empty.path(),
        &["--lang", "en", "import", bundle.to_str().unwrap()],
        "",
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(
        both(&o).contains("This laptop has no trainer PIN yet"),
        "{}",
        both(&o)
    );
    let store = pijat_store::Store::open(empty.path()).unwrap();
    assert!(store.classes().unwrap().is_empty(), "nothing came in");
    // Laptop two has a PIN: the class merges, each side's missing details filled in.
    pijat_store::Store::open(two.path())
        .unwrap()
        .set_pin("2468")
        .unwrap();
    let o = run(two.path(), &["import", bundle.to_str().unwrap()], "");
    assert!(o.status.success(), "{}", both(&o));
    let store = pijat_store::Store::open(two.path()).unwrap();
    let c = store.class_by_name("Posyandu Melati").unwrap().unwrap();
    assert_eq!(c.place.as_deref(), Some("Desa Sukamaju"));
    assert_eq!(c.trainer.as_deref(), Some("Bidan Ratna"));
    assert_eq!(c.starts.as_deref(), Some("2026-11-28"));
}

/// Trainer mode: switching personal codes off asks first and says what it means; `n` keeps them
/// on; after `y`, and after switching back on, the row and the status line agree.
#[test]
fn personal_codes_switch_off_only_after_a_question_and_the_row_follows() {
    use common::app::{key, keys, render, trainer};
    use crossterm::event::KeyCode::{Char, Down, Enter};
    let dir = tempfile::tempdir().unwrap();
    let mut a = trainer(dir.path());
    // New class, export, import, then the personal codes row.
    keys(&mut a, &[Down, Down, Down]);
    let row = |a: &pijat_tui::app::App| {
        render(a, 80, 24)
            .lines()
            .find(|l| l.contains("Trainees' personal codes"))
            .unwrap_or_default()
            .trim_end_matches(['│', ' '])
            .to_string()
    };
    assert!(
        row(&a).contains("▸") && row(&a).ends_with("on"),
        "{}",
        row(&a)
    );
    key(&mut a, Enter);
    let asked = render(&a, 80, 24);
    assert!(
        asked.contains("Switch trainees' personal codes off?")
            && asked.contains("Without codes, anyone at this laptop can open")
            && asked.contains("y yes   n no"),
        "{asked}"
    );
    // At 40×12 too, the answer keys are inside the box.
    assert!(
        render(&a, 40, 12).contains("y yes   n no"),
        "{}",
        render(&a, 40, 12)
    );
    key(&mut a, Char('n'));
    let store = pijat_store::Store::open(dir.path()).unwrap();
    assert!(store.codes_required().unwrap(), "n keeps them on");
    assert!(row(&a).ends_with("on"), "{}", row(&a));

    key(&mut a, Enter);
    key(&mut a, Char('y'));
    assert!(!store.codes_required().unwrap());
    let screen = render(&a, 80, 24);
    assert!(
        row(&a).contains("off: anyone can open anyone's record")
            && screen.contains("Personal codes are off"),
        "{screen}"
    );
    // On again with one Enter: the row says on at once, as the status line does.
    key(&mut a, Enter);
    assert!(store.codes_required().unwrap());
    let screen = render(&a, 80, 24);
    assert!(
        row(&a).ends_with("on") && screen.contains("Personal codes are on"),
        "{screen}"
    );
}
