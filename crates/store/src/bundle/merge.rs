//! Merging bundles into this laptop's data, all of them or none.

use super::*;
use pijat_core::MilkFlow;
use pijat_core::records::{Merged, VisitFindings, VisitRecord};

impl Store {
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
pub(super) enum Merge {
    Sql(rusqlite::Error),
    Store(StoreError),
}

impl From<rusqlite::Error> for Merge {
    fn from(e: rusqlite::Error) -> Self {
        Merge::Sql(e)
    }
}

/// The id here of a record the bundle names by its id there. A bundle that names one it does
/// not carry (its check refuses that first) stops the merge instead of guessing.
fn here<'m>(map: &'m HashMap<&str, String>, there: &str) -> rusqlite::Result<&'m String> {
    map.get(there).ok_or_else(|| {
        let why = format!("the bundle names {there}, which it does not carry");
        rusqlite::Error::ToSqlConversionFailure(why.into())
    })
}

/// A record the bundle carries with a value pijat does not know.
fn refused(id: &str, field: &str) -> rusqlite::Error {
    let why = format!("the bundle's record {id} has a {field} pijat does not know");
    rusqlite::Error::ToSqlConversionFailure(why.into())
}

pub(super) fn find(tx: &Connection, sql: &str, key: &str) -> rusqlite::Result<Option<String>> {
    tx.query_row(sql, [key], |r| r.get(0)).optional()
}

pub(super) fn merge_one(
    tx: &Connection,
    b: &Payload,
    m: &mut Merged,
) -> std::result::Result<(), Merge> {
    let mut class_map: HashMap<&str, String> = HashMap::new();
    for orig in &b.classes {
        // Names are stored in one form, whatever the other laptop's pijat wrote.
        let clean = super::super::clean_name(&orig.name).unwrap_or_else(|_| orig.name.clone());
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
            keep_family(tx, &id, p)?;
            profile_map.insert(&p.id, id);
            continue;
        }
        let clean = super::super::clean_name(&p.name).unwrap_or_else(|_| p.name.clone());
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
                keep_family(tx, &local, p)?;
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
                    "INSERT INTO profile (id, name, name_key, role, lang, created, last_used, baby_born, contact)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                    params![
                        p.id,
                        name,
                        name_key(&name),
                        p.role,
                        p.lang,
                        p.created,
                        p.last_used,
                        p.baby_born,
                        p.contact
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
                params![here(&class_map, c.id.as_str())?, here(&profile_map, member.as_str())?, now()],
            )?;
        }
        // A cadre chosen here stays; one chosen only on the other laptop is taken.
        for (member, cadre) in &c.cadres {
            tx.execute(
                "UPDATE class_member SET cadre_id = ?3 WHERE class_id = ?1 AND profile_id = ?2 AND cadre_id IS NULL",
                params![here(&class_map, c.id.as_str())?, here(&profile_map, member.as_str())?, here(&profile_map, cadre.as_str())?],
            )?;
        }
    }
    for a in &b.attempts {
        if find(tx, "SELECT id FROM attempt WHERE id = ?1", &a.id)?.is_some() {
            m.attempts_known += 1;
            continue;
        }
        let profile = &here(&profile_map, a.profile_id.as_str())?;
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
                a.class_id.as_deref().map(|c| here(&class_map, c).cloned()).transpose()?,
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
            params![r.id, here(&profile_map, r.profile_id.as_str())?, r.routine_id, r.speed, r.content_version, r.app_version, r.started, r.finished],
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
pub(super) fn merge_monitoring(
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
                here(profile_map, o.profile_id.as_str())?,
                o.class_id.as_deref().map(|c| here(class_map, c).cloned()).transpose()?,
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
        let record = VisitRecord {
            id: v.id.clone(),
            profile_id: here(profile_map, v.profile_id.as_str())?.clone(),
            class_id: v
                .class_id
                .as_deref()
                .map(|c| here(class_map, c).cloned())
                .transpose()?,
            visited_on: v.visited_on.clone(),
            findings: VisitFindings {
                milk_flow: MilkFlow::parse(&v.milk_flow)
                    .ok_or_else(|| refused(&v.id, "milk_flow"))?,
                comfort: v.comfort,
                massages_per_day: v.massages_per_day,
                notes: v.notes.clone(),
                recall: v.recall,
                danger: v.danger.clone(),
            },
            mode: v.mode.parse().map_err(|_| refused(&v.id, "mode"))?,
            created: v.created.clone(),
        };
        crate::monitoring::insert_visit(tx, &record)?;
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

/// A person already here keeps their baby's birth date and contact; where they have none, the
/// bundle's are taken.
fn keep_family(tx: &Connection, id: &str, p: &BProfile) -> rusqlite::Result<()> {
    tx.execute(
        "UPDATE profile SET baby_born = COALESCE(baby_born, ?2), contact = COALESCE(contact, ?3) WHERE id = ?1",
        params![id, p.baby_born, p.contact],
    )
    .map(drop)
}
