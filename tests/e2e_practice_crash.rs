//! A running practice step's time survives `kill -9`: it is saved every few seconds, not only
//! when the step ends.

mod common;

use std::time::{Duration, Instant};

use common::{DOWN, ENTER};

/// A new trainee Budi starts the practice and goes on to step 3, the first timed one (60 s).
fn into_step_3(s: &mut common::Screen) {
    common::new_trainee(s, "Budi");
    s.wait_for("Learning path");
    // Pre-test, modules, then the practice.
    s.send(DOWN);
    s.send(DOWN);
    s.send(ENTER);
    s.wait_for("I have read and understood: start");
    s.send(ENTER);
    s.wait_for("Step 1/14");
    // The first two steps advance on a key.
    s.send("n");
    s.wait_for("Step 2/14");
    s.send("n");
    s.wait_for("Step 3/14");
}

#[test]
fn a_step_killed_six_seconds_in_keeps_its_time() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = common::spawn(&[], &[("PIJAT_DATA_DIR", dir.path())], "en");
    into_step_3(&mut s);
    let entered = Instant::now();
    while entered.elapsed() < Duration::from_millis(6500) {
        s.pump(Duration::from_millis(100));
    }
    let pid = s.child.process_id().expect("a pid");
    let killed = std::process::Command::new("kill")
        .args(["-9", &pid.to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let _ = s.child.wait();

    let store = pijat_store::Store::open(dir.path()).unwrap();
    let profile = store.profile_by_name("Budi").unwrap().unwrap();
    let run = store.practice_runs_of(&profile.id).unwrap().remove(0);
    let steps = store.practice_steps(&run.id).unwrap();
    let third = &steps[2];
    assert!(
        (5000..=7000).contains(&third.spent_ms),
        "the running step's time was saved at a checkpoint: {} ms",
        third.spent_ms
    );
}

/// The window made too small (30×10) in a timed step: the practice pauses, keys other than q do
/// nothing unseen, and when the window is big again it says it paused and the step is the same.
#[test]
fn a_window_too_small_pauses_the_practice_in_a_real_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = common::spawn(
        &["--practice-speed", "10"],
        &[("PIJAT_DATA_DIR", dir.path())],
        "en",
    );
    into_step_3(&mut s);
    s.resize(30, 10);
    s.wait_for("q: quit");
    // Step 3 lasts 60 s, 6 s at ten times the speed: wait longer than that, and press keys.
    let shrunk = Instant::now();
    while shrunk.elapsed() < Duration::from_secs(8) {
        s.pump(Duration::from_millis(100));
    }
    s.send("n");
    s.send("?");
    s.resize(80, 24);
    s.wait_for("Practice paused: the window was too small. Space: go on.");
    let screen = s.text();
    assert!(screen.contains("Step 3/14"), "{screen}");
    assert!(
        !screen.contains("┌ Keys"),
        "no help opened unseen: {screen}"
    );
    // Small again, q quits at once.
    s.resize(30, 10);
    s.wait_for("q: quit");
    s.send("q");
    assert!(s.wait_exit());
}
