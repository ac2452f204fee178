//! End to end in headless Chromium at 360×640: a father joins with the code, answers, reloads in
//! the middle, goes on at the same question, finishes; the data file holds exactly his answers.
//! Skips (saying why) without chromium and chromedriver, unless PIJAT_REQUIRE_ALL=1 (then fails).
//! With PIJAT_SCREENSHOTS=DIR it leaves PNGs of each step there.

mod common;

use common::classroom::{class_with, saved, serve};
use common::webdriver::{Browser, missing};
use pijat_app::classroom::Serve;
use pijat_core::Phase;

fn available() -> bool {
    match missing() {
        None => true,
        Some(why) => {
            common::skip::skip(&why);
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
    b.wait_for("Kode kelas: 6 angka dari pelatih");
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
    let total = common::app::prepost_len();
    b.wait_for(&format!("Soal 1 dari {total}"));
    shot(&b, "3-question-id");

    // A statement is answered with its word; a single-choice item with its first option.
    let mut clicked: Vec<Option<&str>> = Vec::new();
    for i in 1..=total {
        if i == 4 {
            // Mid-test: the page is reloaded (a tap on reload, a dropped connection).
            b.reload();
        }
        b.wait_for(&format!("Soal {i} dari {total}"));
        let statement = b.script("return current.question.kind === 'true_false'") == true;
        let word = if i % 3 == 0 { "Salah" } else { "Benar" };
        if statement {
            b.click(word);
        } else {
            b.script("document.querySelector('#choices button').click(); return true");
        }
        if i == 5 {
            b.click("English");
            b.wait_for(&format!("Question 5 of {total}"));
            shot(&b, "4-question-en");
            b.click("Bahasa Indonesia");
        }
        b.click("Jawab");
        clicked.push(statement.then_some(if word == "Benar" { "true" } else { "false" }));
        if i < total {
            b.wait_for(&format!("Soal {} dari {total}", i + 1));
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
        got.len(),
        clicked.len(),
        "one answer a question, none twice"
    );
    for (g, c) in got.iter().zip(&clicked) {
        if let Some(c) = c {
            assert_eq!(g, c, "exactly the answers given, in order: {got:?}");
        }
    }
}

#[test]
fn order_and_multiple_choice_by_taps_a_lost_connection_says_not_saved_and_the_post_test_shows_the_score()
 {
    if !available() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    class_with(dir.path(), "Posyandu Melati", &["Budi"]);
    let content = common::classroom::mixed_content();
    let mut s = common::classroom::serve_set(
        dir.path(),
        "Posyandu Melati",
        Phase::Post,
        false,
        content,
        Some("mixed"),
    );
    let b = Browser::phone();
    b.go(&format!("http://{}/", s.addr));
    b.click("English");
    b.wait_for("Class code: 6 digits from the trainer");
    b.type_into("Class code", s.room.code());
    b.click("Enter");
    b.click("Budi");
    // Order: tapped in the right order, whatever order they are shown in.
    b.wait_for("Question 1 of 4");
    b.wait_for("Tap the steps in the right order.");
    for step in ["One", "Two", "Three", "Four"] {
        b.click(step);
    }
    b.wait_for("4. Four");
    shot(&b, "6-order-en");
    b.click("Answer");
    b.wait_for("Question 2 of 4");
    b.click("Sitting, leaning");
    b.click("Answer");
    b.wait_for("Question 3 of 4");
    b.click("Tingling");
    b.click("Milk drips");
    b.click("Answer");
    b.wait_for("Question 4 of 4");
    // The laptop drops off the network while he answers: the page never says "saved".
    s.stop();
    b.click("True");
    b.click("Answer");
    b.wait_for("NOT saved yet. Trying again");
    shot(&b, "7-not-saved-en");
    assert!(!b.text().contains("Answer saved."), "{}", b.text());
    // Back on the network (same address): the page sends it again by itself.
    let server = pijat_web::Web
        .start(s.room.clone(), &pijat_app::classroom::Listen::At(s.addr))
        .unwrap();
    b.wait_for("Your score:");
    b.wait_for("4 of 4 right");
    shot(&b, "8-score-en");
    server.stop();
    let got: Vec<String> = saved(dir.path(), "Budi")[0]
        .3
        .iter()
        .map(|(_, a)| a.clone())
        .collect();
    assert_eq!(got, ["1,2,3,4", "2", "1,3", "true"]);
}

#[test]
fn a_name_typed_on_the_phone_waits_for_the_trainer_and_the_page_goes_on_by_itself() {
    if !available() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    class_with(dir.path(), "Posyandu Melati", &["Budi"]);
    let s = serve(dir.path(), "Posyandu Melati", Phase::Pre, true);
    let b = Browser::phone();
    b.go(&format!("http://{}/", s.addr));
    // The style comes from its own file under a policy that allows nothing inline.
    assert_eq!(
        b.script("return getComputedStyle(document.querySelector('header button')).borderRadius"),
        serde_json::json!("10px")
    );
    b.type_into("Kode kelas", s.room.code());
    b.click("Masuk");
    b.wait_for("Nama Anda tidak ada? Tulis nama Anda");
    b.type_into("Nama Anda tidak ada? Tulis nama Anda", "Joko Susilo");
    b.click("Tambahkan nama saya");
    b.wait_for("Pelatih akan memeriksa nama Anda di laptop: Joko Susilo.");
    shot(&b, "9-asked-id");
    assert_eq!(s.room.asked(), ["Joko Susilo"]);
    s.room.accept("Joko Susilo").unwrap();
    b.wait_for("Soal 1 dari");
    assert!(b.text().contains("Joko Susilo"), "{}", b.text());
}
