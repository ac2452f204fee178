//! The phone classroom against a stranger on the hotspot: no token or another's, steps
//! skipped, a token after the end, oversized and malformed bodies, invalid and repeated
//! answers, a foreign `Host`, guessed codes. Each test serves its own class on loopback.

mod common;

use common::classroom::{CLASS, class_with, joined, n_of, position, room, saved, serve};
use common::http::{Phone, next_address, raw, request};
use pijat_core::Phase;

#[test]
fn without_a_token_or_with_a_made_up_one_every_call_is_refused() {
    let (_dir, s) = room(&["Budi"], Phase::Pre, false);
    let strangers = [
        Phone::stranger(s.addr),
        Phone {
            cookie: Some(format!("pijat_device={}", "a".repeat(32))),
            ..Phone::stranger(s.addr)
        },
        Phone {
            cookie: Some("pijat_device=../../etc/passwd".into()),
            ..Phone::stranger(s.addr)
        },
    ];
    for p in &strangers {
        for r in [
            p.state(),
            p.code(s.room.code()),
            p.join(0),
            p.answer(0, "b"),
        ] {
            assert_eq!(
                (r.status, r.error().as_str()),
                (401, "unknown_device"),
                "{r:?}"
            );
            assert!(
                r.json()["message"]["id"]
                    .as_str()
                    .unwrap()
                    .contains("Muat ulang")
            );
        }
    }
}

#[test]
fn the_steps_cannot_be_skipped() {
    let (_dir, s) = room(&["Budi"], Phase::Pre, false);
    let p = Phone::open(s.addr);
    assert_eq!(p.join(0).error(), "code_first");
    assert_eq!(p.answer(0, "b").error(), "code_first");
    p.code(s.room.code());
    assert_eq!(p.answer(0, "b").error(), "name_first");
    assert_eq!(p.join(7).error(), "no_such_name");
}

#[test]
fn another_phone_cannot_take_a_father_until_the_trainer_releases_him_and_then_resumes_his_attempt()
{
    let (dir, s) = room(&["Budi", "Agus"], Phase::Pre, false);
    let (budi, agus) = (n_of(&s, "Budi"), n_of(&s, "Agus"));
    let a = joined(&s, budi);
    let first = a.state();
    let r = a.answer(position(&first), "b");
    assert_eq!(r.json()["question"]["answered"], 1);

    let b = Phone::open(s.addr);
    b.code(s.room.code());
    let st = b.state().json();
    assert_eq!(st["roster"][budi]["status"], "busy");
    let taken = b.join(budi);
    assert_eq!(
        (taken.status, taken.error().as_str()),
        (409, "name_busy"),
        "{taken:?}"
    );
    assert!(!taken.body.contains("question"), "{taken:?}");
    assert_eq!(b.answer(position(&r), "b").error(), "name_first");

    assert!(!s.room.release(agus), "Agus was on no phone");
    assert!(s.room.release(budi));
    assert_eq!(a.answer(position(&r), "b").error(), "name_first");
    let resumed = b.join(budi);
    assert_eq!(resumed.json()["question"]["answered"], 1, "{resumed:?}");
    assert_eq!(position(&resumed), position(&r), "the same next question");
    assert_eq!(saved(dir.path(), "Budi").len(), 1, "one attempt");
    let other = b.join(agus);
    assert_eq!(other.error(), "already_joined");
}

#[test]
fn after_the_test_ended_a_token_gets_nothing_more() {
    let (dir, s) = room(&["Budi"], Phase::Pre, false);
    let p = joined(&s, 0);
    let r = p.state();
    s.room.end();
    for r in [
        p.state(),
        p.answer(position(&r), "b"),
        p.code(s.room.code()),
        p.join(0),
    ] {
        assert_eq!((r.status, r.error().as_str()), (410, "ended"), "{r:?}");
    }
    assert!(saved(dir.path(), "Budi")[0].3.is_empty());
}

#[test]
fn oversized_malformed_and_mistyped_bodies_get_a_clear_bilingual_refusal() {
    let (_dir, s) = room(&["Budi"], Phase::Pre, false);
    let p = joined(&s, 0);
    let big = format!("{{\"position\":0,\"answer\":\"{}\"}}", "b".repeat(5000));
    let r = p.post("/api/answer", &big);
    assert_eq!((r.status, r.error().as_str()), (413, "too_big"), "{r:?}");
    for body in [
        "{",
        "[]",
        "{\"position\":-1,\"answer\":\"b\"}",
        "{\"position\":0}",
        "{\"position\":0,\"answer\":\"b\",\"right\":true}",
        "\u{0}\u{1}",
    ] {
        let r = p.post("/api/answer", body);
        assert_eq!(
            (r.status, r.error().as_str()),
            (400, "bad_request"),
            "{body}: {r:?}"
        );
        let m = r.json()["message"].clone();
        assert!(
            m["id"]
                .as_str()
                .unwrap()
                .starts_with("Permintaan tidak bisa dibaca"),
            "{m}"
        );
        assert!(
            m["en"]
                .as_str()
                .unwrap()
                .starts_with("The request could not be read"),
            "{m}"
        );
    }
    let cookie = p.cookie.clone().unwrap();
    let form = request(
        s.addr,
        next_address(),
        "POST",
        "/api/code",
        None,
        &[
            ("Cookie", &cookie),
            ("Content-Type", "application/x-www-form-urlencoded"),
        ],
        "code=1234",
    );
    assert_eq!(
        form.status, 400,
        "a form from another site is not JSON: {form:?}"
    );
    let both = p.post("/api/join", "{\"n\":0,\"name\":\"X\"}");
    assert_eq!(both.status, 400);
    // A body shorter than it says: that connection waits; the others are served.
    let lie = format!(
        "POST /api/code HTTP/1.1\r\nHost: {}\r\nCookie: {cookie}\r\nContent-Type: application/json\r\nContent-Length: 900\r\nConnection: close\r\n\r\n{{",
        s.addr
    );
    let mut slow = std::net::TcpStream::connect(s.addr).unwrap();
    std::io::Write::write_all(&mut slow, lie.as_bytes()).unwrap();
    assert_eq!(
        p.state().status,
        200,
        "still serving while a body is slow to come"
    );
    drop(slow);
    assert_eq!(p.state().status, 200, "still serving");
}

#[test]
fn invalid_stale_and_repeated_answers_are_refused_or_recognised_never_saved_twice() {
    let (dir, s) = room(&["Budi"], Phase::Pre, false);
    let p = joined(&s, 0);
    let state = p.state();
    let first = position(&state);
    for bad in ["x", "9", "benar salah", ""] {
        let r = p.answer(first, bad);
        assert_eq!(
            (r.status, r.error().as_str()),
            (422, "bad_answer"),
            "{bad}: {r:?}"
        );
    }
    assert_eq!(p.answer(first, "-").error(), "choose_first");
    // A statement or a single-choice item comes first (the order is mixed): one answer, then
    // another choice for the same question.
    let (one, other) = if state.json()["question"]["kind"] == "true_false" {
        ("b", "s")
    } else {
        ("a", "b")
    };
    let r = p.answer(first, one);
    let next = position(&r);
    let given = saved(dir.path(), "Budi")[0].3.clone();
    let stale = p.answer(next + 3, one);
    assert_eq!((stale.status, stale.error().as_str()), (409, "stale"));
    // The reply to the first answer was lost: the phone sends it again, with another choice.
    let again = p.answer(first, other);
    assert_eq!(again.status, 200);
    assert_eq!(position(&again), next);
    let answers = &saved(dir.path(), "Budi")[0].3;
    assert_eq!(answers.len(), 1, "{answers:?}");
    assert_eq!(answers, &given, "the first answer stands");
    assert_eq!(p.answer(u64::MAX, "b").status, 409);
}

#[test]
fn a_foreign_or_missing_host_is_refused_on_every_route_and_localhost_is_welcome() {
    let (_dir, s) = room(&["Budi"], Phase::Pre, false);
    for path in ["/", "/api/state", "/nowhere"] {
        for host in ["evil.example:80", "192.168.1.66", "pijat.local"] {
            let r = request(s.addr, next_address(), "GET", path, Some(host), &[], "");
            assert_eq!(
                (r.status, r.error().as_str()),
                (421, "foreign_host"),
                "{host}{path}: {r:?}"
            );
            assert!(r.header("set-cookie").is_none());
        }
    }
    let r = request(
        s.addr,
        next_address(),
        "POST",
        "/api/code",
        Some("attacker.test"),
        &[("Content-Type", "application/json")],
        "{\"code\":\"0000\"}",
    );
    assert_eq!(r.status, 421);
    let no_host = raw(s.addr, b"GET / HTTP/1.0\r\n\r\n");
    assert_eq!(no_host.status, 421, "{no_host:?}");
    let local = request(
        s.addr,
        next_address(),
        "GET",
        "/",
        Some(&format!("localhost:{}", s.addr.port())),
        &[],
        "",
    );
    assert_eq!(local.status, 200);
}

#[test]
fn wrong_codes_are_limited_per_phone_and_the_code_is_new_for_every_test() {
    let dir = tempfile::tempdir().unwrap();
    class_with(dir.path(), CLASS, &["Budi"]);
    let s = serve(dir.path(), CLASS, Phase::Pre, false);
    let code = s.room.code().to_string();
    let wrong = if code == "000000" { "111111" } else { "000000" };
    let p = Phone::open(s.addr);
    for left in (0..5).rev() {
        let r = p.code(wrong);
        assert_eq!((r.status, r.error().as_str()), (403, "wrong_code"));
        assert!(
            r.json()["message"]["en"]
                .as_str()
                .unwrap()
                .ends_with(&format!("Tries left: {left}."))
        );
    }
    let r = p.code(&code);
    assert_eq!(
        (r.status, r.error().as_str()),
        (429, "too_many_tries"),
        "even the right code waits"
    );
    assert!(
        r.json()["message"]["id"]
            .as_str()
            .unwrap()
            .contains("Tunggu")
    );
    assert_eq!(
        Phone::open(s.addr).code(&code).status,
        200,
        "another phone is not blocked"
    );
    let codes: std::collections::HashSet<String> = (0..8)
        .map(|_| {
            serve(dir.path(), CLASS, Phase::Pre, false)
                .room
                .code()
                .to_string()
        })
        .collect();
    assert!(codes.len() > 1, "{codes:?}");
}

#[test]
fn on_a_full_disk_an_answer_is_said_not_saved_and_never_counted_until_it_is() {
    let Some(tiny) = common::tiny::Tiny::mount(800) else {
        return;
    };
    let data = tiny.0.path().join("data");
    class_with(&data, CLASS, &["Budi"]);
    let s = serve(&data, CLASS, Phase::Pre, false);
    let p = joined(&s, 0);
    let first = p.state();
    let mut r = p.answer(position(&first), &common::classroom::token(&first, "b"));
    assert_eq!(r.status, 200);
    let mut filler = std::fs::File::create(tiny.0.path().join("filler")).unwrap();
    let block = vec![0u8; 4096];
    while std::io::Write::write_all(&mut filler, &block).is_ok() {}
    drop(filler);
    let (mut told_saved, mut refused) = (1, 0);
    while r.json()["step"] == "question" && refused == 0 {
        let next = p.answer(position(&r), &common::classroom::token(&r, "s"));
        match next.status {
            200 => {
                told_saved += 1;
                r = next;
            }
            503 => {
                assert_eq!(next.error(), "not_saved", "{next:?}");
                assert!(
                    next.json()["message"]["id"]
                        .as_str()
                        .unwrap()
                        .contains("Jawaban belum tersimpan")
                );
                refused += 1;
            }
            other => panic!("{other}: {next:?}"),
        }
    }
    assert_eq!(refused, 1, "the full disk refused an answer");
    assert_eq!(
        s.room.live()[0].answered,
        told_saved,
        "the table counts only what was saved"
    );
    std::fs::remove_file(tiny.0.path().join("filler")).unwrap();
    let again = p.answer(position(&r), &common::classroom::token(&r, "s"));
    assert_eq!(again.status, 200, "saved once there is room: {again:?}");
    drop(s);
    let answers = &saved(&data, "Budi")[0].3;
    assert_eq!(
        answers.len(),
        told_saved + 1,
        "exactly what the phone was told was saved"
    );
}
