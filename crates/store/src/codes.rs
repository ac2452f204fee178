//! A trainee's personal code: four digits that keep his record and his tests his own on a
//! shared laptop. Stored as a slow salted hash; wrong tries make the next one wait, as for the
//! trainer PIN. The trainer can clear a forgotten code; the trainee then chooses a new one.

use argon2::Argon2;
use argon2::password_hash::phc::PasswordHash;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use pijat_core::records::PinCheck;
use rusqlite::{OptionalExtension, params};

use super::pin::{MAX_WAIT, delay_after};
use super::{Result, Store, StoreError};

/// The setting that turns personal codes off (self-study on one's own laptop).
const CODES: &str = "personal_codes";

pub(super) fn hash(secret: &str) -> Result<String> {
    Argon2::default()
        .hash_password(secret.as_bytes())
        .map(|h| h.to_string())
        .map_err(|e| StoreError::Pin(e.to_string()))
}

pub(super) fn matches(secret: &str, stored: &str) -> Result<bool> {
    let parsed = PasswordHash::new(stored).map_err(|e| StoreError::Pin(e.to_string()))?;
    Ok(Argon2::default()
        .verify_password(secret.as_bytes(), &parsed)
        .is_ok())
}

impl Store {
    /// Whether trainees need their code to open their record (on unless the trainer turned it
    /// off for self-study).
    pub fn codes_required(&self) -> Result<bool> {
        Ok(self.setting(CODES)?.is_none_or(|v| v != "off"))
    }

    /// Turns personal codes on or off.
    pub fn set_codes_required(&self, on: bool) -> Result<()> {
        self.set_setting(CODES, if on { "on" } else { "off" })
    }

    /// Whether a person has a personal code.
    pub fn has_code(&self, profile_id: &str) -> Result<bool> {
        self.conn
            .query_row(
                "SELECT 1 FROM profile_code WHERE profile_id = ?1",
                [profile_id],
                |_| Ok(()),
            )
            .optional()
            .map(|r| r.is_some())
            .map_err(|e| self.err(e))
    }

    /// Sets (or replaces) the trainee's code.
    pub fn set_code(&self, profile_id: &str, code: &str) -> Result<()> {
        let h = hash(code)?;
        self.conn
            .execute(
                "INSERT INTO profile_code (profile_id, hash) VALUES (?1, ?2)
                 ON CONFLICT (profile_id) DO UPDATE SET hash = excluded.hash, failures = 0, wait_until = 0",
                params![profile_id, h],
            )
            .map(drop)
            .map_err(|e| self.err(e))
    }

    /// The trainer clears a forgotten code: the trainee chooses a new one next time.
    pub fn clear_code(&self, profile_id: &str) -> Result<()> {
        self.conn
            .execute(
                "DELETE FROM profile_code WHERE profile_id = ?1",
                [profile_id],
            )
            .map(drop)
            .map_err(|e| self.err(e))
    }

    /// `now` in seconds since 1970. A try during a wait is not judged.
    pub fn check_code_at(&self, profile_id: &str, code: &str, now: u64) -> Result<PinCheck> {
        self.write(|s| {
            let row: Option<(String, u32, u64)> = s
                .conn
                .query_row(
                    "SELECT hash, failures, wait_until FROM profile_code WHERE profile_id = ?1",
                    [profile_id],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get::<_, i64>(2)? as u64)),
                )
                .optional()
                .map_err(|e| s.err(e))?;
            let Some((stored, failures, mut wait_until)) = row else {
                return Err(StoreError::Pin("no code is set".into()));
            };
            if wait_until > now + MAX_WAIT {
                wait_until = now + delay_after(failures);
            }
            if now < wait_until {
                return Ok(PinCheck::Wait {
                    seconds: wait_until - now,
                });
            }
            let (failures, wait) = if matches(code, &stored)? {
                (0, 0)
            } else {
                // Four digits are quickly guessed: from the third wrong try on, each waits.
                let f = failures + 1;
                (f, delay_after(f.saturating_sub(1)))
            };
            s.conn
                .execute(
                    "UPDATE profile_code SET failures = ?2, wait_until = ?3 WHERE profile_id = ?1",
                    params![profile_id, failures, (now + wait) as i64],
                )
                .map_err(|e| s.err(e))?;
            Ok(if failures == 0 {
                PinCheck::Right
            } else {
                PinCheck::Wrong { wait_seconds: wait }
            })
        })
    }

    /// Checks a personal code, with the growing waits.
    pub fn check_code(&self, profile_id: &str, code: &str) -> Result<PinCheck> {
        self.check_code_at(profile_id, code, super::pin::unix_now())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Role;
    use crate::test_support::temp_store;

    #[test]
    fn a_code_opens_only_its_own_record_and_wrong_tries_wait() {
        let (_d, store) = temp_store();
        let budi = store.create_profile("Budi", Role::Father).unwrap();
        let siti = store.create_profile("Siti", Role::Cadre).unwrap();
        assert!(store.codes_required().unwrap());
        assert!(!store.has_code(&budi.id).unwrap());
        store.set_code(&budi.id, "4821").unwrap();
        store.set_code(&siti.id, "1111").unwrap();
        assert!(store.has_code(&budi.id).unwrap());
        assert_eq!(
            store.check_code_at(&budi.id, "4821", 100).unwrap(),
            PinCheck::Right
        );
        assert_eq!(
            store.check_code_at(&budi.id, "1111", 100).unwrap(),
            PinCheck::Wrong { wait_seconds: 0 },
            "Siti's code is not Budi's"
        );
        assert_eq!(
            store.check_code_at(&budi.id, "0000", 100).unwrap(),
            PinCheck::Wrong { wait_seconds: 0 }
        );
        assert_eq!(
            store.check_code_at(&budi.id, "0001", 100).unwrap(),
            PinCheck::Wrong { wait_seconds: 2 }
        );
        assert_eq!(
            store.check_code_at(&budi.id, "4821", 101).unwrap(),
            PinCheck::Wait { seconds: 1 }
        );
        assert_eq!(
            store.check_code_at(&budi.id, "4821", 102).unwrap(),
            PinCheck::Right
        );
        store.clear_code(&budi.id).unwrap();
        assert!(!store.has_code(&budi.id).unwrap());
        store.set_codes_required(false).unwrap();
        assert!(!store.codes_required().unwrap());
    }
}
