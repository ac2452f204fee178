//! What a report is built from: the class, its participants' answers right and wrong, their
//! observations and visits, and the knowledge categories' cut-offs.

use serde::Serialize;

/// One participant: which questions (in file order) they got right in each test.
#[derive(Clone, Debug)]
pub struct ParticipantInput {
    /// The participant's name.
    pub name: String,
    /// `father`, `cadre`, `midwife`, `other`.
    pub role: String,
    /// Right or wrong per question of the pre-test, in file order; none when not taken.
    pub pre: Option<Vec<bool>>,
    /// The same for the post-test.
    pub post: Option<Vec<bool>>,
    /// Observations of the routine, first to latest: each step's mark (0–2, `None` not observed),
    /// the percentage and whether competent.
    pub observations: Vec<(Vec<Option<u8>>, Option<f64>, bool)>,
    /// Follow-up visits: (milk flowed after the massage, the mother's comfort 1–5).
    pub visits: Vec<(bool, u8)>,
    /// The same visits' outcome (exclusive breastfeeding, danger signs), oldest first.
    pub outcome: Vec<super::outcome::VisitOutcome>,
}

/// A class as a report shows it.
#[derive(Clone, Debug, Default)]
pub struct ClassInfo {
    /// The class's name.
    pub name: String,
    /// Where it meets.
    pub place: Option<String>,
    /// Its first day.
    pub starts: Option<String>,
    /// Its last day.
    pub ends: Option<String>,
    /// Who trains it.
    pub trainer: Option<String>,
}

/// What a report is built from.
#[derive(Clone, Debug, Default)]
pub struct Input {
    /// The class, when the report is of one.
    pub class: Option<ClassInfo>,
    /// The question set's id.
    pub quiz: String,
    /// Question ids in file order.
    pub questions: Vec<String>,
    /// What each question says, in the report's language (for people; JSON keeps the ids).
    pub labels: Vec<String>,
    /// The observed routine's step ids, in order.
    pub steps: Vec<String>,
    /// What each step is called, in the report's language (for people; JSON keeps the ids).
    pub step_labels: Vec<String>,
    /// Everyone in the report.
    pub participants: Vec<ParticipantInput>,
    /// Whether the item analysis is wanted.
    pub items: bool,
    /// Answers counted by the key their question had when they were given, which has changed
    /// since (the question set was updated during an attempt).
    pub regraded: usize,
    /// The set's pass mark (its `pass_percent`).
    pub pass_percent: u8,
    /// The knowledge categories' cut-offs.
    pub cutoffs: Cutoffs,
    /// The year the data were collected in, for "Sumber: data primer, 2026" under each table.
    pub year: Option<i32>,
    /// The exclusive-breastfeeding target in % (`--ebf-target`); `None`: 80.
    pub ebf_target: Option<f64>,
    /// How the participants are named (set by [`super::names::disguise`], which renames them).
    pub names: super::names::Names,
}

/// The lower bounds (in %) of the knowledge categories: good from `good`, fair from `fair`,
/// poor below. Indonesian health reports use Arikunto's 76 and 56.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Cutoffs {
    /// From this score up: good (baik).
    pub good: f64,
    /// From this score up: fair (cukup); below it poor (kurang).
    pub fair: f64,
}

impl Default for Cutoffs {
    fn default() -> Self {
        Cutoffs {
            good: 76.0,
            fair: 56.0,
        }
    }
}

/// A knowledge category (Arikunto).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    /// Baik.
    Good,
    /// Cukup.
    Fair,
    /// Kurang.
    Poor,
}

impl Cutoffs {
    /// The category of a score.
    pub fn of(&self, score: f64) -> Category {
        if score >= self.good {
            Category::Good
        } else if score >= self.fair {
            Category::Fair
        } else {
            Category::Poor
        }
    }
}
