//! The phones of one test: signed tokens, code limits, who is remembered and who forgotten.

use super::*;

fn ip(n: u32) -> IpAddr {
    IpAddr::from([10, (n >> 16) as u8, (n >> 8) as u8, n as u8])
}

const CODE: &str = "123456";

#[test]
fn a_phone_gets_five_wrong_codes_a_minute_then_waits_even_for_the_right_one() {
    let mut d = Devices::new();
    let t0 = Instant::now();
    let tok = d.issue();
    for left in (0..5).rev() {
        assert_eq!(
            d.try_code(&tok, ip(1), "000000", CODE, t0),
            Err(Refusal::WrongCode { tries_left: left })
        );
    }
    assert!(matches!(
        d.try_code(&tok, ip(1), CODE, CODE, t0),
        Err(Refusal::TooManyTries {
            wait_seconds: 60 | 61
        })
    ));
    let later = t0 + Duration::from_secs(61);
    assert_eq!(d.try_code(&tok, ip(1), CODE, CODE, later), Ok(()));
}

#[test]
fn new_cookies_do_not_buy_an_address_more_than_ten_guesses_a_minute() {
    let mut d = Devices::new();
    let t0 = Instant::now();
    for i in 0..10 {
        let tok = d.issue();
        let guess = format!("{i:06}");
        assert!(matches!(
            d.try_code(&tok, ip(7), &guess, CODE, t0),
            Err(Refusal::WrongCode { .. })
        ));
    }
    let tok = d.issue();
    assert!(matches!(
        d.try_code(&tok, ip(7), CODE, CODE, t0),
        Err(Refusal::TooManyTries { .. })
    ));
    // Another phone on the hotspot is not held back by that address.
    let other = d.issue();
    assert_eq!(d.try_code(&other, ip(8), CODE, CODE, t0), Ok(()));
}

#[test]
fn a_guessing_room_still_lets_in_every_phone_with_the_right_code() {
    let mut d = Devices::new();
    let t0 = Instant::now();
    // Three strangers spend the room's thirty wrong codes.
    for i in 0..30 {
        let tok = d.issue();
        let _ = d.try_code(&tok, ip(100 + i % 3), &format!("{i:06}"), CODE, t0);
    }
    assert_eq!(d.room_wrong.len(), 30);
    // A stranger who has guessed this minute is not judged any more...
    let tok = d.issue();
    assert!(matches!(
        d.try_code(&tok, ip(100), CODE, CODE, t0),
        Err(Refusal::TooManyTries { .. })
    ));
    // ...a father's phone is, and his right code gets in; a fresh address's wrong code is
    // judged once, then it waits too.
    for father in 0..20 {
        let tok = d.issue();
        assert_eq!(d.try_code(&tok, ip(200 + father), CODE, CODE, t0), Ok(()));
    }
    let fresh = d.issue();
    assert!(matches!(
        d.try_code(&fresh, ip(300), "999999", CODE, t0),
        Err(Refusal::WrongCode { .. })
    ));
    assert!(matches!(
        d.try_code(&fresh, ip(300), "999998", CODE, t0),
        Err(Refusal::TooManyTries { .. })
    ));
}

#[test]
fn tokens_are_signed_by_their_room_and_cost_nothing_to_keep() {
    let d = Devices::new();
    let other = Devices::new();
    let t = d.issue();
    assert!(token_shape(&t) && d.valid(&t));
    assert!(!other.valid(&t), "another test's token");
    assert!(!d.valid(&"a".repeat(32)), "a made-up token");
    let mut flipped = t.clone().into_bytes();
    flipped[31] = if flipped[31] == b'0' { b'1' } else { b'0' };
    assert!(
        !d.valid(&String::from_utf8(flipped).unwrap()),
        "a changed signature"
    );
    assert!(!d.valid(&t.to_uppercase()));
    assert_eq!(d.admitted(&t).map(|o| o.is_some()), Ok(false));
    assert_eq!(
        d.admitted(&"0".repeat(32)).map(|o| o.is_some()),
        Err(Refusal::UnknownDevice)
    );
}

#[test]
fn loading_the_page_a_thousand_times_forgets_no_phone_typing_the_code() {
    let mut d = Devices::new();
    let t0 = Instant::now();
    let father = d.issue();
    for _ in 0..10_000 {
        d.issue();
    }
    assert!(d.admitted.is_empty(), "nothing is kept for a page load");
    assert_eq!(d.try_code(&father, ip(1), CODE, CODE, t0), Ok(()));
}

#[test]
fn one_device_with_the_code_cannot_fill_the_table_or_push_other_phones_out() {
    let mut d = Devices::new();
    let t0 = Instant::now();
    let father = d.issue();
    d.try_code(&father, ip(1), CODE, CODE, t0).unwrap();
    for i in 0..2 * MAX_DEVICES {
        let tok = d.issue();
        let at = t0 + Duration::from_millis(i as u64 + 1);
        d.try_code(&tok, ip(66), CODE, CODE, at).unwrap();
    }
    assert_eq!(d.admitted.len(), 1 + IDLE_PER_ADDRESS);
    assert!(d.admitted.contains_key(&father));
}

#[test]
fn a_full_room_forgets_the_oldest_phones_that_never_held_a_participant() {
    let mut d = Devices::new();
    let t0 = Instant::now();
    let seated = d.issue();
    d.try_code(&seated, ip(1), CODE, CODE, t0).unwrap();
    d.bind(&seated, 0);
    let idle = d.issue();
    d.try_code(&idle, ip(2), CODE, CODE, t0).unwrap();
    for i in 0..MAX_DEVICES {
        let tok = d.issue();
        let at = t0 + Duration::from_secs(1 + i as u64);
        d.try_code(&tok, ip(1000 + i as u32), CODE, CODE, at)
            .unwrap();
    }
    assert_eq!(d.admitted.len(), MAX_DEVICES);
    assert!(
        d.admitted.contains_key(&seated),
        "a phone that held a father is kept"
    );
    assert!(
        !d.admitted.contains_key(&idle),
        "the oldest idle phone went first"
    );
}

#[test]
fn an_address_takes_one_participant_until_the_trainer_releases_him() {
    let mut d = Devices::new();
    let t0 = Instant::now();
    let a = d.issue();
    d.try_code(&a, ip(1), CODE, CODE, t0).unwrap();
    d.bind(&a, 3);
    assert_eq!(d.seat_of_addr(ip(1)), Some(3));
    assert_eq!(d.holder(3).map(|(t, _)| t), Some(a.as_str()));
    assert!(d.release(3));
    assert_eq!(d.seat_of_addr(ip(1)), None);
    assert!(d.holder(3).is_none());
    d.bind(&a, 4);
    d.unbind(&a);
    assert_eq!((d.seat_of_addr(ip(1)), d.holder(4).is_none()), (None, true));
}

#[test]
fn codes_have_six_digits() {
    for _ in 0..100 {
        let c = new_code();
        assert!(
            c.len() == CODE_DIGITS && c.bytes().all(|b| b.is_ascii_digit()),
            "{c}"
        );
    }
}
