//! Checklist and visit forms typed in from paper: each row checked against what is here, all saved in one transaction.

use super::*;
use pijat_core::records::{ChecklistSheetRow, Roster, VisitSheetRow};

/// One typed-in row for `import_monitoring`: who, how to find the record it would repeat, and how
/// to write it.
pub(super) trait SheetRow {
    const TABLE: &'static str;
    fn name(&self) -> &str;
    /// The earlier current record (id, mode) this row would repeat.
    fn earlier(&self, tx: &Connection, profile: &str) -> Earlier;
    /// Writes the row as a new record.
    fn write(&self, tx: &Connection, new: &NewRecord) -> rusqlite::Result<()>;
}

pub(super) type Earlier = rusqlite::Result<Option<(String, String)>>;

/// The id and mode of the one row `sql` finds, if any.
fn id_and_mode(tx: &Connection, sql: &str, p: impl rusqlite::Params) -> Earlier {
    tx.query_row(sql, p, |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()
}

/// Where a typed-in row is written: its new id, whose it is, the class, the time.
pub(super) struct NewRecord<'a> {
    id: &'a str,
    profile: &'a str,
    class: &'a str,
    t: &'a str,
}

pub(super) struct Checklist<'a> {
    routine_id: &'a str,
    steps: &'a [&'a str],
    row: &'a ChecklistSheetRow,
}

impl SheetRow for Checklist<'_> {
    const TABLE: &'static str = "observation";

    fn name(&self) -> &str {
        &self.row.name
    }

    fn earlier(&self, tx: &Connection, profile: &str) -> Earlier {
        id_and_mode(tx, "SELECT id, mode FROM observation WHERE profile_id = ?1 AND routine_id = ?2 AND observed_on = ?3
               AND observer = ?4 AND replaced_by IS NULL", params![profile, self.routine_id, self.row.date, self.row.observer])
    }

    #[rustfmt::skip]
    fn write(&self, tx: &Connection, new: &NewRecord) -> rusqlite::Result<()> {
        let NewRecord { id, profile, class, t } = *new;
        tx.execute(
            &format!("INSERT INTO observation ({OBS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'sheet', ?7, ?7)"),
            params![id, profile, class, self.routine_id, self.row.observer, self.row.date, t],
        )?;
        for (i, (step, mark)) in self.steps.iter().zip(&self.row.marks).enumerate() {
            tx.execute(
                "INSERT INTO observation_mark (observation_id, step_id, position, mark) VALUES (?1, ?2, ?3, ?4)",
                params![id, step, i as u32, mark],
            )?;
        }
        Ok(())
    }
}

impl SheetRow for VisitSheetRow {
    const TABLE: &'static str = "visit";

    fn name(&self) -> &str {
        &self.name
    }

    fn earlier(&self, tx: &Connection, profile: &str) -> Earlier {
        id_and_mode(
            tx,
            "SELECT id, mode FROM visit WHERE profile_id = ?1 AND visited_on = ?2 AND replaced_by IS NULL",
            params![profile, self.date],
        )
    }

    fn write(&self, tx: &Connection, new: &NewRecord) -> rusqlite::Result<()> {
        let NewRecord {
            id,
            profile,
            class,
            t,
        } = *new;
        let record = VisitRecord {
            id: id.into(),
            profile_id: profile.into(),
            class_id: Some(class.into()),
            visited_on: self.date.clone(),
            findings: self.findings.clone(),
            mode: Mode::Sheet,
            created: t.into(),
        };
        super::insert_visit(tx, &record)
    }
}

impl Store {
    /// Writes checklist rows for a class in one transaction. With `replace`, an earlier sheet
    /// observation of the same person, day and observer is marked replaced; otherwise such a
    /// duplicate stops the whole import.
    pub fn import_checklists(
        &mut self,
        class_name: &str,
        routine_id: &str,
        steps: &[&str],
        rows: &[ChecklistSheetRow],
        replace: bool,
        roster: Roster,
    ) -> Result<usize> {
        let rows: Vec<Checklist> = rows
            .iter()
            .map(|row| Checklist {
                routine_id,
                steps,
                row,
            })
            .collect();
        self.import_monitoring(class_name, &rows, replace, roster)
    }

    /// Writes visit rows for a class in one transaction; duplicates (same person and day) as
    /// for checklists.
    pub fn import_visits(
        &mut self,
        class_name: &str,
        rows: &[VisitSheetRow],
        replace: bool,
        roster: Roster,
    ) -> Result<usize> {
        self.import_monitoring(class_name, rows, replace, roster)
    }

    pub(super) fn import_monitoring<R: SheetRow>(
        &mut self,
        class_name: &str,
        rows: &[R],
        replace: bool,
        roster: Roster,
    ) -> Result<usize> {
        self.write(|store| {
            let (class, created) = store.class_for_sheet(class_name, roster)?;
            for row in rows {
                store.on_roster(&class, created, row.name(), roster)?;
            }
            let err = |e| store.err(e);
            let tx = &store.conn;
            let t = now();
            for row in rows {
                let profile = super::super::sheets::profile_in(
                    tx,
                    row.name(),
                    super::super::Role::Father,
                    &t,
                )?;
                super::super::sheets::join_class(tx, &class.id, &profile, &t).map_err(err)?;
                let earlier = row.earlier(tx, &profile).map_err(err)?;
                if earlier
                    .as_ref()
                    .is_some_and(|(_, mode)| !replace || mode != "sheet")
                {
                    return Err(StoreError::Duplicate(row.name().to_string()));
                }
                let id = uuid::Uuid::new_v4().to_string();
                let new = NewRecord {
                    id: &id,
                    profile: &profile,
                    class: &class.id,
                    t: &t,
                };
                row.write(tx, &new).map_err(err)?;
                if let Some((old, _)) = earlier {
                    tx.execute(
                        &format!("UPDATE {} SET replaced_by = ?2 WHERE id = ?1", R::TABLE),
                        params![old, id],
                    )
                    .map_err(err)?;
                }
            }
            Ok(rows.len())
        })
    }
}
