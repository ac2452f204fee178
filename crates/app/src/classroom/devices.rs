//! The phones of one test: each has a random token (kept in a cookie), may be let in by the
//! class code, and may hold one participant. Wrong codes are counted per phone and for the
//! whole room in a sliding minute, so guessing the 4 digits takes hours, not seconds.

use std::collections::{HashMap, VecDeque};
use std::time::{Duration, Instant};

use rand::RngExt;

use super::error::Refusal;

/// Wrong codes one phone may give in a minute.
pub const TRIES_PER_DEVICE: usize = 5;
/// Wrong codes all phones together may give in a minute (a guesser who throws cookies away).
pub const TRIES_PER_ROOM: usize = 30;
const WINDOW: Duration = Duration::from_secs(60);
/// Phones known at once; beyond this the ones never let in are forgotten first.
pub const MAX_DEVICES: usize = 1000;

#[derive(Default)]
pub(super) struct Device {
    pub admitted: bool,
    /// The seat (participant) this phone holds.
    pub seat: Option<usize>,
    wrong: VecDeque<Instant>,
    seen: Option<Instant>,
}

#[derive(Default)]
pub(super) struct Devices {
    map: HashMap<String, Device>,
    room_wrong: VecDeque<Instant>,
}

/// 128 random bits as 32 hex digits.
pub(super) fn new_token() -> String {
    let mut rng = rand::rng();
    let bits: u128 = rng.random();
    format!("{bits:032x}")
}

/// A token this room could have issued (checked before any lookup).
pub fn token_shape(t: &str) -> bool {
    t.len() == 32
        && t.bytes()
            .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase())
}

fn prune(q: &mut VecDeque<Instant>, now: Instant) {
    while q.front().is_some_and(|t| now.duration_since(*t) >= WINDOW) {
        q.pop_front();
    }
}

fn wait(q: &VecDeque<Instant>, now: Instant) -> u64 {
    q.front().map_or(0, |t| {
        (WINDOW.saturating_sub(now.duration_since(*t))).as_secs() + 1
    })
}

impl Devices {
    pub(super) fn issue(&mut self, now: Instant) -> Result<String, Refusal> {
        if self.map.len() >= MAX_DEVICES {
            let forget = self
                .map
                .iter()
                .filter(|(_, d)| !d.admitted && d.seat.is_none())
                .min_by_key(|(_, d)| d.seen)
                .map(|(t, _)| t.clone());
            match forget {
                Some(t) => drop(self.map.remove(&t)),
                None => return Err(Refusal::TooManyPhones),
            }
        }
        let token = new_token();
        self.map.insert(
            token.clone(),
            Device {
                seen: Some(now),
                ..Device::default()
            },
        );
        Ok(token)
    }

    pub(super) fn get(&self, token: &str) -> Result<&Device, Refusal> {
        self.map.get(token).ok_or(Refusal::UnknownDevice)
    }

    pub(super) fn get_mut(&mut self, token: &str) -> Result<&mut Device, Refusal> {
        self.map.get_mut(token).ok_or(Refusal::UnknownDevice)
    }

    /// Checks a code a phone typed against the room's code.
    pub(super) fn try_code(
        &mut self,
        token: &str,
        given: &str,
        code: &str,
        now: Instant,
    ) -> Result<(), Refusal> {
        prune(&mut self.room_wrong, now);
        let room_full = self.room_wrong.len() >= TRIES_PER_ROOM;
        let room_wait = wait(&self.room_wrong, now);
        let d = self.get_mut(token)?;
        d.seen = Some(now);
        if d.admitted {
            return Ok(());
        }
        prune(&mut d.wrong, now);
        if d.wrong.len() >= TRIES_PER_DEVICE {
            return Err(Refusal::TooManyTries {
                wait_seconds: wait(&d.wrong, now),
            });
        }
        if room_full {
            return Err(Refusal::TooManyTries {
                wait_seconds: room_wait,
            });
        }
        if constant_eq(given.trim(), code) {
            d.admitted = true;
            return Ok(());
        }
        d.wrong.push_back(now);
        let left = TRIES_PER_DEVICE - d.wrong.len();
        self.room_wrong.push_back(now);
        Err(Refusal::WrongCode {
            tries_left: left as u32,
        })
    }

    /// The phone holding seat `seat`, if any.
    pub(super) fn holder(&self, seat: usize) -> Option<&str> {
        self.map
            .iter()
            .find(|(_, d)| d.seat == Some(seat))
            .map(|(t, _)| t.as_str())
    }

    /// The trainer frees a participant: the phone that held him holds nobody now.
    pub(super) fn release(&mut self, seat: usize) -> bool {
        let mut freed = false;
        for d in self.map.values_mut().filter(|d| d.seat == Some(seat)) {
            d.seat = None;
            freed = true;
        }
        freed
    }
}

/// Compares without stopping at the first difference (the code is short, but cheap to do right).
fn constant_eq(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

/// A fresh 4-digit class code (`0000`–`9999`), different for every test.
pub(super) fn new_code() -> String {
    format!("{:04}", rand::rng().random_range(0..10_000u32))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_phone_gets_five_wrong_codes_a_minute_then_waits_even_for_the_right_one() {
        let mut d = Devices::default();
        let t0 = Instant::now();
        let tok = d.issue(t0).unwrap();
        for left in (0..5).rev() {
            assert_eq!(
                d.try_code(&tok, "0000", "1234", t0),
                Err(Refusal::WrongCode { tries_left: left })
            );
        }
        assert!(matches!(
            d.try_code(&tok, "1234", "1234", t0),
            Err(Refusal::TooManyTries {
                wait_seconds: 60 | 61
            })
        ));
        let later = t0 + Duration::from_secs(61);
        assert_eq!(d.try_code(&tok, "1234", "1234", later), Ok(()));
    }

    #[test]
    fn new_cookies_do_not_buy_more_than_thirty_guesses_a_minute() {
        let mut d = Devices::default();
        let t0 = Instant::now();
        for i in 0..30 {
            let tok = d.issue(t0).unwrap();
            let guess = format!("{i:04}");
            assert!(matches!(
                d.try_code(&tok, &guess, "9999", t0),
                Err(Refusal::WrongCode { .. })
            ));
        }
        let tok = d.issue(t0).unwrap();
        assert!(matches!(
            d.try_code(&tok, "9999", "9999", t0),
            Err(Refusal::TooManyTries { .. })
        ));
    }

    #[test]
    fn tokens_are_random_and_of_one_shape_and_codes_four_digits() {
        let (a, b) = (new_token(), new_token());
        assert_ne!(a, b);
        assert!(token_shape(&a) && token_shape(&b));
        assert!(!token_shape("../etc") && !token_shape(&a.to_uppercase()));
        let c = new_code();
        assert!(c.len() == 4 && c.bytes().all(|b| b.is_ascii_digit()));
    }

    #[test]
    fn a_full_room_forgets_phones_that_were_never_let_in() {
        let mut d = Devices::default();
        let t0 = Instant::now();
        let first = d.issue(t0).unwrap();
        d.try_code(&first, "1111", "1111", t0).unwrap();
        for _ in 1..MAX_DEVICES + 5 {
            d.issue(t0).unwrap();
        }
        assert!(d.get(&first).unwrap().admitted, "a phone let in is kept");
    }
}
