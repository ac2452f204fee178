//! The practice engine: a routine's steps as a state machine over time given by the caller.
//! Time is measured, not counted: every countdown comes from `Instant` deadlines, and a step
//! that ends on time starts the next one at its exact deadline, so lateness never adds up.
//! Paused time does not count. No I/O, no terminal, no clock of its own.

mod run;

pub use run::{Event, Practice, State};

/// Timed steps of at least this many seconds (routine time) are told "halfway", and those longer
/// than it also "ten seconds left" (at exactly 20 s both would fall at 10 s). A shorter step is
/// mostly taken up by its own sentence. One rule for the practice screen and the audio guide.
pub const HALFWAY_FROM_SECONDS: u32 = 20;
