//! `pijat quiz --plain` and `pijat history` as a user runs them: the real binary, real stdin.

mod common;

use std::io::{BufReader, Read, Write};
use std::process::Child;
use std::time::{Duration, Instant};

use pijat_content::{Content, Phase, QuestionKind, load_with};
use pijat_store::Store;

/// These tests are about plain mode, not about the shipped set: they take the pre/post test from
/// a fixture of ten statements (the first shipped set), as a trainer's `--content` folder does.
const TEN: &str = "tests/fixtures/ten_statements";

fn content() -> Content {
    load_with(Some(std::path::Path::new(TEN))).content.unwrap()
}

use common::cli::text;

/// `pijat --content TEN ARGS`.
fn pijat(data: &std::path::Path, args: &[&str]) -> std::process::Command {
    let mut all = vec!["--content", TEN];
    all.extend_from_slice(args);
    common::cli::pijat(data, &all)
}

/// `pijat --content TEN ARGS` with `input` on standard input.
fn run_with_input(data: &std::path::Path, args: &[&str], input: &str) -> std::process::Output {
    let mut all = vec!["--content", TEN];
    all.extend_from_slice(args);
    common::cli::run(data, &all, input)
}

/// The right tokens for a quiz shown in file order (`--no-shuffle`). Order items are still
/// shuffled, so order questions are answered with `-` (counted wrong).
fn right_tokens(c: &Content, quiz: &str) -> Vec<String> {
    c.quiz(quiz)
        .unwrap()
        .questions
        .iter()
        .map(|q| match &q.kind {
            QuestionKind::TrueFalse { answer } => if *answer { "b" } else { "s" }.to_string(),
            QuestionKind::Single { answer, .. } => ((b'a' + *answer as u8) as char).to_string(),
            QuestionKind::Multiple { answers, .. } => answers
                .iter()
                .map(|i| (i + 1).to_string())
                .collect::<Vec<_>>()
                .join(","),
            QuestionKind::Order { .. } => "-".to_string(),
        })
        .collect()
}

fn lines(tokens: &[String]) -> String {
    tokens.iter().map(|t| format!("{t}\n")).collect()
}

fn read_until(
    child: &mut Child,
    reader: &mut BufReader<std::process::ChildStdout>,
    want: &str,
) -> String {
    let deadline = Instant::now() + Duration::from_secs(20);
    let mut seen = String::new();
    let mut buf = [0u8; 256];
    while !seen.contains(want) {
        assert!(
            Instant::now() < deadline,
            "timed out waiting for {want:?}; saw:\n{seen}"
        );
        let n = reader.read(&mut buf).unwrap();
        assert!(
            n > 0 || child.try_wait().unwrap().is_none(),
            "exited early:\n{seen}"
        );
        seen.push_str(&String::from_utf8_lossy(&buf[..n]));
    }
    seen
}

#[path = "plain_quiz/plain_quiz_1.rs"]
mod plain_quiz_1;
#[path = "plain_quiz/plain_quiz_2.rs"]
mod plain_quiz_2;
