use super::*;

fn observed(competent: bool) -> Observed {
    Observed {
        row: ObservationRecord {
            id: "o".into(),
            profile_id: "p".into(),
            class_id: None,
            routine_id: "r".into(),
            observer: "Bu Rina".into(),
            observed_on: "2026-11-01".into(),
            mode: pijat_core::Mode::App,
            created: String::new(),
            finished: Some(String::new()),
        },
        marks: Vec::new(),
        notes: Vec::new(),
        verdict: Verdict {
            competent,
            percent: Some(100.0),
            to_coach: Vec::new(),
            critical_missed: Vec::new(),
        },
    }
}

fn visit(milk_flow: MilkFlow, comfort: u8) -> VisitRecord {
    VisitRecord {
        id: "v".into(),
        profile_id: "p".into(),
        class_id: None,
        visited_on: "2026-11-02".into(),
        findings: pijat_core::records::VisitFindings {
            milk_flow,
            comfort,
            massages_per_day: None,
            notes: None,
            recall: None,
            danger: None,
        },
        mode: pijat_core::Mode::App,
        created: String::new(),
    }
}

fn due(observations: Vec<Observed>, visits: Vec<VisitRecord>) -> bool {
    Monitoring {
        observations,
        visits,
        improved: Vec::new(),
    }
    .needs_visit()
}

#[test]
fn a_visit_is_due_once_observed_until_a_visit_went_well() {
    assert!(
        !due(vec![], vec![]),
        "nothing is due before the first observation"
    );
    assert!(!due(vec![], vec![visit(MilkFlow::Yes, 5)]));
    assert!(
        due(vec![observed(false)], vec![]),
        "observed, never visited"
    );
    assert!(!due(vec![observed(false)], vec![visit(MilkFlow::Yes, 5)]));
    assert!(due(vec![observed(true)], vec![]), "never visited");
    assert!(due(vec![observed(true)], vec![visit(MilkFlow::No, 5)]));
    assert!(due(vec![observed(true)], vec![visit(MilkFlow::Yes, 2)]));
    assert!(!due(vec![observed(true)], vec![visit(MilkFlow::Yes, 3)]));
    assert!(!due(vec![observed(true)], vec![visit(MilkFlow::Unsure, 4)]));
    // Only the latest visit counts.
    assert!(!due(
        vec![observed(false), observed(true)],
        vec![visit(MilkFlow::No, 1), visit(MilkFlow::Yes, 4)]
    ));
}
