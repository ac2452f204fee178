//! The laporan's section on the programme's outcome: exclusive breastfeeding of the visited
//! babies under six months beside the target, how rough the figure is, who is left out and why,
//! and the danger signs seen at visits with their referrals.

use super::model::{Block, Cell, Column, Counter, Row, Section, Sheet, Style, Table};
use super::outcome::wilson;
use super::types::Report;
use super::words::num;
use pijat_content::Lang;
use pijat_core::strings::outcome::tr;

/// A class of fewer babies than this gets the sentence that its figure is rough.
const ROUGH_BELOW: usize = 30;

/// Whether the report shows the outcome: some participant was visited.
pub(super) fn shown(r: &Report) -> bool {
    r.outcome.babies_visited > 0
}

/// The outcome section, when someone was visited.
pub(super) fn outcome(r: &Report, lang: &Lang, n: &mut Counter) -> Option<Section> {
    if !shown(r) {
        return None;
    }
    let o = &r.outcome;
    let t = tr(lang);
    let pct = |x: f64| num(x, 1, lang);
    let target = num(o.target_percent, 0, lang);
    let mut blocks = Vec::new();
    match (o.percent.0, o.ci95.0) {
        (Ok(p), Ok((lo, hi))) => {
            let (big_n, k) = (o.under_six_months, o.exclusive);
            let (p, l, h) = (pct(p), pct(lo), pct(hi));
            let mut said = pijat_core::fill!(
                outcome,
                t,
                ebf_sentence,
                big_n = big_n,
                n = k,
                pct = p,
                lo = l,
                hi = h,
                target = target
            );
            if big_n < ROUGH_BELOW {
                said.push(' ');
                said.push_str(&pijat_core::fill!(
                    outcome,
                    t,
                    ebf_rough,
                    big_n = big_n,
                    lo = l,
                    hi = h
                ));
            }
            said.push(' ');
            said.push_str(&if hi < o.target_percent {
                pijat_core::fill!(outcome, t, ebf_below_target, target = target)
            } else if lo >= o.target_percent {
                pijat_core::fill!(outcome, t, ebf_meets_target, target = target)
            } else {
                pijat_core::fill!(outcome, t, ebf_target_open, target = target)
            });
            blocks.push(Block::Para(said));
        }
        _ => blocks.push(Block::Para(t.ebf_none.to_string())),
    }
    if o.visits_asking_danger > 0 {
        let visits = o.visits_asking_danger;
        blocks.push(Block::Para(if o.visits_with_danger_sign == 0 {
            pijat_core::fill!(outcome, t, danger_none_sentence, visits = visits)
        } else {
            pijat_core::fill!(
                outcome,
                t,
                danger_sentence,
                k = o.visits_with_danger_sign,
                visits = visits,
                mother = o.mother_signs,
                baby = o.baby_signs,
                referred = o.referred
            )
        }));
    }
    blocks.push(Block::Table(table(r, lang, n)));
    Some(Section {
        heading: t.outcome_heading.into(),
        blocks,
    })
}

/// n, N, % and the Wilson interval of exclusive breastfeeding, danger signs and referrals.
fn table(r: &Report, lang: &Lang, n: &mut Counter) -> Table {
    let o = &r.outcome;
    let t = tr(lang);
    let rt = pijat_core::strings::report::tr(lang);
    let mut table = Table::new(
        Sheet::Monitoring,
        n.table(lang, t.outcome_table),
        vec![
            Column::new(t.measure, "measure"),
            Column::new("n", "n"),
            Column::new("N", "N"),
            Column::new(t.share, "percent"),
            Column::new(rt.ci_low, "ci95_low"),
            Column::new(rt.ci_high, "ci95_high"),
        ],
    );
    let row = |label: &str, k: usize, of: usize| {
        let ci = wilson(k, of).ok();
        Row {
            cells: vec![
                Cell::text(label),
                Cell::Count(k),
                Cell::Count(of),
                Cell::styled(
                    (of > 0).then(|| 100.0 * k as f64 / of as f64),
                    1,
                    Style::Percent,
                ),
                Cell::styled(ci.map(|c| c.0), 1, Style::Percent),
                Cell::styled(ci.map(|c| c.1), 1, Style::Percent),
            ],
            strong: false,
        }
    };
    let mut ebf = row(t.ebf_row, o.exclusive, o.under_six_months);
    ebf.strong = true;
    table.rows.push(ebf);
    if o.visits_asking_danger > 0 {
        table.rows.push(row(
            t.danger_row,
            o.visits_with_danger_sign,
            o.visits_asking_danger,
        ));
        if o.visits_with_danger_sign > 0 {
            table
                .rows
                .push(row(t.referred_row, o.referred, o.visits_with_danger_sign));
        }
    }
    let target = num(o.target_percent, 0, lang);
    table
        .notes
        .push(pijat_core::fill!(outcome, t, ebf_note, target = target));
    let mut parts = Vec::new();
    if o.six_months_or_older > 0 {
        let k = o.six_months_or_older;
        parts.push(pijat_core::fill!(outcome, t, left_six_months, k = k));
    }
    if o.no_birth_date > 0 {
        parts.push(pijat_core::fill!(
            outcome,
            t,
            left_no_birth,
            k = o.no_birth_date
        ));
    }
    if o.recall_open > 0 {
        parts.push(pijat_core::fill!(outcome, t, left_open, k = o.recall_open));
    }
    if o.recall_not_asked > 0 {
        let k = o.recall_not_asked;
        parts.push(pijat_core::fill!(outcome, t, left_not_asked, k = k));
    }
    if !parts.is_empty() {
        let parts = parts.join("; ");
        table
            .notes
            .push(pijat_core::fill!(outcome, t, left_out, parts = parts));
    }
    table.hints.push(t.ebf_target_hint.into());
    table
}
