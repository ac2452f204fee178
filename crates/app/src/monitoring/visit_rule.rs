//! What a home visit may record: one rule for the visit form, the sheet import and the phone
//! form.

use std::ops::RangeInclusive;

use pijat_core::Bilingual;
use pijat_core::feeding::{Danger, Fed, Recall, Recalled, age_days};

/// Comfort is scored from 1 (not comfortable) to 5 (very comfortable).
pub const COMFORT: RangeInclusive<u8> = 1..=5;

/// The most massages a day a visit may record.
pub const MAX_MASSAGES_PER_DAY: u32 = 24;

/// The massages-a-day field as typed: empty means not asked (`Ok(None)`); otherwise a whole
/// number from 0 to [`MAX_MASSAGES_PER_DAY`]. `Err` carries what was typed, trimmed.
pub fn massages_per_day(typed: &str) -> Result<Option<u32>, &str> {
    match typed.trim() {
        "" => Ok(None),
        v => match v.parse::<u32>() {
            Ok(n) if n <= MAX_MASSAGES_PER_DAY => Ok(Some(n)),
            _ => Err(v),
        },
    }
}

/// The comfort field as typed, when it is a score from 1 to 5.
pub fn comfort(typed: &str) -> Option<u8> {
    typed.trim().parse().ok().filter(|c| COMFORT.contains(c))
}

/// The recall's seven cells as typed, in [`Fed::ALL`]'s order under the sheet's column names:
/// all empty is a visit that did not ask it (`Ok(None)`); all answered is the recall; a mix, or
/// an answer pijat does not know, is refused with every problem.
pub fn recall(cells: &[(&str, &str); 7]) -> Result<Option<Recall>, Vec<Bilingual>> {
    let empty: Vec<&str> = cells
        .iter()
        .filter(|(_, v)| v.trim().is_empty())
        .map(|(c, _)| *c)
        .collect();
    if empty.len() == cells.len() {
        return Ok(None);
    }
    let mut wrong = Vec::new();
    if !empty.is_empty() {
        let empty = empty.join(", ");
        wrong.push(pijat_core::both!(
            outcome,
            sheet_recall_partial,
            empty = empty
        ));
    }
    let mut recall = Recall::all(Recalled::DontKnow);
    for (f, (column, v)) in Fed::ALL.into_iter().zip(cells) {
        match Recalled::parse(v) {
            Some(a) => recall = recall.with(f, a),
            None if v.trim().is_empty() => {}
            None => {
                let v = v.trim();
                wrong.push(pijat_core::both!(
                    outcome,
                    sheet_recall_not_known,
                    column = column,
                    v = v
                ));
            }
        }
    }
    if wrong.is_empty() {
        Ok(Some(recall))
    } else {
        Err(wrong)
    }
}

/// The danger cells as typed (mother, baby, referred to, each with its column name): both signs
/// empty and no referral is a visit that did not ask them (`Ok(None)`).
pub fn danger(
    mother: (&str, &str),
    baby: (&str, &str),
    referred_to: &str,
) -> Result<Option<Danger>, Vec<Bilingual>> {
    let referred_to = Some(referred_to.trim()).filter(|t| !t.is_empty());
    let yes_no = |(column, v): (&str, &str)| match Recalled::parse(v) {
        Some(Recalled::Yes) => Ok(Some(true)),
        Some(Recalled::No) => Ok(Some(false)),
        _ if v.trim().is_empty() => Ok(None),
        _ => {
            let v = v.trim();
            Err(pijat_core::both!(
                outcome,
                sheet_danger_not_known,
                column = column,
                v = v
            ))
        }
    };
    let (m, b) = (yes_no(mother), yes_no(baby));
    let wrong: Vec<Bilingual> = [&m, &b]
        .into_iter()
        .filter_map(|r| r.clone().err())
        .collect();
    if !wrong.is_empty() {
        return Err(wrong);
    }
    match (m, b, referred_to) {
        (Ok(None), Ok(None), None) => Ok(None),
        (Ok(Some(mother)), Ok(Some(baby)), referred_to) => Ok(Some(Danger {
            mother,
            baby,
            referred_to: referred_to.map(str::to_owned),
        })),
        _ => Err(vec![pijat_core::both!(outcome, sheet_danger_partial)]),
    }
}

/// A visit's day against the baby's birth and today (both stored days): a visit before the
/// birth or after today is a typing mistake.
pub fn visit_day(born: Option<&str>, visited_on: &str, today: &str) -> Result<(), Bilingual> {
    let paper = |d: &str| pijat_core::dates::paper_day(d, &pijat_core::Lang::id());
    if visited_on > today {
        let visit = paper(visited_on);
        return Err(pijat_core::both!(outcome, visit_after_today, visit = visit));
    }
    match born {
        Some(b) if age_days(b, visited_on).is_none() => {
            let (visit, born) = (paper(visited_on), paper(b));
            Err(pijat_core::both!(
                outcome,
                baby_born_after_visit,
                visit = visit,
                born = born
            ))
        }
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn massages_are_none_or_0_to_24_and_comfort_1_to_5() {
        assert_eq!(massages_per_day(" "), Ok(None));
        assert_eq!(massages_per_day("0"), Ok(Some(0)));
        assert_eq!(massages_per_day(" 24 "), Ok(Some(24)));
        assert_eq!(massages_per_day("25"), Err("25"));
        assert_eq!(massages_per_day("-1"), Err("-1"));
        assert_eq!(massages_per_day("dua"), Err("dua"));
        assert_eq!(comfort("1"), Some(1));
        assert_eq!(comfort(" 5"), Some(5));
        assert_eq!(comfort("0"), None);
        assert_eq!(comfort("6"), None);
        assert_eq!(comfort("4,5"), None);
    }

    const COLUMNS: [&str; 7] = [
        "asi",
        "air_putih",
        "susu_formula",
        "susu_lain",
        "minuman_lain",
        "makanan",
        "obat",
    ];

    fn cells(v: [&str; 7]) -> [(&'static str, &str); 7] {
        let mut out = [("", ""); 7];
        for ((o, c), v) in out.iter_mut().zip(COLUMNS).zip(v) {
            *o = (c, v);
        }
        out
    }

    #[test]
    fn a_recall_is_all_seven_answers_or_none() {
        assert_eq!(recall(&cells([""; 7])), Ok(None));
        let r = recall(&cells([
            "ya", "tidak", "tidak", "tidak", "tidak", "tidak", "ya",
        ]))
        .unwrap()
        .unwrap();
        assert_eq!(r.exclusive(), Some(true));
        let e = recall(&cells(["ya", "", "tidak", "tidak", "tidak", "tidak", "ya"])).unwrap_err();
        assert!(e[0].en.contains("empty: air_putih"), "{e:?}");
        let e = recall(&cells([
            "ya", "kadang", "tidak", "tidak", "tidak", "tidak", "tt",
        ]))
        .unwrap_err();
        assert_eq!(e.len(), 1);
        assert!(
            e[0].id.contains("air_putih `kadang` tidak dikenal"),
            "{e:?}"
        );
    }

    #[test]
    fn danger_signs_are_both_answers_or_none() {
        assert_eq!(
            danger(("bahaya_ibu", ""), ("bahaya_bayi", ""), " "),
            Ok(None)
        );
        let d = danger(
            ("bahaya_ibu", "tidak"),
            ("bahaya_bayi", "ya"),
            "Puskesmas Sukamaju",
        )
        .unwrap()
        .unwrap();
        assert!(d.baby && !d.mother && d.referred_to.as_deref() == Some("Puskesmas Sukamaju"));
        assert!(danger(("bahaya_ibu", ""), ("bahaya_bayi", ""), "bidan").is_err());
        assert!(danger(("bahaya_ibu", "ya"), ("bahaya_bayi", ""), "").is_err());
        let e = danger(("bahaya_ibu", "mungkin"), ("bahaya_bayi", "ya"), "").unwrap_err();
        assert!(e[0].en.contains("bahaya_ibu `mungkin`"), "{e:?}");
    }

    #[test]
    fn a_visit_before_the_birth_or_after_today_is_refused() {
        let today = "2026-12-07";
        assert!(visit_day(Some("2026-11-01"), "2026-10-31", today).is_err());
        assert!(visit_day(Some("2026-11-01"), "2026-11-01", today).is_ok());
        assert!(visit_day(None, "2026-11-01", today).is_ok());
        let e = visit_day(None, "2026-12-08", today).unwrap_err();
        assert!(e.en.contains("08/12/2026 is after today"), "{e:?}");
        assert!(visit_day(None, today, today).is_ok());
    }
}
