//! The item analysis of the pre/post test: each question's difficulty and discrimination, the
//! flags that say which to revise, and the tests' reliability.

use serde::Serialize;

use super::types::Val;

/// One question's analysis.
#[derive(Clone, Debug, Serialize)]
pub struct Item {
    /// The question's id.
    pub question: String,
    /// Share right in the pre-test.
    pub pre_facility: Val,
    /// Share right in the post-test.
    pub post_facility: Val,
    /// Pre-test discrimination: 100 × the item's correlation with the rest of the test.
    pub pre_discrimination: Val,
    /// Pre-test validity: the item's correlation with the total score (r hitung), read against
    /// [`Reliability::pre_r_table`].
    pub pre_item_total_r: Val,
    /// McNemar's exact p for the change.
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
    /// Nearly everyone had it right before the counselling.
    Ceiling,
    /// Weaker participants did better on it than stronger ones.
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

/// The tests' internal consistency.
#[derive(Clone, Debug, Serialize)]
pub struct Reliability {
    /// KR-20 of the pre-test.
    pub pre_alpha: Val,
    /// KR-20 of the post-test.
    pub post_alpha: Val,
    /// The r-table value for the pre-test's takers (α = 0,05, df = n − 2).
    pub pre_r_table: Val,
}
