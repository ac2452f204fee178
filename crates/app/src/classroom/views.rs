//! What a phone and the trainer's screen are shown: plain data, built from the room's state
//! and the attempt, never carrying the answer key.

use serde::Serialize;

use pijat_content::{Lang, Question, QuestionKind, Text};
use pijat_engine::quiz::Shown;

/// A text in the two languages of the interface (the page picks one).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Two {
    /// Indonesian.
    pub id: String,
    /// English.
    pub en: String,
}

impl Two {
    /// Both languages of a content text.
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
    Code {
        /// The class's name.
        class: String,
        /// `pre` or `post`.
        phase: String,
    },
    /// Choose a name.
    Name {
        /// The class's name.
        class: String,
        /// `pre` or `post`.
        phase: String,
        /// The names to choose from, in alphabetical order.
        roster: Vec<RosterEntry>,
        /// Whether a new name may be typed.
        new_names: bool,
    },
    /// A name not on the class list was typed: the trainer is asked to say yes.
    Asked {
        /// The class's name.
        class: String,
        /// `pre` or `post`.
        phase: String,
        /// The name typed.
        name: String,
    },
    /// Answer a question.
    Question {
        /// The name chosen.
        name: String,
        /// `pre` or `post`.
        phase: String,
        /// The question.
        question: QuestionView,
    },
    /// The test is done.
    Done {
        /// The name chosen.
        name: String,
        /// `pre` or `post`.
        phase: String,
        /// Post-test only: the father's own score, never which answers were right.
        score: Option<ScoreView>,
    },
}

/// A name on the roster as a phone sees it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RosterEntry {
    /// The place on the list; what a phone sends back to take this name.
    pub n: usize,
    /// The name.
    pub name: String,
    /// `free`, `busy` (on another phone) or `done` (took this test already).
    pub status: &'static str,
}

/// A question as a phone sees it: never the key.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct QuestionView {
    /// 0-based place in the attempt; sent back with the answer.
    pub position: usize,
    /// How many questions.
    pub total: usize,
    /// How many answered.
    pub answered: usize,
    /// `true_false`, `single`, `multiple` or `order`.
    pub kind: &'static str,
    /// What is asked, in both languages.
    pub prompt: Two,
    /// In the order shown (the attempt's layout); the page answers with these places.
    pub options: Vec<Two>,
}

impl QuestionView {
    /// The question shown at a place of the layout.
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

/// A score as a phone shows it after the post-test.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct ScoreView {
    /// Right answers.
    pub right: u32,
    /// Questions.
    pub total: u32,
    /// The whole percentage.
    pub percent: u32,
}

/// One participant on the trainer's live table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LiveRow {
    /// The name.
    pub name: String,
    /// On a phone now.
    pub joined: bool,
    /// How many answered.
    pub answered: usize,
    /// Of how many.
    pub total: usize,
    /// Whether the test is finished.
    pub done: bool,
}
