//! `pijat print checklist | visit | attendance | leaflet | certificate` and the paper test as a
//! trainer prints them: every form in md and html, in id, en and both; the filled-in checklist
//! and visit forms typed back through `sheets import`; the html printed to A4 PDF by headless
//! Chromium (one page for the leaflet, a page per certificate, the test split evenly).

mod common;

use std::path::Path;

// Reports and forms from the ten-statement set (the sizes these tests read are its own).
use common::cli::{both, run_ten as run, text};
use common::pdf;

const CLASS: &str = "Posyandu Melati";
const ROUTINE: &str = "oxytocin-massage";

fn ok(dir: &Path, args: &[&str]) -> String {
    let o = run(dir, args, "");
    assert!(o.status.success(), "{args:?}: {}", both(&o));
    text(&o.stdout)
}

fn import(dir: &Path, csv: &str, args: &[&str]) {
    let args = [&["--content", common::cli::TEN][..], args].concat();
    let o = common::cli::import_sheet(dir, "typed.csv", csv.as_bytes(), CLASS, &args);
    assert!(o.status.success(), "{}", both(&o));
}

/// A class of three with details: Budi competent, Joko not yet, Siti never observed.
fn class(dir: &Path) {
    import(
        dir,
        "nama,peran,jawaban\nBudi Santoso,ayah,BSBSBSBSBS\nJoko,ayah,BBBBBBBBBB\nSiti Aminah,kader,SSSSSSSSSS\n",
        &["--phase", "pre"],
    );
    import(
        dir,
        "nama,pengamat,tanggal,nilai\nBudi Santoso,Bu Rina,2026-11-28,22222222222222\nJoko,Bu Rina,2026-11-28,22212222202222\n",
        &["--checklist", ROUTINE],
    );
    common::cli::give_class_details(dir, CLASS, "2026-11-29");
}

fn html_file(dir: &Path, name: &str, args: &[&str]) -> std::path::PathBuf {
    let f = dir.join(name);
    let mut all = args.to_vec();
    all.extend(["--format", "html"]);
    std::fs::write(&f, ok(dir, &all)).unwrap();
    f
}

#[test]
fn the_checklist_form_reads_back_through_sheets_import() {
    let dir = tempfile::tempdir().unwrap();
    class(dir.path());
    let md = ok(dir.path(), &["print", "checklist", ROUTINE]);
    let content = pijat_content::load_with(None).content.unwrap();
    let routine = content.routine(ROUTINE).unwrap();
    // One row per step, in the routine's order, critical steps starred, four boxes each.
    let rows: Vec<&str> = md
        .lines()
        .filter(|l| l.starts_with("| ") && l.contains('☐'))
        .collect();
    assert_eq!(rows.len(), routine.steps.len());
    for (i, (row, step)) in rows.iter().zip(&routine.steps).enumerate() {
        assert!(
            row.starts_with(&format!(
                "| {} | {}",
                i + 1,
                step.title.get(&pijat_content::Lang::id())
            )),
            "{row}"
        );
        assert_eq!(row.contains('★'), step.critical, "{row}");
        assert_eq!(row.matches('☐').count(), 4);
    }
    assert!(
        md.contains("80%"),
        "the pass rule with the routine's pass mark"
    );
    // The typing note's header and example are exactly what the import reads.
    assert!(md.contains("nama,pengamat,tanggal,nilai"), "{md}");
    let example = md
        .split("misalnya ")
        .nth(1)
        .unwrap()
        .split_whitespace()
        .next()
        .unwrap();
    assert_eq!(example.len(), routine.steps.len());
    import(
        dir.path(),
        &format!("nama,pengamat,tanggal,nilai\nSiti Aminah,Bu Rina,2026-11-29,{example}\n"),
        &["--checklist", ROUTINE],
    );
    let en = ok(dir.path(), &["print", "checklist", ROUTINE, "--lang", "en"]);
    assert!(
        en.contains("name,observer,date,marks") && en.contains("Observer"),
        "{en}"
    );
    let f = html_file(
        dir.path(),
        "checklist.html",
        &["print", "checklist", ROUTINE, "--bilingual"],
    );
    let html = std::fs::read_to_string(&f).unwrap();
    assert!(html.contains("Pengamat / Observer") && html.contains("Kelas / Class"));
    if let Some(p) = pdf::print(&f) {
        assert!(p.a4 && p.pages.len() <= 2, "{} pages", p.pages.len());
    }
}

#[test]
fn the_visit_form_has_the_columns_sheets_import_reads() {
    let dir = tempfile::tempdir().unwrap();
    class(dir.path());
    let md = ok(dir.path(), &["print", "visit"]);
    let header = "nama,tanggal,asi_lancar,nyaman,pijat_per_hari,catatan";
    assert!(md.contains(header), "{md}");
    assert!(
        md.contains("☐ ya ☐ tidak ☐ ragu") && md.contains("☐ 1 ☐ 2 ☐ 3 ☐ 4 ☐ 5"),
        "{md}"
    );
    // The outcome's table, one kind of food or drink per column, and the columns to type.
    let outcome = "asi,air_putih,susu_formula,susu_lain,minuman_lain,makanan,obat,bahaya_ibu,bahaya_bayi,dirujuk_ke";
    common::says(
        &md,
        &[
            "asi,air_putih,susu_formula,susu_lain,minuman_lain,makanan,obat",
            "bahaya_ibu,bahaya_bayi",
            "| No | ASI | Air putih | Susu formula |",
            "☐ Y ☐ T ☐ ?",
        ],
    );
    import(
        dir.path(),
        &format!(
            "{header},{outcome}\nBudi Santoso,02/12/2026,ya,4,2,,ya,tidak,tidak,tidak,tidak,tidak,tt,tidak,tidak,\n"
        ),
        &["--visits"],
    );
    let store = pijat_store::Store::open(dir.path()).unwrap();
    let budi = store.profile_by_name("Budi Santoso").unwrap().unwrap();
    let v = store.visits_of(&budi.id).unwrap();
    assert_eq!(
        v[0].findings.recall.map(|r| r.exclusive()),
        Some(Some(true))
    );
    let en = ok(dir.path(), &["print", "visit", "--lang", "en"]);
    common::says(
        &en,
        &[
            "name,date,milk_flow,comfort,massages_per_day,notes",
            "breast_milk,water,formula,other_milk,drinks,food,medicine",
        ],
    );
    let f = html_file(dir.path(), "visit.html", &["print", "visit", "--bilingual"]);
    if let Some(p) = pdf::print(&f) {
        assert!(p.a4 && p.pages.len() <= 2, "{} pages", p.pages.len());
    }
}

#[test]
fn the_attendance_list_has_each_member_and_a_column_per_meeting() {
    let dir = tempfile::tempdir().unwrap();
    class(dir.path());
    let md = ok(dir.path(), &["print", "attendance", "--class", CLASS]);
    for who in [
        "| 1 | Budi Santoso | ayah |",
        "| 2 | Joko | ayah |",
        "| 3 | Siti Aminah | kader |",
    ] {
        assert!(md.contains(who), "{who}\n{md}");
    }
    assert!(
        md.contains("Pertemuan 1: 28/11/2026 | Pertemuan 2: 29/11/2026 |"),
        "{md}"
    );
    assert!(md.contains("Desa Sukamaju") && md.contains("Bidan Ratna"));
    let unknown = run(
        dir.path(),
        &["print", "attendance", "--class", "Nowhere", "--lang", "en"],
        "",
    );
    assert_eq!(unknown.status.code(), Some(1));
    assert!(both(&unknown).contains("no class “Nowhere”"));
    let f = html_file(
        dir.path(),
        "hadir.html",
        &["print", "attendance", "--class", CLASS, "--lang", "en"],
    );
    if let Some(p) = pdf::print(&f) {
        assert!(p.a4 && p.pages[0].contains("Budi Santoso") && p.pages[0].contains("signature"));
    }
}

#[test]
fn the_leaflet_is_one_page_in_the_curriculums_own_words() {
    let dir = tempfile::tempdir().unwrap();
    let content = pijat_content::load_with(None).content.unwrap();
    let id = pijat_content::Lang::id();
    let md = ok(dir.path(), &["print", "leaflet", ROUTINE]);
    // The safety texts come from curriculum/safety.toml, unchanged.
    for s in &content.safety.sections {
        let first = s.body.get(&id).trim().lines().next().unwrap();
        assert!(md.contains(first), "{}: {first}", s.id);
    }
    assert!(
        md.contains("belum terbukti menambah jumlah ASI"),
        "no claim that it makes more milk"
    );
    for f in [
        html_file(
            dir.path(),
            "leaflet-id.html",
            &["print", "leaflet", ROUTINE],
        ),
        html_file(
            dir.path(),
            "leaflet-en.html",
            &["print", "leaflet", ROUTINE, "--lang", "en"],
        ),
    ] {
        let html = std::fs::read_to_string(&f).unwrap();
        assert!(html.contains("<svg") && !html.contains("<script"));
        if let Some(p) = pdf::print(&f) {
            assert_eq!(p.pages.len(), 1, "one A4 page: {f:?}");
            assert!(p.a4);
        }
    }
    let f = html_file(
        dir.path(),
        "leaflet-both.html",
        &["print", "leaflet", ROUTINE, "--bilingual"],
    );
    if let Some(p) = pdf::print(&f) {
        assert_eq!(p.pages.len(), 2, "a page per language");
        assert!(p.pages[0].contains("Kapan berhenti") && p.pages[1].contains("When to stop"));
    }
}

#[test]
fn a_certificate_for_each_competent_participant_only() {
    let dir = tempfile::tempdir().unwrap();
    class(dir.path());
    let md = ok(dir.path(), &["print", "certificate", "--class", CLASS]);
    assert!(
        md.contains("**Budi Santoso**") && !md.contains("Joko") && !md.contains("Siti"),
        "{md}"
    );
    assert!(
        md.contains("Posyandu Melati, Desa Sukamaju, 28/11/2026 – 29/11/2026")
            && md.contains("Bidan Ratna"),
        "{md}"
    );
    let f = html_file(
        dir.path(),
        "sertifikat.html",
        &["print", "certificate", "--class", CLASS, "--bilingual"],
    );
    if let Some(p) = pdf::print(&f) {
        assert_eq!(p.pages.len(), 1, "one page per competent participant");
        assert!(p.pages[0].contains("diberikan kepada") && p.pages[0].contains("is awarded to"));
    }
    let empty = tempfile::tempdir().unwrap();
    pijat_store::Store::open(empty.path())
        .unwrap()
        .ensure_class("Baru")
        .unwrap();
    let none = run(
        empty.path(),
        &["print", "certificate", "--class", "Baru", "--lang", "en"],
        "",
    );
    assert_eq!(none.status.code(), Some(1));
    assert!(both(&none).contains("No participant of this class has been judged competent"));
}

#[test]
fn the_paper_test_has_a_class_field_a_test_box_and_splits_evenly() {
    let dir = tempfile::tempdir().unwrap();
    let md = ok(dir.path(), &["print", "knowledge"]);
    assert!(md.contains("Kelas: ____"), "{md}");
    assert!(
        md.contains("Peran: ☐ ayah   ☐ kader   ☐ bidan   ☐ lainnya"),
        "{md}"
    );
    assert!(
        md.contains("Tes: ☐ tes awal (pre-test)   ☐ tes akhir (post-test)"),
        "{md}"
    );
    let f = html_file(
        dir.path(),
        "tes.html",
        &["print", "knowledge", "--bilingual"],
    );
    let html = std::fs::read_to_string(&f).unwrap();
    assert!(
        html.contains("<span class=\"opt\"><span class=\"box\"></span>ayah / father</span>"),
        "the box before its word, kept together"
    );
    if let Some(p) = pdf::print(&f) {
        assert_eq!(p.pages.len(), 2);
        let per: Vec<usize> = p
            .pages
            .iter()
            .map(|t| t.matches("Benar / True").count())
            .collect();
        assert_eq!(per, [5, 5], "split evenly");
    }
    // Every shipped set prints without a page that overflows into an extra one.
    for q in ["review", "anatomy-check", "technique-check"] {
        let f = html_file(
            dir.path(),
            &format!("{q}.html"),
            &["print", q, "--bilingual"],
        );
        let breaks = std::fs::read_to_string(&f)
            .unwrap()
            .matches("q new-page")
            .count();
        if let Some(p) = pdf::print(&f) {
            assert_eq!(p.pages.len(), breaks + 1, "{q}: a page overflowed");
        }
    }
}

#[test]
fn a_form_needs_what_it_names() {
    let dir = tempfile::tempdir().unwrap();
    let o = run(
        dir.path(),
        &["print", "checklist", "nope", "--lang", "en"],
        "",
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(
        both(&o).contains("no routine `nope`: oxytocin-massage"),
        "{}",
        both(&o)
    );
    let o = run(dir.path(), &["print", "--lang", "en"], "");
    assert_eq!(o.status.code(), Some(2));
    assert!(both(&o).contains("Name a question set"), "{}", both(&o));
    let o = run(dir.path(), &["print", "attendance"], "");
    assert_eq!(o.status.code(), Some(2), "--class is required");
}
