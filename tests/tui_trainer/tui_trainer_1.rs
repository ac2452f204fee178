//! Tests of `tui_trainer.rs`, part 1.

use super::*;

#[test]
fn the_pin_is_set_once_and_asked_for_after_that() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = app(dir.path());
    keys(&mut a, &[Down, Enter]);
    snap(&mut a, "pin_set");
    typed(&mut a, "12");
    key(&mut a, Enter);
    assert!(
        matches!(a.top(), Screen::Pin(p) if p.message.is_some()),
        "too short"
    );
    typed(&mut a, "2468");
    key(&mut a, Enter);
    typed(&mut a, "8642");
    key(&mut a, Enter);
    assert!(matches!(a.top(), Screen::Pin(_)), "the two PINs differ");
    typed(&mut a, "2468");
    key(&mut a, Enter);
    typed(&mut a, "2468");
    key(&mut a, Enter);
    // The recovery code, shown once, to write on paper.
    let recovery = recovery_shown(&a);
    let screen = render(&a, 80, 24);
    assert!(
        screen.contains(&recovery) && screen.contains("shown only now"),
        "{screen}"
    );
    insta::assert_snapshot!(
        "pin_recovery_en_80x24",
        screen.replace(&recovery, "XXXX-XXXX-XXXX")
    );
    key(&mut a, Enter);
    assert!(matches!(a.top(), Screen::Trainer(_)));
    snap(&mut a, "trainer_home");
    drop(a);
    // Next time: the PIN is asked; a wrong one keeps the trainee out.
    let mut a = app(dir.path());
    keys(&mut a, &[Down, Enter]);
    typed(&mut a, "1111");
    key(&mut a, Enter);
    assert!(matches!(a.top(), Screen::Pin(_)));
    snap(&mut a, "pin_wrong");
    let store = Store::open(dir.path()).unwrap();
    assert!(
        store
            .setting("trainer_pin")
            .unwrap()
            .unwrap()
            .starts_with("$argon2id$")
    );
    // The PIN is forgotten: Tab, the recovery code from the paper, a new PIN twice.
    std::thread::sleep(std::time::Duration::from_millis(10));
    key(&mut a, Tab);
    typed(&mut a, &recovery.to_lowercase());
    key(&mut a, Enter);
    for _ in 0..2 {
        typed(&mut a, "9753");
        key(&mut a, Enter);
    }
    let next = recovery_shown(&a);
    assert_ne!(next, recovery, "a new recovery code replaces the old one");
    key(&mut a, Enter);
    assert!(matches!(a.top(), Screen::Trainer(_)));
    assert_eq!(
        store.check_pin("9753").unwrap(),
        pijat_store::PinCheck::Right
    );
}

#[test]
fn a_class_roster_can_be_added_to_renamed_and_shortened() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = class_of_three(dir.path());
    snap(&mut a, "class_overview");
    // Rename Joko (selected: the last added) to Joko Widodo.
    key(&mut a, Char('r'));
    typed(&mut a, " Widodo");
    key(&mut a, Enter);
    // Take Siti off the roster: her profile stays.
    keys(&mut a, &[Down, Char('x'), Char('y')]);
    let store = Store::open(dir.path()).unwrap();
    let class = store.class_by_name("Posyandu Melati").unwrap().unwrap();
    assert_eq!(class.place.as_deref(), Some("Desa Sukamaju"));
    assert_eq!(class.trainer.as_deref(), Some("Bidan Ratna"));
    let names: Vec<String> = store
        .members(&class.id)
        .unwrap()
        .into_iter()
        .map(|p| p.name)
        .collect();
    assert_eq!(names, ["Budi Santoso", "Joko Widodo"]);
    assert_eq!(
        store.profile_by_name("Siti Aminah").unwrap().unwrap().role,
        pijat_store::Role::Cadre
    );
    // A name that is taken is refused, with a message.
    key(&mut a, Char('r'));
    for _ in 0..20 {
        key(&mut a, KeyCode::Backspace);
    }
    typed(&mut a, "Budi Santoso");
    key(&mut a, Enter);
    assert!(
        matches!(a.top(), Screen::Class(c) if matches!(&c.mode, pijat_tui::screens::class_view::Mode::Participant { form, .. } if form.error.is_some()))
    );
}

#[test]
fn a_group_test_goes_round_the_roster_shows_no_scores_and_leaving_needs_the_pin() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = class_of_three(dir.path());
    keys(&mut a, &[Char('t'), Enter]);
    assert!(matches!(a.top(), Screen::HotSeat(_)));
    snap(&mut a, "hotseat_start");
    // Budi answers every statement "true".
    key(&mut a, Enter);
    assert!(matches!(a.top(), Screen::Quiz(_)));
    snap(&mut a, "hotseat_question");
    for _ in 0..10 {
        keys(&mut a, &[Char('t'), Enter]);
    }
    assert!(matches!(a.top(), Screen::HandBack(_)));
    let thanks = render(&a, 80, 24);
    assert!(
        thanks.contains("Thank you, Budi Santoso!") && !thanks.contains('%'),
        "{thanks}"
    );
    snap(&mut a, "hotseat_thank_you");
    key(&mut a, Enter);
    // Joko is next (the roster is by name); he is absent: skip him, Siti goes.
    let screen = render(&a, 80, 24);
    assert!(
        screen.contains("Next: Joko") && !screen.contains('%'),
        "{screen}"
    );
    // s (salah to a father) skips nobody; x asks the trainer, y skips.
    key(&mut a, Char('s'));
    assert!(render(&a, 80, 24).contains("Next: Joko"));
    key(&mut a, Char('x'));
    let asked = render(&a, 80, 24);
    assert!(asked.contains("Skip Joko for now (absent)?"), "{asked}");
    key(&mut a, Char('n'));
    assert!(
        render(&a, 80, 24).contains("Next: Joko"),
        "n keeps his turn"
    );
    key(&mut a, Char('x'));
    key(&mut a, Char('y'));
    assert!(render(&a, 80, 24).contains("Next: Siti Aminah"));
    snap(&mut a, "hotseat_skipped");
    key(&mut a, Enter);
    for _ in 0..10 {
        keys(&mut a, &[Char('f'), Enter]);
    }
    key(&mut a, Enter);
    assert!(
        render(&a, 80, 24).contains("Next: Joko"),
        "the skipped one comes back"
    );
    // Leaving the group test asks for the PIN; a participant cannot reach the scores.
    key(&mut a, Esc);
    assert!(matches!(a.top(), Screen::Pin(_)));
    key(&mut a, Esc);
    assert!(matches!(a.top(), Screen::HotSeat(_)));
    key(&mut a, Esc);
    typed(&mut a, "2468");
    key(&mut a, Enter);
    assert!(matches!(a.top(), Screen::Class(_)));
    let overview = render(&a, 80, 24);
    assert!(
        overview.contains("Still to take the pre-test: 1"),
        "{overview}"
    );
    let store = Store::open(dir.path()).unwrap();
    let class = store.class_by_name("Posyandu Melati").unwrap().unwrap();
    let budi = store.profile_by_name("Budi Santoso").unwrap().unwrap();
    let a1 = &store
        .attempts_at(&budi.id, "knowledge", Phase::Pre)
        .unwrap()[0];
    assert_eq!(a1.class_id.as_deref(), Some(class.id.as_str()));
    assert!(a1.is_finished());
}

#[test]
fn sheets_typed_in_the_grid_are_kept_as_drafts_and_saved_all_or_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = class_of_three(dir.path());
    keys(&mut a, &[Char('p'), Down, Enter]);
    assert!(matches!(a.top(), Screen::Grid(_)));
    // Budi's row: nine answers, then leave; the draft stays.
    typed(&mut a, "bsbbsbsbb");
    snap(&mut a, "grid_typing");
    key(&mut a, Esc);
    drop(a);
    let mut a = app(dir.path());
    keys(&mut a, &[Down, Down, Down, Down, Enter]);
    typed(&mut a, "2468");
    key(&mut a, Enter);
    keys(&mut a, &[Enter, Char('p'), Down, Enter]);
    let Screen::Grid(g) = a.top() else {
        panic!("the grid")
    };
    assert_eq!(
        g.rows[0].cells.iter().filter(|c| !c.is_empty()).count(),
        9,
        "the draft came back"
    );
    // A wrong key is refused with a message and no cell changes.
    keys(&mut a, &[Char('z')]);
    let Screen::Grid(g) = a.top() else { panic!() };
    assert!(g.message.is_some());
    // Saving with one row short saves nothing.
    key(&mut a, Enter);
    assert_eq!(common::cli::post_tests_of(dir.path(), "Budi Santoso"), 0);
    snap(&mut a, "grid_row_to_fix");
    // The tenth answer, then save: Budi has a post-test from the sheet; the key never shows.
    typed(&mut a, "s");
    key(&mut a, Enter);
    let store = Store::open(dir.path()).unwrap();
    let budi = store.profile_by_name("Budi Santoso").unwrap().unwrap();
    let post = store
        .attempts_at(&budi.id, "knowledge", Phase::Post)
        .unwrap();
    assert_eq!(post.len(), 1);
    assert_eq!(post[0].mode.name(), "sheet");
    assert!(
        store
            .drafts(&post[0].class_id.clone().unwrap(), "knowledge", Phase::Post)
            .unwrap()
            .is_empty()
    );
}
