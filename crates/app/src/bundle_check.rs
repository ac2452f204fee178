//! A bundle is checked as strictly as pijat's own writes before anything of it is merged: a
//! matching checksum only says the file is as it was written, not that what was written is true.
//! Every score is recomputed from the answers and this laptop's key; ids, phases, counts, names,
//! dates and duplicates are checked. The first problems are named, the record in each.

use std::collections::{HashMap, HashSet};

use pijat_content::{Bilingual, Content, Phase};
use pijat_core::msg;
use pijat_core::{MilkFlow, Mode, Role};
use pijat_engine::quiz::{Response, grade};
use pijat_store::Payload;

/// How many problems are named before the rest are only counted.
const SHOWN: usize = 5;

/// Every problem of the payload; empty when it may be merged.
pub(crate) fn check(p: &Payload, content: &Content) -> Vec<Bilingual> {
    let mut c = Checker::default();
    c.ids("profile", p.profiles.iter().map(|x| x.id.as_str()));
    c.ids("class", p.classes.iter().map(|x| x.id.as_str()));
    c.ids("attempt", p.attempts.iter().map(|x| x.id.as_str()));
    c.ids(
        "practice run",
        p.practice_runs.iter().map(|x| x.id.as_str()),
    );
    c.ids("observation", p.observations.iter().map(|x| x.id.as_str()));
    c.ids("visit", p.visits.iter().map(|x| x.id.as_str()));
    let names: HashMap<&str, &str> = p
        .profiles
        .iter()
        .map(|x| (x.id.as_str(), x.name.as_str()))
        .collect();
    for x in &p.profiles {
        let at = format!("profile {}", x.id);
        c.name(&at, &x.name);
        c.time(&at, &x.created);
        c.known(&at, "role", &x.role, Role::from_name(&x.role).is_some());
        if let Some(l) = &x.lang {
            c.known(&at, "language", l, ["id", "en"].contains(&l.as_str()));
        }
    }
    for x in &p.classes {
        c.name(&format!("class {}", x.id), &x.name);
        for (what, v) in [("trainer", &x.trainer), ("place", &x.place)] {
            if let Some(v) = v
                && pijat_core::names::clean_text(v, 120).is_err()
            {
                c.bad(
                    &format!("class {} {what}", x.id),
                    pijat_core::both!(messages, not_clean_one_line_text),
                );
            }
        }
    }
    let attempt_ids: HashSet<&str> = p.attempts.iter().map(|a| a.id.as_str()).collect();
    let mut standing: HashMap<(&str, &str, &str), &str> = HashMap::new();
    for a in &p.attempts {
        let who = names.get(a.profile_id.as_str()).copied().unwrap_or("?");
        let at = format!("attempt {} ({who})", a.id);
        // Every way a result is made here can arrive in a bundle: app, group test, plain mode,
        // sheet, phone.
        if Mode::from_name(&a.mode).is_none() {
            let m = &a.mode;
            c.bad(&at, pijat_core::both!(messages, unknown_mode, m = m));
        }
        c.known(&at, "phase", &a.phase, Phase::from_name(&a.phase).is_some());
        c.time(&at, &a.started);
        if let Some(by) = &a.replaced_by
            && !attempt_ids.contains(by.as_str())
        {
            c.bad(
                &at,
                pijat_core::both!(messages, replaced_which_not_bundle, by = by),
            );
        }
        if let Some(f) = &a.finished {
            c.time(&at, f);
        }
        let Some(phase) = Phase::from_name(&a.phase) else {
            continue;
        };
        if phase != Phase::Practice && a.replaced_by.is_none() {
            let key = (a.profile_id.as_str(), a.quiz_id.as_str(), a.phase.as_str());
            if let Some(first) = standing.insert(key, &a.id) {
                let (ph, q) = (&a.phase, &a.quiz_id);
                c.bad(
                    &at,
                    pijat_core::both!(
                        messages,
                        second_first,
                        ph = ph,
                        q = q,
                        who = who,
                        first = first
                    ),
                );
            }
        }
        let Some(quiz) = content.quiz(&a.quiz_id) else {
            c.unknown(&at, "quiz", &a.quiz_id);
            continue;
        };
        if !(1..=1000).contains(&a.question_count) {
            let n = a.question_count;
            c.bad(&at, pijat_core::both!(messages, questions, n = n));
        }
        let mut seen = HashSet::new();
        let mut graded = Vec::new();
        for w in &a.answers {
            if !seen.insert(w.question_id.as_str()) {
                let q = &w.question_id;
                c.bad(
                    &at,
                    pijat_core::both!(messages, question_answered_twice, q = q),
                );
                continue;
            }
            if w.position >= a.question_count.max(1) {
                let (q, n) = (&w.question_id, w.position);
                c.bad(
                    &at,
                    pijat_core::both!(messages, question_place, q = q, n = n),
                );
            }
            let Some(q) = quiz.questions.iter().find(|q| q.id == w.question_id) else {
                // A question removed since: the answer is kept and does not count.
                continue;
            };
            let Some(r) = Response::decode(&q.kind, &w.response) else {
                let (q, r) = (&q.id, &w.response);
                c.bad(
                    &at,
                    pijat_core::both!(messages, question_not_answer, q = q, r = r),
                );
                continue;
            };
            let is_right = r.is_right(&q.kind);
            if is_right != w.correct {
                let (q, r) = (&q.id, &w.response);
                let said = if w.correct {
                    pijat_core::both!(messages, marked_right)
                } else {
                    pijat_core::both!(messages, marked_wrong)
                };
                c.bad(
                    &at,
                    pijat_core::both!(messages, marked_against_key, q = q, said = said, r = r),
                );
            }
            graded.push((q, r));
        }
        // The score its answers give, by the one scorer.
        let right = grade(graded.len(), graded.iter().map(|(q, r)| (*q, r))).right;
        match (&a.finished, a.right) {
            (Some(_), Some(r)) if r != right || r > a.question_count => {
                let n = a.question_count;
                c.bad(
                    &at,
                    pijat_core::both!(
                        messages,
                        score_says_right_its_answers,
                        r = r,
                        n = n,
                        right = right
                    ),
                )
            }
            (Some(_), None) => c.bad(&at, pijat_core::both!(messages, finished_without_score)),
            (None, Some(_)) => c.bad(
                &at,
                pijat_core::both!(messages, score_without_being_finished),
            ),
            _ => {}
        }
    }
    for r in &p.practice_runs {
        let at = format!("practice run {}", r.id);
        if !(r.speed.is_finite() && (0.1..=1000.0).contains(&r.speed)) {
            let v = r.speed;
            c.bad(&at, pijat_core::both!(messages, speed, v = v));
        }
        if content.routine(&r.routine_id).is_none() {
            c.unknown(&at, "routine", &r.routine_id);
        }
        let mut seen = HashSet::new();
        for s in &r.steps {
            if !seen.insert(s.step_id.as_str()) || s.spent_ms > 24 * 3600 * 1000 {
                let st = &s.step_id;
                c.bad(
                    &at,
                    pijat_core::both!(messages, step_twice_too_long, st = st),
                );
            }
        }
        c.time(&at, &r.started);
    }
    for o in &p.observations {
        let at = format!("observation {}", o.id);
        c.monitoring_mode(&at, &o.mode);
        if !p.pseudonymised || !o.observer.is_empty() {
            c.name(&at, &o.observer);
        }
        c.day(&at, &o.observed_on);
        if content.routine(&o.routine_id).is_none() {
            c.unknown(&at, "routine", &o.routine_id);
        }
        let mut seen = HashSet::new();
        for m in &o.marks {
            if !seen.insert(m.step_id.as_str()) {
                let st = &m.step_id;
                c.bad(&at, pijat_core::both!(messages, step_marked_twice, st = st));
            }
            if let Some(n) = &m.note {
                c.note(&at, n);
            }
        }
    }
    for v in &p.visits {
        let at = format!("visit {}", v.id);
        c.monitoring_mode(&at, &v.mode);
        let flow = MilkFlow::ALL.iter().any(|f| f.name() == v.milk_flow);
        c.known(&at, "milk flow", &v.milk_flow, flow);
        if !(1..=5).contains(&v.comfort) {
            c.known(&at, "comfort", &v.comfort.to_string(), false);
        }
        c.day(&at, &v.visited_on);
        if v.massages_per_day.is_some_and(|n| n > 50) {
            c.bad(&at, pijat_core::both!(messages, more_than_50_massages_day));
        }
        if let Some(n) = &v.notes {
            c.note(&at, n);
        }
    }
    c.finish()
}

#[derive(Default)]
struct Checker {
    problems: Vec<Bilingual>,
    more: usize,
}

impl Checker {
    fn bad(&mut self, at: &str, what: Bilingual) {
        let at = pijat_core::printable(at);
        let (wid, wen) = (
            pijat_core::printable(&what.id),
            pijat_core::printable(&what.en),
        );
        if self.problems.len() < SHOWN {
            self.problems
                .push(msg!(id: "{at}: {wid}", en: "{at}: {wen}"));
        } else {
            self.more += 1;
        }
    }

    fn unknown(&mut self, at: &str, kind: &str, id: &str) {
        let (at, id) = (pijat_core::printable(at), pijat_core::printable(id));
        let m = pijat_core::both!(
            messages,
            not_laptop_content_run_content,
            at = at,
            kind = kind,
            id = id
        );
        if self.problems.len() < SHOWN {
            self.problems.push(m);
        } else {
            self.more += 1;
        }
    }

    /// A value of a closed vocabulary (`known` says whether it is one this pijat writes).
    fn known(&mut self, at: &str, what: &str, value: &str, known: bool) {
        if !known {
            let v = pijat_core::printable(value);
            self.bad(
                at,
                pijat_core::both!(messages, unknown_value, what = what, v = v),
            );
        }
    }

    /// How an observation or a visit came in: only in the app or from a paper form.
    fn monitoring_mode(&mut self, at: &str, mode: &str) {
        if !Mode::from_name(mode).is_some_and(Mode::for_monitoring) {
            self.bad(at, pijat_core::both!(messages, unknown_mode, m = mode));
        }
    }

    /// Ids are UUIDs (or plain codes): ASCII letters, digits and hyphens, each once.
    fn ids<'a>(&mut self, kind: &str, ids: impl Iterator<Item = &'a str>) {
        let mut seen = HashSet::new();
        for id in ids {
            let shape = (1..=64).contains(&id.len())
                && id
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
            if !shape {
                self.bad(
                    &format!("{kind} id “{id}”"),
                    pijat_core::both!(messages, not_id_pijat_writes),
                );
            } else if !seen.insert(id) {
                self.bad(
                    &format!("{kind} {id}"),
                    pijat_core::both!(messages, two_records_id),
                );
            }
        }
    }

    fn name(&mut self, at: &str, name: &str) {
        if let Err(e) = pijat_core::clean_name(name) {
            self.bad(at, e.message());
        }
    }

    fn note(&mut self, at: &str, note: &str) {
        if note.chars().any(|c| c.is_control() && c != '\n') || note.chars().count() > 2000 {
            self.bad(
                at,
                pijat_core::both!(messages, note_control_characters_over_2000),
            );
        }
    }

    fn time(&mut self, at: &str, t: &str) {
        if chrono::DateTime::parse_from_rfc3339(t).is_err() {
            self.bad(at, pijat_core::both!(messages, not_time, t = t));
        }
    }

    fn day(&mut self, at: &str, d: &str) {
        if chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").is_err() {
            self.bad(at, pijat_core::both!(messages, not_date_yyyy_mm_dd, d = d));
        }
    }

    fn finish(mut self) -> Vec<Bilingual> {
        if self.more > 0 {
            let n = self.more;
            self.problems
                .push(pijat_core::both!(messages, more_problems, n = n));
        }
        self.problems
    }
}
