//! Class reports: the statistics of a pre-test and post-test, per participant, per item, and
//! their renderings (text, CSV, Markdown, JSON). Pure: the data comes in, text goes out.

pub mod build;
pub mod exact;
pub mod normality;
pub mod render;
pub mod stats;

pub use build::{Input, ParticipantInput, Report, build};
