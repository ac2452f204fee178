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
            recall: None,
            danger: None,
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
        baby_born: None,
        contact: None,
    });
    p.visits[0].comfort = 9;
    assert!(read_bundle(&write_bundle(&p)).is_err(), "comfort 9");
    p.visits[0].comfort = 5;
    assert!(read_bundle(&write_bundle(&p)).is_ok());
    p.visits[0].danger = Some(pijat_core::feeding::Danger {
        referred_to: Some("  ".into()),
        ..pijat_core::feeding::Danger::NONE
    });
    assert!(
        read_bundle(&write_bundle(&p)).is_err(),
        "referred to nowhere"
    );
}

/// A bundle as pijat wrote it before the outcome (format 2): visits without a recall or danger
/// signs, people without a baby's birth date; read as having none.
#[test]
fn a_format_2_bundle_is_still_read() {
    let payload = r#"{"app_version":"0.2.0","content_version":"c","created":"2026-11-01T00:00:00.000Z","pseudonymised":false,"class":null,"profiles":[{"id":"p1","name":"Budi","role":"father","lang":null,"created":"x","last_used":"x"}],"classes":[{"id":"c1","name":"Melati","place":null,"starts":null,"ends":null,"trainer":null,"created":"x","members":["p1"]}],"attempts":[],"practice_runs":[],"observations":[],"visits":[{"id":"v1","profile_id":"p1","class_id":"c1","visited_on":"2026-11-01","milk_flow":"yes","comfort":4,"massages_per_day":2,"notes":null,"mode":"app","created":"x","replaced_by":null}]}"#;
    let sum = hex(&Sha256::digest(payload.as_bytes()));
    let text = format!(
        "{{\"format\":\"pijat-bundle\",\"format_version\":2,\"checksum\":\"{sum}\",\"payload\":{payload}}}"
    );
    let p = read_bundle(&text).unwrap();
    assert_eq!(p.visits.len(), 1);
    assert_eq!((p.visits[0].recall, &p.visits[0].danger), (None, &None));
    assert!(p.profiles[0].baby_born.is_none() && p.classes[0].cadres.is_empty());
}

/// A recall answer pijat does not know makes the bundle unreadable, not half-read.
#[test]
fn a_recall_answer_pijat_does_not_know_is_refused() {
    let payload = r#"{"app_version":"0.3.0","content_version":"c","created":"x","pseudonymised":false,"class":null,"profiles":[{"id":"p1","name":"Budi","role":"father","lang":null,"created":"x","last_used":"x"}],"classes":[],"attempts":[],"practice_runs":[],"observations":[],"visits":[{"id":"v1","profile_id":"p1","class_id":null,"visited_on":"2026-11-01","milk_flow":"yes","comfort":4,"massages_per_day":null,"notes":null,"mode":"app","created":"x","replaced_by":null,"recall":{"breast_milk":"sometimes","water":"no","formula":"no","other_milk":"no","drinks":"no","food":"no","medicine":"no"}}]}"#;
    let sum = hex(&Sha256::digest(payload.as_bytes()));
    let text = format!(
        "{{\"format\":\"pijat-bundle\",\"format_version\":3,\"checksum\":\"{sum}\",\"payload\":{payload}}}"
    );
    assert!(read_bundle(&text).is_err());
    let fixed = text.replace("sometimes", "yes");
    assert!(
        read_bundle(&fixed).is_err(),
        "the checksum no longer matches"
    );
}
