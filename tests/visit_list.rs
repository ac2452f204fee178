//! A cadre's home-visit list as she prints it before a round: the families she visits, those due
//! first, with the contact line, the baby's age, the last visit's findings, red flags and the
//! steps to coach. The contact line is on this list and nowhere in a report or a pseudonymised
//! bundle.

mod common;

use std::path::Path;

use common::cli::text;
use pijat_store::{Role, Store};

const CLASS: &str = "Posyandu Melati";

/// Budi: observed (step 3 not done), visited with the milk not flowing, water given, a danger
/// sign in the baby not referred: due. Dedi: observed, never visited: due. Joko: observed,
/// visited and well: not due. Agus: not observed: not due. Siti Aminah is the cadre of Budi and
/// Dedi; Joko has none.
fn round() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let checklist = "nama,pengamat,tanggal,nilai\n\
        Budi Santoso,Bu Rina,2026-11-15,2 2 0 2 2 2 2 2 2 2 2 2 2 2\n\
        Dedi,Bu Rina,2026-11-15,22222222222222\n\
        Joko,Bu Rina,2026-11-15,22222222222222\n";
    let out = common::cli::import_sheet(
        dir.path(),
        "checklist.csv",
        checklist.as_bytes(),
        CLASS,
        &["--checklist", "oxytocin-massage", "--lang", "en"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let visits = format!(
        "{}\n\
        Budi Santoso,2026-11-20,tidak,3,1,,ya,ya,tidak,tidak,tidak,tidak,tidak,tidak,ya,\n\
        Joko,2026-11-20,ya,5,2,,ya,tidak,tidak,tidak,tidak,tidak,tidak,tidak,tidak,\n",
        common::cli::VISIT_SHEET_HEADER
    );
    let out = common::cli::import_sheet(
        dir.path(),
        "visits.csv",
        visits.as_bytes(),
        CLASS,
        &["--visits", "--lang", "en"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let store = Store::open(dir.path()).unwrap();
    let class = store.class_by_name(CLASS).unwrap().unwrap();
    let siti = store.create_profile("Siti Aminah", Role::Cadre).unwrap();
    let agus = store.create_profile("Agus", Role::Father).unwrap();
    for p in [&siti, &agus] {
        store.add_member(&class.id, &p.id).unwrap();
    }
    for (name, born, contact, cadre) in [
        (
            "Budi Santoso",
            "2026-10-01",
            "RT 02, rumah biru dekat masjid, 0812-1111",
            Some(&siti.id),
        ),
        ("Dedi", "", "", Some(&siti.id)),
        ("Joko", "2026-09-15", "0813-2222", None),
    ] {
        let p = store.profile_by_name(name).unwrap().unwrap();
        let cadre = cadre.map(String::as_str);
        store
            .set_family(&p.id, born, contact, Some((&class.id, cadre)), "2026-12-07")
            .unwrap();
    }
    dir
}

fn print(dir: &Path, args: &[&str]) -> (Option<i32>, String, String) {
    let all = [&["print", "visits"][..], args].concat();
    let out = common::cli::run(dir, &all, "");
    (out.status.code(), text(&out.stdout), text(&out.stderr))
}

#[test]
fn a_cadre_s_due_list_shows_her_families_and_what_to_watch_for() {
    let dir = round();
    let (code, md, err) = print(
        dir.path(),
        &["--due", "--cadre", "siti aminah", "--lang", "en"],
    );
    assert_eq!(code, Some(0), "{err}");
    common::says(
        &md,
        &[
            "# Home-visit list: families due a visit",
            "- **Cadre:** siti aminah",
            "2 of 2 families due a visit",
            "for the visiting cadre only",
            "## 1. Budi Santoso — due a visit",
            "- **Contact:** RT 02, rumah biru dekat masjid, 0812-1111",
            "- **Class:** Posyandu Melati · Cadre: Siti Aminah",
            "- **Baby:** born 1 October 2026,",
            "- **Last visit:** 20 November 2026: milk flowed: no; comfort 3/5; exclusively breastfed yesterday: no",
            "the baby was not exclusively breastfed",
            "a danger sign, not referred: take them to the midwife or puskesmas",
            "the milk did not flow or the mother was uncomfortable",
            "- **Steps to coach:** 3. Prepare the room (0 not done)",
            "## 2. Dedi — due a visit",
            "- **Contact:** not entered",
            "- **Baby:** date of birth not entered",
            "- **Last visit:** never visited",
        ],
    );
    for not_hers in ["Joko", "Agus", "0813-2222"] {
        assert!(!md.contains(not_hers), "{not_hers}: {md}");
    }
    // Without --due and --cadre: every father of the class, the due first.
    let (_, all, _) = print(dir.path(), &["--class", CLASS, "--lang", "id"]);
    let order: Vec<&str> = all.lines().filter(|l| l.starts_with("## ")).collect();
    assert_eq!(
        order,
        [
            "## 1. Budi Santoso — perlu dikunjungi",
            "## 2. Dedi — perlu dikunjungi",
            "## 3. Agus — belum perlu dikunjungi",
            "## 4. Joko — belum perlu dikunjungi",
        ]
    );
    common::says(
        &all,
        &[
            "2 dari 4 keluarga perlu dikunjungi",
            "belum diamati memijat",
        ],
    );
    // The same on A4.
    let (code, html, _) = print(dir.path(), &["--due", "--format", "html", "--lang", "en"]);
    assert_eq!(code, Some(0));
    common::says(
        &html,
        &["<div class=\"card\">", "0812-1111", "Notes of the visit"],
    );
}

#[test]
fn a_class_or_cadre_that_is_not_here_is_named() {
    let dir = round();
    let (code, _, err) = print(dir.path(), &["--cadre", "Sity", "--lang", "en"]);
    assert_eq!(code, Some(1), "{err}");
    common::says(&err, &["There is no cadre “Sity”"]);
    let (code, _, err) = print(dir.path(), &["--class", "Mawar", "--lang", "id"]);
    assert_eq!(code, Some(1));
    common::says(&err, &["Tidak ada kelas “Mawar”"]);
}

#[test]
fn the_contact_line_stays_off_reports_and_pseudonymised_bundles() {
    let dir = round();
    for format in ["text", "md", "csv", "json", "html"] {
        let out = common::cli::run(
            dir.path(),
            &[
                "report", "--class", CLASS, "--format", format, "--names", "full",
            ],
            "",
        );
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        assert!(!text(&out.stdout).contains("0812-1111"), "{format}");
    }
    let bundle = dir.path().join("pseudo.json");
    let out = common::cli::run(
        dir.path(),
        &["export", bundle.to_str().unwrap(), "--pseudonymise"],
        "",
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let raw = std::fs::read_to_string(&bundle).unwrap();
    assert!(!raw.contains("0812-1111") && !raw.contains("rumah biru"));
    assert!(
        raw.contains("2026-10-01"),
        "the baby's date of birth travels, for the outcome"
    );
}
