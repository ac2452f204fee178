//! Opening the data file at the edges: other programs' files, damaged and empty files, a newer
//! file with a WAL waiting, old files opened by several windows at once.

use std::path::{Path, PathBuf};

use rusqlite::Connection;

use super::migrate::{LATEST_VERSION, MIGRATIONS, migrate_with};
use super::{APPLICATION_ID, FILE_NAME, Store, StoreError};

fn files_in(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

/// Opening `dir` is refused and the folder is exactly as it was, byte for byte.
fn refused_unchanged(dir: &Path) -> StoreError {
    let before: Vec<(String, Vec<u8>)> = files_in(dir)
        .into_iter()
        .map(|f| (f.clone(), std::fs::read(dir.join(&f)).unwrap_or_default()))
        .collect();
    let err = Store::open(dir).err().expect("refused");
    let after: Vec<(String, Vec<u8>)> = files_in(dir)
        .into_iter()
        .map(|f| (f.clone(), std::fs::read(dir.join(&f)).unwrap_or_default()))
        .collect();
    assert!(before == after, "the folder changed: {:?}", files_in(dir));
    err
}

fn old_file(version: usize) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(FILE_NAME);
    let mut conn = Connection::open(&path).unwrap();
    migrate_with(&mut conn, &path, &MIGRATIONS[..version]).unwrap();
    conn.execute(
        "INSERT INTO profile VALUES ('p1', 'Wati', 'wati', 'cadre', NULL, 'x', 'x')",
        [],
    )
    .unwrap();
    // Made before application ids: recognised by its tables.
    let app: i32 = conn
        .query_row("PRAGMA application_id", [], |r| r.get(0))
        .unwrap();
    assert_eq!(app, 0);
    (dir, path)
}

#[test]
fn another_programs_database_is_refused_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(FILE_NAME);
    Connection::open(&path)
        .unwrap()
        .execute_batch(
            "CREATE TABLE customers (id INTEGER, name TEXT); INSERT INTO customers VALUES (1, 'x');",
        )
        .unwrap();
    let err = refused_unchanged(dir.path());
    assert!(matches!(err, StoreError::Foreign { .. }), "{err:?}");
    let m = err.message();
    assert!(
        m.en.contains("another program") && m.en.contains("customers"),
        "{}",
        m.en
    );
    assert!(
        m.id.contains("program lain") && m.id.contains("tidak mengubahnya"),
        "{}",
        m.id
    );
}

#[test]
fn a_database_with_pijats_tables_but_another_application_id_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(FILE_NAME);
    Connection::open(&path)
        .unwrap()
        .execute_batch(
            "PRAGMA application_id = 42; CREATE TABLE profile (x); CREATE TABLE attempt (x);
             CREATE TABLE answer (x); CREATE TABLE setting (x); PRAGMA user_version = 3;",
        )
        .unwrap();
    let err = refused_unchanged(dir.path());
    assert!(matches!(err, StoreError::Foreign { .. }), "{err:?}");
    assert!(
        err.message().en.contains("0x0000002a"),
        "{}",
        err.message().en
    );
}

#[test]
fn an_empty_sqlite_database_is_not_taken_for_pijats() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(FILE_NAME);
    Connection::open(&path)
        .unwrap()
        .execute_batch("PRAGMA user_version = 0; VACUUM;")
        .unwrap();
    if std::fs::metadata(&path).unwrap().len() == 0 {
        // SQLite wrote nothing: then it is the empty-file case, also refused.
        assert!(matches!(
            refused_unchanged(dir.path()),
            StoreError::Empty(_)
        ));
    } else {
        assert!(matches!(
            refused_unchanged(dir.path()),
            StoreError::Foreign { .. }
        ));
    }
}

#[test]
fn a_file_a_few_bytes_short_is_refused_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    store.create_profile("Siti", super::Role::Cadre).unwrap();
    let path = store.path().to_path_buf();
    drop(store);
    let bytes = std::fs::read(&path).unwrap();
    for cut in [3, 4096] {
        std::fs::write(&path, &bytes[..bytes.len() - cut]).unwrap();
        let err = refused_unchanged(dir.path());
        assert!(
            matches!(err, StoreError::Corrupt { .. }),
            "cut {cut}: {err:?}"
        );
        assert!(
            err.message().en.contains("cut short"),
            "{}",
            err.message().en
        );
    }
}

#[test]
fn an_empty_file_is_refused_with_the_backup_to_restore() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(FILE_NAME), b"").unwrap();
    let err = refused_unchanged(dir.path());
    assert!(matches!(err, StoreError::Empty(_)), "{err:?}");
    assert!(err.message().en.contains("0 bytes") && err.message().en.contains("start anew"));
    std::fs::write(dir.path().join("pijat.db.v4.bak"), b"old").unwrap();
    let err = refused_unchanged(dir.path());
    assert!(
        err.message().id.contains("pijat.db.v4.bak"),
        "{}",
        err.message().id
    );
}

#[test]
fn a_folder_in_the_data_files_place_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join(FILE_NAME)).unwrap();
    let err = refused_unchanged(dir.path());
    assert!(matches!(err, StoreError::NotAFile(_)), "{err:?}");
}

#[test]
fn a_newer_file_with_a_waiting_wal_keeps_every_byte_and_its_wal() {
    let made = tempfile::tempdir().unwrap();
    let src = made.path().join(FILE_NAME);
    let conn = Connection::open(&src).unwrap();
    conn.execute_batch(&format!(
        "PRAGMA application_id = {APPLICATION_ID}; PRAGMA journal_mode = WAL;
         PRAGMA wal_autocheckpoint = 0; CREATE TABLE profile (x); CREATE TABLE attempt (x);
         CREATE TABLE answer (x); CREATE TABLE setting (x); PRAGMA user_version = 99;
         INSERT INTO profile VALUES ('kept in the WAL');"
    ))
    .unwrap();
    // A copy while the writer is open: the WAL holds the newest pages.
    let dir = tempfile::tempdir().unwrap();
    for ext in ["", "-wal"] {
        std::fs::copy(
            made.path().join(format!("{FILE_NAME}{ext}")),
            dir.path().join(format!("{FILE_NAME}{ext}")),
        )
        .unwrap();
    }
    drop(conn);
    let wal = dir.path().join(format!("{FILE_NAME}-wal"));
    let wal_before = std::fs::read(&wal).unwrap();
    assert!(!wal_before.is_empty());
    let db_before = std::fs::read(dir.path().join(FILE_NAME)).unwrap();
    let err = Store::open(dir.path()).err().expect("refused");
    assert!(
        matches!(err, StoreError::Newer { found: 99, .. }),
        "{err:?}"
    );
    assert!(
        std::fs::read(&wal).unwrap() == wal_before,
        "the WAL is untouched"
    );
    assert!(std::fs::read(dir.path().join(FILE_NAME)).unwrap() == db_before);
    // Reading it again still finds the version that only the WAL holds.
    assert!(matches!(
        Store::open_read(dir.path()).err(),
        Some(StoreError::Newer { found: 99, .. })
    ));
}

#[test]
fn a_file_made_before_application_ids_is_recognised_and_marked() {
    let (dir, path) = old_file(5);
    let store = Store::open(dir.path()).unwrap();
    assert_eq!(store.profile_by_name("Wati").unwrap().unwrap().id, "p1");
    drop(store);
    let app: i32 = Connection::open(&path)
        .unwrap()
        .query_row("PRAGMA application_id", [], |r| r.get(0))
        .unwrap();
    assert_eq!(app, APPLICATION_ID);
}

#[test]
fn five_windows_opening_an_old_file_at_once_all_open_it_and_one_copy_is_kept() {
    for _ in 0..3 {
        let (dir, _path) = old_file(4);
        let d = dir.path().to_path_buf();
        let handles: Vec<_> = (0..5)
            .map(|_| {
                let d = d.clone();
                std::thread::spawn(move || Store::open(&d).map(drop).map_err(|e| e.to_string()))
            })
            .collect();
        for h in handles {
            h.join().unwrap().unwrap();
        }
        let copies: Vec<String> = files_in(&d)
            .into_iter()
            .filter(|f| f.ends_with(".bak"))
            .collect();
        assert_eq!(copies, vec!["pijat.db.v4.bak".to_string()]);
        let store = Store::open(&d).unwrap();
        let v: i64 = store
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(v, LATEST_VERSION);
    }
}

#[test]
fn attempts_that_raced_before_the_rule_leave_one_standing() {
    let (dir, path) = old_file(5);
    let conn = Connection::open(&path).unwrap();
    let attempt = |id: &str, started: &str, finished: Option<&str>| {
        conn.execute(
            "INSERT INTO attempt (id, profile_id, quiz_id, phase, seed, shuffle, question_count,
                 content_version, app_version, mode, started, finished, right_count)
             VALUES (?1, 'p1', 'knowledge', 'pre', 1, 1, 10, 'v', '0.1.0', 'plain', ?2, ?3, 5)",
            rusqlite::params![id, started, finished],
        )
        .unwrap();
    };
    attempt("a-open", "2026-01-01T08:00:00Z", None);
    attempt(
        "a-done",
        "2026-01-01T08:01:00Z",
        Some("2026-01-01T08:05:00Z"),
    );
    attempt(
        "a-late",
        "2026-01-01T08:02:00Z",
        Some("2026-01-01T08:06:00Z"),
    );
    drop(conn);
    let store = Store::open(dir.path()).unwrap();
    let standing = store
        .attempts_at("p1", "knowledge", pijat_core::Phase::Pre)
        .unwrap();
    assert_eq!(standing.len(), 1);
    assert_eq!(standing[0].id, "a-done", "the first finished one stands");
    let all = store.all_attempts_of("p1").unwrap();
    assert_eq!(all.len(), 3, "nothing is deleted");
    assert!(
        all.iter()
            .filter(|a| a.id != "a-done")
            .all(|a| a.replaced_by.as_deref() == Some("a-done"))
    );
}

#[test]
fn the_schema_refuses_a_second_pre_test() {
    let (_d, store) = super::test_support::temp_store();
    let p = store.create_profile("Budi", super::Role::Father).unwrap();
    let new = super::NewAttempt {
        profile_id: &p.id,
        class_id: None,
        quiz_id: "knowledge",
        phase: pijat_core::Phase::Pre,
        seed: 1,
        shuffle: true,
        question_count: 10,
        content_version: "v",
        mode: pijat_core::Mode::Plain,
    };
    store.start_attempt(&new).unwrap();
    let second = store.conn.execute(
        "INSERT INTO attempt (id, profile_id, quiz_id, phase, seed, shuffle, question_count,
             content_version, app_version, mode, started)
         VALUES ('x', ?1, 'knowledge', 'pre', 1, 1, 10, 'v', '0.1.0', 'plain', 'now')",
        [&p.id],
    );
    assert!(second.is_err(), "a unique index stands in the way");
}
