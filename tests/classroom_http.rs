//! The phone classroom over HTTP: every route, with the input a stranger on the hotspot could
//! send. Each test serves its own class on loopback and checks what was saved.

mod common;

use common::classroom::{class_with, saved, serve};
use common::http::{Phone, raw, request};
use pijat::core::Phase;

const CLASS: &str = "Posyandu Melati";

fn room(
    names: &[&str],
    phase: Phase,
    new_names: bool,
) -> (tempfile::TempDir, common::classroom::Served) {
    let dir = tempfile::tempdir().unwrap();
    class_with(dir.path(), CLASS, names);
    let s = serve(dir.path(), CLASS, phase, new_names);
    (dir, s)
}

/// A phone let in with the code and holding participant `n`.
fn joined(s: &common::classroom::Served, n: usize) -> Phone {
    let p = Phone::open(s.addr);
    assert_eq!(p.code(s.room.code()).status, 200);
    let r = p.join(n);
    assert_eq!(r.status, 200, "{r:?}");
    p
}

/// Where `name` is on the roster (it is in alphabetical order).
fn n_of(s: &common::classroom::Served, name: &str) -> usize {
    s.room.live().iter().position(|r| r.name == name).unwrap()
}

fn position(r: &common::http::Reply) -> u64 {
    r.json()["question"]["position"].as_u64().unwrap()
}

#[test]
fn a_father_joins_with_the_code_answers_every_question_and_each_answer_is_saved_as_he_gave_it() {
    let (dir, mut s) = room(&["Budi", "Agus"], Phase::Pre, false);
    let p = Phone::open(s.addr);
    let cookie = p.cookie.clone().unwrap();
    assert!(cookie.starts_with("pijat_device="), "{cookie}");
    let set = Phone {
        cookie: None,
        ..p.clone()
    }
    .get("/");
    let flags = set.header("set-cookie").unwrap();
    assert!(
        flags.contains("HttpOnly") && flags.contains("SameSite=Strict"),
        "{flags}"
    );

    let st = p.state().json();
    assert_eq!(st["step"], "code");
    assert_eq!(st["class"], CLASS);
    assert!(st.get("roster").is_none(), "no names before the code: {st}");

    let r = p.code(s.room.code());
    assert_eq!(r.json()["step"], "name", "{r:?}");
    let roster = r.json()["roster"].clone();
    assert_eq!(roster[0]["name"], "Agus", "in alphabetical order");
    assert_eq!(roster[1]["name"], "Budi");
    assert_eq!(roster[1]["status"], "free");

    let mut r = p.join(n_of(&s, "Budi"));
    assert_eq!(r.json()["step"], "question", "{r:?}");
    let total = r.json()["question"]["total"].as_u64().unwrap();
    let mut given = Vec::new();
    for i in 0..total {
        let q = r.json()["question"].clone();
        assert_eq!(q["answered"].as_u64().unwrap(), i);
        assert_eq!(q["kind"], "true_false");
        assert!(q["prompt"]["id"].as_str().unwrap().len() > 10);
        let a = if i % 3 == 0 { "s" } else { "b" };
        given.push(a == "b");
        r = p.answer(q["position"].as_u64().unwrap(), a);
        assert_eq!(r.status, 200, "{r:?}");
    }
    let done = r.json();
    assert_eq!(done["step"], "done");
    assert!(done["score"].is_null(), "no score after a pre-test: {done}");
    s.stop();

    let rows = saved(dir.path(), "Budi");
    assert_eq!(rows.len(), 1, "one attempt");
    let (phase, mode, class, answers) = &rows[0];
    assert_eq!((phase.as_str(), mode.as_str()), ("pre", "phone"));
    assert!(class.is_some(), "the attempt carries the class");
    assert_eq!(answers.len() as u64, total);
    let trues = answers.iter().filter(|(_, r)| r == "true").count();
    assert_eq!(trues, given.iter().filter(|b| **b).count());
    assert!(saved(dir.path(), "Agus").is_empty());
}

#[test]
fn a_post_test_ends_with_his_own_score_and_no_reply_carries_the_key_or_explanations() {
    let (_dir, s) = room(&["Budi"], Phase::Post, false);
    let content = common::app::content();
    let quiz = content.prepost_quiz().unwrap();
    let p = Phone::open(s.addr);
    let mut bodies = vec![p.get("/").body, p.code(s.room.code()).body];
    let mut r = p.join(0);
    bodies.push(r.body.clone());
    while r.json()["step"] == "question" {
        r = p.answer(position(&r), "b");
        bodies.push(r.body.clone());
    }
    let score = &r.json()["score"];
    let right = quiz
        .questions
        .iter()
        .filter(|q| {
            matches!(
                q.kind,
                pijat::content::QuestionKind::TrueFalse { answer: true }
            )
        })
        .count();
    assert_eq!(score["right"].as_u64().unwrap() as usize, right, "{r:?}");
    assert_eq!(
        score["total"].as_u64().unwrap() as usize,
        quiz.questions.len()
    );
    for b in &bodies {
        for q in &quiz.questions {
            for lang in [pijat::content::Lang::id(), pijat::content::Lang::en()] {
                let e = q.explain.as_ref().unwrap().get(&lang);
                assert!(!b.contains(e), "an explanation was sent: {e}");
            }
        }
        for leak in [
            "\"correct\"",
            "\"right\":true",
            "\"answer\":",
            "\"explain\"",
        ] {
            assert!(!b.contains(leak), "{leak} in {b}");
        }
    }
}

#[test]
fn without_a_token_or_with_a_made_up_one_every_call_is_refused() {
    let (_dir, s) = room(&["Budi"], Phase::Pre, false);
    let strangers = [
        Phone {
            addr: s.addr,
            cookie: None,
        },
        Phone {
            addr: s.addr,
            cookie: Some(format!("pijat_device={}", "a".repeat(32))),
        },
        Phone {
            addr: s.addr,
            cookie: Some("pijat_device=../../etc/passwd".into()),
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
    let first = position(&p.state());
    for bad in ["x", "3", "benar salah", ""] {
        let r = p.answer(first, bad);
        assert_eq!(
            (r.status, r.error().as_str()),
            (422, "bad_answer"),
            "{bad}: {r:?}"
        );
    }
    assert_eq!(p.answer(first, "-").error(), "choose_first");
    let r = p.answer(first, "b");
    let next = position(&r);
    let stale = p.answer(next + 3, "b");
    assert_eq!((stale.status, stale.error().as_str()), (409, "stale"));
    // The reply to the first answer was lost: the phone sends it again, with another choice.
    let again = p.answer(first, "s");
    assert_eq!(again.status, 200);
    assert_eq!(position(&again), next);
    let answers = &saved(dir.path(), "Budi")[0].3;
    assert_eq!(answers.len(), 1, "{answers:?}");
    assert_eq!(answers[0].1, "true", "the first answer stands");
    assert_eq!(p.answer(u64::MAX, "b").status, 409);
}

#[test]
fn a_foreign_or_missing_host_is_refused_on_every_route_and_localhost_is_welcome() {
    let (_dir, s) = room(&["Budi"], Phase::Pre, false);
    for path in ["/", "/api/state", "/nowhere"] {
        for host in ["evil.example:80", "192.168.1.66", "pijat.local"] {
            let r = request(s.addr, "GET", path, Some(host), &[], "");
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
    let wrong = if code == "0000" { "1111" } else { "0000" };
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
fn a_father_who_took_the_test_already_is_told_and_cannot_take_it_twice() {
    let dir = tempfile::tempdir().unwrap();
    class_with(dir.path(), CLASS, &["Budi", "Agus"]);
    let content = common::app::content();
    let quiz = content.prepost_quiz().unwrap();
    let answers = "b\n".repeat(quiz.questions.len());
    let o = common::cli::run(
        dir.path(),
        &["quiz", "--plain", "--profile", "Budi", "--phase", "pre"],
        &answers,
    );
    assert!(o.status.success(), "{}", common::cli::both(&o));
    let s = serve(dir.path(), CLASS, Phase::Pre, false);
    let p = Phone::open(s.addr);
    let st = p.code(s.room.code()).json();
    let budi = n_of(&s, "Budi");
    assert_eq!(st["roster"][budi]["status"], "done");
    assert_eq!(st["roster"][1 - budi]["status"], "free");
    let r = p.join(budi);
    assert_eq!((r.status, r.error().as_str()), (409, "already_taken"));
    assert!(
        r.json()["message"]["id"]
            .as_str()
            .unwrap()
            .contains("Budi sudah mengerjakan")
    );
    assert_eq!(saved(dir.path(), "Budi").len(), 1);
    assert_eq!(s.room.live()[budi].answered, quiz.questions.len());
}

#[test]
fn names_typed_on_a_phone_join_the_class_only_when_the_trainer_allows_it() {
    let (dir, s) = room(&[], Phase::Pre, false);
    let p = Phone::open(s.addr);
    let st = p.code(s.room.code()).json();
    assert_eq!(st["new_names"], false);
    let r = p.post("/api/join", "{\"name\":\"Joko\"}");
    assert_eq!((r.status, r.error().as_str()), (403, "new_names_off"));
    s.room.set_new_names(true);
    let bad = p.post("/api/join", "{\"name\":\"\\u0007\"}");
    assert_eq!(
        (bad.status, bad.error().as_str()),
        (422, "bad_name"),
        "{bad:?}"
    );
    let r = p.post("/api/join", "{\"name\":\"  Joko  \"}");
    assert_eq!(r.json()["step"], "question", "{r:?}");
    assert_eq!(r.json()["name"], "Joko");
    let store = pijat::store::Store::open(dir.path()).unwrap();
    let class = store.class_by_name(CLASS).unwrap().unwrap();
    let members = store.members(&class.id).unwrap();
    assert_eq!(members.len(), 1);
    assert_eq!(members[0].name, "Joko");
}

#[test]
fn unknown_routes_and_methods_answer_in_both_languages_and_the_page_is_small_and_self_contained() {
    let (_dir, s) = room(&["Budi"], Phase::Pre, false);
    let p = Phone::open(s.addr);
    let r = p.get("/admin");
    assert_eq!((r.status, r.error().as_str()), (404, "not_found"));
    assert_eq!(r.json()["message"]["id"], "Alamat ini tidak ada.");
    assert_eq!(p.get("/api/answer").status, 405);
    let page = p.get("/");
    assert!(page.body.len() <= 50 * 1024, "{} bytes", page.body.len());
    for outside in ["src=\"http", "href=\"http", "@import", "url("] {
        assert!(!page.body.contains(outside), "{outside}");
    }
    let csp = page.header("content-security-policy").unwrap();
    assert!(
        csp.contains("default-src 'none'") && csp.contains("connect-src 'self'"),
        "{csp}"
    );
    assert_eq!(page.header("x-frame-options"), Some("DENY"));
    assert!(
        page.body.contains("Bahasa Indonesia") && page.body.contains("\"answer_button\":\"Jawab\"")
    );
}

/// A trainer's pre/post set with every kind of question, in file order.
const MIXED: &str = r#"format_version = 1
id = "mixed"
title = { id = "Tes campuran", en = "Mixed test" }
purpose = "prepost"
shuffle = false
pass_percent = 70

[[question]]
id = "steps"
module = "technique"
type = "order"
prompt = { id = "Urutkan langkahnya.", en = "Put the steps in order." }
options = [ { id = "Satu", en = "One" }, { id = "Dua", en = "Two" }, { id = "Tiga", en = "Three" }, { id = "Empat", en = "Four" } ]
explain = { id = "Satu dulu.", en = "One first." }
sources = ["S1"]

[[question]]
id = "position"
module = "technique"
type = "single"
prompt = { id = "Posisi ibu?", en = "The mother's position?" }
options = [ { id = "Berbaring", en = "Lying" }, { id = "Duduk condong", en = "Sitting, leaning" }, { id = "Berdiri", en = "Standing" } ]
answer = 2
explain = { id = "Duduk.", en = "Sitting." }
sources = ["S1"]

[[question]]
id = "signs"
module = "anatomy"
type = "multiple"
prompt = { id = "Tanda refleks?", en = "Signs of the reflex?" }
options = [ { id = "Kesemutan", en = "Tingling" }, { id = "Dingin", en = "Cold" }, { id = "ASI menetes", en = "Milk drips" } ]
answer = [1, 3]
explain = { id = "Kesemutan dan menetes.", en = "Tingling and dripping." }
sources = ["S58"]

[[question]]
id = "statement"
module = "anatomy"
type = "true_false"
prompt = { id = "Pijat dihentikan bila ibu pusing.", en = "The massage stops if she feels dizzy." }
answer = true
explain = { id = "Ya.", en = "Yes." }
sources = ["S3"]
"#;

#[test]
fn order_single_and_multiple_questions_are_answered_by_their_shown_places_and_saved_in_file_numbers()
 {
    let dir = tempfile::tempdir().unwrap();
    let own = tempfile::tempdir().unwrap();
    std::fs::create_dir(own.path().join("quizzes")).unwrap();
    std::fs::write(own.path().join("quizzes/mixed.toml"), MIXED).unwrap();
    let loaded = pijat::content::load_with(Some(own.path()));
    let content = Box::leak(Box::new(loaded.content.expect("the mixed set loads")));
    class_with(dir.path(), CLASS, &["Budi"]);
    let s = common::classroom::serve_set(
        dir.path(),
        CLASS,
        Phase::Post,
        false,
        content,
        Some("mixed"),
    );
    let p = joined(&s, 0);
    let mut r = p.state();
    // The right answer for each question, by the texts shown (English), in the shown places.
    let place = |q: &serde_json::Value, text: &str| {
        let opts = q["options"].as_array().unwrap();
        1 + opts.iter().position(|o| o["en"] == text).unwrap()
    };
    let mut kinds = Vec::new();
    while r.json()["step"] == "question" {
        let q = r.json()["question"].clone();
        let kind = q["kind"].as_str().unwrap().to_string();
        let token = match kind.as_str() {
            "order" => {
                let bad = p.answer(position(&r), "1,2");
                assert_eq!((bad.status, bad.error().as_str()), (422, "bad_answer"));
                assert!(
                    bad.json()["message"]["en"]
                        .as_str()
                        .unwrap()
                        .contains("2 of 4 numbers"),
                    "{bad:?}"
                );
                ["One", "Two", "Three", "Four"]
                    .map(|t| place(&q, t).to_string())
                    .join(",")
            }
            "single" => place(&q, "Sitting, leaning").to_string(),
            "multiple" => format!("{},{}", place(&q, "Milk drips"), place(&q, "Tingling")),
            _ => "b".to_string(),
        };
        kinds.push(kind);
        r = p.answer(position(&r), &token);
        assert_eq!(r.status, 200, "{token}: {r:?}");
    }
    assert_eq!(kinds, ["order", "single", "multiple", "true_false"]);
    assert_eq!(r.json()["score"]["right"], 4, "{r:?}");
    let answers = &saved(dir.path(), "Budi")[0].3;
    let got: Vec<&str> = answers.iter().map(|(_, a)| a.as_str()).collect();
    assert_eq!(got, ["1,2,3,4", "2", "1,3", "true"]);
}
