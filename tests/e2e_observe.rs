//! One observation end to end, with the real binary in a pseudo-terminal: a cadre opens trainer
//! mode, observes a father, the laptop is killed halfway, the observation goes on where it
//! stopped, and the verdict lists the steps to coach; then a home visit and his progress.

mod common;

use common::{DOWN, ENTER, ESC, TAB};
use pijat_store::{ClassDetails, Role, Store};

fn class_with_budi(dir: &std::path::Path) {
    let store = Store::open(dir).unwrap();
    store.set_pin("2468").unwrap();
    let class = store
        .save_class(
            None,
            &ClassDetails {
                name: "Posyandu Melati".into(),
                place: None,
                starts: None,
                ends: None,
                trainer: Some("Bidan Ratna".into()),
            },
        )
        .unwrap();
    let budi = store.create_profile("Budi Santoso", Role::Father).unwrap();
    store.add_member(&class.id, &budi.id).unwrap();
}

/// pijat on a class of Budi in `dir`, at the start of an observation.
fn observing_budi(dir: &std::path::Path) -> common::Screen {
    class_with_budi(dir);
    let env = [("PIJAT_DATA_DIR", dir)];
    let mut s = common::spawn(&[], &env, "en");
    into_class(&mut s);
    s.send("o");
    s.wait_for("Start the observation");
    s
}

fn into_class(s: &mut common::Screen) {
    s.wait_for("Trainer mode (PIN)");
    s.send(DOWN);
    s.send(DOWN);
    s.send(ENTER);
    s.wait_for("Type the trainer PIN");
    s.send("2468");
    s.send(ENTER);
    s.wait_for("Posyandu Melati");
    s.send(ENTER);
    s.wait_for("Checklist");
}

#[test]
fn a_cadre_observes_a_father_and_nothing_is_lost_when_the_laptop_dies() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = observing_budi(dir.path());
    // The class's trainer is the observer unless changed.
    s.wait_for("Observer: Bidan Ratna");
    s.send(TAB);
    for _ in 0..10 {
        s.send("\x7f");
    }
    s.send("28/11/2026");
    s.send(ENTER);
    s.wait_for("Observation: Budi Santoso · Bidan Ratna · 2026-11-28");
    // Step 1 done well, step 2 (critical) needs practice, step 3 not done.
    s.send("2");
    s.send("1");
    s.send("0");
    s.wait_for("Score so far: 50% · 3 of 14 steps observed");
    // The laptop is closed: the process dies without a goodbye.
    s.child.kill().unwrap();
    let _ = s.child.wait();

    let mut s = common::spawn(&[], &[("PIJAT_DATA_DIR", dir.path())], "en");
    into_class(&mut s);
    s.send("o");
    s.wait_for("Going on with the observation of 2026-11-28 by Bidan Ratna.");
    let screen = s.text();
    assert!(
        screen.contains("2. Greet, explain, ask consent") && screen.contains("1 needs practice"),
        "{screen}"
    );
    // Steps 4 to 14 done well, with a note on step 4.
    s.send("n");
    s.wait_for("Note for step 4");
    s.send("lupa handuk kecil");
    s.send(ENTER);
    s.wait_for("Note: lupa handuk kecil");
    for _ in 4..=14 {
        s.send("2");
    }
    s.wait_for("Score so far: 89.3% · 14 of 14 steps observed");
    s.send(ENTER);
    s.wait_for("Not yet competent");
    s.wait_for("Enter or Esc goes back to the class.");
    let verdict = s.text();
    assert!(verdict.contains("89.3%"), "{verdict}");
    assert!(
        verdict.contains("Critical steps not yet done well:")
            && verdict.contains("2. Greet, explain, ask consent  1 needs practice"),
        "{verdict}"
    );
    assert!(
        verdict.contains("Steps to coach:") && verdict.contains("3. Prepare the room  0 not done"),
        "{verdict}"
    );
    s.send(ENTER);
    s.wait_for("not yet");

    // A home visit: milk did not flow, comfort 2.
    s.send("v");
    s.wait_for("Record a home visit");
    // Nothing is chosen yet: → chooses the first answer, → again the next.
    s.send(TAB);
    s.send("\x1b[C");
    s.send("\x1b[C");
    s.send(TAB);
    s.send("\x1b[C");
    s.send("\x1b[C");
    s.send(TAB);
    s.send("2");
    s.send(TAB);
    s.send("ibu masih tegang");
    // What the baby had yesterday, one question at a time: breast milk yes (→), the other
    // six no (→ →); no danger sign in mother or baby.
    s.send(TAB);
    s.send("\x1b[C");
    for _ in 0..8 {
        s.send(TAB);
        s.send("\x1b[C");
        s.send("\x1b[C");
    }
    s.send(ENTER);
    s.wait_for("The visit to Budi Santoso is saved.");
    s.send(ENTER);
    s.wait_for("Progress: Budi Santoso");
    s.wait_for("milk flowed: no · mother's comfort 2/5 · 2 massages a day");
    // No date of birth yet, so no age: the recall is kept, the indicator waits for it.
    s.wait_for("baby's age not known");
    s.wait_for("A visit is due.");
    s.send(ESC);
    // Back on the class before `q`, so Esc and q are never read together as Alt+q.
    s.wait_for("Checklist");
    s.send("q");
    assert!(s.wait_exit());

    let store = Store::open(dir.path()).unwrap();
    let budi = store.profile_by_name("Budi Santoso").unwrap().unwrap();
    let obs = store
        .observations_of(&budi.id, Some("oxytocin-massage"))
        .unwrap();
    assert_eq!(obs.len(), 1);
    assert_eq!(obs[0].observed_on, "2026-11-28");
    let marks = store.marks(&obs[0].id).unwrap();
    assert_eq!(marks[1].mark, Some(1));
    assert_eq!(marks[3].note.as_deref(), Some("lupa handuk kecil"));
    let v = store.visits_of(&budi.id).unwrap();
    assert_eq!(v.len(), 1);
    assert_eq!(
        (
            v[0].findings.comfort,
            v[0].findings.massages_per_day,
            v[0].findings.notes.as_deref()
        ),
        (2, Some(2), Some("ibu masih tegang"))
    );
}

/// The daftar tilik's note does not move the cursor back: after `2 2 1`, a note on step 3 and
/// Enter, the next `2` marks step 4, and step 3 keeps *needs practice*. A mark replaced on
/// purpose is said on its line and in the status line, with the score that follows.
#[test]
fn a_note_keeps_the_marks_and_a_changed_mark_is_shown() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = observing_budi(dir.path());
    s.send(ENTER);
    s.wait_for("Observation: Budi Santoso");
    s.send("2");
    s.send("2");
    s.send("1");
    s.send("n");
    s.wait_for("Note for step 3");
    s.send("minyak terlalu banyak");
    s.send(ENTER);
    // The note is on step 3's line; the cursor stayed on step 4, where marking goes on.
    s.wait_for("1 needs practice  ✎");
    assert!(s.text().contains("▸ 4. "), "{}", s.text());
    s.send("2");
    s.wait_for("4 of 14 steps observed");
    let screen = s.text();
    let line = |n: &str| {
        screen
            .lines()
            .find(|l| l.contains(n))
            .unwrap_or_else(|| panic!("{n}: {screen}"))
            .to_string()
    };
    assert!(
        line("3. Prepare the room").contains("1 needs practice"),
        "{screen}"
    );
    assert!(
        line("4. ").contains("2 done well"),
        "step 4 takes the mark typed after the note: {screen}"
    );
    // Step 2 (critical) marked again, on purpose: the change is said, not silent.
    s.send(common::UP);
    s.send(common::UP);
    s.send(common::UP);
    s.send("1");
    s.wait_for("Step 2 CHANGED: 2 done well → 1 needs practice. Score now");
    let screen = s.text();
    let step2 = screen
        .lines()
        .find(|l| l.contains("2. Greet"))
        .unwrap_or_else(|| panic!("{screen}"));
    assert!(step2.contains("2→1 needs practice"), "{screen}");
    s.send(ESC);
    s.wait_for("is saved; press o again");
    s.send("q");
    assert!(s.wait_exit());

    let store = Store::open(dir.path()).unwrap();
    let budi = store.profile_by_name("Budi Santoso").unwrap().unwrap();
    // Left unfinished (Esc): the marks are saved as they were made.
    let obs = store
        .unfinished_observation(&budi.id, "oxytocin-massage")
        .unwrap()
        .unwrap();
    let marks: Vec<Option<i64>> = store
        .marks(&obs.id)
        .unwrap()
        .iter()
        .map(|m| m.mark)
        .collect();
    assert_eq!(&marks[..5], &[Some(2), Some(1), Some(1), Some(2), None]);
    assert_eq!(
        store.marks(&obs.id).unwrap()[2].note.as_deref(),
        Some("minyak terlalu banyak")
    );
}
