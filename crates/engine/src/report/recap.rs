//! The puskesmas recap: every class on this laptop (after merging the posyandu's bundles) as a
//! row per posyandu and month, with totals. Classes count in the month they started; visits,
//! exclusive breastfeeding and referrals in the month of the visit.

use std::collections::BTreeMap;

use serde::Serialize;

use super::input::ParticipantInput;
use super::outcome::{Outcome, VisitOutcome, outcome};

/// A class as the recap takes it: where (the class's place), the month it started
/// (`2026-11`), and its participants as a report reads them.
#[derive(Clone, Debug)]
pub struct RecapClass {
    /// The posyandu: the class's place (its name when it has none).
    pub place: String,
    /// `YYYY-MM`.
    pub month: String,
    /// Everyone on its roster.
    pub participants: Vec<ParticipantInput>,
}

/// What a recap is built from.
#[derive(Clone, Debug, Default)]
pub struct RecapInput {
    /// The classes.
    pub classes: Vec<RecapClass>,
    /// The first month counted (`YYYY-MM`), if limited.
    pub from: Option<String>,
    /// The last month counted, if limited.
    pub to: Option<String>,
    /// The exclusive-breastfeeding target in %.
    pub ebf_target: f64,
}

/// One row: a posyandu in a month, or the totals. JSON: `rows[]` and `total`.
#[derive(Clone, Debug, Default, Serialize)]
pub struct RecapRow {
    /// The posyandu; empty in the totals.
    pub place: String,
    /// `YYYY-MM`; empty in the totals.
    pub month: String,
    /// Classes that started this month.
    pub classes: usize,
    /// Their participants.
    pub participants: usize,
    /// Of them, fathers.
    pub fathers: usize,
    /// Cadres.
    pub cadres: usize,
    /// Midwives and others.
    pub others: usize,
    /// Participants who took both tests.
    pub paired: usize,
    /// Their mean pre-test score (%); `null` with none paired.
    pub pre_mean: Option<f64>,
    /// Their mean post-test score (%).
    pub post_mean: Option<f64>,
    /// Competent at their latest observation.
    pub competent: usize,
    /// Observed at least once.
    pub observed: usize,
    /// Home visits made this month.
    pub visits: usize,
    /// Exclusive breastfeeding, danger signs and referrals of this month's visits (each baby
    /// once, at his latest visit of the month; in the totals once for the whole period).
    pub outcome: Option<Outcome>,
}

/// The recap. JSON form: `{from, to, ebf_target, rows, total}`.
#[derive(Clone, Debug, Serialize)]
pub struct Recap {
    /// The first month counted, if limited.
    pub from: Option<String>,
    /// The last month counted, if limited.
    pub to: Option<String>,
    /// The exclusive-breastfeeding target in %.
    pub ebf_target: f64,
    /// A row per posyandu and month, in order.
    pub rows: Vec<RecapRow>,
    /// Every row together.
    pub total: RecapRow,
}

/// Sums for one row while the classes are read.
#[derive(Default)]
struct Acc {
    row: RecapRow,
    pre_sum: f64,
    post_sum: f64,
    /// Each baby's visits (by participant), oldest first.
    babies: BTreeMap<String, Vec<VisitOutcome>>,
}

impl Acc {
    fn class(&mut self, c: &RecapClass) {
        let r = &mut self.row;
        r.classes += 1;
        for p in &c.participants {
            r.participants += 1;
            match p.role.as_str() {
                "father" => r.fathers += 1,
                "cadre" => r.cadres += 1,
                _ => r.others += 1,
            }
            if let (Some(pre), Some(post)) = (&p.pre, &p.post) {
                r.paired += 1;
                self.pre_sum += share(pre);
                self.post_sum += share(post);
            }
            if let Some(latest) = p.observations.last() {
                r.observed += 1;
                r.competent += usize::from(latest.2);
            }
        }
    }

    fn visit(&mut self, who: &str, v: &VisitOutcome) {
        self.row.visits += 1;
        self.babies
            .entry(who.to_string())
            .or_default()
            .push(v.clone());
    }

    fn finish(mut self, target: f64) -> RecapRow {
        let n = self.row.paired as f64;
        if self.row.paired > 0 {
            self.row.pre_mean = Some(self.pre_sum / n);
            self.row.post_mean = Some(self.post_sum / n);
        }
        if !self.babies.is_empty() {
            for visits in self.babies.values_mut() {
                visits.sort_by(|a, b| a.visited_on.cmp(&b.visited_on));
            }
            let babies: Vec<&[VisitOutcome]> = self.babies.values().map(Vec::as_slice).collect();
            self.row.outcome = Some(outcome(&babies, target));
        }
        self.row
    }
}

/// The share right (%) of one test.
fn share(right: &[bool]) -> f64 {
    if right.is_empty() {
        return 0.0;
    }
    100.0 * right.iter().filter(|r| **r).count() as f64 / right.len() as f64
}

/// `YYYY-MM` of a stored day.
fn month_of(day: &str) -> &str {
    day.get(..7).unwrap_or(day)
}

/// The recap of `input`: rows by posyandu and month within `from`–`to`, and the totals.
pub fn recap(input: &RecapInput) -> Recap {
    let within = |m: &str| {
        input.from.as_deref().is_none_or(|f| m >= f) && input.to.as_deref().is_none_or(|t| m <= t)
    };
    let mut rows: BTreeMap<(String, String), Acc> = BTreeMap::new();
    let mut total = Acc::default();
    for c in &input.classes {
        if within(&c.month) {
            let key = (c.place.clone(), c.month.clone());
            rows.entry(key).or_default().class(c);
            total.class(c);
        }
        for p in &c.participants {
            for v in p.outcome.iter().filter(|v| within(month_of(&v.visited_on))) {
                let key = (c.place.clone(), month_of(&v.visited_on).to_string());
                rows.entry(key).or_default().visit(&p.name, v);
                total.visit(&p.name, v);
            }
        }
    }
    let rows = rows
        .into_iter()
        .map(|((place, month), acc)| RecapRow {
            place,
            month,
            ..acc.finish(input.ebf_target)
        })
        .collect();
    Recap {
        from: input.from.clone(),
        to: input.to.clone(),
        ebf_target: input.ebf_target,
        rows,
        total: total.finish(input.ebf_target),
    }
}

#[cfg(test)]
mod tests;
