//! Tests of `report_documents.rs`, part 2.

use super::*;

#[test]
fn cutoffs_change_the_categories_and_are_stated() {
    let dir = tempfile::tempdir().unwrap();
    class(dir.path(), false);
    let j = json(dir.path(), &["--cutoffs", "80,60"]);
    assert_eq!(j["categories"]["cutoffs"]["good"], 80.0);
    let c = &j["categories"]["paired_post"];
    let scores: Vec<f64> = j["participants"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| !p["pre"].is_null())
        .filter_map(|p| p["post"].as_f64())
        .collect();
    assert_eq!(
        c["good"].as_u64().unwrap() as usize,
        scores.iter().filter(|s| **s >= 80.0).count()
    );
    let md = text(
        &run(
            dir.path(),
            &[
                "report",
                "--class",
                CLASS,
                "--format",
                "md",
                "--cutoffs",
                "80,60",
            ],
            "",
        )
        .stdout,
    );
    assert!(
        md.contains("baik 80–100%, cukup 60–79%, kurang di bawah 60%"),
        "{md}"
    );
    let bad = run(dir.path(), &["report", "--cutoffs", "50,70"], "");
    assert_eq!(bad.status.code(), Some(2));
}
