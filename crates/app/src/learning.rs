//! A trainee's own record: attempts, practice runs, pages read, and the ticks of a practice.

use std::collections::{BTreeMap, BTreeSet};

use super::records::{Records, pass_through};
use crate::Result;
use pijat_core::Phase;
use pijat_store::{AttemptRecord, PracticeRun};

impl Records {
    /// Finishes a practice run: the self-check's marks (`marks[i]` for `step_ids[i]`, the
    /// routine's steps in order) and the end, written in one transaction. When it fails nothing
    /// of it is written and the run stays open, to be finished again.
    pub fn finish_practice(&self, run_id: &str, step_ids: &[&str], marks: &[bool]) -> Result<()> {
        Ok(self.store().write(|s| {
            for (step, well) in step_ids.iter().zip(marks) {
                s.set_done_well(run_id, step, Some(*well))?;
            }
            s.finish_practice(run_id)
        })?)
    }

    pass_through! {
        /// Every attempt of a trainee, oldest first.
        fn attempts_of(&self, profile_id: &str) -> Result<Vec<AttemptRecord>>;
        /// The attempts of one trainee at one quiz in one phase, oldest first.
        fn attempts_at(&self, profile_id: &str, quiz_id: &str, phase: Phase) -> Result<Vec<AttemptRecord>>;
        /// Every practice run of a trainee, oldest first.
        fn practice_runs_of(&self, profile_id: &str) -> Result<Vec<PracticeRun>>;
        /// The pages of each module this trainee has opened.
        fn pages_viewed(&self, profile_id: &str) -> Result<BTreeMap<String, BTreeSet<usize>>>;
        /// Notes that a trainee opened a page of a module.
        fn mark_page_viewed(&self, profile_id: &str, module_id: &str, page: usize) -> Result<()>;
        /// One tick of the practice's self-check, saved as it is made.
        fn set_done_well(&self, run_id: &str, step_id: &str, done_well: Option<bool>) -> Result<()>;
        /// Starts a practice run with a row for every step (`(id, seconds)`), so a run cut short
        /// still shows them. Returns the run's id.
        fn start_practice(&mut self, profile_id: &str, routine_id: &str, speed: f64, content_version: &str, steps: &[(&str, Option<u32>)]) -> Result<String>;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use pijat_store::Role;

    #[test]
    fn finishing_a_practice_writes_every_mark_and_the_end_together() {
        let dir = tempfile::tempdir().unwrap();
        let mut records = Records::open(dir.path()).unwrap();
        let p = records.create_profile("Budi", Role::Father).unwrap();
        let steps = [("prepare", None), ("massage", Some(60)), ("check", None)];
        let run = records
            .start_practice(&p.id, "r", 1.0, "v", &steps)
            .unwrap();
        // The tick on "prepare" was saved as it was made; Enter finishes with the rest.
        records.set_done_well(&run, "prepare", Some(true)).unwrap();
        records
            .finish_practice(&run, &["prepare", "massage", "check"], &[true, false, true])
            .unwrap();
        let rows = records.store().practice_steps(&run).unwrap();
        let marks: Vec<Option<bool>> = rows.iter().map(|r| r.done_well).collect();
        assert_eq!(marks, [Some(true), Some(false), Some(true)]);
        let runs = records.practice_runs_of(&p.id).unwrap();
        assert!(runs[0].finished.is_some());
    }

    #[test]
    fn a_practice_that_cannot_be_finished_keeps_its_marks_unwritten() {
        let dir = tempfile::tempdir().unwrap();
        let mut records = Records::open(dir.path()).unwrap();
        let p = records.create_profile("Budi", Role::Father).unwrap();
        let run = records
            .start_practice(&p.id, "r", 1.0, "v", &[("massage", Some(60))])
            .unwrap();
        // The last write (the end) is refused, after the marks were written in the same
        // transaction: they must be undone with it.
        let other = rusqlite::Connection::open(dir.path().join(pijat_store::FILE_NAME)).unwrap();
        other
            .execute_batch(
                "CREATE TRIGGER refuse_end BEFORE UPDATE OF finished ON practice_run
                 BEGIN SELECT RAISE(ABORT, 'disk trouble'); END;",
            )
            .unwrap();
        assert!(
            records
                .finish_practice(&run, &["massage"], &[true])
                .is_err()
        );
        let rows = records.store().practice_steps(&run).unwrap();
        assert_eq!(rows[0].done_well, None);
        assert!(
            records.practice_runs_of(&p.id).unwrap()[0]
                .finished
                .is_none()
        );
    }
}
