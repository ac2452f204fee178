//! A cadre's list of home visits: the fathers of a class (or every class) she visits, those due
//! by the visit rule first, with the baby's age, the last visit and what it found, the steps to
//! coach from the latest observation, and red flags. It carries the contact line, so it is for
//! the cadre's hands only: no report shows it.

use pijat_content::{Content, Lang};
use pijat_core::feeding::{Ebf, age_days};
use pijat_core::records::VisitRecord;
use pijat_core::{Bilingual, Role, name_key};
use pijat_engine::checklist::Mark;

use super::Records;
use super::monitoring::{main_routine, visit_found_a_problem};
use crate::Result;

/// What calls for attention at a family.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RedFlag {
    /// The baby under six months was not exclusively breastfed the day before the last visit.
    NotExclusive,
    /// The last visit found a danger sign; whether it was referred.
    DangerSign {
        /// Referred to a midwife or the puskesmas.
        referred: bool,
    },
    /// The milk did not flow or the mother was uncomfortable (1–2 of 5) at the last visit.
    MassageProblem,
}

/// One family on the list.
#[derive(Clone, Debug)]
pub struct DueVisit {
    /// The father.
    pub name: String,
    /// His address or phone, when entered.
    pub contact: Option<String>,
    /// His class.
    pub class: String,
    /// The cadre who visits him, when assigned.
    pub cadre: Option<String>,
    /// The baby's date of birth, when entered.
    pub baby_born: Option<String>,
    /// The baby's age today in days.
    pub age_days: Option<i64>,
    /// Due by the visit rule.
    pub due: bool,
    /// His latest visit.
    pub last: Option<VisitRecord>,
    /// Where that visit put the baby in the exclusive-breastfeeding indicator.
    pub last_ebf: Option<Ebf>,
    /// The steps to coach from his latest observation: the step's label and its mark.
    pub to_coach: Vec<(String, Mark)>,
    /// What calls for attention.
    pub flags: Vec<RedFlag>,
}

/// The list.
#[derive(Clone, Debug)]
pub struct VisitList {
    /// The class asked for, if one.
    pub class: Option<String>,
    /// The cadre asked for, if one.
    pub cadre: Option<String>,
    /// Only those due.
    pub due_only: bool,
    /// The day it was made.
    pub today: String,
    /// The families, due first, then by name.
    pub entries: Vec<DueVisit>,
}

/// What was asked for.
#[derive(Clone, Copy, Debug)]
pub struct Wanted<'a> {
    /// One class (by name) or every class.
    pub class: Option<&'a str>,
    /// One cadre's families (by name) or everyone's.
    pub cadre: Option<&'a str>,
    /// Only those due.
    pub due_only: bool,
    /// Today, stored form.
    pub today: &'a str,
}

/// Why the list cannot be made.
#[derive(Debug)]
pub enum ListError {
    /// The records could not be read.
    Records(crate::Error),
    /// No class of that name, or no cadre of that name: the message says which are here.
    NotHere(Bilingual),
}

impl From<crate::Error> for ListError {
    fn from(e: crate::Error) -> Self {
        ListError::Records(e)
    }
}

/// The fathers of the class (or every class) on `wanted`'s terms, each once.
pub fn visit_list(
    records: &Records,
    content: &Content,
    lang: &Lang,
    wanted: Wanted,
) -> std::result::Result<VisitList, ListError> {
    let store = records.store();
    let classes = match wanted.class {
        Some(name) => match store.class_by_name(name).map_err(crate::Error::from)? {
            Some(c) => vec![c],
            None => {
                let class = name;
                return Err(ListError::NotHere(pijat_core::both!(
                    messages,
                    no_class_named,
                    class = class
                )));
            }
        },
        None => store.classes().map_err(crate::Error::from)?,
    };
    let mut entries: Vec<DueVisit> = Vec::new();
    let mut cadre_known = wanted.cadre.is_none();
    for class in &classes {
        let members = records.members(&class.id)?;
        let cadres = records.cadres(&class.id)?;
        let name_of = |id: &str| members.iter().find(|p| p.id == id).map(|p| p.name.clone());
        cadre_known |= wanted.cadre.is_some_and(|w| {
            members
                .iter()
                .any(|p| p.role == Role::Cadre && name_key(&p.name) == name_key(w))
        });
        for p in members.iter().filter(|p| p.role == Role::Father) {
            let cadre = cadres.get(&p.id).and_then(|c| name_of(c));
            if wanted
                .cadre
                .is_some_and(|w| cadre.as_deref().map(name_key) != Some(name_key(w)))
                || entries.iter().any(|e| e.name == p.name)
            {
                continue;
            }
            let entry = family(records, content, lang, p, wanted.today)?;
            if wanted.due_only && !entry.due {
                continue;
            }
            entries.push(DueVisit {
                class: class.name.clone(),
                cadre,
                ..entry
            });
        }
    }
    if !cadre_known {
        let cadre = wanted.cadre.unwrap_or_default();
        return Err(ListError::NotHere(pijat_core::both!(
            outcome,
            no_cadre_named,
            cadre = cadre
        )));
    }
    entries.sort_by_key(|e| (!e.due, name_key(&e.name)));
    Ok(VisitList {
        class: wanted.class.map(str::to_owned),
        cadre: wanted.cadre.map(str::to_owned),
        due_only: wanted.due_only,
        today: wanted.today.to_string(),
        entries,
    })
}

/// One father's family as the list shows it (class and cadre left for the caller).
fn family(
    records: &Records,
    content: &Content,
    lang: &Lang,
    p: &pijat_core::records::Profile,
    today: &str,
) -> Result<DueVisit> {
    let m = super::monitoring::monitoring(records, content, &p.id)?;
    let born = p.baby_born.as_deref();
    let last = m.visits.last().cloned();
    let last_ebf = last
        .as_ref()
        .map(|v| Ebf::of(born, &v.visited_on, v.findings.recall.as_ref()));
    let mut flags = Vec::new();
    if last_ebf == Some(Ebf::NotExclusive) {
        flags.push(RedFlag::NotExclusive);
    }
    if let Some(v) = &last {
        if let Some(d) = v.findings.danger.as_ref().filter(|d| d.any()) {
            flags.push(RedFlag::DangerSign {
                referred: d.referred_to.is_some(),
            });
        }
        if visit_found_a_problem(v.findings.milk_flow, v.findings.comfort) {
            flags.push(RedFlag::MassageProblem);
        }
    }
    let to_coach = match (main_routine(content), m.latest()) {
        (Some(r), Some(o)) => o
            .verdict
            .to_coach
            .iter()
            .filter_map(|&i| Some((r.step_label(i, lang), *o.marks.get(i)?)))
            .collect(),
        _ => Vec::new(),
    };
    Ok(DueVisit {
        name: p.name.clone(),
        contact: p.contact.clone(),
        class: String::new(),
        cadre: None,
        baby_born: p.baby_born.clone(),
        age_days: born.and_then(|b| age_days(b, today)),
        due: m.needs_visit(),
        last,
        last_ebf,
        to_coach,
        flags,
    })
}
