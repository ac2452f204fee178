//! Monitoring records: checklist observations and their marks, home visits, and the rows of
//! paper forms typed in.

use crate::feeding::{Danger, Recall};
use crate::{MilkFlow, Mode};

/// A checklist observation as saved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ObservationRecord {
    /// Its id.
    pub id: String,
    /// The person it belongs to.
    pub profile_id: String,
    /// The class it was made in, if any.
    pub class_id: Option<String>,
    /// The routine.
    pub routine_id: String,
    /// Who observed.
    pub observer: String,
    /// The day of the observation.
    pub observed_on: String,
    /// How it came in: the app, plain mode, a paper sheet or a phone.
    pub mode: Mode,
    /// When it was saved.
    pub created: String,
    /// When it ended; none while it goes on.
    pub finished: Option<String>,
}

/// One step's mark of an observation.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct MarkRecord {
    /// The step.
    pub step_id: String,
    /// Its place, from 0.
    pub position: u32,
    /// 0, 1, 2; `None` for not observed.
    pub mark: Option<i64>,
    /// A note on it.
    pub note: Option<String>,
    /// The time observed, for a timed step.
    pub timed_ms: Option<u64>,
}

/// What a home visit found, however it came in (the app's form, a paper sheet, a phone).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VisitFindings {
    /// Whether milk flowed after the massage.
    pub milk_flow: MilkFlow,
    /// The mother's comfort, 1 to 5.
    pub comfort: u8,
    /// Massages a day, when asked.
    pub massages_per_day: Option<u32>,
    /// Notes.
    pub notes: Option<String>,
    /// What the baby had yesterday; `None` when not asked (a visit or sheet from before).
    pub recall: Option<Recall>,
    /// The danger signs and the referral; `None` when not asked.
    pub danger: Option<Danger>,
}

/// A home visit as saved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VisitRecord {
    /// Its id.
    pub id: String,
    /// The person it belongs to.
    pub profile_id: String,
    /// The class it was made in, if any.
    pub class_id: Option<String>,
    /// The day of the visit.
    pub visited_on: String,
    /// What it found.
    pub findings: VisitFindings,
    /// How it came in: the app, plain mode, a paper sheet or a phone.
    pub mode: Mode,
    /// When it was saved.
    pub created: String,
}

/// A visit as typed, before it is saved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewVisit<'a> {
    /// The person it belongs to.
    pub profile_id: &'a str,
    /// The day of the visit.
    pub visited_on: &'a str,
    /// What it found.
    pub findings: VisitFindings,
    /// The class it was made in, if any.
    pub class_id: Option<&'a str>,
    /// How it came in: the app, plain mode, a paper sheet or a phone.
    pub mode: Mode,
}

/// A checklist row from a paper form, checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChecklistSheetRow {
    /// The name.
    pub name: String,
    /// Who observed.
    pub observer: String,
    /// The day.
    pub date: String,
    /// Per step in routine order: 0, 1, 2, or `None` for not observed.
    pub marks: Vec<Option<i64>>,
}

/// A visit row from a paper form, checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VisitSheetRow {
    /// The name.
    pub name: String,
    /// The day.
    pub date: String,
    /// What it found.
    pub findings: VisitFindings,
}
