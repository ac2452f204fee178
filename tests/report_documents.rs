//! `pijat report --format html|docx|xlsx` as a trainer uses it for a laporan: the Word file and
//! the workbook read back and compared number by number with the JSON, the HTML printed to PDF
//! by headless Chromium, a class with no results, a class whose scores fell, and the refusals
//! (a binary file to a terminal, a file that already exists).

mod common;

use std::io::Read;
use std::path::Path;

use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
// Reports and forms from the ten-statement set (the sizes these tests read are its own).
use common::cli::{both, run_ten as run, text};
use common::pdf;
use serde_json::Value;

const CLASS: &str = "Posyandu Melati";

/// The knowledge test's right answers as a sheet row, from the printed key.
fn key(dir: &Path) -> String {
    let out = text(&run(dir, &["print", "knowledge", "--key", "--lang", "en"], "").stdout);
    let start = out.find('`').unwrap() + 1;
    out[start..start + 10].to_string()
}

/// `key` with the answers at the given places turned wrong.
fn wrong(key: &str, places: &[usize]) -> String {
    key.chars()
        .enumerate()
        .map(|(i, c)| match (places.contains(&i), c) {
            (true, 'B') => 'S',
            (true, _) => 'B',
            (false, c) => c,
        })
        .collect()
}

fn import(dir: &Path, csv: &str, args: &[&str]) {
    let args = [&["--content", common::cli::TEN][..], args].concat();
    let o = common::cli::import_sheet(dir, "sheet.csv", csv.as_bytes(), CLASS, &args);
    assert!(o.status.success(), "{}", both(&o));
}

/// Twelve participants: pre-test and post-test (one missing the post-test), class details, an
/// observation and a visit for some.
fn class(dir: &Path, fall: bool) {
    let k = key(dir);
    let names = [
        "Budi Santoso",
        "Siti Aminah",
        "Joko",
        "Ñoman",
        "Wati",
        "Agus",
        "Rina",
        "Dedi",
        "Yanti",
        "Hendra",
        "Eko",
        "Made",
    ];
    let (mut pre, mut post) = (
        String::from("nama,peran,jawaban\n"),
        String::from("nama,peran,jawaban\n"),
    );
    for (i, n) in names.iter().enumerate() {
        let role = if i % 3 == 1 { "kader" } else { "ayah" };
        let before: Vec<usize> = (0..10)
            .filter(|q| (q * 7 + i * 3) % 10 < 3 + i % 4)
            .collect();
        let after: Vec<usize> = (0..10)
            .filter(|q| (q * 7 + i * 3) % 10 < 1 + i % 3)
            .collect();
        let (a, b) = if fall {
            (&after, &before)
        } else {
            (&before, &after)
        };
        pre.push_str(&format!("{n},{role},{}\n", wrong(&k, a)));
        if i != 4 {
            post.push_str(&format!("{n},{role},{}\n", wrong(&k, b)));
        }
    }
    import(dir, &pre, &["--phase", "pre"]);
    import(dir, &post, &["--phase", "post"]);
    import(
        dir,
        "nama,pengamat,tanggal,nilai\nBudi Santoso,Bu Rina,2026-11-28,22222222222222\nJoko,Bu Rina,2026-11-28,22212222202222\n",
        &["--checklist", "oxytocin-massage"],
    );
    import(
        dir,
        "nama,tanggal,asi_lancar,nyaman,pijat_per_hari,catatan\nBudi Santoso,2026-12-02,ya,4,2,\n",
        &["--visits"],
    );
    common::cli::give_class_details(dir, CLASS, "2026-12-05");
}

fn json(dir: &Path, extra: &[&str]) -> Value {
    let mut args = vec!["report", "--class", CLASS, "--format", "json", "--items"];
    args.extend_from_slice(extra);
    let o = run(dir, &args, "");
    assert!(o.status.success(), "{}", both(&o));
    serde_json::from_slice(&o.stdout).unwrap()
}

fn file(dir: &Path, format: &str, name: &str, lang: &str) -> Vec<u8> {
    let out = dir.join(name);
    let o = run(
        dir,
        &[
            "report",
            "--class",
            CLASS,
            "--format",
            format,
            "--out",
            out.to_str().unwrap(),
            "--lang",
            lang,
        ],
        "",
    );
    assert!(o.status.success(), "{}", both(&o));
    std::fs::read(out).unwrap()
}

fn unzip(bytes: &[u8], part: &str) -> String {
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut s = String::new();
    z.by_name(part).unwrap().read_to_string(&mut s).unwrap();
    s
}

/// A number as the Indonesian documents print it.
fn id(x: f64, d: usize) -> String {
    pijat_engine::report::words::num(x, d, &pijat_content::Lang::id())
}

fn f(v: &Value) -> f64 {
    v.as_f64().unwrap_or_else(|| panic!("not a number: {v}"))
}

fn cells(wb: &mut Xlsx<std::io::Cursor<Vec<u8>>>, sheet: &str) -> Vec<Vec<Data>> {
    let range = wb.worksheet_range(sheet).unwrap();
    range.rows().map(<[Data]>::to_vec).collect()
}

/// A cell as Excel shows it without a format: `1` for the number 1.
fn shown(c: &Data) -> String {
    c.to_string()
}

fn row_of<'a>(rows: &'a [Vec<Data>], first: &str) -> &'a [Data] {
    rows.iter()
        .find(|r| r.iter().any(|c| shown(c) == first))
        .unwrap_or_else(|| panic!("no row {first}"))
}

/// Equal to the last bit Excel's text form keeps.
fn same(a: f64, b: f64) {
    assert!((a - b).abs() <= 1e-13 * b.abs().max(1e-300), "{a} vs {b}");
}

fn number(c: &Data) -> f64 {
    match c {
        Data::Float(x) => *x,
        Data::Int(x) => *x as f64,
        other => panic!("not a number: {other:?}"),
    }
}

#[path = "report_documents/report_documents_1.rs"]
mod report_documents_1;
#[path = "report_documents/report_documents_2.rs"]
mod report_documents_2;
