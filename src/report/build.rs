//! From who answered what to the report's figures.

use serde::{Serialize, Serializer};

use super::stats::{
    Figure, Undefined, correlation, cronbach_alpha, effect_size_dz, mcnemar_exact, mean,
    normalized_gain, paired_t, sd, wilcoxon,
};

/// A figure that may be undefined: a number in JSON, or `null`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Val(pub Figure);

impl Serialize for Val {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.0 {
            Ok(v) if v.is_finite() => s.serialize_f64(v),
            _ => s.serialize_none(),
        }
    }
}

/// An interval that may be undefined: `[lo, hi]` in JSON, or `null`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Interval(pub Result<(f64, f64), Undefined>);

impl Serialize for Interval {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.0 {
            Ok((lo, hi)) => [lo, hi].serialize(s),
            Err(_) => s.serialize_none(),
        }
    }
}

/// One participant: which questions (in file order) they got right in each test.
#[derive(Clone, Debug)]
pub struct ParticipantInput {
    pub name: String,
    /// `father`, `cadre`, `midwife`, `other`.
    pub role: String,
    pub pre: Option<Vec<bool>>,
    pub post: Option<Vec<bool>>,
    /// Observations of the routine, first to latest: each step's mark (0–2, `None` not observed),
    /// the percentage and whether competent.
    pub observations: Vec<(Vec<Option<u8>>, Option<f64>, bool)>,
    /// Follow-up visits: (milk flowed after the massage, the mother's comfort 1–5).
    pub visits: Vec<(bool, u8)>,
}

#[derive(Clone, Debug, Default)]
pub struct ClassInfo {
    pub name: String,
    pub place: Option<String>,
    pub starts: Option<String>,
    pub ends: Option<String>,
    pub trainer: Option<String>,
}

#[derive(Clone, Debug)]
pub struct Input {
    pub class: Option<ClassInfo>,
    pub quiz: String,
    /// Question ids in file order.
    pub questions: Vec<String>,
    /// What each question says, in the report's language (for people; JSON keeps the ids).
    pub labels: Vec<String>,
    /// The observed routine's step ids, in order.
    pub steps: Vec<String>,
    /// What each step is called, in the report's language (for people; JSON keeps the ids).
    pub step_labels: Vec<String>,
    pub participants: Vec<ParticipantInput>,
    pub items: bool,
    /// Answers counted by the key their question had when they were given, which has changed
    /// since (the question set was updated during an attempt).
    pub regraded: usize,
}

#[derive(Clone, Debug, Serialize)]
pub struct ParticipantRow {
    pub name: String,
    pub role: String,
    pub pre: Option<f64>,
    pub post: Option<f64>,
    pub change: Option<f64>,
    pub checklist: ChecklistSummary,
    pub visits: VisitSummary,
}

#[derive(Clone, Debug, Serialize)]
pub struct ChecklistSummary {
    pub observations: usize,
    pub latest_percent: Option<f64>,
    /// `null` when never observed.
    pub competent: Option<bool>,
}

#[derive(Clone, Debug, Serialize)]
pub struct VisitSummary {
    pub count: usize,
    pub milk_flow_yes_percent: Option<f64>,
    pub mean_comfort: Option<f64>,
}

#[derive(Clone, Debug, Serialize)]
pub struct StepSummary {
    pub step: String,
    /// Of the participants whose latest observation saw this step: the share who did it well.
    pub done_well_percent: Option<f64>,
}

#[derive(Clone, Debug, Serialize)]
pub struct Group {
    pub n: usize,
    pub mean: Val,
    pub sd: Val,
}

#[derive(Clone, Debug, Serialize)]
pub struct Diff {
    pub mean: Val,
    pub sd: Val,
    pub ci95: Interval,
}

#[derive(Clone, Debug, Serialize)]
pub struct TTest {
    pub t: Val,
    pub df: Val,
    pub p: Val,
}

#[derive(Clone, Debug, Serialize)]
pub struct Wilcoxon {
    pub z: Val,
    pub p: Val,
}

#[derive(Clone, Debug, Serialize)]
pub struct Summary {
    pub n_paired: usize,
    pub pre: Group,
    pub post: Group,
    pub diff: Diff,
    pub paired_t: TTest,
    pub wilcoxon: Wilcoxon,
    pub effect_size_dz: Val,
    pub normalized_gain: Val,
}

#[derive(Clone, Debug, Serialize)]
pub struct Item {
    pub question: String,
    pub pre_facility: Val,
    pub post_facility: Val,
    pub pre_discrimination: Val,
    pub mcnemar_p: Val,
}

#[derive(Clone, Debug, Serialize)]
pub struct Reliability {
    pub pre_alpha: Val,
    pub post_alpha: Val,
}

/// The report. Its JSON form is a contract for scripts and dashboards: keys are added, never
/// renamed; numbers are unrounded; undefined figures are `null`.
#[derive(Clone, Debug, Serialize)]
pub struct Report {
    pub class: Option<String>,
    pub quiz: String,
    pub participants: Vec<ParticipantRow>,
    pub summary: Summary,
    pub items: Vec<Item>,
    pub reliability: Reliability,
    pub checklist_steps: Vec<StepSummary>,
    /// See [`Input::regraded`].
    pub answers_graded_by_earlier_key: usize,
    #[serde(skip)]
    pub class_info: Option<ClassInfo>,
    #[serde(skip)]
    pub roles: Vec<(String, usize)>,
    #[serde(skip)]
    pub labels: Vec<String>,
    #[serde(skip)]
    pub step_labels: Vec<String>,
}

fn percent(right: &[bool]) -> f64 {
    if right.is_empty() {
        0.0
    } else {
        100.0 * right.iter().filter(|r| **r).count() as f64 / right.len() as f64
    }
}

fn group(scores: &[f64]) -> Group {
    Group {
        n: scores.len(),
        mean: Val(mean(scores)),
        sd: Val(sd(scores)),
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

pub fn build(input: &Input) -> Report {
    let mut rows = Vec::new();
    let (mut pre_scores, mut post_scores, mut diffs, mut paired_pre, mut paired_post) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for p in &input.participants {
        let pre = p.pre.as_deref().map(percent);
        let post = p.post.as_deref().map(percent);
        pre_scores.extend(pre);
        post_scores.extend(post);
        let change = match (pre, post) {
            (Some(a), Some(b)) => {
                diffs.push(b - a);
                paired_pre.push(a);
                paired_post.push(b);
                Some(b - a)
            }
            _ => None,
        };
        let latest = p.observations.last();
        let checklist = ChecklistSummary {
            observations: p.observations.len(),
            latest_percent: latest.and_then(|o| o.1),
            competent: latest.map(|o| o.2),
        };
        let n = p.visits.len();
        let visits = VisitSummary {
            count: n,
            milk_flow_yes_percent: (n > 0)
                .then(|| 100.0 * p.visits.iter().filter(|v| v.0).count() as f64 / n as f64),
            mean_comfort: (n > 0)
                .then(|| p.visits.iter().map(|v| f64::from(v.1)).sum::<f64>() / n as f64),
        };
        rows.push(ParticipantRow {
            name: p.name.clone(),
            role: p.role.clone(),
            pre,
            post,
            change,
            checklist,
            visits,
        });
    }
    let t = paired_t(&diffs);
    let (z, wp) = wilcoxon(&diffs);
    let gain = match (mean(&paired_pre), mean(&paired_post)) {
        (Ok(a), Ok(b)) => normalized_gain(a, b),
        _ => Err(Undefined::TooFew),
    };
    let summary = Summary {
        n_paired: diffs.len(),
        pre: group(&pre_scores),
        post: group(&post_scores),
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
    };
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
    let pairs: Vec<(&Vec<bool>, &Vec<bool>)> = input
        .participants
        .iter()
        .filter_map(|p| Some((p.pre.as_ref()?, p.post.as_ref()?)))
        .collect();
    let items = if input.items {
        input
            .questions
            .iter()
            .enumerate()
            .map(|(q, id)| {
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
                Item {
                    question: id.clone(),
                    pre_facility: Val(facility(&pre_rows, q)),
                    post_facility: Val(facility(&post_rows, q)),
                    pre_discrimination: Val(discrimination(&pre_rows, q)),
                    mcnemar_p: Val(mcnemar_exact(b, c)),
                }
            })
            .collect()
    } else {
        Vec::new()
    };
    let reliability = Reliability {
        pre_alpha: Val(cronbach_alpha(&as_matrix(&pre_rows))),
        post_alpha: Val(cronbach_alpha(&as_matrix(&post_rows))),
    };
    let checklist_steps = input
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
        participants: rows,
        summary,
        items,
        reliability,
        checklist_steps,
        answers_graded_by_earlier_key: input.regraded,
        class_info: input.class.clone(),
        roles,
        labels: input.labels.clone(),
        step_labels: input.step_labels.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(name: &str, pre: Option<&str>, post: Option<&str>) -> ParticipantInput {
        let v = |s: &str| s.chars().map(|c| c == '1').collect();
        ParticipantInput {
            name: name.into(),
            role: "father".into(),
            pre: pre.map(v),
            post: post.map(v),
            observations: Vec::new(),
            visits: Vec::new(),
        }
    }

    fn input(ps: Vec<ParticipantInput>) -> Input {
        Input {
            class: None,
            quiz: "knowledge".into(),
            questions: (1..=4).map(|i| format!("q{i}")).collect(),
            labels: Vec::new(),
            steps: Vec::new(),
            step_labels: Vec::new(),
            participants: ps,
            items: true,
            regraded: 0,
        }
    }

    // python3 -c "
    // import numpy as np; from scipy import stats
    // pre=np.array([[1,0,0,1],[1,1,0,0],[0,0,0,1],[1,1,1,0]]); post=np.array([[1,1,1,1],[1,1,0,1],[1,0,1,1],[1,1,1,1]])
    // a=pre.mean(1)*100; b=post.mean(1)*100; d=b-a
    // print(stats.ttest_rel(b,a)); print(stats.wilcoxon(d,zero_method='wilcox',correction=False,method='approx'))
    // print(d.mean()/d.std(ddof=1), (b.mean()-a.mean())/(100-a.mean()))
    // print([np.corrcoef(pre[:,i], pre.sum(1)-pre[:,i])[0,1]*100 for i in range(4)])
    // print(stats.wilcoxon(d,zero_method='wilcox',correction=False,method='approx').zstatistic)
    // print([stats.binomtest(min(int(((pre[:,i]==1)&(post[:,i]==0)).sum()),int(((pre[:,i]==0)&(post[:,i]==1)).sum())), int((pre[:,i]!=post[:,i]).sum()),0.5).pvalue for i in [2,3]])"
    #[test]
    fn monitoring_uses_each_latest_observation_and_leaves_unobserved_steps_out() {
        let mut a = p("A", None, None);
        a.observations = vec![
            (vec![Some(0), Some(0), None], Some(0.0), false),
            (vec![Some(2), Some(1), None], Some(75.0), false),
        ];
        a.visits = vec![(true, 4), (false, 2)];
        let mut b = p("B", None, None);
        b.observations = vec![(vec![Some(2), Some(2), None], Some(100.0), true)];
        let c = p("C", None, None);
        let mut i = input(vec![a, b, c]);
        i.steps = vec!["s1".into(), "s2".into(), "s3".into()];
        let r = build(&i);
        let steps: Vec<(String, Option<f64>)> = r
            .checklist_steps
            .iter()
            .map(|s| (s.step.clone(), s.done_well_percent))
            .collect();
        assert_eq!(
            steps,
            vec![
                ("s1".into(), Some(100.0)),
                ("s2".into(), Some(50.0)),
                ("s3".into(), None)
            ]
        );
        let a = &r.participants[0];
        assert_eq!(
            (
                a.checklist.observations,
                a.checklist.latest_percent,
                a.checklist.competent
            ),
            (2, Some(75.0), Some(false))
        );
        assert_eq!(
            (
                a.visits.count,
                a.visits.milk_flow_yes_percent,
                a.visits.mean_comfort
            ),
            (2, Some(50.0), Some(3.0))
        );
        let c = &r.participants[2];
        assert_eq!((c.checklist.observations, c.checklist.competent), (0, None));
        let json: serde_json::Value =
            serde_json::from_str(&super::super::render::json(&r)).unwrap();
        assert_eq!(json["participants"][1]["checklist"]["competent"], true);
        assert_eq!(
            json["participants"][2]["checklist"]["competent"],
            serde_json::Value::Null
        );
        assert_eq!(
            json["participants"][0]["visits"]["milk_flow_yes_percent"],
            50.0
        );
        assert_eq!(json["checklist_steps"][1]["step"], "s2");
        assert_eq!(
            json["checklist_steps"][2]["done_well_percent"],
            serde_json::Value::Null
        );
    }

    #[test]
    fn a_small_class_matches_scipy() {
        let r = build(&input(vec![
            p("A", Some("1001"), Some("1111")),
            p("B", Some("1100"), Some("1101")),
            p("C", Some("0001"), Some("1011")),
            p("D", Some("1110"), Some("1111")),
            p("E", None, Some("1111")),
        ]));
        let s = &r.summary;
        assert_eq!((s.n_paired, s.pre.n, s.post.n), (4, 4, 5));
        let close = |a: f64, b: f64| assert!((a - b).abs() < 1e-9, "{a} vs {b}");
        close(s.paired_t.t.0.unwrap(), 5.196152422706632);
        close(s.paired_t.p.0.unwrap(), 0.013846832988859045);
        close(s.wilcoxon.z.0.unwrap(), -1.8569533817705188);
        close(s.wilcoxon.p.0.unwrap(), 0.0633177868300456);
        close(s.effect_size_dz.0.unwrap(), 2.598076211353316);
        close(s.normalized_gain.0.unwrap(), 0.75);
        close(r.items[0].pre_facility.0.unwrap(), 75.0);
        close(r.items[0].pre_discrimination.0.unwrap(), 33.33333333333333);
        close(r.items[3].pre_discrimination.0.unwrap(), -89.44271909999159);
        close(r.items[2].mcnemar_p.0.unwrap(), 0.5);
        close(r.items[3].mcnemar_p.0.unwrap(), 0.5);
        assert_eq!(r.participants[4].change, None);
        close(r.items[0].mcnemar_p.0.unwrap(), 1.0);
    }

    #[test]
    fn everyone_right_or_wrong_gives_nulls_not_nan_in_json() {
        let all_right = build(&input(vec![
            p("A", Some("1111"), Some("1111")),
            p("B", Some("1111"), Some("1111")),
        ]));
        let json = serde_json::to_value(&all_right).unwrap();
        assert!(json["summary"]["paired_t"]["t"].is_null());
        assert!(json["summary"]["wilcoxon"]["z"].is_null());
        assert!(json["summary"]["normalized_gain"].is_null());
        assert!(json["reliability"]["pre_alpha"].is_null());
        assert!(json["items"][0]["pre_discrimination"].is_null());
        assert_eq!(json["summary"]["pre"]["mean"], 100.0);
        let all_wrong = build(&input(vec![p("A", Some("0000"), Some("0000"))]));
        let json = serde_json::to_string(&all_wrong).unwrap();
        assert!(!json.contains("NaN") && !json.contains("inf"));
        assert!(
            serde_json::to_value(&all_wrong).unwrap()["summary"]["pre"]["sd"].is_null(),
            "n = 1"
        );
    }
}
