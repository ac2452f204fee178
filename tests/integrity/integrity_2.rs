//! Tests of `integrity.rs`, part 2.

use super::*;

#[test]
fn lookalike_names_are_one_trainee_everywhere_a_name_enters() {
    let dir = tempfile::tempdir().unwrap();
    let o = pre_test(dir.path(), A, "b\ns\nb\ns\n");
    assert!(o.status.success(), "{}", both(&o));
    for lookalike in ["Bu\u{200B}di", "Bu\u{202E}di", "\u{FEFF}Budi", "BUDI  "] {
        let o = run(
            dir.path(),
            &common::cli::plain_pre(&["--lang", "en", "--content", A], lookalike, &[]),
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
            &["--lang", "en", "--content", A][..],
            &common::cli::sheets_import(s, "K"),
            &["--phase", "pre"],
        ]
        .concat(),
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
        &common::cli::plain_pre(&["--lang", "en"], "Siti", &[]),
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
            &["--content", A][..],
            &common::cli::sheets_import(file.to_str().unwrap(), "K"),
            &["--phase", "pre"],
        ]
        .concat(),
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
        &common::cli::plain_pre(&["--content", A], "Budi", &[]),
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
