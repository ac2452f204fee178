//! The phones of one test. A phone gets a token (in a cookie) that the room signs and does not
//! store: loading the page a thousand times costs nothing and pushes no phone out. A phone is
//! remembered once the right class code lets it in, and may then hold one participant.
//!
//! Wrong codes are counted in a sliding minute per phone (token), per address, and for the
//! room. The right code always gets in: a stranger's guessing never locks the class out. When
//! the room has had many wrong codes, a code from an address that has itself been wrong this
//! minute waits; every other address is still judged. With six digits that keeps a guesser
//! below 1 % over a 45-minute test (see `README.md`, "What protects the test").

use std::collections::{HashMap, VecDeque};
use std::net::IpAddr;
use std::time::{Duration, Instant};

use blake2::Blake2bMac;
use blake2::digest::consts::U8;
use blake2::digest::{KeyInit, Mac};
use rand::RngExt;

use super::error::Refusal;

/// Digits of the class code.
pub const CODE_DIGITS: usize = 6;
/// Wrong codes one phone may give in a minute.
pub const TRIES_PER_DEVICE: usize = 5;
/// Wrong codes one address may give in a minute, whatever cookies it throws away.
pub const TRIES_PER_ADDRESS: usize = 10;
/// Wrong codes for the whole room in a minute; beyond it, only addresses with no wrong code
/// this minute are judged.
pub const TRIES_PER_ROOM: usize = 30;
const WINDOW: Duration = Duration::from_secs(60);
/// Phones let in at once; beyond this the ones that never held a participant are forgotten,
/// the longest unseen first.
pub const MAX_DEVICES: usize = 1000;
/// Phones one address may have let in without a participant; an older one is forgotten first.
pub const IDLE_PER_ADDRESS: usize = 4;
/// Names one address may ask the trainer for in a minute.
pub const ASKS_PER_ADDRESS: usize = 5;

/// A phone let in by the code.
pub(super) struct Device {
    /// The seat (participant) this phone holds.
    pub seat: Option<usize>,
    /// Where it was let in from.
    pub addr: IpAddr,
    /// It has held a participant in this test.
    held: bool,
    seen: Instant,
}

type Tag = Blake2bMac<U8>;

pub(super) struct Devices {
    key: [u8; 32],
    admitted: HashMap<String, Device>,
    /// The seat each address took: one device, one participant per test.
    seat_of_addr: HashMap<IpAddr, usize>,
    wrong_by_token: HashMap<String, VecDeque<Instant>>,
    wrong_by_addr: HashMap<IpAddr, VecDeque<Instant>>,
    room_wrong: VecDeque<Instant>,
    asks_by_addr: HashMap<IpAddr, VecDeque<Instant>>,
}

/// A token this room could have issued (checked before any lookup): 32 lowercase hex digits.
pub fn token_shape(t: &str) -> bool {
    t.len() == 32
        && t.bytes()
            .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase())
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn unhex(s: &str) -> Option<Vec<u8>> {
    (0..s.len())
        .step_by(2)
        .map(|i| s.get(i..i + 2).and_then(|h| u8::from_str_radix(h, 16).ok()))
        .collect()
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

/// The wrong codes of `key` this minute (the entry dropped when there are none).
fn recent<K: std::hash::Hash + Eq + Clone>(
    map: &mut HashMap<K, VecDeque<Instant>>,
    key: &K,
    now: Instant,
) -> usize {
    let Some(q) = map.get_mut(key) else { return 0 };
    prune(q, now);
    let n = q.len();
    if n == 0 {
        map.remove(key);
    }
    n
}

impl Devices {
    pub(super) fn new() -> Devices {
        Devices {
            key: rand::rng().random(),
            admitted: HashMap::new(),
            seat_of_addr: HashMap::new(),
            wrong_by_token: HashMap::new(),
            wrong_by_addr: HashMap::new(),
            room_wrong: VecDeque::new(),
            asks_by_addr: HashMap::new(),
        }
    }

    fn tag(&self, nonce: &[u8]) -> Option<Tag> {
        let mut m = <Tag as KeyInit>::new_from_slice(&self.key).ok()?;
        m.update(nonce);
        Some(m)
    }

    /// A new phone's token: 8 random bytes and their signature. Nothing is kept.
    pub(super) fn issue(&self) -> String {
        let nonce: [u8; 8] = rand::rng().random();
        let sig = self
            .tag(&nonce)
            .map(|m| m.finalize().into_bytes().to_vec())
            .unwrap_or_default();
        format!("{}{}", hex(&nonce), hex(&sig))
    }

    /// Whether this room signed the token (compared in constant time).
    pub(super) fn valid(&self, token: &str) -> bool {
        if !token_shape(token) {
            return false;
        }
        let (Some(nonce), Some(sig)) = (
            token.get(..16).and_then(unhex),
            token.get(16..).and_then(unhex),
        ) else {
            return false;
        };
        self.tag(&nonce)
            .is_some_and(|m| m.verify_slice(&sig).is_ok())
    }

    /// The phone if the code let it in; `None` for a phone of this room that has not typed it.
    pub(super) fn admitted(&self, token: &str) -> Result<Option<&Device>, Refusal> {
        if !self.valid(token) {
            return Err(Refusal::UnknownDevice);
        }
        Ok(self.admitted.get(token))
    }

    /// Checks a code a phone typed against the room's code.
    pub(super) fn try_code(
        &mut self,
        token: &str,
        addr: IpAddr,
        given: &str,
        code: &str,
        now: Instant,
    ) -> Result<(), Refusal> {
        if self.admitted(token)?.is_some() {
            if let Some(d) = self.admitted.get_mut(token) {
                d.seen = now;
            }
            return Ok(());
        }
        let by_token = recent(&mut self.wrong_by_token, &token.to_string(), now);
        let by_addr = recent(&mut self.wrong_by_addr, &addr, now);
        prune(&mut self.room_wrong, now);
        let waiting = |q: Option<&VecDeque<Instant>>| Refusal::TooManyTries {
            wait_seconds: q.map_or(1, |q| wait(q, now)),
        };
        if by_token >= TRIES_PER_DEVICE {
            return Err(waiting(self.wrong_by_token.get(token)));
        }
        if by_addr >= TRIES_PER_ADDRESS {
            return Err(waiting(self.wrong_by_addr.get(&addr)));
        }
        if self.room_wrong.len() >= TRIES_PER_ROOM && by_addr > 0 {
            return Err(waiting(self.wrong_by_addr.get(&addr)));
        }
        if constant_eq(given.trim(), code) {
            self.admit(token, addr, now);
            return Ok(());
        }
        self.wrong_by_token
            .entry(token.to_string())
            .or_default()
            .push_back(now);
        self.wrong_by_addr.entry(addr).or_default().push_back(now);
        self.room_wrong.push_back(now);
        let left = (TRIES_PER_DEVICE - by_token - 1).min(TRIES_PER_ADDRESS - by_addr - 1);
        Err(Refusal::WrongCode {
            tries_left: left as u32,
        })
    }

    /// Remembers a phone the code let in, forgetting another that never held a participant when
    /// its address, or the room, has too many.
    fn admit(&mut self, token: &str, addr: IpAddr, now: Instant) {
        let idle_here = |d: &Device| d.addr == addr && !d.held;
        if self.admitted.values().filter(|d| idle_here(d)).count() >= IDLE_PER_ADDRESS {
            self.forget_oldest(|d| idle_here(d));
        }
        if self.admitted.len() >= MAX_DEVICES {
            self.forget_oldest(|d| !d.held);
        }
        self.admitted.insert(
            token.to_string(),
            Device {
                seat: None,
                addr,
                held: false,
                seen: now,
            },
        );
    }

    fn forget_oldest(&mut self, which: impl Fn(&Device) -> bool) {
        let oldest = self
            .admitted
            .iter()
            .filter(|(_, d)| which(d))
            .min_by_key(|(_, d)| d.seen)
            .map(|(t, _)| t.clone());
        if let Some(t) = oldest {
            self.admitted.remove(&t);
        }
    }

    /// Counts a name asked for from `addr`; refused beyond [`ASKS_PER_ADDRESS`] a minute.
    pub(super) fn may_ask(&mut self, addr: IpAddr, now: Instant) -> Result<(), Refusal> {
        self.asks_by_addr.retain(|_, q| {
            prune(q, now);
            !q.is_empty()
        });
        let q = self.asks_by_addr.entry(addr).or_default();
        if q.len() >= ASKS_PER_ADDRESS {
            return Err(Refusal::TooManyNames {
                wait_seconds: wait(q, now),
            });
        }
        q.push_back(now);
        Ok(())
    }

    /// The phone holding seat `seat`, if any.
    pub(super) fn holder(&self, seat: usize) -> Option<(&str, &Device)> {
        self.admitted
            .iter()
            .find(|(_, d)| d.seat == Some(seat))
            .map(|(t, d)| (t.as_str(), d))
    }

    /// The seat an address has taken in this test, if any.
    pub(super) fn seat_of_addr(&self, addr: IpAddr) -> Option<usize> {
        self.seat_of_addr.get(&addr).copied()
    }

    /// The phone now holds `seat`. A phone of the same device that held it before (a cookie
    /// the browser lost) is forgotten; another device's is freed.
    pub(super) fn bind(&mut self, token: &str, seat: usize) {
        let addr = self.admitted.get(token).map(|d| d.addr);
        self.admitted
            .retain(|t, d| t == token || d.seat != Some(seat) || Some(d.addr) != addr);
        for d in self.admitted.values_mut().filter(|d| d.seat == Some(seat)) {
            d.seat = None;
        }
        if let Some(d) = self.admitted.get_mut(token) {
            d.seat = Some(seat);
            d.held = true;
            self.seat_of_addr.insert(d.addr, seat);
        }
    }

    /// Undoes [`Devices::bind`] when the write it went with failed.
    pub(super) fn unbind(&mut self, token: &str) {
        if let Some(d) = self.admitted.get_mut(token)
            && let Some(seat) = d.seat.take()
            && self.seat_of_addr.get(&d.addr) == Some(&seat)
        {
            self.seat_of_addr.remove(&d.addr);
        }
    }

    /// The trainer frees a participant: the phone that held him holds nobody now, and its
    /// address may take a participant again.
    pub(super) fn release(&mut self, seat: usize) -> bool {
        let mut freed = false;
        for d in self.admitted.values_mut().filter(|d| d.seat == Some(seat)) {
            d.seat = None;
            freed = true;
        }
        self.seat_of_addr.retain(|_, s| *s != seat);
        freed
    }
}

/// Compares without stopping at the first difference.
fn constant_eq(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

/// A fresh class code of [`CODE_DIGITS`] digits, different for every test.
pub(super) fn new_code() -> String {
    format!("{:06}", rand::rng().random_range(0..1_000_000u32))
}

#[cfg(test)]
#[path = "devices_tests.rs"]
mod tests;
