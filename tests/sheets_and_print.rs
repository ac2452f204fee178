//! Typed-in answer sheets (`pijat sheets import`) and paper tests (`pijat print`), as a trainer
//! runs them: the real binary, real files.

use std::path::Path;
use std::process::{Command, Output};

use pijat_content::{Phase, load_with};
use pijat_store::Store;

mod common;

use common::cli::text;

/// `pijat ARGS` with the ten-statement pre/post set: these tests read its size and key.
fn pijat(data: &Path, args: &[&str]) -> Output {
    common::cli::run_ten(data, args, "")
}

/// The knowledge test's key as a sheet row: B/S per statement in file order.
fn key_row() -> String {
    let c = load_with(Some(Path::new("tests/fixtures/ten_statements")))
        .content
        .unwrap();
    c.quiz("knowledge")
        .unwrap()
        .questions
        .iter()
        .map(|q| match q.kind {
            pijat_content::QuestionKind::TrueFalse { answer: true } => 'B',
            _ => 'S',
        })
        .collect()
}

use common::cli::turn_wrong as flip;

fn import(dir: &Path, csv: &[u8], extra: &[&str]) -> Output {
    let before = [
        "--content",
        common::cli::TEN,
        "--phase",
        "pre",
        "--lang",
        "en",
    ];
    let args = [&before[..], extra].concat();
    common::cli::import_sheet(dir, "sheet.csv", csv, "Posyandu Melati", &args)
}

#[test]
fn a_good_sheet_with_bom_semicolons_quoted_commas_and_unicode_names_is_saved() {
    let dir = tempfile::tempdir().unwrap();
    let key = key_row();
    let spaced: String = flip(&key, 3)
        .chars()
        .map(|c| format!("{} ", c.to_ascii_lowercase()))
        .collect();
    let csv = format!(
        "\u{feff}nama;peran;jawaban\n\"Santoso, Budi\";ayah;{key}\nSiti Ñurhaliza;Kader;{spaced}\n;;\nWayan Ṣuardana;bidan;{}\n",
        flip(&key, 10)
    );
    let out = import(dir.path(), csv.as_bytes(), &[]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(stdout.contains("3 answer sheets saved"), "{stdout}");
    assert!(
        stdout.contains("Santoso, Budi") && stdout.contains("10/10 (100%)"),
        "{stdout}"
    );
    assert!(
        stdout.contains("Siti Ñurhaliza") && stdout.contains("7/10 (70%)"),
        "{stdout}"
    );
    assert!(
        stdout.contains("Wayan Ṣuardana") && stdout.contains("0/10 (0%)"),
        "{stdout}"
    );
    let store = Store::open(dir.path()).unwrap();
    let class = store.class_by_name("posyandu melati").unwrap().unwrap();
    let members: Vec<String> = store
        .members(&class.id)
        .unwrap()
        .into_iter()
        .map(|p| p.name)
        .collect();
    assert_eq!(
        members,
        ["Santoso, Budi", "Siti Ñurhaliza", "Wayan Ṣuardana"]
    );
    let siti = store.profile_by_name("siti ñurhaliza").unwrap().unwrap();
    assert_eq!(siti.role, pijat_store::Role::Cadre);
    let a = &store
        .attempts_at(&siti.id, "knowledge", Phase::Pre)
        .unwrap()[0];
    assert_eq!(
        (a.mode.name(), a.right, a.class_id.as_deref()),
        ("sheet", Some(7), Some(class.id.as_str()))
    );
    assert_eq!(store.answers(&a.id).unwrap().len(), 10);
}

#[test]
fn every_bad_row_is_reported_with_its_line_and_nothing_is_saved() {
    let dir = tempfile::tempdir().unwrap();
    let key = key_row();
    let csv = format!(
        "name,role,answers\n\
         Budi,father,{key}\n\
         Joko,chief,{key}\n\
         ,father,{key}\n\
         Ani,cadre,BSB\n\
         Dewi,cadre,{}X\n\
         budi,father,{key}\n\
         Eko,father,B S B\n",
        &key[..9]
    );
    let out = import(dir.path(), csv.as_bytes(), &[]);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    let file = dir.path().join("sheet.csv");
    let f = file.display();
    for line in [
        format!("{f}:3: role `chief` is not known: write father, cadre, midwife or other"),
        format!("{f}:4: the name is empty: type a name"),
        format!(
            "{f}:5: 3 characters for 10 questions: write one character per question, or separate the answers with spaces"
        ),
        format!("{f}:6: question 10: `X` is not an answer: type t (true) or f (false)"),
        format!("{f}:7: budi is already on line 2"),
        format!("{f}:8: 3 answers for 10 questions"),
    ] {
        assert!(err.contains(&line), "missing {line:?} in:\n{err}");
    }
    assert!(err.contains("Nothing was saved"), "{err}");
    let store = Store::open(dir.path()).unwrap();
    assert!(
        store.profile_by_name("Budi").unwrap().is_none(),
        "the good row was not saved either"
    );
    assert!(store.class_by_name("Posyandu Melati").unwrap().is_none());
}

#[test]
fn a_file_that_is_not_a_sheet_is_refused_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let out = import(dir.path(), b"nama,umur\nBudi,30\n", &[]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr)
            .contains(":1: no `role` column: the first line must be name,role,answers"),
        "{}",
        text(&out.stderr)
    );
    let out = import(
        dir.path(),
        b"name,role,answers\nB\xe9di,father,BSBBSBSBBS\n",
        &[],
    );
    assert!(
        text(&out.stderr).contains("not UTF-8 text: save the sheet as \"CSV UTF-8\""),
        "{}",
        text(&out.stderr)
    );
    let out = import(dir.path(), b"name,role,answers\n", &[]);
    assert!(
        text(&out.stderr).contains("the sheet has no answer rows"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn importing_the_same_sheet_again_is_refused_unless_replace_and_app_results_are_kept() {
    let dir = tempfile::tempdir().unwrap();
    let key = key_row();
    let first = format!(
        "name,role,answers\nBudi,father,{}\nSiti,cadre,{key}\n",
        flip(&key, 5)
    );
    assert_eq!(
        import(dir.path(), first.as_bytes(), &[]).status.code(),
        Some(0)
    );
    let again = import(dir.path(), first.as_bytes(), &[]);
    assert_eq!(again.status.code(), Some(1));
    let err = text(&again.stderr);
    assert!(
        err.contains(":2: Budi already has a result typed from a sheet"),
        "{err}"
    );
    assert!(
        err.contains("to replace it, import again with --replace"),
        "{err}"
    );
    // A corrected sheet replaces the earlier one: still one result each, the new score.
    let fixed = format!("name,role,answers\nBudi,father,{key}\nSiti,cadre,{key}\n");
    let out = import(dir.path(), fixed.as_bytes(), &["--replace"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let store = Store::open(dir.path()).unwrap();
    let budi = store.profile_by_name("Budi").unwrap().unwrap();
    let results = store
        .attempts_at(&budi.id, "knowledge", Phase::Pre)
        .unwrap();
    assert_eq!(results.len(), 1);
    assert_eq!(results[0].right, Some(10));
    drop(store);
    // A trainee who took the pre-test in pijat keeps that result, even with --replace.
    let typed = format!(
        "{}\n",
        key.chars()
            .map(|c| c.to_string())
            .collect::<Vec<_>>()
            .join("\n")
    );
    let mut child = Command::new(env!("CARGO_BIN_EXE_pijat"))
        .args([
            "--content",
            "tests/fixtures/ten_statements",
            "quiz",
            "--plain",
            "--profile",
            "Rina",
            "--phase",
            "pre",
            "--no-shuffle",
        ])
        .env("PIJAT_DATA_DIR", dir.path())
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::null())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(typed.as_bytes())
        .unwrap();
    assert!(child.wait().unwrap().success());
    let rina = format!("name,role,answers\nRina,father,{}\n", flip(&key, 10));
    let out = import(dir.path(), rina.as_bytes(), &["--replace"]);
    common::cli::fails_saying(&out, 1, ":2: Rina already took this test in pijat");
}

#[test]
fn paper_tests_and_keys_in_markdown_and_html() {
    let dir = tempfile::tempdir().unwrap();
    for (name, args) in [
        ("print_knowledge_md_id", vec!["print", "knowledge"]),
        (
            "print_knowledge_key_md_en",
            vec!["print", "knowledge", "--key", "--lang", "en"],
        ),
        (
            "print_review_md_bilingual",
            vec!["print", "review", "--bilingual"],
        ),
        (
            "print_review_html_en",
            vec!["print", "review", "--format", "html", "--lang", "en"],
        ),
        (
            "print_review_key_html_id",
            vec!["print", "review", "--format", "html", "--key"],
        ),
    ] {
        let out = pijat(dir.path(), &args);
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        insta::assert_snapshot!(name, text(&out.stdout));
    }
    let html = text(&pijat(dir.path(), &["print", "knowledge", "--format", "html"]).stdout);
    assert!(html.contains("@page { size: A4"), "prints on A4");
    assert!(
        html.contains("page-break-inside: avoid"),
        "an item never splits over two pages"
    );
    let test = text(&pijat(dir.path(), &["print", "knowledge", "--lang", "en"]).stdout);
    assert!(
        !test.contains("Answer key") && !test.contains("Explanation"),
        "the test carries no key"
    );
    assert_eq!(pijat(dir.path(), &["print", "nope"]).status.code(), Some(2));
}
