//! `pijat report`, `pijat export` and `pijat import` as a trainer uses them with two laptops.

use std::path::Path;
use std::process::Output;

mod common;

use common::cli::text;

/// `pijat ARGS` with the ten-statement pre/post set: these tests read its size and key.
fn pijat(data: &Path, args: &[&str]) -> Output {
    common::cli::run_ten(data, args, "")
}

/// The knowledge test's right answers as a sheet row, from the printed key.
fn key() -> String {
    let dir = tempfile::tempdir().unwrap();
    // A laptop that takes in others' records has a trainer PIN.
    pijat_store::Store::open(dir.path())
        .unwrap()
        .set_pin("2468")
        .unwrap();
    let out = text(&pijat(dir.path(), &["print", "knowledge", "--key", "--lang", "en"]).stdout);
    let start = out.find('`').unwrap() + 1;
    out[start..start + 10].to_string()
}

use common::cli::turn_wrong as wrong;

fn sheet(dir: &Path, name: &str, phase: &str, rows: &[(&str, &str, String)]) {
    let csv: String = std::iter::once("name,role,answers\n".to_string())
        .chain(rows.iter().map(|(n, r, a)| format!("{n},{r},{a}\n")))
        .collect();
    let args = ["--content", common::cli::TEN, "--phase", phase];
    let out = common::cli::import_sheet(dir, name, csv.as_bytes(), "Posyandu Melati", &args);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
}

/// Laptop A: the pre-test of four. Laptop B: the post-test of the same four (and one more).
fn two_laptops() -> (tempfile::TempDir, tempfile::TempDir) {
    let k = key();
    let a = tempfile::tempdir().unwrap();
    // A laptop that takes in others' records has a trainer PIN.
    pijat_store::Store::open(a.path())
        .unwrap()
        .set_pin("2468")
        .unwrap();
    sheet(
        a.path(),
        "pre.csv",
        "pre",
        &[
            ("Budi Santoso", "ayah", wrong(&k, 6)),
            ("Siti Aminah", "kader", wrong(&k, 4)),
            ("Joko", "ayah", wrong(&k, 5)),
            ("Ñoman", "ayah", wrong(&k, 5)),
        ],
    );
    let b = tempfile::tempdir().unwrap();
    // A laptop that takes in others' records has a trainer PIN.
    pijat_store::Store::open(b.path())
        .unwrap()
        .set_pin("2468")
        .unwrap();
    sheet(
        b.path(),
        "post.csv",
        "post",
        &[
            ("Budi Santoso", "ayah", wrong(&k, 1)),
            ("Siti Aminah", "kader", wrong(&k, 0)),
            ("Joko", "ayah", wrong(&k, 3)),
            ("Ñoman", "ayah", wrong(&k, 2)),
            ("Wati", "kader", wrong(&k, 2)),
        ],
    );
    (a, b)
}

#[path = "report_and_bundles/report_and_bundles_1.rs"]
mod report_and_bundles_1;
