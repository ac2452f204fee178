//! The supply-and-demand chart's model: a simplified illustration, not a prediction.
//!
//! It rests on these facts (shared/content-facts.md §2.4):
//! - the rate of milk synthesis follows how much of the milk is removed (Daly et al. 1993, 1996:
//!   S18, S19), between 0 and about 56 ml an hour;
//! - a feed takes about two-thirds to three-quarters of the milk available (S18: 76 ± 20 %;
//!   S21: about 67 %);
//! - milk left in the breast slows further synthesis there (the feedback inhibitor of lactation,
//!   FIL: S20).
//!
//! So: during a day the breast fills at a rate that slows as it gets fuller (FIL), and each
//! removal takes a share of what is there. From day to day the breast's capacity to make milk
//! moves toward what was actually removed, a little above it when it is emptied often. Real
//! mothers differ: 6–18 feeds a day can all be normal (S21).

/// The model's parameters, named so the chart can say what it assumes.
#[derive(Clone, Copy, Debug)]
pub struct Params {
    /// Milk the breasts can hold before synthesis stops (ml, both breasts).
    pub storage_ml: f64,
    /// Share of the available milk one removal takes (S18, S21).
    pub removed_share: f64,
    /// How far the daily capacity moves toward the day's demand (per day).
    pub adapt: f64,
    /// Capacity grows this much above what was removed when little milk is left behind.
    pub headroom: f64,
    /// Capacity on day 0, and its bounds (ml a day).
    pub start_ml: f64,
    pub min_ml: f64,
    pub max_ml: f64,
}

pub const PARAMS: Params = Params {
    storage_ml: 400.0,
    removed_share: 0.7,
    adapt: 0.25,
    headroom: 1.12,
    start_ml: 500.0,
    min_ml: 50.0,
    max_ml: 1000.0,
};

/// Milk removed on each of `days` days (day 1 to `days`) when it is removed
/// `removals_per_day` times a day, evenly spread.
pub fn daily_supply(removals_per_day: u32, days: usize, p: &Params) -> Vec<f64> {
    const STEPS_PER_DAY: usize = 24 * 6; // ten-minute steps
    let n = removals_per_day.clamp(1, 24) as usize;
    let mut capacity = p.start_ml;
    let mut stored = p.storage_ml * 0.1;
    let mut out = Vec::with_capacity(days);
    for _ in 0..days {
        let mut removed = 0.0;
        for step in 0..STEPS_PER_DAY {
            // FIL: the fuller the breast, the slower it makes milk, most of all near full.
            let fullness = (stored / p.storage_ml).clamp(0.0, 1.0);
            stored += capacity / STEPS_PER_DAY as f64 * (1.0 - fullness.powf(1.5));
            if (step + 1) % (STEPS_PER_DAY / n) == 0 {
                let take = stored * p.removed_share;
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

    #[test]
    fn frequent_removal_keeps_supply_up_and_rare_removal_lets_it_fall() {
        let often = daily_supply(10, 14, &PARAMS);
        let rarely = daily_supply(3, 14, &PARAMS);
        assert_eq!(often.len(), 14);
        assert!(often[13] > often[0], "{often:?}");
        assert!(rarely[13] < rarely[0], "{rarely:?}");
        assert!(often[13] > 1.5 * rarely[13]);
        // Stays in a believable range: within the bounds.
        assert!(
            often
                .iter()
                .chain(&rarely)
                .all(|v| (0.0..=1000.0).contains(v))
        );
    }

    #[test]
    fn supply_settles_instead_of_growing_for_ever() {
        let s = daily_supply(8, 80, &PARAMS);
        let late = (s[79] - s[78]).abs();
        assert!(late < 5.0, "{s:?}");
    }

    #[test]
    fn more_removals_never_give_less_milk() {
        let end: Vec<f64> = (1..=16).map(|n| daily_supply(n, 14, &PARAMS)[13]).collect();
        assert!(end.windows(2).all(|w| w[1] >= w[0] - 1e-6), "{end:?}");
    }
}
