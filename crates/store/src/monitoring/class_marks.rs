//! A whole class's checklist marks and visits, for the report.

use super::*;
use pijat_core::records::VisitRecord;

/// One step's mark of a finished observation, for reports over a whole class.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClassMark {
    pub profile_id: String,
    pub observation_id: String,
    /// When it was observed, then when it was recorded: the order of observations.
    pub when: (String, String),
    pub step_id: String,
    pub mark: Option<i64>,
    pub timed_ms: Option<u64>,
}

impl Store {
    /// Every mark of the finished, current observations of a routine (of a class's members when
    /// given): one query for a class, in no particular order.
    pub fn class_marks(&self, routine_id: &str, class_id: Option<&str>) -> Result<Vec<ClassMark>> {
        let mut st = self
            .conn
            .prepare_cached(&format!(
                "SELECT o.profile_id, o.id, m.step_id, m.mark, o.observed_on, o.created, m.timed_ms FROM observation o
                 JOIN observation_mark m ON m.observation_id = o.id
                 WHERE o.routine_id = ?1 AND o.finished IS NOT NULL AND o.replaced_by IS NULL
                   AND {}",
                members_only("o.profile_id", "?2", class_id)
            ))
            .map_err(|e| self.err(e))?;
        let rows = st
            .query_map(params![routine_id, class_id], |r| {
                Ok(ClassMark {
                    profile_id: r.get(0)?,
                    observation_id: r.get(1)?,
                    when: (r.get(4)?, r.get(5)?),
                    step_id: r.get(2)?,
                    mark: r.get(3)?,
                    timed_ms: r.get::<_, Option<i64>>(6)?.map(|t| t.max(0) as u64),
                })
            })
            .map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<_>>()
            .map_err(|e| self.err(e))
    }

    /// Every current visit (of a class's members when given), oldest first.
    pub fn class_visits(&self, class_id: Option<&str>) -> Result<Vec<VisitRecord>> {
        let mut st = self
            .conn
            .prepare_cached(&format!(
                "SELECT {VISIT} FROM visit WHERE replaced_by IS NULL AND {}
                 ORDER BY visited_on, created",
                members_only("profile_id", "?1", class_id)
            ))
            .map_err(|e| self.err(e))?;
        let rows = st
            .query_map(params![class_id], visit_row)
            .map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<_>>()
            .map_err(|e| self.err(e))
    }
}
