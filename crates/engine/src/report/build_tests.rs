//! Tests of `build`: figures against scipy, monitoring, and JSON without NaN.
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
        outcome: Vec::new(),
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
        pass_percent: 70,
        year: Some(2026),
        ..Input::default()
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
    let json: serde_json::Value = serde_json::from_str(&super::super::render::json(&r)).unwrap();
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

#[test]
fn items_at_the_ceiling_and_with_negative_discrimination_are_flagged() {
    // q1: everyone right before the counselling (ceiling). q2: right only for the weakest on
    // the rest of the test (negative discrimination). q3, q4: neither.
    let r = build(&input(vec![
        p("A", Some("1011"), Some("1111")),
        p("B", Some("1011"), Some("1111")),
        p("C", Some("1100"), Some("1111")),
        p("D", Some("1100"), Some("1111")),
        p("E", Some("1000"), Some("1111")),
    ]));
    let flags: Vec<Vec<ItemFlag>> = r.items.iter().map(|i| i.flags.clone()).collect();
    assert_eq!(flags[0], [ItemFlag::Ceiling]);
    assert_eq!(flags[1], [ItemFlag::NegativeDiscrimination]);
    assert!(flags[2].is_empty() && flags[3].is_empty(), "{flags:?}");
    let json = serde_json::to_value(&r).unwrap();
    assert_eq!(json["items"][0]["flags"], serde_json::json!(["ceiling"]));
    assert_eq!(
        json["items"][1]["flags"],
        serde_json::json!(["negative_discrimination"])
    );
}
