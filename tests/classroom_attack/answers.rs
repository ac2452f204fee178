//! F2: a several-options answer with nothing chosen is refused, and one saved by an older pijat
//! counts as unanswered, so the father can still answer the question.

use super::*;
use common::classroom::{CLASS, class_with, joined, mixed_content, position, saved, serve_set};

/// Budi on the mixed set's post-test, with the order and single questions answered: the
/// several-options question (shown third) is next.
fn at_the_several_options_question(dir: &std::path::Path) -> (common::classroom::Served, Phone) {
    class_with(dir, CLASS, &["Budi"]);
    let s = serve_set(
        dir,
        CLASS,
        Phase::Post,
        false,
        mixed_content(),
        Some("mixed"),
    );
    let p = joined(&s, 0);
    let r = p.answer(0, "1,2,3,4");
    assert_eq!(r.status, 200, "{r:?}");
    let r = p.answer(1, "2");
    assert_eq!(r.status, 200, "{r:?}");
    assert_eq!(r.json()["question"]["kind"], "multiple");
    (s, p)
}

#[test]
fn a_several_options_answer_with_nothing_chosen_is_refused_and_the_father_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let (s, p) = at_the_several_options_question(dir.path());
    for nothing in [",", ".", ";", "/", " , ", ",,/"] {
        let r = p.answer(2, nothing);
        assert_eq!(
            (r.status, r.error().as_str()),
            (422, "bad_answer"),
            "{nothing:?}"
        );
        assert_eq!(
            r.json()["message"]["en"],
            "choose at least one: a–c or 1–3, e.g. ac or 1,3"
        );
    }
    let st = p.state();
    assert_eq!(
        (position(&st), st.json()["question"]["answered"].as_u64()),
        (2, Some(2))
    );
    assert_eq!(s.room.live()[0].answered, 2, "the live table does not move");
    let r = p.answer(2, "1,3");
    assert_eq!(r.status, 200, "{r:?}");
    let r = p.answer(3, "b");
    assert_eq!(r.json()["step"], "done", "{r:?}");
    let got: Vec<String> = saved(dir.path(), "Budi")[0]
        .3
        .iter()
        .map(|(_, a)| a.clone())
        .collect();
    assert_eq!(
        (got.len(), got[2].as_str(), got[3].as_str()),
        (4, "1,3", "true")
    );
}

#[test]
fn an_empty_answer_already_in_the_data_file_counts_as_unanswered_and_the_next_answer_is_saved() {
    let dir = tempfile::tempdir().unwrap();
    let (s, p) = at_the_several_options_question(dir.path());
    // What pijat 0.2.0 wrote for `","`: an empty answer to the several-options question.
    let db = rusqlite::Connection::open(dir.path().join("pijat.db")).unwrap();
    db.execute(
        "INSERT INTO answer (attempt_id, question_id, position, response, correct, answered)
         SELECT attempt_id, 'signs', 2, '', 0, answered FROM answer LIMIT 1",
        [],
    )
    .unwrap();
    let st = p.state();
    assert_eq!(st.json()["question"]["kind"], "multiple", "{st:?}");
    assert_eq!(st.json()["question"]["answered"], 2);
    let r = p.answer(2, "3,1");
    assert_eq!(r.status, 200, "{r:?}");
    assert_eq!(r.json()["question"]["answered"], 3, "{r:?}");
    let r = p.answer(3, "b");
    assert_eq!(r.json()["step"], "done", "{r:?}");
    let rows: i64 = db
        .query_row("SELECT count(*) FROM answer", [], |r| r.get(0))
        .unwrap();
    assert_eq!(
        rows, 4,
        "one row per question: the empty one now holds the answer"
    );
    drop(s);
}
