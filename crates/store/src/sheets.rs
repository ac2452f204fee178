//! Paper answer sheets typed in: written for a whole class at once, all or nothing; and the
//! drafts of the in-app grid, kept cell by cell until they are saved.

use pijat_core::records::{Conflict, Roster, SheetImport};
use std::collections::BTreeMap;

use rusqlite::{Connection, OptionalExtension, params};

use super::{ClassRecord, Result, Role, Store, StoreError, now};
use pijat_core::Phase;
use pijat_core::names::{clean_name, name_key};

impl Store {
    /// The class a sheet is written to: created only when the rule allows it; with whether it
    /// was created now.
    pub(super) fn class_for_sheet(&self, name: &str, rule: Roster) -> Result<(ClassRecord, bool)> {
        match self.class_by_name(name)? {
            Some(c) => Ok((c, false)),
            None if rule.new_class => Ok((self.ensure_class(name)?, true)),
            None => Err(StoreError::NoClass(name.to_string())),
        }
    }

    /// Refuses a name that is not on the class's roster, unless the rule lets it join.
    pub(super) fn on_roster(
        &self,
        class: &ClassRecord,
        created: bool,
        name: &str,
        rule: Roster,
    ) -> Result<()> {
        if rule.add_new || created {
            return Ok(());
        }
        let found: Option<i64> = self
            .conn
            .query_row(
                "SELECT 1 FROM class_member m JOIN profile p ON p.id = m.profile_id
                 WHERE m.class_id = ?1 AND p.name_key = ?2",
                params![class.id, name_key(name)],
                |r| r.get(0),
            )
            .optional()
            .map_err(|e| self.err(e))?;
        match found {
            Some(_) => Ok(()),
            None => Err(StoreError::NotOnRoster {
                name: name.to_string(),
                class: class.name.clone(),
            }),
        }
    }
}

/// The id of the trainee with this name, created (with `role`) when new.
pub(super) fn profile_in(tx: &Connection, name: &str, role: Role, t: &str) -> Result<String> {
    let path = tx.path().map(std::path::PathBuf::from).unwrap_or_default();
    let err = |e| StoreError::sqlite(&path, e);
    let name = clean_name(name).map_err(StoreError::Name)?;
    let existing: Option<String> = tx
        .query_row(
            "SELECT id FROM profile WHERE name_key = ?1",
            [name_key(&name)],
            |r| r.get(0),
        )
        .optional()
        .map_err(err)?;
    if let Some(id) = existing {
        return Ok(id);
    }
    let id = uuid::Uuid::new_v4().to_string();
    tx.execute(
        "INSERT INTO profile (id, name, name_key, role, lang, created, last_used) VALUES (?1, ?2, ?3, ?4, NULL, ?5, ?5)",
        params![id, name, name_key(&name), role.name(), t],
    )
    .map_err(err)?;
    Ok(id)
}

pub(super) fn join_class(
    tx: &Connection,
    class_id: &str,
    profile_id: &str,
    t: &str,
) -> rusqlite::Result<()> {
    tx.execute(
        "INSERT INTO class_member (class_id, profile_id, added) VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING",
        params![class_id, profile_id, t],
    )
    .map(drop)
}

impl Store {
    /// Earlier results that stand in the way of each row, in row order.
    pub fn sheet_conflicts(
        &self,
        quiz_id: &str,
        phase: Phase,
        names: &[String],
        replace: bool,
    ) -> Result<Vec<Conflict>> {
        let mut out = Vec::new();
        for (row, name) in names.iter().enumerate() {
            let Some(p) = self.profile_by_name(name)? else {
                continue;
            };
            for a in self.attempts_at(&p.id, quiz_id, phase)? {
                let replaceable = a.mode == pijat_core::Mode::Sheet;
                if !(replace && replaceable) {
                    out.push(Conflict {
                        row,
                        name: p.name.clone(),
                        existing: a,
                        replaceable,
                    });
                }
            }
        }
        Ok(out)
    }

    /// Writes every row in one transaction: profiles created when new, all added to the class,
    /// a finished attempt with its answers for each. The check for earlier results runs in the
    /// same transaction, so two imports of one sheet at once cannot both save. Nothing is
    /// written if anything conflicts.
    pub fn import_sheet(&self, s: &SheetImport) -> Result<usize> {
        self.write(|store| store.import_sheet_in(s))
    }

    fn import_sheet_in(&self, s: &SheetImport) -> Result<usize> {
        let names: Vec<String> = s.rows.iter().map(|r| r.name.clone()).collect();
        let err = |e| self.err(e);
        let conflicts = self.sheet_conflicts(s.quiz_id, s.phase, &names, s.replace)?;
        if !conflicts.is_empty() {
            return Err(StoreError::Conflicts(conflicts));
        }
        let (class, created) = self.class_for_sheet(s.class_name, s.roster)?;
        for row in s.rows {
            self.on_roster(&class, created, &row.name, s.roster)?;
        }
        let tx = &self.conn;
        // A replaced result points to the one replacing it, written just after.
        tx.pragma_update(None, "defer_foreign_keys", true)
            .map_err(err)?;
        let t = now();
        for row in s.rows {
            let profile_id = profile_in(tx, &row.name, row.role, &t)?;
            join_class(tx, &class.id, &profile_id, &t).map_err(err)?;
            let attempt = uuid::Uuid::new_v4().to_string();
            if s.replace {
                tx.execute(
                    "UPDATE attempt SET replaced_by = ?1
                     WHERE profile_id = ?2 AND quiz_id = ?3 AND phase = ?4 AND mode = 'sheet'
                       AND replaced_by IS NULL",
                    params![attempt, profile_id, s.quiz_id, s.phase.name()],
                )
                .map_err(err)?;
            }
            tx.execute(
                "INSERT INTO attempt (id, profile_id, class_id, quiz_id, phase, seed, shuffle, question_count,
                     content_version, app_version, mode, started, finished, right_count)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, 0, ?7, ?8, ?9, 'sheet', ?10, ?10, ?11)",
                params![
                    attempt,
                    profile_id,
                    class.id,
                    s.quiz_id,
                    s.phase.name(),
                    s.seed as i64,
                    s.question_count,
                    s.content_version,
                    env!("CARGO_PKG_VERSION"),
                    t,
                    row.right
                ],
            )
            .map_err(err)?;
            for a in &row.answers {
                tx.execute(
                    "INSERT INTO answer (attempt_id, question_id, position, response, correct, answered)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                    params![attempt, a.question_id, a.position, a.response, a.correct, t],
                )
                .map_err(err)?;
            }
            tx.execute(
                "DELETE FROM sheet_draft WHERE class_id = ?1 AND quiz_id = ?2 AND phase = ?3 AND profile_id = ?4",
                params![class.id, s.quiz_id, s.phase.name(), profile_id],
            )
            .map_err(err)?;
        }
        Ok(s.rows.len())
    }

    /// Saves one row of the grid as typed so far (an empty row removes the draft).
    pub fn save_draft(
        &self,
        class_id: &str,
        quiz_id: &str,
        phase: Phase,
        profile_id: &str,
        answers: &str,
    ) -> Result<()> {
        let r = if answers.trim().is_empty() {
            self.conn.execute(
                "DELETE FROM sheet_draft WHERE class_id = ?1 AND quiz_id = ?2 AND phase = ?3 AND profile_id = ?4",
                params![class_id, quiz_id, phase.name(), profile_id],
            )
        } else {
            self.conn.execute(
                "INSERT INTO sheet_draft (class_id, quiz_id, phase, profile_id, answers, updated)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                 ON CONFLICT DO UPDATE SET answers = excluded.answers, updated = excluded.updated",
                params![class_id, quiz_id, phase.name(), profile_id, answers, now()],
            )
        };
        r.map(drop).map_err(|e| self.err(e))
    }

    /// The grid's drafts by profile id.
    pub fn drafts(
        &self,
        class_id: &str,
        quiz_id: &str,
        phase: Phase,
    ) -> Result<BTreeMap<String, String>> {
        let mut st = self
            .conn
            .prepare_cached(
                "SELECT profile_id, answers FROM sheet_draft WHERE class_id = ?1 AND quiz_id = ?2 AND phase = ?3",
            )
            .map_err(|e| self.err(e))?;
        let rows = st
            .query_map(params![class_id, quiz_id, phase.name()], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<_>>()
            .map_err(|e| self.err(e))
    }
}
