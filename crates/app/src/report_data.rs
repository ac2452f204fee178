//! Gathers what a report needs from the store: a class (or everyone), and each person's latest
//! finished pre-test and post-test, answer by answer.

use super::Records;
use chrono::Datelike;
use std::collections::HashMap;

use crate::Result;
use pijat_content::{Lang, Phase, Quiz, Routine};
use pijat_core::feeding::Ebf;
use pijat_core::records::VisitRecord;
use pijat_engine::checklist::{Mark, verdict};
use pijat_engine::report::build::ClassInfo;
use pijat_engine::report::outcome::VisitOutcome;
use pijat_engine::report::{Input, ParticipantInput};
use pijat_store::MilkFlow;

/// An observation's (date, recorded) and its marks.
type Dated = ((String, String), Vec<Mark>);

/// `None` for `class` means everyone who took the quiz. `Ok(None)` when the class is unknown.
pub fn report_input(
    records: &Records,
    quiz: &Quiz,
    class: Option<&str>,
    items: bool,
    lang: &Lang,
    routine: Option<&Routine>,
) -> Result<Option<Input>> {
    let store = records.store();
    let class_row = match class {
        Some(name) => match store.class_by_name(name)? {
            Some(c) => Some(c),
            None => return Ok(None),
        },
        None => None,
    };
    let rows = store.test_results(&quiz.id, class_row.as_ref().map(|c| c.id.as_str()))?;
    // The latest attempt per person and phase.
    let mut latest: HashMap<(&str, Phase), (&str, &str)> = HashMap::new();
    for r in &rows {
        let e = latest
            .entry((r.profile_id.as_str(), r.phase))
            .or_insert((r.finished.as_str(), r.attempt_id.as_str()));
        if (r.finished.as_str(), r.attempt_id.as_str()) > *e {
            *e = (r.finished.as_str(), r.attempt_id.as_str());
        }
    }
    let latest: HashMap<(&str, Phase), &str> =
        latest.into_iter().map(|(k, (_, a))| (k, a)).collect();
    let index: HashMap<&str, usize> = quiz
        .questions
        .iter()
        .enumerate()
        .map(|(i, q)| (q.id.as_str(), i))
        .collect();
    let mut right: HashMap<&str, Vec<bool>> = HashMap::new();
    let mut regraded = 0;
    for r in &rows {
        if latest.get(&(r.profile_id.as_str(), r.phase)) != Some(&r.attempt_id.as_str()) {
            continue;
        }
        let v = right
            .entry(r.attempt_id.as_str())
            .or_insert_with(|| vec![false; quiz.questions.len()]);
        let at = r.question_id.as_deref().and_then(|q| index.get(q)).copied();
        if let (Some(slot), Some(q)) = (
            at.and_then(|i| v.get_mut(i)),
            at.and_then(|i| quiz.questions.get(i)),
        ) {
            *slot = r.correct;
            let kind = &q.kind;
            let now_right = r
                .response
                .as_deref()
                .and_then(|x| pijat_engine::quiz::Response::decode(kind, x))
                .map(|x| x.is_right(kind));
            regraded += usize::from(now_right.is_some_and(|now| now != r.correct));
        }
    }
    let people = match &class_row {
        Some(c) => store.members(&c.id)?,
        None => {
            let mut ids: Vec<&str> = latest.keys().map(|(p, _)| *p).collect();
            ids.sort_unstable();
            ids.dedup();
            let mut ps = Vec::new();
            for id in ids {
                ps.extend(store.profile(id)?);
            }
            ps.sort_by_key(|a| a.name.to_lowercase());
            ps
        }
    };
    let take = |p: &str, phase| latest.get(&(p, phase)).and_then(|a| right.get(a)).cloned();
    // Observations and visits of everyone at once, grouped by person (oldest first).
    let class_id = class_row.as_ref().map(|c| c.id.as_str());
    let mut observed: HashMap<String, Vec<Dated>> = HashMap::new();
    if let Some(r) = routine {
        let step_index: HashMap<&str, usize> = r
            .steps
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id.as_str(), i))
            .collect();
        type Marked = (String, Dated, Vec<Option<u64>>);
        let mut by_observation: HashMap<String, Marked> = HashMap::new();
        for m in store.class_marks(&r.id, class_id)? {
            let entry = by_observation.entry(m.observation_id).or_insert_with(|| {
                (
                    m.profile_id,
                    (m.when, vec![Mark::NotObserved; r.steps.len()]),
                    vec![None; r.steps.len()],
                )
            });
            if let Some(&i) = step_index.get(m.step_id.as_str()) {
                if let Some(mark) = entry.1.1.get_mut(i) {
                    *mark = Mark::from_stored(m.mark);
                }
                if let Some(timed) = entry.2.get_mut(i) {
                    *timed = m.timed_ms;
                }
            }
        }
        for (_, (profile, (when, marks), timed)) in by_observation {
            // A timed step cut short counts as not done well, as on the verdict screen.
            let (marks, _) = pijat_engine::checklist::apply_timing(r, &marks, &timed);
            observed.entry(profile).or_default().push((when, marks));
        }
        for list in observed.values_mut() {
            list.sort_by(|a, b| a.0.cmp(&b.0));
        }
    }
    let mut visited: HashMap<String, Vec<(bool, u8)>> = HashMap::new();
    let mut outcomes: HashMap<String, Vec<VisitOutcome>> = HashMap::new();
    if routine.is_some() {
        let born: HashMap<&str, Option<&str>> = people
            .iter()
            .map(|p| (p.id.as_str(), p.baby_born.as_deref()))
            .collect();
        for v in store.class_visits(class_id)? {
            let baby_born = born.get(v.profile_id.as_str()).copied().flatten();
            outcomes
                .entry(v.profile_id.clone())
                .or_default()
                .push(visit_outcome(&v, baby_born));
            visited
                .entry(v.profile_id)
                .or_default()
                .push((v.findings.milk_flow == MilkFlow::Yes, v.findings.comfort));
        }
    }
    let mut participants = Vec::with_capacity(people.len());
    for p in &people {
        let observations = match (routine, observed.remove(&p.id)) {
            (Some(r), Some(list)) => list
                .into_iter()
                .map(|(_, marks)| {
                    let v = verdict(r, &marks);
                    (
                        marks.iter().map(|m| m.points().map(|x| x as u8)).collect(),
                        v.percent,
                        v.competent,
                    )
                })
                .collect(),
            _ => Vec::new(),
        };
        participants.push(ParticipantInput {
            name: p.name.clone(),
            role: p.role.name().to_string(),
            pre: take(&p.id, Phase::Pre),
            post: take(&p.id, Phase::Post),
            observations,
            visits: visited.remove(&p.id).unwrap_or_default(),
            outcome: outcomes.remove(&p.id).unwrap_or_default(),
        });
    }
    // The year of the class's last (or first) day; this year when it has no dates.
    let year = class_row
        .as_ref()
        .and_then(|c| c.ends.as_deref().or(c.starts.as_deref()))
        .and_then(pijat_core::dates::parse_day)
        .map_or_else(|| chrono::Local::now().year(), |d| d.year());
    Ok(Some(Input {
        year: Some(year),
        ebf_target: None,
        class: class_row.map(|c| ClassInfo {
            name: c.name,
            place: c.place,
            starts: c.starts,
            ends: c.ends,
            trainer: c.trainer,
        }),
        quiz: quiz.id.clone(),
        questions: quiz.questions.iter().map(|q| q.id.clone()).collect(),
        labels: quiz
            .questions
            .iter()
            .map(|q| q.prompt.get(lang).to_string())
            .collect(),
        steps: routine.map_or_else(Vec::new, |r| r.steps.iter().map(|s| s.id.clone()).collect()),
        step_labels: routine.map_or_else(Vec::new, |r| {
            r.steps
                .iter()
                .map(|s| s.title.get(lang).to_string())
                .collect()
        }),
        participants,
        items,
        regraded,
        pass_percent: quiz.pass_percent,
        cutoffs: pijat_engine::report::build::Cutoffs::default(),
        names: Default::default(),
    }))
}

/// One visit as the report's outcome counts it, from the baby's date of birth.
pub fn visit_outcome(v: &VisitRecord, baby_born: Option<&str>) -> VisitOutcome {
    let danger = v.findings.danger.as_ref();
    VisitOutcome {
        visited_on: v.visited_on.clone(),
        ebf: Ebf::of(baby_born, &v.visited_on, v.findings.recall.as_ref()),
        mother_sign: danger.is_some_and(|d| d.mother),
        baby_sign: danger.is_some_and(|d| d.baby),
        referred: danger.is_some_and(|d| d.any() && d.referred_to.is_some()),
        danger_asked: danger.is_some(),
    }
}
