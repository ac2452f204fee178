//! The supply-and-demand chart's model: a simplified illustration, not a prediction.
//!
//! What it shows is what the sources say (shared/content-facts.md §2.4):
//! - the baby takes what he needs: within 6–18 feeds a day, the number of feeds is not related
//!   to the day's milk (Kent et al. 2006, S21), so more feeds mean smaller feeds, not more milk;
//! - milk left in the breast slows further synthesis there (the feedback inhibitor of lactation,
//!   FIL: S20, S20b), and synthesis follows how well the breast is emptied, less after long gaps
//!   (Daly et al. 1993, 1996: S18, S19);
//! - a feed takes at most about three-quarters of the milk available (S18: 76 ± 20 %).
//!
//! So: during a day the breast fills at a rate that slows as it gets fuller (FIL); each removal
//! takes what the baby wants from that feed, up to the share a feed can take. When removals are
//! far apart the breast stays full for hours, makes less, and the baby cannot get all he wants;
//! from day to day the breast's capacity moves toward what was removed. Within the normal range
//! every day ends the same. The numbers that are not from a source are labelled illustrative
//! here and on the chart: real mothers and babies differ widely.

/// The model's parameters, each with its source or marked illustrative.
#[derive(Clone, Copy, Debug)]
pub struct Params {
    /// What the baby takes in a day when he can (ml). Illustrative: of the order S21 reports for
    /// exclusively breastfed babies, whose daily intakes differ widely between mothers.
    pub demand_ml: f64,
    /// Milk the breasts hold before synthesis stops (ml, both breasts). Illustrative: storage
    /// capacity differs severalfold between women (S19).
    pub storage_ml: f64,
    /// How sharply synthesis slows as the breast fills (the FIL effect, S20): the exponent of
    /// fullness in the slowing. Illustrative.
    pub fil_sharpness: f64,
    /// The most one removal takes of the milk available (S18: 76 ± 20 %).
    pub removed_share: f64,
    /// How far the daily capacity moves toward the day's removal (per day). Illustrative.
    pub adapt: f64,
    /// The breast keeps this much capacity above what was removed. Illustrative.
    pub headroom: f64,
    /// Capacity on day 0, and its bounds (ml a day). Illustrative.
    pub start_ml: f64,
    /// The least milk a day the model gives.
    pub min_ml: f64,
    /// The most.
    pub max_ml: f64,
}

/// The model's numbers.
pub const PARAMS: Params = Params {
    demand_ml: 750.0,
    storage_ml: 300.0,
    fil_sharpness: 3.0,
    removed_share: 0.76,
    adapt: 0.25,
    headroom: 1.1,
    start_ml: 750.0,
    min_ml: 50.0,
    max_ml: 1000.0,
};

/// Milk removed on each of `days` days (day 1 to `days`) when it is removed
/// `removals_per_day` times a day, evenly spread.
pub fn daily_supply(removals_per_day: u32, days: usize, p: &Params) -> Vec<f64> {
    const STEPS_PER_DAY: usize = 24 * 6; // ten-minute steps
    let n = removals_per_day.clamp(1, 24) as usize;
    let per_feed = p.demand_ml / n as f64;
    let mut capacity = p.start_ml;
    let mut stored = p.storage_ml * 0.1;
    let mut out = Vec::with_capacity(days);
    for _ in 0..days {
        let mut removed = 0.0;
        for step in 0..STEPS_PER_DAY {
            // FIL: the fuller the breast, the slower it makes milk, most of all near full.
            let fullness = (stored / p.storage_ml).clamp(0.0, 1.0);
            stored += capacity / STEPS_PER_DAY as f64 * (1.0 - fullness.powf(p.fil_sharpness));
            // `n` removals spread evenly over the day's steps.
            if (step + 1) * n / STEPS_PER_DAY > step * n / STEPS_PER_DAY {
                let take = per_feed.min(stored * p.removed_share);
                stored -= take;
                removed += take;
            }
        }
        capacity += p.adapt * (removed * p.headroom - capacity);
        capacity = capacity.clamp(p.min_ml, p.max_ml);
        out.push(removed);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day_14(n: u32) -> f64 {
        daily_supply(n, 14, &PARAMS)[13]
    }

    #[test]
    fn within_6_to_18_removals_a_day_the_days_milk_is_the_same() {
        // S21: within the normal range the number of feeds is not related to the day's milk.
        let normal: Vec<f64> = (6..=18).map(day_14).collect();
        let (lo, hi) = normal
            .iter()
            .fold((f64::MAX, f64::MIN), |(lo, hi), v| (lo.min(*v), hi.max(*v)));
        assert!(hi - lo <= 0.02 * hi, "flat within 6–18 a day: {normal:?}");
        // 16 feeds do not give a third more milk than 6.
        assert!((day_14(16) - day_14(6)).abs() < 0.02 * day_14(6));
    }

    #[test]
    fn milk_left_in_the_breast_for_long_makes_the_breast_make_less() {
        // Two or three removals a day: the breast stays full for hours and supply falls day by
        // day (FIL, S18–S20).
        for n in [1, 2, 3, 4] {
            let s = daily_supply(n, 14, &PARAMS);
            assert!(s[13] < s[0], "{n}× a day falls over the days: {s:?}");
            assert!(
                s[13] < 0.9 * day_14(8),
                "{n}× a day ends lower than 8×: {s:?}"
            );
        }
        assert!(day_14(2) < day_14(4));
    }

    #[test]
    fn more_removals_never_give_less_milk_and_it_stays_in_range() {
        let end: Vec<f64> = (1..=24).map(day_14).collect();
        assert!(end.windows(2).all(|w| w[1] >= w[0] - 1e-6), "{end:?}");
        assert!(end.iter().all(|v| (0.0..=PARAMS.max_ml).contains(v)));
    }

    #[test]
    fn supply_settles_instead_of_growing_for_ever() {
        let s = daily_supply(8, 80, &PARAMS);
        let late = (s[79] - s[78]).abs();
        assert!(late < 5.0, "{s:?}");
    }
}
