//! The practice engine: a routine's steps as a state machine over time given by the caller.
//! Time is measured, not counted: every countdown comes from `Instant` deadlines, and a step
//! that ends on time starts the next one at its exact deadline, so lateness never adds up.
//! Paused time does not count. No I/O, no terminal, no clock of its own.

mod cut_short;
mod run;

pub use cut_short::cut_short;
pub use run::{Event, Practice, State};

/// The spoken marks of a timed step, one rule for the practice and the audio guide: "halfway"
/// on steps of at least 20 s, "ten seconds left" on steps longer than 20 s (on a shorter step
/// they would follow each other, or the step's own sentence, too closely to help).
pub const HALFWAY_FROM_SECONDS: u32 = 20;

/// Whether a step of `seconds` says "halfway".
pub fn says_halfway(seconds: u32) -> bool {
    seconds >= HALFWAY_FROM_SECONDS
}

/// Whether a step of `seconds` says "ten seconds left".
pub fn says_ten_seconds(seconds: u32) -> bool {
    seconds > HALFWAY_FROM_SECONDS
}
