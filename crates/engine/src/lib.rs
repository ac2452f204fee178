//! The pure rules, no I/O: each folder takes an input and returns the next state or a result.
//! Time comes in as a value (`now`), so every rule is tested without a clock, a terminal or a file.

pub mod audio;
pub mod checklist;
pub mod odk;
pub mod practice;
pub mod quiz;
pub mod report;
pub mod supply_demand;
