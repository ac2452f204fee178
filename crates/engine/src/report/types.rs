//! The report's figures as typed values: what `build` computes and every format writes. Their
//! JSON form (serde) is a contract: keys are added, never renamed; numbers are unrounded;
//! undefined figures are `null`.

use serde::{Serialize, Serializer};

use super::stats::{Figure, Undefined};

pub use super::input::{Category, ClassInfo, Cutoffs, Input, ParticipantInput};
pub use super::item::{CEILING_PERCENT, Item, ItemFlag, Reliability};

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

/// One participant's line of the report.
#[derive(Clone, Debug, Serialize)]
pub struct ParticipantRow {
    /// The name.
    pub name: String,
    /// The role.
    pub role: String,
    /// Pre-test score (%).
    pub pre: Option<f64>,
    /// Post-test score (%).
    pub post: Option<f64>,
    /// Post minus pre, in points.
    pub change: Option<f64>,
    /// (post − pre) / (100 − pre); `null` unpaired or with a perfect pre-test.
    pub n_gain: Option<f64>,
    /// Observations with the checklist.
    pub checklist: ChecklistSummary,
    /// Home visits.
    pub visits: VisitSummary,
}

/// A participant's observations.
#[derive(Clone, Debug, Serialize)]
pub struct ChecklistSummary {
    /// How many observations.
    pub observations: usize,
    /// The latest observation's score (%).
    pub latest_percent: Option<f64>,
    /// `null` when never observed.
    pub competent: Option<bool>,
}

/// A participant's home visits.
#[derive(Clone, Debug, Serialize)]
pub struct VisitSummary {
    /// How many visits.
    pub count: usize,
    /// Share of visits where milk flowed after the massage (%).
    pub milk_flow_yes_percent: Option<f64>,
    /// Mean comfort (1–5).
    pub mean_comfort: Option<f64>,
}

/// How one step went at the latest observations.
#[derive(Clone, Debug, Serialize)]
pub struct StepSummary {
    /// The step's label.
    pub step: String,
    /// Of the participants whose latest observation saw this step: the share who did it well.
    pub done_well_percent: Option<f64>,
}

/// A group of scores.
#[derive(Clone, Debug, Serialize)]
pub struct Group {
    /// How many scores.
    pub n: usize,
    /// Their mean.
    pub mean: Val,
    /// Their standard deviation.
    pub sd: Val,
    /// The t-based 95 % interval of the mean.
    pub ci95: Interval,
    /// Their median.
    pub median: Val,
    /// The lowest.
    pub min: Val,
    /// The highest.
    pub max: Val,
}

/// One line of SPSS's Wilcoxon "Ranks" table.
#[derive(Clone, Copy, Debug, Serialize)]
pub struct RankLine {
    /// How many.
    pub n: usize,
    /// Their mean rank (of the sizes of the non-zero differences).
    pub mean_rank: Val,
    /// Their sum of ranks.
    pub sum_of_ranks: f64,
}

/// The paired differences as SPSS's Wilcoxon "Ranks" table counts them.
#[derive(Clone, Copy, Debug, Serialize)]
pub struct Ranks {
    /// Post-test below the pre-test.
    pub negative: RankLine,
    /// Post-test above the pre-test.
    pub positive: RankLine,
    /// The same score twice.
    pub ties: usize,
}

/// The paired differences, post − pre.
#[derive(Clone, Debug, Serialize)]
pub struct Diff {
    /// Mean of post − pre.
    pub mean: Val,
    /// Standard deviation of the differences.
    pub sd: Val,
    /// 95 % confidence interval of the mean difference.
    pub ci95: Interval,
}

/// A paired t-test.
#[derive(Clone, Debug, Serialize)]
pub struct TTest {
    /// The t statistic.
    pub t: Val,
    /// Degrees of freedom.
    pub df: Val,
    /// Two-sided p.
    pub p: Val,
}

/// A Wilcoxon signed-rank test.
#[derive(Clone, Debug, Serialize)]
pub struct Wilcoxon {
    /// The z of the normal approximation.
    pub z: Val,
    /// Two-sided p (exact for small n).
    pub p: Val,
}

/// The scores and the tests of the report.
#[derive(Clone, Debug, Serialize)]
pub struct Summary {
    /// Participants with both tests.
    pub n_paired: usize,
    /// Every pre-test score.
    pub pre: Group,
    /// Every post-test score.
    pub post: Group,
    /// The paired differences.
    pub diff: Diff,
    /// Paired t-test.
    pub paired_t: TTest,
    /// Wilcoxon signed-rank test.
    pub wilcoxon: Wilcoxon,
    /// Cohen's d_z: the mean paired difference over its SD.
    pub effect_size_dz: Val,
    /// Hake's gain of the paired class means (also `gain.class_hake`).
    pub normalized_gain: Val,
    /// Pre-test and post-test over the paired participants only (`pre`, `post`: all takers).
    pub paired_pre: Group,
    /// Post-test scores of those with both tests.
    pub paired_post: Group,
    /// Shapiro–Wilk on the paired differences (n ≥ 3).
    pub shapiro: Shapiro,
    /// The exact two-sided Wilcoxon p (up to 25 non-zero differences).
    pub wilcoxon_exact_p: Val,
    /// The test the report reads, by the stated rule; `null` with no pairs.
    pub primary_test: Option<PrimaryTest>,
    /// Why the primary test was chosen.
    pub primary_reason: Option<PrimaryReason>,
    /// The primary test's p (Wilcoxon: exact when there is one, else asymptotic).
    pub primary_p: Val,
    /// How many fell, rose and stayed, with their ranks.
    pub ranks: Ranks,
}

/// The Shapiro–Wilk test of the differences.
#[derive(Clone, Debug, Serialize)]
pub struct Shapiro {
    /// How many differences.
    pub n: usize,
    /// The W statistic.
    pub w: Val,
    /// Its p.
    pub p: Val,
}

/// The test the report leads with.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PrimaryTest {
    /// The paired t-test.
    PairedT,
    /// The Wilcoxon signed-rank test.
    Wilcoxon,
}

/// Why the primary test was chosen: Shapiro–Wilk p ≥ 0.05 (`normal`), p < 0.05
/// (`not_normal`), or normality could not be tested (fewer than 3 pairs, all differences
/// equal).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PrimaryReason {
    /// The differences look normally distributed.
    Normal,
    /// They do not.
    NotNormal,
    /// Normality cannot be tested.
    NormalityUntestable,
}

/// Who passed a test.
#[derive(Clone, Copy, Debug, Default, Serialize)]
pub struct PassCount {
    /// How many took it.
    pub n: usize,
    /// How many passed.
    pub passed: usize,
}

/// Who reached the set's pass mark: among all takers of each test, and among the paired.
#[derive(Clone, Debug, Serialize)]
pub struct Pass {
    /// The pass mark (%).
    pub pass_percent: u8,
    /// Pre-test, everyone.
    pub pre: PassCount,
    /// Post-test, everyone.
    pub post: PassCount,
    /// Pre-test, those with both.
    pub paired_pre: PassCount,
    /// Post-test, those with both.
    pub paired_post: PassCount,
}

/// How many in each knowledge category.
#[derive(Clone, Copy, Debug, Default, Serialize)]
pub struct CategoryCount {
    /// How many scores.
    pub n: usize,
    /// Good.
    pub good: usize,
    /// Fair.
    pub fair: usize,
    /// Poor.
    pub poor: usize,
}

impl CategoryCount {
    /// Counts the scores in each category.
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
    /// The cut-offs used.
    pub cutoffs: Cutoffs,
    /// Pre-test, everyone.
    pub pre: CategoryCount,
    /// Post-test, everyone.
    pub post: CategoryCount,
    /// Pre-test, those with both.
    pub paired_pre: CategoryCount,
    /// Post-test, those with both.
    pub paired_post: CategoryCount,
}

/// Hake's categories of the normalised gain.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum GainCategory {
    /// High (g ≥ 0.7).
    High,
    /// Medium (0.3 ≤ g < 0.7).
    Medium,
    /// Low (g < 0.3).
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
    /// Hake's gain of the class means.
    pub class_hake: Val,
    /// Its category.
    pub class_hake_category: Option<GainCategory>,
    /// Mean of each participant's gain.
    pub individual_mean: Val,
    /// Its category.
    pub individual_category: Option<GainCategory>,
    /// Paired participants the individual mean is over.
    pub individual_n: usize,
    /// Paired participants left out of it for a perfect pre-test.
    pub perfect_pre_left_out: usize,
}

/// The report. Its JSON form is a contract for scripts and dashboards: keys are added, never
/// renamed; numbers are unrounded; undefined figures are `null`.
#[derive(Clone, Debug, Serialize)]
pub struct Report {
    /// The class, when the report is of one.
    pub class: Option<String>,
    /// The question set's id.
    pub quiz: String,
    /// One row per participant.
    pub participants: Vec<ParticipantRow>,
    /// The scores and the tests.
    pub summary: Summary,
    /// The item analysis, when wanted.
    pub items: Vec<Item>,
    /// The tests' reliability.
    pub reliability: Reliability,
    /// How each step went at the latest observations.
    pub checklist_steps: Vec<StepSummary>,
    /// Who passed.
    pub pass: Pass,
    /// The knowledge categories.
    pub categories: Categories,
    /// The normalised gain.
    pub gain: Gain,
    /// See [`Input::regraded`].
    pub answers_graded_by_earlier_key: usize,
    /// How participants are named: `codes`, `initials` or `full`.
    pub names: super::names::Names,
    /// The programme's outcome: exclusive breastfeeding, danger signs and referrals.
    pub outcome: super::outcome::Outcome,
    /// See [`Input::year`].
    #[serde(skip)]
    pub year: Option<i32>,
    /// The class's details.
    #[serde(skip)]
    pub class_info: Option<ClassInfo>,
    /// How many of each role.
    #[serde(skip)]
    pub roles: Vec<(String, usize)>,
    /// The questions' labels.
    #[serde(skip)]
    pub labels: Vec<String>,
    /// The steps' labels.
    #[serde(skip)]
    pub step_labels: Vec<String>,
}
