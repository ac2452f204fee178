//! Guided practice runs as recorded.

/// A practice run as saved.
#[derive(Clone, Debug, PartialEq)]
pub struct PracticeRun {
    /// Its id.
    pub id: String,
    /// The person it belongs to.
    pub profile_id: String,
    /// The routine.
    pub routine_id: String,
    /// How many times faster than real time it ran.
    pub speed: f64,
    /// When it began.
    pub started: String,
    /// When it ended; none while it goes on.
    pub finished: Option<String>,
    /// Active seconds over all steps.
    pub spent_seconds: f64,
    /// Steps the trainee marked as done well in the self-check.
    pub done_well: u32,
    /// How many steps it has.
    pub steps: u32,
}

/// One step of a practice run as saved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PracticeStepRecord {
    /// The step.
    pub step_id: String,
    /// Its place, from 0.
    pub position: u32,
    /// The step's time, for a timed step.
    pub planned_seconds: Option<u32>,
    /// The time it took.
    pub spent_ms: u64,
    /// The self-check: done well or not, once ticked.
    pub done_well: Option<bool>,
}
