//! The cadres' forms from the class screen: `f` serves them, the screen shows the QR code for
//! ODK Collect when the window has room and the address, user and password always, lists what
//! arrives from the phones, and Enter stops the server.

use super::*;
use common::collect::{Collect, filled};

#[test]
fn f_serves_the_forms_shows_how_to_set_up_collect_and_lists_what_arrives() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = class_of_three(dir.path());
    a.serve = Some(&pijat_web::Web);
    key(&mut a, Char('f'));
    assert!(
        matches!(a.top(), Screen::Forms(_)),
        "{}",
        render(&a, 80, 24)
    );
    let class = Store::open(dir.path())
        .unwrap()
        .class_by_name("Posyandu Melati")
        .unwrap()
        .unwrap();
    let small = render(&a, 80, 24);
    let url = small
        .split_whitespace()
        .find(|w| w.starts_with("http://"))
        .unwrap()
        .to_string();
    let password = small.split("Password: ").nth(1).unwrap()[..8].to_string();
    for want in [
        "Forms on cadres' phones (ODK Collect): Posyandu Melati",
        "User: kader",
        "Manually enter project details",
        "Nothing has arrived yet.",
        "Enter stop the form server",
    ] {
        assert!(small.contains(want), "{want}:\n{small}");
    }
    assert!(
        !small.contains('▀'),
        "no QR code squeezed into 80×24:\n{small}"
    );
    let big = render(&a, 120, 30);
    let qr_rows = big
        .lines()
        .filter(|l| l.contains('█') || l.contains('▀'))
        .count();
    assert!(
        qr_rows >= 20,
        "the QR code at 120×30 (a Windows console's size):\n{big}"
    );
    assert!(
        big.contains("Configure with QR code") && big.contains(&password),
        "{big}"
    );
    drop(class);
    // The code on screen, read back as a phone's camera would, sets Collect up.
    let scanned = common::qr::read(&big, 60).expect("the QR code on screen reads back");
    let settings = collect_settings::Settings::decode(&scanned).unwrap();
    assert_eq!(
        settings.general.server_url.as_deref(),
        Some(url.trim_end_matches('/'))
    );
    assert_eq!(settings.general.username.as_deref(), Some("kader"));
    assert_eq!(
        settings.general.password.as_deref(),
        Some(password.as_str())
    );

    let addr = url
        .trim_start_matches("http://")
        .trim_end_matches('/')
        .parse()
        .unwrap();
    let mut phone = Collect::new(addr, "kader", &password);
    let form = phone.get("/forms/pijat_visit.xml").body;
    let budi = Store::open(dir.path())
        .unwrap()
        .profile_by_name("Budi Santoso")
        .unwrap()
        .unwrap()
        .id;
    let mut answers: Vec<(&str, &str)> = vec![
        ("family", &budi),
        ("date", "2026-12-01"),
        ("milk_flow", "no"),
        ("comfort", "2"),
        ("danger_mother", "no"),
        ("danger_baby", "no"),
    ];
    for f in [
        "fed_breast_milk",
        "fed_water",
        "fed_formula",
        "fed_other_milk",
        "fed_drinks",
        "fed_food",
        "fed_medicine",
    ] {
        answers.push((f, "unknown"));
    }
    let xml = filled(&form, &answers, "0b5d6f3a-1c2e-4f70-9a8b-7c6d5e4f3a21");
    assert_eq!(phone.submit(&xml).status, 201);
    a.update(Msg::Tick(
        Instant::now() + std::time::Duration::from_secs(1),
    ));
    let arrived = render(&a, 80, 24);
    assert!(
        arrived.contains("Saved: visit to Budi Santoso, 2026-12-01."),
        "{arrived}"
    );
    a.lang = Lang::id();
    assert!(render(&a, 80, 24).contains("Tersimpan: kunjungan ke Budi Santoso"));
    a.lang = Lang::en();

    key(&mut a, Enter);
    assert!(matches!(a.top(), Screen::Class(_)));
    assert!(
        render(&a, 80, 24).contains("forms saved: 1"),
        "{}",
        render(&a, 80, 24)
    );
    let gone = std::net::TcpStream::connect(addr);
    assert!(gone.is_err(), "the server stopped with the screen");
}
