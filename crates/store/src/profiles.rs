//! Trainee profiles: a name and a role, the language they read, and when they last used pijat.

use pijat_core::records::Profile;
use rusqlite::{OptionalExtension, Row, params};

use super::{Result, Store, now};
use pijat_core::Role;

use pijat_core::names::{clean_name, name_key};

pub(super) fn from_row(r: &Row) -> rusqlite::Result<Profile> {
    let role: String = r.get(2)?;
    Ok(Profile {
        id: r.get(0)?,
        name: r.get(1)?,
        role: Role::parse(&role).unwrap_or(Role::Other),
        lang: r.get(3)?,
        created: r.get(4)?,
        last_used: r.get(5)?,
        baby_born: r.get(6)?,
        contact: r.get(7)?,
    })
}

/// The columns [`from_row`] reads, in its order.
pub(super) const COLUMNS: &str = "id, name, role, lang, created, last_used, baby_born, contact";

impl Store {
    /// The person with this name (names compare in one form).
    pub fn profile_by_name(&self, name: &str) -> Result<Option<Profile>> {
        self.conn
            .query_row(
                &format!("SELECT {COLUMNS} FROM profile WHERE name_key = ?1"),
                [name_key(name)],
                from_row,
            )
            .optional()
            .map_err(|e| self.err(e))
    }

    /// The person `id`.
    pub fn profile(&self, id: &str) -> Result<Option<Profile>> {
        self.conn
            .query_row(
                &format!("SELECT {COLUMNS} FROM profile WHERE id = ?1"),
                [id],
                from_row,
            )
            .optional()
            .map_err(|e| self.err(e))
    }

    /// Creates a profile, or returns the one that already has this name (another window may
    /// have created it a moment ago).
    pub fn create_profile(&self, name: &str, role: Role) -> Result<Profile> {
        let name = clean_name(name).map_err(super::StoreError::Name)?;
        let t = now();
        self.conn
            .execute(
                "INSERT INTO profile (id, name, name_key, role, lang, created, last_used)
                 VALUES (?1, ?2, ?3, ?4, NULL, ?5, ?5)
                 ON CONFLICT (name_key) DO NOTHING",
                params![
                    uuid::Uuid::new_v4().to_string(),
                    name,
                    name_key(&name),
                    role.name(),
                    t
                ],
            )
            .map_err(|e| self.err(e))?;
        self.profile_by_name(&name)?
            .ok_or(super::StoreError::Vanished)
    }

    /// Most recently used first: the next trainee at a shared laptop finds their name on top.
    pub fn profiles_recent(&self) -> Result<Vec<Profile>> {
        let mut st = self
            .conn
            .prepare(&format!(
                "SELECT {COLUMNS} FROM profile ORDER BY last_used DESC, name_key"
            ))
            .map_err(|e| self.err(e))?;
        let rows = st.query_map([], from_row).map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<_>>()
            .map_err(|e| self.err(e))
    }

    /// Notes that a person was just active.
    pub fn touch_profile(&self, id: &str) -> Result<()> {
        self.conn
            .execute(
                "UPDATE profile SET last_used = ?2 WHERE id = ?1",
                params![id, now()],
            )
            .map(drop)
            .map_err(|e| self.err(e))
    }

    /// The language a person reads pijat in.
    pub fn set_profile_lang(&self, id: &str, lang: &str) -> Result<()> {
        self.conn
            .execute(
                "UPDATE profile SET lang = ?2 WHERE id = ?1",
                params![id, lang],
            )
            .map(drop)
            .map_err(|e| self.err(e))
    }
}

impl Store {
    /// Renames a trainee; a name another trainee has is refused.
    pub fn rename_profile(&self, id: &str, new_name: &str) -> Result<Profile> {
        let name = clean_name(new_name).map_err(super::StoreError::Name)?;
        if let Some(other) = self.profile_by_name(&name)?
            && other.id != id
        {
            return Err(super::StoreError::NameTaken(name));
        }
        self.conn
            .execute(
                "UPDATE profile SET name = ?2, name_key = ?3 WHERE id = ?1",
                params![id, name, name_key(&name)],
            )
            .map_err(|e| self.err(e))?;
        self.profile(id)?.ok_or(super::StoreError::Vanished)
    }

    /// What the trainer keeps for a father's home visits, in one transaction: the baby's date
    /// of birth as typed (any way [`parse_date`](pijat_core::dates::parse_date) reads; empty
    /// clears; after `today` is refused), a contact line (empty clears), and the cadre who
    /// visits him in a class (`None` clears; a cadre not on the roster is not set).
    pub fn set_family(
        &self,
        id: &str,
        baby_born: &str,
        contact: &str,
        cadre: Option<(&str, Option<&str>)>,
        today: &str,
    ) -> Result<()> {
        let born = match baby_born.trim() {
            "" => None,
            typed => {
                let day = pijat_core::dates::parse_date(typed)
                    .ok_or_else(|| super::StoreError::NotADate(typed.to_string()))?;
                if day.as_str() > today {
                    return Err(super::StoreError::BornAfterToday(day));
                }
                // The programme follows babies in their first months: a birth years ago is a
                // mistyped year.
                if pijat_core::feeding::age_days(&day, today).is_some_and(|d| d > 3 * 366) {
                    return Err(super::StoreError::BornLongAgo(day));
                }
                Some(day)
            }
        };
        let contact = Some(contact.trim()).filter(|c| !c.is_empty());
        self.write(|store| {
            store
                .conn
                .execute(
                    "UPDATE profile SET baby_born = ?2, contact = ?3 WHERE id = ?1",
                    params![id, born, contact],
                )
                .map_err(|e| store.err(e))?;
            match cadre {
                Some((class_id, cadre_id)) => store.set_cadre(class_id, id, cadre_id),
                None => Ok(()),
            }
        })
    }

    /// Changes a person's role.
    pub fn set_role(&self, id: &str, role: Role) -> Result<()> {
        self.conn
            .execute(
                "UPDATE profile SET role = ?2 WHERE id = ?1",
                params![id, role.name()],
            )
            .map(drop)
            .map_err(|e| self.err(e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::temp_store;
    use pijat_core::NameError;

    #[test]
    fn names_are_trimmed_and_checked() {
        assert_eq!(clean_name("  Budi   Santoso "), Ok("Budi Santoso".into()));
        assert_eq!(clean_name("   "), Err(NameError::Empty));
        assert_eq!(clean_name("Budi\u{7}"), Err(NameError::Control));
        assert_eq!(
            clean_name(&"é".repeat(60)).map(|n| n.chars().count()),
            Ok(60)
        );
        assert_eq!(clean_name(&"é".repeat(61)), Err(NameError::TooLong(61, 60)));
    }

    #[test]
    fn unicode_names_are_kept_and_found_ignoring_case_and_spacing() {
        let (_d, store) = temp_store();
        let p = store
            .create_profile("Ñoman Śuparman 👶", Role::Father)
            .unwrap();
        assert_eq!(p.name, "Ñoman Śuparman 👶");
        let again = store
            .profile_by_name("  ñoman   śuparman 👶")
            .unwrap()
            .unwrap();
        assert_eq!(again.id, p.id);
        // Creating the same name again returns the existing profile.
        assert_eq!(
            store
                .create_profile("ÑOMAN ŚUPARMAN 👶", Role::Other)
                .unwrap()
                .id,
            p.id
        );
        assert_eq!(store.profiles_recent().unwrap().len(), 1);
    }

    #[test]
    fn the_most_recently_used_profile_comes_first() {
        let (_d, store) = temp_store();
        let a = store.create_profile("Ani", Role::Cadre).unwrap();
        std::thread::sleep(std::time::Duration::from_millis(5));
        let b = store.create_profile("Budi", Role::Father).unwrap();
        assert_eq!(store.profiles_recent().unwrap()[0].id, b.id);
        std::thread::sleep(std::time::Duration::from_millis(5));
        store.touch_profile(&a.id).unwrap();
        assert_eq!(store.profiles_recent().unwrap()[0].id, a.id);
    }

    #[test]
    fn roles_read_in_both_languages() {
        assert_eq!(Role::parse("Ayah"), Some(Role::Father));
        assert_eq!(Role::parse("bidan"), Some(Role::Midwife));
        assert_eq!(Role::parse("KADER"), Some(Role::Cadre));
        assert_eq!(Role::parse("chief"), None);
    }
}
