//! A new data file is built beside its final name and then linked into place. Building it
//! without a sync per statement and syncing once costs a few milliseconds instead of a dozen
//! syncs, and a crash part-way leaves only a stray `.new` file, never a half-made `pijat.db`.

use std::path::Path;

use rusqlite::Connection;

/// Creates `path` with the latest schema, unless another pijat window made it first (then its
/// file is kept). The file appears whole or not at all.
pub(crate) fn create(path: &Path) -> rusqlite::Result<()> {
    let tmp = path.with_extension(format!("db.new-{}", std::process::id()));
    let made = build(&tmp).and_then(|()| {
        // Opened to write: Windows refuses to flush a file opened only to read (access denied).
        let sync = std::fs::OpenOptions::new()
            .write(true)
            .open(&tmp)
            .and_then(|f| f.sync_all());
        sync.map_err(|e| io_failure(&e))?;
        match std::fs::hard_link(&tmp, path) {
            Ok(()) => Ok(()),
            // Another window linked its file first: use that one.
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
            // A file system without links (FAT on a flash drive): rename, unless a file has
            // appeared meanwhile.
            Err(_) if !path.exists() => std::fs::rename(&tmp, path).map_err(|e| io_failure(&e)),
            Err(_) => Ok(()),
        }
    });
    let _ = std::fs::remove_file(&tmp);
    // The folder entry is made durable by SQLite's first commit (it syncs the folder when it
    // creates the WAL file); until then the file holds nothing that could be lost.
    made
}

fn io_failure(e: &std::io::Error) -> rusqlite::Error {
    let code = if e.kind() == std::io::ErrorKind::StorageFull {
        rusqlite::ffi::SQLITE_FULL
    } else {
        rusqlite::ffi::SQLITE_IOERR
    };
    rusqlite::Error::SqliteFailure(rusqlite::ffi::Error::new(code), Some(e.to_string()))
}

fn build(tmp: &Path) -> rusqlite::Result<()> {
    let _ = std::fs::remove_file(tmp);
    let mut conn = Connection::open(tmp)?;
    // The file is not in use until it is linked, and it is synced once before that: no journal
    // and no syncs while it is built. It is switched to WAL, as every pijat file is, at the end.
    conn.pragma_update(None, "synchronous", "OFF")?;
    let _: String = conn.query_row("PRAGMA journal_mode = OFF", [], |r| r.get(0))?;
    super::migrate::apply_all(&mut conn)?;
    let _: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
    conn.close().map_err(|(_, e)| e)
}
