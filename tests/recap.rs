//! The puskesmas recap as a puskesmas gets it: two posyandu's laptops each type in their class's
//! home visits, one sends its bundle to the other, and the recap there shows both posyandu by
//! month with totals, in every format, naming no participant.

mod common;

use std::path::Path;

use common::cli::text;
use pijat_store::{ClassDetails, Store};

use common::cli::VISIT_SHEET_HEADER as HEADER;

/// A laptop with one class at `place` starting on `starts`, its visits typed in from `rows`,
/// every baby born on 2026-10-01.
fn laptop(class: &str, place: &str, starts: &str, rows: &[&str]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let csv = [&[HEADER][..], rows].concat().join("\n");
    let out = common::cli::import_sheet(
        dir.path(),
        "visits.csv",
        csv.as_bytes(),
        class,
        &["--visits", "--lang", "en"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let store = Store::open(dir.path()).unwrap();
    let c = store.class_by_name(class).unwrap().unwrap();
    let details = ClassDetails {
        name: class.into(),
        place: Some(place.into()),
        starts: Some(starts.into()),
        ends: Some(starts.into()),
        trainer: None,
    };
    store.save_class(Some(&c.id), &details).unwrap();
    for p in store.members(&c.id).unwrap() {
        store
            .set_family(&p.id, "2026-10-01", "Jl. Mawar 3", None, "2026-12-07")
            .unwrap();
    }
    dir
}

fn run(dir: &Path, args: &[&str]) -> String {
    let out = common::cli::run(dir, args, "");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    text(&out.stdout)
}

/// Melati (November class): Adi exclusive in November and December; Bayu given water in
/// November. Mawar (December class, on the other laptop): Cici exclusive in December, a danger
/// sign in the baby referred.
fn merged() -> tempfile::TempDir {
    let a = laptop(
        "Kelas Melati",
        "Posyandu Melati",
        "2026-11-14",
        &[
            "Adi,2026-11-20,ya,4,2,,ya,tidak,tidak,tidak,tidak,tidak,tidak,tidak,tidak,",
            "Adi,2026-12-03,ya,4,2,,ya,tidak,tidak,tidak,tidak,tidak,tidak,tidak,tidak,",
            "Bayu,2026-11-21,ya,3,1,,ya,ya,tidak,tidak,tidak,tidak,tidak,tidak,tidak,",
        ],
    );
    let b = laptop(
        "Kelas Mawar",
        "Posyandu Mawar",
        "2026-12-01",
        &[
            "Cici Lestari,2026-12-05,ya,5,2,,ya,tidak,tidak,tidak,tidak,tidak,ya,tidak,ya,Puskesmas Sukamaju",
        ],
    );
    let bundle = b.path().join("mawar.json");
    // A laptop that takes in others' records has a trainer PIN.
    Store::open(a.path()).unwrap().set_pin("2468").unwrap();
    run(b.path(), &["export", bundle.to_str().unwrap()]);
    run(
        a.path(),
        &["import", bundle.to_str().unwrap(), "--lang", "en"],
    );
    a
}

#[test]
fn the_recap_of_two_laptops_counts_each_posyandu_by_month() {
    let dir = merged();
    let json: serde_json::Value =
        serde_json::from_str(&run(dir.path(), &["report", "--recap", "--format", "json"])).unwrap();
    let rows: Vec<(String, String, u64, u64)> = json["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["place"].as_str().unwrap().to_string(),
                r["month"].as_str().unwrap().to_string(),
                r["classes"].as_u64().unwrap(),
                r["visits"].as_u64().unwrap(),
            )
        })
        .collect();
    let row = |p: &str, m: &str, c: u64, v: u64| (p.to_string(), m.to_string(), c, v);
    assert_eq!(
        rows,
        [
            row("Posyandu Mawar", "2026-12", 1, 1),
            row("Posyandu Melati", "2026-11", 1, 2),
            row("Posyandu Melati", "2026-12", 0, 1),
        ]
    );
    let nov = &json["rows"][1];
    assert_eq!(
        (nov["participants"].as_u64(), nov["fathers"].as_u64()),
        (Some(2), Some(2))
    );
    assert_eq!(
        (
            nov["outcome"]["exclusive"].as_u64(),
            nov["outcome"]["under_six_months"].as_u64()
        ),
        (Some(1), Some(2))
    );
    let t = &json["total"];
    assert_eq!(
        (
            t["classes"].as_u64(),
            t["participants"].as_u64(),
            t["visits"].as_u64()
        ),
        (Some(2), Some(3), Some(4))
    );
    // Each baby once, at his latest visit: Adi (December) and Cici exclusive, Bayu not.
    let o = &t["outcome"];
    assert_eq!(
        (o["exclusive"].as_u64(), o["under_six_months"].as_u64()),
        (Some(2), Some(3))
    );
    assert_eq!(
        (
            o["visits_with_danger_sign"].as_u64(),
            o["referred"].as_u64()
        ),
        (Some(1), Some(1))
    );
    // A period: December only.
    let dec: serde_json::Value = serde_json::from_str(&run(
        dir.path(),
        &["report", "--recap", "--from", "2026-12", "--format", "json"],
    ))
    .unwrap();
    assert_eq!(
        (
            dec["total"]["classes"].as_u64(),
            dec["total"]["visits"].as_u64()
        ),
        (Some(1), Some(2))
    );
}

#[test]
fn every_format_reads_for_a_puskesmas_officer_and_names_nobody() {
    let dir = merged();
    let id = run(
        dir.path(),
        &["report", "--recap", "--format", "md", "--lang", "id"],
    );
    common::says(
        &id,
        &[
            "Rekap pijat oksitosin per posyandu dan bulan",
            "| Posyandu Melati | November 2026 |",
            "| Posyandu Mawar | Desember 2026 |",
            "**Jumlah**",
            "ASI eksklusif pada bayi di bawah 6 bulan yang dikunjungi: 2 dari 3 (66,7%",
        ],
    );
    let csv = run(
        dir.path(),
        &["report", "--recap", "--format", "csv", "--lang", "en"],
    );
    common::says(
        &csv,
        &[
            "place,month,classes,participants",
            "Posyandu Mawar,December 2026,1,1",
        ],
    );
    for (format, part) in [
        ("docx", "word/document.xml"),
        ("xlsx", "xl/sharedStrings.xml"),
    ] {
        let file = dir.path().join(format!("rekap.{format}"));
        run(
            dir.path(),
            &[
                "report",
                "--recap",
                "--format",
                format,
                "-o",
                file.to_str().unwrap(),
            ],
        );
        let xml = common::zip_part(&file, part);
        common::says(&xml, &["Posyandu Melati", "Posyandu Mawar"]);
        for private in ["Adi", "Bayu", "Cici", "Jl. Mawar"] {
            assert!(!xml.contains(private), "{private} in the {format} recap");
        }
    }
    for private in ["Adi", "Bayu", "Cici", "Jl. Mawar"] {
        assert!(
            !id.contains(private) && !csv.contains(private),
            "{private} in the recap"
        );
    }
}

#[test]
fn a_month_that_is_not_one_is_refused_in_the_reader_s_language() {
    let dir = tempfile::tempdir().unwrap();
    for (args, says) in [
        (vec!["--from", "2026-13"], "`2026-13` bukan bulan"),
        (
            vec!["--from", "2026-12", "--to", "2026-11"],
            "--from 2026-12 sesudah --to 2026-11",
        ),
    ] {
        let all = [&["report", "--recap", "--lang", "id"][..], &args].concat();
        let out = common::cli::run(dir.path(), &all, "");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        common::says(&text(&out.stderr), &[says]);
    }
    let out = common::cli::run(dir.path(), &["report", "--from", "2026-11"], "");
    assert_eq!(out.status.code(), Some(2), "--from without --recap");
}
