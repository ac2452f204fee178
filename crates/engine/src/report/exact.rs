//! The exact Wilcoxon signed-rank test and Holm's adjustment of several p-values. Pure.

use super::stats::{Figure, Undefined};

/// The most non-zero differences the exact test enumerates (2²⁵ sign patterns, counted by sum);
/// beyond that the normal approximation is as good as exact.
pub const EXACT_MAX: usize = 25;

/// The exact two-sided p of the Wilcoxon signed-rank test: zero differences dropped, ties given
/// their average rank, and the statistic's distribution counted over every pattern of signs of
/// those ranks (doubled, so a tie's half ranks stay whole numbers). With ties this is the exact
/// conditional p that a permutation test gives; without ties, the classic exact table.
pub fn wilcoxon_exact(diffs: &[f64]) -> Figure {
    let ranked = super::stats::signed_ranks(diffs)?;
    if ranked.len() > EXACT_MAX {
        return Err(Undefined::TooMany);
    }
    // Doubled average ranks, so a tie's half ranks stay whole numbers.
    let n = ranked.len();
    let ranks: Vec<usize> = ranked
        .iter()
        .map(|(_, r)| (r * 2.0).round() as usize)
        .collect();
    let observed: usize = ranked
        .iter()
        .zip(&ranks)
        .filter(|((d, _), _)| *d > 0.0)
        .map(|(_, r)| r)
        .sum();
    let total: usize = ranks.iter().sum();
    // counts[s]: how many sign patterns give a positive rank sum of s.
    let mut counts = vec![0u64; total + 1];
    if let Some(none) = counts.first_mut() {
        *none = 1;
    }
    let mut reach = 0;
    for r in &ranks {
        // Each pattern reaching s so far reaches s + r with this rank positive too; from the
        // top down, so a pattern is not counted twice in one pass.
        for s in (0..=reach).rev() {
            let here = counts.get(s).copied().unwrap_or(0);
            if here > 0
                && let Some(up) = counts.get_mut(s + r)
            {
                *up += here;
            }
        }
        reach += r;
    }
    let all = (1u64 << n) as f64;
    let below: u64 = counts.iter().take(observed + 1).sum();
    let above: u64 = counts.iter().skip(observed).sum();
    Ok((2.0 * below.min(above) as f64 / all).min(1.0))
}

/// Holm's step-down adjustment: the undefined p-values are left out of the count and stay
/// undefined.
pub fn holm(ps: &[Figure]) -> Vec<Figure> {
    let mut defined: Vec<(usize, f64)> = ps
        .iter()
        .enumerate()
        .filter_map(|(i, p)| p.ok().map(|p| (i, p)))
        .collect();
    defined.sort_by(|a, b| a.1.total_cmp(&b.1));
    let m = defined.len();
    let mut out: Vec<Figure> = ps.to_vec();
    let mut running: f64 = 0.0;
    for (rank, (i, p)) in defined.into_iter().enumerate() {
        running = running.max(((m - rank) as f64 * p).min(1.0));
        if let Some(o) = out.get_mut(i) {
            *o = Ok(running);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    //! Reference values from scipy 1.17.1, with the command above each test.
    use super::*;

    fn close(a: f64, b: f64) {
        assert!((a - b).abs() < 1e-12, "{a} vs {b}");
    }

    // python3 -c "from scipy import stats; print(stats.wilcoxon([1,2,3,-4,5,6], method='exact').pvalue, stats.wilcoxon([5,-3,8,12,-1,7,9,15,2,11,4,-6,13,10,14], method='exact').pvalue, stats.wilcoxon(list(range(1,26)), method='exact').pvalue)"
    #[test]
    fn without_ties_it_is_scipys_exact_test() {
        close(
            wilcoxon_exact(&[1.0, 2.0, 3.0, -4.0, 5.0, 6.0]).unwrap(),
            0.21875,
        );
        let d = [
            5.0, -3.0, 8.0, 12.0, -1.0, 7.0, 9.0, 15.0, 2.0, 11.0, 4.0, -6.0, 13.0, 10.0, 14.0,
        ];
        close(wilcoxon_exact(&d).unwrap(), 0.00262451171875);
        let all_up: Vec<f64> = (1..=25).map(f64::from).collect();
        close(wilcoxon_exact(&all_up).unwrap(), 5.960464477539063e-08);
    }

    // Ties and zeros: scipy's own 'exact' rounds the statistic, so the reference is its
    // permutation test, which enumerates every sign pattern when 2^n is small:
    // python3 -c "import numpy as np; from scipy import stats; pm=stats.PermutationMethod(n_resamples=np.inf); print(stats.wilcoxon([10,20,-10,30,0,10,20,10,40,-20], method=pm).pvalue, stats.wilcoxon([50,20,40,30], method=pm).pvalue, stats.wilcoxon([10,10,10,10,10], method=pm).pvalue, stats.wilcoxon([10,-10,20,20,-20,30,10,0,0,-10,40,20], method=pm).pvalue)"
    #[test]
    fn with_ties_and_zeros_it_counts_every_sign_pattern() {
        let d = [10.0, 20.0, -10.0, 30.0, 0.0, 10.0, 20.0, 10.0, 40.0, -20.0];
        close(wilcoxon_exact(&d).unwrap(), 0.12109375);
        close(wilcoxon_exact(&[50.0, 20.0, 40.0, 30.0]).unwrap(), 0.125);
        close(wilcoxon_exact(&[10.0; 5]).unwrap(), 0.0625);
        let d = [
            10.0, -10.0, 20.0, 20.0, -20.0, 30.0, 10.0, 0.0, 0.0, -10.0, 40.0, 20.0,
        ];
        close(wilcoxon_exact(&d).unwrap(), 0.12890625);
    }

    #[test]
    fn nothing_changed_or_too_many_give_reasons() {
        assert_eq!(wilcoxon_exact(&[0.0, 0.0]), Err(Undefined::AllZero));
        let many: Vec<f64> = (1..=26).map(f64::from).collect();
        assert_eq!(wilcoxon_exact(&many), Err(Undefined::TooMany));
    }

    // python3 -c "p=[0.01,0.04,0.03,0.5]; import numpy as np; o=np.argsort(p); m=len(p); a=np.maximum.accumulate([(m-k)*p[i] for k,i in enumerate(o)]); r=np.empty(m); r[o]=np.minimum(a,1); print(r)"
    #[test]
    fn holm_steps_down_and_skips_undefined() {
        let ps = [
            Ok(0.01),
            Ok(0.04),
            Err(Undefined::NoDiscordant),
            Ok(0.03),
            Ok(0.5),
        ];
        let h = holm(&ps);
        close(h[0].unwrap(), 0.04);
        close(h[1].unwrap(), 0.09);
        assert_eq!(h[2], Err(Undefined::NoDiscordant));
        close(h[3].unwrap(), 0.09);
        close(h[4].unwrap(), 0.5);
    }
}
