//! A sheet for a class matches the class's roster: a misspelt name or class is refused with the
//! nearest names, nothing saved; `--add-new` and `--new-class` say who and what was added; a
//! refused re-import says where the earlier result is. Answer, checklist and visit sheets alike.

mod common;

use std::path::Path;
use std::process::Output;

use common::cli::{both, run, text};
use pijat_content::Phase;
use pijat_store::Store;

const CLASS: &str = "Posyandu Melati";

fn import(dir: &Path, csv: &str, args: &[&str]) -> Output {
    let file = dir.join("sheet.csv");
    std::fs::write(&file, csv).unwrap();
    let mut all = vec!["sheets", "import", file.to_str().unwrap()];
    all.extend_from_slice(args);
    run(dir, &all, "")
}

/// Day one: the pre-test of Budi and Joko Prasetyo makes the class.
fn class_with_pretest(dir: &Path) {
    let k = common::app::key_row();
    let o = import(
        dir,
        &format!("nama,peran,jawaban\nBudi Santoso,ayah,{k}\nJoko Prasetyo,ayah,{k}\n"),
        &[
            "--class",
            CLASS,
            "--new-class",
            "--phase",
            "pre",
            "--lang",
            "en",
        ],
    );
    assert!(o.status.success(), "{}", both(&o));
    assert!(
        text(&o.stdout).contains(
            "New class Posyandu Melati made; on its roster (2): Budi Santoso, Joko Prasetyo."
        ),
        "{}",
        both(&o)
    );
}

fn people(dir: &Path) -> Vec<String> {
    let store = Store::open(dir).unwrap();
    let mut names: Vec<String> = store
        .profiles_recent()
        .unwrap()
        .into_iter()
        .map(|p| p.name)
        .collect();
    names.sort();
    names
}

#[test]
fn a_misspelt_name_is_refused_with_the_roster_name_it_may_mean() {
    let dir = tempfile::tempdir().unwrap();
    class_with_pretest(dir.path());
    let k = common::app::key_row();
    let post = format!("nama,peran,jawaban\nBudi Santoso,ayah,{k}\nJoko Prasetya,ayah,{k}\n");
    let o = import(
        dir.path(),
        &post,
        &["--class", CLASS, "--phase", "post", "--lang", "en"],
    );
    assert_eq!(o.status.code(), Some(1), "{}", both(&o));
    let file = dir.path().join("sheet.csv");
    let err = text(&o.stderr);
    assert!(
        err.contains(&format!(
            "{}:3: Joko Prasetya is not on the roster of Posyandu Melati. Did you mean “Joko Prasetyo”?",
            file.display()
        )),
        "{err}"
    );
    assert!(err.contains("--add-new"), "{err}");
    // Nothing of the sheet was saved: not Budi's post-test, not a second Joko.
    assert_eq!(people(dir.path()), ["Budi Santoso", "Joko Prasetyo"]);
    assert_eq!(common::cli::post_tests_of(dir.path(), "Budi Santoso"), 0);

    // In Indonesian, the same refusal.
    let o = import(dir.path(), &post, &["--class", CLASS, "--phase", "post"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        text(&o.stderr).contains(
            "Joko Prasetya tidak ada di daftar peserta Posyandu Melati. Maksudnya “Joko Prasetyo”?"
        ),
        "{}",
        both(&o)
    );

    // The corrected sheet pairs Joko's pre-test with his post-test.
    let fixed = post.replace("Prasetya", "Prasetyo");
    let o = import(dir.path(), &fixed, &["--class", CLASS, "--phase", "post"]);
    assert!(o.status.success(), "{}", both(&o));
    let store = Store::open(dir.path()).unwrap();
    let joko = store.profile_by_name("Joko Prasetyo").unwrap().unwrap();
    for phase in [Phase::Pre, Phase::Post] {
        assert_eq!(
            store
                .attempts_at(&joko.id, "knowledge", phase)
                .unwrap()
                .len(),
            1
        );
    }
}

#[test]
fn a_misspelt_class_is_refused_and_no_class_is_made() {
    let dir = tempfile::tempdir().unwrap();
    class_with_pretest(dir.path());
    let k = common::app::key_row();
    let o = import(
        dir.path(),
        &format!("nama,peran,jawaban\nBudi Santoso,ayah,{k}\n"),
        &[
            "--class",
            "Posyandu Melat",
            "--phase",
            "post",
            "--lang",
            "en",
        ],
    );
    assert_eq!(o.status.code(), Some(1), "{}", both(&o));
    let err = text(&o.stderr);
    assert!(
        err.contains("there is no class “Posyandu Melat” on this laptop. Did you mean “Posyandu Melati”? To start a new class, add --new-class."),
        "{err}"
    );
    assert!(err.contains("Nothing was saved"), "{err}");
    let store = Store::open(dir.path()).unwrap();
    assert_eq!(store.classes().unwrap().len(), 1, "no second class");
    // A class that is like no other says how to look and how to start one.
    let o = import(
        dir.path(),
        &format!("nama,peran,jawaban\nBudi Santoso,ayah,{k}\n"),
        &["--class", "Kelas Ibu Hamil", "--phase", "post"],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(
        text(&o.stderr).contains(
            "tidak ada kelas “Kelas Ibu Hamil” di laptop ini (kelas yang ada: “Posyandu Melati”). Periksa ejaannya"
        ) && text(&o.stderr).ends_with("Tidak ada yang disimpan.\n"),
        "{}",
        both(&o)
    );
}

#[test]
fn a_walk_in_joins_only_when_asked_and_is_named_in_the_summary() {
    let dir = tempfile::tempdir().unwrap();
    class_with_pretest(dir.path());
    let k = common::app::key_row();
    let csv = format!("nama,peran,jawaban\nBudi Santoso,ayah,{k}\nRudi Hartono,ayah,{k}\n");
    let o = import(
        dir.path(),
        &csv,
        &["--class", CLASS, "--phase", "post", "--lang", "en"],
    );
    assert_eq!(o.status.code(), Some(1), "{}", both(&o));
    let err = text(&o.stderr);
    assert!(
        err.contains("Rudi Hartono is not on the roster of Posyandu Melati. Check the spelling; to add a new participant, import again with --add-new."),
        "{err}"
    );
    assert!(
        !err.contains("Did you mean"),
        "no roster name is like Rudi: {err}"
    );
    let o = import(
        dir.path(),
        &csv,
        &[
            "--class",
            CLASS,
            "--phase",
            "post",
            "--add-new",
            "--lang",
            "en",
        ],
    );
    assert!(o.status.success(), "{}", both(&o));
    assert!(
        text(&o.stdout).contains("Added to the roster of Posyandu Melati (1): Rudi Hartono."),
        "{}",
        both(&o)
    );
    assert_eq!(
        people(dir.path()),
        ["Budi Santoso", "Joko Prasetyo", "Rudi Hartono"]
    );
    // The same sheet again is refused, and the refusal says where the earlier result is.
    let o = import(
        dir.path(),
        &csv,
        &["--class", CLASS, "--phase", "post", "--lang", "en"],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(
        text(&o.stderr).contains("Budi Santoso already has a result typed from a sheet (")
            && text(&o.stderr).contains(", class Posyandu Melati); to replace it"),
        "{}",
        both(&o)
    );
}

#[test]
fn checklist_and_visit_sheets_keep_to_the_roster_too() {
    let dir = tempfile::tempdir().unwrap();
    class_with_pretest(dir.path());
    let marks = "2".repeat(14);
    let checklist = format!(
        "nama,pengamat,tanggal,nilai\nBudi Santoso,Bu Rina,2026-11-28,{marks}\nJoko Prasetya,Bu Rina,2026-11-28,{marks}\n"
    );
    let o = import(
        dir.path(),
        &checklist,
        &[
            "--class",
            CLASS,
            "--checklist",
            "oxytocin-massage",
            "--lang",
            "en",
        ],
    );
    assert_eq!(o.status.code(), Some(1), "{}", both(&o));
    assert!(
        text(&o.stderr).contains(":3: Joko Prasetya is not on the roster of Posyandu Melati. Did you mean “Joko Prasetyo”?"),
        "{}",
        both(&o)
    );
    let visits = "nama,tanggal,asi_lancar,nyaman,pijat_per_hari,catatan\nBudi  santoso,2026-12-01,ya,4,2,\nJoko Prasetya,2026-12-01,ya,4,2,\n";
    let o = import(
        dir.path(),
        visits,
        &["--class", "Posyandu Melat", "--visits", "--lang", "en"],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(
        text(&o.stderr).contains("Did you mean “Posyandu Melati”?"),
        "{}",
        both(&o)
    );
    let o = import(
        dir.path(),
        visits,
        &["--class", CLASS, "--visits", "--lang", "en"],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(
        text(&o.stderr).contains(":3: Joko Prasetya is not on the roster"),
        "{}",
        both(&o)
    );
    let store = Store::open(dir.path()).unwrap();
    let budi = store.profile_by_name("Budi Santoso").unwrap().unwrap();
    assert!(store.observations_of(&budi.id, None).unwrap().is_empty());
    assert!(store.visits_of(&budi.id).unwrap().is_empty());
    // Corrected, both are saved; the spacing and case of "Budi  santoso" match the roster.
    let o = import(
        dir.path(),
        &visits.replace("Prasetya", "Prasetyo"),
        &["--class", CLASS, "--visits", "--lang", "en"],
    );
    assert!(o.status.success(), "{}", both(&o));
    assert_eq!(store.visits_of(&budi.id).unwrap().len(), 1);
    assert_eq!(people(dir.path()), ["Budi Santoso", "Joko Prasetyo"]);
}
