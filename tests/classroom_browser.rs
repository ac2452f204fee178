//! End to end in headless Chromium at 360×640: a father joins with the code, answers, reloads in
//! the middle, goes on at the same question, finishes; the data file holds exactly his answers.
//! Skips (saying why) without chromium and chromedriver, unless PIJAT_REQUIRE_CHROMIUM=1.
//! With PIJAT_SCREENSHOTS=DIR it leaves PNGs of each step there.

mod common;

use common::classroom::{class_with, saved, serve};
use common::webdriver::{Browser, missing};
use pijat::core::Phase;

fn available() -> bool {
    match missing() {
        None => true,
        Some(why) if std::env::var_os("PIJAT_REQUIRE_CHROMIUM").is_some() => {
            panic!("PIJAT_REQUIRE_CHROMIUM is set but {why}")
        }
        Some(why) => {
            eprintln!("skipped: {why}");
            false
        }
    }
}

fn shot(b: &Browser, name: &str) {
    if let Some(dir) = std::env::var_os("PIJAT_SCREENSHOTS") {
        let png = b.screenshot();
        assert!(png.starts_with(b"\x89PNG"), "a PNG");
        std::fs::write(std::path::Path::new(&dir).join(format!("{name}.png")), png).unwrap();
    }
}

#[test]
fn a_phone_joins_answers_reloads_resumes_and_finishes_and_exactly_its_answers_are_saved() {
    if !available() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    class_with(
        dir.path(),
        "Posyandu Melati",
        &["Agus", "Budi Santoso", "Joko"],
    );
    let mut s = serve(dir.path(), "Posyandu Melati", Phase::Pre, false);
    let b = Browser::phone();
    b.go(&format!("http://{}/", s.addr));
    b.wait_for("Kode kelas: 4 angka dari pelatih");
    let width = b.script("return [window.innerWidth, document.documentElement.scrollWidth]");
    assert_eq!(
        width,
        serde_json::json!([360, 360]),
        "a phone's width, nothing wider"
    );
    shot(&b, "1-code-id");
    b.type_into("Kode kelas", s.room.code());
    b.click("Masuk");
    b.wait_for("Pilih nama Anda");
    shot(&b, "2-name-id");
    b.click("Budi Santoso");
    b.wait_for("Soal 1 dari 10");
    shot(&b, "3-question-id");

    let mut clicked = Vec::new();
    for i in 1..=10 {
        if i == 4 {
            // Mid-test: the page is reloaded (a tap on reload, a dropped connection).
            b.reload();
        }
        b.wait_for(&format!("Soal {i} dari 10"));
        let word = if i % 3 == 0 { "Salah" } else { "Benar" };
        b.click(word);
        if i == 5 {
            b.click("English");
            b.wait_for("Question 5 of 10");
            shot(&b, "4-question-en");
            b.click("Bahasa Indonesia");
        }
        b.click("Jawab");
        clicked.push(if word == "Benar" { "true" } else { "false" });
        if i < 10 {
            b.wait_for(&format!("Soal {} dari 10", i + 1));
        }
    }
    b.wait_for("Semua jawaban Anda tersimpan");
    shot(&b, "5-done-id");
    let text = b.text();
    assert!(
        !text.contains("Nilai Anda"),
        "no score after a pre-test: {text}"
    );
    s.stop();

    let rows = saved(dir.path(), "Budi Santoso");
    assert_eq!(rows.len(), 1);
    let (phase, mode, _, answers) = &rows[0];
    assert_eq!((phase.as_str(), mode.as_str()), ("pre", "phone"));
    let got: Vec<&str> = answers.iter().map(|(_, r)| r.as_str()).collect();
    assert_eq!(
        got, clicked,
        "exactly the answers given, in order, none twice"
    );
}
