//! A trainee's own record: attempts, practice runs, pages read, and the ticks of a practice.

use std::collections::{BTreeMap, BTreeSet};

use super::records::{Records, pass_through};
use pijat_core::Phase;
use pijat_store::{AttemptRow, PracticeRun, Result};

impl Records {
    pass_through! {
        fn attempts_of(&self, profile_id: &str) -> Result<Vec<AttemptRow>>;
        /// The attempts of one trainee at one quiz in one phase, oldest first.
        fn attempts_at(&self, profile_id: &str, quiz_id: &str, phase: Phase) -> Result<Vec<AttemptRow>>;
        fn practice_runs_of(&self, profile_id: &str) -> Result<Vec<PracticeRun>>;
        /// The pages of each module this trainee has opened.
        fn pages_viewed(&self, profile_id: &str) -> Result<BTreeMap<String, BTreeSet<usize>>>;
        fn mark_page_viewed(&self, profile_id: &str, module_id: &str, page: usize) -> Result<()>;
        /// One tick of the practice's self-check, saved as it is made.
        fn set_done_well(&self, run_id: &str, step_id: &str, done_well: Option<bool>) -> Result<()>;
        fn finish_practice(&self, run_id: &str) -> Result<()>;
        /// Starts a practice run with a row for every step (`(id, seconds)`), so a run cut short
        /// still shows them. Returns the run's id.
        fn start_practice(&mut self, profile_id: &str, routine_id: &str, speed: f64, content_version: &str, steps: &[(&str, Option<u32>)]) -> Result<String>;
    }
}
