//! Monitoring records: observations (each step's checklist mark saved as it is made) and
//! follow-up visits. These are health data: the app shows them only in trainer mode.

use pijat_core::records::{MarkRecord, ObservationRecord, VisitFindings, VisitRecord};
use rusqlite::{Connection, OptionalExtension, Row, TransactionBehavior, params};

use super::{Result, Store, StoreError, now};
use crate::vocab::Sql;
use pijat_core::feeding::{Danger, Fed, Recall, Recalled};
use pijat_core::{MilkFlow, Mode};

mod class_marks;
mod phone;
mod sheets;
mod visits;

pub use phone::{PhoneMark, PhoneObservation, Received};

const OBS: &str =
    "id, profile_id, class_id, routine_id, observer, observed_on, mode, created, finished";
const VISIT: &str = "id, profile_id, class_id, visited_on, milk_flow, comfort, massages_per_day, notes, mode, created, \
    fed_breast_milk, fed_water, fed_formula, fed_other_milk, fed_drinks, fed_food, fed_medicine, \
    danger_mother, danger_baby, referred_to";
/// How many columns [`VISIT`] names: the next one a query adds is at this index.
const VISIT_COLUMNS: usize = 20;

fn obs_row(r: &Row) -> rusqlite::Result<ObservationRecord> {
    Ok(ObservationRecord {
        id: r.get(0)?,
        profile_id: r.get(1)?,
        class_id: r.get(2)?,
        routine_id: r.get(3)?,
        observer: r.get(4)?,
        observed_on: r.get(5)?,
        mode: r.get::<_, Sql<Mode>>(6)?.0,
        created: r.get(7)?,
        finished: r.get(8)?,
    })
}

fn visit_row(r: &Row) -> rusqlite::Result<VisitRecord> {
    let flow: String = r.get(4)?;
    Ok(VisitRecord {
        id: r.get(0)?,
        profile_id: r.get(1)?,
        class_id: r.get(2)?,
        visited_on: r.get(3)?,
        findings: VisitFindings {
            milk_flow: MilkFlow::parse(&flow).unwrap_or(MilkFlow::Unsure),
            comfort: r.get(5)?,
            massages_per_day: r.get(6)?,
            notes: r.get(7)?,
            recall: recall_of(r, 10)?,
            danger: danger_of(r, 17)?,
        },
        mode: r.get::<_, Sql<Mode>>(8)?.0,
        created: r.get(9)?,
    })
}

/// The seven recall answers from column `at` on: all present or none (a visit from before).
fn recall_of(r: &Row, at: usize) -> rusqlite::Result<Option<Recall>> {
    let mut recall = Recall::all(Recalled::DontKnow);
    let mut present = 0;
    for (i, f) in Fed::ALL.into_iter().enumerate() {
        let text: Option<String> = r.get(at + i)?;
        if let Some(t) = text {
            let answer = Recalled::from_name(&t).ok_or_else(|| bad_text(at + i, &t))?;
            recall = recall.with(f, answer);
            present += 1;
        }
    }
    Ok((present > 0).then_some(recall))
}

/// The danger signs from column `at` on (mother, baby, referred to).
fn danger_of(r: &Row, at: usize) -> rusqlite::Result<Option<Danger>> {
    let mother: Option<bool> = r.get(at)?;
    let baby: Option<bool> = r.get(at + 1)?;
    let referred_to: Option<String> = r.get(at + 2)?;
    Ok(mother.zip(baby).map(|(mother, baby)| Danger {
        mother,
        baby,
        referred_to,
    }))
}

/// The condition that keeps `column` to a class's members when `class` is given (bound as
/// `param`), so that SQLite finds them through the roster's index instead of reading every
/// row; without a class, a condition that is always true and still names `param`.
pub(crate) fn members_only(column: &str, param: &str, class: Option<&str>) -> String {
    match class {
        Some(_) => {
            format!("{column} IN (SELECT profile_id FROM class_member WHERE class_id = {param})")
        }
        None => format!("{param} IS NULL"),
    }
}

/// `?1, ?2, …, ?n`.
pub(crate) fn placeholders(n: usize) -> String {
    (1..=n)
        .map(|i| format!("?{i}"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn bad_text(i: usize, t: &str) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(
        i,
        rusqlite::types::Type::Text,
        format!("not a recall answer: {t}").into(),
    )
}

/// Writes one visit as it is: the one INSERT of a visit row, for the form, the sheets and the
/// bundles.
pub(crate) fn insert_visit(conn: &Connection, v: &VisitRecord) -> rusqlite::Result<()> {
    let f = &v.findings;
    let recall = |fed: Fed| f.recall.map(|r| r.get(fed).name());
    let danger = f.danger.as_ref();
    let values: [&dyn rusqlite::ToSql; VISIT_COLUMNS] = [
        &v.id,
        &v.profile_id,
        &v.class_id,
        &v.visited_on,
        &f.milk_flow.name(),
        &f.comfort,
        &f.massages_per_day,
        &f.notes.as_deref().filter(|n| !n.trim().is_empty()),
        &Sql(v.mode),
        &v.created,
        &recall(Fed::BreastMilk),
        &recall(Fed::Water),
        &recall(Fed::Formula),
        &recall(Fed::OtherMilk),
        &recall(Fed::Drinks),
        &recall(Fed::Food),
        &recall(Fed::Medicine),
        &danger.map(|d| d.mother),
        &danger.map(|d| d.baby),
        &danger.and_then(|d| d.referred_to.as_deref()),
    ];
    conn.execute(
        &format!(
            "INSERT INTO visit ({VISIT}) VALUES ({})",
            placeholders(VISIT_COLUMNS)
        ),
        values.as_slice(),
    )
    .map(drop)
}

impl Store {
    /// Starts an observation with every step unmarked (not observed until marked).
    pub fn start_observation(
        &mut self,
        profile_id: &str,
        class_id: Option<&str>,
        routine_id: &str,
        observer: &str,
        observed_on: &str,
        steps: &[&str],
    ) -> Result<String> {
        let observer = pijat_core::clean_name(observer).map_err(StoreError::Name)?;
        let id = uuid::Uuid::new_v4().to_string();
        let path = self.path.clone();
        let err = |e| StoreError::sqlite(&path, e);
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(err)?;
        tx.execute(
            &format!(
                "INSERT INTO observation ({OBS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'app', ?7, NULL)"
            ),
            params![
                id,
                profile_id,
                class_id,
                routine_id,
                observer,
                observed_on,
                now()
            ],
        )
        .map_err(err)?;
        for (i, step) in steps.iter().enumerate() {
            tx.execute(
                "INSERT INTO observation_mark (observation_id, step_id, position) VALUES (?1, ?2, ?3)",
                params![id, step, i as u32],
            )
            .map_err(err)?;
        }
        tx.commit().map_err(err)?;
        Ok(id)
    }

    /// One mark, saved as it is made (`None`: not observed).
    pub fn set_mark(&self, observation_id: &str, step_id: &str, mark: Option<i64>) -> Result<()> {
        self.conn
            .execute(
                "UPDATE observation_mark SET mark = ?3 WHERE observation_id = ?1 AND step_id = ?2",
                params![observation_id, step_id, mark],
            )
            .map(drop)
            .map_err(|e| self.err(e))
    }

    /// A note on one step of an observation.
    pub fn set_mark_note(
        &self,
        observation_id: &str,
        step_id: &str,
        note: Option<&str>,
    ) -> Result<()> {
        self.conn
            .execute(
                "UPDATE observation_mark SET note = ?3 WHERE observation_id = ?1 AND step_id = ?2",
                params![
                    observation_id,
                    step_id,
                    note.filter(|n| !n.trim().is_empty())
                ],
            )
            .map(drop)
            .map_err(|e| self.err(e))
    }

    /// The time a timed step was observed to take.
    pub fn set_mark_time(&self, observation_id: &str, step_id: &str, ms: u64) -> Result<()> {
        self.conn
            .execute(
                "UPDATE observation_mark SET timed_ms = ?3 WHERE observation_id = ?1 AND step_id = ?2",
                params![observation_id, step_id, ms as i64],
            )
            .map(drop)
            .map_err(|e| self.err(e))
    }

    /// Ends an observation.
    pub fn finish_observation(&self, id: &str) -> Result<()> {
        self.conn
            .execute(
                "UPDATE observation SET finished = ?2 WHERE id = ?1 AND finished IS NULL",
                params![id, now()],
            )
            .map(drop)
            .map_err(|e| self.err(e))
    }

    /// The observation of a routine the observer left before finishing (the latest), to go on
    /// with it.
    pub fn unfinished_observation(
        &self,
        profile_id: &str,
        routine_id: &str,
    ) -> Result<Option<ObservationRecord>> {
        self.conn
            .query_row(
                &format!(
                    "SELECT {OBS} FROM observation WHERE profile_id = ?1 AND routine_id = ?2
                       AND finished IS NULL AND replaced_by IS NULL ORDER BY created DESC LIMIT 1"
                ),
                params![profile_id, routine_id],
                obs_row,
            )
            .optional()
            .map_err(|e| self.err(e))
    }

    /// A trainee's finished observations of a routine, oldest first (by date, then when made).
    pub fn observations_of(
        &self,
        profile_id: &str,
        routine_id: Option<&str>,
    ) -> Result<Vec<ObservationRecord>> {
        let mut st = self
            .conn
            .prepare_cached(&format!(
                "SELECT {OBS} FROM observation WHERE profile_id = ?1 AND (?2 IS NULL OR routine_id = ?2)
                   AND finished IS NOT NULL AND replaced_by IS NULL ORDER BY observed_on, created"
            ))
            .map_err(|e| self.err(e))?;
        let rows = st
            .query_map(params![profile_id, routine_id], obs_row)
            .map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<_>>()
            .map_err(|e| self.err(e))
    }

    /// Every observation of a trainee, unfinished and replaced ones too (for export).
    pub fn all_observations_of(
        &self,
        profile_id: &str,
    ) -> Result<Vec<(ObservationRecord, Option<String>)>> {
        let mut st = self
            .conn
            .prepare_cached(&format!(
                "SELECT {OBS}, replaced_by FROM observation WHERE profile_id = ?1 ORDER BY created"
            ))
            .map_err(|e| self.err(e))?;
        let rows = st
            .query_map([profile_id], |r| Ok((obs_row(r)?, r.get(9)?)))
            .map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<_>>()
            .map_err(|e| self.err(e))
    }

    /// An observation's marks, step by step.
    pub fn marks(&self, observation_id: &str) -> Result<Vec<MarkRecord>> {
        let mut st = self
            .conn
            .prepare_cached(
                "SELECT step_id, position, mark, note, timed_ms FROM observation_mark
                 WHERE observation_id = ?1 ORDER BY position",
            )
            .map_err(|e| self.err(e))?;
        let rows = st
            .query_map([observation_id], |r| {
                let ms: Option<i64> = r.get(4)?;
                Ok(MarkRecord {
                    step_id: r.get(0)?,
                    position: r.get(1)?,
                    mark: r.get(2)?,
                    note: r.get(3)?,
                    timed_ms: ms.map(|m| m.max(0) as u64),
                })
            })
            .map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<_>>()
            .map_err(|e| self.err(e))
    }

    /// An earlier record from a sheet with the same person, day (and observer): the duplicate
    /// a re-import would make.
    pub fn same_observation(
        &self,
        profile_id: &str,
        routine_id: &str,
        on: &str,
        observer: &str,
    ) -> Result<Option<ObservationRecord>> {
        self.conn
            .query_row(
                &format!(
                    "SELECT {OBS} FROM observation WHERE profile_id = ?1 AND routine_id = ?2 AND observed_on = ?3
                       AND observer = ?4 AND replaced_by IS NULL"
                ),
                params![profile_id, routine_id, on, observer],
                obs_row,
            )
            .optional()
            .map_err(|e| self.err(e))
    }
}
