//! A new data file is built beside its final name and then linked into place. Building it
//! without a sync per statement and syncing once costs a few milliseconds instead of a dozen
//! syncs, and a crash part-way leaves only a stray `.new` file, never a half-made `pijat.db`.

use std::path::Path;

use rusqlite::Connection;

/// Creates `path` with the latest schema, unless another pijat window made it first (then its
/// file is kept). `false` when this file system cannot link files: the caller creates the file
/// in place instead.
pub fn create(path: &Path) -> bool {
    let tmp = path.with_extension(format!("db.new-{}", std::process::id()));
    let made = build(&tmp).is_ok()
        && std::fs::File::open(&tmp).and_then(|f| f.sync_all()).is_ok()
        && match std::fs::hard_link(&tmp, path) {
            Ok(()) => true,
            // Another window linked its file first: use that one.
            Err(e) => e.kind() == std::io::ErrorKind::AlreadyExists,
        };
    let _ = std::fs::remove_file(&tmp);
    // The folder entry is made durable by SQLite's first commit (it syncs the folder when it
    // creates the WAL file); until then the file holds nothing that could be lost.
    made
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
