//! Words a user reads are chosen by language in one place: the strings tables
//! (`crates/core/src/strings/`). Code elsewhere asks the table (`tr(lang).x`, `both`, `pick`)
//! and never branches on the language itself. The few places that may are core's own language
//! rules (decimal and list marks, dates, a bilingual text's `get`) and the voices, which pick an
//! engine voice by the content's language code.

use std::path::{Path, PathBuf};

/// Files that may branch on the language, and why.
const ALLOWED: &[(&str, &str)] = &[
    ("crates/core/src/strings/", "the strings tables themselves"),
    (
        "crates/core/src/lang.rs",
        "decimal and list marks of a language",
    ),
    ("crates/core/src/dates.rs", "how a language writes a date"),
    (
        "crates/core/src/bilingual.rs",
        "a bilingual text picking its half",
    ),
    (
        "crates/speech/src/",
        "an engine voice for the content's language code",
    ),
];

/// What a branch on the language looks like.
const BRANCHES: &[&str] = &[".is_en()", "lang == \"en\"", "code() == \"en\""];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Every `file:line` of the crates under `root`, outside the folders and files `skip`, whose
/// code (comments left out) holds one of `patterns`.
fn lines_with(root: &Path, skip: &[&str], patterns: &[&str]) -> Vec<String> {
    let mut files = Vec::new();
    rust_files(&root.join("crates"), &mut files);
    let mut found = Vec::new();
    for file in files {
        let rel = file
            .strip_prefix(root)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        if skip.iter().any(|p| rel.starts_with(p)) {
            continue;
        }
        let text = std::fs::read_to_string(&file).unwrap();
        for (i, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or_default();
            if patterns.iter().any(|b| code.contains(b)) {
                found.push(format!("{rel}:{}: {}", i + 1, line.trim()));
            }
        }
    }
    found
}

/// Every `file:line` outside `ALLOWED` that branches on the language.
fn branches(root: &Path) -> Vec<String> {
    let skip: Vec<&str> = ALLOWED.iter().map(|(p, _)| *p).collect();
    lines_with(root, &skip, BRANCHES)
}

#[test]
fn only_the_strings_tables_choose_words_by_language() {
    let found = branches(Path::new(env!("CARGO_MANIFEST_DIR")));
    assert!(
        found.is_empty(),
        "put these texts in a strings table and ask it (tr(lang).x, both, pick):\n{}",
        found.join("\n")
    );
}

#[test]
fn a_branch_on_the_language_is_found() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("crates/tui/src");
    std::fs::create_dir_all(&src).unwrap();
    std::fs::write(
        src.join("x.rs"),
        "// lang.is_en() in a comment is fine\nlet w = if lang.is_en() { \"Yes\" } else { \"Ya\" };\n",
    )
    .unwrap();
    let kept = dir.path().join("crates/core/src/strings");
    std::fs::create_dir_all(&kept).unwrap();
    std::fs::write(
        kept.join("mod.rs"),
        "if lang.is_en() { &EN } else { &ID }\n",
    )
    .unwrap();
    assert_eq!(
        branches(dir.path()),
        ["crates/tui/src/x.rs:2: let w = if lang.is_en() { \"Yes\" } else { \"Ya\" };"]
    );
}

/// How a text's `{places}` are filled outside the tables without the build checking them.
const UNCHECKED_FILLS: &[&str] = &["both(|", "strings::fill(", ".replace(\"{"];

#[test]
fn every_text_with_places_is_filled_through_a_macro_that_checks_them_while_building() {
    // The tables and the printout's `paper_fill!` fill what the macros checked.
    let skip = ["crates/core/src/strings/", "crates/documents/src/langs.rs"];
    let found = lines_with(
        Path::new(env!("CARGO_MANIFEST_DIR")),
        &skip,
        UNCHECKED_FILLS,
    );
    assert!(
        found.is_empty(),
        "fill these with pijat_core::both!(table, name, place = value) or fill!(table, s, name, …):\n{}",
        found.join("\n")
    );
}
