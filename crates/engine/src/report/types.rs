//! The report's figures as typed values: what `build` computes and every format writes. Their
//! JSON form (serde) is a contract: keys are added, never renamed; numbers are unrounded;
//! undefined figures are `null`.

use serde::{Serialize, Serializer};

use super::stats::{Figure, Undefined};

/// A figure that may be undefined: a number in JSON, or `null`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Val(pub Figure);

impl Serialize for Val {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.0 {
            Ok(v) if v.is_finite() => s.serialize_f64(v),
            _ => s.serialize_none(),
        }
    }
}

/// An interval that may be undefined: `[lo, hi]` in JSON, or `null`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Interval(pub Result<(f64, f64), Undefined>);

impl Serialize for Interval {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.0 {
            Ok((lo, hi)) => [lo, hi].serialize(s),
            Err(_) => s.serialize_none(),
        }
    }
}

/// One participant: which questions (in file order) they got right in each test.
#[derive(Clone, Debug)]
pub struct ParticipantInput {
    pub name: String,
    /// `father`, `cadre`, `midwife`, `other`.
    pub role: String,
    pub pre: Option<Vec<bool>>,
    pub post: Option<Vec<bool>>,
    /// Observations of the routine, first to latest: each step's mark (0–2, `None` not observed),
    /// the percentage and whether competent.
    pub observations: Vec<(Vec<Option<u8>>, Option<f64>, bool)>,
    /// Follow-up visits: (milk flowed after the massage, the mother's comfort 1–5).
    pub visits: Vec<(bool, u8)>,
}

#[derive(Clone, Debug, Default)]
pub struct ClassInfo {
    pub name: String,
    pub place: Option<String>,
    pub starts: Option<String>,
    pub ends: Option<String>,
    pub trainer: Option<String>,
}

#[derive(Clone, Debug)]
pub struct Input {
    pub class: Option<ClassInfo>,
    pub quiz: String,
    /// Question ids in file order.
    pub questions: Vec<String>,
    /// What each question says, in the report's language (for people; JSON keeps the ids).
    pub labels: Vec<String>,
    /// The observed routine's step ids, in order.
    pub steps: Vec<String>,
    /// What each step is called, in the report's language (for people; JSON keeps the ids).
    pub step_labels: Vec<String>,
    pub participants: Vec<ParticipantInput>,
    pub items: bool,
    /// Answers counted by the key their question had when they were given, which has changed
    /// since (the question set was updated during an attempt).
    pub regraded: usize,
    /// The set's pass mark (its `pass_percent`).
    pub pass_percent: u8,
    pub cutoffs: Cutoffs,
}

/// The lower bounds (in %) of the knowledge categories: good from `good`, fair from `fair`,
/// poor below. Indonesian health reports use Arikunto's 76 and 56.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Cutoffs {
    pub good: f64,
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

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    Good,
    Fair,
    Poor,
}

impl Cutoffs {
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

#[derive(Clone, Debug, Serialize)]
pub struct ParticipantRow {
    pub name: String,
    pub role: String,
    pub pre: Option<f64>,
    pub post: Option<f64>,
    pub change: Option<f64>,
    /// (post − pre) / (100 − pre); `null` unpaired or with a perfect pre-test.
    pub n_gain: Option<f64>,
    pub checklist: ChecklistSummary,
    pub visits: VisitSummary,
}

#[derive(Clone, Debug, Serialize)]
pub struct ChecklistSummary {
    pub observations: usize,
    pub latest_percent: Option<f64>,
    /// `null` when never observed.
    pub competent: Option<bool>,
}

#[derive(Clone, Debug, Serialize)]
pub struct VisitSummary {
    pub count: usize,
    pub milk_flow_yes_percent: Option<f64>,
    pub mean_comfort: Option<f64>,
}

#[derive(Clone, Debug, Serialize)]
pub struct StepSummary {
    pub step: String,
    /// Of the participants whose latest observation saw this step: the share who did it well.
    pub done_well_percent: Option<f64>,
}

#[derive(Clone, Debug, Serialize)]
pub struct Group {
    pub n: usize,
    pub mean: Val,
    pub sd: Val,
    /// The t-based 95 % interval of the mean.
    pub ci95: Interval,
}

#[derive(Clone, Debug, Serialize)]
pub struct Diff {
    pub mean: Val,
    pub sd: Val,
    pub ci95: Interval,
}

#[derive(Clone, Debug, Serialize)]
pub struct TTest {
    pub t: Val,
    pub df: Val,
    pub p: Val,
}

#[derive(Clone, Debug, Serialize)]
pub struct Wilcoxon {
    pub z: Val,
    pub p: Val,
}

#[derive(Clone, Debug, Serialize)]
pub struct Summary {
    pub n_paired: usize,
    pub pre: Group,
    pub post: Group,
    pub diff: Diff,
    pub paired_t: TTest,
    pub wilcoxon: Wilcoxon,
    /// Cohen's d_z: the mean paired difference over its SD.
    pub effect_size_dz: Val,
    /// Hake's gain of the paired class means (also `gain.class_hake`).
    pub normalized_gain: Val,
    /// Pre-test and post-test over the paired participants only (`pre`, `post`: all takers).
    pub paired_pre: Group,
    pub paired_post: Group,
    /// Shapiro–Wilk on the paired differences (n ≥ 3).
    pub shapiro: Shapiro,
    /// The exact two-sided Wilcoxon p (up to 25 non-zero differences).
    pub wilcoxon_exact_p: Val,
    /// The test the report reads, by the stated rule; `null` with no pairs.
    pub primary_test: Option<PrimaryTest>,
    pub primary_reason: Option<PrimaryReason>,
    /// The primary test's p (Wilcoxon: exact when there is one, else asymptotic).
    pub primary_p: Val,
}

#[derive(Clone, Debug, Serialize)]
pub struct Shapiro {
    pub n: usize,
    pub w: Val,
    pub p: Val,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PrimaryTest {
    PairedT,
    Wilcoxon,
}

/// Why the primary test was chosen: Shapiro–Wilk p ≥ 0.05 (`normal`), p < 0.05
/// (`not_normal`), or normality could not be tested (fewer than 3 pairs, all differences
/// equal).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PrimaryReason {
    Normal,
    NotNormal,
    NormalityUntestable,
}

#[derive(Clone, Copy, Debug, Default, Serialize)]
pub struct PassCount {
    pub n: usize,
    pub passed: usize,
}

/// Who reached the set's pass mark: among all takers of each test, and among the paired.
#[derive(Clone, Debug, Serialize)]
pub struct Pass {
    pub pass_percent: u8,
    pub pre: PassCount,
    pub post: PassCount,
    pub paired_pre: PassCount,
    pub paired_post: PassCount,
}

#[derive(Clone, Copy, Debug, Default, Serialize)]
pub struct CategoryCount {
    pub n: usize,
    pub good: usize,
    pub fair: usize,
    pub poor: usize,
}

impl CategoryCount {
    pub fn of(cutoffs: &Cutoffs, scores: &[f64]) -> Self {
        let mut c = CategoryCount {
            n: scores.len(),
            ..Default::default()
        };
        for s in scores {
            match cutoffs.of(*s) {
                Category::Good => c.good += 1,
                Category::Fair => c.fair += 1,
                Category::Poor => c.poor += 1,
            }
        }
        c
    }
}

/// The knowledge categories (Arikunto by default), among all takers and among the paired.
#[derive(Clone, Debug, Serialize)]
pub struct Categories {
    pub cutoffs: Cutoffs,
    pub pre: CategoryCount,
    pub post: CategoryCount,
    pub paired_pre: CategoryCount,
    pub paired_post: CategoryCount,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum GainCategory {
    High,
    Medium,
    Low,
}

impl GainCategory {
    /// Hake's categories; a negative gain (a fall) has none.
    pub fn of(g: Figure) -> Option<GainCategory> {
        match g {
            Ok(g) if g >= 0.7 => Some(GainCategory::High),
            Ok(g) if g >= 0.3 => Some(GainCategory::Medium),
            Ok(g) if g >= 0.0 => Some(GainCategory::Low),
            _ => None,
        }
    }
}

/// Both normalised gains: Hake's of the class means, and the mean of each participant's.
#[derive(Clone, Debug, Serialize)]
pub struct Gain {
    pub class_hake: Val,
    pub class_hake_category: Option<GainCategory>,
    pub individual_mean: Val,
    pub individual_category: Option<GainCategory>,
    /// Paired participants the individual mean is over.
    pub individual_n: usize,
    /// Paired participants left out of it for a perfect pre-test.
    pub perfect_pre_left_out: usize,
}

#[derive(Clone, Debug, Serialize)]
pub struct Item {
    pub question: String,
    pub pre_facility: Val,
    pub post_facility: Val,
    pub pre_discrimination: Val,
    pub mcnemar_p: Val,
    /// Holm-adjusted over the items with a McNemar p.
    pub mcnemar_p_holm: Val,
    /// What a trainer should look at after a pilot: `ceiling` (80 % or more right in the
    /// pre-test: the item cannot show learning), `negative_discrimination` (those who did well
    /// on the rest of the test got it wrong more often: check its key or wording).
    pub flags: Vec<ItemFlag>,
}

/// Why an item of the pre/post test may need revising.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemFlag {
    Ceiling,
    NegativeDiscrimination,
}

/// At or above this share right in the pre-test, an item is at the ceiling.
pub const CEILING_PERCENT: f64 = 80.0;

impl ItemFlag {
    /// The flags of an item from its pre-test share right and discrimination.
    pub fn of(pre_facility: &Val, pre_discrimination: &Val) -> Vec<ItemFlag> {
        let mut out = Vec::new();
        if pre_facility.0.as_ref().is_ok_and(|f| *f >= CEILING_PERCENT) {
            out.push(ItemFlag::Ceiling);
        }
        if pre_discrimination.0.as_ref().is_ok_and(|d| *d < 0.0) {
            out.push(ItemFlag::NegativeDiscrimination);
        }
        out
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct Reliability {
    pub pre_alpha: Val,
    pub post_alpha: Val,
}

/// The report. Its JSON form is a contract for scripts and dashboards: keys are added, never
/// renamed; numbers are unrounded; undefined figures are `null`.
#[derive(Clone, Debug, Serialize)]
pub struct Report {
    pub class: Option<String>,
    pub quiz: String,
    pub participants: Vec<ParticipantRow>,
    pub summary: Summary,
    pub items: Vec<Item>,
    pub reliability: Reliability,
    pub checklist_steps: Vec<StepSummary>,
    pub pass: Pass,
    pub categories: Categories,
    pub gain: Gain,
    /// See [`Input::regraded`].
    pub answers_graded_by_earlier_key: usize,
    #[serde(skip)]
    pub class_info: Option<ClassInfo>,
    #[serde(skip)]
    pub roles: Vec<(String, usize)>,
    #[serde(skip)]
    pub labels: Vec<String>,
    #[serde(skip)]
    pub step_labels: Vec<String>,
}
