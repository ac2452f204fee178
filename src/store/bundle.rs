//! Export bundles: one JSON file with everything a laptop holds (or one class), stable UUIDs and
//! a checksum; and merging bundles into this laptop's data, all of them or none.
//!
//! File: `{"format":"pijat-bundle","format_version":1,"checksum":"<sha256 of payload>","payload":{…}}`.
//! The checksum covers the payload's exact text, so any change after export is noticed.

use std::collections::HashMap;

use rusqlite::{Connection, OptionalExtension, params};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::profiles::name_key;
use super::{Result, Store, StoreError, now};
use crate::core::Bilingual;
use crate::msg;

pub const BUNDLE_FORMAT: &str = "pijat-bundle";
/// 2 added observations and visits; a version-1 bundle is read as having none.
pub const BUNDLE_VERSION: u32 = 2;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BProfile {
    pub id: String,
    pub name: String,
    pub role: String,
    pub lang: Option<String>,
    pub created: String,
    pub last_used: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BClass {
    pub id: String,
    pub name: String,
    pub place: Option<String>,
    pub starts: Option<String>,
    pub ends: Option<String>,
    pub trainer: Option<String>,
    pub created: String,
    pub members: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BAnswer {
    pub question_id: String,
    pub position: u32,
    pub response: String,
    pub correct: bool,
    pub answered: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BAttempt {
    pub id: String,
    pub profile_id: String,
    pub class_id: Option<String>,
    pub quiz_id: String,
    pub phase: String,
    /// The seed as a string: JSON numbers lose bits above 2^53.
    pub seed: String,
    pub shuffle: bool,
    pub question_count: u32,
    pub content_version: String,
    pub app_version: String,
    pub mode: String,
    pub started: String,
    pub finished: Option<String>,
    pub right: Option<u32>,
    pub replaced_by: Option<String>,
    pub answers: Vec<BAnswer>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BStep {
    pub step_id: String,
    pub position: u32,
    pub planned_seconds: Option<u32>,
    pub spent_ms: u64,
    pub done_well: Option<bool>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BRun {
    pub id: String,
    pub profile_id: String,
    pub routine_id: String,
    pub speed: f64,
    pub content_version: String,
    pub app_version: String,
    pub started: String,
    pub finished: Option<String>,
    pub steps: Vec<BStep>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BMark {
    pub step_id: String,
    pub position: u32,
    /// 0, 1, 2; `null` for not observed.
    pub mark: Option<i64>,
    pub note: Option<String>,
    pub timed_ms: Option<u64>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BObservation {
    pub id: String,
    pub profile_id: String,
    pub class_id: Option<String>,
    pub routine_id: String,
    /// Empty in a pseudonymised bundle.
    pub observer: String,
    pub observed_on: String,
    pub mode: String,
    pub created: String,
    pub finished: Option<String>,
    pub replaced_by: Option<String>,
    pub marks: Vec<BMark>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BVisit {
    pub id: String,
    pub profile_id: String,
    pub class_id: Option<String>,
    pub visited_on: String,
    /// `yes`, `no` or `unsure`.
    pub milk_flow: String,
    pub comfort: u8,
    pub massages_per_day: Option<u32>,
    /// Left out of a pseudonymised bundle.
    pub notes: Option<String>,
    pub mode: String,
    pub created: String,
    pub replaced_by: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Payload {
    pub app_version: String,
    pub content_version: String,
    pub created: String,
    /// Names replaced by codes (P001…), trainers' names and free-text notes left out.
    pub pseudonymised: bool,
    /// The class the export was limited to, if any.
    pub class: Option<String>,
    pub profiles: Vec<BProfile>,
    pub classes: Vec<BClass>,
    pub attempts: Vec<BAttempt>,
    pub practice_runs: Vec<BRun>,
    #[serde(default)]
    pub observations: Vec<BObservation>,
    #[serde(default)]
    pub visits: Vec<BVisit>,
}

#[derive(Deserialize)]
struct Envelope<'a> {
    format: String,
    format_version: u32,
    checksum: String,
    #[serde(borrow)]
    payload: &'a serde_json::value::RawValue,
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The bundle file's text for a payload.
pub fn write_bundle(p: &Payload) -> String {
    let payload = serde_json::to_string(p).unwrap_or_else(|_| "{}".into());
    let sum = hex(&Sha256::digest(payload.as_bytes()));
    format!(
        "{{\"format\":\"{BUNDLE_FORMAT}\",\"format_version\":{BUNDLE_VERSION},\"checksum\":\"{sum}\",\"payload\":{payload}}}\n"
    )
}

/// Reads a bundle file's text; refuses a truncated, changed, foreign or newer one.
pub fn read_bundle(text: &str) -> std::result::Result<Payload, Bilingual> {
    let env: Envelope = serde_json::from_str(text).map_err(|e| {
        let (l, c) = (e.line(), e.column());
        msg!(
            id: "bukan bundel pijat yang utuh (terpotong atau rusak di baris {l}, kolom {c}); tidak ada yang diimpor",
            en: "not a complete pijat bundle (cut short or damaged at line {l}, column {c}); nothing was imported"
        )
    })?;
    if env.format != BUNDLE_FORMAT {
        return Err(msg!(id: "ini bukan bundel pijat", en: "this is not a pijat bundle"));
    }
    if env.format_version > BUNDLE_VERSION {
        let v = env.format_version;
        return Err(msg!(
            id: "bundel ini dibuat pijat yang lebih baru (format {v}); perbarui pijat lalu impor lagi",
            en: "this bundle is from a newer pijat (format {v}); update pijat and import again"
        ));
    }
    let sum = hex(&Sha256::digest(env.payload.get().as_bytes()));
    if sum != env.checksum {
        return Err(msg!(
            id: "checksum tidak cocok: berkas diubah atau rusak setelah diekspor; tidak ada yang diimpor",
            en: "the checksum does not match: the file was changed or damaged after export; nothing was imported"
        ));
    }
    let p: Payload = serde_json::from_str(env.payload.get()).map_err(|e| {
        let m = e.to_string();
        msg!(id: "isi bundel tidak sah: {m}", en: "the bundle's contents are not valid: {m}")
    })?;
    check(&p)?;
    Ok(p)
}

/// Every reference inside the bundle points at something in it.
fn check(p: &Payload) -> std::result::Result<(), Bilingual> {
    let bad = |what: String| -> Bilingual {
        msg!(id: "bundel tidak konsisten: {what}", en: "the bundle is inconsistent: {what}")
    };
    let profiles: std::collections::HashSet<&str> =
        p.profiles.iter().map(|x| x.id.as_str()).collect();
    let classes: std::collections::HashSet<&str> =
        p.classes.iter().map(|x| x.id.as_str()).collect();
    for x in &p.profiles {
        if super::Role::parse(&x.role).is_none() {
            return Err(bad(format!("profile {}", x.id)));
        }
    }
    for c in &p.classes {
        if c.members.iter().any(|m| !profiles.contains(m.as_str())) {
            return Err(bad(format!("class {}", c.id)));
        }
    }
    for a in &p.attempts {
        let class_ok = a.class_id.as_deref().is_none_or(|c| classes.contains(c));
        let phase_ok = crate::core::Phase::from_name(&a.phase).is_some();
        if !profiles.contains(a.profile_id.as_str())
            || !class_ok
            || !phase_ok
            || a.seed.parse::<u64>().is_err()
        {
            return Err(bad(format!("attempt {}", a.id)));
        }
    }
    for r in &p.practice_runs {
        if !profiles.contains(r.profile_id.as_str()) {
            return Err(bad(format!("practice run {}", r.id)));
        }
    }
    for o in &p.observations {
        let class_ok = o.class_id.as_deref().is_none_or(|c| classes.contains(c));
        let marks_ok = o
            .marks
            .iter()
            .all(|m| m.mark.is_none_or(|x| (0..=2).contains(&x)));
        if !profiles.contains(o.profile_id.as_str()) || !class_ok || !marks_ok {
            return Err(bad(format!("observation {}", o.id)));
        }
    }
    for v in &p.visits {
        let class_ok = v.class_id.as_deref().is_none_or(|c| classes.contains(c));
        if !profiles.contains(v.profile_id.as_str())
            || !class_ok
            || super::MilkFlow::parse(&v.milk_flow).is_none()
            || !(1..=5).contains(&v.comfort)
        {
            return Err(bad(format!("visit {}", v.id)));
        }
    }
    Ok(())
}

/// What an import did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Merged {
    pub profiles_new: usize,
    pub profiles_linked: usize,
    pub classes_new: usize,
    pub attempts_new: usize,
    pub attempts_known: usize,
    pub runs_new: usize,
    pub observations_new: usize,
    pub visits_new: usize,
}

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
                        step_id: m.step_id,
                        position: m.position,
                        mark: m.mark,
                        note: m.note.filter(|_| !pseudonymise),
                        timed_ms: m.timed_ms,
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
                    mode: o.mode,
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
                    milk_flow: v.milk_flow.name().into(),
                    comfort: v.comfort,
                    massages_per_day: v.massages_per_day,
                    notes: v.notes.filter(|_| !pseudonymise),
                    mode: v.mode,
                    created: v.created,
                    replaced_by,
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
                    mode: a.mode,
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

    fn all_profile_ids(&self) -> Result<Vec<String>> {
        let mut st = self
            .conn
            .prepare_cached("SELECT id FROM profile")
            .map_err(|e| self.err(e))?;
        let rows = st.query_map([], |r| r.get(0)).map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<_>>()
            .map_err(|e| self.err(e))
    }

    fn run_content_version(&self, run_id: &str) -> Result<String> {
        self.conn
            .query_row(
                "SELECT content_version FROM practice_run WHERE id = ?1",
                [run_id],
                |r| r.get(0),
            )
            .map_err(|e| self.err(e))
    }

    /// Merges bundles in one transaction. The same UUID is the same record (importing twice
    /// adds nothing); a trainee or class with the same name as one here is the same one.
    pub fn import_bundles(&mut self, bundles: &[Payload]) -> Result<Merged> {
        self.write(|store| {
            let tx = &store.conn;
            // A replaced record points to the one replacing it, which may come later.
            tx.pragma_update(None, "defer_foreign_keys", true)
                .map_err(|e| store.err(e))?;
            let mut m = Merged::default();
            for b in bundles {
                merge_one(tx, b, &mut m).map_err(|e| match e {
                    Merge::Sql(e) => store.err(e),
                    Merge::Store(e) => e,
                })?;
            }
            Ok(m)
        })
    }
}

/// Why a merge stopped: the file, or a record that cannot stand beside one here.
enum Merge {
    Sql(rusqlite::Error),
    Store(StoreError),
}

impl From<rusqlite::Error> for Merge {
    fn from(e: rusqlite::Error) -> Self {
        Merge::Sql(e)
    }
}

fn find(tx: &Connection, sql: &str, key: &str) -> rusqlite::Result<Option<String>> {
    tx.query_row(sql, [key], |r| r.get(0)).optional()
}

fn merge_one(tx: &Connection, b: &Payload, m: &mut Merged) -> std::result::Result<(), Merge> {
    let mut class_map: HashMap<&str, String> = HashMap::new();
    for orig in &b.classes {
        // Names are stored in one form, whatever the other laptop's pijat wrote.
        let clean = super::clean_name(&orig.name).unwrap_or_else(|_| orig.name.clone());
        let c = &BClass {
            name: clean,
            ..orig.clone()
        };
        let local = match find(tx, "SELECT id FROM class WHERE id = ?1", &c.id)? {
            Some(id) => Some(id),
            None => find(
                tx,
                "SELECT id FROM class WHERE name_key = ?1",
                &name_key(&c.name),
            )?,
        };
        let id = match local {
            Some(id) => {
                // The same class on two laptops: each detail one side lacks comes from the other.
                tx.execute(
                    "UPDATE class SET place = coalesce(place, ?2), starts = coalesce(starts, ?3),
                         ends = coalesce(ends, ?4), trainer = coalesce(trainer, ?5)
                     WHERE id = ?1",
                    params![id, c.place, c.starts, c.ends, c.trainer],
                )?;
                id
            }
            None => {
                tx.execute(
                    "INSERT INTO class (id, name, name_key, place, starts, ends, trainer, created)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                    params![
                        c.id,
                        c.name,
                        name_key(&c.name),
                        c.place,
                        c.starts,
                        c.ends,
                        c.trainer,
                        c.created
                    ],
                )?;
                m.classes_new += 1;
                c.id.clone()
            }
        };
        class_map.insert(&orig.id, id);
    }
    let mut profile_map: HashMap<&str, String> = HashMap::new();
    for p in &b.profiles {
        let known = match find(tx, "SELECT id FROM profile WHERE id = ?1", &p.id)? {
            Some(id) => Some(id),
            None => find(
                tx,
                "SELECT profile_id FROM profile_alias WHERE alias = ?1",
                &p.id,
            )?,
        };
        if let Some(id) = known {
            profile_map.insert(&p.id, id);
            continue;
        }
        let clean = super::clean_name(&p.name).unwrap_or_else(|_| p.name.clone());
        let same_name = find(
            tx,
            "SELECT id FROM profile WHERE name_key = ?1",
            &name_key(&clean),
        )?;
        let id = match same_name {
            // On a laptop a name is one person: records with the same name are linked. Codes in
            // a pseudonymised bundle are not names, so they are never linked this way.
            Some(local) if !b.pseudonymised => {
                tx.execute(
                    "INSERT INTO profile_alias (alias, profile_id) VALUES (?1, ?2)",
                    params![p.id, local],
                )?;
                m.profiles_linked += 1;
                local
            }
            clash => {
                let name = if clash.is_some() {
                    let short: String = p.id.chars().take(4).collect();
                    format!("{clean} #{short}")
                } else {
                    clean
                };
                tx.execute(
                    "INSERT INTO profile (id, name, name_key, role, lang, created, last_used)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                    params![
                        p.id,
                        name,
                        name_key(&name),
                        p.role,
                        p.lang,
                        p.created,
                        p.last_used
                    ],
                )?;
                m.profiles_new += 1;
                p.id.clone()
            }
        };
        profile_map.insert(&p.id, id);
    }
    for c in &b.classes {
        for member in &c.members {
            tx.execute(
                "INSERT INTO class_member (class_id, profile_id, added) VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING",
                params![class_map[c.id.as_str()], profile_map[member.as_str()], now()],
            )?;
        }
    }
    for a in &b.attempts {
        if find(tx, "SELECT id FROM attempt WHERE id = ?1", &a.id)?.is_some() {
            m.attempts_known += 1;
            continue;
        }
        let profile = &profile_map[a.profile_id.as_str()];
        if a.replaced_by.is_none() && a.phase != "practice" {
            // The same paper sheet typed on two laptops, or a test taken twice: one trainee
            // has one pre-test and one post-test.
            let here: Option<(String, String)> = tx
                .query_row(
                    "SELECT mode, coalesce(finished, started) FROM attempt
                     WHERE profile_id = ?1 AND quiz_id = ?2 AND phase = ?3 AND replaced_by IS NULL",
                    params![profile, a.quiz_id, a.phase],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .optional()?;
            if let Some((mode, when)) = here {
                let name: String =
                    tx.query_row("SELECT name FROM profile WHERE id = ?1", [profile], |r| {
                        r.get(0)
                    })?;
                return Err(Merge::Store(StoreError::BundleClash {
                    name,
                    test: format!("{} {}", a.quiz_id, a.phase),
                    here: format!("{mode}, {}", when.get(..10).unwrap_or(&when)),
                    there: format!("{}, {}", a.mode, a.started.get(..10).unwrap_or(&a.started)),
                }));
            }
        }
        let seed: u64 = a.seed.parse().unwrap_or(0);
        tx.execute(
            "INSERT INTO attempt (id, profile_id, class_id, quiz_id, phase, seed, shuffle, question_count,
                 content_version, app_version, mode, started, finished, right_count, replaced_by)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
            params![
                a.id,
                profile,
                a.class_id.as_deref().map(|c| class_map[c].clone()),
                a.quiz_id,
                a.phase,
                seed as i64,
                a.shuffle,
                a.question_count,
                a.content_version,
                a.app_version,
                a.mode,
                a.started,
                a.finished,
                a.right,
                a.replaced_by
            ],
        )?;
        for w in &a.answers {
            tx.execute(
                "INSERT INTO answer (attempt_id, question_id, position, response, correct, answered)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT DO NOTHING",
                params![a.id, w.question_id, w.position, w.response, w.correct, w.answered],
            )?;
        }
        m.attempts_new += 1;
    }
    for r in &b.practice_runs {
        if find(tx, "SELECT id FROM practice_run WHERE id = ?1", &r.id)?.is_some() {
            continue;
        }
        tx.execute(
            "INSERT INTO practice_run (id, profile_id, routine_id, speed, content_version, app_version, started, finished)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![r.id, profile_map[r.profile_id.as_str()], r.routine_id, r.speed, r.content_version, r.app_version, r.started, r.finished],
        )?;
        for s in &r.steps {
            tx.execute(
                "INSERT INTO practice_step (run_id, step_id, position, planned_seconds, spent_ms, done_well)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![r.id, s.step_id, s.position, s.planned_seconds, s.spent_ms as i64, s.done_well],
            )?;
        }
        m.runs_new += 1;
    }
    merge_monitoring(tx, b, m, &class_map, &profile_map).map_err(Merge::Sql)
}

/// Observations (with their marks) and visits, by UUID; replacements linked once all are in.
fn merge_monitoring(
    tx: &Connection,
    b: &Payload,
    m: &mut Merged,
    class_map: &HashMap<&str, String>,
    profile_map: &HashMap<&str, String>,
) -> rusqlite::Result<()> {
    let mut replaced = Vec::new();
    for o in &b.observations {
        if find(tx, "SELECT id FROM observation WHERE id = ?1", &o.id)?.is_some() {
            continue;
        }
        tx.execute(
            "INSERT INTO observation (id, profile_id, class_id, routine_id, observer, observed_on, mode, created, finished)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            params![
                o.id,
                profile_map[o.profile_id.as_str()],
                o.class_id.as_deref().map(|c| class_map[c].clone()),
                o.routine_id,
                o.observer,
                o.observed_on,
                o.mode,
                o.created,
                o.finished
            ],
        )?;
        for k in &o.marks {
            tx.execute(
                "INSERT INTO observation_mark (observation_id, step_id, position, mark, note, timed_ms)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT DO NOTHING",
                params![o.id, k.step_id, k.position, k.mark, k.note, k.timed_ms.map(|t| t as i64)],
            )?;
        }
        if let Some(r) = &o.replaced_by {
            replaced.push(("observation", o.id.clone(), r.clone()));
        }
        m.observations_new += 1;
    }
    for v in &b.visits {
        if find(tx, "SELECT id FROM visit WHERE id = ?1", &v.id)?.is_some() {
            continue;
        }
        tx.execute(
            "INSERT INTO visit (id, profile_id, class_id, visited_on, milk_flow, comfort, massages_per_day, notes, mode, created)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            params![
                v.id,
                profile_map[v.profile_id.as_str()],
                v.class_id.as_deref().map(|c| class_map[c].clone()),
                v.visited_on,
                v.milk_flow,
                v.comfort,
                v.massages_per_day,
                v.notes,
                v.mode,
                v.created
            ],
        )?;
        if let Some(r) = &v.replaced_by {
            replaced.push(("visit", v.id.clone(), r.clone()));
        }
        m.visits_new += 1;
    }
    for (table, id, by) in replaced {
        tx.execute(
            &format!(
                "UPDATE {table} SET replaced_by = ?2 WHERE id = ?1 AND EXISTS (SELECT 1 FROM {table} WHERE id = ?2)"
            ),
            params![id, by],
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A bundle as pijat 0.1 with format 1 wrote it: no observations, no visits.
    #[test]
    fn a_format_1_bundle_is_still_read() {
        let payload = r#"{"app_version":"0.1.0","content_version":"c","created":"2026-11-01T00:00:00.000Z","pseudonymised":false,"class":null,"profiles":[{"id":"p1","name":"Budi","role":"father","lang":null,"created":"x","last_used":"x"}],"classes":[],"attempts":[],"practice_runs":[]}"#;
        let sum = hex(&Sha256::digest(payload.as_bytes()));
        let text = format!(
            "{{\"format\":\"pijat-bundle\",\"format_version\":1,\"checksum\":\"{sum}\",\"payload\":{payload}}}"
        );
        let p = read_bundle(&text).unwrap();
        assert_eq!(p.profiles.len(), 1);
        assert!(p.observations.is_empty() && p.visits.is_empty());
    }

    #[test]
    fn an_observation_of_someone_not_in_the_bundle_is_refused() {
        let mut p = Payload {
            app_version: "0".into(),
            content_version: "c".into(),
            created: "x".into(),
            pseudonymised: false,
            class: None,
            profiles: Vec::new(),
            classes: Vec::new(),
            attempts: Vec::new(),
            practice_runs: Vec::new(),
            observations: Vec::new(),
            visits: vec![BVisit {
                id: "v1".into(),
                profile_id: "nobody".into(),
                class_id: None,
                visited_on: "2026-11-01".into(),
                milk_flow: "yes".into(),
                comfort: 4,
                massages_per_day: None,
                notes: None,
                mode: "app".into(),
                created: "x".into(),
                replaced_by: None,
            }],
        };
        let err = read_bundle(&write_bundle(&p)).unwrap_err();
        assert!(err.en.contains("visit v1"), "{}", err.en);
        p.visits[0].profile_id = "p1".into();
        p.profiles.push(BProfile {
            id: "p1".into(),
            name: "Budi".into(),
            role: "father".into(),
            lang: None,
            created: "x".into(),
            last_used: "x".into(),
        });
        p.visits[0].comfort = 9;
        assert!(read_bundle(&write_bundle(&p)).is_err(), "comfort 9");
        p.visits[0].comfort = 5;
        assert!(read_bundle(&write_bundle(&p)).is_ok());
    }
}
