//! Tests of `report_documents.rs`, part 2.

use super::*;

#[test]
fn cutoffs_change_the_categories_and_are_stated() {
    let dir = tempfile::tempdir().unwrap();
    class(dir.path(), false);
    let j = json(dir.path(), &["--cutoffs", "80,60"]);
    assert_eq!(j["categories"]["cutoffs"]["good"], 80.0);
    let c = &j["categories"]["paired_post"];
    let scores: Vec<f64> = j["participants"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| !p["pre"].is_null())
        .filter_map(|p| p["post"].as_f64())
        .collect();
    assert_eq!(
        c["good"].as_u64().unwrap() as usize,
        scores.iter().filter(|s| **s >= 80.0).count()
    );
    let md = text(
        &run(
            dir.path(),
            &[
                "report",
                "--class",
                CLASS,
                "--format",
                "md",
                "--cutoffs",
                "80,60",
            ],
            "",
        )
        .stdout,
    );
    assert!(
        md.contains("baik 80–100%, cukup 60–79%, kurang di bawah 60%"),
        "{md}"
    );
    let bad = run(dir.path(), &["report", "--cutoffs", "50,70"], "");
    assert_eq!(bad.status.code(), Some(2));
}

/// Every document names nobody unless asked; the key from code to name is a file of its own
/// that the trainer asks for; a refused run leaves no file behind.
#[test]
fn reports_name_nobody_unless_asked_and_the_key_is_a_file_of_its_own() {
    let dir = tempfile::tempdir().unwrap();
    class(dir.path(), false);
    let full = json(dir.path(), &["--names", "full"]);
    let names: Vec<String> = full["participants"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap().to_string())
        .collect();
    let report = |extra: &[&str]| {
        let args = [&["report", "--class", CLASS][..], extra].concat();
        let o = run(dir.path(), &args, "");
        assert!(o.status.success(), "{}", both(&o));
        text(&o.stdout)
    };
    // Every format to standard output, the default: codes only.
    for format in ["text", "csv", "md", "json", "html"] {
        let out = report(&["--format", format]);
        for n in &names {
            assert!(!out.contains(n.as_str()), "{format} names {n}");
        }
        assert!(out.contains("R12"), "{format}: {out}");
    }
    let xlsx = file(dir.path(), "xlsx", "laporan.xlsx", "id");
    let mut wb: Xlsx<_> = open_workbook_from_rs(std::io::Cursor::new(xlsx)).unwrap();
    let people = cells(&mut wb, "Peserta");
    let shown_names: Vec<String> = people.iter().flatten().map(shown).collect();
    assert!(shown_names.iter().any(|c| c == "R1"), "{shown_names:?}");
    for n in &names {
        assert!(!shown_names.contains(n), "the workbook names {n}");
    }
    // Initials: "Budi Santoso" is B. S., and the column says what it holds.
    let md = report(&["--format", "md", "--names", "initials"]);
    assert!(
        md.contains("| Inisial |") && md.contains("| B. S. |"),
        "{md}"
    );
    assert!(!md.contains("Budi"), "{md}");
    // The key: who R1 … R12 are, in the report's order, for the trainer alone.
    let key = dir.path().join("kunci.csv");
    let said = report(&["--format", "md", "--names-key", key.to_str().unwrap()]);
    assert!(said.contains("kunci nama ditulis"), "{said}");
    let key_text = std::fs::read_to_string(&key).unwrap();
    let rows: Vec<&str> = key_text.trim_start_matches('\u{feff}').lines().collect();
    assert_eq!(rows[0], "Ditulis sebagai;Nama;Peran");
    assert_eq!(rows.len(), names.len() + 1);
    for (i, n) in names.iter().enumerate() {
        assert!(
            rows[i + 1].starts_with(&format!("R{};{n};", i + 1)),
            "{}",
            rows[i + 1]
        );
    }
    // A key with full names is refused; a report that cannot be written takes its key back.
    let o = run(
        dir.path(),
        &["report", "--names", "full", "--names-key", "k2.csv"],
        "",
    );
    assert_eq!(o.status.code(), Some(2), "{}", both(&o));
    let taken = dir.path().join("taken.docx");
    std::fs::write(&taken, b"the trainer's own").unwrap();
    let key2 = dir.path().join("kunci2.csv");
    let o = run(
        dir.path(),
        &[
            "report",
            "--class",
            CLASS,
            "--format",
            "docx",
            "--out",
            taken.to_str().unwrap(),
            "--names-key",
            key2.to_str().unwrap(),
        ],
        "",
    );
    assert_eq!(o.status.code(), Some(1), "{}", both(&o));
    assert!(
        !key2.exists(),
        "the key of a report not written is taken back"
    );
    assert_eq!(std::fs::read(&taken).unwrap(), b"the trainer's own");
}
