use super::*;

use Recalled::{DontKnow, No, Yes};

fn only_breast_milk() -> Recall {
    Recall::all(No).with(Fed::BreastMilk, Yes)
}

#[test]
fn breast_milk_alone_or_with_medicine_is_exclusive() {
    assert_eq!(only_breast_milk().exclusive(), Some(true));
    assert_eq!(
        only_breast_milk().with(Fed::Medicine, Yes).exclusive(),
        Some(true),
        "ORS, drops and medicines are allowed"
    );
    assert_eq!(
        only_breast_milk().with(Fed::Medicine, DontKnow).exclusive(),
        Some(true),
        "an unknown medicine does not matter"
    );
}

#[test]
fn anything_else_given_rules_it_out_whatever_else_is_unknown() {
    for f in [
        Fed::Water,
        Fed::Formula,
        Fed::OtherMilk,
        Fed::Drinks,
        Fed::Food,
    ] {
        assert_eq!(
            only_breast_milk().with(f, Yes).exclusive(),
            Some(false),
            "{f:?}"
        );
        let open = Recall::all(DontKnow).with(f, Yes);
        assert_eq!(
            open.exclusive(),
            Some(false),
            "{f:?} given, the rest unknown"
        );
        assert_eq!(
            only_breast_milk().with(f, DontKnow).exclusive(),
            None,
            "{f:?} unknown"
        );
    }
    assert_eq!(
        Recall::all(No).exclusive(),
        Some(false),
        "no breast milk at all"
    );
    assert_eq!(
        only_breast_milk()
            .with(Fed::BreastMilk, DontKnow)
            .exclusive(),
        None
    );
}

/// Every one of the 3^7 answer patterns against the definition written out another way.
#[test]
fn every_answer_pattern_follows_the_definition() {
    let mut seen = 0;
    for n in 0..3usize.pow(7) {
        let mut recall = Recall::all(No);
        let mut rest = n;
        for f in Fed::ALL {
            let a = Recalled::ALL.get(rest % 3).copied().unwrap_or(No);
            recall = recall.with(f, a);
            rest /= 3;
        }
        let others = [
            recall.water,
            recall.formula,
            recall.other_milk,
            recall.drinks,
            recall.food,
        ];
        let expected = if recall.breast_milk == No || others.contains(&Yes) {
            Some(false)
        } else if recall.breast_milk == Yes && others.iter().all(|a| *a == No) {
            Some(true)
        } else {
            None
        };
        assert_eq!(recall.exclusive(), expected, "{recall:?}");
        seen += 1;
    }
    assert_eq!(seen, 2187);
}

#[test]
fn age_is_counted_in_days_and_six_months_starts_at_day_180() {
    assert_eq!(age_days("2026-06-01", "2026-06-01"), Some(0));
    assert_eq!(age_days("2026-01-01", "2026-12-07"), Some(340));
    assert_eq!(
        age_days("2026-06-02", "2026-06-01"),
        None,
        "a visit before the birth"
    );
    assert_eq!(age_days("lahir", "2026-06-01"), None);
    let r = only_breast_milk();
    // 2026-06-01 + 179 days = 2026-11-27; + 180 = 2026-11-28.
    assert_eq!(
        Ebf::of(Some("2026-06-01"), "2026-11-27", Some(&r)),
        Ebf::Exclusive
    );
    assert_eq!(
        Ebf::of(Some("2026-06-01"), "2026-11-28", Some(&r)),
        Ebf::SixMonthsOrOlder
    );
    assert_eq!(
        Ebf::of(Some("2026-06-01"), "2026-06-01", Some(&r)),
        Ebf::Exclusive
    );
}

#[test]
fn a_visit_without_a_birth_date_or_a_recall_is_left_out_and_named() {
    let r = only_breast_milk();
    assert_eq!(Ebf::of(None, "2026-11-27", Some(&r)), Ebf::NoBirthDate);
    assert_eq!(
        Ebf::of(Some("2026-06-01"), "2026-11-27", None),
        Ebf::NotAsked
    );
    let open = r.with(Fed::Water, DontKnow);
    assert_eq!(
        Ebf::of(Some("2026-06-01"), "2026-07-01", Some(&open)),
        Ebf::Unknown
    );
    let water = r.with(Fed::Water, Yes);
    assert_eq!(
        Ebf::of(Some("2026-06-01"), "2026-07-01", Some(&water)),
        Ebf::NotExclusive
    );
    assert!(Ebf::Exclusive.counted() && Ebf::NotExclusive.counted());
    for left_out in [
        Ebf::Unknown,
        Ebf::SixMonthsOrOlder,
        Ebf::NoBirthDate,
        Ebf::NotAsked,
    ] {
        assert!(!left_out.counted());
    }
}

#[test]
fn answers_read_as_written_in_either_language() {
    for r in Recalled::ALL {
        assert_eq!(Recalled::from_name(r.name()), Some(r));
        assert_eq!(Recalled::parse(r.name()), Some(r));
    }
    assert_eq!(Recalled::parse(" Ya "), Some(Yes));
    assert_eq!(Recalled::parse("TIDAK"), Some(No));
    assert_eq!(Recalled::parse("tidak tahu"), Some(DontKnow));
    assert_eq!(Recalled::parse("mungkin"), None);
}

#[test]
fn danger_signs_flag_a_sign_not_referred() {
    assert!(!Danger::NONE.any());
    let baby = Danger {
        baby: true,
        ..Danger::NONE
    };
    assert!(baby.unreferred());
    let sent = Danger {
        referred_to: Some("Puskesmas".into()),
        ..baby
    };
    assert!(sent.any() && !sent.unreferred());
}
