//! Persistence: one SQLite file in the data folder. Every answer, step and tick is committed
//! when it happens (WAL, `synchronous = FULL`), so a closed lid or a pulled plug loses at most
//! the keypress in flight. Knows nothing of engines or terminals.

mod attempts;
mod bundle;
mod classes;
mod codes;
mod error;
mod fresh;
mod migrate;
mod monitoring;
mod pin;
mod practice;
mod profiles;
mod recognise;
mod sheets;
mod tidy;
mod vocab;

#[cfg(test)]
mod open_tests;

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};

pub use attempts::{AnswerRow, NewAttempt, ResultRow};
pub use bundle::{BUNDLE_VERSION, Payload, read_bundle, write_bundle};
pub use error::StoreError;
pub use migrate::LATEST_VERSION;
pub use monitoring::{PhoneMark, PhoneObservation, Received};
pub use pijat_core::records::*;
pub use pijat_core::{MilkFlow, NameError, Role, clean_name, name_key};
pub use pin::delay_after;
pub use recognise::APPLICATION_ID;

/// What the store answers.
pub type Result<T> = std::result::Result<T, StoreError>;

/// The data file's name in the data folder.
pub const FILE_NAME: &str = "pijat.db";

/// How long a writer waits for another pijat window before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(30);

/// The data folder: `--data-dir` / `PIJAT_DATA_DIR`, else the user's data folder.
pub fn default_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "pijat").map(|d| d.data_dir().to_path_buf())
}

/// The data file, open for reading and writing.
pub struct Store {
    conn: Connection,
    path: PathBuf,
}

/// Now, as stored: UTC, RFC 3339 with milliseconds, so text order is time order.
pub fn now() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

impl Store {
    /// Opens (creating if needed) the data file in `dir` and brings its schema up to date.
    /// Refuses, without changing a byte of it, a file that is not pijat's, is damaged or empty,
    /// or is from a newer pijat.
    pub fn open(dir: &Path) -> Result<Store> {
        std::fs::create_dir_all(dir).map_err(|e| StoreError::io(dir, e))?;
        let path = dir.join(FILE_NAME);
        tidy::remove_stale(dir);
        if recognise::inspect(&path)? == recognise::Found::Missing {
            fresh::create(&path).map_err(|e| StoreError::sqlite(&path, e))?;
            recognise::inspect(&path)?;
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn =
            Connection::open_with_flags(&path, flags).map_err(|e| StoreError::sqlite(&path, e))?;
        conn.busy_timeout(BUSY_TIMEOUT)
            .map_err(|e| StoreError::sqlite(&path, e))?;
        let mut store = Store { conn, path };
        store.configure().map_err(|e| store.err(e))?;
        migrate::migrate(&mut store.conn, &store.path)?;
        Ok(store)
    }

    /// Opens the data file only to read it (history, reports, export): nothing is written, so
    /// it works in a read-only folder or on a write-protected flash drive. `None` when there is
    /// no data file yet. A file that needs a schema upgrade is opened as [`Store::open`] does.
    pub fn open_read(dir: &Path) -> Result<Option<Store>> {
        let path = dir.join(FILE_NAME);
        match recognise::inspect(&path)? {
            recognise::Found::Missing => return Ok(None),
            recognise::Found::Pijat { version } if version < LATEST_VERSION => {
                return Store::open(dir).map(Some);
            }
            recognise::Found::Pijat { .. } => {}
        }
        let conn = recognise::read_only(&path).map_err(|e| StoreError::sqlite(&path, e))?;
        conn.busy_timeout(BUSY_TIMEOUT)
            .map_err(|e| StoreError::sqlite(&path, e))?;
        Ok(Some(Store { conn, path }))
    }

    /// Reading a data folder that has no data file yet: an empty store in memory, so a
    /// read-only command shows "nothing yet" without making a file.
    pub fn open_read_or_empty(dir: &Path) -> Result<Store> {
        if let Some(s) = Store::open_read(dir)? {
            return Ok(s);
        }
        let path = dir.join(FILE_NAME);
        let mut conn = Connection::open_in_memory().map_err(|e| StoreError::sqlite(&path, e))?;
        migrate::apply_all(&mut conn).map_err(|e| StoreError::sqlite(&path, e))?;
        Ok(Store { conn, path })
    }

    fn configure(&self) -> rusqlite::Result<()> {
        // Switching an old file to WAL needs it to itself for a moment, and SQLite answers
        // "locked" at once instead of waiting when another window is opening it too: wait here.
        let start = std::time::Instant::now();
        loop {
            match self
                .conn
                .query_row("PRAGMA journal_mode = WAL", [], |r| r.get::<_, String>(0))
            {
                Err(e)
                    if e.sqlite_error_code() == Some(rusqlite::ErrorCode::DatabaseBusy)
                        && start.elapsed() < BUSY_TIMEOUT =>
                {
                    std::thread::sleep(Duration::from_millis(20));
                }
                done => break done.map(drop)?,
            }
        }
        self.conn.pragma_update(None, "synchronous", "FULL")?;
        self.conn.pragma_update(None, "foreign_keys", "ON")?;
        Ok(())
    }

    /// Runs `f` in one write transaction: what it checks and what it writes see one state, and
    /// no other window writes in between. Everything `f` wrote is undone when it fails. Inside
    /// another `write`, `f` simply joins that transaction.
    pub fn write<T>(&self, f: impl FnOnce(&Store) -> Result<T>) -> Result<T> {
        if !self.conn.is_autocommit() {
            return f(self);
        }
        self.conn
            .execute_batch("BEGIN IMMEDIATE")
            .map_err(|e| self.err(e))?;
        let done = f(self).and_then(|v| {
            self.conn
                .execute_batch("COMMIT")
                .map(|()| v)
                .map_err(|e| self.err(e))
        });
        if done.is_err() && !self.conn.is_autocommit() {
            let _ = self.conn.execute_batch("ROLLBACK");
        }
        done
    }

    /// The data file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    fn err(&self, e: rusqlite::Error) -> StoreError {
        StoreError::sqlite(&self.path, e)
    }

    /// A stored setting (`bell`, `voice`…).
    pub fn setting(&self, key: &str) -> Result<Option<String>> {
        use rusqlite::OptionalExtension;
        self.conn
            .query_row("SELECT value FROM setting WHERE key = ?1", [key], |r| {
                r.get(0)
            })
            .optional()
            .map_err(|e| self.err(e))
    }

    /// Keeps a setting in the data file.
    pub fn set_setting(&self, key: &str, value: &str) -> Result<()> {
        self.conn
            .execute(
                "INSERT INTO setting (key, value) VALUES (?1, ?2)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                [key, value],
            )
            .map(drop)
            .map_err(|e| self.err(e))
    }
}

#[cfg(test)]
pub(crate) mod test_support {
    use super::*;

    pub(crate) fn temp_store() -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        (dir, store)
    }
}
