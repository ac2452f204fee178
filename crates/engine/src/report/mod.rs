//! Class reports: the statistics of a pre-test and post-test, per participant, per item, the
//! document a laporan needs (`model`, built by `compose*`), and one writer per format. Pure: the
//! data (and, for Word, the fonts) comes in, text or bytes go out; nothing here reads or writes
//! a file, a terminal or the store.

pub mod build;
pub mod compose;
mod compose_items;
mod compose_journal;
mod compose_outcome;
mod compose_recap;
mod compose_scores;
mod compose_stats;
mod docx_parts;
mod docx_widths;
pub mod exact;
mod input;
mod item;
pub mod model;
pub mod names;
pub mod normality;
pub mod outcome;
pub mod png;
pub mod recap;
pub mod render;
pub mod stats;
pub mod summary;
pub mod svg;
pub mod types;
pub mod words;
mod write_csv;
mod write_docx;
mod write_html;
mod write_md;
mod write_text;
mod write_xlsx;
mod xlsx_charts;

pub use build::{Input, ParticipantInput, Report, build};

#[cfg(test)]
mod compose_check;
