//! F3–F5: wrong codes cannot lock the class out, one device with the code cannot fill the
//! room's table, and loading the page over and over forgets nobody.

use super::*;
use common::classroom::Served;

/// A phone whose requests go straight to the room's routes, from the address `from`.
pub(crate) fn phone_at(s: &Served, from: IpAddr) -> Phone {
    let router = pijat_web::router(s.room.clone(), &[s.addr]);
    let p = Phone {
        router: Some(router),
        from,
        ..Phone::stranger(s.addr)
    };
    let cookie = p.get("/").header("set-cookie").unwrap().to_string();
    Phone {
        cookie: Some(cookie.split(';').next().unwrap().to_string()),
        ..p
    }
}

fn wrong_code(s: &Served) -> &'static str {
    if s.room.code() == "000000" {
        "111111"
    } else {
        "000000"
    }
}

#[test]
fn strangers_guessing_codes_cannot_keep_a_father_with_the_right_code_out() {
    let (_dir, s) = room(&["Budi", "Agus"], Phase::Pre, false);
    let wrong = wrong_code(&s);
    // One stranger, six fresh cookies, five wrong codes each: his address is stopped at ten.
    let stranger = next_address();
    let mut judged = 0;
    for _ in 0..6 {
        let p = phone_at(&s, stranger);
        for _ in 0..5 {
            judged += usize::from(p.code(wrong).error() == "wrong_code");
        }
    }
    assert_eq!(judged, 10, "ten judged from one address a minute");
    let again = phone_at(&s, stranger).code(s.room.code());
    assert_eq!(
        (again.status, again.error().as_str()),
        (429, "too_many_tries")
    );
    // Three more strangers spend the room's thirty; fathers still get in with the right code.
    for _ in 0..3 {
        let from = next_address();
        for _ in 0..5 {
            let _ = phone_at(&s, from).code(wrong);
            let _ = phone_at(&s, from).code(wrong);
        }
    }
    for _ in 0..5 {
        let father = phone_at(&s, next_address());
        let r = father.code(s.room.code());
        assert_eq!(
            (r.status, r.json()["step"].as_str()),
            (200, Some("name")),
            "{r:?}"
        );
    }
    assert_eq!(s.room.code().len(), 6);
}

#[test]
fn one_device_with_the_code_cannot_fill_the_table_and_push_new_phones_out() {
    let (_dir, s) = room(&["Budi"], Phase::Pre, false);
    let father = phone_at(&s, next_address());
    assert_eq!(father.code(s.room.code()).status, 200);
    let insider = next_address();
    for _ in 0..1200 {
        assert_eq!(phone_at(&s, insider).code(s.room.code()).status, 200);
    }
    assert_eq!(
        father.state().json()["step"],
        "name",
        "the father is still known"
    );
    let late = phone_at(&s, next_address());
    let r = late.code(s.room.code());
    assert_eq!(
        (r.status, r.json()["step"].as_str()),
        (200, Some("name")),
        "{r:?}"
    );
    assert_eq!(late.join(0).status, 200, "and takes his name");
}

#[test]
fn loading_the_page_a_thousand_times_forgets_no_phone_typing_the_code() {
    let (_dir, s) = room(&["Budi"], Phase::Pre, false);
    let father = phone_at(&s, next_address());
    let stranger = Phone {
        router: Some(pijat_web::router(s.room.clone(), &[s.addr])),
        ..Phone::stranger(s.addr)
    };
    for _ in 0..1000 {
        assert_eq!(stranger.get("/").status, 200);
    }
    let r = father.code(s.room.code());
    assert_eq!(
        (r.status, r.json()["step"].as_str()),
        (200, Some("name")),
        "{r:?}"
    );
}
