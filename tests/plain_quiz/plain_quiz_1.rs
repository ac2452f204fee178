//! Tests of `plain_quiz.rs`, part 1.

use super::*;

#[test]
fn a_new_user_takes_the_pretest_sees_the_score_then_finds_it_in_history() {
    let dir = tempfile::tempdir().unwrap();
    let c = content();
    let mut tokens = right_tokens(&c, "knowledge");
    // Two wrong answers: flip the first two statements.
    for t in tokens.iter_mut().take(2) {
        *t = if t == "b" { "s".into() } else { "b".into() };
    }
    let out = run_with_input(
        dir.path(),
        &common::cli::plain_pre(&[], "Budi Santoso", &["--no-shuffle", "--lang", "en"]),
        &lines(&tokens),
    );
    let stdout = text(&out.stdout);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{stdout}\n{}",
        text(&out.stderr)
    );
    assert!(stdout.contains("[1/10] "), "{stdout}");
    assert!(stdout.contains("Answer: t = true, f = false"), "{stdout}");
    assert!(stdout.lines().any(|l| l == "score 8/10 (80%)"), "{stdout}");
    // The pre-test reveals nothing: no right answers, no explanations.
    assert!(
        !stdout.contains("The right answer") && !stdout.contains("✓"),
        "{stdout}"
    );
    assert!(
        !stdout.contains('\u{1b}'),
        "no colour codes or cursor movement in plain mode"
    );

    let h = run_with_input(
        dir.path(),
        &["history", "--profile", "budi santoso", "--lang", "en"],
        "",
    );
    let hist = text(&h.stdout);
    assert_eq!(h.status.code(), Some(0), "{}", text(&h.stderr));
    assert!(
        hist.contains("Data file:") && hist.contains("pijat.db"),
        "{hist}"
    );
    assert!(hist.contains("Budi Santoso (other)"), "{hist}");
    assert!(
        hist.contains("pre-test") && hist.contains("80% (8/10)"),
        "{hist}"
    );
    assert!(hist.contains("no post-test yet"), "{hist}");
}

#[test]
fn indonesian_is_the_default_and_the_score_line_says_skor() {
    let dir = tempfile::tempdir().unwrap();
    let tokens = right_tokens(&content(), "knowledge");
    let out = run_with_input(
        dir.path(),
        &["quiz", "--plain", "--profile", "Siti", "--no-shuffle"],
        &lines(&tokens),
    );
    let stdout = text(&out.stdout);
    assert!(stdout.contains("Jawab: b = benar, s = salah"), "{stdout}");
    assert!(stdout.lines().any(|l| l == "skor 10/10 (100%)"), "{stdout}");
    assert!(
        stdout.contains("tidak ditampilkan setelah tes awal"),
        "{stdout}"
    );
}

#[test]
fn a_wrong_token_is_explained_and_asked_again_without_saving_anything() {
    let dir = tempfile::tempdir().unwrap();
    let mut tokens = right_tokens(&content(), "knowledge");
    tokens.insert(0, "maybe".into());
    tokens.insert(0, "".into());
    let out = run_with_input(
        dir.path(),
        &common::cli::plain_pre(&[], "Ani", &["--no-shuffle", "--lang", "en"]),
        &lines(&tokens),
    );
    let stdout = text(&out.stdout);
    assert!(stdout.contains("type an answer (or - to skip)"), "{stdout}");
    assert!(
        stdout.contains("`maybe` is not an answer: type t (true) or f (false)"),
        "{stdout}"
    );
    assert!(
        stdout.lines().any(|l| l == "score 10/10 (100%)"),
        "{stdout}"
    );
    let store = Store::open(dir.path()).unwrap();
    let p = store.profile_by_name("Ani").unwrap().unwrap();
    let a = &store.attempts_of(&p.id).unwrap()[0];
    assert_eq!(store.answers(&a.id).unwrap().len(), 10);
}

#[test]
fn input_ending_early_keeps_the_answers_and_the_same_command_resumes() {
    let dir = tempfile::tempdir().unwrap();
    let tokens = right_tokens(&content(), "knowledge");
    let args = [
        "quiz",
        "--plain",
        "--profile",
        "Dewi",
        "--phase",
        "pre",
        "--lang",
        "en",
    ];
    let first = run_with_input(dir.path(), &args, &lines(&tokens[..3]));
    common::cli::fails_saying(
        &first,
        1,
        "Input ended after 3 of 10 answers; they are saved.",
    );
    let second = run_with_input(dir.path(), &args, &lines(&tokens[..7]));
    let stdout = text(&second.stdout);
    assert_eq!(second.status.code(), Some(0), "{stdout}");
    assert!(
        stdout.contains("Continuing an unfinished attempt: 3 of 10 answered."),
        "{stdout}"
    );
    assert!(
        stdout.contains("[4/10]") && !stdout.contains("[3/10]"),
        "{stdout}"
    );
    let store = Store::open(dir.path()).unwrap();
    let p = store.profile_by_name("Dewi").unwrap().unwrap();
    let attempts = store.attempts_of(&p.id).unwrap();
    assert_eq!(attempts.len(), 1, "resumed, not restarted");
    assert!(attempts[0].is_finished());
}

#[test]
fn the_post_test_shows_the_score_and_the_change_but_not_the_key_and_the_pretest_is_taken_once() {
    let dir = tempfile::tempdir().unwrap();
    let c = content();
    let right = right_tokens(&c, "knowledge");
    let wrong: Vec<String> = right
        .iter()
        .map(|t| if t == "b" { "s".into() } else { "b".into() })
        .collect();
    let base = [
        "quiz",
        "--plain",
        "--profile",
        "Eko",
        "--no-shuffle",
        "--lang",
        "en",
    ];
    let pre = run_with_input(
        dir.path(),
        &base,
        &lines(
            &wrong[..5]
                .iter()
                .chain(&right[5..])
                .cloned()
                .collect::<Vec<_>>(),
        ),
    );
    assert!(
        text(&pre.stdout).contains("score 5/10 (50%)"),
        "{}",
        text(&pre.stdout)
    );
    // The second run defaults to the post-test.
    let post = run_with_input(dir.path(), &base, &lines(&right));
    let stdout = text(&post.stdout);
    assert!(stdout.contains("post-test"), "{stdout}");
    assert!(stdout.contains("score 10/10 (100%)"), "{stdout}");
    // The pre/post set's key stays with the trainer: no review, no explanation.
    assert!(!stdout.contains("Review:"), "{stdout}");
    assert!(stdout.contains("gone through with the trainer"), "{stdout}");
    let first = &c.quiz("knowledge").unwrap().questions[0];
    assert!(
        !stdout.contains(
            first
                .explain
                .as_ref()
                .unwrap()
                .get(&pijat_content::Lang::en())
        ),
        "{stdout}"
    );
    assert!(
        stdout.contains("Pre-test 50% → post-test 100% (+50 points)"),
        "{stdout}"
    );
    let again = run_with_input(
        dir.path(),
        &common::cli::plain_pre(&[], "Eko", &["--lang", "en"]),
        "b\n",
    );
    common::cli::fails_saying(&again, 1, "already finished the pre-test");
    let h = text(&run_with_input(dir.path(), &["history", "--lang", "en"], "").stdout);
    assert!(
        h.contains("pre-test 50% → post-test 100% (+50 points)"),
        "{h}"
    );
}

#[test]
fn a_module_quiz_is_practice_with_feedback_after_each_answer() {
    let dir = tempfile::tempdir().unwrap();
    let c = content();
    let quiz = c
        .quizzes
        .iter()
        .find(|q| q.purpose == pijat_content::Purpose::Module)
        .unwrap();
    let tokens = right_tokens(&c, &quiz.id);
    let out = run_with_input(
        dir.path(),
        &[
            "quiz",
            "--plain",
            "--quiz",
            &quiz.id,
            "--profile",
            "Fajar",
            "--no-shuffle",
            "--lang",
            "en",
        ],
        &lines(&tokens),
    );
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}{}", text(&out.stderr));
    assert!(stdout.contains("✓ Right."), "{stdout}");
    // Fajar's quiz `QUIZ` in phase `PHASE`: refused as a usage error, for the reason given.
    for (which, phase, why) in [
        (quiz.id.as_str(), "pre", "a module quiz is not a pre-test"),
        (
            "knowledge",
            "practice",
            "practising on the pre/post set would spoil it",
        ),
    ] {
        let args = [
            "quiz",
            "--plain",
            "--quiz",
            which,
            "--phase",
            phase,
            "--profile",
            "Fajar",
        ];
        let bad = run_with_input(dir.path(), &args, "");
        assert_eq!(bad.status.code(), Some(2), "{why}");
    }
    let unknown = run_with_input(
        dir.path(),
        &[
            "quiz",
            "--plain",
            "--quiz",
            "nope",
            "--profile",
            "Fajar",
            "--lang",
            "en",
        ],
        "",
    );
    common::cli::fails_saying(&unknown, 2, "no quiz `nope`; the quizzes are: knowledge");
}
