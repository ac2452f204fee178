//! Records sent from a cadre's phone (ODK Collect on the laptop's form server, or a KoboToolbox
//! or ODK Central export): each is saved under its form's instance id, so a resend finds it and
//! is saved once; the check and the write share one transaction.

use super::*;

/// One step of an observation filled on a phone.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PhoneMark {
    /// The routine's step.
    pub step_id: String,
    /// 2, 1, 0, or `None` when the step was not observed.
    pub mark: Option<i64>,
    /// The cadre's note on the step.
    pub note: Option<String>,
    /// The seconds the cadre saw the step take, in milliseconds.
    pub timed_ms: Option<u64>,
}

/// An observation filled on a phone, every step of the routine in order.
#[derive(Clone, Debug)]
pub struct PhoneObservation {
    /// The form's instance id (a UUID): the record's id.
    pub id: String,
    /// Who was observed (a member of `class_id`).
    pub profile_id: String,
    /// The class the form was served for.
    pub class_id: String,
    /// The routine.
    pub routine_id: String,
    /// Who watched.
    pub observer: String,
    /// The day, `YYYY-MM-DD`.
    pub observed_on: String,
    /// Each step.
    pub steps: Vec<PhoneMark>,
}

/// What became of a record sent from a phone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Received {
    /// Saved now.
    Saved,
    /// Its instance id was saved before for the same kind of record, person and day (a
    /// resend, or the same export read again): nothing changed.
    AlreadyHere,
    /// Its instance id is already the id of another record (another person, day or kind):
    /// nothing was saved, and the phone must be told.
    IdTaken,
}

/// The table, person and day of the record saved under `id`, if any.
fn saved_as(tx: &Connection, id: &str) -> rusqlite::Result<Option<(String, String, String)>> {
    tx.query_row(
        "SELECT 'observation', profile_id, observed_on FROM observation WHERE id = ?1
         UNION ALL SELECT 'visit', profile_id, visited_on FROM visit WHERE id = ?1 LIMIT 1",
        [id],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )
    .optional()
}

/// What a phone record's checks found.
enum Checked {
    /// New: the person's name.
    New(String),
    /// Saved before (resent) or its id taken by another record.
    Seen(Received),
}

impl Store {
    /// Whether `class_id`'s roster holds `profile_id`; its name when it does.
    fn member_name(&self, class_id: &str, profile_id: &str) -> Result<Option<String>> {
        self.conn
            .query_row(
                "SELECT p.name FROM class_member m JOIN profile p ON p.id = m.profile_id
                 WHERE m.class_id = ?1 AND m.profile_id = ?2",
                params![class_id, profile_id],
                |r| r.get(0),
            )
            .optional()
            .map_err(|e| self.err(e))
    }

    /// The checks every phone record passes inside its transaction: not saved before (or
    /// saved as this very record: a resend), the person on the class's roster.
    fn phone_checks(
        &self,
        id: &str,
        class_id: &str,
        record: (&str, &str, &str),
    ) -> Result<Checked> {
        let (table, profile_id, day) = record;
        if let Some((t, p, d)) = saved_as(&self.conn, id).map_err(|e| self.err(e))? {
            let same = t == table && p == profile_id && d == day;
            return Ok(Checked::Seen(if same {
                Received::AlreadyHere
            } else {
                Received::IdTaken
            }));
        }
        match self.member_name(class_id, profile_id)? {
            Some(name) => Ok(Checked::New(name)),
            None => Err(StoreError::NotOnRoster {
                name: profile_id.to_string(),
                class: self.class_name(class_id)?,
            }),
        }
    }

    fn class_name(&self, class_id: &str) -> Result<String> {
        self.conn
            .query_row("SELECT name FROM class WHERE id = ?1", [class_id], |r| {
                r.get(0)
            })
            .optional()
            .map_err(|e| self.err(e))?
            .ok_or(StoreError::Vanished)
    }

    /// Saves an observation sent from a phone, once: a resend of its instance id changes
    /// nothing; an observation of the same person, routine, day and observer from elsewhere is
    /// refused as a duplicate, like a sheet row.
    pub fn receive_observation(&self, o: &PhoneObservation) -> Result<Received> {
        self.write(|s| {
            let name = match s.phone_checks(&o.id, &o.class_id, ("observation", &o.profile_id, &o.observed_on))? {
                Checked::New(name) => name,
                Checked::Seen(r) => return Ok(r),
            };
            let observer = pijat_core::clean_name(&o.observer).map_err(StoreError::Name)?;
            if s.same_observation(&o.profile_id, &o.routine_id, &o.observed_on, &observer)?
                .is_some()
            {
                return Err(StoreError::Duplicate(name));
            }
            let err = |e| s.err(e);
            let t = now();
            s.conn
                .execute(
                    &format!("INSERT INTO observation ({OBS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'phone', ?7, ?7)"),
                    params![o.id, o.profile_id, o.class_id, o.routine_id, observer, o.observed_on, t],
                )
                .map_err(err)?;
            for (i, m) in o.steps.iter().enumerate() {
                s.conn
                    .execute(
                        "INSERT INTO observation_mark (observation_id, step_id, position, mark, note, timed_ms)
                         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                        params![o.id, m.step_id, i as u32, m.mark, m.note, m.timed_ms.map(|ms| ms as i64)],
                    )
                    .map_err(err)?;
            }
            Ok(Received::Saved)
        })
    }

    /// Saves a visit sent from a phone (its `id` the instance id, its class the served one),
    /// once; a visit of the same person on the same day from elsewhere is refused as a
    /// duplicate.
    pub fn receive_visit(&self, v: &VisitRecord) -> Result<Received> {
        let class_id = v.class_id.as_deref().unwrap_or_default();
        self.write(|s| {
            let name =
                match s.phone_checks(&v.id, class_id, ("visit", &v.profile_id, &v.visited_on))? {
                    Checked::New(name) => name,
                    Checked::Seen(r) => return Ok(r),
                };
            if s.same_visit(&v.profile_id, &v.visited_on)?.is_some() {
                return Err(StoreError::Duplicate(name));
            }
            let record = VisitRecord {
                mode: Mode::Phone,
                created: now(),
                ..v.clone()
            };
            insert_visit(&s.conn, &record).map_err(|e| s.err(e))?;
            Ok(Received::Saved)
        })
    }

    /// The password of a class's form server: the one kept, or `fresh` kept from now on.
    pub fn forms_password(&self, class_id: &str, fresh: &str) -> Result<String> {
        self.write(|s| {
            s.conn
                .execute(
                    "INSERT OR IGNORE INTO forms_access (class_id, password) VALUES (?1, ?2)",
                    params![class_id, fresh],
                )
                .map_err(|e| s.err(e))?;
            s.conn
                .query_row(
                    "SELECT password FROM forms_access WHERE class_id = ?1",
                    [class_id],
                    |r| r.get(0),
                )
                .map_err(|e| s.err(e))
        })
    }
}
