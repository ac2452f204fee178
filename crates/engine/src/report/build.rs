//! From who answered what to the report's figures.

pub use super::types::*;

use super::exact::holm;
use super::stats::{Figure, Undefined, correlation, cronbach_alpha, mcnemar_exact, r_critical};
use super::summary::{Paired, categories, gain, individual_gain, pass, summarise};

fn percent(right: &[bool]) -> f64 {
    if right.is_empty() {
        0.0
    } else {
        100.0 * right.iter().filter(|r| **r).count() as f64 / right.len() as f64
    }
}

fn as_matrix(rows: &[&Vec<bool>]) -> Vec<Vec<f64>> {
    rows.iter()
        .map(|r| r.iter().map(|b| f64::from(u8::from(*b))).collect())
        .collect()
}

/// Facility: the share (%) of takers who got question `q` right.
fn facility(rows: &[&Vec<bool>], q: usize) -> Figure {
    if rows.is_empty() {
        return Err(Undefined::TooFew);
    }
    Ok(100.0
        * rows
            .iter()
            .filter(|r| r.get(q).copied().unwrap_or(false))
            .count() as f64
        / rows.len() as f64)
}

/// Moodle's discrimination index: 100 × the correlation between the item and the rest of the test.
fn discrimination(rows: &[&Vec<bool>], q: usize) -> Figure {
    let item: Vec<f64> = rows
        .iter()
        .map(|r| f64::from(u8::from(r.get(q).copied().unwrap_or(false))))
        .collect();
    let rest: Vec<f64> = rows
        .iter()
        .zip(&item)
        .map(|(r, i)| r.iter().filter(|b| **b).count() as f64 - i)
        .collect();
    correlation(&item, &rest).map(|c| 100.0 * c)
}

/// An item's correlation with the total score, itself included (r hitung).
fn item_total(rows: &[&Vec<bool>], q: usize) -> Figure {
    let item: Vec<f64> = rows
        .iter()
        .map(|r| f64::from(u8::from(r.get(q).copied().unwrap_or(false))))
        .collect();
    let total: Vec<f64> = rows
        .iter()
        .map(|r| r.iter().filter(|b| **b).count() as f64)
        .collect();
    correlation(&item, &total)
}

fn participant_row(p: &ParticipantInput) -> ParticipantRow {
    let pre = p.pre.as_deref().map(percent);
    let post = p.post.as_deref().map(percent);
    let change = pre.zip(post).map(|(a, b)| b - a);
    let latest = p.observations.last();
    let n = p.visits.len();
    ParticipantRow {
        name: p.name.clone(),
        role: p.role.clone(),
        pre,
        post,
        change,
        n_gain: pre.zip(post).and_then(|(a, b)| individual_gain(a, b)),
        checklist: ChecklistSummary {
            observations: p.observations.len(),
            latest_percent: latest.and_then(|o| o.1),
            competent: latest.map(|o| o.2),
        },
        visits: VisitSummary {
            count: n,
            milk_flow_yes_percent: (n > 0)
                .then(|| 100.0 * p.visits.iter().filter(|v| v.0).count() as f64 / n as f64),
            mean_comfort: (n > 0)
                .then(|| p.visits.iter().map(|v| f64::from(v.1)).sum::<f64>() / n as f64),
        },
    }
}

fn items(input: &Input, pre_rows: &[&Vec<bool>], post_rows: &[&Vec<bool>]) -> Vec<Item> {
    if !input.items {
        return Vec::new();
    }
    let pairs: Vec<(&Vec<bool>, &Vec<bool>)> = input
        .participants
        .iter()
        .filter_map(|p| Some((p.pre.as_ref()?, p.post.as_ref()?)))
        .collect();
    let mcnemar: Vec<Figure> = (0..input.questions.len())
        .map(|q| {
            let (mut b, mut c) = (0, 0);
            for (pre, post) in &pairs {
                match (
                    pre.get(q).copied().unwrap_or(false),
                    post.get(q).copied().unwrap_or(false),
                ) {
                    (true, false) => b += 1,
                    (false, true) => c += 1,
                    _ => {}
                }
            }
            mcnemar_exact(b, c)
        })
        .collect();
    let adjusted = holm(&mcnemar);
    input
        .questions
        .iter()
        .enumerate()
        .map(|(q, id)| {
            let pre_facility = Val(facility(pre_rows, q));
            let pre_discrimination = Val(discrimination(pre_rows, q));
            Item {
                question: id.clone(),
                flags: ItemFlag::of(&pre_facility, &pre_discrimination),
                pre_facility,
                post_facility: Val(facility(post_rows, q)),
                pre_discrimination,
                pre_item_total_r: Val(item_total(pre_rows, q)),
                mcnemar_p: Val(mcnemar.get(q).copied().unwrap_or(Err(Undefined::TooFew))),
                mcnemar_p_holm: Val(adjusted.get(q).copied().unwrap_or(Err(Undefined::TooFew))),
            }
        })
        .collect()
}

fn checklist_steps(input: &Input) -> Vec<StepSummary> {
    input
        .steps
        .iter()
        .enumerate()
        .map(|(i, step)| {
            let seen: Vec<u8> = input
                .participants
                .iter()
                .filter_map(|p| {
                    p.observations
                        .last()
                        .and_then(|o| o.0.get(i).copied().flatten())
                })
                .collect();
            let well = seen.iter().filter(|m| **m == 2).count();
            StepSummary {
                step: step.clone(),
                done_well_percent: (!seen.is_empty())
                    .then(|| 100.0 * well as f64 / seen.len() as f64),
            }
        })
        .collect()
}

/// The report's figures from its input.
pub fn build(input: &Input) -> Report {
    let rows: Vec<ParticipantRow> = input.participants.iter().map(participant_row).collect();
    let pre_all: Vec<f64> = rows.iter().filter_map(|r| r.pre).collect();
    let post_all: Vec<f64> = rows.iter().filter_map(|r| r.post).collect();
    let (pre, post) = rows.iter().filter_map(|r| r.pre.zip(r.post)).unzip();
    let paired = Paired { pre, post };
    let summary = summarise(&paired, &pre_all, &post_all);
    let pre_rows: Vec<&Vec<bool>> = input
        .participants
        .iter()
        .filter_map(|p| p.pre.as_ref())
        .collect();
    let post_rows: Vec<&Vec<bool>> = input
        .participants
        .iter()
        .filter_map(|p| p.post.as_ref())
        .collect();
    let mut roles: Vec<(String, usize)> = Vec::new();
    for p in &input.participants {
        match roles.iter_mut().find(|(r, _)| *r == p.role) {
            Some((_, n)) => *n += 1,
            None => roles.push((p.role.clone(), 1)),
        }
    }
    Report {
        class: input.class.as_ref().map(|c| c.name.clone()),
        quiz: input.quiz.clone(),
        items: items(input, &pre_rows, &post_rows),
        reliability: Reliability {
            pre_alpha: Val(cronbach_alpha(&as_matrix(&pre_rows))),
            post_alpha: Val(cronbach_alpha(&as_matrix(&post_rows))),
            pre_r_table: Val(r_critical(pre_rows.len())),
        },
        checklist_steps: checklist_steps(input),
        pass: pass(&paired, &pre_all, &post_all, input.pass_percent),
        categories: categories(&paired, &pre_all, &post_all, input.cutoffs),
        gain: gain(&paired, summary.normalized_gain),
        participants: rows,
        summary,
        answers_graded_by_earlier_key: input.regraded,
        names: input.names,
        outcome: super::outcome::outcome(
            &input
                .participants
                .iter()
                .map(|p| p.outcome.as_slice())
                .collect::<Vec<_>>(),
            input.ebf_target.unwrap_or(super::outcome::DEFAULT_TARGET),
        ),
        year: input.year,
        class_info: input.class.clone(),
        roles,
        labels: input.labels.clone(),
        step_labels: input.step_labels.clone(),
    }
}

#[cfg(test)]
#[path = "build_tests.rs"]
mod tests;
