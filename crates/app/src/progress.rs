//! A trainee's progress read from the store: pre-test and post-test scores of a quiz.

use super::Records;
use crate::Result;
use pijat_content::Phase;
use pijat_engine::quiz::Score;
use pijat_store::AttemptRecord;

/// The finished pre-test and post-test of one quiz, when taken.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PrePost {
    /// The pre-test score.
    pub pre: Option<Score>,
    /// The post-test score.
    pub post: Option<Score>,
}

impl PrePost {
    /// Post minus pre, in percentage points, when both were taken.
    pub fn change(&self) -> Option<f64> {
        Some(self.post?.percent() - self.pre?.percent())
    }
}

/// A finished attempt's score.
pub fn score_of(a: &AttemptRecord) -> Option<Score> {
    a.score()
}

/// The latest finished pre-test and post-test of a profile at a quiz.
pub fn prepost(records: &Records, profile_id: &str, quiz_id: &str) -> Result<PrePost> {
    let store = records.store();
    let mut attempts = store.attempts_at(profile_id, quiz_id, Phase::Pre)?;
    attempts.extend(store.attempts_at(profile_id, quiz_id, Phase::Post)?);
    Ok(prepost_from(&attempts, quiz_id))
}

/// The same from attempts already read (oldest first), e.g. a whole history.
pub fn prepost_from(attempts: &[AttemptRecord], quiz_id: &str) -> PrePost {
    let latest = |phase| {
        attempts
            .iter()
            .rev()
            .filter(|a| a.quiz_id == quiz_id && a.phase == phase)
            .find_map(score_of)
    };
    PrePost {
        pre: latest(Phase::Pre),
        post: latest(Phase::Post),
    }
}

/// One participant as the trainer sees them: the pre/post result of the pre/post set, and where
/// the monitoring stands. A record that cannot be read shows as not yet there.
pub struct Participant {
    /// Pre-test and post-test.
    pub result: PrePost,
    /// Observations and visits.
    pub monitoring: super::monitoring::Monitoring,
}

/// A class member's tests and monitoring, for the class screen.
pub fn participant(
    records: &Records,
    content: &pijat_content::Content,
    profile_id: &str,
) -> Participant {
    let quiz = content.prepost_quiz().map_or("", |q| q.id.as_str());
    let attempts = records.store().attempts_of(profile_id).unwrap_or_default();
    Participant {
        result: prepost_from(&attempts, quiz),
        monitoring: super::monitoring::monitoring(records, content, profile_id).unwrap_or_default(),
    }
}
