//! A group pre-test on one laptop, with the real binary in a pseudo-terminal: the trainer sets
//! the PIN, makes a class of three, runs the test round the roster (one absent, skipped and
//! come back to), and the class overview shows everyone's score only behind the PIN.

mod common;

use common::{DOWN, ENTER, ESC, TAB};
use pijat_content::Phase;
use pijat_store::Store;

#[test]
fn a_trainer_runs_a_group_pretest_round_the_roster() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = common::spawn(&[], &[("PIJAT_DATA_DIR", dir.path())], "en");
    // A fresh laptop: the welcome leads the trainer to trainer mode.
    s.wait_for("I am a trainer: trainer mode (PIN)");
    s.send(DOWN);
    s.send(ENTER);
    s.wait_for("Set a trainer PIN");
    s.send("2468");
    s.send(ENTER);
    s.wait_for("Type the same PIN again");
    s.send("2468");
    s.send(ENTER);
    s.wait_for("Recovery code: write it on paper");
    s.send(ENTER);
    s.wait_for("+ New class");
    s.send(ENTER);
    s.wait_for("Class details");
    s.send("Posyandu Melati");
    s.send(TAB);
    s.send("Desa Sukamaju");
    s.send(ENTER);
    s.wait_for("No participants yet");
    for name in ["Budi Santoso", "Joko", "Siti Aminah"] {
        s.send("a");
        s.wait_for("Add a participant");
        s.send(name);
        s.send(ENTER);
        s.wait_for(name);
    }
    s.wait_for("Still to take the pre-test: 3");

    s.send("t");
    s.wait_for("Group test on this laptop");
    s.send(ENTER);
    s.wait_for("Next: Budi Santoso");
    s.send(ENTER);
    let n = common::app::prepost_len();
    common::answer_quiz(&mut s, n, "t");
    s.wait_for("Thank you, Budi Santoso!");
    assert!(
        !s.text().contains('%'),
        "no score between participants:\n{}",
        s.text()
    );
    s.send(ENTER);
    s.wait_for("Next: Joko");
    // Skipping is the trainer's key, with a question: a father pressing s skips nothing.
    s.send("s");
    s.send("x");
    s.wait_for("Skip Joko for now (absent)?");
    s.send("y");
    s.wait_for("Next: Siti Aminah");
    assert!(
        s.text().contains("skipped, later") && !s.text().contains('%'),
        "{}",
        s.text()
    );
    s.send(ENTER);
    common::answer_quiz(&mut s, n, "f");
    s.wait_for("Thank you, Siti Aminah!");
    s.send(ENTER);
    s.wait_for("Next: Joko");
    s.send(ENTER);
    common::answer_quiz(&mut s, n, "t");
    s.wait_for("Thank you, Joko!");
    s.send(ENTER);
    s.wait_for("Every participant is done");
    // Leaving needs the PIN; then the overview has everyone's pre-test.
    s.send(ESC);
    s.wait_for("Type the trainer PIN");
    s.send("2468");
    s.send(ENTER);
    s.wait_for("Still to take the pre-test: 0");
    s.send("q");
    assert!(s.wait_exit());

    let store = Store::open(dir.path()).unwrap();
    let class = store.class_by_name("Posyandu Melati").unwrap().unwrap();
    assert_eq!(class.place.as_deref(), Some("Desa Sukamaju"));
    for name in ["Budi Santoso", "Joko", "Siti Aminah"] {
        let p = store.profile_by_name(name).unwrap().unwrap();
        let a = store.attempts_at(&p.id, "knowledge", Phase::Pre).unwrap();
        assert_eq!(a.len(), 1, "{name}");
        assert!(
            a[0].is_finished() && a[0].class_id.as_deref() == Some(class.id.as_str()),
            "{name}"
        );
        assert_eq!(store.answers(&a[0].id).unwrap().len(), n, "{name}");
    }
}
