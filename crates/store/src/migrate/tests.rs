use super::*;
use crate::{Role, Store};

#[test]
fn a_new_file_gets_the_latest_schema_in_wal_with_full_sync() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let c = &store.conn;
    assert_eq!(version(c).unwrap(), LATEST_VERSION);
    let mode: String = c
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    let sync: i64 = c.query_row("PRAGMA synchronous", [], |r| r.get(0)).unwrap();
    assert_eq!(sync, 2, "FULL");
    let fk: i64 = c
        .query_row("PRAGMA foreign_keys", [], |r| r.get(0))
        .unwrap();
    assert_eq!(fk, 1);
    drop(store);
    // Opening again changes nothing and keeps no copy: there was no migration.
    Store::open(dir.path()).unwrap();
    let files: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert!(
        !files.iter().any(|f| f.to_string_lossy().ends_with(".bak")),
        "{files:?}"
    );
}

#[test]
fn a_copy_is_kept_before_migrating_an_existing_file() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    store.create_profile("Siti", Role::Cadre).unwrap();
    let path = store.path().to_path_buf();
    drop(store);
    let mut conn = Connection::open(&path).unwrap();
    let mut next: Vec<&str> = MIGRATIONS.to_vec();
    next.push("CREATE TABLE extra (x INTEGER);");
    migrate_with(&mut conn, &path, &next).unwrap();
    assert_eq!(version(&conn).unwrap(), LATEST_VERSION + 1);
    let copy = path.with_extension(format!("db.v{LATEST_VERSION}.bak"));
    let old = Connection::open(&copy).unwrap();
    assert_eq!(version(&old).unwrap(), LATEST_VERSION);
    let name: String = old
        .query_row("SELECT name FROM profile", [], |r| r.get(0))
        .unwrap();
    assert_eq!(name, "Siti");
    // A second migration to yet another version keeps the first copy and adds another.
    next.push("CREATE TABLE extra2 (x INTEGER);");
    migrate_with(&mut conn, &path, &next).unwrap();
    assert!(copy.exists());
    assert!(
        path.with_extension(format!("db.v{}.bak", LATEST_VERSION + 1))
            .exists()
    );
}

#[test]
fn a_version_1_file_is_upgraded_keeping_its_records_and_a_copy() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(crate::FILE_NAME);
    {
        let mut conn = Connection::open(&path).unwrap();
        migrate_with(&mut conn, &path, &MIGRATIONS[..1]).unwrap();
        conn.execute(
            "INSERT INTO profile VALUES ('p1', 'Wati', 'wati', 'cadre', NULL, 'x', 'x')",
            [],
        )
        .unwrap();
    }
    let store = Store::open(dir.path()).unwrap();
    assert_eq!(version(&store.conn).unwrap(), LATEST_VERSION);
    assert_eq!(store.profile_by_name("Wati").unwrap().unwrap().id, "p1");
    let copy = Connection::open(path.with_extension("db.v1.bak")).unwrap();
    assert_eq!(version(&copy).unwrap(), 1);
}

#[test]
fn a_file_from_a_newer_pijat_is_refused_and_left_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(crate::FILE_NAME);
    {
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch(&format!(
            "PRAGMA application_id = {}; CREATE TABLE future (x); PRAGMA user_version = 99;",
            crate::APPLICATION_ID
        ))
        .unwrap();
    }
    let before = std::fs::read(&path).unwrap();
    let err = Store::open(dir.path()).err().expect("refused");
    assert!(
        matches!(err, StoreError::Newer { found: 99, .. }),
        "{err:?}"
    );
    let m = err.message();
    assert!(
        m.en.contains("newer pijat") && m.en.contains(&path.display().to_string()),
        "{}",
        m.en
    );
    assert!(m.id.contains("lebih baru"));
    assert!(
        std::fs::read(&path).unwrap() == before,
        "the file is untouched"
    );
}

#[test]
fn a_corrupt_file_is_refused_and_left_as_it_was() {
    for bytes in [
        b"this is a spreadsheet, not a database".to_vec(),
        [b"SQLite format 3\0".as_slice(), &[0xAB; 3000]].concat(),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(crate::FILE_NAME);
        std::fs::write(&path, &bytes).unwrap();
        let err = Store::open(dir.path()).err().expect("refused");
        assert!(
            matches!(err, StoreError::Corrupt { .. } | StoreError::Foreign { .. }),
            "{err:?}"
        );
        assert!(err.message().en.contains("has not changed it"));
        assert!(
            std::fs::read(&path).unwrap() == bytes,
            "the file is untouched"
        );
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names.len(), 1, "nothing written beside it: {names:?}");
    }
}

/// A file at version 7 with a trainee, and an attempt of each way the file already held.
fn version_7_with_attempts(modes: &[&str]) -> (tempfile::TempDir, PathBuf, Connection) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pijat.db");
    let mut conn = Connection::open(&path).unwrap();
    migrate_with(&mut conn, &path, &MIGRATIONS[..7]).unwrap();
    conn.execute_batch(
        "INSERT INTO profile VALUES ('p1', 'Budi', 'budi', 'father', 'id', 't', 't');",
    )
    .unwrap();
    for (i, m) in modes.iter().enumerate() {
        conn.execute(
            "INSERT INTO attempt (id, profile_id, quiz_id, phase, seed, shuffle, question_count,
                 content_version, app_version, mode, started)
             VALUES (?1, 'p1', 'q', 'practice', 1, 0, 1, 'c', 'a', ?2, 't')",
            rusqlite::params![format!("a{i}"), m],
        )
        .unwrap();
    }
    (dir, path, conn)
}

#[test]
fn version_8_checks_every_mode_and_keeps_the_rows_already_there() {
    use strum::IntoEnumIterator;
    let written: Vec<&str> = pijat_core::Mode::iter().map(|m| m.name()).collect();
    let (_dir, path, mut conn) = version_7_with_attempts(&written);
    migrate_with(&mut conn, &path, MIGRATIONS).unwrap();
    assert_eq!(version(&conn).unwrap(), LATEST_VERSION);
    let kept: i64 = conn
        .query_row("SELECT count(*) FROM attempt", [], |r| r.get(0))
        .unwrap();
    assert_eq!(kept, written.len() as i64, "no row dropped");
    // Every mode of the enum is one the schema accepts; anything else is refused on insert and
    // on update.
    let insert = |id: &str, mode: &str| {
        conn.execute(
            "INSERT INTO attempt (id, profile_id, quiz_id, phase, seed, shuffle, question_count,
                 content_version, app_version, mode, started)
             VALUES (?1, 'p1', 'q', 'practice', 1, 0, 1, 'c', 'a', ?2, 't')",
            rusqlite::params![id, mode],
        )
    };
    for (i, m) in pijat_core::Mode::iter().enumerate() {
        insert(&format!("n{i}"), m.name()).unwrap();
    }
    for bad in ["classroom", "App", ""] {
        let e = insert("bad", bad).unwrap_err().to_string();
        assert!(e.contains("attempt.mode: not a mode pijat knows"), "{e}");
    }
    assert!(
        conn.execute("UPDATE attempt SET mode = 'x' WHERE id = 'a0'", [])
            .is_err()
    );
    for m in pijat_core::Mode::iter() {
        let r = conn.execute(
            "INSERT INTO visit (id, profile_id, visited_on, milk_flow, comfort, mode, created)
             VALUES (?1, 'p1', '2026-12-01', 'yes', 3, ?2, 't')",
            rusqlite::params![format!("v-{m}"), m.name()],
        );
        assert_eq!(r.is_ok(), m.for_monitoring(), "{m}");
    }
    assert!(
        conn.execute("UPDATE profile SET lang = 'fr' WHERE id = 'p1'", [])
            .is_err()
    );
    conn.execute("UPDATE profile SET lang = NULL WHERE id = 'p1'", [])
        .unwrap();
}

#[test]
fn a_row_outside_the_vocabulary_stops_version_8_and_nothing_changes() {
    let (_dir, path, mut conn) = version_7_with_attempts(&["app", "telepati"]);
    assert!(migrate_with(&mut conn, &path, MIGRATIONS).is_err());
    assert_eq!(version(&conn).unwrap(), 7, "the file stays as it was");
    let modes: Vec<String> = conn
        .prepare("SELECT mode FROM attempt ORDER BY id")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    assert_eq!(modes, ["app", "telepati"], "no row dropped or rewritten");
    let triggers: i64 = conn
        .query_row(
            "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(triggers, 0);
}
