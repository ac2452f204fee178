//! When in the programme a quiz is taken.

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
/// A quiz's place in the programme: pre-test, post-test or practice.
pub enum Phase {
    /// Before the counselling: measures what people knew.
    Pre,
    /// After it, with the same questions: measures what they learned.
    Post,
    /// Self-study with module and review quizzes.
    Practice,
}

impl Phase {
    /// Every phase.
    pub const ALL: [Phase; 3] = [Phase::Pre, Phase::Post, Phase::Practice];

    /// The stored text: `pre`, `post`, `practice`.
    pub fn name(self) -> &'static str {
        match self {
            Phase::Pre => "pre",
            Phase::Post => "post",
            Phase::Practice => "practice",
        }
    }

    /// The stored text read back exactly.
    pub fn from_name(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.name() == s)
    }
}
