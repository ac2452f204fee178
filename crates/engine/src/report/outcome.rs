//! The programme's outcome in a report: exclusive breastfeeding under six months among the
//! visited babies (WHO/UNICEF 2021), as n of N with a 95 % Wilson interval beside a target, the
//! babies left out and why, and the danger signs seen at visits and referred.

use pijat_core::feeding::Ebf;
use serde::Serialize;

use super::stats::Undefined;
use super::types::{Interval, Val};

/// The national target the seed quotes: 80 % of babies under six months exclusively breastfed.
pub const DEFAULT_TARGET: f64 = 80.0;

/// One visit as the outcome counts it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VisitOutcome {
    /// The day of the visit (`2026-11-20`), for the recap's months.
    pub visited_on: String,
    /// Where the baby stood in the indicator at this visit.
    pub ebf: Ebf,
    /// A danger sign in the mother.
    pub mother_sign: bool,
    /// A danger sign in the baby.
    pub baby_sign: bool,
    /// Referred (to a midwife, the puskesmas…).
    pub referred: bool,
    /// The visit asked about danger signs (a visit from before pijat asked them did not).
    pub danger_asked: bool,
}

/// The outcome's figures. JSON key `outcome`.
#[derive(Clone, Debug, Serialize)]
pub struct Outcome {
    /// Babies with at least one visit.
    pub babies_visited: usize,
    /// n: under six months at their latest visit with the recall and fed only breast milk
    /// yesterday (ORS, drops and medicines allowed).
    pub exclusive: usize,
    /// N: under six months at that visit, with a recall that settles it.
    pub under_six_months: usize,
    /// n / N in %; `null` when N is 0.
    pub percent: Val,
    /// The 95 % Wilson interval of the share, in %; `null` when N is 0.
    pub ci95: Interval,
    /// The target in % (`--ebf-target`, 80 by default).
    pub target_percent: f64,
    /// Left out of N: six months or older at their latest visit with the recall.
    pub six_months_or_older: usize,
    /// Left out of N: no date of birth, so no age.
    pub no_birth_date: usize,
    /// Left out of N: a "don't know" left the recall open.
    pub recall_open: usize,
    /// Left out of N: only visits from before pijat asked the recall.
    pub recall_not_asked: usize,
    /// Visits that asked about danger signs.
    pub visits_asking_danger: usize,
    /// Of them, visits that found a danger sign in mother or baby.
    pub visits_with_danger_sign: usize,
    /// Of them, with a sign in the mother.
    pub mother_signs: usize,
    /// Of them, with a sign in the baby.
    pub baby_signs: usize,
    /// Of them, referred.
    pub referred: usize,
}

/// The outcome of a class from each baby's visits (oldest first): each baby counts once, at his
/// latest visit that asked the recall.
pub fn outcome(babies: &[&[VisitOutcome]], target_percent: f64) -> Outcome {
    let mut o = Outcome {
        babies_visited: 0,
        exclusive: 0,
        under_six_months: 0,
        percent: Val(Err(Undefined::TooFew)),
        ci95: Interval(Err(Undefined::TooFew)),
        target_percent,
        six_months_or_older: 0,
        no_birth_date: 0,
        recall_open: 0,
        recall_not_asked: 0,
        visits_asking_danger: 0,
        visits_with_danger_sign: 0,
        mother_signs: 0,
        baby_signs: 0,
        referred: 0,
    };
    for visits in babies.iter().filter(|v| !v.is_empty()) {
        o.babies_visited += 1;
        let latest = visits
            .iter()
            .rev()
            .map(|v| v.ebf)
            .find(|e| *e != Ebf::NotAsked)
            .unwrap_or(Ebf::NotAsked);
        match latest {
            Ebf::Exclusive => o.exclusive += 1,
            Ebf::NotExclusive => {}
            Ebf::Unknown => o.recall_open += 1,
            Ebf::SixMonthsOrOlder => o.six_months_or_older += 1,
            Ebf::NoBirthDate => o.no_birth_date += 1,
            Ebf::NotAsked => o.recall_not_asked += 1,
        }
        o.under_six_months += usize::from(latest.counted());
        o.visits_asking_danger += visits.iter().filter(|v| v.danger_asked).count();
        for v in visits.iter().filter(|v| v.mother_sign || v.baby_sign) {
            o.visits_with_danger_sign += 1;
            o.mother_signs += usize::from(v.mother_sign);
            o.baby_signs += usize::from(v.baby_sign);
            o.referred += usize::from(v.referred);
        }
    }
    if o.under_six_months > 0 {
        o.percent = Val(Ok(100.0 * o.exclusive as f64 / o.under_six_months as f64));
        o.ci95 = Interval(wilson(o.exclusive, o.under_six_months));
    }
    o
}

/// The 95 % Wilson score interval of k successes in n, in %: it stays within 0–100 and is not
/// empty at 0 or n, which the plain ±1.96·SE interval is for a small class.
pub fn wilson(k: usize, n: usize) -> Result<(f64, f64), Undefined> {
    if n == 0 || k > n {
        return Err(Undefined::TooFew);
    }
    const Z: f64 = 1.959_963_984_540_054;
    let (k, n) = (k as f64, n as f64);
    let p = k / n;
    let z2 = Z * Z;
    let denominator = 1.0 + z2 / n;
    let centre = (p + z2 / (2.0 * n)) / denominator;
    let half = Z * (p * (1.0 - p) / n + z2 / (4.0 * n * n)).sqrt() / denominator;
    Ok((
        100.0 * (centre - half).max(0.0),
        100.0 * (centre + half).min(1.0),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn visit(ebf: Ebf) -> VisitOutcome {
        VisitOutcome {
            visited_on: "2026-11-20".into(),
            ebf,
            mother_sign: false,
            baby_sign: false,
            referred: false,
            danger_asked: true,
        }
    }

    #[test]
    fn wilson_matches_a_hand_computation() {
        // 7 of 10: p = 0.7, z² = 3.8415; centre (0.7 + 0.19207) / 1.38415 = 0.64449,
        // half 1.95996 · √(0.021 + 0.0096037) / 1.38415 = 0.24771: 39.68–89.22 %.
        let (lo, hi) = wilson(7, 10).unwrap();
        assert!(
            (lo - 39.68).abs() < 0.01 && (hi - 89.22).abs() < 0.01,
            "{lo} {hi}"
        );
        // 0 of 5 and 5 of 5: not empty, within 0–100.
        let (lo, hi) = wilson(0, 5).unwrap();
        assert!(lo == 0.0 && (hi - 43.45).abs() < 0.01, "{hi}");
        let (lo, hi) = wilson(5, 5).unwrap();
        assert!((lo - 56.55).abs() < 0.01 && hi == 100.0, "{lo}");
        assert!(wilson(0, 0).is_err() && wilson(3, 2).is_err());
    }

    #[test]
    fn each_baby_counts_once_at_his_latest_visit_with_the_recall() {
        let a = [visit(Ebf::NotExclusive), visit(Ebf::Exclusive)];
        let b = [visit(Ebf::Exclusive), visit(Ebf::NotAsked)];
        let c = [visit(Ebf::Exclusive), visit(Ebf::NotExclusive)];
        let d = [visit(Ebf::SixMonthsOrOlder)];
        let e = [visit(Ebf::NoBirthDate)];
        let f = [visit(Ebf::Unknown)];
        let g = [visit(Ebf::NotAsked)];
        let none: [VisitOutcome; 0] = [];
        let all: [&[VisitOutcome]; 8] = [&a, &b, &c, &d, &e, &f, &g, &none];
        let o = outcome(&all, DEFAULT_TARGET);
        assert_eq!(o.babies_visited, 7);
        assert_eq!((o.exclusive, o.under_six_months), (2, 3));
        assert_eq!(
            (
                o.six_months_or_older,
                o.no_birth_date,
                o.recall_open,
                o.recall_not_asked
            ),
            (1, 1, 1, 1)
        );
        assert!((o.percent.0.unwrap() - 200.0 / 3.0).abs() < 1e-9);
        assert_eq!(o.ci95.0, wilson(2, 3));
    }

    #[test]
    fn danger_signs_are_counted_per_visit_with_their_referrals() {
        let sign = |mother, baby, referred| VisitOutcome {
            visited_on: "2026-11-20".into(),
            ebf: Ebf::Exclusive,
            mother_sign: mother,
            baby_sign: baby,
            referred,
            danger_asked: true,
        };
        let a = [sign(true, false, true), sign(false, false, false)];
        let b = [sign(true, true, false)];
        let o = outcome(&[&a, &b], 90.0);
        assert_eq!(
            (
                o.visits_asking_danger,
                o.visits_with_danger_sign,
                o.mother_signs,
                o.baby_signs,
                o.referred
            ),
            (3, 2, 2, 1, 1)
        );
        assert_eq!(o.target_percent, 90.0);
    }

    #[test]
    fn no_baby_under_six_months_gives_no_share() {
        let d = [visit(Ebf::SixMonthsOrOlder)];
        let o = outcome(&[&d], DEFAULT_TARGET);
        assert!(o.percent.0.is_err() && o.ci95.0.is_err());
    }
}
