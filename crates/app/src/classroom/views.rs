//! What a phone and the trainer's screen are shown: plain data, built from the room's state
//! and the attempt, never carrying the answer key.

use serde::Serialize;

use pijat_content::{Lang, Question, QuestionKind, Text};
use pijat_engine::quiz::Shown;

/// A text in the two languages of the interface (the page picks one).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Two {
    pub id: String,
    pub en: String,
}

impl Two {
    pub fn of(t: &Text) -> Self {
        Two {
            id: t.get(&Lang::id()).to_string(),
            en: t.get(&Lang::en()).to_string(),
        }
    }
}

/// Where a phone stands: what the page shows after a reload.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "step", rename_all = "snake_case")]
pub enum PhoneState {
    /// Type the class code.
    Code { class: String, phase: String },
    /// Choose a name.
    Name {
        class: String,
        phase: String,
        roster: Vec<RosterEntry>,
        new_names: bool,
    },
    Question {
        name: String,
        phase: String,
        question: QuestionView,
    },
    Done {
        name: String,
        phase: String,
        /// Post-test only: the father's own score, never which answers were right.
        score: Option<ScoreView>,
    },
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RosterEntry {
    /// The place on the list; what a phone sends back to take this name.
    pub n: usize,
    pub name: String,
    /// `free`, `busy` (on another phone) or `done` (took this test already).
    pub status: &'static str,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct QuestionView {
    /// 0-based place in the attempt; sent back with the answer.
    pub position: usize,
    pub total: usize,
    pub answered: usize,
    /// `true_false`, `single`, `multiple` or `order`.
    pub kind: &'static str,
    pub prompt: Two,
    /// In the order shown (the attempt's layout); the page answers with these places.
    pub options: Vec<Two>,
}

impl QuestionView {
    pub fn new(
        q: &Question,
        shown: &Shown,
        position: usize,
        total: usize,
        answered: usize,
    ) -> Self {
        let options = match &q.kind {
            QuestionKind::TrueFalse { .. } => Vec::new(),
            kind => shown
                .options
                .iter()
                .filter_map(|&i| kind.options().get(i).map(Two::of))
                .collect(),
        };
        QuestionView {
            position,
            total,
            answered,
            kind: q.kind.type_name(),
            prompt: Two::of(&q.prompt),
            options,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct ScoreView {
    pub right: u32,
    pub total: u32,
    pub percent: u32,
}

/// One participant on the trainer's live table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LiveRow {
    pub name: String,
    /// On a phone now.
    pub joined: bool,
    pub answered: usize,
    pub total: usize,
    pub done: bool,
}
