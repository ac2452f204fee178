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
    let store = Store::open(dir.path()).unwrap();
    let budi = store.profile_by_name("Budi Santoso").unwrap().unwrap();
    assert!(
        store
            .attempts_at(&budi.id, "knowledge", Phase::Post)
            .unwrap()
            .is_empty()
    );
    snap(&mut a, "grid_row_to_fix");
    // The tenth answer, then save: Budi has a post-test from the sheet; the key never shows.
    typed(&mut a, "s");
    key(&mut a, Enter);
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

#[test]
fn the_class_results_screen_and_moving_results_between_laptops() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = class_of_three(dir.path());
    // Pre-test for everyone in the group test; then the results screen.
    keys(&mut a, &[Char('t'), Enter]);
    for answer in ['t', 'f', 't'] {
        key(&mut a, Enter);
        for _ in 0..10 {
            keys(&mut a, &[Char(answer), Enter]);
        }
        key(&mut a, Enter);
    }
    key(&mut a, Esc);
    typed(&mut a, "2468");
    key(&mut a, Enter);
    key(&mut a, Char('s'));
    assert!(matches!(a.top(), Screen::Report(_)));
    let summary = render(&a, 80, 24);
    assert!(
        summary.contains("Participants: 3")
            && summary.contains("only the pre-test has results: mean 50 (n = 3)"),
        "{summary}"
    );
    snap(&mut a, "class_results_summary");
    key(&mut a, KeyCode::Right);
    snap(&mut a, "class_results_participants");
    key(&mut a, KeyCode::Right);
    snap(&mut a, "class_results_items");
    // Export from the app to a file, then into a second laptop's app.
    keys(&mut a, &[Esc, Esc]);
    let Screen::Trainer(t) = a.top() else {
        panic!("trainer home")
    };
    let export_row = t.classes.len() + 1;
    for _ in 0..export_row {
        key(&mut a, Down);
    }
    key(&mut a, Enter);
    let bundle = dir.path().join("to-usb.json");
    for _ in 0..200 {
        key(&mut a, KeyCode::Backspace);
    }
    typed(&mut a, bundle.to_str().unwrap());
    key(&mut a, Enter);
    assert!(bundle.exists(), "{:?}", a.toast);
    assert!(
        a.toast
            .as_deref()
            .unwrap_or("")
            .contains("Exported 3 trainees"),
        "{:?}",
        a.toast
    );
    let other = tempfile::tempdir().unwrap();
    let mut b = trainer(other.path());
    // A name alone is looked for where pijat was started, and the error names that folder.
    keys(&mut b, &[Down, Down, Enter]);
    key(&mut b, KeyCode::Up);
    key(&mut b, Enter);
    typed(&mut b, "laptop2.json");
    key(&mut b, Enter);
    let here = std::env::current_dir().unwrap().join("laptop2.json");
    let refused = render(&b, 200, 24);
    assert!(refused.contains(&here.display().to_string()), "{refused}");
    key(&mut b, Esc);
    // The bundle copied into the laptop's data folder is offered in the list: Enter imports it.
    std::fs::copy(&bundle, other.path().join("dari-laptop-a.json")).unwrap();
    keys(&mut b, &[Enter]);
    let list = render(&b, 80, 24);
    assert!(
        list.contains("pijat files from other laptops, newest first")
            && list.contains("▸ dari-laptop-a.json"),
        "{list}"
    );
    key(&mut b, Enter);
    assert!(
        b.toast
            .as_deref()
            .unwrap_or("")
            .contains("Imported: 3 new trainees"),
        "{:?}",
        b.toast
    );
    let store = Store::open(other.path()).unwrap();
    let budi = store.profile_by_name("Budi Santoso").unwrap().unwrap();
    assert_eq!(
        store
            .attempts_at(&budi.id, "knowledge", Phase::Pre)
            .unwrap()
            .len(),
        1
    );
}

#[test]
fn observing_marking_a_checklist_and_recording_a_visit_in_the_app() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = class_of_three(dir.path());
    // Joko (selected) is observed; the class's trainer is the observer.
    key(&mut a, Char('o'));
    key(&mut a, Tab);
    for _ in 0..10 {
        key(&mut a, KeyCode::Backspace);
    }
    typed(&mut a, "31/02/2026");
    key(&mut a, Enter);
    let setup = render(&a, 80, 24);
    assert!(setup.contains("That date is not valid"), "{setup}");
    for _ in 0..10 {
        key(&mut a, KeyCode::Backspace);
    }
    typed(&mut a, "20/11/2026");
    key(&mut a, Enter);
    // 2, 2, 1, 0, - on the first five steps; n right after a mark notes the step just marked
    // (step 5), not the next one the cursor moved to.
    for c in ['2', '2', '1', '0', '-'] {
        key(&mut a, Char(c));
    }
    key(&mut a, Char('n'));
    typed(&mut a, "minyak terlalu banyak");
    key(&mut a, Enter);
    // The cursor stayed on step 6, where marking goes on.
    snap(&mut a, "observe_marking");
    let store = Store::open(dir.path()).unwrap();
    let joko = store.profile_by_name("Joko").unwrap().unwrap();
    let open = store
        .unfinished_observation(&joko.id, "oxytocin-massage")
        .unwrap()
        .expect("saved before it is finished");
    let marks: Vec<Option<i64>> = store
        .marks(&open.id)
        .unwrap()
        .iter()
        .map(|m| m.mark)
        .collect();
    assert_eq!(
        &marks[..6],
        &[Some(2), Some(2), Some(1), Some(0), None, None],
        "each mark is saved as it is made"
    );
    assert_eq!(
        store.marks(&open.id).unwrap()[4].note.as_deref(),
        Some("minyak terlalu banyak")
    );
    assert_eq!(store.marks(&open.id).unwrap()[5].note, None);
    // The step timer: started and stopped on step 6, saved with the step.
    key(&mut a, Char(' '));
    a.update(Msg::Tick(
        Instant::now() + std::time::Duration::from_secs(3),
    ));
    key(&mut a, Char(' '));
    assert!(store.marks(&open.id).unwrap()[5].timed_ms.is_some());
    for _ in 6..=14 {
        key(&mut a, Char('2'));
    }
    key(&mut a, Enter);
    snap(&mut a, "observe_verdict");
    let verdict = render(&a, 80, 24);
    // Step 2 (critical) done well, step 3 needs practice, step 4 not done, step 5 unobserved,
    // step 6 marked 2 but timed 3 s of its 60 s, so it counts as needing practice:
    // 22 of 26 points = 84.6%, and every critical step done well: competent.
    assert!(
        verdict.contains("✓ Competent") && verdict.contains("84.6%"),
        "{verdict}"
    );
    assert!(
        verdict.contains("Timed for less than half its time") && verdict.contains("3 / 60 s"),
        "{verdict}"
    );
    assert!(
        verdict.contains("3. Prepare the room") && verdict.contains("4. Get the equipment ready"),
        "{verdict}"
    );
    key(&mut a, Enter);
    assert!(matches!(a.top(), Screen::Class(_)));
    let class = render(&a, 80, 24);
    assert!(
        class
            .lines()
            .any(|l| l.contains("Joko") && l.contains("competent") && l.contains("due")),
        "competent, but never visited: {class}"
    );
    // A home visit for Joko.
    key(&mut a, Char('v'));
    for _ in 0..10 {
        key(&mut a, KeyCode::Backspace);
    }
    typed(&mut a, "2026-11-22");
    // Nothing is chosen until the trainer chooses: Enter now saves nothing.
    key(&mut a, Enter);
    let refused = render(&a, 80, 24);
    assert!(refused.contains("Choose whether milk flowed"), "{refused}");
    assert!(store.visits_of(&joko.id).unwrap().is_empty());
    // Milk flowed: → picks "yes"; comfort: ← from none picks 5, ← again 4.
    keys(
        &mut a,
        &[KeyCode::Right, Tab, KeyCode::Left, KeyCode::Left, Tab],
    );
    typed(&mut a, "3");
    key(&mut a, Tab);
    typed(&mut a, "ibu tidur lebih nyenyak");
    snap(&mut a, "visit_form");
    key(&mut a, Enter);
    assert!(
        a.toast
            .as_deref()
            .is_some_and(|t| t.contains("The visit to Joko is saved")),
        "{:?}",
        a.toast
    );
    let v = store.visits_of(&joko.id).unwrap();
    assert_eq!(
        (
            v[0].visited_on.as_str(),
            v[0].comfort,
            v[0].massages_per_day
        ),
        ("2026-11-22", 4, Some(3))
    );
    let class = render(&a, 80, 24);
    assert!(
        class
            .lines()
            .any(|l| l.contains("Joko") && l.contains("competent") && l.contains('✓')),
        "no visit due after a good visit: {class}"
    );
    key(&mut a, Enter);
    assert!(matches!(a.top(), Screen::Member(_)));
    snap(&mut a, "participant_progress");
    // Esc goes back to the class, as Enter does.
    key(&mut a, Esc);
    assert!(
        matches!(a.top(), Screen::Class(_)),
        "Esc leaves the progress screen"
    );
}

#[test]
fn a_trainee_sees_his_observations_in_my_record_but_not_the_visits() {
    let dir = tempfile::tempdir().unwrap();
    let routine = content().routine("oxytocin-massage").unwrap();
    let steps: Vec<&str> = routine.steps.iter().map(|s| s.id.as_str()).collect();
    {
        let mut store = Store::open(dir.path()).unwrap();
        let budi = store
            .create_profile("Budi Santoso", pijat_store::Role::Father)
            .unwrap();
        for (day, second) in [("2026-11-01", 0), ("2026-11-15", 2)] {
            let id = store
                .start_observation(&budi.id, None, &routine.id, "Bu Rina", day, &steps)
                .unwrap();
            for (i, s) in steps.iter().enumerate() {
                let mark = if i == 1 { second } else { 2 };
                store.set_mark(&id, s, Some(mark)).unwrap();
            }
            store.finish_observation(&id).unwrap();
        }
        store
            .add_visit(&pijat_store::NewVisit {
                profile_id: &budi.id,
                class_id: None,
                visited_on: "2026-11-16",
                milk_flow: pijat_store::MilkFlow::Yes,
                comfort: 4,
                massages_per_day: Some(2),
                notes: Some("catatan pribadi ibu"),
                mode: pijat_core::Mode::App,
            })
            .unwrap();
    }
    let mut a = app(dir.path());
    common::app::sign_in(&mut a, "Budi Santoso");
    for _ in 0..10 {
        if render(&a, 80, 24).contains("▸   My record") {
            break;
        }
        key(&mut a, Down);
    }
    key(&mut a, Enter);
    assert!(
        matches!(a.top(), Screen::History(_)),
        "{}",
        render(&a, 80, 24)
    );
    let record = render(&a, 80, 40);
    assert!(record.contains("Observation checklist"), "{record}");
    assert!(
        record.contains("2026-11-01   92.9%  ✗ Not yet competent")
            && record.contains("2026-11-15    100%  ✓ Competent"),
        "{record}"
    );
    assert!(
        record.contains("Improved since the first observation:")
            && record.contains("2. Greet, explain, ask consent"),
        "{record}"
    );
    // Only how many visits: what was said at a visit stays behind the PIN.
    assert!(
        !record.contains("catatan pribadi")
            && record.contains("Home visits: 1 (their details only in trainer mode)"),
        "visits stay behind the PIN: {record}"
    );
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

#[test]
fn projector_mode_shows_one_big_item_at_a_time_reads_it_and_ends_at_the_grid() {
    use pijat_tui::app::Effect;
    let dir = tempfile::tempdir().unwrap();
    let mut a = class_of_three(dir.path());
    key(&mut a, Char('d'));
    key(&mut a, Enter); // the pre-test
    assert!(matches!(a.top(), Screen::Projector(_)));
    snap_sizes(&mut a, "projector_item", &[(80, 24), (160, 48)]);
    let shown = render(&a, 80, 24);
    assert!(
        !shown.contains("True") && !shown.contains("False"),
        "no answers: {shown}"
    );
    // `r` reads the item aloud, in the interface's language.
    a.take_effects();
    key(&mut a, Char('r'));
    let said = a.take_effects();
    assert!(
        matches!(&said[..], [Effect::Say { text, lang }] if text.starts_with("Question 1. ") && text.ends_with("True or false?") && lang == "en"),
        "{said:?}"
    );
    // With auto read on (kept as a setting), each item is read as it is shown.
    key(&mut a, Char('a'));
    a.take_effects();
    key(&mut a, KeyCode::Right);
    let said = a.take_effects();
    assert!(
        matches!(&said[..], [Effect::Say { text, .. }] if text.starts_with("Question 2. ")),
        "{said:?}"
    );
    let store = Store::open(dir.path()).unwrap();
    assert_eq!(store.setting("auto_read").unwrap().as_deref(), Some("on"));
    key(&mut a, KeyCode::Left);
    for _ in 0..10 {
        key(&mut a, KeyCode::Right);
    }
    snap_sizes(&mut a, "projector_end", &[(80, 24)]);
    key(&mut a, Enter);
    assert!(matches!(a.top(), Screen::Grid(_)), "the answer-sheet grid");
}

#[test]
fn the_right_pin_during_a_wait_is_told_to_wait_not_that_it_is_wrong() {
    let dir = tempfile::tempdir().unwrap();
    drop(trainer(dir.path()));
    let mut a = app(dir.path());
    key(&mut a, Esc);
    keys(&mut a, &[Down, Enter]);
    for _ in 0..2 {
        typed(&mut a, "1111");
        key(&mut a, Enter);
    }
    typed(&mut a, "2468");
    key(&mut a, Enter);
    let screen = render(&a, 80, 24);
    assert!(matches!(a.top(), Screen::Pin(_)), "still waiting");
    assert!(
        screen.contains("this PIN was not checked") && !screen.contains("Wrong PIN"),
        "{screen}"
    );
}

#[test]
fn the_trainer_opens_the_answers_and_explanations_for_the_class_after_the_post_test() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = class_of_three(dir.path());
    // Nobody has taken the post-test: the key is shown only after a question.
    key(&mut a, Char('b'));
    let asked = render(&a, 80, 24);
    assert!(
        asked.contains("3 participants have not taken the post-test yet"),
        "{asked}"
    );
    key(&mut a, Char('n'));
    assert!(matches!(a.top(), Screen::Class(_)));
    key(&mut a, Char('b'));
    key(&mut a, Char('y'));
    assert!(matches!(a.top(), Screen::Review(_)));
    let quiz = a.content.prepost_quiz().unwrap();
    let screen = render(&a, 80, 24);
    assert!(screen.contains("Answers and explanations"), "{screen}");
    assert!(screen.contains("Do not show it before every"), "{screen}");
    let first = quiz.questions[0].prompt.get(&Lang::en());
    let start: String = first.chars().take(40).collect();
    assert!(screen.contains(&start), "{screen}");
    assert!(
        screen.contains("✓ "),
        "the right answer is marked: {screen}"
    );
    snap(&mut a, "review");
    key(&mut a, Esc);
    assert!(matches!(a.top(), Screen::Class(_)));
}

#[test]
fn a_phone_test_from_the_class_screen_shows_the_qr_code_and_follows_the_phones_live() {
    use common::http::Phone;
    let dir = tempfile::tempdir().unwrap();
    let mut a = class_of_three(dir.path());
    a.serve = Some(&pijat_web::Web);
    keys(&mut a, &[Char('h'), Enter]);
    assert!(matches!(a.top(), Screen::Phones(_)));
    let screen = render(&a, 80, 24);
    for want in [
        "Test on phones · Posyandu Melati · Pre-test",
        "Scan the QR code or open:",
        "Class code:",
        "Budi Santoso",
        "0/10",
    ] {
        assert!(screen.contains(want), "{want}:\n{screen}");
    }
    let qr_rows = screen
        .lines()
        .filter(|l| l.contains('█') || l.contains('▀'))
        .count();
    assert!(
        (13..=15).contains(&qr_rows),
        "the QR code fits at 80×24:\n{screen}"
    );
    let url = screen
        .split_whitespace()
        .find(|w| w.starts_with("http://"))
        .unwrap();
    let addr: std::net::SocketAddr = url[7..].trim_end_matches('/').parse().unwrap();
    let code = screen.split("Class code: ").nth(1).unwrap()[..4].to_string();

    let p = Phone::open(addr);
    p.code(&code);
    let r = p.join(0);
    assert_eq!(r.json()["name"], "Budi Santoso", "{r:?}");
    p.answer(r.json()["question"]["position"].as_u64().unwrap(), "b");
    a.update(Msg::Tick(
        Instant::now() + std::time::Duration::from_secs(1),
    ));
    let live = render(&a, 80, 24);
    let budi = live.lines().find(|l| l.contains("Budi Santoso")).unwrap();
    assert!(budi.contains('✓') && budi.contains("1/10"), "{live}");
    a.lang = Lang::id();
    assert!(render(&a, 80, 24).contains("Pindai kode QR atau buka:"));
    a.lang = Lang::en();

    key(&mut a, Char('r'));
    let released = render(&a, 80, 24);
    assert!(released.contains("Budi Santoso released"), "{released}");
    assert_eq!(
        p.state().json()["step"],
        "name",
        "his phone holds nobody now"
    );
    key(&mut a, Enter);
    let asked = render(&a, 80, 24);
    assert!(
        asked.contains("3 participants are not done. End the test now?"),
        "{asked}"
    );
    key(&mut a, Char('n'));
    assert!(matches!(a.top(), Screen::Phones(_)));
    key(&mut a, Enter);
    key(&mut a, Char('y'));
    assert!(matches!(a.top(), Screen::Class(_)));
    assert!(render(&a, 80, 24).contains("The phone test is over: 0 participants finished."));
    assert!(
        std::net::TcpStream::connect(addr).is_err(),
        "the server stopped"
    );
}

/// The trainer's screens keep up: a participant who left the group test at 4/10 is shown "in
/// progress 4/10", not "waiting"; results saved by the command line or another window appear
/// on the open class screen within seconds.
#[test]
fn the_class_and_group_test_screens_show_what_is_saved_meanwhile() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = class_of_three(dir.path());
    keys(&mut a, &[Char('t'), Enter]);
    key(&mut a, Enter);
    common::app::answer_n(&mut a, 4, 't');
    // Budi leaves his turn for now (Esc, yes).
    keys(&mut a, &[Esc, Char('y')]);
    assert!(matches!(a.top(), Screen::HotSeat(_)));
    let hotseat = render(&a, 80, 24);
    assert!(
        hotseat
            .lines()
            .any(|l| l.contains("Budi Santoso") && l.contains("in progress 4/10")),
        "{hotseat}"
    );
    key(&mut a, Esc);
    typed(&mut a, "2468");
    key(&mut a, Enter);
    assert!(matches!(a.top(), Screen::Class(_)));
    let before = render(&a, 80, 24);
    assert!(before.contains("Still to take the pre-test: 3"), "{before}");
    // Siti's paper sheet is typed in at the command line while the class screen is open.
    let key_row = common::app::key_row_of(common::app::content_ten());
    let sheet = dir.path().join("siti.csv");
    std::fs::write(
        &sheet,
        format!("nama,peran,jawaban\nSiti Aminah,kader,{key_row}\n"),
    )
    .unwrap();
    let o = common::cli::run_ten(
        dir.path(),
        &[
            "sheets",
            "import",
            sheet.to_str().unwrap(),
            "--class",
            "Posyandu Melati",
            "--phase",
            "pre",
        ],
        "",
    );
    assert!(o.status.success(), "{}", common::cli::both(&o));
    let wake = a
        .next_wake()
        .expect("the class screen reads the results again");
    a.update(Msg::Tick(wake));
    let after = render(&a, 80, 24);
    assert!(after.contains("Still to take the pre-test: 2"), "{after}");
}
