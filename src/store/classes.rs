//! Classes: a named group of trainees, so that attempts can be filed and reported together.

use rusqlite::{OptionalExtension, Row, params};

use super::profiles::{clean_name, name_key};
use super::{Result, Store, StoreError, now};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClassRow {
    pub id: String,
    pub name: String,
    pub place: Option<String>,
    pub starts: Option<String>,
    pub ends: Option<String>,
    pub trainer: Option<String>,
    pub created: String,
}

fn from_row(r: &Row) -> rusqlite::Result<ClassRow> {
    Ok(ClassRow {
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
    pub fn class_by_name(&self, name: &str) -> Result<Option<ClassRow>> {
        self.conn
            .query_row(
                &format!("SELECT {COLUMNS} FROM class WHERE name_key = ?1"),
                [name_key(name)],
                from_row,
            )
            .optional()
            .map_err(|e| self.err(e))
    }

    pub fn class(&self, id: &str) -> Result<Option<ClassRow>> {
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
    pub fn ensure_class(&self, name: &str) -> Result<ClassRow> {
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
