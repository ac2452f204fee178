//! Tests of `integrity.rs`, part 3.

use super::*;

#[test]
fn things_named_toml_that_are_not_files_are_named_as_problems() {
    use std::os::unix::fs::symlink;
    let dir = tempfile::tempdir().unwrap();
    let q = dir.path().join("quizzes");
    std::fs::create_dir_all(q.join("folder.toml")).unwrap();
    symlink("loop.toml", q.join("loop.toml")).unwrap();
    symlink("nowhere.toml", q.join("broken.toml")).unwrap();
    symlink("/dev/zero", q.join("zero.toml")).unwrap();
    let fifo = std::process::Command::new("mkfifo")
        .arg(q.join("pipe.toml"))
        .status();
    let o = run(
        dir.path(),
        &["--lang", "en", "validate", dir.path().to_str().unwrap()],
        "",
    );
    let said = text(&o.stdout);
    assert_eq!(o.status.code(), Some(1), "{said}");
    let expect = [
        ("folder.toml", "this is a folder, not a content file"),
        ("loop.toml", "this link leads to no file"),
        ("broken.toml", "this link leads to no file"),
        ("zero.toml", "not an ordinary file"),
    ];
    for (file, what) in expect {
        let line = said
            .lines()
            .find(|l| l.contains(&format!("quizzes/{file}:")))
            .unwrap_or_else(|| panic!("{file} is named: {said}"));
        assert!(line.contains(what), "{line}");
    }
    if fifo.is_ok_and(|s| s.success()) {
        assert!(
            said.contains("pipe.toml: this is not an ordinary file"),
            "{said}"
        );
    }
    assert!(!said.contains("Content is valid"), "{said}");
}

/// A newer pijat's data file, and another program's SQLite file in WAL mode: refused by every
/// command, and no `-wal`, `-shm` or other file appears beside them.
#[test]
fn a_refused_file_gets_no_new_files_beside_it() {
    let dir = tempfile::tempdir().unwrap();
    pijat_store::Store::open(dir.path())
        .unwrap()
        .create_profile("Budi", pijat_store::Role::Father)
        .unwrap();
    let db = dir.path().join("pijat.db");
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.pragma_update(None, "user_version", 99).unwrap();
    drop(conn);
    let before = folder_state(dir.path());
    assert_eq!(
        before.iter().map(|(n, _)| n.as_str()).collect::<Vec<_>>(),
        ["pijat.db"],
        "a closed WAL file has nothing beside it"
    );
    let commands: [&[&str]; 3] = [
        &["--lang", "en", "history"],
        &["--lang", "en", "report"],
        &common::cli::plain_pre(&["--lang", "en"], "Budi", &[]),
    ];
    for args in commands {
        let o = run(dir.path(), args, "");
        assert_eq!(o.status.code(), Some(1), "{args:?}: {}", both(&o));
        assert!(
            both(&o).contains("was written by a newer pijat"),
            "{args:?}: {}",
            both(&o)
        );
        assert_eq!(
            folder_state(dir.path()),
            before,
            "{args:?} changed the folder"
        );
    }

    // Another program's database, in WAL mode too.
    let other = tempfile::tempdir().unwrap();
    let conn = rusqlite::Connection::open(other.path().join("pijat.db")).unwrap();
    conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get::<_, String>(0))
        .unwrap();
    conn.execute_batch("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL);")
        .unwrap();
    drop(conn);
    let before = folder_state(other.path());
    for args in commands {
        let o = run(other.path(), args, "");
        assert_eq!(o.status.code(), Some(1), "{args:?}: {}", both(&o));
        assert!(both(&o).contains("invoices"), "{args:?}: {}", both(&o));
        assert_eq!(
            folder_state(other.path()),
            before,
            "{args:?} changed the folder"
        );
    }
}
