//! The trainer PIN: a slow salted hash (Argon2id) in the settings, and wrong tries that make
//! the next try wait longer, remembered across restarts.

use argon2::Argon2;
use argon2::password_hash::phc::PasswordHash;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use pijat_core::records::{PinCheck, RecoverCheck};

use super::{Result, Store, StoreError};

const HASH: &str = "trainer_pin";
const FAILURES: &str = "pin_failures";
const WAIT_UNTIL: &str = "pin_wait_until";
const RECOVERY: &str = "trainer_recovery";

/// Letters and digits that cannot be mistaken for one another when copied by hand.
const RECOVERY_ALPHABET: &[u8] = b"ACDEFGHJKMNPQRTUVWXY34679";

/// A new recovery code: twelve characters in three groups, `K7QM-3XTA-9PRD`.
fn new_recovery_code() -> String {
    use rand::seq::IndexedRandom;
    let mut rng = rand::rng();
    let chars: Vec<char> = (0..12)
        .filter_map(|_| RECOVERY_ALPHABET.choose(&mut rng).map(|b| char::from(*b)))
        .collect();
    chars
        .chunks(4)
        .map(|c| c.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join("-")
}

/// A recovery code as typed: case, spaces and hyphens do not matter.
fn normalise_recovery(code: &str) -> String {
    code.chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

/// The longest wait after wrong tries: five minutes.
pub(crate) const MAX_WAIT: u64 = 300;

/// Seconds to wait after `failures` wrong tries in a row: 0 for the first, then 2, 4, 8… up to
/// five minutes.
pub fn delay_after(failures: u32) -> u64 {
    if failures <= 1 {
        0
    } else {
        (1u64 << (failures - 1).min(9)).min(MAX_WAIT)
    }
}

pub(super) fn unix_now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

impl Store {
    /// Whether a trainer PIN is set.
    pub fn has_pin(&self) -> Result<bool> {
        Ok(self.setting(HASH)?.is_some())
    }

    /// Sets the PIN (first use, or a change after a right PIN) and a new recovery code, which
    /// is returned to be shown once: it is the only way back in when the PIN is forgotten.
    pub fn set_pin(&self, pin: &str) -> Result<String> {
        let hash = Argon2::default()
            .hash_password(pin.as_bytes())
            .map_err(|e| StoreError::Pin(e.to_string()))?
            .to_string();
        let recovery = new_recovery_code();
        let recovery_hash = super::codes::hash(&normalise_recovery(&recovery))?;
        self.write(|s| {
            s.set_setting(HASH, &hash)?;
            s.set_setting(RECOVERY, &recovery_hash)?;
            s.set_setting(FAILURES, "0")?;
            s.set_setting(WAIT_UNTIL, "0")
        })?;
        Ok(recovery)
    }

    /// A forgotten PIN: the recovery code written down at setup sets `new_pin` (and a new
    /// recovery code, returned). Wrong recovery codes wait as wrong PINs do.
    pub fn recover_pin_at(&self, code: &str, new_pin: &str, now: u64) -> Result<RecoverCheck> {
        let Some(stored) = self.setting(RECOVERY)? else {
            return Ok(RecoverCheck::Wrong { wait_seconds: 0 });
        };
        // The same waits as the PIN: the recovery code is checked like a PIN.
        if let Some(seconds) = self.wait_for(now)? {
            return Ok(RecoverCheck::Wait { seconds });
        }
        if super::codes::matches(&normalise_recovery(code), &stored)? {
            return self.set_pin(new_pin).map(RecoverCheck::Right);
        }
        let wait = self.count_failure(now)?;
        Ok(RecoverCheck::Wrong { wait_seconds: wait })
    }

    /// Replaces a forgotten PIN with the recovery code.
    pub fn recover_pin(&self, code: &str, new_pin: &str) -> Result<RecoverCheck> {
        self.recover_pin_at(code, new_pin, unix_now())
    }

    /// Seconds still to wait after wrong tries, capped whatever the clock says.
    fn wait_for(&self, now: u64) -> Result<Option<u64>> {
        let mut wait_until: u64 = self
            .setting(WAIT_UNTIL)?
            .and_then(|v| v.parse().ok())
            .unwrap_or(0);
        if wait_until > now + MAX_WAIT {
            // The clock went back (a flat CMOS battery): the wait starts again from now, never
            // longer than its maximum.
            let failures = self
                .setting(FAILURES)?
                .and_then(|v| v.parse::<u32>().ok())
                .unwrap_or(0);
            wait_until = now + delay_after(failures);
            self.set_setting(WAIT_UNTIL, &wait_until.to_string())?;
        }
        Ok((now < wait_until).then(|| wait_until - now))
    }

    /// One more wrong try: returns the seconds the next try must wait.
    fn count_failure(&self, now: u64) -> Result<u64> {
        let failures = self
            .setting(FAILURES)?
            .and_then(|v| v.parse::<u32>().ok())
            .unwrap_or(0)
            + 1;
        let wait = delay_after(failures);
        self.set_setting(FAILURES, &failures.to_string())?;
        self.set_setting(WAIT_UNTIL, &(now + wait).to_string())?;
        Ok(wait)
    }

    /// Checks the trainer PIN, with the growing waits.
    pub fn check_pin(&self, pin: &str) -> Result<PinCheck> {
        self.check_pin_at(pin, unix_now())
    }

    /// `now` in seconds since 1970, for tests.
    pub fn check_pin_at(&self, pin: &str, now: u64) -> Result<PinCheck> {
        // A try during a wait is not judged: not even the right PIN gets in.
        if let Some(seconds) = self.wait_for(now)? {
            return Ok(PinCheck::Wait { seconds });
        }
        let Some(hash) = self.setting(HASH)? else {
            return Err(StoreError::Pin("no PIN is set".into()));
        };
        let parsed = PasswordHash::new(&hash).map_err(|e| StoreError::Pin(e.to_string()))?;
        if Argon2::default()
            .verify_password(pin.as_bytes(), &parsed)
            .is_ok()
        {
            self.set_setting(FAILURES, "0")?;
            self.set_setting(WAIT_UNTIL, "0")?;
            return Ok(PinCheck::Right);
        }
        let wait = self.count_failure(now)?;
        Ok(PinCheck::Wrong { wait_seconds: wait })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::temp_store;

    #[test]
    fn the_pin_is_stored_as_a_salted_argon2_hash_not_as_digits() {
        let (_d, store) = temp_store();
        assert!(!store.has_pin().unwrap());
        store.set_pin("2468").unwrap();
        let hash = store.setting(HASH).unwrap().unwrap();
        assert!(
            hash.starts_with("$argon2id$") && !hash.contains("2468"),
            "{hash}"
        );
        store.set_pin("2468").unwrap();
        assert_ne!(
            store.setting(HASH).unwrap().unwrap(),
            hash,
            "a new salt each time"
        );
        assert_eq!(store.check_pin_at("2468", 1000).unwrap(), PinCheck::Right);
    }

    #[test]
    fn wrong_tries_wait_longer_each_time_and_the_wait_survives_a_restart() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        store.set_pin("1357").unwrap();
        assert_eq!(
            store.check_pin_at("0000", 1000).unwrap(),
            PinCheck::Wrong { wait_seconds: 0 }
        );
        assert_eq!(
            store.check_pin_at("0000", 1000).unwrap(),
            PinCheck::Wrong { wait_seconds: 2 }
        );
        drop(store);
        let store = Store::open(dir.path()).unwrap();
        assert_eq!(
            store.check_pin_at("1357", 1001).unwrap(),
            PinCheck::Wait { seconds: 1 },
            "even the right PIN waits"
        );
        assert_eq!(
            store.check_pin_at("9999", 1002).unwrap(),
            PinCheck::Wrong { wait_seconds: 4 }
        );
        assert_eq!(store.check_pin_at("1357", 1006).unwrap(), PinCheck::Right);
        assert_eq!(
            store.check_pin_at("0000", 1006).unwrap(),
            PinCheck::Wrong { wait_seconds: 0 },
            "reset after the right PIN"
        );
    }

    #[test]
    fn a_clock_set_back_a_year_never_makes_the_wait_longer_than_five_minutes() {
        let (_d, store) = temp_store();
        store.set_pin("1357").unwrap();
        let year = 365 * 24 * 3600;
        let later = 1_800_000_000;
        for _ in 0..2 {
            store.check_pin_at("0000", later).unwrap();
        }
        // The laptop's clock now says a year earlier.
        let back = later - year;
        match store.check_pin_at("1357", back).unwrap() {
            PinCheck::Wait { seconds } => assert!(seconds <= MAX_WAIT, "{seconds}"),
            other => panic!("a try in the wait is refused, not judged: {other:?}"),
        }
        assert_eq!(
            store.check_pin_at("1357", back + MAX_WAIT).unwrap(),
            PinCheck::Right
        );
    }

    #[test]
    fn a_forgotten_pin_is_set_again_only_with_the_recovery_code() {
        let (_d, store) = temp_store();
        let recovery = store.set_pin("1357").unwrap();
        assert_eq!(recovery.len(), 14, "{recovery}");
        assert_eq!(
            store
                .recover_pin_at("AAAA-AAAA-AAAA", "2468", 1000)
                .unwrap(),
            RecoverCheck::Wrong { wait_seconds: 0 }
        );
        assert_eq!(
            store.check_pin_at("2468", 1000).unwrap(),
            PinCheck::Wrong { wait_seconds: 2 }
        );
        // Typed in lower case with spaces: still the code.
        let typed = recovery.to_lowercase().replace('-', " ");
        let RecoverCheck::Right(next) = store.recover_pin_at(&typed, "2468", 1010).unwrap() else {
            panic!("the recovery code sets the PIN");
        };
        assert_ne!(next, recovery, "a new recovery code each time");
        assert_eq!(store.check_pin_at("2468", 1010).unwrap(), PinCheck::Right);
        assert_eq!(
            store.recover_pin_at(&recovery, "1111", 1010).unwrap(),
            RecoverCheck::Wrong { wait_seconds: 0 },
            "the old recovery code no longer works"
        );
    }

    #[test]
    fn waits_are_capped_at_five_minutes() {
        assert_eq!(delay_after(12), 300);
    }
}
