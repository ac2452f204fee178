//! The forms away from the laptop: `pijat forms serve` headless, as a trainer's script runs it,
//! and `pijat sheets import FILE --odk` reading the CSV a KoboToolbox or ODK Central server
//! exports (semicolons or commas, a byte-order mark, CRLF, fields with their group), each
//! instance saved once however often the cumulative export is read.

use std::io::{BufRead, BufReader};
use std::process::Stdio;

use super::common;
use super::common::classroom::class_with;
use super::common::collect::{Collect, filled};
use super::{CLASS, borrowed, visit_answers, visits_of};

#[test]
fn forms_serve_prints_its_address_and_password_then_a_line_per_form_until_input_ends() {
    let dir = tempfile::tempdir().unwrap();
    class_with(dir.path(), CLASS, &["Budi"]);
    let mut child = common::cli::pijat(
        dir.path(),
        &[
            "forms",
            "serve",
            "--class",
            CLASS,
            "--listen",
            "127.0.0.1:0",
        ],
    )
    .stdin(Stdio::piped())
    .stdout(Stdio::piped())
    .stderr(Stdio::piped())
    .spawn()
    .unwrap();
    let mut out = BufReader::new(child.stdout.take().unwrap());
    let mut line = || {
        let mut l = String::new();
        out.read_line(&mut l).unwrap();
        l.trim_end().to_string()
    };
    let url = line();
    let addr = url
        .strip_prefix("URL http://")
        .unwrap()
        .trim_end_matches('/')
        .parse()
        .unwrap();
    assert_eq!(line(), "USER kader");
    let password = line().strip_prefix("PASSWORD ").unwrap().to_string();
    assert_eq!(password.len(), 8);
    assert!(line().starts_with("FORM pijat_tilik_"));
    assert!(line().starts_with("FORM pijat_visit "));
    let mut phone = Collect::new(addr, "kader", &password);
    let form = phone.get("/forms/pijat_visit.xml").body;
    let budi = {
        let item = "/data/family/0:label')\"/><value>";
        let at = form.find(item).unwrap() + item.len();
        form[at..at + 36].to_string()
    };
    let answers = visit_answers(&budi, "2026-12-03");
    let xml = filled(
        &form,
        &borrowed(&answers),
        "11111111-2222-4333-8444-555555555555",
    );
    assert_eq!(phone.submit(&xml).status, 201);
    assert_eq!(line(), "SAVED visit 2026-12-03 Budi");
    drop(child.stdin.take());
    let status = child.wait().unwrap();
    assert!(status.success());
    assert_eq!(visits_of(dir.path(), "Budi").len(), 1);

    let again = common::cli::run(
        dir.path(),
        &[
            "forms",
            "serve",
            "--class",
            "Nowhere",
            "--listen",
            "127.0.0.1:0",
        ],
        "",
    );
    assert_eq!(again.status.code(), Some(1));
    assert!(
        common::cli::both(&again).contains("Nowhere"),
        "{}",
        common::cli::both(&again)
    );
}

/// The roster id of `name`, as the XLSForm's choices carry it.
fn roster_id(dir: &std::path::Path, name: &str) -> String {
    let store = pijat_store::Store::open(dir).unwrap();
    store.profile_by_name(name).unwrap().unwrap().id
}

fn kobo_export(rows: &[(&str, &str, &str)]) -> Vec<u8> {
    let fed = [
        "breast_milk",
        "water",
        "formula",
        "other_milk",
        "drinks",
        "food",
        "medicine",
    ];
    let mut head = vec![
        "start",
        "end",
        "family",
        "date",
        "milk_flow",
        "comfort",
        "massages_per_day",
        "recall/recall_note",
    ];
    let fed_cols: Vec<String> = fed.iter().map(|f| format!("recall/fed_{f}")).collect();
    head.extend(fed_cols.iter().map(String::as_str));
    head.extend([
        "danger/danger_mother",
        "danger/danger_baby",
        "danger/danger_note",
        "danger/referred_to",
        "notes",
        "meta/instanceID",
        "_id",
        "_uuid",
        "_submission_time",
    ]);
    let mut out = vec![0xEF, 0xBB, 0xBF];
    out.extend(head.join(";").as_bytes());
    out.extend(b"\r\n");
    for (family, date, id) in rows {
        let mut cells = vec![
            "2026-12-01T09:00:00.000+07:00",
            "2026-12-01T09:10:00.000+07:00",
            family,
            date,
            "unsure",
            "3",
            "",
            "",
        ];
        cells.extend(["yes", "yes", "no", "no", "no", "no", "no"]);
        cells.extend(["no", "no", "", "", "catatan; dengan titik koma"]);
        let iid = format!("uuid:{id}");
        cells.push(&iid);
        cells.extend(["17", id, "2026-12-01T03:11:00"]);
        let quoted: Vec<String> = cells
            .iter()
            .map(|c| {
                if c.contains(';') {
                    format!("\"{c}\"")
                } else {
                    c.to_string()
                }
            })
            .collect();
        out.extend(quoted.join(";").as_bytes());
        out.extend(b"\r\n");
    }
    out
}

#[test]
fn a_kobo_export_is_read_by_column_name_and_each_instance_is_saved_once() {
    let dir = tempfile::tempdir().unwrap();
    class_with(dir.path(), CLASS, &["Budi", "Agus"]);
    let (budi, agus) = (roster_id(dir.path(), "Budi"), roster_id(dir.path(), "Agus"));
    let a = "aaaaaaaa-0000-4000-8000-000000000001";
    let b = "bbbbbbbb-0000-4000-8000-000000000002";
    let file = dir.path().join("kobo.csv");
    std::fs::write(
        &file,
        kobo_export(&[
            (&budi, "2026-12-01", a),
            (&agus, "2026-12-02", b),
            (&budi, "2026-12-01", a),
        ]),
    )
    .unwrap();
    let args = [
        "sheets",
        "import",
        file.to_str().unwrap(),
        "--class",
        CLASS,
        "--odk",
    ];
    let first = common::cli::run(dir.path(), &args, "");
    assert!(first.status.success(), "{}", common::cli::both(&first));
    assert!(
        common::cli::both(&first).contains("2 kiriman tersimpan, 1 sudah ada"),
        "{}",
        common::cli::both(&first)
    );
    let v = visits_of(dir.path(), "Budi");
    assert_eq!(v.len(), 1);
    assert_eq!(
        v[0].findings.notes.as_deref(),
        Some("catatan; dengan titik koma")
    );
    assert_eq!(
        v[0].findings.recall.unwrap().exclusive(),
        Some(false),
        "water was given"
    );
    let again = common::cli::run(dir.path(), &args, "");
    assert!(
        common::cli::both(&again).contains("0 kiriman tersimpan, 3 sudah ada"),
        "{}",
        common::cli::both(&again)
    );

    // New instances for days already visited: each row is named, nothing is saved.
    let (d, e) = (
        "dddddddd-0000-4000-8000-000000000004",
        "eeeeeeee-0000-4000-8000-000000000005",
    );
    std::fs::write(
        &file,
        kobo_export(&[(&budi, "2026-12-01", d), (&agus, "2026-12-02", e)]),
    )
    .unwrap();
    let twice = common::cli::run(dir.path(), &args, "");
    let said = common::cli::both(&twice);
    assert_eq!(twice.status.code(), Some(1), "{said}");
    assert!(
        said.contains("kobo.csv:2: Budi sudah punya kunjungan"),
        "{said}"
    );
    assert!(
        said.contains("kobo.csv:3: Agus sudah punya kunjungan"),
        "{said}"
    );

    let c = "cccccccc-0000-4000-8000-000000000003";
    let broken = String::from_utf8(kobo_export(&[
        (&agus, "2026-12-05", c),
        ("someone-else", "2026-12-06", b),
    ]))
    .unwrap();
    std::fs::write(&file, broken.replace(";3;", ";7;")).unwrap();
    let bad = common::cli::run(dir.path(), &args, "");
    assert_eq!(bad.status.code(), Some(1));
    let said = common::cli::both(&bad);
    assert!(
        said.contains("kobo.csv:2: ") && said.contains("nyaman"),
        "{said}"
    );
    assert!(
        said.contains("kobo.csv:3: ") && said.contains("tidak ada di daftar kelas"),
        "{said}"
    );
    assert_eq!(
        visits_of(dir.path(), "Agus").len(),
        1,
        "nothing of a broken export is saved"
    );

    std::fs::write(&file, "name,date\nBudi,2026-12-01\n").unwrap();
    let foreign = common::cli::run(dir.path(), &args, "");
    assert!(
        common::cli::both(&foreign).contains("Bukan ekspor formulir pijat"),
        "{}",
        common::cli::both(&foreign)
    );
}

#[test]
fn a_visit_from_a_phone_travels_in_a_bundle_and_merges_once() {
    let dir = tempfile::tempdir().unwrap();
    let (here, there) = (dir.path().join("here"), dir.path().join("there"));
    class_with(&here, CLASS, &["Budi"]);
    let s = super::common::collect::FormServer::start(&here, CLASS);
    let budi = super::id_of(&s.desk, "Budi");
    let form = s.desk.form("pijat_visit").unwrap().xml.clone();
    let answers = visit_answers(&budi, "2026-12-04");
    let xml = filled(
        &form,
        &borrowed(&answers),
        "22222222-3333-4444-8555-666666666666",
    );
    assert_eq!(s.phone().submit(&xml).status, 201);
    drop(s);
    let bundle = dir.path().join("melati.pijat");
    // A laptop that takes in others' records has a trainer PIN.
    pijat_store::Store::open(&there)
        .unwrap()
        .set_pin("2468")
        .unwrap();
    let out = common::cli::run(
        &here,
        &["export", bundle.to_str().unwrap(), "--class", CLASS],
        "",
    );
    assert!(out.status.success(), "{}", common::cli::both(&out));
    for _ in 0..2 {
        let out = common::cli::run(&there, &["import", bundle.to_str().unwrap()], "");
        assert!(out.status.success(), "{}", common::cli::both(&out));
    }
    let v = visits_of(&there, "Budi");
    assert_eq!(v.len(), 1, "merged once, however often imported");
    assert_eq!(v[0].id, "22222222-3333-4444-8555-666666666666");
    assert_eq!(v[0].mode, pijat_core::Mode::Phone);
}
