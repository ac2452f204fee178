//! Classes: a named group of trainees, so that attempts can be filed and reported together.

use pijat_core::records::{ClassDetails, ClassRecord};
use rusqlite::{OptionalExtension, Row, params};

use super::{Result, Store, StoreError, now};
use pijat_core::names::{clean_name, name_key};

fn from_row(r: &Row) -> rusqlite::Result<ClassRecord> {
    Ok(ClassRecord {
        id: r.get(0)?,
        name: r.get(1)?,
        place: r.get(2)?,
        starts: r.get(3)?,
        ends: r.get(4)?,
        trainer: r.get(5)?,
        created: r.get(6)?,
    })
}

const COLUMNS: &str = "id, name, place, starts, ends, trainer, created";

impl Store {
    /// The class with this name.
    pub fn class_by_name(&self, name: &str) -> Result<Option<ClassRecord>> {
        self.conn
            .query_row(
                &format!("SELECT {COLUMNS} FROM class WHERE name_key = ?1"),
                [name_key(name)],
                from_row,
            )
            .optional()
            .map_err(|e| self.err(e))
    }

    /// The class `id`.
    pub fn class(&self, id: &str) -> Result<Option<ClassRecord>> {
        self.conn
            .query_row(
                &format!("SELECT {COLUMNS} FROM class WHERE id = ?1"),
                [id],
                from_row,
            )
            .optional()
            .map_err(|e| self.err(e))
    }

    /// The class with this name, created when new.
    pub fn ensure_class(&self, name: &str) -> Result<ClassRecord> {
        let name = clean_name(name).map_err(StoreError::Name)?;
        self.conn
            .execute(
                "INSERT INTO class (id, name, name_key, created) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (name_key) DO NOTHING",
                params![
                    uuid::Uuid::new_v4().to_string(),
                    name,
                    name_key(&name),
                    now()
                ],
            )
            .map_err(|e| self.err(e))?;
        self.class_by_name(&name)?.ok_or(StoreError::Vanished)
    }

    /// Puts a person on a class's roster.
    pub fn add_member(&self, class_id: &str, profile_id: &str) -> Result<()> {
        self.conn
            .execute(
                "INSERT INTO class_member (class_id, profile_id, added) VALUES (?1, ?2, ?3)
                 ON CONFLICT DO NOTHING",
                params![class_id, profile_id, now()],
            )
            .map(drop)
            .map_err(|e| self.err(e))
    }
}

impl Store {
    /// Every class, the newest first.
    pub fn classes(&self) -> Result<Vec<ClassRecord>> {
        let mut st = self
            .conn
            .prepare_cached(&format!(
                "SELECT {COLUMNS} FROM class ORDER BY created DESC, name_key"
            ))
            .map_err(|e| self.err(e))?;
        let rows = st.query_map([], from_row).map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<_>>()
            .map_err(|e| self.err(e))
    }

    /// Creates a class, or saves new details for an existing one (`id`). A name already used by
    /// another class is refused.
    pub fn save_class(&self, id: Option<&str>, d: &ClassDetails) -> Result<ClassRecord> {
        let name = clean_name(&d.name).map_err(StoreError::Name)?;
        if let Some(other) = self.class_by_name(&name)?
            && Some(other.id.as_str()) != id
        {
            return Err(StoreError::NameTaken(name));
        }
        // Place and trainer are printed on reports and certificates: cleaned as names are.
        let clean = |s: &Option<String>, max| -> Result<Option<String>> {
            match s.as_deref().map(str::trim).filter(|v| !v.is_empty()) {
                None => Ok(None),
                Some(v) => pijat_core::names::clean_text(v, max)
                    .map(Some)
                    .map_err(StoreError::Name),
            }
        };
        let blank = |s: &Option<String>| {
            s.as_ref()
                .map(|v| v.trim().to_string())
                .filter(|v| !v.is_empty())
        };
        // Dates are stored as dates (`2026-12-06`), however they were typed; text that is not a
        // date is refused, so no paper or report has to drop it later.
        let day = |s: &Option<String>| -> Result<Option<String>> {
            match s.as_deref().map(str::trim).filter(|v| !v.is_empty()) {
                None => Ok(None),
                Some(v) => pijat_core::dates::parse_date(v)
                    .map(Some)
                    .ok_or_else(|| StoreError::NotADate(v.to_string())),
            }
        };
        let (starts, ends) = (day(&d.starts)?, day(&d.ends)?);
        if let (Some(a), Some(b)) = (&starts, &ends)
            && b < a
        {
            return Err(StoreError::EndsBeforeStarts);
        }
        let d = &ClassDetails {
            place: clean(&d.place, 120)?,
            trainer: clean(&d.trainer, pijat_core::names::MAX_NAME_CHARS)?,
            starts,
            ends,
            ..d.clone()
        };
        let id = match id {
            Some(id) => {
                self.conn
                    .execute(
                        "UPDATE class SET name = ?2, name_key = ?3, place = ?4, starts = ?5, ends = ?6, trainer = ?7
                         WHERE id = ?1",
                        params![id, name, name_key(&name), blank(&d.place), blank(&d.starts), blank(&d.ends), blank(&d.trainer)],
                    )
                    .map_err(|e| self.err(e))?;
                id.to_string()
            }
            None => {
                let id = uuid::Uuid::new_v4().to_string();
                self.conn
                    .execute(
                        "INSERT INTO class (id, name, name_key, place, starts, ends, trainer, created)
                         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                        params![id, name, name_key(&name), blank(&d.place), blank(&d.starts), blank(&d.ends), blank(&d.trainer), now()],
                    )
                    .map_err(|e| self.err(e))?;
                id
            }
        };
        self.class(&id)?.ok_or(StoreError::Vanished)
    }

    /// The roster, by name.
    pub fn members(&self, class_id: &str) -> Result<Vec<super::Profile>> {
        let mut st = self
            .conn
            .prepare_cached(
                "SELECT p.id, p.name, p.role, p.lang, p.created, p.last_used, p.baby_born, p.contact
                 FROM class_member m JOIN profile p ON p.id = m.profile_id
                 WHERE m.class_id = ?1 ORDER BY p.name_key",
            )
            .map_err(|e| self.err(e))?;
        let rows = st
            .query_map([class_id], super::profiles::from_row)
            .map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<_>>()
            .map_err(|e| self.err(e))
    }

    /// The cadre who visits a member (`None` clears it). The cadre must be on the roster.
    pub fn set_cadre(
        &self,
        class_id: &str,
        profile_id: &str,
        cadre_id: Option<&str>,
    ) -> Result<()> {
        self.conn
            .execute(
                "UPDATE class_member SET cadre_id = ?3 WHERE class_id = ?1 AND profile_id = ?2
                 AND (?3 IS NULL OR EXISTS (SELECT 1 FROM class_member c WHERE c.class_id = ?1 AND c.profile_id = ?3))",
                params![class_id, profile_id, cadre_id],
            )
            .map(drop)
            .map_err(|e| self.err(e))
    }

    /// Each member's cadre, member id to cadre id, for the members that have one.
    pub fn cadres(&self, class_id: &str) -> Result<std::collections::BTreeMap<String, String>> {
        let mut st = self
            .conn
            .prepare_cached(
                "SELECT profile_id, cadre_id FROM class_member WHERE class_id = ?1 AND cadre_id IS NOT NULL",
            )
            .map_err(|e| self.err(e))?;
        let rows = st
            .query_map([class_id], |r| Ok((r.get(0)?, r.get(1)?)))
            .map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<_>>()
            .map_err(|e| self.err(e))
    }

    /// Takes a participant off the roster. Their profile and every result stay.
    pub fn remove_member(&self, class_id: &str, profile_id: &str) -> Result<()> {
        self.conn
            .execute(
                "DELETE FROM class_member WHERE class_id = ?1 AND profile_id = ?2",
                params![class_id, profile_id],
            )
            .map(drop)
            .map_err(|e| self.err(e))
    }
}
