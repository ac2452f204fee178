//! Attempts and answers as the store keeps them.

use super::*;
use crate::Role;
use crate::test_support::temp_store;

fn new<'a>(profile: &'a str) -> NewAttempt<'a> {
    NewAttempt {
        profile_id: profile,
        class_id: None,
        quiz_id: "knowledge",
        phase: Phase::Pre,
        seed: u64::MAX - 3,
        shuffle: true,
        question_count: 10,
        content_version: "abc",
        mode: Mode::Plain,
    }
}

#[test]
fn an_attempt_keeps_its_seed_and_answers_and_finishes_once() {
    let (_d, store) = temp_store();
    let p = store.create_profile("Budi", Role::Father).unwrap();
    let a = store.start_attempt(&new(&p.id)).unwrap();
    assert_eq!(a.seed, u64::MAX - 3, "all 64 bits of the seed survive");
    assert!(store.save_answer(&a.id, "q1", 0, "true", true).unwrap());
    assert!(
        !store.save_answer(&a.id, "q1", 0, "false", false).unwrap(),
        "first answer stands"
    );
    assert!(store.save_answer(&a.id, "q2", 1, "-", false).unwrap());
    // An empty answer (written by pijat 0.2.0 for "," to a several-options question) is no
    // answer: the next one takes its row; a real one then stands.
    assert!(store.save_answer(&a.id, "q3", 2, "", false).unwrap());
    assert!(store.save_answer(&a.id, "q3", 2, "1,3", true).unwrap());
    assert!(!store.save_answer(&a.id, "q3", 2, "2", false).unwrap());
    assert_eq!(store.answers(&a.id).unwrap()[2].response, "1,3");
    let open = store
        .open_attempt(&p.id, "knowledge", Phase::Pre)
        .unwrap()
        .unwrap();
    assert_eq!((open.id.as_str(), open.answered), (a.id.as_str(), 3));
    assert_eq!(store.answers(&a.id).unwrap()[0].response, "true");
    store.finish_attempt(&a.id, 1).unwrap();
    store.finish_attempt(&a.id, 9).unwrap();
    let done = store.attempt(&a.id).unwrap();
    assert_eq!(done.right, Some(1));
    assert!(
        store
            .open_attempt(&p.id, "knowledge", Phase::Pre)
            .unwrap()
            .is_none()
    );
    assert!(
        store
            .open_attempt(&p.id, "knowledge", Phase::Post)
            .unwrap()
            .is_none()
    );
}
