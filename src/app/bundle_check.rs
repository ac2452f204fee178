//! A bundle is checked as strictly as pijat's own writes before anything of it is merged: a
//! matching checksum only says the file is as it was written, not that what was written is true.
//! Every score is recomputed from the answers and this laptop's key; ids, phases, counts, names,
//! dates and duplicates are checked. The first problems are named, the record in each.

use std::collections::{HashMap, HashSet};

use crate::content::{Bilingual, Content, Phase};
use crate::engine::quiz::Response;
use crate::msg;
use crate::store::Payload;

/// How many problems are named before the rest are only counted.
const SHOWN: usize = 5;

/// Every problem of the payload; empty when it may be merged.
pub fn check(p: &Payload, content: &Content) -> Vec<Bilingual> {
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
        c.name(&format!("profile {}", x.id), &x.name);
        c.time(&format!("profile {}", x.id), &x.created);
    }
    for x in &p.classes {
        c.name(&format!("class {}", x.id), &x.name);
        for (what, v) in [("trainer", &x.trainer), ("place", &x.place)] {
            if let Some(v) = v
                && crate::core::names::clean_text(v, 120).is_err()
            {
                c.bad(
                    &format!("class {} {what}", x.id),
                    msg!(id: "bukan teks satu baris yang bersih", en: "not a clean one-line text"),
                );
            }
        }
    }
    let attempt_ids: HashSet<&str> = p.attempts.iter().map(|a| a.id.as_str()).collect();
    let mut standing: HashMap<(&str, &str, &str), &str> = HashMap::new();
    for a in &p.attempts {
        let who = names.get(a.profile_id.as_str()).copied().unwrap_or("?");
        let at = format!("attempt {} ({who})", a.id);
        if !["app", "plain", "sheet", "classroom"].contains(&a.mode.as_str()) {
            let m = &a.mode;
            c.bad(
                &at,
                msg!(id: "cara “{m}” tidak dikenal", en: "unknown mode “{m}”"),
            );
        }
        c.time(&at, &a.started);
        if let Some(by) = &a.replaced_by
            && !attempt_ids.contains(by.as_str())
        {
            c.bad(&at, msg!(id: "diganti oleh {by}, yang tidak ada di bundel", en: "replaced by {by}, which is not in the bundle"));
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
                    msg!(
                        id: "{ph} kedua untuk {q} milik {who} (yang pertama {first})",
                        en: "a second {ph} of {q} for {who} (the first is {first})"
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
            c.bad(&at, msg!(id: "{n} soal", en: "{n} questions"));
        }
        let mut seen = HashSet::new();
        let mut right = 0u32;
        for w in &a.answers {
            if !seen.insert(w.question_id.as_str()) {
                let q = &w.question_id;
                c.bad(
                    &at,
                    msg!(id: "soal {q} dijawab dua kali", en: "question {q} answered twice"),
                );
                continue;
            }
            if w.position >= a.question_count.max(1) {
                let (q, n) = (&w.question_id, w.position);
                c.bad(
                    &at,
                    msg!(id: "soal {q} di urutan {n}", en: "question {q} at place {n}"),
                );
            }
            let Some(q) = quiz.questions.iter().find(|q| q.id == w.question_id) else {
                // A question removed since: the answer is kept and does not count.
                continue;
            };
            let Some(r) = Response::decode(&q.kind, &w.response) else {
                let (q, r) = (&q.id, &w.response);
                c.bad(&at, msg!(id: "soal {q}: “{r}” bukan jawaban untuk soal itu", en: "question {q}: “{r}” is not an answer to it"));
                continue;
            };
            let is_right = r.is_right(&q.kind);
            if is_right != w.correct {
                let (q, r) = (&q.id, &w.response);
                let (said_id, said_en) = if w.correct {
                    ("benar", "right")
                } else {
                    ("salah", "wrong")
                };
                c.bad(
                    &at,
                    msg!(
                        id: "soal {q} ditandai {said_id}, padahal jawaban “{r}” tidak begitu menurut kunci",
                        en: "question {q} is marked {said_en}, but by the key the answer “{r}” is not"
                    ),
                );
            }
            right += u32::from(is_right);
        }
        match (&a.finished, a.right) {
            (Some(_), Some(r)) if r != right || r > a.question_count => {
                let n = a.question_count;
                c.bad(
                    &at,
                    msg!(
                        id: "skornya {r} benar dari {n}, padahal jawabannya memberi {right}",
                        en: "the score says {r} right of {n}, its answers give {right}"
                    ),
                )
            }
            (Some(_), None) => c.bad(
                &at,
                msg!(id: "selesai tanpa skor", en: "finished without a score"),
            ),
            (None, Some(_)) => c.bad(
                &at,
                msg!(id: "ada skor padahal belum selesai", en: "a score without being finished"),
            ),
            _ => {}
        }
    }
    for r in &p.practice_runs {
        let at = format!("practice run {}", r.id);
        if !(r.speed.is_finite() && (0.1..=1000.0).contains(&r.speed)) {
            let v = r.speed;
            c.bad(&at, msg!(id: "kecepatan {v}", en: "speed {v}"));
        }
        if content.routine(&r.routine_id).is_none() {
            c.unknown(&at, "routine", &r.routine_id);
        }
        let mut seen = HashSet::new();
        for s in &r.steps {
            if !seen.insert(s.step_id.as_str()) || s.spent_ms > 24 * 3600 * 1000 {
                let st = &s.step_id;
                c.bad(&at, msg!(id: "langkah {st} ganda atau terlalu lama", en: "step {st} twice or too long"));
            }
        }
        c.time(&at, &r.started);
    }
    for o in &p.observations {
        let at = format!("observation {}", o.id);
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
                c.bad(
                    &at,
                    msg!(id: "langkah {st} dinilai dua kali", en: "step {st} marked twice"),
                );
            }
            if let Some(n) = &m.note {
                c.note(&at, n);
            }
        }
    }
    for v in &p.visits {
        let at = format!("visit {}", v.id);
        c.day(&at, &v.visited_on);
        if v.massages_per_day.is_some_and(|n| n > 50) {
            c.bad(
                &at,
                msg!(id: "lebih dari 50 pijatan sehari", en: "more than 50 massages a day"),
            );
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
        let at = crate::core::printable(at);
        let (wid, wen) = (
            crate::core::printable(&what.id),
            crate::core::printable(&what.en),
        );
        if self.problems.len() < SHOWN {
            self.problems
                .push(msg!(id: "{at}: {wid}", en: "{at}: {wen}"));
        } else {
            self.more += 1;
        }
    }

    fn unknown(&mut self, at: &str, kind: &str, id: &str) {
        let (at, id) = (crate::core::printable(at), crate::core::printable(id));
        let m = msg!(
            id: "{at}: {kind} “{id}” tidak ada di konten laptop ini (jalankan dengan --content FOLDER milik laptop asalnya)",
            en: "{at}: {kind} “{id}” is not in this laptop's content (run with the --content DIR of the laptop it came from)"
        );
        if self.problems.len() < SHOWN {
            self.problems.push(m);
        } else {
            self.more += 1;
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
                    msg!(id: "bukan id yang ditulis pijat", en: "not an id pijat writes"),
                );
            } else if !seen.insert(id) {
                self.bad(
                    &format!("{kind} {id}"),
                    msg!(id: "dua catatan dengan id ini", en: "two records with this id"),
                );
            }
        }
    }

    fn name(&mut self, at: &str, name: &str) {
        if let Err(e) = crate::core::clean_name(name) {
            self.bad(at, e.message());
        }
    }

    fn note(&mut self, at: &str, note: &str) {
        if note.chars().any(|c| c.is_control() && c != '\n') || note.chars().count() > 2000 {
            self.bad(at, msg!(id: "catatan berisi karakter kendali atau lebih dari 2000 huruf", en: "a note with control characters or over 2000 characters"));
        }
    }

    fn time(&mut self, at: &str, t: &str) {
        if chrono::DateTime::parse_from_rfc3339(t).is_err() {
            self.bad(at, msg!(id: "“{t}” bukan waktu", en: "“{t}” is not a time"));
        }
    }

    fn day(&mut self, at: &str, d: &str) {
        if chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").is_err() {
            self.bad(at, msg!(id: "“{d}” bukan tanggal (TTTT-BB-HH)", en: "“{d}” is not a date (YYYY-MM-DD)"));
        }
    }

    fn finish(mut self) -> Vec<Bilingual> {
        if self.more > 0 {
            let n = self.more;
            self.problems
                .push(msg!(id: "… dan {n} masalah lagi", en: "… and {n} more problems"));
        }
        self.problems
    }
}
