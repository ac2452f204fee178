use super::*;

/// A bundle as pijat 0.1 with format 1 wrote it: no observations, no visits.
#[test]
fn a_format_1_bundle_is_still_read() {
    let payload = r#"{"app_version":"0.1.0","content_version":"c","created":"2026-11-01T00:00:00.000Z","pseudonymised":false,"class":null,"profiles":[{"id":"p1","name":"Budi","role":"father","lang":null,"created":"x","last_used":"x"}],"classes":[],"attempts":[],"practice_runs":[]}"#;
    let sum = hex(&Sha256::digest(payload.as_bytes()));
    let text = format!(
        "{{\"format\":\"pijat-bundle\",\"format_version\":1,\"checksum\":\"{sum}\",\"payload\":{payload}}}"
    );
    let p = read_bundle(&text).unwrap();
    assert_eq!(p.profiles.len(), 1);
    assert!(p.observations.is_empty() && p.visits.is_empty());
}

#[test]
fn an_observation_of_someone_not_in_the_bundle_is_refused() {
    let mut p = Payload {
        app_version: "0".into(),
        content_version: "c".into(),
        created: "x".into(),
        pseudonymised: false,
        class: None,
        profiles: Vec::new(),
        classes: Vec::new(),
        attempts: Vec::new(),
        practice_runs: Vec::new(),
        observations: Vec::new(),
        visits: vec![BVisit {
            id: "v1".into(),
            profile_id: "nobody".into(),
            class_id: None,
            visited_on: "2026-11-01".into(),
            milk_flow: "yes".into(),
            comfort: 4,
            massages_per_day: None,
            notes: None,
            mode: "app".into(),
            created: "x".into(),
            replaced_by: None,
        }],
    };
    let err = read_bundle(&write_bundle(&p)).unwrap_err();
    assert!(err.en.contains("visit v1"), "{}", err.en);
    p.visits[0].profile_id = "p1".into();
    p.profiles.push(BProfile {
        id: "p1".into(),
        name: "Budi".into(),
        role: "father".into(),
        lang: None,
        created: "x".into(),
        last_used: "x".into(),
    });
    p.visits[0].comfort = 9;
    assert!(read_bundle(&write_bundle(&p)).is_err(), "comfort 9");
    p.visits[0].comfort = 5;
    assert!(read_bundle(&write_bundle(&p)).is_ok());
}
