//! Quiz attempts and their answers, one row per answer, committed as it is given.

use pijat_core::records::AttemptRecord;
use rusqlite::{OptionalExtension, Row, params};

use super::{Result, Store, now};
use crate::vocab::Sql;
use pijat_core::{Mode, Phase};

/// What starting an attempt records.
#[derive(Clone, Debug)]
pub struct NewAttempt<'a> {
    /// The person it belongs to.
    pub profile_id: &'a str,
    /// The class it was made in, if any.
    pub class_id: Option<&'a str>,
    /// The question set.
    pub quiz_id: &'a str,
    /// Pre-test, post-test or practice.
    pub phase: Phase,
    /// The seed of its question order.
    pub seed: u64,
    /// Whether questions and options were shown in a mixed order.
    pub shuffle: bool,
    /// How many questions it has.
    pub question_count: u32,
    /// The content it was taken with.
    pub content_version: &'a str,
    /// How the answers came in.
    pub mode: Mode,
}

/// One answer of an attempt as saved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AnswerRow {
    /// The question.
    pub question_id: String,
    /// Its place, from 0.
    pub position: u32,
    /// The answer as saved.
    pub response: String,
    /// Whether it was right when given.
    pub correct: bool,
    /// When it was given.
    pub answered: String,
}

const COLUMNS: &str = "a.id, a.profile_id, a.class_id, a.quiz_id, a.phase, a.seed, a.shuffle,
    a.question_count, a.content_version, a.mode, a.started, a.finished, a.right_count,
    CASE WHEN a.finished IS NULL THEN (SELECT count(*) FROM answer WHERE attempt_id = a.id)
         ELSE a.question_count END,
    a.app_version, a.replaced_by";

fn from_row(r: &Row) -> rusqlite::Result<AttemptRecord> {
    let phase: String = r.get(4)?;
    let seed: i64 = r.get(5)?;
    Ok(AttemptRecord {
        id: r.get(0)?,
        profile_id: r.get(1)?,
        class_id: r.get(2)?,
        quiz_id: r.get(3)?,
        phase: Phase::from_name(&phase).unwrap_or(Phase::Practice),
        // SQLite integers are signed; the seed's bits are kept as they are.
        seed: seed as u64,
        shuffle: r.get(6)?,
        question_count: r.get(7)?,
        content_version: r.get(8)?,
        mode: r.get::<_, Sql<Mode>>(9)?.0,
        started: r.get(10)?,
        finished: r.get(11)?,
        right: r.get(12)?,
        answered: r.get(13)?,
        app_version: r.get(14)?,
        replaced_by: r.get(15)?,
    })
}

impl Store {
    /// Starts an attempt; the attempt as saved.
    pub fn start_attempt(&self, a: &NewAttempt) -> Result<AttemptRecord> {
        let id = uuid::Uuid::new_v4().to_string();
        self.conn
            .execute(
                "INSERT INTO attempt (id, profile_id, class_id, quiz_id, phase, seed, shuffle,
                     question_count, content_version, app_version, mode, started)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
                params![
                    id,
                    a.profile_id,
                    a.class_id,
                    a.quiz_id,
                    a.phase.name(),
                    a.seed as i64,
                    a.shuffle,
                    a.question_count,
                    a.content_version,
                    env!("CARGO_PKG_VERSION"),
                    Sql(a.mode),
                    now()
                ],
            )
            .map_err(|e| self.err(e))?;
        self.attempt(&id)
    }

    /// The attempt `id`.
    pub fn attempt(&self, id: &str) -> Result<AttemptRecord> {
        self.conn
            .query_row(
                &format!("SELECT {COLUMNS} FROM attempt a WHERE a.id = ?1"),
                [id],
                from_row,
            )
            .map_err(|e| self.err(e))
    }

    /// Attempts of a profile at a quiz in a phase, oldest first.
    pub fn attempts_at(
        &self,
        profile_id: &str,
        quiz_id: &str,
        phase: Phase,
    ) -> Result<Vec<AttemptRecord>> {
        self.query_attempts(
            &format!(
                "SELECT {COLUMNS} FROM attempt a
                 WHERE a.profile_id = ?1 AND a.quiz_id = ?2 AND a.phase = ?3 AND a.replaced_by IS NULL
                 ORDER BY a.started, a.id"
            ),
            params![profile_id, quiz_id, phase.name()],
        )
    }

    /// Every attempt of a profile, oldest first.
    pub fn attempts_of(&self, profile_id: &str) -> Result<Vec<AttemptRecord>> {
        self.query_attempts(
            &format!(
                "SELECT {COLUMNS} FROM attempt a WHERE a.profile_id = ?1 AND a.replaced_by IS NULL
                 ORDER BY a.started, a.id"
            ),
            params![profile_id],
        )
    }

    /// Every attempt of a profile, replaced ones too (for export), oldest first.
    pub fn all_attempts_of(&self, profile_id: &str) -> Result<Vec<AttemptRecord>> {
        self.query_attempts(
            &format!(
                "SELECT {COLUMNS} FROM attempt a WHERE a.profile_id = ?1 ORDER BY a.started, a.id"
            ),
            params![profile_id],
        )
    }

    fn query_attempts(&self, sql: &str, p: impl rusqlite::Params) -> Result<Vec<AttemptRecord>> {
        let mut st = self.conn.prepare_cached(sql).map_err(|e| self.err(e))?;
        let rows = st.query_map(p, from_row).map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<_>>()
            .map_err(|e| self.err(e))
    }

    /// Saves one answer, committed before this returns. `false` when the question was already
    /// answered in this attempt (by another window): the first answer stands. An empty answer
    /// saved by an older pijat (nothing chosen) is no answer: the new one takes its row.
    pub fn save_answer(
        &self,
        attempt_id: &str,
        question_id: &str,
        position: u32,
        response: &str,
        correct: bool,
    ) -> Result<bool> {
        let mut st = self
            .conn
            .prepare_cached(
                "INSERT INTO answer (attempt_id, question_id, position, response, correct, answered)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                 ON CONFLICT (attempt_id, question_id) DO UPDATE
                   SET position = excluded.position, response = excluded.response,
                       correct = excluded.correct, answered = excluded.answered
                   WHERE answer.response = ''",
            )
            .map_err(|e| self.err(e))?;
        let n = st
            .execute(params![
                attempt_id,
                question_id,
                position,
                response,
                correct,
                now()
            ])
            .map_err(|e| self.err(e))?;
        Ok(n == 1)
    }

    /// An attempt's answers, in the order given.
    pub fn answers(&self, attempt_id: &str) -> Result<Vec<AnswerRow>> {
        let mut st = self
            .conn
            .prepare_cached(
                "SELECT question_id, position, response, correct, answered FROM answer
                 WHERE attempt_id = ?1 ORDER BY position",
            )
            .map_err(|e| self.err(e))?;
        let rows = st
            .query_map([attempt_id], |r| {
                Ok(AnswerRow {
                    question_id: r.get(0)?,
                    position: r.get(1)?,
                    response: r.get(2)?,
                    correct: r.get(3)?,
                    answered: r.get(4)?,
                })
            })
            .map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<_>>()
            .map_err(|e| self.err(e))
    }

    /// An unfinished attempt goes on under a question set that now has `count` questions.
    pub fn set_question_count(&self, attempt_id: &str, count: u32) -> Result<()> {
        self.conn
            .execute(
                "UPDATE attempt SET question_count = ?2 WHERE id = ?1 AND finished IS NULL",
                params![attempt_id, count],
            )
            .map(drop)
            .map_err(|e| self.err(e))
    }

    /// Marks the attempt finished with its score, once: a second finish changes nothing.
    pub fn finish_attempt(&self, attempt_id: &str, right: u32) -> Result<()> {
        self.conn
            .execute(
                "UPDATE attempt SET finished = ?2, right_count = ?3 WHERE id = ?1 AND finished IS NULL",
                params![attempt_id, now(), right],
            )
            .map(drop)
            .map_err(|e| self.err(e))
    }

    /// The latest unfinished attempt of a profile at a quiz in a phase.
    pub fn open_attempt(
        &self,
        profile_id: &str,
        quiz_id: &str,
        phase: Phase,
    ) -> Result<Option<AttemptRecord>> {
        self.conn
            .query_row(
                &format!(
                    "SELECT {COLUMNS} FROM attempt a
                     WHERE a.profile_id = ?1 AND a.quiz_id = ?2 AND a.phase = ?3 AND a.finished IS NULL
                       AND a.replaced_by IS NULL
                     ORDER BY a.started DESC LIMIT 1"
                ),
                params![profile_id, quiz_id, phase.name()],
                from_row,
            )
            .optional()
            .map_err(|e| self.err(e))
    }
}

#[cfg(test)]
mod tests;

/// One answer of a finished pre-test or post-test, for reports.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ResultRow {
    /// The person it belongs to.
    pub profile_id: String,
    /// The attempt.
    pub attempt_id: String,
    /// Pre-test, post-test or practice.
    pub phase: Phase,
    /// When it ended.
    pub finished: String,
    /// `None` for an attempt without answers.
    pub question_id: Option<String>,
    /// Whether it was right when given.
    pub correct: bool,
    /// The answer as saved.
    pub response: Option<String>,
}

impl Store {
    /// Every answer of the finished, current pre-tests and post-tests of a quiz (of a class's
    /// members when a class is given): one query for a whole class, in no particular order
    /// (sorting 200,000 answers in SQL cost more than the rest of a report).
    pub fn test_results(&self, quiz_id: &str, class_id: Option<&str>) -> Result<Vec<ResultRow>> {
        let mut st = self
            .conn
            .prepare_cached(&format!(
                "SELECT a.profile_id, a.id, a.phase, a.finished, w.question_id, coalesce(w.correct, 0), w.response
                 FROM attempt a LEFT JOIN answer w ON w.attempt_id = a.id
                 WHERE a.quiz_id = ?1 AND a.finished IS NOT NULL AND a.replaced_by IS NULL
                   AND a.phase IN ('pre', 'post') AND {}",
                crate::monitoring::members_only("a.profile_id", "?2", class_id)
            ))
            .map_err(|e| self.err(e))?;
        let rows = st
            .query_map(params![quiz_id, class_id], |r| {
                let phase: String = r.get(2)?;
                Ok(ResultRow {
                    profile_id: r.get(0)?,
                    attempt_id: r.get(1)?,
                    phase: Phase::from_name(&phase).unwrap_or(Phase::Pre),
                    finished: r.get(3)?,
                    question_id: r.get(4)?,
                    correct: r.get(5)?,
                    response: r.get(6)?,
                })
            })
            .map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<_>>()
            .map_err(|e| self.err(e))
    }
}
