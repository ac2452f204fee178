//! Running the real binary as a user does, with its own data folder and standard input.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

/// `pijat ARGS` with the data folder `data`, Indonesian unless `--lang` is given.
pub fn pijat(data: &Path, args: &[&str]) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_pijat"));
    c.args(args)
        .env("PIJAT_DATA_DIR", data)
        .env_remove("PIJAT_LANG")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    c
}

/// Runs with `input` on standard input (a closed pipe after it).
pub fn run(data: &Path, args: &[&str], input: &str) -> Output {
    let mut child = pijat(data, args).spawn().unwrap();
    let mut stdin = child.stdin.take().unwrap();
    // The program may stop reading early; a closed pipe here is not the test's failure.
    let _ = stdin.write_all(input.as_bytes());
    drop(stdin);
    child.wait_with_output().unwrap()
}

pub fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// Standard output and standard error, for messages in assertions.
pub fn both(o: &Output) -> String {
    format!("{}{}", text(&o.stdout), text(&o.stderr))
}

/// Gives the class `name` in the data folder `data` the details a trainer types in: the village,
/// the first day, `ends`, and the trainer Bidan Ratna.
pub fn give_class_details(data: &Path, name: &str, ends: &str) {
    let store = pijat_store::Store::open(data).unwrap();
    let c = store.class_by_name(name).unwrap().unwrap();
    store
        .save_class(
            Some(&c.id),
            &pijat_store::ClassDetails {
                name: name.into(),
                place: Some("Desa Sukamaju".into()),
                starts: Some("2026-11-28".into()),
                ends: Some(ends.into()),
                trainer: Some("Bidan Ratna".into()),
            },
        )
        .unwrap();
}

/// A pre/post set of ten statements (the first shipped set), for tests about sheets, paper forms
/// and reports that do not depend on the shipped set's size, given as a trainer's `--content`.
pub const TEN: &str = "tests/fixtures/ten_statements";

/// [`run`] with the ten-statement set as the content folder.
pub fn run_ten(data: &Path, args: &[&str], input: &str) -> Output {
    let mut all = vec!["--content", TEN];
    all.extend_from_slice(args);
    run(data, &all, input)
}

/// The global options `before`, then `quiz --plain --profile NAME --phase pre` and `after`: the
/// plain-mode pre-test most tests take.
pub fn plain_pre<'a>(before: &[&'a str], name: &'a str, after: &[&'a str]) -> Vec<&'a str> {
    let quiz = ["quiz", "--plain", "--profile", name, "--phase", "pre"];
    [before, &quiz, after].concat()
}

/// Asserts that `o` ended with `code` and said `message` on standard error.
#[track_caller]
pub fn fails_saying(o: &Output, code: i32, message: &str) {
    let err = text(&o.stderr);
    assert_eq!(o.status.code(), Some(code), "{}", both(o));
    assert!(err.contains(message), "wanted “{message}” in: {err}");
}

/// Writes `csv` to `data/NAME` and runs `pijat sheets import` on it into the class `class` (made
/// when new, everyone on the sheet joining it), `args` after.
pub fn import_sheet(data: &Path, name: &str, csv: &[u8], class: &str, args: &[&str]) -> Output {
    let file = data.join(name);
    std::fs::write(&file, csv).unwrap();
    let path = file.to_str().unwrap();
    run(data, &[&sheets_import(path, class)[..], args].concat(), "")
}

/// `sheets import PATH --class CLASS --new-class --add-new`: a sheet into a class made when new,
/// everyone on it joining.
pub fn sheets_import<'a>(path: &'a str, class: &'a str) -> [&'a str; 7] {
    [
        "sheets",
        "import",
        path,
        "--class",
        class,
        "--new-class",
        "--add-new",
    ]
}

/// How many knowledge post-tests the data file in `data` holds for `name`.
pub fn post_tests_of(data: &Path, name: &str) -> usize {
    let store = pijat_store::Store::open(data).unwrap();
    let p = store.profile_by_name(name).unwrap().unwrap();
    let post = store.attempts_at(&p.id, "knowledge", pijat_core::Phase::Post);
    post.unwrap().len()
}

/// An answer-sheet row of B/S (`key`) with its first `n` answers turned wrong.
pub fn turn_wrong(key: &str, n: usize) -> String {
    let turn = |c: char| if c == 'B' { 'S' } else { 'B' };
    key.chars()
        .enumerate()
        .map(|(i, c)| if i < n { turn(c) } else { c })
        .collect()
}

/// The header of a home-visit sheet with the outcome's columns, as the paper form lists them.
pub const VISIT_SHEET_HEADER: &str = "nama,tanggal,asi_lancar,nyaman,pijat_per_hari,catatan,asi,air_putih,susu_formula,susu_lain,minuman_lain,makanan,obat,bahaya_ibu,bahaya_bayi,dirujuk_ke";
