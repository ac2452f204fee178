//! The phone classroom over HTTP, as a class uses it: joining, answering every kind of question,
//! a post-test's own score, a test taken before, names added from a phone, the page itself.
//! Requests go straight to the routes (`tower::ServiceExt::oneshot`); the socket, its limits
//! and what no browser sends are in `classroom_security.rs`.

mod common;

use common::classroom::{CLASS, class_with, joined, n_of, position, room, saved, serve, token};
use common::http::Phone;
use pijat_core::Phase;

#[test]
fn a_father_joins_with_the_code_answers_every_question_and_each_answer_is_saved_as_he_gave_it() {
    let (dir, mut s) = room(&["Budi", "Agus"], Phase::Pre, false);
    let p = s.phone();
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
        assert!(q["kind"] == "true_false" || q["kind"] == "single", "{q}");
        assert!(q["prompt"]["id"].as_str().unwrap().len() > 10);
        let a = token(&r, if i % 3 == 0 { "s" } else { "b" });
        given.push(a == "b");
        r = p.answer(q["position"].as_u64().unwrap(), &a);
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
    let (dir, s) = room(&["Budi"], Phase::Post, false);
    let content = common::app::content();
    let quiz = content.prepost_quiz().unwrap();
    let p = s.phone();
    let mut bodies = vec![p.get("/").body, p.code(s.room.code()).body];
    let mut r = p.join(0);
    bodies.push(r.body.clone());
    while r.json()["step"] == "question" {
        let a = token(&r, "b");
        r = p.answer(position(&r), &a);
        bodies.push(r.body.clone());
    }
    let score = &r.json()["score"];
    // His own score is the one saved, graded by the key on the laptop.
    let store = pijat_store::Store::open(dir.path()).unwrap();
    let budi = store.profile_by_name("Budi").unwrap().unwrap();
    let right = store.attempts_of(&budi.id).unwrap()[0].right.unwrap();
    assert_eq!(score["right"].as_u64().unwrap(), u64::from(right), "{r:?}");
    assert_eq!(
        score["total"].as_u64().unwrap() as usize,
        quiz.questions.len()
    );
    for b in &bodies {
        for q in &quiz.questions {
            for lang in [pijat_content::Lang::id(), pijat_content::Lang::en()] {
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
    let p = s.phone();
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
    let p = s.phone();
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
    // The name waits for the trainer's yes on the laptop; nothing is written before it.
    let r = p.post("/api/join", "{\"name\":\"  Joko  \"}");
    assert_eq!(
        (r.json()["step"].as_str(), r.json()["name"].as_str()),
        (Some("asked"), Some("Joko")),
        "{r:?}"
    );
    assert_eq!(p.state().json()["step"], "asked");
    let members = || {
        let store = pijat_store::Store::open(dir.path()).unwrap();
        let class = store.class_by_name(CLASS).unwrap().unwrap();
        store.members(&class.id).unwrap()
    };
    assert!(members().is_empty());
    assert_eq!(s.room.asked(), ["Joko"]);
    s.room.accept("joko").unwrap();
    assert!(s.room.asked().is_empty());
    let st = p.state().json();
    assert_eq!(
        (st["step"].as_str(), st["name"].as_str()),
        (Some("question"), Some("Joko")),
        "{st}"
    );
    let members = members();
    assert_eq!(members.len(), 1);
    assert_eq!(members[0].name, "Joko");
    assert!(s.room.accept("Joko").is_err(), "nobody is asking any more");
}

#[test]
fn unknown_routes_and_methods_answer_in_both_languages_and_the_page_is_small_and_self_contained() {
    let (_dir, s) = room(&["Budi"], Phase::Pre, false);
    let p = s.phone();
    let r = p.get("/admin");
    assert_eq!((r.status, r.error().as_str()), (404, "not_found"));
    assert_eq!(r.json()["message"]["id"], "Alamat ini tidak ada.");
    assert_eq!(p.get("/api/answer").status, 405);
    let page = p.get("/");
    let (css, js) = (p.get("/page.css"), p.get("/page.js"));
    let size = page.body.len() + css.body.len() + js.body.len();
    assert!(size <= 50 * 1024, "{size} bytes");
    for file in [&page, &css, &js] {
        for outside in ["src=\"http", "href=\"http", "@import", "url("] {
            assert!(!file.body.contains(outside), "{outside}");
        }
        assert_eq!(file.header("x-content-type-options"), Some("nosniff"));
        assert_eq!(file.header("cache-control"), Some("no-store"));
    }
    assert_eq!(css.header("content-type"), Some("text/css; charset=utf-8"));
    assert_eq!(
        js.header("content-type"),
        Some("text/javascript; charset=utf-8")
    );
    // Script and style from this laptop only: no inline code, so injected markup cannot run.
    let csp = page.header("content-security-policy").unwrap();
    assert!(
        csp.contains("default-src 'none'")
            && csp.contains("script-src 'self'")
            && csp.contains("style-src 'self'")
            && csp.contains("connect-src 'self'")
            && csp.contains("frame-ancestors 'none'")
            && !csp.contains("unsafe-inline"),
        "{csp}"
    );
    assert!(
        !page.body.contains("<script>")
            && !page.body.contains("<style")
            && !page.body.contains("style=")
            && !page.body.split(" on").skip(1).any(|rest| {
                let name = rest.chars().take_while(char::is_ascii_alphabetic).count();
                name > 0 && rest[name..].starts_with('=')
            }),
        "nothing inline in the page"
    );
    assert!(page.body.contains("src=\"/page.js\"") && page.body.contains("href=\"/page.css\""));
    assert!(
        !js.body.contains("style:") && !js.body.contains(".innerHTML"),
        "the script sets no inline style (the policy would drop it) and writes no markup"
    );
    assert_eq!(page.header("x-frame-options"), Some("DENY"));
    assert!(
        page.body.contains("Bahasa Indonesia") && js.body.contains("\"answer_button\":\"Jawab\"")
    );
}

#[test]
fn order_single_and_multiple_questions_are_answered_by_their_shown_places_and_saved_in_file_numbers()
 {
    let dir = tempfile::tempdir().unwrap();
    let content = common::classroom::mixed_content();
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

#[test]
fn ten_phones_answering_at_the_same_moment_have_every_answer_saved_once() {
    let names: Vec<String> = (0..10).map(|i| format!("Ayah {i}")).collect();
    let refs: Vec<&str> = names.iter().map(String::as_str).collect();
    let (dir, s) = room(&refs, Phase::Pre, false);
    let phones: Vec<Phone> = (0..10).map(|i| joined(&s, i)).collect();
    let start = std::sync::Arc::new(std::sync::Barrier::new(10));
    let threads: Vec<_> = phones
        .into_iter()
        .map(|p| {
            let start = start.clone();
            std::thread::spawn(move || {
                let mut r = p.state();
                start.wait();
                while r.json()["step"] == "question" {
                    let a = token(&r, "s");
                    r = p.answer(position(&r), &a);
                    assert_eq!(r.status, 200, "{r:?}");
                }
            })
        })
        .collect();
    for t in threads {
        t.join().unwrap();
    }
    let total = common::app::prepost_len();
    assert!(s.room.live().iter().all(|r| r.done && r.answered == total));
    for n in &names {
        let rows = saved(dir.path(), n);
        assert_eq!(rows.len(), 1);
        // Every statement answered false, every single-choice item with its first option shown.
        assert!(rows[0].3.len() == total && rows[0].3.iter().all(|(_, a)| a != "true"));
    }
}
