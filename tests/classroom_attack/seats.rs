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
        first.state().json()["step"],
        "code",
        "the old cookie of the same device is forgotten"
    );
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
    let asks = pijat_app::classroom::ASKS_PER_ADDRESS;
    for i in 0..asks {
        let p = phone_at(&s, device);
        assert_eq!(p.code(s.room.code()).status, 200);
        let r = p.post("/api/join", &format!("{{\"name\":\"Palsu {i:02}\"}}"));
        assert_eq!(r.json()["step"], "asked", "{r:?}");
        assert!(r.json().get("question").is_none() && r.json().get("score").is_none());
    }
    let last = format!("Palsu {:02}", asks - 1);
    assert_eq!(
        s.room.asked(),
        [last.as_str()],
        "one waiting name per device"
    );
    let more = phone_at(&s, device);
    more.code(s.room.code());
    let r = more.post("/api/join", "{\"name\":\"Palsu 99\"}");
    assert_eq!(
        (r.status, r.error().as_str()),
        (429, "too_many_names"),
        "{r:?}"
    );
    assert_eq!(
        members(dir.path()),
        ["Budi"],
        "nothing written before a yes"
    );
    // Another device asking for the same name is told it is in use.
    let other = phone_at(&s, next_address());
    assert_eq!(other.code(s.room.code()).status, 200);
    let r = other.post(
        "/api/join",
        &format!("{{\"name\":\"{}\"}}", last.to_lowercase()),
    );
    assert_eq!(r.error(), "name_busy", "{r:?}");
    // The trainer says no: the phone is back at the list; nothing was written.
    assert!(s.room.decline(&last));
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
        lines.contains(&format!("ASKED {last}")) && lines.contains(&format!("DECLINED {last}")),
        "{lines:?}"
    );
}

#[test]
fn a_device_is_the_address_it_typed_the_code_from_whatever_address_it_joins_from() {
    let (_dir, s) = room(&["Agus", "Budi", "Joko"], Phase::Post, false);
    let (a, b) = (next_address(), next_address());
    let mut taken = 0;
    for n in 0..3 {
        let p = phone_at(&s, a);
        assert_eq!(p.code(s.room.code()).status, 200);
        let elsewhere = Phone { from: b, ..p };
        taken += usize::from(elsewhere.join(n).status == 200);
    }
    assert_eq!(taken, 1, "one father for the device, however it joins");
}

#[test]
fn a_device_taking_its_own_father_back_again_and_again_keeps_the_room_small() {
    let (_dir, s) = room(&["Budi", "Agus"], Phase::Pre, false);
    let father = phone_at(&s, next_address());
    assert_eq!(father.code(s.room.code()).status, 200);
    let device = next_address();
    for _ in 0..1500 {
        let p = phone_at(&s, device);
        assert_eq!(p.code(s.room.code()).status, 200);
        assert_eq!(p.join(n_of(&s, "Budi")).status, 200);
    }
    assert_eq!(
        father.state().json()["step"],
        "name",
        "a phone typing its name is not pushed out"
    );
    let joined = s
        .room
        .events
        .since(0, Duration::ZERO)
        .iter()
        .filter(|e| e.line().starts_with("JOINED"))
        .count();
    assert_eq!(joined, 1, "the live table says JOINED once");
}

#[test]
fn asking_for_names_again_and_again_is_limited_and_the_trainer_sees_each_name_once() {
    let (_dir, s) = room(&["Budi"], Phase::Pre, true);
    let device = next_address();
    let p = phone_at(&s, device);
    assert_eq!(p.code(s.room.code()).status, 200);
    for _ in 0..50 {
        assert_eq!(
            p.post("/api/join", "{\"name\":\"Palsu\"}").json()["step"],
            "asked"
        );
    }
    let mut refused = 0;
    for i in 0..20 {
        let r = p.post("/api/join", &format!("{{\"name\":\"Palsu {i}\"}}"));
        refused += usize::from(r.error() == "too_many_names");
    }
    assert_eq!(refused, 20 - (pijat_app::classroom::ASKS_PER_ADDRESS - 1));
    let asked = s
        .room
        .events
        .since(0, Duration::ZERO)
        .iter()
        .filter(|e| e.line().starts_with("ASKED"))
        .count();
    assert_eq!(asked, pijat_app::classroom::ASKS_PER_ADDRESS);
}
