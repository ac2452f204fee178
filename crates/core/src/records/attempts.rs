//! Quiz attempts as recorded.

use crate::{Mode, Phase};

/// A quiz attempt as saved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AttemptRecord {
    /// Its id.
    pub id: String,
    /// The person it belongs to.
    pub profile_id: String,
    /// The class it was made in, if any.
    pub class_id: Option<String>,
    /// The question set.
    pub quiz_id: String,
    /// Pre-test, post-test or practice.
    pub phase: Phase,
    /// The seed of its question order.
    pub seed: u64,
    /// Whether questions and options were shown in a mixed order.
    pub shuffle: bool,
    /// How many questions it has.
    pub question_count: u32,
    /// The content it was taken with.
    pub content_version: String,
    /// How it came in: the app, plain mode, a paper sheet or a phone.
    pub mode: Mode,
    /// When it began.
    pub started: String,
    /// When it ended; none while it goes on.
    pub finished: Option<String>,
    /// Right answers, once finished.
    pub right: Option<u32>,
    /// The pijat version that saved it.
    pub app_version: String,
    /// A later sheet result that replaced this one.
    pub replaced_by: Option<String>,
    /// How many answers are saved (for a finished attempt, all its questions: unanswered ones
    /// were saved as skipped or never shown).
    pub answered: u32,
}

impl AttemptRecord {
    /// Its score, once finished.
    pub fn score(&self) -> Option<crate::score::Score> {
        Some(crate::score::Score {
            right: self.right?,
            total: self.question_count,
        })
    }

    /// Whether the attempt has ended.
    pub fn is_finished(&self) -> bool {
        self.finished.is_some()
    }
}
