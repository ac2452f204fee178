//! Paper answer sheets typed in, checked and ready to save.

use super::AttemptRecord;
use crate::{Phase, Role};

/// One answer of a paper sheet row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SheetAnswer {
    /// The question.
    pub question_id: String,
    /// Its place, from 0.
    pub position: u32,
    /// The answer as saved.
    pub response: String,
    /// Whether it was right when given.
    pub correct: bool,
}

/// One participant's row, checked and graded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SheetRow {
    /// The name.
    pub name: String,
    /// Father, cadre, midwife or other.
    pub role: Role,
    /// The answers on the row.
    pub answers: Vec<SheetAnswer>,
    /// Right answers.
    pub right: u32,
}

/// A checked answer sheet to save.
pub struct SheetImport<'a> {
    /// The class the sheet is for.
    pub class_name: &'a str,
    /// The question set.
    pub quiz_id: &'a str,
    /// Pre-test, post-test or practice.
    pub phase: Phase,
    /// How many questions it has.
    pub question_count: u32,
    /// The content it was taken with.
    pub content_version: &'a str,
    /// The seed of its question order.
    pub seed: u64,
    /// The rows.
    pub rows: &'a [SheetRow],
    /// Replace earlier results typed from sheets (results taken in the app are never replaced).
    pub replace: bool,
    /// Who may join the class.
    pub roster: Roster,
}

/// Who a sheet may bring into a class: by default only a class that exists and the people on
/// its roster. Checked again inside the transaction that writes, so nothing slips in between.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Roster {
    /// The class may be created by this sheet (then everyone on it joins).
    pub new_class: bool,
    /// People not on the roster may be added to it.
    pub add_new: bool,
}

/// Why a row cannot be written: the participant already has a result for this test.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Conflict {
    /// The row of the sheet.
    pub row: usize,
    /// The name.
    pub name: String,
    /// What is already saved.
    pub existing: AttemptRecord,
    /// The existing result was typed from a sheet, so `replace` may replace it.
    pub replaceable: bool,
}
