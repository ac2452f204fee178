//! Guided practice runs: each step's active time and the trainee's self-check, saved as they
//! happen; and the lesson pages a trainee has read.

use pijat_core::records::{PracticeRun, PracticeStepRecord};
use std::collections::{BTreeMap, BTreeSet};

use rusqlite::{OptionalExtension, params};

use super::{Result, Store, now};

const RUN_COLUMNS: &str = "r.id, r.profile_id, r.routine_id, r.speed, r.started, r.finished,
    (SELECT coalesce(sum(spent_ms), 0) FROM practice_step WHERE run_id = r.id),
    (SELECT count(*) FROM practice_step WHERE run_id = r.id AND done_well = 1),
    (SELECT count(*) FROM practice_step WHERE run_id = r.id)";

fn run_row(r: &rusqlite::Row) -> rusqlite::Result<PracticeRun> {
    let ms: i64 = r.get(6)?;
    Ok(PracticeRun {
        id: r.get(0)?,
        profile_id: r.get(1)?,
        routine_id: r.get(2)?,
        speed: r.get(3)?,
        started: r.get(4)?,
        finished: r.get(5)?,
        spent_seconds: ms as f64 / 1000.0,
        done_well: r.get(7)?,
        steps: r.get(8)?,
    })
}

impl Store {
    /// Starts a practice run with a row for every step, so a run cut short still shows them.
    pub fn start_practice(
        &mut self,
        profile_id: &str,
        routine_id: &str,
        speed: f64,
        content_version: &str,
        steps: &[(&str, Option<u32>)],
    ) -> Result<String> {
        let id = uuid::Uuid::new_v4().to_string();
        let path = self.path.clone();
        let err = |e| super::StoreError::sqlite(&path, e);
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .map_err(err)?;
        tx.execute(
            "INSERT INTO practice_run (id, profile_id, routine_id, speed, content_version, app_version, started)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![id, profile_id, routine_id, speed, content_version, env!("CARGO_PKG_VERSION"), now()],
        )
        .map_err(err)?;
        for (i, (step, planned)) in steps.iter().enumerate() {
            tx.execute(
                "INSERT INTO practice_step (run_id, step_id, position, planned_seconds) VALUES (?1, ?2, ?3, ?4)",
                params![id, step, i as u32, planned],
            )
            .map_err(err)?;
        }
        tx.commit().map_err(err)?;
        Ok(id)
    }

    /// Records the total active time of a step so far (saved at every step change).
    pub fn save_step_time(&self, run_id: &str, step_id: &str, spent_ms: u64) -> Result<()> {
        self.conn
            .execute(
                "UPDATE practice_step SET spent_ms = ?3 WHERE run_id = ?1 AND step_id = ?2",
                params![run_id, step_id, spent_ms as i64],
            )
            .map(drop)
            .map_err(|e| self.err(e))
    }

    /// One tick of the self-check, saved as it is made.
    pub fn set_done_well(
        &self,
        run_id: &str,
        step_id: &str,
        done_well: Option<bool>,
    ) -> Result<()> {
        self.conn
            .execute(
                "UPDATE practice_step SET done_well = ?3 WHERE run_id = ?1 AND step_id = ?2",
                params![run_id, step_id, done_well],
            )
            .map(drop)
            .map_err(|e| self.err(e))
    }

    /// Ends a practice run.
    pub fn finish_practice(&self, run_id: &str) -> Result<()> {
        self.conn
            .execute(
                "UPDATE practice_run SET finished = ?2 WHERE id = ?1 AND finished IS NULL",
                params![run_id, now()],
            )
            .map(drop)
            .map_err(|e| self.err(e))
    }

    /// The practice run `id`.
    pub fn practice_run(&self, run_id: &str) -> Result<Option<PracticeRun>> {
        self.conn
            .query_row(
                &format!("SELECT {RUN_COLUMNS} FROM practice_run r WHERE r.id = ?1"),
                [run_id],
                run_row,
            )
            .optional()
            .map_err(|e| self.err(e))
    }

    /// A trainee's practice runs, oldest first.
    pub fn practice_runs_of(&self, profile_id: &str) -> Result<Vec<PracticeRun>> {
        let mut st = self
            .conn
            .prepare_cached(&format!(
                "SELECT {RUN_COLUMNS} FROM practice_run r WHERE r.profile_id = ?1 ORDER BY r.started, r.id"
            ))
            .map_err(|e| self.err(e))?;
        let rows = st
            .query_map([profile_id], run_row)
            .map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<_>>()
            .map_err(|e| self.err(e))
    }

    /// A practice run's steps, in order.
    pub fn practice_steps(&self, run_id: &str) -> Result<Vec<PracticeStepRecord>> {
        let mut st = self
            .conn
            .prepare_cached(
                "SELECT step_id, position, planned_seconds, spent_ms, done_well FROM practice_step
                 WHERE run_id = ?1 ORDER BY position",
            )
            .map_err(|e| self.err(e))?;
        let rows = st
            .query_map([run_id], |r| {
                let ms: i64 = r.get(3)?;
                Ok(PracticeStepRecord {
                    step_id: r.get(0)?,
                    position: r.get(1)?,
                    planned_seconds: r.get(2)?,
                    spent_ms: ms.max(0) as u64,
                    done_well: r.get(4)?,
                })
            })
            .map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<_>>()
            .map_err(|e| self.err(e))
    }

    /// Notes that a person opened a page of a module.
    pub fn mark_page_viewed(&self, profile_id: &str, module_id: &str, page: usize) -> Result<()> {
        self.conn
            .execute(
                "INSERT INTO page_view (profile_id, module_id, page, viewed) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT DO NOTHING",
                params![profile_id, module_id, page as i64, now()],
            )
            .map(drop)
            .map_err(|e| self.err(e))
    }

    /// The pages a trainee has opened, by module.
    pub fn pages_viewed(&self, profile_id: &str) -> Result<BTreeMap<String, BTreeSet<usize>>> {
        let mut st = self
            .conn
            .prepare_cached("SELECT module_id, page FROM page_view WHERE profile_id = ?1")
            .map_err(|e| self.err(e))?;
        let rows = st
            .query_map([profile_id], |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?))
            })
            .map_err(|e| self.err(e))?;
        let mut out: BTreeMap<String, BTreeSet<usize>> = BTreeMap::new();
        for row in rows {
            let (m, p) = row.map_err(|e| self.err(e))?;
            out.entry(m).or_default().insert(p.max(0) as usize);
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use crate::Role;
    use crate::test_support::temp_store;

    #[test]
    fn a_run_keeps_step_times_and_ticks_as_they_are_saved() {
        let (_d, mut store) = temp_store();
        let p = store.create_profile("Budi", Role::Father).unwrap();
        let run = store
            .start_practice(
                &p.id,
                "oxytocin-massage",
                1.0,
                "v",
                &[("check", None), ("massage", Some(150))],
            )
            .unwrap();
        // Cut short after the first step: the run exists, unfinished, with both steps.
        store.save_step_time(&run, "check", 12_500).unwrap();
        let r = store.practice_run(&run).unwrap().unwrap();
        assert_eq!(
            (r.finished.is_none(), r.steps, r.spent_seconds),
            (true, 2, 12.5)
        );
        store.save_step_time(&run, "massage", 151_000).unwrap();
        store.set_done_well(&run, "massage", Some(true)).unwrap();
        store.set_done_well(&run, "check", Some(false)).unwrap();
        store.finish_practice(&run).unwrap();
        let steps = store.practice_steps(&run).unwrap();
        assert_eq!(steps[1].planned_seconds, Some(150));
        assert_eq!(steps[1].spent_ms, 151_000);
        assert_eq!(steps[1].done_well, Some(true));
        let runs = store.practice_runs_of(&p.id).unwrap();
        assert_eq!(runs.len(), 1);
        assert_eq!(runs[0].done_well, 1);
        assert!(runs[0].finished.is_some());
    }

    #[test]
    fn pages_viewed_are_remembered_per_module() {
        let (_d, store) = temp_store();
        let p = store.create_profile("Ani", Role::Cadre).unwrap();
        store.mark_page_viewed(&p.id, "anatomy", 0).unwrap();
        store.mark_page_viewed(&p.id, "anatomy", 0).unwrap();
        store.mark_page_viewed(&p.id, "anatomy", 2).unwrap();
        let seen = store.pages_viewed(&p.id).unwrap();
        assert_eq!(
            seen["anatomy"].iter().copied().collect::<Vec<_>>(),
            vec![0, 2]
        );
    }
}
