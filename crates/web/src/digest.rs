//! HTTP Digest authentication (RFC 7616, MD5, `qop="auth"`), as ODK Collect answers a 401: a
//! nonce the server made and still remembers, each nonce count used once (no replay), the
//! request's own method and URI, and the response compared in constant time. Wrong passwords
//! are counted per address: after [`WRONG_PER_ADDRESS`] within [`WRONG_WINDOW`] that address
//! waits until the window ends. Every table here is bounded.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use md5::{Digest, Md5};
use rand::RngExt;

/// The realm phones are asked for.
pub(crate) const REALM: &str = "pijat";
/// How long a nonce is good for.
const NONCE_LIFE: Duration = Duration::from_secs(30 * 60);
/// Nonces remembered at once; the oldest is forgotten first.
const MAX_NONCES: usize = 4096;
/// Wrong answers an address may give within [`WRONG_WINDOW`].
pub(crate) const WRONG_PER_ADDRESS: u32 = 10;
/// The window in which wrong answers are counted.
pub(crate) const WRONG_WINDOW: Duration = Duration::from_secs(60);
/// Addresses whose wrong answers are remembered at once.
const MAX_ADDRESSES: usize = 1024;

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn md5_hex(s: &str) -> String {
    hex(&Md5::digest(s.as_bytes()))
}

/// What the check found.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Verdict {
    /// The right user and password.
    Good,
    /// No credentials, or not right: answer 401 with a fresh challenge (`stale` when only the
    /// nonce was too old).
    Challenge {
        /// The nonce had expired or was forgotten; the password may be right.
        stale: bool,
    },
    /// Too many wrong answers from this address: wait.
    Wait,
}

struct Nonce {
    issued: Instant,
    last_count: u64,
}

#[derive(Default)]
struct Tables {
    nonces: HashMap<String, Nonce>,
    wrong: HashMap<IpAddr, (u32, Instant)>,
}

/// The server's side of Digest: the password and what it remembers.
pub(crate) struct Guard {
    user: String,
    password: String,
    opaque: String,
    tables: Mutex<Tables>,
}

/// The fields of an `Authorization: Digest …` header.
fn fields(header: &str) -> Option<HashMap<String, String>> {
    let rest = header.trim().strip_prefix("Digest ")?;
    let mut out = HashMap::new();
    let mut s = rest.trim();
    while !s.is_empty() {
        let (key, after) = s.split_once('=')?;
        let key = key.trim().to_ascii_lowercase();
        let after = after.trim_start();
        let (value, tail) = if let Some(q) = after.strip_prefix('"') {
            let end = q.find('"')?;
            (q.get(..end)?, q.get(end + 1..)?)
        } else {
            let end = after.find(',').unwrap_or(after.len());
            (after.get(..end)?.trim(), after.get(end..)?)
        };
        if out.insert(key, value.to_string()).is_some() {
            return None;
        }
        s = tail.trim_start().trim_start_matches(',').trim_start();
    }
    Some(out)
}

fn same(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

impl Guard {
    pub(crate) fn new(user: &str, password: &str) -> Guard {
        Guard {
            user: user.to_string(),
            password: password.to_string(),
            opaque: hex(&rand::rng().random::<[u8; 8]>()),
            tables: Mutex::new(Tables::default()),
        }
    }

    fn tables(&self) -> std::sync::MutexGuard<'_, Tables> {
        self.tables.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// A `WWW-Authenticate` value with a new nonce.
    pub(crate) fn challenge(&self, stale: bool, now: Instant) -> String {
        let nonce = hex(&rand::rng().random::<[u8; 16]>());
        let mut t = self.tables();
        t.nonces
            .retain(|_, n| now.duration_since(n.issued) < NONCE_LIFE);
        if t.nonces.len() >= MAX_NONCES
            && let Some(oldest) = t
                .nonces
                .iter()
                .min_by_key(|(_, n)| n.issued)
                .map(|(k, _)| k.clone())
        {
            t.nonces.remove(&oldest);
        }
        t.nonces.insert(
            nonce.clone(),
            Nonce {
                issued: now,
                last_count: 0,
            },
        );
        let stale = if stale { ", stale=true" } else { "" };
        format!(
            "Digest realm=\"{REALM}\", qop=\"auth\", algorithm=MD5, nonce=\"{nonce}\", opaque=\"{}\"{stale}",
            self.opaque
        )
    }

    fn waiting(&self, ip: IpAddr, now: Instant) -> bool {
        self.tables().wrong.get(&ip).is_some_and(|(n, since)| {
            *n >= WRONG_PER_ADDRESS && now.duration_since(*since) < WRONG_WINDOW
        })
    }

    fn count_wrong(&self, ip: IpAddr, now: Instant) {
        let mut t = self.tables();
        t.wrong
            .retain(|_, (_, since)| now.duration_since(*since) < WRONG_WINDOW);
        if t.wrong.len() >= MAX_ADDRESSES && !t.wrong.contains_key(&ip) {
            return;
        }
        let e = t.wrong.entry(ip).or_insert((0, now));
        e.0 += 1;
    }

    /// Checks a request's `Authorization` header for `method` on `uri` (path and query as sent).
    pub(crate) fn check(
        &self,
        header: Option<&str>,
        method: &str,
        uri: &str,
        ip: IpAddr,
        now: Instant,
    ) -> Verdict {
        if self.waiting(ip, now) {
            return Verdict::Wait;
        }
        let Some(f) = header.and_then(fields) else {
            return Verdict::Challenge { stale: false };
        };
        let get = |k: &str| f.get(k).map(String::as_str).unwrap_or_default();
        let (nonce, nc) = (get("nonce"), get("nc"));
        let count = u64::from_str_radix(nc, 16).ok().filter(|_| nc.len() == 8);
        let shape_ok = get("username") == self.user
            && get("realm") == REALM
            && get("uri") == uri
            && get("qop") == "auth"
            && get("opaque") == self.opaque
            && !get("cnonce").is_empty()
            && f.get("algorithm")
                .is_none_or(|a| a.eq_ignore_ascii_case("MD5"))
            && count.is_some();
        let ha1 = md5_hex(&format!("{}:{REALM}:{}", self.user, self.password));
        let ha2 = md5_hex(&format!("{method}:{uri}"));
        let expected = md5_hex(&format!("{ha1}:{nonce}:{nc}:{}:auth:{ha2}", get("cnonce")));
        if !shape_ok || !same(&expected, get("response")) {
            self.count_wrong(ip, now);
            return Verdict::Challenge { stale: false };
        }
        let mut t = self.tables();
        match t.nonces.get_mut(nonce) {
            Some(n)
                if now.duration_since(n.issued) < NONCE_LIFE
                    && count.is_some_and(|c| c > n.last_count) =>
            {
                n.last_count = count.unwrap_or(u64::MAX);
                Verdict::Good
            }
            _ => Verdict::Challenge { stale: true },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What a client computes from a challenge.
    fn answer(
        challenge: &str,
        user: &str,
        password: &str,
        method: &str,
        uri: &str,
        nc: u32,
    ) -> String {
        let f = fields(challenge).unwrap();
        let ha1 = md5_hex(&format!("{user}:{REALM}:{password}"));
        let ha2 = md5_hex(&format!("{method}:{uri}"));
        let nc = format!("{nc:08x}");
        let r = md5_hex(&format!("{ha1}:{}:{nc}:abc:auth:{ha2}", f["nonce"]));
        format!(
            "Digest username=\"{user}\", realm=\"{REALM}\", nonce=\"{}\", uri=\"{uri}\", qop=auth, nc={nc}, cnonce=\"abc\", response=\"{r}\", opaque=\"{}\", algorithm=MD5",
            f["nonce"], f["opaque"]
        )
    }

    #[test]
    fn the_right_password_passes_once_per_count_and_a_wrong_one_is_counted() {
        let g = Guard::new("kader", "s3cret");
        let ip: IpAddr = [192, 168, 137, 5].into();
        let now = Instant::now();
        let c = g.challenge(false, now);
        let good = answer(&c, "kader", "s3cret", "GET", "/formList", 1);
        assert_eq!(
            g.check(Some(&good), "GET", "/formList", ip, now),
            Verdict::Good
        );
        assert_eq!(
            g.check(Some(&good), "GET", "/formList", ip, now),
            Verdict::Challenge { stale: true },
            "the same count again is a replay"
        );
        let next = answer(&c, "kader", "s3cret", "GET", "/formList", 2);
        assert_eq!(
            g.check(Some(&next), "GET", "/formList", ip, now),
            Verdict::Good
        );
        let other_uri = answer(&c, "kader", "s3cret", "GET", "/formList", 3);
        assert_eq!(
            g.check(Some(&other_uri), "POST", "/submission", ip, now),
            Verdict::Challenge { stale: false }
        );
        let later = now + NONCE_LIFE;
        let old = answer(&c, "kader", "s3cret", "GET", "/formList", 4);
        assert_eq!(
            g.check(Some(&old), "GET", "/formList", ip, later),
            Verdict::Challenge { stale: true }
        );
        // The answer for another URI was the first wrong one; nine more make ten.
        for i in 1..WRONG_PER_ADDRESS {
            let bad = answer(&c, "kader", "guess", "GET", "/formList", 10 + i);
            assert_eq!(
                g.check(Some(&bad), "GET", "/formList", ip, now),
                Verdict::Challenge { stale: false }
            );
        }
        let c2 = g.challenge(false, now);
        let good = answer(&c2, "kader", "s3cret", "GET", "/formList", 1);
        assert_eq!(
            g.check(Some(&good), "GET", "/formList", ip, now),
            Verdict::Wait,
            "too many wrong answers"
        );
        let elsewhere: IpAddr = [192, 168, 137, 6].into();
        assert_eq!(
            g.check(Some(&good), "GET", "/formList", elsewhere, now),
            Verdict::Good
        );
    }

    #[test]
    fn headers_that_are_not_digest_are_challenged() {
        let g = Guard::new("kader", "x");
        let ip: IpAddr = [127, 0, 0, 1].into();
        let now = Instant::now();
        for h in [
            "Basic a2FkZXI6eA==",
            "Digest",
            "Digest username=\"kader\", username=\"x\"",
            "Digest a=\"unclosed",
        ] {
            assert_eq!(
                g.check(Some(h), "GET", "/", ip, now),
                Verdict::Challenge { stale: false },
                "{h}"
            );
        }
    }
}
