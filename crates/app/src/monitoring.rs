//! Monitoring: checklist and visit forms typed in from paper, and a trainee's progress over
//! time (observations first to latest, what improved, whether another visit is needed).

use super::Records;
use std::collections::BTreeMap;
use std::path::Path;

use super::sheets::RowError;
use crate::Result;
use pijat_content::{Bilingual, Content, Routine};
use pijat_engine::checklist::{Mark, Verdict, improved, verdict};
use pijat_store::{
    ChecklistSheetRow, MilkFlow, ObservationRecord, VisitRecord, VisitSheetRow, clean_name,
};

mod sheets;
pub mod visit_rule;
mod visit_sheet;
pub use sheets::{Checklists, import_monitoring_sheet, parse_date, read_marks};
pub(crate) use sheets::{MonitoringSheet, bad_date, joined};
pub use visit_sheet::Visits;

/// One observation with its marks and verdict.
#[derive(Clone, Debug)]
pub struct Observed {
    /// The observation as saved.
    pub row: ObservationRecord,
    /// Each step's mark.
    pub marks: Vec<Mark>,
    /// Each step's note.
    pub notes: Vec<Option<String>>,
    /// Competent or not, and why.
    pub verdict: Verdict,
}

/// A trainee's finished observations of a routine, first to latest.
pub fn observations(
    records: &Records,
    routine: &Routine,
    profile_id: &str,
) -> Result<Vec<Observed>> {
    let store = records.store();
    let mut out = Vec::new();
    for row in store.observations_of(profile_id, Some(&routine.id))? {
        let stored = store.marks(&row.id)?;
        let mark_of = |step: &str| stored.iter().find(|m| m.step_id == step);
        let marks: Vec<Mark> = routine
            .steps
            .iter()
            .map(|s| Mark::from_stored(mark_of(&s.id).and_then(|m| m.mark)))
            .collect();
        let notes = routine
            .steps
            .iter()
            .map(|s| mark_of(&s.id).and_then(|m| m.note.clone()))
            .collect();
        let timed: Vec<Option<u64>> = routine
            .steps
            .iter()
            .map(|s| mark_of(&s.id).and_then(|m| m.timed_ms))
            .collect();
        let (marks, _) = pijat_engine::checklist::apply_timing(routine, &marks, &timed);
        let verdict = verdict(routine, &marks);
        out.push(Observed {
            row,
            marks,
            notes,
            verdict,
        });
    }
    Ok(out)
}

/// A trainee's monitoring at a glance.
#[derive(Clone, Debug, Default)]
pub struct Monitoring {
    /// Every observation, oldest first.
    pub observations: Vec<Observed>,
    /// Every home visit, oldest first.
    pub visits: Vec<VisitRecord>,
    /// Steps marked better in the latest observation than in the first.
    pub improved: Vec<usize>,
}

impl Monitoring {
    /// The latest observation.
    pub fn latest(&self) -> Option<&Observed> {
        self.observations.last()
    }

    /// The steps better in the latest observation than in the first, named by `step` and
    /// joined (`none` when no step is); `None` before a second observation.
    pub fn improved_text(&self, step: impl Fn(usize) -> String, none: &str) -> Option<String> {
        if self.observations.len() < 2 {
            return None;
        }
        if self.improved.is_empty() {
            return Some(none.to_string());
        }
        Some(
            self.improved
                .iter()
                .map(|i| step(*i))
                .collect::<Vec<_>>()
                .join(", "),
        )
    }

    /// A visit is due once the father has been observed giving the massage (training has
    /// reached the home stage) and he has not been visited yet, or when the latest visit found
    /// the milk not flowing, the mother uncomfortable (1–2 of 5) or a danger sign in mother or
    /// baby (to follow it up). Before any observation nothing is due yet.
    pub fn needs_visit(&self) -> bool {
        if self.latest().is_none() {
            return false;
        }
        self.visits.last().is_none_or(|v| {
            let f = &v.findings;
            visit_found_a_problem(f.milk_flow, f.comfort)
                || f.danger.as_ref().is_some_and(|d| d.any())
        })
    }
}

/// A visit that calls for another: the milk did not flow, or the mother was uncomfortable.
pub fn visit_found_a_problem(milk_flow: MilkFlow, comfort: u8) -> bool {
    milk_flow == MilkFlow::No || comfort <= 2
}

/// The routine monitoring is about: the first in the content (the oxytocin massage).
pub fn main_routine(content: &Content) -> Option<&Routine> {
    content.routines().next()
}

/// Where a trainee's monitoring stands: his observations with their verdicts, and his visits.
pub fn monitoring(records: &Records, content: &Content, profile_id: &str) -> Result<Monitoring> {
    let store = records.store();
    let Some(routine) = main_routine(content) else {
        return Ok(Monitoring::default());
    };
    let observations = observations(records, routine, profile_id)?;
    let improved = match (observations.first(), observations.last()) {
        (Some(a), Some(b)) if observations.len() > 1 => improved(&a.marks, &b.marks),
        _ => Vec::new(),
    };
    Ok(Monitoring {
        observations,
        visits: store.visits_of(profile_id)?,
        improved,
    })
}

#[cfg(test)]
mod tests;
