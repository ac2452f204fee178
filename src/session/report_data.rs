//! Gathers what a report needs from the store: a class (or everyone), and each person's latest
//! finished pre-test and post-test, answer by answer.

use std::collections::HashMap;

use crate::content::{Lang, Phase, Quiz};
use crate::report::build::ClassInfo;
use crate::report::{Input, ParticipantInput};
use crate::store::{Result, Store};

/// `None` for `class` means everyone who took the quiz. `Ok(None)` when the class is unknown.
pub fn report_input(
    store: &Store,
    quiz: &Quiz,
    class: Option<&str>,
    items: bool,
    lang: &Lang,
) -> Result<Option<Input>> {
    let class_row = match class {
        Some(name) => match store.class_by_name(name)? {
            Some(c) => Some(c),
            None => return Ok(None),
        },
        None => None,
    };
    let rows = store.test_results(&quiz.id, class_row.as_ref().map(|c| c.id.as_str()))?;
    // The latest attempt per person and phase (rows come oldest first).
    let mut latest: HashMap<(&str, Phase), &str> = HashMap::new();
    for r in &rows {
        latest.insert((r.profile_id.as_str(), r.phase), r.attempt_id.as_str());
    }
    let index: HashMap<&str, usize> = quiz
        .questions
        .iter()
        .enumerate()
        .map(|(i, q)| (q.id.as_str(), i))
        .collect();
    let mut right: HashMap<&str, Vec<bool>> = HashMap::new();
    for r in &rows {
        if latest.get(&(r.profile_id.as_str(), r.phase)) != Some(&r.attempt_id.as_str()) {
            continue;
        }
        let v = right
            .entry(r.attempt_id.as_str())
            .or_insert_with(|| vec![false; quiz.questions.len()]);
        if let Some(i) = r.question_id.as_deref().and_then(|q| index.get(q)) {
            v[*i] = r.correct;
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
    let participants = people
        .iter()
        .map(|p| ParticipantInput {
            name: p.name.clone(),
            role: p.role.name().to_string(),
            pre: take(&p.id, Phase::Pre),
            post: take(&p.id, Phase::Post),
        })
        .collect();
    Ok(Some(Input {
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
        participants,
        items,
    }))
}
