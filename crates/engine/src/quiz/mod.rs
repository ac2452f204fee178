//! The quiz engine: which questions an attempt shows in which order, what an answer token
//! means, grading, and what feedback a phase allows. Pure: no I/O, no terminal, no clock.

mod grade;
mod layout;
mod token;

pub use grade::{
    Score, answer_text, format_change, format_change_in, format_percent, format_percent_in, grade,
    response_text,
};
pub use layout::{Layout, Shown, layout};
pub use token::{Response, TokenError, parse_token};

pub use pijat_content::Phase;
#[cfg(test)]
use pijat_content::Purpose;

/// What the learner may see of right answers and explanations.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Feedback {
    /// Pre-test: neither during nor after, so the post-test still measures learning.
    Never,
    /// Post-test: every question's answer and explanation once the test is done.
    AtEnd,
    /// Self-study: after each answer.
    EachQuestion,
}

impl Feedback {
    /// What a trainee may see of a quiz in a phase. The pre/post set's answers and explanations
    /// are never shown to a trainee, in any phase: one who saw them could learn the key before
    /// the class post-test. The trainer goes through them with the class (behind the PIN).
    pub fn for_quiz(purpose: pijat_content::Purpose, phase: Phase) -> Self {
        if purpose == pijat_content::Purpose::PrePost {
            Feedback::Never
        } else {
            Self::for_phase(phase)
        }
    }

    /// How answers are shown in a phase.
    pub fn for_phase(phase: Phase) -> Self {
        match phase {
            Phase::Pre => Feedback::Never,
            Phase::Post => Feedback::AtEnd,
            Phase::Practice => Feedback::EachQuestion,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_prepost_sets_key_is_never_shown_to_a_trainee() {
        for phase in [Phase::Pre, Phase::Post, Phase::Practice] {
            assert_eq!(Feedback::for_quiz(Purpose::PrePost, phase), Feedback::Never);
        }
        assert_eq!(
            Feedback::for_quiz(Purpose::Module, Phase::Practice),
            Feedback::EachQuestion
        );
    }

    #[test]
    fn pre_test_never_reveals_post_test_at_end_practice_each_question() {
        assert_eq!(Feedback::for_phase(Phase::Pre), Feedback::Never);
        assert_eq!(Feedback::for_phase(Phase::Post), Feedback::AtEnd);
        assert_eq!(Feedback::for_phase(Phase::Practice), Feedback::EachQuestion);
    }

    #[test]
    fn the_prepost_set_is_not_for_practice_and_module_sets_are_not_tests() {
        assert!(Purpose::PrePost.allows(Phase::Pre) && Purpose::PrePost.allows(Phase::Post));
        assert!(!Purpose::PrePost.allows(Phase::Practice));
        assert!(Purpose::Module.allows(Phase::Practice) && Purpose::Review.allows(Phase::Practice));
        assert!(!Purpose::Module.allows(Phase::Pre));
    }
}
