//! Class dates are dates: typed the ways people in Indonesia write them, stored as a day, shown in
//! the reader's language, refused with an example when they are not a date, and never dropped
//! from the attendance list.

mod common;

use common::app::{key, keys, render, trainer, typed};
use common::cli::{both, run, text};

use crossterm::event::KeyCode::{Backspace, Char, Enter, Tab};
use pijat_content::Lang;
use pijat_store::Store;

#[test]
fn dates_typed_as_people_write_them_are_kept_as_days_and_shown_in_the_readers_language() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = trainer(dir.path());
    key(&mut a, Enter);
    typed(&mut a, "Kelas Ayah");
    keys(&mut a, &[Tab, Tab]);
    typed(&mut a, "6/12/2026");
    key(&mut a, Tab);
    typed(&mut a, "7 Des 2026");
    key(&mut a, Enter);
    let store = Store::open(dir.path()).unwrap();
    let c = store.class_by_name("Kelas Ayah").unwrap().unwrap();
    assert_eq!(
        (c.starts.as_deref(), c.ends.as_deref()),
        (Some("2026-12-06"), Some("2026-12-07"))
    );
    a.lang = Lang::id();
    let screen = render(&a, 80, 24);
    assert!(
        screen.contains("6 Desember 2026 – 7 Desember 2026"),
        "{screen}"
    );
    a.lang = Lang::en();
    let screen = render(&a, 80, 24);
    assert!(
        screen.contains("6 December 2026 – 7 December 2026"),
        "{screen}"
    );

    // Changing the end to text that is not a date is refused with an example; nothing changes.
    key(&mut a, Char('e'));
    let form = render(&a, 80, 24);
    assert!(form.contains("Starts (dd/mm/yyyy): 06/12/2026"), "{form}");
    keys(&mut a, &[Tab, Tab, Tab]);
    for _ in 0..12 {
        key(&mut a, Backspace);
    }
    typed(&mut a, "besok");
    key(&mut a, Enter);
    let form = render(&a, 80, 24);
    assert!(
        form.contains("“besok” is not a date pijat can read. Write for example 6/12/2026"),
        "{form}"
    );
    // An end before the start is refused too.
    for _ in 0..5 {
        key(&mut a, Backspace);
    }
    typed(&mut a, "1 Dec 2026");
    key(&mut a, Enter);
    assert!(
        render(&a, 80, 24).contains("The end date is before the start date."),
        "{}",
        render(&a, 80, 24)
    );
    let c = store.class_by_name("Kelas Ayah").unwrap().unwrap();
    assert_eq!(c.ends.as_deref(), Some("2026-12-07"));

    // The attendance list has a column for each day.
    let o = run(
        dir.path(),
        &["print", "attendance", "--class", "Kelas Ayah"],
        "",
    );
    assert!(o.status.success(), "{}", both(&o));
    let out = text(&o.stdout);
    assert!(
        out.contains("Pertemuan 1: 06/12/2026") && out.contains("Pertemuan 2: 07/12/2026"),
        "{out}"
    );
}

/// A class saved before dates were checked keeps its text: a date written another way is read as
/// the date it is, and text that is no date is printed as typed, not dropped.
#[test]
fn dates_typed_before_they_were_checked_are_read_or_printed_as_typed() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let c = store
        .save_class(
            None,
            &pijat_store::ClassDetails {
                name: "Lama".into(),
                place: None,
                starts: None,
                ends: None,
                trainer: None,
            },
        )
        .unwrap();
    drop(store);
    let conn = rusqlite::Connection::open(dir.path().join("pijat.db")).unwrap();
    conn.execute(
        "UPDATE class SET starts = '6/12/2026', ends = 'minggu depan' WHERE id = ?1",
        [&c.id],
    )
    .unwrap();
    drop(conn);
    let o = run(dir.path(), &["print", "attendance", "--class", "Lama"], "");
    assert!(o.status.success(), "{}", both(&o));
    let out = text(&o.stdout);
    assert!(out.contains("Pertemuan 1: 06/12/2026"), "{out}");
    let o = run(
        dir.path(),
        &[
            "report", "--class", "Lama", "--format", "md", "--lang", "en",
        ],
        "",
    );
    let out = text(&o.stdout);
    assert!(
        out.contains("6 December 2026 – minggu depan"),
        "{}",
        both(&o)
    );
}
