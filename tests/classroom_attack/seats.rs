//! F6 and F7: a refused join changes nothing; one device takes one participant per test; a
//! name not on the list waits for the trainer's yes, so made-up names cannot be used to read
//! the key off post-test scores.

use super::codes::phone_at;
use super::*;
use common::classroom::{CLASS, n_of};

/// The class's members as the data file has them, by name.
fn members(dir: &std::path::Path) -> Vec<String> {
    let db = rusqlite::Connection::open(dir.join("pijat.db")).unwrap();
    let mut st = db
        .prepare(
            "SELECT p.name FROM class_member m JOIN profile p ON p.id = m.profile_id
             JOIN class c ON c.id = m.class_id WHERE c.name = ?1 ORDER BY p.name",
        )
        .unwrap();
    st.query_map([CLASS], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

fn profiles(dir: &std::path::Path) -> i64 {
    let db = rusqlite::Connection::open(dir.join("pijat.db")).unwrap();
    db.query_row("SELECT count(*) FROM profile", [], |r| r.get(0))
        .unwrap()
}

#[test]
fn a_join_refused_as_already_joined_adds_nobody_to_the_class() {
    let (dir, s) = room(&["Budi"], Phase::Pre, true);
    let p = phone_at(&s, next_address());
    assert_eq!(p.code(s.room.code()).status, 200);
    assert_eq!(p.join(0).status, 200);
    let before = profiles(dir.path());
    for i in 0..20 {
        let r = p.post("/api/join", &format!("{{\"name\":\"Palsu {i:02}\"}}"));
        assert_eq!(
            (r.status, r.error().as_str()),
            (403, "already_joined"),
            "{r:?}"
        );
    }
    assert_eq!(members(dir.path()), ["Budi"]);
    assert_eq!(profiles(dir.path()), before);
    assert!(s.room.asked().is_empty());
}

#[test]
fn one_device_takes_one_participant_until_the_trainer_releases_him() {
    let (_dir, s) = room(&["Agus", "Budi", "Joko"], Phase::Post, false);
    let device = next_address();
    let first = phone_at(&s, device);
    assert_eq!(first.code(s.room.code()).status, 200);
    assert_eq!(first.join(n_of(&s, "Budi")).status, 200);
    // A fresh cookie on the same device: let in, but not to another father.
    let second = phone_at(&s, device);
    assert_eq!(second.code(s.room.code()).status, 200);
    let r = second.join(n_of(&s, "Agus"));
    assert_eq!(
        (r.status, r.error().as_str()),
        (403, "already_joined"),
        "{r:?}"
    );
    assert!(r.json()["message"]["en"].as_str().unwrap().contains("Budi"));
    // The same device may take its own father back (a browser that lost its cookie).
    let r = second.join(n_of(&s, "Budi"));
    assert_eq!(
        (r.status, r.json()["name"].as_str()),
        (200, Some("Budi")),
        "{r:?}"
    );
    assert_eq!(
        first.state().error(),
        "",
        "the old cookie is back at the list"
    );
    assert_eq!(first.state().json()["step"], "name");
    // Another device cannot take Budi; after the trainer's release this one may take Agus.
    let other = phone_at(&s, next_address());
    assert_eq!(other.code(s.room.code()).status, 200);
    assert_eq!(other.join(n_of(&s, "Budi")).error(), "name_busy");
    assert!(s.room.release(n_of(&s, "Budi")));
    assert_eq!(second.join(n_of(&s, "Agus")).status, 200);
}

#[test]
fn made_up_names_wait_for_the_trainer_and_one_device_asks_for_one() {
    let (dir, s) = room(&["Budi"], Phase::Post, true);
    let device = next_address();
    for i in 0..11 {
        let p = phone_at(&s, device);
        assert_eq!(p.code(s.room.code()).status, 200);
        let r = p.post("/api/join", &format!("{{\"name\":\"Palsu {i:02}\"}}"));
        assert_eq!(r.json()["step"], "asked", "{r:?}");
        assert!(r.json().get("question").is_none() && r.json().get("score").is_none());
    }
    assert_eq!(s.room.asked(), ["Palsu 10"], "one waiting name per device");
    assert_eq!(
        members(dir.path()),
        ["Budi"],
        "nothing written before a yes"
    );
    // Another device asking for the same name is told it is in use.
    let other = phone_at(&s, next_address());
    assert_eq!(other.code(s.room.code()).status, 200);
    let r = other.post("/api/join", "{\"name\":\"palsu 10\"}");
    assert_eq!(r.error(), "name_busy", "{r:?}");
    // The trainer says no: the phone is back at the list; nothing was written.
    assert!(s.room.decline("Palsu 10"));
    assert!(s.room.asked().is_empty());
    assert_eq!(members(dir.path()), ["Budi"]);
    let lines: Vec<String> = s
        .room
        .events
        .since(0, Duration::ZERO)
        .iter()
        .map(|e| e.line())
        .collect();
    assert!(
        lines.contains(&"ASKED Palsu 10".to_string())
            && lines.contains(&"DECLINED Palsu 10".to_string()),
        "{lines:?}"
    );
}
