//! Schema migrations by `PRAGMA user_version`, each in its own transaction. Before the first
//! migration of an existing file to a new version, a copy of the file is kept beside it.

use std::path::{Path, PathBuf};

use rusqlite::{Connection, TransactionBehavior};

use super::error::StoreError;

/// Each entry takes the schema from version `i` to `i + 1`. Never edit a shipped entry: add one.
pub(super) const MIGRATIONS: &[&str] = &[
    // 1: profiles, classes, quiz attempts and answers, settings.
    "CREATE TABLE profile (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        name_key TEXT NOT NULL UNIQUE,
        role TEXT NOT NULL CHECK (role IN ('father', 'cadre', 'midwife', 'other')),
        lang TEXT,
        created TEXT NOT NULL,
        last_used TEXT NOT NULL
    );
    CREATE TABLE class (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        name_key TEXT NOT NULL UNIQUE,
        place TEXT,
        starts TEXT,
        ends TEXT,
        trainer TEXT,
        created TEXT NOT NULL
    );
    CREATE TABLE class_member (
        class_id TEXT NOT NULL REFERENCES class (id),
        profile_id TEXT NOT NULL REFERENCES profile (id),
        added TEXT NOT NULL,
        PRIMARY KEY (class_id, profile_id)
    );
    CREATE TABLE attempt (
        id TEXT PRIMARY KEY,
        profile_id TEXT NOT NULL REFERENCES profile (id),
        class_id TEXT REFERENCES class (id),
        quiz_id TEXT NOT NULL,
        phase TEXT NOT NULL CHECK (phase IN ('pre', 'post', 'practice')),
        seed INTEGER NOT NULL,
        shuffle INTEGER NOT NULL,
        question_count INTEGER NOT NULL,
        content_version TEXT NOT NULL,
        app_version TEXT NOT NULL,
        mode TEXT NOT NULL,
        started TEXT NOT NULL,
        finished TEXT,
        right_count INTEGER
    );
    CREATE INDEX attempt_by_profile ON attempt (profile_id, quiz_id, phase);
    CREATE INDEX attempt_by_time ON attempt (profile_id, started);
    CREATE TABLE answer (
        attempt_id TEXT NOT NULL REFERENCES attempt (id),
        question_id TEXT NOT NULL,
        position INTEGER NOT NULL,
        response TEXT NOT NULL,
        correct INTEGER NOT NULL,
        answered TEXT NOT NULL,
        PRIMARY KEY (attempt_id, question_id)
    );
    CREATE TABLE setting (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );",
    // 2: guided practice runs with each step's time and self-check, and pages read.
    "CREATE TABLE practice_run (
        id TEXT PRIMARY KEY,
        profile_id TEXT NOT NULL REFERENCES profile (id),
        routine_id TEXT NOT NULL,
        speed REAL NOT NULL,
        content_version TEXT NOT NULL,
        app_version TEXT NOT NULL,
        started TEXT NOT NULL,
        finished TEXT
    );
    CREATE INDEX practice_by_profile ON practice_run (profile_id, started);
    CREATE TABLE practice_step (
        run_id TEXT NOT NULL REFERENCES practice_run (id),
        step_id TEXT NOT NULL,
        position INTEGER NOT NULL,
        planned_seconds INTEGER,
        spent_ms INTEGER NOT NULL DEFAULT 0,
        done_well INTEGER,
        PRIMARY KEY (run_id, step_id)
    );
    CREATE TABLE page_view (
        profile_id TEXT NOT NULL REFERENCES profile (id),
        module_id TEXT NOT NULL,
        page INTEGER NOT NULL,
        viewed TEXT NOT NULL,
        PRIMARY KEY (profile_id, module_id, page)
    );",
    // 3: answer sheets typed in (a replaced sheet result is kept, marked), and grid drafts.
    "ALTER TABLE attempt ADD COLUMN replaced_by TEXT REFERENCES attempt (id);
    CREATE TABLE sheet_draft (
        class_id TEXT NOT NULL REFERENCES class (id),
        quiz_id TEXT NOT NULL,
        phase TEXT NOT NULL,
        profile_id TEXT NOT NULL REFERENCES profile (id),
        answers TEXT NOT NULL,
        updated TEXT NOT NULL,
        PRIMARY KEY (class_id, quiz_id, phase, profile_id)
    );",
    // 4: a trainee from another laptop's bundle, matched here by name, keeps that laptop's id as
    // an alias, so importing again finds the same record by id.
    "CREATE TABLE profile_alias (
        alias TEXT PRIMARY KEY,
        profile_id TEXT NOT NULL REFERENCES profile (id)
    );",
    // 5: monitoring: observations with the checklist mark of each step, and follow-up visits.
    "CREATE TABLE observation (
        id TEXT PRIMARY KEY,
        profile_id TEXT NOT NULL REFERENCES profile (id),
        class_id TEXT REFERENCES class (id),
        routine_id TEXT NOT NULL,
        observer TEXT NOT NULL,
        observed_on TEXT NOT NULL,
        mode TEXT NOT NULL,
        created TEXT NOT NULL,
        finished TEXT,
        replaced_by TEXT REFERENCES observation (id)
    );
    CREATE INDEX observation_by_profile ON observation (profile_id, observed_on);
    CREATE TABLE observation_mark (
        observation_id TEXT NOT NULL REFERENCES observation (id),
        step_id TEXT NOT NULL,
        position INTEGER NOT NULL,
        mark INTEGER CHECK (mark IN (0, 1, 2)),
        note TEXT,
        timed_ms INTEGER,
        PRIMARY KEY (observation_id, step_id)
    );
    CREATE TABLE visit (
        id TEXT PRIMARY KEY,
        profile_id TEXT NOT NULL REFERENCES profile (id),
        class_id TEXT REFERENCES class (id),
        visited_on TEXT NOT NULL,
        milk_flow TEXT NOT NULL CHECK (milk_flow IN ('yes', 'no', 'unsure')),
        comfort INTEGER NOT NULL CHECK (comfort BETWEEN 1 AND 5),
        massages_per_day INTEGER,
        notes TEXT,
        mode TEXT NOT NULL,
        created TEXT NOT NULL,
        replaced_by TEXT REFERENCES visit (id)
    );
    CREATE INDEX visit_by_profile ON visit (profile_id, visited_on);",
    // 6: one pre-test and one post-test per trainee per set, as a rule of the schema. Where two
    // windows raced before this rule, the finished attempt (else the latest) stands and the
    // others are marked replaced by it, their answers kept. And pijat's application id.
    "UPDATE attempt SET replaced_by = (
        SELECT k.id FROM attempt k
        WHERE k.profile_id = attempt.profile_id AND k.quiz_id = attempt.quiz_id
          AND k.phase = attempt.phase AND k.replaced_by IS NULL
        ORDER BY (k.finished IS NULL), k.finished, k.started DESC, k.id LIMIT 1)
    WHERE phase IN ('pre', 'post') AND replaced_by IS NULL AND id <> (
        SELECT k.id FROM attempt k
        WHERE k.profile_id = attempt.profile_id AND k.quiz_id = attempt.quiz_id
          AND k.phase = attempt.phase AND k.replaced_by IS NULL
        ORDER BY (k.finished IS NULL), k.finished, k.started DESC, k.id LIMIT 1);
    CREATE UNIQUE INDEX one_test_each ON attempt (profile_id, quiz_id, phase)
        WHERE phase IN ('pre', 'post') AND replaced_by IS NULL;
    PRAGMA application_id = 1346980436;",
    // 7: a trainee's personal code (a slow hash, and the wrong tries that make the next wait).
    "CREATE TABLE profile_code (
        profile_id TEXT PRIMARY KEY REFERENCES profile (id),
        hash TEXT NOT NULL,
        failures INTEGER NOT NULL DEFAULT 0,
        wait_until INTEGER NOT NULL DEFAULT 0
    );",
    // 8: the closed vocabularies the schema did not yet check (how an attempt, observation or
    // visit came in, a trainee's language, a draft's phase) are checked on every write. Rows
    // already here are checked first through a table with the same rules: one that breaks them
    // stops the migration and nothing changes (no row is dropped or rewritten).
    "CREATE TEMP TABLE vocabulary_check (
        attempt_mode TEXT CHECK (attempt_mode IN ('app', 'plain', 'sheet', 'phone')),
        record_mode TEXT CHECK (record_mode IN ('app', 'sheet')),
        lang TEXT CHECK (lang IN ('id', 'en')),
        phase TEXT CHECK (phase IN ('pre', 'post', 'practice'))
    );
    INSERT INTO temp.vocabulary_check (attempt_mode) SELECT mode FROM attempt;
    INSERT INTO temp.vocabulary_check (record_mode) SELECT mode FROM observation;
    INSERT INTO temp.vocabulary_check (record_mode) SELECT mode FROM visit;
    INSERT INTO temp.vocabulary_check (lang) SELECT lang FROM profile;
    INSERT INTO temp.vocabulary_check (phase) SELECT phase FROM sheet_draft;
    DROP TABLE temp.vocabulary_check;
    CREATE TRIGGER attempt_mode_insert BEFORE INSERT ON attempt
        WHEN NEW.mode NOT IN ('app', 'plain', 'sheet', 'phone')
        BEGIN SELECT RAISE(ABORT, 'attempt.mode: not a mode pijat knows'); END;
    CREATE TRIGGER attempt_mode_update BEFORE UPDATE OF mode ON attempt
        WHEN NEW.mode NOT IN ('app', 'plain', 'sheet', 'phone')
        BEGIN SELECT RAISE(ABORT, 'attempt.mode: not a mode pijat knows'); END;
    CREATE TRIGGER observation_mode_insert BEFORE INSERT ON observation
        WHEN NEW.mode NOT IN ('app', 'sheet')
        BEGIN SELECT RAISE(ABORT, 'observation.mode: not a mode pijat knows'); END;
    CREATE TRIGGER observation_mode_update BEFORE UPDATE OF mode ON observation
        WHEN NEW.mode NOT IN ('app', 'sheet')
        BEGIN SELECT RAISE(ABORT, 'observation.mode: not a mode pijat knows'); END;
    CREATE TRIGGER visit_mode_insert BEFORE INSERT ON visit
        WHEN NEW.mode NOT IN ('app', 'sheet')
        BEGIN SELECT RAISE(ABORT, 'visit.mode: not a mode pijat knows'); END;
    CREATE TRIGGER visit_mode_update BEFORE UPDATE OF mode ON visit
        WHEN NEW.mode NOT IN ('app', 'sheet')
        BEGIN SELECT RAISE(ABORT, 'visit.mode: not a mode pijat knows'); END;
    CREATE TRIGGER profile_lang_insert BEFORE INSERT ON profile
        WHEN NEW.lang IS NOT NULL AND NEW.lang NOT IN ('id', 'en')
        BEGIN SELECT RAISE(ABORT, 'profile.lang: not a language pijat knows'); END;
    CREATE TRIGGER profile_lang_update BEFORE UPDATE OF lang ON profile
        WHEN NEW.lang IS NOT NULL AND NEW.lang NOT IN ('id', 'en')
        BEGIN SELECT RAISE(ABORT, 'profile.lang: not a language pijat knows'); END;
    CREATE TRIGGER sheet_draft_phase_insert BEFORE INSERT ON sheet_draft
        WHEN NEW.phase NOT IN ('pre', 'post', 'practice')
        BEGIN SELECT RAISE(ABORT, 'sheet_draft.phase: not a phase pijat knows'); END;
    CREATE TRIGGER sheet_draft_phase_update BEFORE UPDATE OF phase ON sheet_draft
        WHEN NEW.phase NOT IN ('pre', 'post', 'practice')
        BEGIN SELECT RAISE(ABORT, 'sheet_draft.phase: not a phase pijat knows'); END;",
    // 9: the programme's outcome. A father's baby's date of birth and a contact line (address or
    // phone, for the cadre's visit list only); the cadre who visits each member of a class; and
    // at each visit the 24-hour feeding recall (one answer per kind of food or drink, all NULL
    // on a visit made before it was asked) and the danger signs with the referral.
    "ALTER TABLE profile ADD COLUMN baby_born TEXT;
    ALTER TABLE profile ADD COLUMN contact TEXT;
    ALTER TABLE class_member ADD COLUMN cadre_id TEXT REFERENCES profile (id);
    ALTER TABLE visit ADD COLUMN fed_breast_milk TEXT CHECK (fed_breast_milk IN ('yes', 'no', 'unknown'));
    ALTER TABLE visit ADD COLUMN fed_water TEXT CHECK (fed_water IN ('yes', 'no', 'unknown'));
    ALTER TABLE visit ADD COLUMN fed_formula TEXT CHECK (fed_formula IN ('yes', 'no', 'unknown'));
    ALTER TABLE visit ADD COLUMN fed_other_milk TEXT CHECK (fed_other_milk IN ('yes', 'no', 'unknown'));
    ALTER TABLE visit ADD COLUMN fed_drinks TEXT CHECK (fed_drinks IN ('yes', 'no', 'unknown'));
    ALTER TABLE visit ADD COLUMN fed_food TEXT CHECK (fed_food IN ('yes', 'no', 'unknown'));
    ALTER TABLE visit ADD COLUMN fed_medicine TEXT CHECK (fed_medicine IN ('yes', 'no', 'unknown'));
    ALTER TABLE visit ADD COLUMN danger_mother INTEGER CHECK (danger_mother IN (0, 1));
    ALTER TABLE visit ADD COLUMN danger_baby INTEGER CHECK (danger_baby IN (0, 1));
    ALTER TABLE visit ADD COLUMN referred_to TEXT;",
    // 10: cadres' phones (ODK Collect). An observation or a visit may now come in from a phone
    // (its record id is the form's instance id, so a resend finds it); and the password a
    // class's phones use to reach the laptop's form server.
    "DROP TRIGGER observation_mode_insert;
    DROP TRIGGER observation_mode_update;
    DROP TRIGGER visit_mode_insert;
    DROP TRIGGER visit_mode_update;
    CREATE TRIGGER observation_mode_insert BEFORE INSERT ON observation
        WHEN NEW.mode NOT IN ('app', 'sheet', 'phone')
        BEGIN SELECT RAISE(ABORT, 'observation.mode: not a mode pijat knows'); END;
    CREATE TRIGGER observation_mode_update BEFORE UPDATE OF mode ON observation
        WHEN NEW.mode NOT IN ('app', 'sheet', 'phone')
        BEGIN SELECT RAISE(ABORT, 'observation.mode: not a mode pijat knows'); END;
    CREATE TRIGGER visit_mode_insert BEFORE INSERT ON visit
        WHEN NEW.mode NOT IN ('app', 'sheet', 'phone')
        BEGIN SELECT RAISE(ABORT, 'visit.mode: not a mode pijat knows'); END;
    CREATE TRIGGER visit_mode_update BEFORE UPDATE OF mode ON visit
        WHEN NEW.mode NOT IN ('app', 'sheet', 'phone')
        BEGIN SELECT RAISE(ABORT, 'visit.mode: not a mode pijat knows'); END;
    CREATE TABLE forms_access (
        class_id TEXT PRIMARY KEY REFERENCES class (id),
        password TEXT NOT NULL
    );",
];

/// The newest data version this pijat writes.
pub const LATEST_VERSION: i64 = MIGRATIONS.len() as i64;

fn version(conn: &Connection) -> rusqlite::Result<i64> {
    conn.query_row("PRAGMA user_version", [], |r| r.get(0))
}

/// A name for the copy kept before migrating from `from`, never overwriting an older copy.
fn backup_path(path: &Path, from: i64) -> PathBuf {
    let base = path.with_extension(format!("db.v{from}.bak"));
    if !base.exists() {
        return base;
    }
    let stamp = chrono::Utc::now().format("%Y%m%d%H%M%S");
    path.with_extension(format!("db.v{from}.{stamp}.bak"))
}

/// Held while a file is migrated; `pijat.db.lock` stays beside the file, empty.
fn lock(path: &Path) -> Result<std::fs::File, StoreError> {
    let at = path.with_extension("db.lock");
    let f = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&at)
        .map_err(|e| StoreError::io(&at, e))?;
    f.lock().map_err(|e| StoreError::io(&at, e))?;
    Ok(f)
}

pub(crate) fn migrate(conn: &mut Connection, path: &Path) -> Result<(), StoreError> {
    migrate_with(conn, path, MIGRATIONS)
}

/// Every migration on a new, empty database (see `fresh`), each in its own transaction.
pub(crate) fn apply_all(conn: &mut Connection) -> rusqlite::Result<()> {
    for (i, sql) in MIGRATIONS.iter().enumerate() {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", i as i64 + 1)?;
        tx.commit()?;
    }
    Ok(())
}

pub(super) fn migrate_with(
    conn: &mut Connection,
    path: &Path,
    migrations: &[&str],
) -> Result<(), StoreError> {
    let latest = migrations.len() as i64;
    let err = |e| StoreError::sqlite(path, e);
    let found = version(conn).map_err(err)?;
    if found > latest {
        return Err(StoreError::Newer {
            path: path.to_path_buf(),
            found,
            known: latest,
        });
    }
    if found == latest {
        return Ok(());
    }
    // Several windows may open an old file at once: one migrates (and keeps the copy) while
    // the others wait here, then find it done.
    let _lock = lock(path)?;
    let found = version(conn).map_err(err)?;
    if found == latest {
        return Ok(());
    }
    if found > 0 {
        let copy = backup_path(path, found);
        conn.execute("VACUUM INTO ?1", [copy.to_string_lossy()])
            .map_err(err)?;
    }
    for (i, sql) in migrations.iter().enumerate() {
        let to = i as i64 + 1;
        let tx = conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(err)?;
        // Another pijat window may have migrated while this one waited for the lock.
        if version(&tx).map_err(err)? >= to {
            continue;
        }
        tx.execute_batch(sql).map_err(err)?;
        tx.pragma_update(None, "user_version", to).map_err(err)?;
        tx.commit().map_err(err)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests;
