//! The promises about the data, tried at their edges with the real binary: a question set that
//! changes under an unfinished test, races between windows, files that are not pijat's.

mod common;

use std::path::Path;

use common::cli::{both, run, text};

const A: &str = "tests/fixtures/changed_set/a";
const B: &str = "tests/fixtures/changed_set/b";

fn pre_test(data: &Path, content: &str, input: &str) -> std::process::Output {
    run(
        data,
        &[
            "--content",
            content,
            "quiz",
            "--plain",
            "--profile",
            "Budi",
            "--phase",
            "pre",
            "--no-shuffle",
        ],
        input,
    )
}

#[test]
fn a_changed_question_set_resumes_the_unfinished_test_and_keeps_its_answers() {
    let dir = tempfile::tempdir().unwrap();
    // Set A: q-a true, q-b false, q-c true, q-d false. Budi answers two, both right, and stops.
    let first = pre_test(dir.path(), A, "b\ns\n");
    assert_eq!(first.status.code(), Some(1), "{}", both(&first));
    // Set B: q-a removed, q-b's key turned to true, q-c and q-d kept, q-e (true) added.
    let second = pre_test(dir.path(), B, "b\ns\nb\n");
    let out = text(&second.stdout);
    assert_eq!(second.status.code(), Some(0), "{}", both(&second));
    assert!(
        out.contains("Soal tes ini sudah diubah sejak Anda mulai (dulu 4 soal, sekarang 4). 1 jawaban Anda tetap dihitung.")
            && out.contains("1 jawaban untuk soal yang sudah dihapus tetap tersimpan, tetapi tidak dihitung.")
            && out.contains("1 jawaban dinilai dengan kunci yang berlaku saat Anda menjawab."),
        "{out}"
    );
    // q-b was right under the key it was answered with; q-c, q-d, q-e right now: 4 of 4.
    assert!(out.contains("skor 4/4 (100%)"), "{out}");
    assert!(
        !out.contains("Pernyataan q-b."),
        "an answered question is not asked again"
    );
    let history = run(
        dir.path(),
        &["--lang", "en", "history", "--profile", "Budi"],
        "",
    );
    let h = text(&history.stdout);
    let attempts = h.lines().filter(|l| l.contains("  pre-test  ")).count();
    assert_eq!(attempts, 1, "one attempt, no pile of unfinished ones: {h}");
    assert!(h.contains("100% (4/4)") && !h.contains("unfinished"), "{h}");
    // The report says that one answer was graded by the key it was given under.
    let json = run(
        dir.path(),
        &["--content", B, "report", "--format", "json"],
        "",
    );
    let json: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(json["answers_graded_by_earlier_key"], 1, "{json}");
    let report = run(dir.path(), &["--content", B, "report"], "");
    assert!(
        text(&report.stdout).contains("Catatan: 1 jawaban diberikan sebelum kunci soalnya diubah"),
        "{}",
        both(&report)
    );
}

#[test]
fn two_windows_starting_the_same_pre_test_share_one_attempt() {
    for _ in 0..20 {
        let dir = tempfile::tempdir().unwrap();
        // Make the data file first, so both windows race on the test, not on the file.
        run(dir.path(), &["history"], "");
        let children: Vec<_> = (0..2)
            .map(|_| {
                let mut c = common::cli::pijat(
                    dir.path(),
                    &[
                        "--content",
                        A,
                        "quiz",
                        "--plain",
                        "--profile",
                        "Budi",
                        "--phase",
                        "pre",
                        "--no-shuffle",
                    ],
                );
                c.spawn().unwrap()
            })
            .collect();
        for mut child in children {
            use std::io::Write;
            let mut stdin = child.stdin.take().unwrap();
            let _ = stdin.write_all(b"b\ns\nb\ns\n");
            drop(stdin);
            child.wait_with_output().unwrap();
        }
        let history = run(
            dir.path(),
            &["--lang", "en", "history", "--profile", "Budi"],
            "",
        );
        let h = text(&history.stdout);
        let finished = h
            .lines()
            .filter(|l| l.contains("pre-test") && l.contains("(4/4)"))
            .count();
        assert_eq!(finished, 1, "one finished pre-test: {h}");
    }
}

#[test]
fn two_imports_of_one_sheet_at_once_save_it_once() {
    for _ in 0..10 {
        let dir = tempfile::tempdir().unwrap();
        run(dir.path(), &["history"], "");
        let sheet = dir.path().join("lembar.csv");
        std::fs::write(
            &sheet,
            "nama,peran,jawaban\nBudi,ayah,BSBS\nSiti,kader,BBBB\n",
        )
        .unwrap();
        let args = [
            "--content",
            A,
            "sheets",
            "import",
            sheet.to_str().unwrap(),
            "--class",
            "Melati",
            "--phase",
            "pre",
        ];
        let children: Vec<_> = (0..2)
            .map(|_| common::cli::pijat(dir.path(), &args).spawn().unwrap())
            .collect();
        let codes: Vec<Option<i32>> = children
            .into_iter()
            .map(|c| c.wait_with_output().unwrap().status.code())
            .collect();
        let mut sorted = codes.clone();
        sorted.sort();
        assert_eq!(
            sorted,
            vec![Some(0), Some(1)],
            "one saves, one is refused: {codes:?}"
        );
        let store = pijat::store::Store::open(dir.path()).unwrap();
        for name in ["Budi", "Siti"] {
            let p = store.profile_by_name(name).unwrap().unwrap();
            let pre = store
                .attempts_at(&p.id, "knowledge", pijat::content::Phase::Pre)
                .unwrap();
            assert_eq!(pre.len(), 1, "{name} has one pre-test");
        }
    }
}
