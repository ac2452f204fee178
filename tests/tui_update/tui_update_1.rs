//! Tests of `tui_update.rs`, part 1.

use super::*;

#[test]
fn key_releases_are_ignored_as_windows_sends_them_too() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = logged_in(dir.path(), "Budi", None);
    let mut release = KeyEvent::new(Char('q'), KeyModifiers::NONE);
    release.kind = KeyEventKind::Release;
    app.update(Msg::Key(release));
    assert!(!app.quit);
    key(&mut app, Char('q'));
    assert!(
        app.quit,
        "q on the home screen quits at once: nothing is open"
    );
}

#[test]
fn each_answer_is_in_the_store_the_moment_it_is_confirmed() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = logged_in(dir.path(), "Budi", None);
    key(&mut app, Enter); // the pre-test
    assert!(matches!(app.top(), Screen::Quiz(_)));
    keys(&mut app, &[Char('b'), Enter, Char('s'), Enter, Char('b')]);
    let check = Store::open(dir.path()).unwrap();
    let p = check.profile_by_name("Budi").unwrap().unwrap();
    let a = check
        .open_attempt(&p.id, "knowledge", Phase::Pre)
        .unwrap()
        .unwrap();
    assert_eq!(
        check.answers(&a.id).unwrap().len(),
        2,
        "the third is chosen, not confirmed"
    );
    // Enter confirms the third; Enter again, on the fourth with nothing chosen, saves nothing
    // and says why, on the same quiz screen.
    key(&mut app, Enter);
    key(&mut app, Enter);
    assert_eq!(check.answers(&a.id).unwrap().len(), 3);
    let Screen::Quiz(q) = app.top() else {
        panic!("Enter without a choice left the quiz");
    };
    assert!(q.message.is_some(), "a message says why nothing was saved");
}

#[test]
fn q_inside_a_quiz_asks_first_and_a_new_window_resumes_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = logged_in(dir.path(), "Siti", None);
    keys(&mut app, &[Enter, Char('b'), Enter, Char('q')]);
    assert_eq!(
        app.overlay,
        Some(Overlay::Confirm(pijat_tui::app::Confirm::Quit))
    );
    key(&mut app, Char('n'));
    assert!(!app.quit && app.overlay.is_none());
    keys(&mut app, &[Char('q'), Char('y')]);
    assert!(app.quit);
    drop(app);
    // The profile list now has Siti: her name and her code open the pre-test again.
    let mut again = logged_in(dir.path(), "Siti", None);
    key(&mut again, Enter);
    match again.top() {
        Screen::Quiz(q) => assert_eq!((q.run.answered(), q.position), (1, 1)),
        _ => panic!("resumed quiz expected"),
    }
    let said = format!("1 dari {}", common::app::prepost_len());
    assert!(again.toast.as_deref().unwrap_or("").contains(&said));
}

#[test]
fn language_switches_on_any_screen_and_is_kept_for_the_profile() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = logged_in(dir.path(), "Ani", None);
    assert_eq!(app.lang, Lang::id());
    keys(&mut app, &[Down, Enter, Char('L')]);
    assert_eq!(app.lang, Lang::en());
    drop(app);
    let store = pijat_app::Records::open(dir.path()).unwrap();
    let mut app = App::new(content(), store, None, Theme::plain(), 1.0, Instant::now());
    // Choose Ani from the list (her code): her language comes back.
    common::app::sign_in(&mut app, "Ani");
    assert_eq!(app.lang, Lang::en());
    // --lang wins over the saved language at login.
    let store = pijat_app::Records::open(dir.path()).unwrap();
    let mut forced = App::new(
        content(),
        store,
        Some(Lang::id()),
        Theme::plain(),
        1.0,
        Instant::now(),
    );
    common::app::sign_in(&mut forced, "Ani");
    assert_eq!(forced.lang, Lang::id());
}

#[test]
fn typing_a_name_with_q_does_not_quit_and_an_empty_name_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = common::app::open_app(dir.path(), Some(Lang::en()));
    // The welcome: "I am a trainee", then an empty name.
    keys(&mut app, &[Enter, Enter]);
    match app.top() {
        Screen::Profiles(p) => assert!(matches!(
            &p.mode,
            pijat_tui::screens::profiles::Mode::Name { error: Some(_), .. }
        )),
        _ => panic!(),
    }
    typed(&mut app, "Qomariah");
    assert!(!app.quit);
    keys(&mut app, &[Enter, Enter]);
    // Her own code, chosen and typed again.
    for _ in 0..2 {
        typed(&mut app, "2580");
        key(&mut app, Enter);
    }
    assert_eq!(app.profile.as_ref().unwrap().name, "Qomariah");
}

#[test]
fn practice_saves_step_times_at_each_change_and_rings_the_bell() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = logged_in(dir.path(), "Joko", None);
    // Speech has its own tests (tests/speech.rs).
    app.voice = false;
    let t0 = app.now;
    keys(&mut app, &[Down, Down, Enter, Enter]);
    assert_eq!(
        app.take_effects(),
        vec![Effect::Bell],
        "a bell as the first step starts"
    );
    app.update(Msg::Tick(t0 + Duration::from_secs(5)));
    key(&mut app, Char('n'));
    assert_eq!(app.take_effects(), vec![Effect::Bell]);
    let check = Store::open(dir.path()).unwrap();
    let p = check.profile_by_name("Joko").unwrap().unwrap();
    let run = &check.practice_runs_of(&p.id).unwrap()[0];
    let steps = check.practice_steps(&run.id).unwrap();
    assert_eq!(steps[0].spent_ms, 5000, "saved when the step was left");
    // The bell can be switched off, and the choice is kept.
    key(&mut app, Char('b'));
    key(&mut app, Char('n'));
    assert!(app.take_effects().is_empty());
    assert_eq!(check.setting("bell").unwrap().as_deref(), Some("off"));
    // Esc asks; yes leaves and keeps the run, unfinished.
    key(&mut app, Esc);
    key(&mut app, Char('y'));
    assert!(matches!(app.top(), Screen::Home(_)));
    assert!(check.practice_runs_of(&p.id).unwrap()[0].finished.is_none());
}

#[test]
fn a_timed_step_moves_on_by_itself_when_its_time_is_up() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = logged_in(dir.path(), "Rina", None);
    let t0 = app.now;
    keys(&mut app, &[Down, Down, Enter, Enter, Char('n'), Char('n')]);
    let Screen::Practice(p) = app.top() else {
        panic!()
    };
    let step = p.engine.as_ref().unwrap().current();
    let secs = p.routine.steps[step].seconds.expect("step 3 is timed");
    let wake = app.next_wake().unwrap();
    assert!(
        wake <= t0 + Duration::from_secs(1),
        "the countdown redraws every second"
    );
    app.update(Msg::Tick(
        t0 + Duration::from_secs(u64::from(secs)) + Duration::from_millis(1),
    ));
    let Screen::Practice(p) = app.top() else {
        panic!()
    };
    assert_eq!(p.engine.as_ref().unwrap().current(), step + 1);
}

#[test]
fn the_post_test_is_offered_after_the_pre_test_and_each_is_taken_once() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = logged_in(dir.path(), "Eko", Some(Lang::en()));
    key(&mut app, Enter);
    common::app::answer_n(&mut app, common::app::prepost_len(), 't');
    assert!(matches!(app.top(), Screen::Results(_)));
    key(&mut app, Enter);
    // Back home, the pre-test again: refused with its score.
    keys(&mut app, &[KeyCode::Up, Enter]);
    assert!(matches!(app.top(), Screen::Home(_)));
    assert!(app.toast.as_deref().unwrap().contains("already done"));
}

#[test]
fn ctrl_c_quits_from_the_name_field_and_asks_first_in_a_quiz() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = common::app::open_app(dir.path(), Some(Lang::en()));
    // The welcome, then the name field: q is a letter there, Ctrl+C still quits.
    key(&mut app, Enter);
    typed(&mut app, "q");
    assert!(!app.quit);
    ctrl_c(&mut app);
    assert!(app.quit, "Ctrl+C quits where letters are typed");
    let mut app = logged_in(dir.path(), "Budi", None);
    key(&mut app, Enter);
    assert!(matches!(app.top(), Screen::Quiz(_)));
    ctrl_c(&mut app);
    assert!(
        !app.quit && app.overlay.is_some(),
        "in a quiz it asks first"
    );
}

#[test]
fn a_skip_is_chosen_with_minus_and_confirmed_with_enter() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = logged_in(dir.path(), "Budi", None);
    key(&mut app, Enter);
    key(&mut app, Char('-'));
    let store = pijat_store::Store::open(dir.path()).unwrap();
    let (attempt, position) = match app.top() {
        Screen::Quiz(q) => (q.run.attempt.id.clone(), q.position),
        _ => panic!("the pre-test"),
    };
    assert!(
        store.answers(&attempt).unwrap().is_empty(),
        "- alone saves nothing"
    );
    assert!(matches!(app.top(), Screen::Quiz(q) if q.skip && q.position == position));
    // Choosing an answer takes the skip back; - then Enter skips.
    key(&mut app, Char('b'));
    assert!(matches!(app.top(), Screen::Quiz(q) if !q.skip));
    keys(&mut app, &[Char('-'), Enter]);
    let saved = store.answers(&attempt).unwrap();
    assert_eq!(saved.len(), 1);
    assert_eq!(saved[0].response, "-");
}

#[test]
fn a_half_done_test_shows_in_progress_on_the_learning_path() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = logged_in(dir.path(), "Budi", Some(Lang::en()));
    key(&mut app, Enter);
    for _ in 0..4 {
        keys(&mut app, &[Char('b'), Enter]);
    }
    // Esc leaves the test for now (asked), back on the learning path.
    keys(&mut app, &[Esc, Char('y')]);
    match app.top() {
        Screen::Home(h) => assert_eq!(
            h.stats.pre_open,
            Some((4, common::app::prepost_len() as u32))
        ),
        _ => panic!("the learning path"),
    }
    let mut t = ratatui::Terminal::new(ratatui::backend::TestBackend::new(80, 24)).unwrap();
    t.draw(|f| pijat_tui::view::draw(&app, f.area(), f.buffer_mut()))
        .unwrap();
    let screen: String = t
        .backend()
        .buffer()
        .content
        .iter()
        .map(|c| c.symbol())
        .collect();
    let progress = format!("in progress 4/{}", common::app::prepost_len());
    assert!(screen.contains(&progress), "{screen}");
}

#[test]
fn scrolling_past_the_end_stops_there_so_up_moves_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = logged_in(dir.path(), "Budi", Some(Lang::en()));
    // The practice's safety text, long enough to scroll at 40×12.
    keys(&mut app, &[Down, Down, Enter]);
    let draw = |app: &App| {
        let mut t = ratatui::Terminal::new(ratatui::backend::TestBackend::new(40, 12)).unwrap();
        t.draw(|f| pijat_tui::view::draw(app, f.area(), f.buffer_mut()))
            .unwrap();
    };
    app.update(Msg::Resize(40, 12));
    draw(&app);
    for _ in 0..200 {
        key(&mut app, Down);
    }
    draw(&app);
    let scroll = |app: &App| match app.top() {
        Screen::Practice(p) => match p.stage {
            pijat_tui::screens::practice::Stage::Safety { scroll } => scroll,
            _ => panic!("the safety text"),
        },
        _ => panic!("the practice"),
    };
    let end = scroll(&app);
    assert!(end > 0 && end < 200, "Down stops at the end: {end}");
    key(&mut app, KeyCode::Up);
    assert_eq!(scroll(&app), end - 1, "Up moves at once");
}
