//! Tests of `tui_trainer.rs`, part 3.

use super::*;

#[test]
fn projector_mode_shows_one_big_item_at_a_time_reads_it_and_ends_at_the_grid() {
    use pijat_tui::app::Effect;
    let dir = tempfile::tempdir().unwrap();
    let mut a = class_of_three(dir.path());
    key(&mut a, Char('d'));
    key(&mut a, Enter); // the pre-test
    assert!(matches!(a.top(), Screen::Projector(_)));
    snap_sizes(&mut a, "projector_item", &[(80, 24), (160, 48)]);
    let shown = render(&a, 80, 24);
    assert!(
        !shown.contains("True") && !shown.contains("False"),
        "no answers: {shown}"
    );
    // `r` reads the item aloud, in the interface's language.
    a.take_effects();
    key(&mut a, Char('r'));
    let said = a.take_effects();
    assert!(
        matches!(&said[..], [Effect::Say { text, lang }] if text.starts_with("Question 1. ") && text.ends_with("True or false?") && lang == "en"),
        "{said:?}"
    );
    // With auto read on (kept as a setting), each item is read as it is shown.
    key(&mut a, Char('a'));
    a.take_effects();
    key(&mut a, KeyCode::Right);
    let said = a.take_effects();
    assert!(
        matches!(&said[..], [Effect::Say { text, .. }] if text.starts_with("Question 2. ")),
        "{said:?}"
    );
    let store = Store::open(dir.path()).unwrap();
    assert_eq!(store.setting("auto_read").unwrap().as_deref(), Some("on"));
    key(&mut a, KeyCode::Left);
    for _ in 0..10 {
        key(&mut a, KeyCode::Right);
    }
    snap_sizes(&mut a, "projector_end", &[(80, 24)]);
    key(&mut a, Enter);
    assert!(matches!(a.top(), Screen::Grid(_)), "the answer-sheet grid");
}

#[test]
fn the_right_pin_during_a_wait_is_told_to_wait_not_that_it_is_wrong() {
    let dir = tempfile::tempdir().unwrap();
    drop(trainer(dir.path()));
    let mut a = app(dir.path());
    key(&mut a, Esc);
    keys(&mut a, &[Down, Enter]);
    for _ in 0..2 {
        typed(&mut a, "1111");
        key(&mut a, Enter);
    }
    typed(&mut a, "2468");
    key(&mut a, Enter);
    let screen = render(&a, 80, 24);
    assert!(matches!(a.top(), Screen::Pin(_)), "still waiting");
    assert!(
        screen.contains("this PIN was not checked") && !screen.contains("Wrong PIN"),
        "{screen}"
    );
}

#[test]
fn the_trainer_opens_the_answers_and_explanations_for_the_class_after_the_post_test() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = class_of_three(dir.path());
    // Nobody has taken the post-test: the key is shown only after a question.
    key(&mut a, Char('b'));
    let asked = render(&a, 80, 24);
    assert!(
        asked.contains("3 participants have not taken the post-test yet"),
        "{asked}"
    );
    key(&mut a, Char('n'));
    assert!(matches!(a.top(), Screen::Class(_)));
    key(&mut a, Char('b'));
    key(&mut a, Char('y'));
    assert!(matches!(a.top(), Screen::Review(_)));
    let quiz = a.content.prepost_quiz().unwrap();
    let screen = render(&a, 80, 24);
    assert!(screen.contains("Answers and explanations"), "{screen}");
    assert!(screen.contains("Do not show it before every"), "{screen}");
    let first = quiz.questions[0].prompt.get(&Lang::en());
    let start: String = first.chars().take(40).collect();
    assert!(screen.contains(&start), "{screen}");
    assert!(
        screen.contains("✓ "),
        "the right answer is marked: {screen}"
    );
    snap(&mut a, "review");
    key(&mut a, Esc);
    assert!(matches!(a.top(), Screen::Class(_)));
}

#[test]
fn a_phone_test_from_the_class_screen_shows_the_qr_code_and_follows_the_phones_live() {
    use common::http::Phone;
    let dir = tempfile::tempdir().unwrap();
    let mut a = class_of_three(dir.path());
    a.serve = Some(&pijat_web::Web);
    keys(&mut a, &[Char('h'), Enter]);
    assert!(matches!(a.top(), Screen::Phones(_)));
    let screen = render(&a, 80, 24);
    for want in [
        "Test on phones · Posyandu Melati · Pre-test",
        "Scan the QR code or open:",
        "Class code:",
        "Budi Santoso",
        "0/10",
    ] {
        assert!(screen.contains(want), "{want}:\n{screen}");
    }
    let qr_rows = screen
        .lines()
        .filter(|l| l.contains('█') || l.contains('▀'))
        .count();
    assert!(
        (13..=15).contains(&qr_rows),
        "the QR code fits at 80×24:\n{screen}"
    );
    let (addr, code) = address_and_code(&screen);
    assert_eq!(
        common::qr::read(&screen, 32),
        Some(format!("http://{addr}/")),
        "the QR code on screen reads back as the address:\n{screen}"
    );

    let p = Phone::open(addr);
    p.code(&code);
    let r = p.join(0);
    assert_eq!(r.json()["name"], "Budi Santoso", "{r:?}");
    p.answer(r.json()["question"]["position"].as_u64().unwrap(), "b");
    a.update(Msg::Tick(
        Instant::now() + std::time::Duration::from_secs(1),
    ));
    let live = render(&a, 80, 24);
    let budi = live.lines().find(|l| l.contains("Budi Santoso")).unwrap();
    assert!(budi.contains('✓') && budi.contains("1/10"), "{live}");
    a.lang = Lang::id();
    assert!(render(&a, 80, 24).contains("Pindai kode QR atau buka:"));
    a.lang = Lang::en();

    key(&mut a, Char('r'));
    let released = render(&a, 80, 24);
    assert!(released.contains("Budi Santoso released"), "{released}");
    assert_eq!(
        p.state().json()["step"],
        "name",
        "his phone holds nobody now"
    );
    key(&mut a, Enter);
    let asked = render(&a, 80, 24);
    assert!(
        asked.contains("3 participants are not done. End the test now?"),
        "{asked}"
    );
    key(&mut a, Char('n'));
    assert!(matches!(a.top(), Screen::Phones(_)));
    key(&mut a, Enter);
    key(&mut a, Char('y'));
    assert!(matches!(a.top(), Screen::Class(_)));
    assert!(render(&a, 80, 24).contains("The phone test is over: 0 participants finished."));
    assert!(
        std::net::TcpStream::connect(addr).is_err(),
        "the server stopped"
    );
}

/// The trainer's screens keep up: a participant who left the group test at 4/10 is shown "in
/// progress 4/10", not "waiting"; results saved by the command line or another window appear
/// on the open class screen within seconds.
#[test]
fn the_class_and_group_test_screens_show_what_is_saved_meanwhile() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = class_of_three(dir.path());
    keys(&mut a, &[Char('t'), Enter]);
    key(&mut a, Enter);
    common::app::answer_n(&mut a, 4, 't');
    // Budi leaves his turn for now (Esc, yes).
    keys(&mut a, &[Esc, Char('y')]);
    assert!(matches!(a.top(), Screen::HotSeat(_)));
    let hotseat = render(&a, 80, 24);
    assert!(
        hotseat
            .lines()
            .any(|l| l.contains("Budi Santoso") && l.contains("in progress 4/10")),
        "{hotseat}"
    );
    key(&mut a, Esc);
    typed(&mut a, "2468");
    key(&mut a, Enter);
    assert!(matches!(a.top(), Screen::Class(_)));
    let before = render(&a, 80, 24);
    assert!(before.contains("Still to take the pre-test: 3"), "{before}");
    // Siti's paper sheet is typed in at the command line while the class screen is open.
    let key_row = common::app::key_row_of(common::app::content_ten());
    let sheet = dir.path().join("siti.csv");
    std::fs::write(
        &sheet,
        format!("nama,peran,jawaban\nSiti Aminah,kader,{key_row}\n"),
    )
    .unwrap();
    let o = common::cli::run_ten(
        dir.path(),
        &[
            "sheets",
            "import",
            sheet.to_str().unwrap(),
            "--class",
            "Posyandu Melati",
            "--phase",
            "pre",
        ],
        "",
    );
    assert!(o.status.success(), "{}", common::cli::both(&o));
    let wake = a
        .next_wake()
        .expect("the class screen reads the results again");
    a.update(Msg::Tick(wake));
    let after = render(&a, 80, 24);
    assert!(after.contains("Still to take the pre-test: 2"), "{after}");
}

#[test]
fn a_name_typed_on_a_phone_waits_on_the_live_screen_until_the_trainer_says_yes_or_no() {
    use common::http::Phone;
    let dir = tempfile::tempdir().unwrap();
    let mut a = class_of_three(dir.path());
    a.serve = Some(&pijat_web::Web);
    keys(&mut a, &[Char('h'), Enter, Char('n')]);
    let screen = render(&a, 80, 24);
    let (addr, code) = address_and_code(&screen);
    // Each tick later than the last, so the screen reads the room again.
    let tick = |a: &mut App, s: u64| {
        a.update(Msg::Tick(
            Instant::now() + std::time::Duration::from_secs(s),
        ))
    };

    let joko = Phone::open(addr);
    joko.code(&code);
    assert_eq!(
        joko.post("/api/join", "{\"name\":\"Joko Susilo\"}").json()["step"],
        "asked"
    );
    tick(&mut a, 2);
    let asked = render(&a, 80, 24);
    assert!(
        asked.contains("New name from a phone: Joko Susilo (a accept ·")
            && asked.contains("x refuse)"),
        "{asked}"
    );
    key(&mut a, Char('a'));
    let accepted = render(&a, 80, 24);
    assert!(
        accepted.contains("Joko Susilo accepted into the class."),
        "{accepted}"
    );
    assert!(
        accepted
            .lines()
            .any(|l| l.contains("Joko Susilo") && l.contains('✓')),
        "{accepted}"
    );
    assert_eq!(joko.state().json()["name"], "Joko Susilo");

    let other = Phone::open(addr);
    other.code(&code);
    other.post("/api/join", "{\"name\":\"Orang Lain\"}");
    tick(&mut a, 4);
    key(&mut a, Char('x'));
    let refused = render(&a, 80, 24);
    assert!(refused.contains("Orang Lain refused."), "{refused}");
    assert!(!refused.contains("New name from a phone"), "{refused}");
    assert_eq!(other.state().json()["step"], "name");
    a.lang = Lang::id();
    other.post("/api/join", "{\"name\":\"Orang Lain\"}");
    tick(&mut a, 6);
    let id = render(&a, 80, 24);
    assert!(
        id.contains("Nama baru dari HP: Orang Lain (a terima · x tolak)")
            || id.contains("Nama baru dari HP: Orang Lain (a terima ·"),
        "{id}"
    );
}

/// The server's address and the class code, as the trainer's screen shows them.
fn address_and_code(screen: &str) -> (std::net::SocketAddr, String) {
    let url = screen
        .split_whitespace()
        .find(|w| w.starts_with("http://"))
        .unwrap();
    let addr = url[7..].trim_end_matches('/').parse().unwrap();
    let code = screen.split("Class code: ").nth(1).unwrap()[..6].to_string();
    (addr, code)
}
