//! Home visits: saved, listed, and the one of a day found again.

use super::*;
use pijat_core::records::{NewVisit, VisitRecord};

impl Store {
    /// Saves a home visit; its id.
    pub fn add_visit(&self, v: &NewVisit) -> Result<String> {
        let id = uuid::Uuid::new_v4().to_string();
        let record = VisitRecord {
            id: id.clone(),
            profile_id: v.profile_id.into(),
            class_id: v.class_id.map(Into::into),
            visited_on: v.visited_on.into(),
            findings: v.findings.clone(),
            mode: v.mode,
            created: now(),
        };
        insert_visit(&self.conn, &record).map_err(|e| self.err(e))?;
        Ok(id)
    }

    /// A trainee's visits, oldest first.
    pub fn visits_of(&self, profile_id: &str) -> Result<Vec<VisitRecord>> {
        let mut st = self
            .conn
            .prepare_cached(&format!(
                "SELECT {VISIT} FROM visit WHERE profile_id = ?1 AND replaced_by IS NULL ORDER BY visited_on, created"
            ))
            .map_err(|e| self.err(e))?;
        let rows = st
            .query_map([profile_id], visit_row)
            .map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<_>>()
            .map_err(|e| self.err(e))
    }

    /// Every visit of a person, with its class's name.
    pub fn all_visits_of(&self, profile_id: &str) -> Result<Vec<(VisitRecord, Option<String>)>> {
        let mut st = self
            .conn
            .prepare_cached(&format!(
                "SELECT {VISIT}, replaced_by FROM visit WHERE profile_id = ?1 ORDER BY created"
            ))
            .map_err(|e| self.err(e))?;
        let rows = st
            .query_map([profile_id], |r| Ok((visit_row(r)?, r.get(VISIT_COLUMNS)?)))
            .map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<_>>()
            .map_err(|e| self.err(e))
    }

    /// A visit of this person on this day, if one is saved.
    pub fn same_visit(&self, profile_id: &str, on: &str) -> Result<Option<VisitRecord>> {
        self.conn
            .query_row(
                &format!("SELECT {VISIT} FROM visit WHERE profile_id = ?1 AND visited_on = ?2 AND replaced_by IS NULL"),
                params![profile_id, on],
                visit_row,
            )
            .optional()
            .map_err(|e| self.err(e))
    }
}
