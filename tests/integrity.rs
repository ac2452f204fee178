//! The promises about the data, tried at their edges with the real binary: a question set that
//! changes under an unfinished test, races between windows, files that are not pijat's.

mod common;

use std::path::Path;

use common::cli::{both, run, text};
use common::tiny::Tiny;

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
            "--new-class",
            "--add-new",
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
        let store = pijat_store::Store::open(dir.path()).unwrap();
        for name in ["Budi", "Siti"] {
            let p = store.profile_by_name(name).unwrap().unwrap();
            let pre = store
                .attempts_at(&p.id, "knowledge", pijat_content::Phase::Pre)
                .unwrap();
            assert_eq!(pre.len(), 1, "{name} has one pre-test");
        }
    }
}

/// Budi (4/4) and Siti (2/4) typed in from the class Melati's pre-test sheet of set A.
fn melati_sheet(data: &Path) {
    let sheet = data.join("lembar.csv");
    std::fs::write(
        &sheet,
        "nama,peran,jawaban\nBudi,ayah,BSBS\nSiti,kader,BBBB\n",
    )
    .unwrap();
    let s = sheet.to_str().unwrap();
    let args = [
        "--content",
        A,
        "sheets",
        "import",
        s,
        "--class",
        "Melati",
        "--new-class",
        "--add-new",
        "--phase",
        "pre",
    ];
    let o = run(data, &args, "");
    assert!(o.status.success(), "{}", both(&o));
}

/// A bundle of one laptop where Budi and Siti took the pre-test of set A (Budi 4/4, Siti 2/4).
fn exported_bundle() -> (tempfile::TempDir, serde_json::Value) {
    let dir = tempfile::tempdir().unwrap();
    melati_sheet(dir.path());
    let file = dir.path().join("out.pijat");
    let o = run(dir.path(), &["export", file.to_str().unwrap()], "");
    assert!(o.status.success(), "{}", both(&o));
    let v: serde_json::Value = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    (dir, v)
}

/// Writes `v` back as a bundle whose checksum matches its (edited) payload.
fn resealed(dir: &Path, mut v: serde_json::Value, name: &str) -> String {
    use sha2::Digest;
    let payload = serde_json::to_string(&v["payload"]).unwrap();
    let sum: String = sha2::Sha256::digest(payload.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    v["checksum"] = serde_json::Value::String(sum.clone());
    let text = format!(
        "{{\"format\":\"pijat-bundle\",\"format_version\":2,\"checksum\":\"{sum}\",\"payload\":{payload}}}"
    );
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.to_str().unwrap().to_string()
}

fn import_refused(bundle: &str, want: &[&str]) {
    let fresh = tempfile::tempdir().unwrap();
    pijat_store::Store::open(fresh.path())
        .unwrap()
        .set_pin("2468")
        .unwrap();
    let o = run(
        fresh.path(),
        &["--lang", "en", "--content", A, "import", bundle],
        "",
    );
    let said = both(&o);
    assert_eq!(o.status.code(), Some(1), "{said}");
    assert!(
        said.contains("refused whole; nothing was imported"),
        "{said}"
    );
    for w in want {
        assert!(said.contains(w), "wanted {w:?} in: {said}");
    }
    let h = run(fresh.path(), &["--lang", "en", "history"], "");
    assert!(!text(&h.stdout).contains("Budi"), "nothing was imported");
}

fn budi_attempt(v: &mut serde_json::Value) -> &mut serde_json::Value {
    let budi = v["payload"]["profiles"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "Budi")
        .unwrap()["id"]
        .clone();
    v["payload"]["attempts"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|a| a["profile_id"] == budi)
        .unwrap()
}

#[test]
fn tampered_bundles_with_a_matching_checksum_are_refused_whole() {
    let (dir, v) = exported_bundle();
    // The honest bundle goes in.
    let honest = resealed(dir.path(), v.clone(), "honest.pijat");
    let fresh = tempfile::tempdir().unwrap();
    pijat_store::Store::open(fresh.path())
        .unwrap()
        .set_pin("2468")
        .unwrap();
    let o = run(fresh.path(), &["--content", A, "import", &honest], "");
    assert!(o.status.success(), "{}", both(&o));

    // A score of 50 out of 4.
    let mut t = v.clone();
    budi_attempt(&mut t)["right"] = 50.into();
    import_refused(
        &resealed(dir.path(), t, "score.pijat"),
        &["(Budi)", "the score says 50 right of 4, its answers give 4"],
    );

    // Siti's wrong answers flagged right, her score raised to match.
    let mut t = v.clone();
    for a in t["payload"]["attempts"].as_array_mut().unwrap() {
        for w in a["answers"].as_array_mut().unwrap() {
            w["correct"] = true.into();
        }
        a["right"] = 4.into();
    }
    import_refused(
        &resealed(dir.path(), t, "flags.pijat"),
        &["(Siti)", "is marked right, but by the key the answer"],
    );

    // Two records with one id.
    let mut t = v.clone();
    let first = t["payload"]["attempts"][0].clone();
    t["payload"]["attempts"].as_array_mut().unwrap().push(first);
    import_refused(
        &resealed(dir.path(), t, "twice.pijat"),
        &["two records with this id"],
    );

    // A name with an escape sequence, and an id with a multi-byte character.
    let mut t = v.clone();
    t["payload"]["profiles"][0]["name"] = "Bu\u{1b}[2Jdi".into();
    import_refused(
        &resealed(dir.path(), t, "escape.pijat"),
        &["control characters"],
    );
    let mut t = v.clone();
    let id = t["payload"]["profiles"][0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let weird = format!("é{}", &id[2..]);
    let text = serde_json::to_string(&t).unwrap().replace(&id, &weird);
    t = serde_json::from_str(&text).unwrap();
    import_refused(
        &resealed(dir.path(), t, "id.pijat"),
        &["not an id pijat writes"],
    );
}

#[test]
fn the_same_paper_sheet_typed_on_two_laptops_is_not_merged_twice() {
    let (dir, v) = exported_bundle();
    let bundle = resealed(dir.path(), v, "b.pijat");
    // The second laptop typed the same sheet itself.
    let other = tempfile::tempdir().unwrap();
    pijat_store::Store::open(other.path())
        .unwrap()
        .set_pin("2468")
        .unwrap();
    melati_sheet(other.path());
    let o = run(
        other.path(),
        &["--lang", "en", "--content", A, "import", &bundle],
        "",
    );
    let said = both(&o);
    assert_eq!(o.status.code(), Some(1), "{said}");
    assert!(
        said.contains("already has knowledge pre on this laptop"),
        "{said}"
    );
    assert!(said.contains("nothing was imported"), "{said}");
}

#[test]
fn names_that_look_like_formulas_reach_the_csv_as_text_and_numbers_stay_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let sheet = dir.path().join("lembar.csv");
    std::fs::write(
        &sheet,
        "nama,peran,jawaban\n\"=HYPERLINK(\"\"http://x\"\",\"\"klik\"\")\",ayah,BSBS\n-2+3,ayah,SSSS\n@SUM(1),kader,BBBB\n",
    )
    .unwrap();
    let s = sheet.to_str().unwrap();
    for phase in ["pre", "post"] {
        let o = run(
            dir.path(),
            &[
                "--content",
                A,
                "sheets",
                "import",
                s,
                "--class",
                "K",
                "--new-class",
                "--add-new",
                "--phase",
                phase,
            ],
            "",
        );
        assert!(o.status.success(), "{}", both(&o));
        // The post-test: everyone a little different, so changes are negative and positive.
        std::fs::write(
            &sheet,
            "nama,peran,jawaban\n\"=HYPERLINK(\"\"http://x\"\",\"\"klik\"\")\",ayah,BSSS\n-2+3,ayah,BSBS\n@SUM(1),kader,BSBB\n",
        )
        .unwrap();
    }
    let o = run(
        dir.path(),
        &["--content", A, "report", "--class", "K", "--format", "csv"],
        "",
    );
    let csv = text(&o.stdout);
    let rows: Vec<Vec<String>> = csv::ReaderBuilder::new()
        .delimiter(b';')
        .flexible(true)
        .from_reader(csv.trim_start_matches('\u{feff}').as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect();
    let names: Vec<&str> = rows.iter().take(3).map(|r| r[0].as_str()).collect();
    assert!(
        names.contains(&"'=HYPERLINK(\"http://x\",\"klik\")"),
        "{names:?}"
    );
    assert!(
        names.contains(&"'-2+3") && names.contains(&"'@SUM(1)"),
        "{names:?}"
    );
    let hyper = rows.iter().find(|r| r[0].starts_with("'=")).unwrap();
    assert_eq!(
        hyper[4], "-25,00",
        "a negative change is a number, not text: {hyper:?}"
    );
}

#[test]
fn lookalike_names_are_one_trainee_everywhere_a_name_enters() {
    let dir = tempfile::tempdir().unwrap();
    let o = pre_test(dir.path(), A, "b\ns\nb\ns\n");
    assert!(o.status.success(), "{}", both(&o));
    for lookalike in ["Bu\u{200B}di", "Bu\u{202E}di", "\u{FEFF}Budi", "BUDI  "] {
        let o = run(
            dir.path(),
            &[
                "--lang",
                "en",
                "--content",
                A,
                "quiz",
                "--plain",
                "--profile",
                lookalike,
                "--phase",
                "pre",
            ],
            "",
        );
        assert!(
            both(&o).contains("Budi already finished the pre-test"),
            "{lookalike:?} is Budi: {}",
            both(&o)
        );
    }
    // A sheet brings the same lookalike: it is Budi's, who already has his pre-test.
    let sheet = dir.path().join("s.csv");
    std::fs::write(&sheet, "nama,peran,jawaban\nBu\u{202E}di,ayah,BSBS\n").unwrap();
    let s = sheet.to_str().unwrap();
    let o = run(
        dir.path(),
        &[
            "--lang",
            "en",
            "--content",
            A,
            "sheets",
            "import",
            s,
            "--class",
            "K",
            "--new-class",
            "--add-new",
            "--phase",
            "pre",
        ],
        "",
    );
    assert_eq!(o.status.code(), Some(1), "{}", both(&o));
    let store = pijat_store::Store::open(dir.path()).unwrap();
    assert_eq!(store.profiles_recent().unwrap().len(), 1, "one trainee");
}

#[test]
fn a_closed_standard_output_ends_every_command_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let o = pre_test(dir.path(), A, "b\ns\nb\ns\n");
    assert!(o.status.success());
    let bundle = dir.path().join("b.pijat");
    let bundle = bundle.to_str().unwrap();
    let commands: Vec<Vec<&str>> = vec![
        vec!["report"],
        vec!["report", "--format", "csv"],
        vec!["print", "knowledge"],
        vec!["validate"],
        vec!["history"],
        vec!["export", bundle],
        vec!["import", bundle],
    ];
    for args in commands {
        let mut child = common::cli::pijat(dir.path(), &args).spawn().unwrap();
        // The reader goes away before pijat writes a word.
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        let err = text(&out.stderr);
        assert!(!err.contains("panicked"), "{args:?}: {err}");
        assert!(
            matches!(out.status.code(), Some(0 | 1)),
            "{args:?}: {:?} {err}",
            out.status
        );
    }
}

/// The first `FILE:ROW:` a sheet import reports.
fn sheet_row(content: Option<&str>, bytes: &[u8], kind: &[&str]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let sheet = dir.path().join("lembar saya.csv");
    std::fs::write(&sheet, bytes).unwrap();
    let s = sheet.to_str().unwrap().to_string();
    let mut args: Vec<&str> = Vec::new();
    if let Some(c) = content {
        args.extend(["--content", c]);
    }
    args.extend([
        "sheets",
        "import",
        &s,
        "--class",
        "K",
        "--new-class",
        "--add-new",
    ]);
    args.extend(kind);
    let o = run(dir.path(), &args, "");
    assert_eq!(o.status.code(), Some(1), "{}", both(&o));
    let err = text(&o.stderr);
    let first = err.lines().next().unwrap_or("").to_string();
    let rest = first
        .strip_prefix(&format!("{s}:"))
        .unwrap_or_else(|| panic!("{first}"));
    rest.split(':').next().unwrap().to_string()
}

#[test]
fn sheet_problems_name_the_row_a_spreadsheet_shows() {
    let pre = ["--phase", "pre"];
    // Excel on Windows: BOM, semicolons, CRLF, and a blank row 3; the bad answer is on row 4.
    let excel = b"\xEF\xBB\xBFnama;peran;jawaban\r\nBudi;ayah;BSBS\r\n\r\nSiti;kader;BXBB\r\n";
    assert_eq!(sheet_row(Some(A), excel, &pre), "4");
    assert_eq!(
        sheet_row(Some(A), &excel.replace_crlf(), &pre),
        "4",
        "the same with LF"
    );
    // A name with a line break inside quotes is one row: the row after it is row 3.
    let quoted = b"nama,peran,jawaban\n\"Budi\nSantoso\",ayah,BSBS\nSiti,kader,BXBB\n";
    assert_eq!(
        sheet_row(Some(A), quoted, &pre),
        "2",
        "the quoted name itself is refused"
    );
    let quoted_ok = b"nama,peran,jawaban\nBudi,ayah,\"BS\nBS\"\nSiti,kader,BXBB\n";
    assert_eq!(sheet_row(Some(A), quoted_ok, &pre), "2");
    // A byte that is not UTF-8 on row 5; a quote opened on row 3 and never closed.
    let latin1 = b"nama,peran,jawaban\nA,ayah,BSBS\nB,ayah,BSBS\nC,ayah,BSBS\nS\xFFti,kader,BBBB\n";
    assert_eq!(sheet_row(Some(A), latin1, &pre), "5");
    let open = b"nama,peran,jawaban\nA,ayah,BSBS\n\"B,ayah,BSBS\nC,ayah,BSBS\n";
    assert_eq!(sheet_row(Some(A), open, &pre), "3");
    // A checklist sheet's first row is row 2, not the header; visits likewise, with CRLF.
    let checklist = b"nama,pengamat,tanggal,nilai\r\nBudi,Ratna,2026-11-01,22\r\n";
    assert_eq!(
        sheet_row(None, checklist, &["--checklist", "oxytocin-massage"]),
        "2"
    );
    let visits = b"nama,tanggal,asi_lancar,nyaman,pijat_per_hari,catatan\r\n\r\nBudi,2026-11-01,ya,9,2,ok\r\n";
    assert_eq!(sheet_row(None, visits, &["--visits"]), "3");
}

trait Lf {
    fn replace_crlf(&self) -> Vec<u8>;
}

impl Lf for [u8] {
    fn replace_crlf(&self) -> Vec<u8> {
        String::from_utf8_lossy(self)
            .replace("\r\n", "\n")
            .into_bytes()
    }
}

/// Runs pijat as a user without rights to `data` (root ignores permissions, so as root the
/// test drops to `nobody` with setpriv). `None` when that is not possible here.
fn run_without_rights(data: &Path, args: &[&str]) -> Option<std::process::Output> {
    use std::os::unix::fs::PermissionsExt;
    let bin_dir = tempfile::tempdir().unwrap();
    let bin = bin_dir.path().join("pijat");
    std::fs::copy(env!("CARGO_BIN_EXE_pijat"), &bin).unwrap();
    for p in [bin_dir.path(), bin.as_path()] {
        std::fs::set_permissions(p, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    let root = std::process::Command::new("id").arg("-u").output().ok()?;
    let mut cmd = if text(&root.stdout).trim() == "0" {
        let probe = std::process::Command::new("setpriv")
            .arg("--version")
            .output();
        if probe.is_err() {
            return None;
        }
        let mut c = std::process::Command::new("setpriv");
        c.args(["--reuid=65534", "--regid=65534", "--clear-groups"])
            .arg(&bin);
        c
    } else {
        std::process::Command::new(&bin)
    };
    let out = cmd
        .args(args)
        .env("PIJAT_DATA_DIR", data)
        .env_remove("PIJAT_LANG")
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    drop(bin_dir);
    Some(out)
}

#[test]
fn a_read_only_data_folder_can_be_read_and_writing_says_what_to_do() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let o = pre_test(&data, A, "b\ns\nb\ns\n");
    assert!(o.status.success());
    let mode =
        |p: &Path, m| std::fs::set_permissions(p, std::fs::Permissions::from_mode(m)).unwrap();
    mode(dir.path(), 0o755);
    mode(&data.join("pijat.db"), 0o444);
    mode(&data, 0o555);
    let before = std::fs::read(data.join("pijat.db")).unwrap();
    let Some(history) = run_without_rights(&data, &["--lang", "en", "history"]) else {
        common::skip::skip("cannot run as a user without rights here");
        return;
    };
    assert!(history.status.success(), "{}", both(&history));
    assert!(
        text(&history.stdout).contains("100% (4/4)"),
        "{}",
        both(&history)
    );
    // The content folder where the user without rights can read it.
    let content = dir.path().join("content");
    std::fs::create_dir_all(content.join("quizzes")).unwrap();
    std::fs::copy(
        Path::new(A).join("quizzes/knowledge.toml"),
        content.join("quizzes/knowledge.toml"),
    )
    .unwrap();
    for p in [content.as_path(), &content.join("quizzes")] {
        mode(p, 0o755);
    }
    mode(&content.join("quizzes/knowledge.toml"), 0o644);
    let content = content.to_string_lossy().into_owned();
    let report = run_without_rights(
        &data,
        &[
            "--lang",
            "en",
            "--content",
            &content,
            "report",
            "--format",
            "json",
        ],
    )
    .unwrap();
    assert!(report.status.success(), "{}", both(&report));
    let quiz = run_without_rights(
        &data,
        &[
            "--lang",
            "en",
            "quiz",
            "--plain",
            "--profile",
            "Siti",
            "--phase",
            "pre",
        ],
    )
    .unwrap();
    let said = both(&quiz);
    assert_eq!(quiz.status.code(), Some(1), "{said}");
    assert!(
        said.contains("can only be read") && said.contains("--data-dir"),
        "{said}"
    );
    assert!(!said.contains("readonly database"), "{said}");
    mode(&data, 0o755);
    assert!(
        std::fs::read(data.join("pijat.db")).unwrap() == before,
        "nothing written"
    );
}

#[test]
fn an_export_onto_a_full_disk_says_so_and_leaves_no_part_file() {
    let dir = tempfile::tempdir().unwrap();
    // Enough records that the bundle does not fit in 8 KB.
    let mut sheet = String::from("nama,peran,jawaban\n");
    for i in 0..60 {
        sheet.push_str(&format!("Peserta Nomor {i},ayah,BSBS\n"));
    }
    let file = dir.path().join("s.csv");
    std::fs::write(&file, sheet).unwrap();
    let o = run(
        dir.path(),
        &[
            "--content",
            A,
            "sheets",
            "import",
            file.to_str().unwrap(),
            "--class",
            "K",
            "--new-class",
            "--add-new",
            "--phase",
            "pre",
        ],
        "",
    );
    assert!(o.status.success(), "{}", both(&o));
    let Some(tiny) = Tiny::mount(8) else {
        return;
    };
    let target = tiny.0.path().join("kelas.pijat");
    let o = run(dir.path(), &["export", target.to_str().unwrap()], "");
    let said = both(&o);
    assert_eq!(o.status.code(), Some(1), "{said}");
    assert!(said.contains("disk penuh"), "{said}");
    let left: Vec<_> = std::fs::read_dir(tiny.0.path()).unwrap().collect();
    assert!(left.is_empty(), "nothing left behind: {left:?}");
}

/// The data file already there (opening it grows `pijat.db-shm`, which SQLite reports only as
/// an I/O error): every command says the disk is full and what to do, and nothing is lost.
#[test]
fn a_full_disk_under_an_existing_data_file_is_said_for_every_command() {
    let Some(tiny) = Tiny::mount(400) else {
        return;
    };
    let data = tiny.0.path().join("data");
    // Budi answers one question and stops: the data file holds his pre-test.
    let o = pre_test(&data, A, "b\n");
    assert_eq!(o.status.code(), Some(1), "{}", both(&o));
    assert!(data.join("pijat.db").is_file());
    let before = std::fs::read(data.join("pijat.db")).unwrap();
    let mut filler = std::fs::File::create(tiny.0.path().join("filler")).unwrap();
    let block = vec![0u8; 4096];
    while std::io::Write::write_all(&mut filler, &block).is_ok() {}
    drop(filler);
    let out = tiny.0.path().join("out.json");
    let out = out.to_str().unwrap();
    let commands: [&[&str]; 5] = [
        &["--content", A, "history"],
        &[
            "--content",
            A,
            "quiz",
            "--plain",
            "--profile",
            "Budi",
            "--phase",
            "pre",
        ],
        &["--content", A, "report"],
        &["--content", A, "export", out],
        &["--content", A, "--lang", "en", "history"],
    ];
    for args in commands {
        let o = run(&data, args, "s\n");
        let said = both(&o);
        assert_eq!(o.status.code(), Some(1), "{args:?}: {said}");
        let full = if args.contains(&"en") {
            "is full: the last step was not saved; earlier records are safe. Free some space"
        } else {
            "penuh"
        };
        assert!(said.contains(full), "{args:?}: {said}");
        assert!(!said.contains("I/O"), "{args:?}: {said}");
    }
    assert_eq!(
        std::fs::read(data.join("pijat.db")).unwrap(),
        before,
        "nothing lost"
    );
}

#[test]
fn a_full_disk_under_the_data_file_is_said_in_words() {
    let Some(tiny) = Tiny::mount(400) else {
        return;
    };
    let data = tiny.0.path().join("data");
    let o = run(&data, &["history"], "");
    assert!(o.status.success(), "{}", both(&o));
    // Fill the rest of the disk.
    let mut filler = std::fs::File::create(tiny.0.path().join("filler")).unwrap();
    let block = vec![0u8; 4096];
    while std::io::Write::write_all(&mut filler, &block).is_ok() {}
    drop(filler);
    let o = pre_test(&data, A, "b\ns\nb\ns\n");
    let said = both(&o);
    assert_eq!(o.status.code(), Some(1), "{said}");
    assert!(said.contains("disk") && said.contains("penuh"), "{said}");
}

#[test]
fn things_named_toml_that_are_not_files_are_named_as_problems() {
    use std::os::unix::fs::symlink;
    let dir = tempfile::tempdir().unwrap();
    let q = dir.path().join("quizzes");
    std::fs::create_dir_all(q.join("folder.toml")).unwrap();
    symlink("loop.toml", q.join("loop.toml")).unwrap();
    symlink("nowhere.toml", q.join("broken.toml")).unwrap();
    symlink("/dev/zero", q.join("zero.toml")).unwrap();
    let fifo = std::process::Command::new("mkfifo")
        .arg(q.join("pipe.toml"))
        .status();
    let o = run(
        dir.path(),
        &["--lang", "en", "validate", dir.path().to_str().unwrap()],
        "",
    );
    let said = text(&o.stdout);
    assert_eq!(o.status.code(), Some(1), "{said}");
    let expect = [
        ("folder.toml", "this is a folder, not a content file"),
        ("loop.toml", "this link leads to no file"),
        ("broken.toml", "this link leads to no file"),
        ("zero.toml", "not an ordinary file"),
    ];
    for (file, what) in expect {
        let line = said
            .lines()
            .find(|l| l.contains(&format!("quizzes/{file}:")))
            .unwrap_or_else(|| panic!("{file} is named: {said}"));
        assert!(line.contains(what), "{line}");
    }
    if fifo.is_ok_and(|s| s.success()) {
        assert!(
            said.contains("pipe.toml: this is not an ordinary file"),
            "{said}"
        );
    }
    assert!(!said.contains("Content is valid"), "{said}");
}

/// Every file in a folder with its bytes, to see that looking changed nothing.
fn folder_state(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            (name, std::fs::read(e.path()).unwrap_or_default())
        })
        .collect();
    files.sort();
    files
}

/// A newer pijat's data file, and another program's SQLite file in WAL mode: refused by every
/// command, and no `-wal`, `-shm` or other file appears beside them.
#[test]
fn a_refused_file_gets_no_new_files_beside_it() {
    let dir = tempfile::tempdir().unwrap();
    pijat_store::Store::open(dir.path())
        .unwrap()
        .create_profile("Budi", pijat_store::Role::Father)
        .unwrap();
    let db = dir.path().join("pijat.db");
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.pragma_update(None, "user_version", 99).unwrap();
    drop(conn);
    let before = folder_state(dir.path());
    assert_eq!(
        before.iter().map(|(n, _)| n.as_str()).collect::<Vec<_>>(),
        ["pijat.db"],
        "a closed WAL file has nothing beside it"
    );
    let commands: [&[&str]; 3] = [
        &["--lang", "en", "history"],
        &["--lang", "en", "report"],
        &[
            "--lang",
            "en",
            "quiz",
            "--plain",
            "--profile",
            "Budi",
            "--phase",
            "pre",
        ],
    ];
    for args in commands {
        let o = run(dir.path(), args, "");
        assert_eq!(o.status.code(), Some(1), "{args:?}: {}", both(&o));
        assert!(
            both(&o).contains("was written by a newer pijat"),
            "{args:?}: {}",
            both(&o)
        );
        assert_eq!(
            folder_state(dir.path()),
            before,
            "{args:?} changed the folder"
        );
    }

    // Another program's database, in WAL mode too.
    let other = tempfile::tempdir().unwrap();
    let conn = rusqlite::Connection::open(other.path().join("pijat.db")).unwrap();
    conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get::<_, String>(0))
        .unwrap();
    conn.execute_batch("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL);")
        .unwrap();
    drop(conn);
    let before = folder_state(other.path());
    for args in commands {
        let o = run(other.path(), args, "");
        assert_eq!(o.status.code(), Some(1), "{args:?}: {}", both(&o));
        assert!(both(&o).contains("invoices"), "{args:?}: {}", both(&o));
        assert_eq!(
            folder_state(other.path()),
            before,
            "{args:?} changed the folder"
        );
    }
}
