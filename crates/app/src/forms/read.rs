//! A submission's answers made a record by the same rules as the paper forms: the visit through
//! the visit sheet's row reader (so its every check applies), the daftar tilik step by step.
//! Read by field name: an older version of a form is read when every field this version asks
//! for is there, and refused with the reason otherwise, never half-saved.

use pijat_core::Bilingual;
use pijat_core::dates::parse_date;
use pijat_engine::checklist::Mark;
use pijat_engine::odk::{self, Member};
use pijat_store::{PhoneMark, PhoneObservation, Received, Store, StoreError, VisitRecord};

use super::{Arrival, Outcome, Refusal, Served, submission::Fields};
use crate::monitoring::{MonitoringSheet, Visits};

/// A submission as the record it becomes, with the name of whom it is about.
#[derive(Clone, Debug)]
pub enum Record {
    /// A daftar tilik.
    Observation(PhoneObservation, String),
    /// A home visit.
    Visit(VisitRecord, String),
}

fn invalid(m: Bilingual) -> Refusal {
    Refusal::Invalid(m)
}

/// Reads answers by name, saying which version is missing what. A field asked only under a
/// condition (`relevant`) is left out of a submission when the condition did not hold, as
/// Collect does: it reads as empty.
struct Answers<'a> {
    fields: &'a Fields,
    current: &'a str,
    conditional: Vec<&'a str>,
}

impl Answers<'_> {
    fn get(&self, field: &str) -> Result<&str, Refusal> {
        if let Some(v) = self.fields.values.get(field) {
            return Ok(v.trim());
        }
        if self.conditional.contains(&field) {
            return Ok("");
        }
        let (version, current) = (&self.fields.version, self.current);
        Err(invalid(if version == current {
            pijat_core::both!(odk, answer_absent, field = field)
        } else {
            pijat_core::both!(
                odk,
                missing_answer,
                field = field,
                version = version,
                current = current
            )
        }))
    }
}

/// The people a form offers (the choices of its first question), by roster id.
fn roster_of(served: &Served) -> Vec<Member> {
    served
        .form
        .questions()
        .next()
        .and_then(|(_, q)| match &q.kind {
            odk::Kind::Select(_, choices) => Some(choices),
            _ => None,
        })
        .map(|cs| {
            cs.iter()
                .map(|c| Member {
                    id: c.value.clone(),
                    name: c.label.id.clone(),
                })
                .collect()
        })
        .unwrap_or_default()
}

fn member<'r>(roster: &'r [Member], id: &str, class: &str) -> Result<&'r Member, Refusal> {
    roster
        .iter()
        .find(|m| m.id == id)
        .ok_or_else(|| invalid(pijat_core::both!(odk, not_on_roster, class = class)))
}

/// A day more than three years back is a mistyped year.
fn too_old(day: &str) -> Option<Bilingual> {
    let d = chrono::NaiveDate::parse_from_str(day, "%Y-%m-%d").ok()?;
    let limit = chrono::Local::now().date_naive() - chrono::Days::new(3 * 365 + 1);
    (d < limit).then(|| {
        let date = pijat_core::dates::paper_day(day, &pijat_core::Lang::id());
        pijat_core::both!(odk, date_too_old, date = date)
    })
}

fn field_wrong(field: &str, why: Bilingual) -> Bilingual {
    pijat_core::both!(odk, answer_wrong, field = field, why = why)
}

fn today() -> String {
    chrono::Local::now().format("%Y-%m-%d").to_string()
}

/// The record a submission of `served` makes, checked; nothing is saved here.
pub(crate) fn record(
    served: &Served,
    fields: &Fields,
    class: (&str, &str),
) -> Result<Record, Refusal> {
    let a = Answers {
        fields,
        current: &served.form.version,
        conditional: served
            .form
            .questions()
            .filter(|(_, q)| q.relevant.is_some())
            .map(|(_, q)| q.name.as_str())
            .collect(),
    };
    let roster = roster_of(served);
    let record = match &served.routine {
        Some(routine) => observation(routine, &a, &roster, class),
        None => visit(&a, &roster, class),
    }?;
    let day = match &record {
        Record::Observation(o, _) => &o.observed_on,
        Record::Visit(v, _) => &v.visited_on,
    };
    match too_old(day) {
        Some(m) => Err(invalid(m)),
        None => Ok(record),
    }
}

fn visit(
    a: &Answers,
    roster: &[Member],
    (class_id, class): (&str, &str),
) -> Result<Record, Refusal> {
    let who = member(roster, a.get(odk::FAMILY)?, class)?;
    let mut cells = vec![
        who.name.clone(),
        a.get(odk::DATE)?.to_string(),
        a.get(odk::MILK_FLOW)?.to_string(),
        a.get(odk::COMFORT)?.to_string(),
        a.get(odk::MASSAGES)?.to_string(),
        a.get(odk::NOTES)?.to_string(),
    ];
    for f in pijat_core::feeding::Fed::ALL {
        cells.push(a.get(&odk::recall_field(f))?.to_string());
    }
    for f in [odk::DANGER_MOTHER, odk::DANGER_BABY, odk::REFERRED_TO] {
        cells.push(a.get(f)?.to_string());
    }
    let row = Visits
        .read(&cells)
        .map_err(|wrong| invalid(crate::monitoring::joined(wrong)))?;
    Ok(Record::Visit(
        VisitRecord {
            id: a.fields.instance_id.clone(),
            profile_id: who.id.clone(),
            class_id: Some(class_id.to_string()),
            visited_on: row.date,
            findings: row.findings,
            mode: pijat_core::Mode::Phone,
            created: String::new(),
        },
        who.name.clone(),
    ))
}

fn observation(
    routine: &pijat_content::Routine,
    a: &Answers,
    roster: &[Member],
    (class_id, class): (&str, &str),
) -> Result<Record, Refusal> {
    let who = member(roster, a.get(odk::PARTICIPANT)?, class)?;
    for name in a.fields.values.keys() {
        if let Some(step) = name.strip_prefix("mark_")
            && !routine.steps.iter().any(|s| s.id == step)
        {
            let (version, current) = (&a.fields.version, a.current);
            return Err(invalid(pijat_core::both!(
                odk,
                unknown_step,
                step = step,
                version = version,
                current = current
            )));
        }
    }
    let mut wrong = Vec::new();
    let observer = pijat_core::clean_name(a.get(odk::OBSERVER)?)
        .map_err(|_| wrong.push(pijat_core::both!(messages, observer_name_empty)))
        .unwrap_or_default();
    let day = a.get(odk::DATE)?;
    let date = match parse_date(day) {
        Some(d) if d > today() => {
            wrong.push(field_wrong(
                odk::DATE,
                pijat_core::both!(odk, date_not_future),
            ));
            d
        }
        Some(d) => d,
        None => {
            wrong.push(crate::monitoring::bad_date(day));
            String::new()
        }
    };
    let mut steps = Vec::new();
    for step in &routine.steps {
        let field = odk::mark_field(&step.id);
        let v = a.get(&field)?;
        let token = if v == odk::MARK_NA { "-" } else { v };
        let mark = Mark::parse(token).unwrap_or_else(|| {
            wrong.push(field_wrong(
                &field,
                pijat_core::both!(odk, mark_not_known, v = v),
            ));
            Mark::NotObserved
        });
        let timed_ms = match step.seconds {
            Some(_) => {
                let field = odk::seconds_field(&step.id);
                let v = a.get(&field)?;
                match v.parse::<u64>() {
                    _ if v.is_empty() => None,
                    Ok(s) if s <= 3600 => Some(s * 1000),
                    _ => {
                        wrong.push(field_wrong(
                            &field,
                            pijat_core::both!(odk, seconds_not_known, v = v),
                        ));
                        None
                    }
                }
            }
            None => None,
        };
        let note = a.get(&odk::note_field(&step.id))?;
        steps.push(PhoneMark {
            step_id: step.id.clone(),
            mark: mark.stored(),
            note: Some(note.to_string()).filter(|n| !n.is_empty()),
            timed_ms: timed_ms.filter(|_| mark.points().is_some()),
        });
    }
    if !wrong.is_empty() {
        return Err(invalid(crate::monitoring::joined(wrong)));
    }
    Ok(Record::Observation(
        PhoneObservation {
            id: a.fields.instance_id.clone(),
            profile_id: who.id.clone(),
            class_id: class_id.to_string(),
            routine_id: routine.id.clone(),
            observer,
            observed_on: date,
            steps,
        },
        who.name.clone(),
    ))
}

/// Saves a record (inside the caller's transaction, when there is one).
pub(crate) fn save(store: &Store, record: &Record) -> Result<Arrival, Refusal> {
    let (got, kind, name, date) = match record {
        Record::Observation(o, name) => (
            store.receive_observation(o),
            "observation",
            name,
            &o.observed_on,
        ),
        Record::Visit(v, name) => (store.receive_visit(v), "visit", name, &v.visited_on),
    };
    let outcome = match got {
        Ok(Received::Saved) => Outcome::Saved,
        Ok(Received::AlreadyHere) => Outcome::Already,
        Ok(Received::IdTaken) => {
            return Err(Refusal::Conflict(pijat_core::both!(odk, instance_taken)));
        }
        Err(StoreError::Duplicate(_)) => {
            let day = pijat_core::dates::paper_day(date, &pijat_core::Lang::id());
            let kinds = if kind == "observation" {
                pijat_core::both!(odk, kind_observation)
            } else {
                pijat_core::both!(odk, kind_visit)
            };
            return Err(Refusal::Conflict(pijat_core::both!(
                odk,
                duplicate_record,
                name = name,
                kind = kinds,
                date = day
            )));
        }
        Err(e @ (StoreError::NotOnRoster { .. } | StoreError::Name(_))) => {
            return Err(Refusal::Invalid(e.message()));
        }
        Err(e) => {
            let why = e.message();
            return Err(Refusal::Unavailable(pijat_core::both!(
                odk,
                not_saved_disk,
                why = why
            )));
        }
    };
    Ok(Arrival {
        kind,
        name: name.clone(),
        date: date.clone(),
        outcome,
    })
}
