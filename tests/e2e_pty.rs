//! The real binary in a pseudo-terminal, driven by keys as a trainee would: create a profile,
//! take the pre-test, open a lesson, run the practice at high speed, take the post-test, quit.
//! Then `pijat history` shows both scores and the practice run.

mod common;

use std::time::{Duration, Instant};

use common::{DOWN, ENTER, ESC};

#[test]
fn a_trainee_walks_the_whole_path_and_history_shows_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = common::spawn(
        &["--practice-speed", "100"],
        &[("PIJAT_DATA_DIR", dir.path())],
        "en",
    );
    common::new_trainee(&mut s, "Budi Santoso");
    s.wait_for("Next: Pre-test");

    // The pre-test: every statement answered "true", every single-choice item with a).
    let n = common::app::prepost_len();
    s.send(ENTER);
    common::answer_quiz(&mut s, n, "t");
    s.wait_for("Your score:");
    assert!(
        s.text()
            .contains("Right answers are not shown after the pre-test")
    );
    s.send(ENTER);

    // A lesson: the first module, two pages.
    s.wait_for("Next: Modules");
    s.send(ENTER);
    s.send(ENTER);
    s.wait_for("page 1/");
    s.send("n");
    s.wait_for("page 2/");
    s.send(ESC);
    s.wait_for("2/5 pages");
    s.send(ESC);
    s.wait_for("Learning path");

    // The practice at 100× speed: key-press steps with n, timed ones run out by themselves.
    s.send(DOWN);
    s.send(ENTER);
    s.wait_for("I have read and understood: start");
    s.send(ENTER);
    s.wait_for("Step 1/14");
    let deadline = Instant::now() + Duration::from_secs(30);
    while !s.text().contains("Mark the steps you did well") {
        assert!(
            Instant::now() < deadline,
            "practice did not end:\n{}",
            s.text()
        );
        s.send("n");
        s.pump(Duration::from_millis(100));
    }
    s.send(" ");
    s.send(ENTER);
    s.wait_for("Practice done");
    s.send(ENTER);

    // The post-test, two items below the next step (modules are not all read yet).
    s.wait_for("Next: Modules");
    s.send(DOWN);
    s.send(DOWN);
    s.send(ENTER);
    s.wait_for("Post-test");
    common::answer_quiz(&mut s, n, "t");
    s.wait_for("Your score:");
    assert!(
        s.text().contains("Pre-test") && s.text().contains("→ Post-test"),
        "{}",
        s.text()
    );
    s.send(ENTER);
    s.wait_for("Learning path");
    s.send("q");
    assert!(s.wait_exit());
    assert!(
        !s.parser.screen().alternate_screen(),
        "the terminal is restored"
    );

    let out = std::process::Command::new(env!("CARGO_BIN_EXE_pijat"))
        .args(["history", "--profile", "Budi Santoso", "--lang", "en"])
        .env("PIJAT_DATA_DIR", dir.path())
        .output()
        .unwrap();
    let h = String::from_utf8_lossy(&out.stdout);
    assert!(
        h.lines()
            .any(|l| l.contains("pre-test") && l.contains("(") && l.contains(&format!("/{n})"))),
        "{h}"
    );
    assert!(
        h.lines()
            .any(|l| l.contains("post-test") && l.contains(&format!("/{n})"))),
        "{h}"
    );
    assert!(h.contains("pre-test") && h.contains("→ post-test"), "{h}");
    assert!(
        h.contains("Massage practice:") && h.contains("1/14 steps done well"),
        "{h}"
    );
}
