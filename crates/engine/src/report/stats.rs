//! The statistics of a pre-test/post-test report, as SPSS and scipy compute them. Every figure
//! that cannot be computed (too few people, no variation, nothing discordant) is `None`, never
//! NaN, with a reason the renderers show.

use statrs::distribution::{Binomial, ContinuousCDF, DiscreteCDF, Normal, StudentsT};
use statrs::statistics::{Data, OrderStatistics, RankTieBreaker};

/// Why a figure is missing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Undefined {
    /// Too few values.
    TooFew,
    /// Every value the same.
    NoVariation,
    /// Every difference zero.
    AllZero,
    /// No one changed.
    NoDiscordant,
    /// A perfect pre-test leaves no room to gain.
    PerfectPre,
    /// More values than the method is made for.
    TooMany,
}

/// A statistic, or why it cannot be computed.
pub type Figure = Result<f64, Undefined>;

/// The mean.
pub fn mean(xs: &[f64]) -> Figure {
    if xs.is_empty() {
        return Err(Undefined::TooFew);
    }
    Ok(xs.iter().sum::<f64>() / xs.len() as f64)
}

/// Sample standard deviation (n − 1).
pub fn sd(xs: &[f64]) -> Figure {
    if xs.len() < 2 {
        return Err(Undefined::TooFew);
    }
    let m = mean(xs)?;
    let ss: f64 = xs.iter().map(|x| (x - m).powi(2)).sum();
    Ok((ss / (xs.len() - 1) as f64).sqrt())
}

fn sample_var(xs: &[f64]) -> Figure {
    sd(xs).map(|s| s * s)
}

/// Paired t-test on differences: (t, df, two-sided p) and the t-based 95 % interval of the mean.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PairedT {
    /// The t statistic.
    pub t: Figure,
    /// Degrees of freedom.
    pub df: Figure,
    /// Two-sided p.
    pub p: Figure,
    /// 95 % confidence interval of the mean difference.
    pub ci95: Result<(f64, f64), Undefined>,
}

/// A paired t-test of the differences.
pub fn paired_t(diffs: &[f64]) -> PairedT {
    let n = diffs.len();
    let none = |u| PairedT {
        t: Err(u),
        df: Err(u),
        p: Err(u),
        ci95: Err(u),
    };
    if n < 2 {
        return none(Undefined::TooFew);
    }
    let df = (n - 1) as f64;
    let (m, s) = match (mean(diffs), sd(diffs)) {
        (Ok(m), Ok(s)) => (m, s),
        _ => return none(Undefined::TooFew),
    };
    if s == 0.0 {
        return PairedT {
            df: Ok(df),
            ..none(Undefined::NoVariation)
        };
    }
    let se = s / (n as f64).sqrt();
    let t = m / se;
    let Ok(dist) = StudentsT::new(0.0, 1.0, df) else {
        return none(Undefined::TooFew);
    };
    let p = (2.0 * dist.sf(t.abs())).min(1.0);
    let crit = dist.inverse_cdf(0.975);
    PairedT {
        t: Ok(t),
        df: Ok(df),
        p: Ok(p),
        ci95: Ok((m - crit * se, m + crit * se)),
    }
}

/// The t-based 95 % interval of a mean (a point when every value is the same).
pub fn t_interval(xs: &[f64]) -> Result<(f64, f64), Undefined> {
    let (m, s) = (mean(xs)?, sd(xs)?);
    let n = xs.len() as f64;
    let dist = StudentsT::new(0.0, 1.0, n - 1.0).map_err(|_| Undefined::TooFew)?;
    let half = dist.inverse_cdf(0.975) * s / n.sqrt();
    Ok((m - half, m + half))
}

/// The r-table value: the smallest Pearson r significant at α = 0,05 (two-sided) among `n`
/// people (df = n − 2), against which an item's r with the total is read as valid.
pub fn r_critical(n: usize) -> Figure {
    if n < 3 {
        return Err(Undefined::TooFew);
    }
    let df = (n - 2) as f64;
    let dist = StudentsT::new(0.0, 1.0, df).map_err(|_| Undefined::TooFew)?;
    let t = dist.inverse_cdf(0.975);
    Ok(t / (t * t + df).sqrt())
}

/// The non-zero differences with the average rank of their size (ties share one), by statrs.
pub fn signed_ranks(diffs: &[f64]) -> Result<Vec<(f64, f64)>, Undefined> {
    let nz: Vec<f64> = diffs.iter().copied().filter(|d| *d != 0.0).collect();
    if nz.is_empty() {
        return Err(Undefined::AllZero);
    }
    let mut sizes = Data::new(nz.iter().map(|d| d.abs()).collect::<Vec<f64>>());
    let ranks = sizes.ranks(RankTieBreaker::Average);
    Ok(nz.into_iter().zip(ranks).collect())
}

/// Wilcoxon signed-rank test as SPSS reports it: zero differences dropped, average ranks for
/// ties, tie-corrected variance, normal approximation without continuity correction. `z` is
/// computed from the smaller rank sum (so it is ≤ 0, like SPSS's and scipy's).
pub fn wilcoxon(diffs: &[f64]) -> (Figure, Figure) {
    let ranked = match signed_ranks(diffs) {
        Ok(r) => r,
        Err(e) => return (Err(e), Err(e)),
    };
    let n = ranked.len();
    // Tied differences share one average rank: each group of t adds t³ − t.
    let mut group_sizes: std::collections::BTreeMap<u64, f64> = std::collections::BTreeMap::new();
    for (_, r) in &ranked {
        *group_sizes.entry((r * 2.0).round() as u64).or_default() += 1.0;
    }
    let tie_term: f64 = group_sizes.values().map(|t| t * t * t - t).sum();
    let plus: f64 = ranked
        .iter()
        .filter(|(d, _)| *d > 0.0)
        .map(|(_, r)| r)
        .sum();
    let total = n as f64 * (n as f64 + 1.0) / 2.0;
    let smaller = plus.min(total - plus);
    let nf = n as f64;
    let var = nf * (nf + 1.0) * (2.0 * nf + 1.0) / 24.0 - tie_term / 48.0;
    if var <= 0.0 {
        return (Err(Undefined::NoVariation), Err(Undefined::NoVariation));
    }
    let z = (smaller - total / 2.0) / var.sqrt();
    let normal = Normal::standard();
    let p = (2.0 * normal.cdf(-z.abs())).min(1.0);
    (Ok(z), Ok(p))
}

/// Mean difference over its SD (Cohen's d_z).
pub fn effect_size_dz(diffs: &[f64]) -> Figure {
    let s = sd(diffs)?;
    if s == 0.0 {
        return Err(Undefined::NoVariation);
    }
    Ok(mean(diffs)? / s)
}

/// Hake's normalised gain on percentages: (post − pre) / (100 − pre), over paired means.
pub fn normalized_gain(pre_mean: f64, post_mean: f64) -> Figure {
    if pre_mean >= 100.0 {
        return Err(Undefined::PerfectPre);
    }
    Ok((post_mean - pre_mean) / (100.0 - pre_mean))
}

/// Pearson correlation.
pub fn correlation(xs: &[f64], ys: &[f64]) -> Figure {
    if xs.len() < 2 || xs.len() != ys.len() {
        return Err(Undefined::TooFew);
    }
    let (mx, my) = (mean(xs)?, mean(ys)?);
    let sxy: f64 = xs.iter().zip(ys).map(|(x, y)| (x - mx) * (y - my)).sum();
    let sxx: f64 = xs.iter().map(|x| (x - mx).powi(2)).sum();
    let syy: f64 = ys.iter().map(|y| (y - my).powi(2)).sum();
    if sxx == 0.0 || syy == 0.0 {
        return Err(Undefined::NoVariation);
    }
    Ok(sxy / (sxx * syy).sqrt())
}

/// Exact two-sided McNemar p from the discordant pairs: `b` right → wrong, `c` wrong → right.
pub fn mcnemar_exact(b: u64, c: u64) -> Figure {
    let n = b + c;
    if n == 0 {
        return Err(Undefined::NoDiscordant);
    }
    let Ok(bin) = Binomial::new(0.5, n) else {
        return Err(Undefined::NoDiscordant);
    };
    Ok((2.0 * bin.cdf(b.min(c))).min(1.0))
}

/// Cronbach's alpha (KR-20 for right/wrong items) with sample variances. `matrix[person][item]`.
pub fn cronbach_alpha(matrix: &[Vec<f64>]) -> Figure {
    let n = matrix.len();
    let k = matrix.first().map_or(0, Vec::len);
    if n < 2 || k < 2 {
        return Err(Undefined::TooFew);
    }
    let item_vars: f64 = (0..k)
        .map(|i| {
            let column: Vec<f64> = matrix
                .iter()
                .filter_map(|row| row.get(i).copied())
                .collect();
            sample_var(&column).unwrap_or(0.0)
        })
        .sum();
    let totals: Vec<f64> = matrix.iter().map(|row| row.iter().sum()).collect();
    let total_var = sample_var(&totals)?;
    if total_var == 0.0 {
        return Err(Undefined::NoVariation);
    }
    let k = k as f64;
    Ok(k / (k - 1.0) * (1.0 - item_vars / total_var))
}

#[cfg(test)]
mod tests {
    //! Reference values from scipy 1.17.1 (numpy 2), computed with the command above each test.
    use super::*;

    fn close(a: f64, b: f64) {
        assert!((a - b).abs() < 1e-9 * b.abs().max(1.0), "{a} vs {b}");
    }

    // python3 -c "from scipy import stats; d=[10,20,-10,30,0,10,20,10,40,-20]; r=stats.ttest_rel(d,[0]*10); print(r.statistic, r.pvalue, r.confidence_interval(0.95))"
    #[test]
    fn paired_t_matches_scipy_with_ties_and_a_zero() {
        let d = [10.0, 20.0, -10.0, 30.0, 0.0, 10.0, 20.0, 10.0, 40.0, -20.0];
        let r = paired_t(&d);
        close(r.t.unwrap(), 1.9411764705882353);
        close(r.p.unwrap(), 0.08415030805368938);
        assert_eq!(r.df.unwrap(), 9.0);
        let (lo, hi) = r.ci95.unwrap();
        close(lo, -1.818890589189829);
        close(hi, 23.818890589189827);
    }

    // python3 -c "from scipy import stats; d=[10,20,-10,30,0,10,20,10,40,-20]; r=stats.wilcoxon(d, zero_method='wilcox', correction=False, method='approx'); print(r.statistic, r.pvalue, r.zstatistic)"
    #[test]
    fn wilcoxon_matches_scipy_and_spss_with_ties_and_a_zero() {
        let d = [10.0, 20.0, -10.0, 30.0, 0.0, 10.0, 20.0, 10.0, 40.0, -20.0];
        let (z, p) = wilcoxon(&d);
        close(z.unwrap(), -1.6793284029313882);
        close(p.unwrap(), 0.09308805843495843);
    }

    // python3 -c "from scipy import stats; print(stats.binomtest(1, 6, 0.5).pvalue, stats.binomtest(0, 3, 0.5).pvalue, stats.binomtest(4, 8, 0.5).pvalue)"
    #[test]
    fn exact_mcnemar_matches_scipy_binomtest() {
        close(mcnemar_exact(1, 5).unwrap(), 0.21875);
        close(mcnemar_exact(3, 0).unwrap(), 0.25);
        close(mcnemar_exact(4, 4).unwrap(), 1.0);
        assert_eq!(mcnemar_exact(0, 0), Err(Undefined::NoDiscordant));
    }

    // python3 -c "import numpy as np; m=np.array([[1,1,0,1],[1,0,0,1],[0,0,0,1],[1,1,1,1],[1,0,1,0]],float); k=m.shape[1]; print(k/(k-1)*(1-m.var(0,ddof=1).sum()/m.sum(1).var(ddof=1)))"
    #[test]
    fn kr20_with_sample_variances() {
        let m = vec![
            vec![1.0, 1.0, 0.0, 1.0],
            vec![1.0, 0.0, 0.0, 1.0],
            vec![0.0, 0.0, 0.0, 1.0],
            vec![1.0, 1.0, 1.0, 1.0],
            vec![1.0, 0.0, 1.0, 0.0],
        ];
        close(cronbach_alpha(&m).unwrap(), 0.30769230769230776);
    }

    #[test]
    fn tiny_or_uniform_groups_give_reasons_not_nan() {
        // n = 1
        assert_eq!(paired_t(&[10.0]).t, Err(Undefined::TooFew));
        assert_eq!(effect_size_dz(&[10.0]), Err(Undefined::TooFew));
        // Everyone improved by the same amount: no variation.
        assert_eq!(paired_t(&[10.0, 10.0]).t, Err(Undefined::NoVariation));
        assert_eq!(paired_t(&[10.0, 10.0]).df, Ok(1.0));
        // Nobody changed.
        assert_eq!(wilcoxon(&[0.0, 0.0, 0.0]).0, Err(Undefined::AllZero));
        // Everyone right on every item: no variance at all.
        assert_eq!(
            cronbach_alpha(&[vec![1.0, 1.0], vec![1.0, 1.0]]),
            Err(Undefined::NoVariation)
        );
        assert_eq!(
            correlation(&[1.0, 1.0, 1.0], &[2.0, 3.0, 4.0]),
            Err(Undefined::NoVariation)
        );
        assert_eq!(normalized_gain(100.0, 100.0), Err(Undefined::PerfectPre));
    }

    // python3 -c "from scipy import stats; d=[10,30]; r=stats.ttest_rel(d,[0,0]); print(r.statistic, r.pvalue); print(stats.wilcoxon(d, zero_method='wilcox', correction=False, method='approx'))"
    #[test]
    fn r_table_values_as_printed() {
        // The r-table of statistics textbooks, α = 0,05 two-sided: df 8 → 0,632; 14 → 0,497;
        // 38 → 0,312.
        for (n, r) in [(10, 0.632), (16, 0.497), (40, 0.312)] {
            assert!((r_critical(n).unwrap() - r).abs() < 0.0005, "{n}");
        }
        assert!(r_critical(2).is_err());
    }

    #[test]
    fn two_people_match_scipy() {
        let d = [10.0, 30.0];
        let r = paired_t(&d);
        close(r.t.unwrap(), 2.0);
        close(r.p.unwrap(), 0.2951672353008665);
        let (z, p) = wilcoxon(&d);
        close(z.unwrap(), -1.3416407864998738);
        close(p.unwrap(), 0.17971249487899976);
    }
}
