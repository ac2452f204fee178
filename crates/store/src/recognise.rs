//! Knows pijat's own data file before anything writes to it. A file that is empty, cut short,
//! damaged, another program's database or from a newer pijat is refused with every byte of it
//! (and of its WAL) as it was: the checks read the raw header, then look inside through a
//! read-only connection, which never checkpoints or deletes a WAL.

use std::io::Read;
use std::path::Path;

use rusqlite::{Connection, OpenFlags};

use super::error::StoreError;
use super::migrate::LATEST_VERSION;

/// `PRAGMA application_id` of every pijat file: "PIJT".
pub const APPLICATION_ID: i32 = 0x5049_4A54;

/// The tables pijat has ever made; a file made before the application id was set is known by
/// holding these and nothing else.
const OWN_TABLES: &[&str] = &[
    "profile",
    "class",
    "class_member",
    "attempt",
    "answer",
    "setting",
    "practice_run",
    "practice_step",
    "page_view",
    "sheet_draft",
    "profile_alias",
    "observation",
    "observation_mark",
    "visit",
    "profile_code",
];

/// What is at the data file's place.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Found {
    Missing,
    /// pijat's file at this schema version.
    Pijat {
        version: i64,
    },
}

/// Looks at `path` without changing it.
pub(crate) fn inspect(path: &Path) -> Result<Found, StoreError> {
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Found::Missing),
        Err(e) => return Err(StoreError::io(path, e)),
    };
    if !meta.is_file() {
        return Err(StoreError::NotAFile(path.to_path_buf()));
    }
    if meta.len() == 0 {
        return Err(StoreError::Empty(path.to_path_buf()));
    }
    let damaged = |detail: &str| StoreError::Corrupt {
        path: path.to_path_buf(),
        detail: detail.to_string(),
    };
    let head = read_header(path)?;
    // The 100-byte header, as a fixed array: every field below is at a known place in it.
    let head: [u8; 100] = match head.get(..100).map(<[u8; 100]>::try_from) {
        Some(Ok(h)) if h.starts_with(b"SQLite format 3\0") => h,
        _ => {
            return Err(StoreError::Foreign {
                path: path.to_path_buf(),
                what: None,
            });
        }
    };
    let page_size = match u16::from_be_bytes([head[16], head[17]]) {
        1 => 65536,
        n => u64::from(n),
    };
    if !(512..=65536).contains(&page_size) || !page_size.is_power_of_two() {
        return Err(damaged("page size"));
    }
    if meta.len() % page_size != 0 {
        return Err(damaged("cut short: not a whole number of pages"));
    }
    let pages = u64::from(u32::from_be_bytes([head[28], head[29], head[30], head[31]]));
    let pages_valid = head[92..96] == head[24..28];
    if pages_valid && meta.len() < pages * page_size {
        return Err(damaged("cut short: fewer pages than its header says"));
    }
    // pijat's id and schema version are in the header: a newer pijat's file is refused before
    // SQLite opens it at all.
    let header_app = i32::from_be_bytes([head[68], head[69], head[70], head[71]]);
    let header_version = i64::from(u32::from_be_bytes([head[60], head[61], head[62], head[63]]));
    if header_app == APPLICATION_ID && header_version > LATEST_VERSION {
        return Err(StoreError::Newer {
            path: path.to_path_buf(),
            found: header_version,
            known: LATEST_VERSION,
        });
    }
    // pijat's own id, a version this pijat knows and a header that vouches for the file's size:
    // nothing more to look at, so the data file is opened only once, by the caller (a version
    // changed in a WAL not yet written back is read by the migration's own check).
    if header_app == APPLICATION_ID && header_version >= 1 && pages_valid {
        return Ok(Found::Pijat {
            version: header_version,
        });
    }
    let conn = look_only(path).map_err(|e| StoreError::sqlite(path, e))?;
    let look = || -> rusqlite::Result<(i32, i64, Vec<String>)> {
        let app: i32 = conn.query_row("PRAGMA application_id", [], |r| r.get(0))?;
        let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        let mut st = conn.prepare(
            "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
             ORDER BY name",
        )?;
        let tables = st
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<Vec<String>>>()?;
        Ok((app, version, tables))
    };
    let (app, version, tables) = look().map_err(|e| StoreError::sqlite(path, e))?;
    if app != APPLICATION_ID && app != 0 {
        return Err(StoreError::Foreign {
            path: path.to_path_buf(),
            what: Some(format!("application id {app:#010x}")),
        });
    }
    if app == 0 {
        let foreign: Vec<&String> = tables
            .iter()
            .filter(|t| !OWN_TABLES.contains(&t.as_str()))
            .collect();
        let ours = ["profile", "attempt", "answer", "setting"]
            .iter()
            .all(|t| tables.iter().any(|have| have == t));
        if !foreign.is_empty() || !ours || version < 1 {
            let what = if foreign.is_empty() {
                None
            } else {
                let mut names: Vec<String> =
                    foreign.iter().take(4).map(|t| t.to_string()).collect();
                if foreign.len() > 4 {
                    names.push("…".into());
                }
                Some(names.join(", "))
            };
            return Err(StoreError::Foreign {
                path: path.to_path_buf(),
                what,
            });
        }
    }
    if version > LATEST_VERSION {
        return Err(StoreError::Newer {
            path: path.to_path_buf(),
            found: version,
            known: LATEST_VERSION,
        });
    }
    if !pages_valid {
        // An old header that cannot vouch for its size: let SQLite read every page once.
        let verdict: String = conn
            .query_row("PRAGMA quick_check(1)", [], |r| r.get(0))
            .map_err(|e| StoreError::sqlite(path, e))?;
        if verdict != "ok" {
            return Err(damaged(&verdict));
        }
    }
    Ok(Found::Pijat { version })
}

fn read_header(path: &Path) -> Result<Vec<u8>, StoreError> {
    let mut f = std::fs::File::open(path).map_err(|e| StoreError::io(path, e))?;
    let mut head = Vec::with_capacity(100);
    f.by_ref()
        .take(100)
        .read_to_end(&mut head)
        .map_err(|e| StoreError::io(path, e))?;
    Ok(head)
}

/// A connection only for looking at a file that may not be pijat's: with no WAL beside it, the
/// file is opened as immutable, so SQLite makes no `-wal` or `-shm` file beside it (nothing is
/// added, removed or changed by looking). With a WAL, another window is writing: then the
/// ordinary read-only connection sees its committed pages.
fn look_only(path: &Path) -> rusqlite::Result<Connection> {
    let wal = path.with_file_name(format!(
        "{}-wal",
        path.file_name().unwrap_or_default().to_string_lossy()
    ));
    if wal.exists() {
        read_only(path)
    } else {
        open_immutable(path)
    }
}

/// A connection that cannot write, checked by one read: in a folder where SQLite may not make
/// its shared-memory file, the file is opened as immutable instead.
pub(crate) fn read_only(path: &Path) -> rusqlite::Result<Connection> {
    let probe = |c: Connection| -> rusqlite::Result<Connection> {
        c.query_row("SELECT count(*) FROM sqlite_schema", [], |r| {
            r.get::<_, i64>(0)
        })?;
        Ok(c)
    };
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    match Connection::open_with_flags(path, flags).and_then(probe) {
        Ok(c) => Ok(c),
        Err(e) => match e.sqlite_error_code() {
            Some(rusqlite::ErrorCode::CannotOpen | rusqlite::ErrorCode::ReadOnly) => {
                open_immutable(path).and_then(probe)
            }
            _ => Err(e),
        },
    }
}

/// Opens a file that nobody is writing, in a folder where SQLite may not make its shared-memory
/// file (a read-only folder, a write-protected flash drive). Only when there is no WAL: with
/// one, ignoring it would show an old state.
pub(crate) fn open_immutable(path: &Path) -> rusqlite::Result<Connection> {
    let wal = path.with_extension("db-wal");
    if wal.exists() {
        return Err(rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_CANTOPEN),
            Some("a WAL file is waiting beside the data file".into()),
        ));
    }
    Connection::open_with_flags(
        file_uri(path) + "?immutable=1",
        OpenFlags::SQLITE_OPEN_READ_ONLY
            | OpenFlags::SQLITE_OPEN_URI
            | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
}

/// `file:` URI of a path, every byte outside the unreserved set percent-encoded.
fn file_uri(path: &Path) -> String {
    let abs = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let text = abs.to_string_lossy().replace('\\', "/");
    let mut out = String::from(if text.starts_with('/') {
        "file://"
    } else {
        "file:///"
    });
    for b in text.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' | b':' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_encode_what_sqlite_would_read_as_syntax() {
        let u = file_uri(Path::new("/tmp/a b/pijat?#%.db"));
        assert_eq!(u, "file:///tmp/a%20b/pijat%3F%23%25.db");
    }
}
