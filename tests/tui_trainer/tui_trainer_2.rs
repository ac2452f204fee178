//! Tests of `tui_trainer.rs`, part 2.

use super::*;

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
            && summary.contains("only the pre-test has results: mean 50.0% (n = 3)"),
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
    // The feeding recall is asked one question at a time: none answered, nothing saved, and
    // the first question unanswered is where the form goes.
    key(&mut a, Enter);
    let refused = render(&a, 80, 24);
    assert!(
        refused.contains("Answer every question about the baby's feeding"),
        "{refused}"
    );
    assert!(
        refused.contains("▸ Yesterday (day or night), did the baby have breast"),
        "{refused}"
    );
    assert!(store.visits_of(&joko.id).unwrap().is_empty());
    // Breast milk yes (→ from none), then water… food no (→ →), medicine yes; no sign in the
    // mother, a sign in the baby, not referred.
    key(&mut a, KeyCode::Right);
    for _ in 0..5 {
        keys(&mut a, &[Tab, KeyCode::Right, KeyCode::Right]);
    }
    keys(
        &mut a,
        &[Tab, KeyCode::Right, Tab, KeyCode::Right, KeyCode::Right],
    );
    keys(&mut a, &[Tab, KeyCode::Right]);
    snap(&mut a, "visit_form_outcome");
    key(&mut a, Enter);
    assert!(
        a.toast
            .as_deref()
            .is_some_and(|t| t.contains("The visit to Joko is saved")
                && t.contains("A danger sign: take them to the midwife or puskesmas now")),
        "{:?}",
        a.toast
    );
    let v = store.visits_of(&joko.id).unwrap();
    assert_eq!(
        (
            v[0].visited_on.as_str(),
            v[0].findings.comfort,
            v[0].findings.massages_per_day
        ),
        ("2026-11-22", 4, Some(3))
    );
    let recall = v[0].findings.recall.expect("the recall is saved");
    assert_eq!(recall.exclusive(), Some(true), "{recall:?}");
    assert_eq!(recall.medicine, pijat_core::feeding::Recalled::Yes);
    let danger = v[0]
        .findings
        .danger
        .clone()
        .expect("the danger signs are saved");
    assert!(danger.baby && !danger.mother && danger.referred_to.is_none());
    let class = render(&a, 80, 24);
    assert!(
        class
            .lines()
            .any(|l| l.contains("Joko") && l.contains("competent") && l.contains("due")),
        "the danger sign found at the visit calls for another: {class}"
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
                findings: pijat_core::records::VisitFindings {
                    milk_flow: pijat_store::MilkFlow::Yes,
                    comfort: 4,
                    massages_per_day: Some(2),
                    notes: Some("catatan pribadi ibu".into()),
                    recall: None,
                    danger: None,
                },
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
