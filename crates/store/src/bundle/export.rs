//! Exporting this laptop's records (or one class's) as a bundle payload.

use super::*;

impl Store {
    /// Everything on this laptop, or one class's members and their records.
    pub fn export(
        &self,
        class: Option<&str>,
        pseudonymise: bool,
        content_version: &str,
    ) -> Result<Payload> {
        let classes = match class {
            Some(name) => self.class_by_name(name)?.into_iter().collect(),
            None => self.classes()?,
        };
        let mut profile_ids: Vec<String> = Vec::new();
        let mut out_classes = Vec::new();
        for c in &classes {
            let members: Vec<String> = self.members(&c.id)?.into_iter().map(|p| p.id).collect();
            profile_ids.extend(members.iter().cloned());
            out_classes.push(BClass {
                id: c.id.clone(),
                name: c.name.clone(),
                place: c.place.clone(),
                starts: c.starts.clone(),
                ends: c.ends.clone(),
                trainer: if pseudonymise {
                    None
                } else {
                    c.trainer.clone()
                },
                created: c.created.clone(),
                cadres: self.cadres(&c.id)?,
                members,
            });
        }
        if class.is_none() {
            profile_ids = self.all_profile_ids()?;
        }
        profile_ids.sort();
        profile_ids.dedup();
        let mut profiles = Vec::new();
        for id in &profile_ids {
            if let Some(p) = self.profile(id)? {
                profiles.push(BProfile {
                    id: p.id,
                    name: p.name,
                    role: p.role.name().into(),
                    lang: p.lang,
                    created: p.created,
                    last_used: p.last_used,
                    baby_born: p.baby_born,
                    contact: p.contact.filter(|_| !pseudonymise),
                });
            }
        }
        if pseudonymise {
            // Codes follow the order trainees were added, so they stay the same export to export.
            profiles.sort_by(|a, b| (&a.created, &a.id).cmp(&(&b.created, &b.id)));
            for (i, p) in profiles.iter_mut().enumerate() {
                p.name = format!("P{:03}", i + 1);
            }
        }
        let class_ids: std::collections::HashSet<String> =
            out_classes.iter().map(|c| c.id.clone()).collect();
        let mut attempts = Vec::new();
        let mut runs = Vec::new();
        let mut observations = Vec::new();
        let mut visits = Vec::new();
        for id in &profile_ids {
            for (o, replaced_by) in self.all_observations_of(id)? {
                let marks = self
                    .marks(&o.id)?
                    .into_iter()
                    .map(|m| BMark {
                        note: m.note.clone().filter(|_| !pseudonymise),
                        ..m
                    })
                    .collect();
                observations.push(BObservation {
                    id: o.id,
                    profile_id: o.profile_id,
                    class_id: o.class_id.filter(|c| class_ids.contains(c)),
                    routine_id: o.routine_id,
                    observer: if pseudonymise {
                        String::new()
                    } else {
                        o.observer
                    },
                    observed_on: o.observed_on,
                    mode: o.mode.name().into(),
                    created: o.created,
                    finished: o.finished,
                    replaced_by,
                    marks,
                });
            }
            for (v, replaced_by) in self.all_visits_of(id)? {
                visits.push(BVisit {
                    id: v.id,
                    profile_id: v.profile_id,
                    class_id: v.class_id.filter(|c| class_ids.contains(c)),
                    visited_on: v.visited_on,
                    milk_flow: v.findings.milk_flow.name().into(),
                    comfort: v.findings.comfort,
                    massages_per_day: v.findings.massages_per_day,
                    notes: v.findings.notes.filter(|_| !pseudonymise),
                    mode: v.mode.name().into(),
                    created: v.created,
                    replaced_by,
                    recall: v.findings.recall,
                    danger: v.findings.danger,
                });
            }
            for a in self.all_attempts_of(id)? {
                let answers = self
                    .answers(&a.id)?
                    .into_iter()
                    .map(|w| BAnswer {
                        question_id: w.question_id,
                        position: w.position,
                        response: w.response,
                        correct: w.correct,
                        answered: w.answered,
                    })
                    .collect();
                attempts.push(BAttempt {
                    id: a.id,
                    profile_id: a.profile_id,
                    class_id: a.class_id.filter(|c| class_ids.contains(c)),
                    quiz_id: a.quiz_id,
                    phase: a.phase.name().into(),
                    seed: a.seed.to_string(),
                    shuffle: a.shuffle,
                    question_count: a.question_count,
                    content_version: a.content_version,
                    app_version: a.app_version,
                    mode: a.mode.name().into(),
                    started: a.started,
                    finished: a.finished,
                    right: a.right,
                    replaced_by: a.replaced_by,
                    answers,
                });
            }
            for r in self.practice_runs_of(id)? {
                let steps = self
                    .practice_steps(&r.id)?
                    .into_iter()
                    .map(|s| BStep {
                        step_id: s.step_id,
                        position: s.position,
                        planned_seconds: s.planned_seconds,
                        spent_ms: s.spent_ms,
                        done_well: s.done_well,
                    })
                    .collect();
                runs.push(BRun {
                    id: r.id.clone(),
                    profile_id: r.profile_id,
                    routine_id: r.routine_id,
                    speed: r.speed,
                    content_version: self.run_content_version(&r.id)?,
                    app_version: env!("CARGO_PKG_VERSION").into(),
                    started: r.started,
                    finished: r.finished,
                    steps,
                });
            }
        }
        Ok(Payload {
            app_version: env!("CARGO_PKG_VERSION").into(),
            content_version: content_version.into(),
            created: now(),
            pseudonymised: pseudonymise,
            class: class.map(str::to_string),
            profiles,
            classes: out_classes,
            attempts,
            practice_runs: runs,
            observations,
            visits,
        })
    }

    pub(super) fn all_profile_ids(&self) -> Result<Vec<String>> {
        let mut st = self
            .conn
            .prepare_cached("SELECT id FROM profile")
            .map_err(|e| self.err(e))?;
        let rows = st.query_map([], |r| r.get(0)).map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<_>>()
            .map_err(|e| self.err(e))
    }

    pub(super) fn run_content_version(&self, run_id: &str) -> Result<String> {
        self.conn
            .query_row(
                "SELECT content_version FROM practice_run WHERE id = ?1",
                [run_id],
                |r| r.get(0),
            )
            .map_err(|e| self.err(e))
    }
}
