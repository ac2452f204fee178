//! The class figures of a pre-test and post-test: both groups, the paired differences, the tests
//! and which of them the report reads, pass counts, knowledge categories and normalised gains.

use super::exact::wilcoxon_exact;
use super::normality::shapiro_wilk;
use super::stats::{
    Undefined, effect_size_dz, mean, normalized_gain, paired_t, sd, signed_ranks, t_interval,
    wilcoxon,
};
use super::types::{
    Categories, CategoryCount, Cutoffs, Diff, Gain, GainCategory, Group, Interval, Pass, PassCount,
    PrimaryReason, PrimaryTest, RankLine, Ranks, Shapiro, Summary, TTest, Val, Wilcoxon,
};

/// A group's n, mean and SD.
pub fn group(scores: &[f64]) -> Group {
    let mut sorted = scores.to_vec();
    sorted.sort_by(f64::total_cmp);
    let n = sorted.len();
    let median = match (sorted.get(n.saturating_sub(1) / 2), sorted.get(n / 2)) {
        (Some(a), Some(b)) => Ok((a + b) / 2.0),
        _ => Err(Undefined::TooFew),
    };
    let end = |x: Option<&f64>| Val(x.copied().ok_or(Undefined::TooFew));
    Group {
        n,
        mean: Val(mean(scores)),
        sd: Val(sd(scores)),
        ci95: Interval(t_interval(scores)),
        median: Val(median),
        min: end(sorted.first()),
        max: end(sorted.last()),
    }
}

/// The differences as SPSS's Wilcoxon "Ranks" table counts them.
pub fn ranks(diffs: &[f64]) -> Ranks {
    let ranked = signed_ranks(diffs).unwrap_or_default();
    let line = |keep: fn(f64) -> bool| {
        let rs: Vec<f64> = ranked
            .iter()
            .filter(|(d, _)| keep(*d))
            .map(|r| r.1)
            .collect();
        let sum: f64 = rs.iter().sum();
        RankLine {
            n: rs.len(),
            mean_rank: Val(if rs.is_empty() {
                Err(Undefined::TooFew)
            } else {
                Ok(sum / rs.len() as f64)
            }),
            sum_of_ranks: sum,
        }
    };
    Ranks {
        negative: line(|d| d < 0.0),
        positive: line(|d| d > 0.0),
        ties: diffs.iter().filter(|d| **d == 0.0).count(),
    }
}

/// Scores of the people who took both tests, in the same order.
pub struct Paired {
    /// Pre-test scores of those with both tests.
    pub pre: Vec<f64>,
    /// Their post-test scores, in the same order.
    pub post: Vec<f64>,
}

/// The stated rule: Shapiro–Wilk on the differences; p ≥ 0.05 → the paired t-test, p < 0.05 →
/// Wilcoxon; when normality cannot be tested (fewer than 3 pairs, all differences equal),
/// Wilcoxon, which assumes less.
fn primary(n: usize, shapiro_p: Val) -> (Option<PrimaryTest>, Option<PrimaryReason>) {
    if n == 0 {
        return (None, None);
    }
    match shapiro_p.0 {
        Ok(p) if p >= 0.05 => (Some(PrimaryTest::PairedT), Some(PrimaryReason::Normal)),
        Ok(_) => (Some(PrimaryTest::Wilcoxon), Some(PrimaryReason::NotNormal)),
        Err(_) => (
            Some(PrimaryTest::Wilcoxon),
            Some(PrimaryReason::NormalityUntestable),
        ),
    }
}

/// The scores and the tests.
pub fn summarise(paired: &Paired, pre_all: &[f64], post_all: &[f64]) -> Summary {
    let diffs: Vec<f64> = paired
        .post
        .iter()
        .zip(&paired.pre)
        .map(|(b, a)| b - a)
        .collect();
    let t = paired_t(&diffs);
    let (z, wp) = wilcoxon(&diffs);
    let exact = wilcoxon_exact(&diffs);
    let gain = match (mean(&paired.pre), mean(&paired.post)) {
        (Ok(a), Ok(b)) => normalized_gain(a, b),
        _ => Err(Undefined::TooFew),
    };
    let sw = shapiro_wilk(&diffs);
    let (primary_test, primary_reason) = primary(diffs.len(), Val(sw.p));
    let primary_p = match primary_test {
        Some(PrimaryTest::PairedT) => t.p,
        Some(PrimaryTest::Wilcoxon) => exact.or(wp),
        None => Err(Undefined::TooFew),
    };
    Summary {
        n_paired: diffs.len(),
        pre: group(pre_all),
        post: group(post_all),
        diff: Diff {
            mean: Val(mean(&diffs)),
            sd: Val(sd(&diffs)),
            ci95: Interval(t.ci95),
        },
        paired_t: TTest {
            t: Val(t.t),
            df: Val(t.df),
            p: Val(t.p),
        },
        wilcoxon: Wilcoxon {
            z: Val(z),
            p: Val(wp),
        },
        effect_size_dz: Val(effect_size_dz(&diffs)),
        normalized_gain: Val(gain),
        paired_pre: group(&paired.pre),
        paired_post: group(&paired.post),
        shapiro: Shapiro {
            n: diffs.len(),
            w: Val(sw.w),
            p: Val(sw.p),
        },
        wilcoxon_exact_p: Val(exact),
        primary_test,
        primary_reason,
        primary_p: Val(primary_p),
        ranks: ranks(&diffs),
    }
}

fn passed(scores: &[f64], pass_percent: u8) -> PassCount {
    PassCount {
        n: scores.len(),
        passed: scores
            .iter()
            .filter(|s| **s >= f64::from(pass_percent))
            .count(),
    }
}

/// Who passed, before and after.
pub fn pass(paired: &Paired, pre_all: &[f64], post_all: &[f64], pass_percent: u8) -> Pass {
    Pass {
        pass_percent,
        pre: passed(pre_all, pass_percent),
        post: passed(post_all, pass_percent),
        paired_pre: passed(&paired.pre, pass_percent),
        paired_post: passed(&paired.post, pass_percent),
    }
}

/// The knowledge categories, before and after.
pub fn categories(paired: &Paired, pre_all: &[f64], post_all: &[f64], c: Cutoffs) -> Categories {
    Categories {
        cutoffs: c,
        pre: CategoryCount::of(&c, pre_all),
        post: CategoryCount::of(&c, post_all),
        paired_pre: CategoryCount::of(&c, &paired.pre),
        paired_post: CategoryCount::of(&c, &paired.post),
    }
}

/// One participant's N-gain: `None` with a perfect pre-test.
pub fn individual_gain(pre: f64, post: f64) -> Option<f64> {
    normalized_gain(pre, post).ok()
}

/// The normalised gain.
pub fn gain(paired: &Paired, class_hake: Val) -> Gain {
    let each: Vec<f64> = paired
        .pre
        .iter()
        .zip(&paired.post)
        .filter_map(|(a, b)| individual_gain(*a, *b))
        .collect();
    let individual = if each.is_empty() && !paired.pre.is_empty() {
        Err(Undefined::PerfectPre)
    } else {
        mean(&each)
    };
    Gain {
        class_hake,
        class_hake_category: GainCategory::of(class_hake.0),
        individual_mean: Val(individual),
        individual_category: GainCategory::of(individual),
        individual_n: each.len(),
        perfect_pre_left_out: paired.pre.len() - each.len(),
    }
}
