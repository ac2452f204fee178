//! Monitoring from paper, as a cadre's trainer runs it: checklist and visit sheets typed in,
//! the verdicts in `history`, the report's monitoring fields, and bundles that carry them.

mod common;

use std::path::Path;
use std::process::Output;

use pijat_store::Store;

const ROUTINE: &str = "oxytocin-massage";

use common::cli::text;

/// `pijat ARGS` with no standard input.
fn pijat(data: &Path, args: &[&str]) -> Output {
    common::cli::run(data, args, "")
}

fn import(dir: &Path, name: &str, csv: &str, extra: &[&str]) -> Output {
    let args = [&["--lang", "en"][..], extra].concat();
    common::cli::import_sheet(dir, name, csv.as_bytes(), "Posyandu Melati", &args)
}

fn checklist(dir: &Path, csv: &str, extra: &[&str]) -> Output {
    let mut args = vec!["--checklist", ROUTINE];
    args.extend_from_slice(extra);
    import(dir, "checklist.csv", csv, &args)
}

fn visits(dir: &Path, csv: &str, extra: &[&str]) -> Output {
    let mut args = vec!["--visits"];
    args.extend_from_slice(extra);
    import(dir, "visits.csv", csv, &args)
}

/// Budi: first not yet competent (critical step 2 needs practice), then competent. Siti: one
/// observation with step 14 not observed. Two visits for Budi, one for Siti.
const CHECKLIST: &str = "\u{feff}nama;pengamat;tanggal;nilai\n\
Budi Santoso;Bu Rina;01/11/2026;2 1 0 0 2 2 2 2 2 2 2 2 2 2\n\
Budi Santoso;Bu Rina;2026-11-15;22222222222222\n\
Siti Aminah;Pak Dedi;2026-11-15;2222222222222-\n";

const VISITS: &str = "name,date,milk_flow,comfort,massages_per_day,notes\n\
Budi Santoso,2026-11-16,ya,4,2,\"ibu tidur nyenyak, bayi menyusu\"\n\
Budi Santoso,2026-11-20,yes,5,,\n\
Siti Aminah,2026-11-20,tidak,2,1,\n";

fn recorded() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let out = checklist(dir.path(), CHECKLIST, &[]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains("3 checklists saved"),
        "{}",
        text(&out.stdout)
    );
    let out = visits(dir.path(), VISITS, &[]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains("3 visits saved"),
        "{}",
        text(&out.stdout)
    );
    dir
}

#[test]
fn checklist_and_visit_sheets_are_saved_and_history_shows_progress() {
    let dir = recorded();
    let store = Store::open(dir.path()).unwrap();
    let budi = store.profile_by_name("budi santoso").unwrap().unwrap();
    let obs = store.observations_of(&budi.id, Some(ROUTINE)).unwrap();
    assert_eq!(
        obs.iter()
            .map(|o| (o.observed_on.as_str(), o.observer.as_str()))
            .collect::<Vec<_>>(),
        [("2026-11-01", "Bu Rina"), ("2026-11-15", "Bu Rina")]
    );
    let marks: Vec<Option<i64>> = store
        .marks(&obs[0].id)
        .unwrap()
        .iter()
        .map(|m| m.mark)
        .collect();
    assert_eq!(&marks[..4], &[Some(2), Some(1), Some(0), Some(0)]);
    let v = store.visits_of(&budi.id).unwrap();
    assert_eq!(v.len(), 2);
    assert_eq!(
        v[0].findings.notes.as_deref(),
        Some("ibu tidur nyenyak, bayi menyusu")
    );
    assert_eq!(v[1].findings.massages_per_day, None);

    let out = pijat(
        dir.path(),
        &["history", "--profile", "Budi Santoso", "--lang", "en"],
    );
    let h = text(&out.stdout);
    // 2+1+0+0+2×10 = 23 of 28 points = 82.1%, but critical step 2 is not done well.
    assert!(
        h.contains("2026-11-01   82.1%  not yet competent; coach steps 2, 3, 4"),
        "{h}"
    );
    assert!(h.contains("2026-11-15    100%  competent"), "{h}");
    assert!(
        h.contains("Improved since the first observation: 2. Greet, explain, ask consent, 3. Prepare the room, 4. Get the equipment ready"),
        "{h}"
    );
    // Visits are health data: only their number outside trainer mode.
    assert!(
        h.contains("Home visits: 2 (details in trainer mode)"),
        "{h}"
    );
    assert!(!h.contains("nyenyak"), "{h}");
}

#[test]
fn every_bad_checklist_row_is_reported_with_its_line_and_nothing_is_saved() {
    let dir = tempfile::tempdir().unwrap();
    let csv = "name,observer,date,marks\n\
Budi Santoso,Bu Rina,2026-13-01,2 2 1\n\
,Bu Rina,2026-11-01,22222222222222\n\
Agus,,2026-11-01,2222222222222x\n\
Wayan,Bu Rina,2026-11-01,22222222222222\n\
Wayan,Bu Rina,2026-11-01,22222222222222\n";
    let out = checklist(dir.path(), csv, &[]);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    let file = dir.path().join("checklist.csv");
    let at = |row: u32| format!("{}:{row}: ", file.display());
    for (row, says) in [
        (2, "date `2026-13-01` is not valid"),
        (2, "3 marks for 14 steps"),
        (3, "the name is empty"),
        (4, "the observer's name is empty"),
        (4, "step 14: `x` is not a mark"),
        (6, "this row repeats line 5"),
    ] {
        let line = err
            .lines()
            .find(|l| l.starts_with(&at(row)))
            .unwrap_or_else(|| panic!("no line for row {row}: {err}"));
        assert!(line.contains(says), "row {row}: {line}");
    }
    assert!(!err.contains(&at(5)), "{err}");
    assert!(err.contains("Nothing was saved"), "{err}");
    let store = Store::open(dir.path()).unwrap();
    assert!(store.profile_by_name("Wayan").unwrap().is_none());
    assert!(store.class_by_name("Posyandu Melati").unwrap().is_none());

    let out = import(
        dir.path(),
        "x.csv",
        "name,observer,date,marks\nA,B,2026-11-01,2\n",
        &["--checklist", "no-such-routine"],
    );
    common::cli::fails_saying(&out, 2, "no routine `no-such-routine`: oxytocin-massage");
}

#[test]
fn every_bad_visit_row_is_reported_and_a_second_import_needs_replace() {
    let dir = recorded();
    let csv = "name,date,milk_flow,comfort,massages_per_day,notes\n\
Budi Santoso,2026-11-30,maybe,6,x,\n\
Agus,31/02/2026,ya,3,1,\n";
    let out = visits(dir.path(), csv, &[]);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(
        err.contains("visits.csv:2: milk_flow `maybe` is not known: write yes, no or unsure; comfort `6` must be a number 1–5; massages_per_day `x` must be a number 0–24 or empty"),
        "{err}"
    );
    assert!(
        err.contains("visits.csv:3: date `31/02/2026` is not valid"),
        "{err}"
    );
    // The same sheet again: refused row by row, then replaced with --replace.
    let out = visits(dir.path(), VISITS, &[]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains(
            "visits.csv:2: Budi Santoso already has this record from an earlier sheet (class Posyandu Melati); to replace it, import again with --replace"
        ),
        "{}",
        text(&out.stderr)
    );
    let changed = VISITS.replace("tidak,2,1", "ya,3,1");
    let out = visits(dir.path(), &changed, &["--replace"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let store = Store::open(dir.path()).unwrap();
    let siti = store.profile_by_name("Siti Aminah").unwrap().unwrap();
    let v = store.visits_of(&siti.id).unwrap();
    assert_eq!(
        v.iter().map(|v| v.findings.comfort).collect::<Vec<_>>(),
        [3],
        "the replaced visit is no longer counted"
    );
    // Checklists too.
    let out = checklist(dir.path(), CHECKLIST, &[]);
    assert_eq!(out.status.code(), Some(1));
    let out = checklist(dir.path(), CHECKLIST, &["--replace"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let budi = store.profile_by_name("Budi Santoso").unwrap().unwrap();
    assert_eq!(store.observations_of(&budi.id, None).unwrap().len(), 2);
}

#[test]
fn the_report_carries_checklist_and_visits_in_every_format() {
    let dir = recorded();
    let run = |format: &str| {
        let out = pijat(
            dir.path(),
            &[
                "report",
                "--class",
                "Posyandu Melati",
                "--format",
                format,
                "--lang",
                "en",
                "--names",
                "full",
            ],
        );
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        text(&out.stdout)
    };
    let json: serde_json::Value = serde_json::from_str(&run("json")).unwrap();
    let ps = json["participants"].as_array().unwrap();
    let budi = ps.iter().find(|p| p["name"] == "Budi Santoso").unwrap();
    assert_eq!(budi["checklist"]["observations"], 2);
    assert_eq!(budi["checklist"]["latest_percent"], 100.0);
    assert_eq!(budi["checklist"]["competent"], true);
    assert_eq!(budi["visits"]["count"], 2);
    assert_eq!(budi["visits"]["milk_flow_yes_percent"], 100.0);
    assert_eq!(budi["visits"]["mean_comfort"], 4.5);
    let siti = ps.iter().find(|p| p["name"] == "Siti Aminah").unwrap();
    assert_eq!(siti["visits"]["milk_flow_yes_percent"], 0.0);
    let steps = json["checklist_steps"].as_array().unwrap();
    assert_eq!(steps.len(), 14);
    assert_eq!(steps[0]["step"], "check-safe");
    assert_eq!(steps[0]["done_well_percent"], 100.0);
    // Step 14: Budi did it well; Siti's was not observed and is left out.
    assert_eq!(steps[13]["done_well_percent"], 100.0);

    let t = run("text");
    assert!(t.contains("Observation (checklist) and home visits"), "{t}");
    assert!(
        t.lines().any(|l| l.contains("Siti Aminah")
            && l.contains("competent")
            && l.contains("0%")
            && l.contains("2.0")),
        "{t}"
    );
    let md = run("md");
    assert!(
        md.contains("| 1 | Budi Santoso | 2 | 100% | competent | 2 | 100% | 4.5 |"),
        "{md}"
    );
    assert!(
        md.contains("2 of 2 observed participants were competent"),
        "{md}"
    );
    let csv = run("csv");
    assert!(
        csv.contains("observations,latest_checklist_percent,competent,visits,milk_flow_yes_percent,mean_comfort"),
        "{csv}"
    );
    assert!(
        csv.contains(
            "step,step_name,done_well_percent\ncheck-safe,1. Check it is appropriate,100.00"
        ),
        "{csv}"
    );
}

#[test]
fn bundles_carry_observations_and_visits_and_pseudonymised_ones_leave_notes_out() {
    let dir = recorded();
    let full = dir.path().join("full.json");
    let out = pijat(dir.path(), &["export", full.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let other = tempfile::tempdir().unwrap();
    // A laptop that takes in others' records has a trainer PIN.
    pijat_store::Store::open(other.path())
        .unwrap()
        .set_pin("2468")
        .unwrap();
    let out = pijat(
        other.path(),
        &["import", full.to_str().unwrap(), "--lang", "en"],
    );
    assert!(
        text(&out.stdout).contains("3 observations, 3 home visits"),
        "{}",
        text(&out.stdout)
    );
    // Importing again adds nothing.
    let out = pijat(
        other.path(),
        &["import", full.to_str().unwrap(), "--lang", "en"],
    );
    assert!(
        text(&out.stdout).contains("0 observations, 0 home visits"),
        "{}",
        text(&out.stdout)
    );
    let store = Store::open(other.path()).unwrap();
    let budi = store.profile_by_name("Budi Santoso").unwrap().unwrap();
    let obs = store.observations_of(&budi.id, Some(ROUTINE)).unwrap();
    assert_eq!(obs.len(), 2);
    assert_eq!(store.marks(&obs[0].id).unwrap()[1].mark, Some(1));
    assert_eq!(
        store.visits_of(&budi.id).unwrap()[0]
            .findings
            .notes
            .as_deref(),
        Some("ibu tidur nyenyak, bayi menyusu")
    );

    let code = dir.path().join("code.json");
    let out = pijat(
        dir.path(),
        &["export", code.to_str().unwrap(), "--pseudonymise"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let raw = std::fs::read_to_string(&code).unwrap();
    for secret in ["nyenyak", "Bu Rina", "Pak Dedi", "Budi"] {
        assert!(
            !raw.contains(secret),
            "{secret} is in the pseudonymised bundle"
        );
    }
    let v: serde_json::Value = serde_json::from_str(&raw).unwrap();
    assert_eq!(v["format_version"], 3);
    assert_eq!(v["payload"]["observations"].as_array().unwrap().len(), 3);
    assert_eq!(v["payload"]["visits"].as_array().unwrap().len(), 3);
}
