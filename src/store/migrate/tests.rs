use super::*;
use crate::store::{Role, Store};

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
    let path = dir.path().join(crate::store::FILE_NAME);
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
    let path = dir.path().join(crate::store::FILE_NAME);
    {
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch(&format!(
            "PRAGMA application_id = {}; CREATE TABLE future (x); PRAGMA user_version = 99;",
            crate::store::APPLICATION_ID
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
        let path = dir.path().join(crate::store::FILE_NAME);
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
