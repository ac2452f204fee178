//! The two forms built from the content and the roster. The field names here are what a
//! submission or an export is read back by.

use super::form::{Choice, Form, Item, Kind, Member, Question};
use pijat_content::{Lang, Routine, Text};
use pijat_core::Bilingual;
use pijat_core::feeding::{Fed, Recalled};

/// The form id of a routine's daftar tilik: this, then the routine's id.
pub const TILIK_PREFIX: &str = "pijat_tilik_";
/// The home-visit form's id.
pub const VISIT_ID: &str = "pijat_visit";
/// Who was observed (daftar tilik): a roster id.
pub const PARTICIPANT: &str = "participant";
/// Whose family was visited: a roster id.
pub const FAMILY: &str = "family";
/// Who observed.
pub const OBSERVER: &str = "observer";
/// The day of the observation or visit.
pub const DATE: &str = "date";
/// A step's mark `na`: not observed.
pub const MARK_NA: &str = "na";
/// Did the milk flow: `yes`, `no`, `unsure`.
pub const MILK_FLOW: &str = "milk_flow";
/// The mother's comfort, 1–5.
pub const COMFORT: &str = "comfort";
/// Massages a day.
pub const MASSAGES: &str = "massages_per_day";
/// The visit's notes.
pub const NOTES: &str = "notes";
/// A danger sign in the mother: `yes`, `no`.
pub const DANGER_MOTHER: &str = "danger_mother";
/// A danger sign in the baby.
pub const DANGER_BABY: &str = "danger_baby";
/// Where the family was referred.
pub const REFERRED_TO: &str = "referred_to";

/// The daftar tilik's form id for a routine.
pub fn tilik_id(routine_id: &str) -> String {
    format!("{TILIK_PREFIX}{routine_id}")
}

/// A step's mark field.
pub fn mark_field(step_id: &str) -> String {
    format!("mark_{step_id}")
}

/// A step's note field.
pub fn note_field(step_id: &str) -> String {
    format!("note_{step_id}")
}

/// A timed step's seconds field.
pub fn seconds_field(step_id: &str) -> String {
    format!("seconds_{step_id}")
}

/// A recall question's field: `fed_water`, …
pub fn recall_field(f: Fed) -> String {
    format!("fed_{}", f.name())
}

fn text(t: &Text) -> Bilingual {
    Bilingual::new(t.get(&Lang::id()), t.get(&Lang::en()))
}

/// The roster as a question: a list with a search box, for a class of thirty fathers.
fn roster_question(name: &str, roster: &[Member], label: Bilingual) -> Question {
    Question::new(
        name,
        Kind::Select("roster".into(), roster_choices(roster)),
        label,
        true,
    )
    .appearance("autocomplete")
}

fn roster_choices(roster: &[Member]) -> Vec<Choice> {
    roster
        .iter()
        .map(|m| Choice {
            value: m.id.clone(),
            label: Bilingual::new(m.name.clone(), m.name.clone()),
        })
        .collect()
}

fn pick(list: &str, values: &[(&str, Bilingual)]) -> Kind {
    Kind::Select(
        list.to_string(),
        values
            .iter()
            .map(|(v, l)| Choice {
                value: (*v).to_string(),
                label: l.clone(),
            })
            .collect(),
    )
}

fn today(name: &str) -> Question {
    Question::new(name, Kind::Today, pijat_core::both!(odk, date_q), true)
        .constraint(". <= today()", pijat_core::both!(odk, date_not_future))
}

/// The daftar tilik of `routine` for a class: the father from the roster, the observer, the
/// day, then a screen per step with its mark (2, 1, 0, not observed), the seconds for a timed
/// step, and a note.
pub fn tilik(routine: &Routine, roster: &[Member]) -> Form {
    let title = text(&routine.title);
    let mut items = vec![
        Item::Question(roster_question(
            PARTICIPANT,
            roster,
            pijat_core::both!(odk, participant_q),
        )),
        Item::Question(
            Question::new(
                OBSERVER,
                Kind::Text,
                pijat_core::both!(odk, observer_q),
                true,
            )
            .hint(pijat_core::both!(odk, observer_hint)),
        ),
        Item::Question(today(DATE)),
    ];
    let marks = [
        ("2", pijat_core::both!(odk, mark_2)),
        ("1", pijat_core::both!(odk, mark_1)),
        ("0", pijat_core::both!(odk, mark_0)),
        (MARK_NA, pijat_core::both!(odk, mark_na)),
    ];
    for (i, step) in routine.steps.iter().enumerate() {
        let n = i + 1;
        let step_title = text(&step.title);
        let label = if step.critical {
            pijat_core::both!(odk, step_group_critical, n = n, title = step_title)
        } else {
            pijat_core::both!(odk, step_group, n = n, title = step_title)
        };
        let mut hint = text(&step.instruction);
        if step.critical {
            let c = pijat_core::both!(odk, critical_hint);
            hint = Bilingual::new(
                format!("{} {}", c.id, hint.id),
                format!("{} {}", c.en, hint.en),
            );
        }
        let mark = mark_field(&step.id);
        let mut questions = vec![
            Question::new(
                &mark,
                pick("mark", &marks),
                pijat_core::both!(odk, mark_q),
                true,
            )
            .hint(hint),
        ];
        if let Some(s) = step.seconds {
            questions.push(
                Question::new(
                    &seconds_field(&step.id),
                    Kind::Integer,
                    pijat_core::both!(odk, seconds_q, s = s),
                    false,
                )
                .hint(pijat_core::both!(odk, seconds_hint))
                .relevant(format!("${{{mark}}} = '2' or ${{{mark}}} = '1'"))
                .constraint(
                    ". >= 0 and . <= 3600",
                    pijat_core::both!(odk, seconds_range),
                ),
            );
        }
        questions.push(Question::new(
            &note_field(&step.id),
            Kind::Text,
            pijat_core::both!(odk, step_note_q),
            false,
        ));
        items.push(Item::Group {
            name: format!("step_{}", step.id),
            label,
            items: questions,
        });
    }
    Form {
        id: tilik_id(&routine.id),
        title: pijat_core::both!(odk, tilik_title, routine = title),
        version: String::new(),
        items,
        instance_name: (PARTICIPANT.into(), DATE.into()),
    }
}

/// The home-visit form of a class: the family from the roster, the day, the milk, the mother's
/// comfort, massages a day; yesterday's feeding asked one kind at a time; the danger signs and
/// the referral; notes. Every field of a visit in pijat.
pub fn visit(roster: &[Member]) -> Form {
    let yes_no_unknown: Vec<(&str, Bilingual)> = Recalled::ALL
        .iter()
        .map(|r| {
            let label = match r {
                Recalled::Yes => pijat_core::both!(outcome, recalled_yes),
                Recalled::No => pijat_core::both!(outcome, recalled_no),
                Recalled::DontKnow => pijat_core::both!(outcome, recalled_unknown),
            };
            (r.name(), label)
        })
        .collect();
    let yes_no = [
        ("yes", pijat_core::both!(odk, danger_yes)),
        ("no", pijat_core::both!(odk, danger_no)),
    ];
    let comfort: Vec<(String, Bilingual)> = (1..=5)
        .map(|c| {
            let label = match c {
                1 => pijat_core::both!(app, label_1_very_uncomfortable),
                5 => pijat_core::both!(app, label_5_very_comfortable),
                _ => Bilingual::new(c.to_string(), c.to_string()),
            };
            (c.to_string(), label)
        })
        .collect();
    let comfort: Vec<(&str, Bilingual)> = comfort
        .iter()
        .map(|(v, l)| (v.as_str(), l.clone()))
        .collect();
    let mut recall = vec![Question::new(
        "recall_note",
        Kind::Note,
        pijat_core::both!(outcome, recall_one_at_a_time),
        false,
    )];
    for f in Fed::ALL {
        let label = match f {
            Fed::BreastMilk => pijat_core::both!(outcome, fed_breast_milk),
            Fed::Water => pijat_core::both!(outcome, fed_water),
            Fed::Formula => pijat_core::both!(outcome, fed_formula),
            Fed::OtherMilk => pijat_core::both!(outcome, fed_other_milk),
            Fed::Drinks => pijat_core::both!(outcome, fed_drinks),
            Fed::Food => pijat_core::both!(outcome, fed_food),
            Fed::Medicine => pijat_core::both!(outcome, fed_medicine),
        };
        recall.push(Question::new(
            &recall_field(f),
            pick("yes_no_unknown", &yes_no_unknown),
            label,
            true,
        ));
    }
    let any_danger = format!("${{{DANGER_MOTHER}}} = 'yes' or ${{{DANGER_BABY}}} = 'yes'");
    let danger = vec![
        Question::new(
            DANGER_MOTHER,
            pick("yes_no", &yes_no),
            pijat_core::both!(outcome, danger_mother_q),
            true,
        ),
        Question::new(
            DANGER_BABY,
            pick("yes_no", &yes_no),
            pijat_core::both!(outcome, danger_baby_q),
            true,
        ),
        Question::new(
            "danger_note",
            Kind::Note,
            pijat_core::both!(outcome, danger_go_now),
            false,
        )
        .relevant(any_danger),
        Question::new(
            REFERRED_TO,
            Kind::Text,
            pijat_core::both!(outcome, referred_to_q),
            false,
        ),
    ];
    let flows = [
        ("yes", pijat_core::both!(odk, milk_yes)),
        ("no", pijat_core::both!(odk, milk_no)),
        ("unsure", pijat_core::both!(odk, milk_unsure)),
    ];
    Form {
        id: VISIT_ID.into(),
        title: pijat_core::both!(odk, visit_title),
        version: String::new(),
        items: vec![
            Item::Question(roster_question(
                FAMILY,
                roster,
                pijat_core::both!(odk, family_q),
            )),
            Item::Question(today(DATE)),
            Item::Question(Question::new(
                MILK_FLOW,
                pick("milk_flow", &flows),
                pijat_core::both!(odk, milk_flow_q),
                true,
            )),
            Item::Question(Question::new(
                COMFORT,
                pick("comfort", &comfort),
                pijat_core::both!(odk, comfort_q),
                true,
            )),
            Item::Question(
                Question::new(
                    MASSAGES,
                    Kind::Integer,
                    pijat_core::both!(odk, massages_q),
                    false,
                )
                .constraint(". >= 0 and . <= 24", pijat_core::both!(odk, massages_range)),
            ),
            Item::Group {
                name: "recall".into(),
                label: pijat_core::both!(odk, recall_group),
                items: recall,
            },
            Item::Group {
                name: "danger".into(),
                label: pijat_core::both!(odk, danger_group),
                items: danger,
            },
            Item::Question(Question::new(
                NOTES,
                Kind::Text,
                pijat_core::both!(odk, notes_q),
                false,
            )),
        ],
        instance_name: (FAMILY.into(), DATE.into()),
    }
}
