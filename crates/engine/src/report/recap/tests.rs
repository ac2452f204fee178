use super::*;
use pijat_core::feeding::Ebf;

fn person(
    name: &str,
    role: &str,
    pre: usize,
    post: Option<usize>,
    competent: Option<bool>,
) -> ParticipantInput {
    let test = |right: usize| (0..10).map(|i| i < right).collect();
    ParticipantInput {
        name: name.into(),
        role: role.into(),
        pre: Some(test(pre)),
        post: post.map(test),
        observations: competent
            .map(|c| (Vec::new(), None, c))
            .into_iter()
            .collect(),
        visits: Vec::new(),
        outcome: Vec::new(),
    }
}

fn visit(day: &str, ebf: Ebf, referred: bool) -> VisitOutcome {
    VisitOutcome {
        visited_on: day.into(),
        ebf,
        mother_sign: referred,
        baby_sign: false,
        referred,
        danger_asked: true,
    }
}

/// Melati: a November class of three (two fathers paired 40→80 and 60→90, a cadre without a
/// post-test), two observed, one competent; Adi visited in November (exclusive) and December
/// (not exclusive, a sign referred). Mawar: a December class of one father, visited in December
/// (six months or older).
fn input() -> RecapInput {
    let mut adi = person("Adi", "father", 4, Some(8), Some(true));
    adi.outcome = vec![
        visit("2026-11-20", Ebf::Exclusive, false),
        visit("2026-12-05", Ebf::NotExclusive, true),
    ];
    let budi = person("Budi", "father", 6, Some(9), Some(false));
    let siti = person("Siti", "cadre", 5, None, None);
    let mut eko = person("Eko", "father", 3, Some(7), None);
    eko.outcome = vec![visit("2026-12-10", Ebf::SixMonthsOrOlder, false)];
    RecapInput {
        classes: vec![
            RecapClass {
                place: "Posyandu Melati".into(),
                month: "2026-11".into(),
                participants: vec![adi, budi, siti],
            },
            RecapClass {
                place: "Posyandu Mawar".into(),
                month: "2026-12".into(),
                participants: vec![eko],
            },
        ],
        from: None,
        to: None,
        ebf_target: 80.0,
    }
}

#[test]
fn rows_by_posyandu_and_month_match_a_hand_count() {
    let r = recap(&input());
    let keys: Vec<(&str, &str)> = r
        .rows
        .iter()
        .map(|r| (r.place.as_str(), r.month.as_str()))
        .collect();
    assert_eq!(
        keys,
        [
            ("Posyandu Mawar", "2026-12"),
            ("Posyandu Melati", "2026-11"),
            ("Posyandu Melati", "2026-12")
        ]
    );
    let nov = &r.rows[1];
    assert_eq!(
        (
            nov.classes,
            nov.participants,
            nov.fathers,
            nov.cadres,
            nov.paired
        ),
        (1, 3, 2, 1, 2)
    );
    assert_eq!((nov.pre_mean, nov.post_mean), (Some(50.0), Some(85.0)));
    assert_eq!((nov.competent, nov.observed, nov.visits), (1, 2, 1));
    let o = nov.outcome.as_ref().unwrap();
    assert_eq!((o.exclusive, o.under_six_months), (1, 1));
    // December at Melati: no class, Adi's second visit, not exclusive, referred.
    let dec = &r.rows[2];
    assert_eq!((dec.classes, dec.participants, dec.visits), (0, 0, 1));
    let o = dec.outcome.as_ref().unwrap();
    assert_eq!((o.exclusive, o.under_six_months, o.referred), (0, 1, 1));
    assert_eq!(r.rows[0].outcome.as_ref().unwrap().six_months_or_older, 1);
}

#[test]
fn the_totals_count_each_baby_once_at_his_latest_visit() {
    let t = recap(&input()).total;
    assert_eq!(
        (t.classes, t.participants, t.paired, t.visits),
        (2, 4, 3, 3)
    );
    // (40 + 60 + 30) / 3 and (80 + 90 + 70) / 3.
    assert!((t.pre_mean.unwrap() - 130.0 / 3.0).abs() < 1e-9);
    assert!((t.post_mean.unwrap() - 80.0).abs() < 1e-9);
    let o = t.outcome.unwrap();
    // Adi at his December visit (not exclusive); Eko six months or older.
    assert_eq!(
        (o.exclusive, o.under_six_months, o.six_months_or_older),
        (0, 1, 1)
    );
    assert_eq!((o.visits_with_danger_sign, o.referred), (1, 1));
}

#[test]
fn a_period_keeps_only_its_months() {
    let mut i = input();
    i.from = Some("2026-12".into());
    let r = recap(&i);
    assert!(
        r.rows.iter().all(|row| row.month == "2026-12"),
        "{:?}",
        r.rows
    );
    assert_eq!((r.total.classes, r.total.visits), (1, 2));
    i.from = None;
    i.to = Some("2026-11".into());
    let r = recap(&i);
    assert_eq!((r.total.classes, r.total.visits), (1, 1));
}
