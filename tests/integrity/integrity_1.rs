//! Tests of `integrity.rs`, part 1.

use super::*;

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
                    &common::cli::plain_pre(&["--content", A], "Budi", &["--no-shuffle"]),
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
        let into_melati = common::cli::sheets_import(sheet.to_str().unwrap(), "Melati");
        let args = [&["--content", A][..], &into_melati, &["--phase", "pre"]].concat();
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
    let already = ["already has knowledge pre on this laptop"];
    import_refused_into(other.path(), &bundle, &already);
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
                &["--content", A][..],
                &common::cli::sheets_import(s, "K"),
                &["--phase", phase],
            ]
            .concat(),
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
        &[
            "--content",
            A,
            "report",
            "--class",
            "K",
            "--format",
            "csv",
            "--names",
            "full",
        ],
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
