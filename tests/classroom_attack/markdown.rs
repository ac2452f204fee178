//! F8: a name typed on a phone or a sheet that is HTML or Markdown stays text in
//! `report --format md`.

use crate::common::cli::{TEN, import_sheet, run, text};

#[test]
fn names_that_are_html_or_markdown_stay_text_in_the_markdown_report() {
    let dir = tempfile::tempdir().unwrap();
    let csv = "nama,peran,jawaban\n<img src=x onerror=alert(1)>,ayah,BSBSBSBSBS\n[klik](http://evil.example),ayah,BBBBBBBBBB\n*Budi*_|,ayah,SSSSSSSSSS\n";
    let args = ["--content", TEN, "--phase", "pre"];
    let o = import_sheet(dir.path(), "s.csv", csv.as_bytes(), "Melati", &args);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let md = run(
        dir.path(),
        &[
            "--content",
            TEN,
            "report",
            "--class",
            "Melati",
            "--format",
            "md",
            "--names",
            "full",
        ],
        "",
    );
    let md = text(&md.stdout);
    assert!(
        !md.replace("\\<img", "").contains("<img"),
        "no live tag: {md}"
    );
    assert!(md.contains("\\<img src=x onerror=alert(1)>"), "{md}");
    assert!(
        md.contains("\\[klik\\](http://evil.example)"),
        "no live link: {md}"
    );
    assert!(
        md.contains("| \\*Budi\\*\\_\\| |"),
        "no emphasis, the cell not split: {md}"
    );
    // Every row of the participants' table still has its five cells (a pre-test alone: no
    // post-test, change or N-gain columns).
    let rows: Vec<&str> = md
        .lines()
        .filter(|l| ["| 1 |", "| 2 |", "| 3 |"].iter().any(|n| l.starts_with(n)))
        .collect();
    assert_eq!(rows.len(), 3, "{md}");
    for r in rows {
        assert_eq!(r.matches(" | ").count(), 4, "{r}");
    }
}
