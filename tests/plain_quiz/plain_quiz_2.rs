//! Tests of `plain_quiz.rs`, part 2.

use super::*;

#[test]
fn the_name_is_asked_for_when_no_profile_is_given() {
    let dir = tempfile::tempdir().unwrap();
    let tokens = right_tokens(&content(), "knowledge");
    let input = format!("\nRina Ayu\n{}", lines(&tokens));
    let out = run_with_input(
        dir.path(),
        &["quiz", "--plain", "--no-shuffle", "--lang", "en"],
        &input,
    );
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains("Your name:") && stdout.contains("the name is empty"),
        "{stdout}"
    );
    assert!(stdout.contains("Rina Ayu"), "{stdout}");
    assert!(
        Store::open(dir.path())
            .unwrap()
            .profile_by_name("rina ayu")
            .unwrap()
            .is_some()
    );
}

#[test]
fn killing_the_process_mid_quiz_loses_no_answer_it_had_read() {
    let dir = tempfile::tempdir().unwrap();
    let tokens = right_tokens(&content(), "knowledge");
    let gita_pre = common::cli::plain_pre(&[], "Gita", &["--lang", "en"]);
    let mut child = pijat(dir.path(), &gita_pre).spawn().unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    stdin.write_all(lines(&tokens[..4]).as_bytes()).unwrap();
    stdin.flush().unwrap();
    // The fifth question is printed only after the fourth answer was committed.
    read_until(&mut child, &mut stdout, "[5/10]");
    child.kill().unwrap(); // SIGKILL: no destructor, no cleanup
    child.wait().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let p = store.profile_by_name("Gita").unwrap().unwrap();
    let a = store
        .open_attempt(&p.id, "knowledge", Phase::Pre)
        .unwrap()
        .expect("unfinished attempt");
    assert_eq!(store.answers(&a.id).unwrap().len(), 4);
    drop(store);
    let resumed = run_with_input(dir.path(), &gita_pre, &lines(&tokens[..6]));
    assert!(
        text(&resumed.stdout).contains("4 of 10 answered"),
        "{}",
        text(&resumed.stdout)
    );
    assert_eq!(resumed.status.code(), Some(0));
}

#[test]
fn several_windows_answering_at_once_lose_nothing_and_never_report_a_lock() {
    let dir = tempfile::tempdir().unwrap();
    let c = content();
    let review = c
        .quizzes
        .iter()
        .find(|q| q.purpose == pijat_content::Purpose::Review)
        .unwrap();
    let tokens = lines(&right_tokens(&c, &review.id));
    // Four trainees at once, plus two windows of the same trainee.
    let names = ["Hadi", "Indah", "Joko", "Kartini", "Lestari", "Lestari"];
    let children: Vec<Child> = names
        .iter()
        .map(|name| {
            let mut ch = pijat(
                dir.path(),
                &[
                    "quiz",
                    "--plain",
                    "--quiz",
                    &review.id,
                    "--profile",
                    name,
                    "--no-shuffle",
                    "--lang",
                    "en",
                ],
            )
            .spawn()
            .unwrap();
            ch.stdin
                .take()
                .unwrap()
                .write_all(tokens.as_bytes())
                .unwrap();
            ch
        })
        .collect();
    for (name, ch) in names.iter().zip(children) {
        let out = ch.wait_with_output().unwrap();
        let err = text(&out.stderr);
        assert!(
            !err.to_lowercase().contains("locked") && !err.contains("busy"),
            "{name}: {err}"
        );
        assert_eq!(
            out.status.code(),
            Some(0),
            "{name}: {err}\n{}",
            text(&out.stdout)
        );
    }
    let store = Store::open(dir.path()).unwrap();
    let n = review.questions.len();
    for name in &names[..5] {
        let p = store.profile_by_name(name).unwrap().unwrap();
        let attempts = store.attempts_of(&p.id).unwrap();
        assert!(attempts.iter().all(|a| a.is_finished()), "{name}");
        for a in &attempts {
            assert_eq!(store.answers(&a.id).unwrap().len(), n, "{name}");
        }
    }
}
