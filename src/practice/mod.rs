//! The practice engine: a routine's steps as a state machine over time given by the caller.
//! Time is measured, not counted: every countdown comes from `Instant` deadlines, and a step
//! that ends on time starts the next one at its exact deadline, so lateness never adds up.
//! Paused time does not count. No I/O, no terminal, no clock of its own.

mod run;

pub use run::{Event, Practice, State};
