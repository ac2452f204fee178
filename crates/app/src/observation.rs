//! An observation in progress: a cadre marks each step of the checklist as she watches, and
//! every mark and step time is saved when it is made.

use super::records::{Records, pass_through};
use crate::Result;
use pijat_store::{MarkRecord, NewVisit, ObservationRecord};

impl Records {
    pass_through! {
        /// A checklist mark (`None` clears it), saved at once.
        fn set_mark(&self, observation_id: &str, step_id: &str, mark: Option<i64>) -> Result<()>;
        /// A note on one step of an observation.
        fn set_mark_note(&self, observation_id: &str, step_id: &str, note: Option<&str>) -> Result<()>;
        /// The observation of this routine left unfinished, to go on with.
        fn unfinished_observation(&self, profile_id: &str, routine_id: &str) -> Result<Option<ObservationRecord>>;
        /// The seconds a timed step was observed to take.
        fn set_mark_time(&self, observation_id: &str, step_id: &str, ms: u64) -> Result<()>;
        /// Ends an observation.
        fn finish_observation(&self, id: &str) -> Result<()>;
        /// The marks of an observation, step by step.
        fn marks(&self, observation_id: &str) -> Result<Vec<MarkRecord>>;
        /// Records a follow-up home visit; returns its id.
        fn add_visit(&self, v: &NewVisit) -> Result<String>;
        /// Starts an observation with every step unmarked. Returns its id.
        fn start_observation(&mut self, profile_id: &str, class_id: Option<&str>, routine_id: &str, observer: &str, observed_on: &str, steps: &[&str]) -> Result<String>;
    }
}
