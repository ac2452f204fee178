//! Tests of `report_and_bundles.rs`, part 1.

use super::*;

#[test]
fn results_from_two_laptops_merge_into_one_report() {
    let (a, b) = two_laptops();
    let bundle = b.path().join("laptop-b.json");
    let out = pijat(
        b.path(),
        &["export", bundle.to_str().unwrap(), "--lang", "en"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let out = pijat(
        a.path(),
        &["import", bundle.to_str().unwrap(), "--lang", "en"],
    );
    let said = text(&out.stdout);
    assert!(said.contains("1 new trainees, 4 matched by name"), "{said}");
    // Importing again adds nothing: the same UUIDs are the same records.
    let again = text(
        &pijat(
            a.path(),
            &["import", bundle.to_str().unwrap(), "--lang", "en"],
        )
        .stdout,
    );
    assert!(
        again.contains(
            "0 new trainees, 0 matched by name, 0 new classes, 0 new tests (5 already here)"
        ),
        "{again}"
    );

    let json = melati_report(
        a.path(),
        &["--format", "json", "--items", "--names", "full"],
    );
    let r: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(r["class"], "Posyandu Melati");
    assert_eq!(r["quiz"], "knowledge");
    assert_eq!(
        r["summary"]["n_paired"], 4,
        "linked by name across laptops: {json}"
    );
    assert_eq!(r["summary"]["pre"]["n"], 4);
    assert_eq!(r["summary"]["post"]["n"], 5);
    let budi = r["participants"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "Budi Santoso")
        .unwrap();
    assert_eq!(
        (budi["pre"].as_f64(), budi["post"].as_f64()),
        (Some(40.0), Some(90.0))
    );
    let wati = r["participants"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "Wati")
        .unwrap();
    assert!(wati["pre"].is_null() && wati["post"].as_f64() == Some(80.0));
    // The contract's keys, all present.
    for k in [
        "n_paired",
        "pre",
        "post",
        "diff",
        "paired_t",
        "wilcoxon",
        "effect_size_dz",
        "normalized_gain",
    ] {
        assert!(r["summary"].get(k).is_some(), "{k}");
    }
    assert!(
        r["summary"]["diff"]["ci95"]
            .as_array()
            .is_some_and(|a| a.len() == 2)
    );
    for k in [
        "question",
        "pre_facility",
        "post_facility",
        "pre_discrimination",
        "mcnemar_p",
    ] {
        assert!(r["items"][0].get(k).is_some(), "{k}");
    }
    assert!(
        r["reliability"].get("pre_alpha").is_some() && r["reliability"].get("post_alpha").is_some()
    );
    // python3 -c "from scipy import stats; print(stats.ttest_rel([90,70,100,80],[40,50,60,50]))"
    let t = r["summary"]["paired_t"]["t"].as_f64().unwrap();
    assert!((t - 5.422176684690384).abs() < 1e-9, "{t}");
    let p = r["summary"]["paired_t"]["p"].as_f64().unwrap();
    assert!((p - 0.012307551821486276).abs() < 1e-9, "{p}");
}

#[test]
fn every_format_says_what_a_trainer_needs() {
    let (a, b) = two_laptops();
    let bundle = b.path().join("b.json");
    pijat(b.path(), &["export", bundle.to_str().unwrap()]);
    pijat(a.path(), &["import", bundle.to_str().unwrap()]);
    let txt = melati_report(a.path(), &["--items", "--lang", "en"]);
    // Wrapped at 78 columns: read as running text.
    let txt = txt.split_whitespace().collect::<Vec<_>>().join(" ");
    // The differences (50, 20, 40, 30) look normal (Shapiro–Wilk p = 0.97), so the t-test is
    // the primary test, and the sentence says why.
    assert!(
        txt.contains(
            "The mean knowledge score of the 4 participants who took both tests rose from 50.0% to 85.0%, a rise of 35.0 points (70.0%)."
        ),
        "{txt}"
    );
    assert!(
        txt.contains("showed the score differences to be normally distributed (W = 0.993, p = 0.972), so the paired t-test was used."),
        "{txt}"
    );
    assert!(
        txt.contains("The test gave t(3) = 5.42, p = 0.012: the scores rose significantly."),
        "{txt}"
    );
    // Few pairs: the tests have little power (an exact p is not "rough").
    assert!(
        txt.contains("fewer than 10 paired participants; with a sample this small the tests have little power"),
        "{txt}"
    );
    let id = text(&pijat(a.path(), &["report", "--class", "Posyandu Melati"]).stdout)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        id.contains("Hasil uji menunjukkan t(3) = 5,42; p = 0,012, artinya terdapat kenaikan skor yang bermakna"),
        "decimal comma in Indonesian: {id}"
    );
    let md = melati_report(a.path(), &["--format", "md", "--items"]);
    insta::assert_snapshot!("report_markdown_id", md);
    // CSV: a BOM, semicolons and decimal commas in Indonesian; it reads back as a table.
    let csv = melati_report(a.path(), &["--format", "csv", "--items"]);
    assert!(csv.starts_with('\u{feff}'));
    let mut rd = csv::ReaderBuilder::new()
        .delimiter(b';')
        .flexible(true)
        .from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
    let rows: Vec<csv::StringRecord> = rd.records().map(Result::unwrap).collect();
    // Budi Santoso, first by name: R1.
    let budi = rows.iter().find(|r| &r[0] == "R1").unwrap();
    assert_eq!((&budi[2], &budi[3], &budi[4]), ("40,00", "90,00", "50,00"));
    let en = melati_report(a.path(), &["--format", "csv", "--lang", "en"]);
    assert!(en.contains("R1,father,40.00,90.00,50.00"), "{en}");
    let unknown = pijat(a.path(), &["report", "--class", "Nowhere", "--lang", "en"]);
    assert_eq!(unknown.status.code(), Some(1));
    assert!(text(&unknown.stderr).contains("no class “Nowhere”; the classes are: Posyandu Melati"));
}

#[test]
fn a_damaged_changed_or_newer_bundle_is_refused_whole() {
    let (a, b) = two_laptops();
    let good = b.path().join("good.json");
    pijat(b.path(), &["export", good.to_str().unwrap()]);
    let full = std::fs::read_to_string(&good).unwrap();
    let cut = b.path().join("cut.json");
    std::fs::write(&cut, &full[..full.len() / 2]).unwrap();
    let tampered = b.path().join("tampered.json");
    std::fs::write(&tampered, full.replacen("\"right\":9", "\"right\":10", 1)).unwrap();
    assert_ne!(
        std::fs::read_to_string(&tampered).unwrap(),
        full,
        "the test changed a score"
    );
    let newer = b.path().join("newer.json");
    std::fs::write(
        &newer,
        full.replacen("\"format_version\":3", "\"format_version\":4", 1),
    )
    .unwrap();
    let out = pijat(
        a.path(),
        &[
            "import",
            good.to_str().unwrap(),
            cut.to_str().unwrap(),
            tampered.to_str().unwrap(),
            newer.to_str().unwrap(),
            "--lang",
            "en",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(
        err.contains("cut.json: not a complete pijat bundle (cut short or damaged at line"),
        "{err}"
    );
    assert!(
        err.contains("tampered.json: the checksum does not match"),
        "{err}"
    );
    assert!(
        err.contains("newer.json: this bundle is from a newer pijat (format 4)"),
        "{err}"
    );
    assert!(err.contains("Nothing was imported."), "{err}");
    // Not even the good bundle was merged.
    let store = pijat_store::Store::open(a.path()).unwrap();
    assert!(store.profile_by_name("Wati").unwrap().is_none());
}

#[test]
fn a_pseudonymised_export_holds_no_name_and_never_overwrites_a_file() {
    let (a, _b) = two_laptops();
    let store = pijat_store::Store::open(a.path()).unwrap();
    let class = store.class_by_name("Posyandu Melati").unwrap().unwrap();
    store
        .save_class(
            Some(&class.id),
            &pijat_store::ClassDetails {
                name: class.name.clone(),
                trainer: Some("Bidan Ratna Sari".into()),
                ..Default::default()
            },
        )
        .unwrap();
    drop(store);
    let file = a.path().join("anon.json");
    let out = pijat(
        a.path(),
        &[
            "export",
            file.to_str().unwrap(),
            "--pseudonymise",
            "--class",
            "Posyandu Melati",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let body = std::fs::read_to_string(&file).unwrap();
    for name in ["Budi", "Siti", "Aminah", "Joko", "Ñoman", "Ratna"] {
        assert!(
            !body.contains(name),
            "{name} is in the pseudonymised bundle"
        );
    }
    assert!(body.contains("\"P001\"") && body.contains("\"P004\""));
    let again = pijat(
        a.path(),
        &["export", file.to_str().unwrap(), "--lang", "en"],
    );
    assert_eq!(again.status.code(), Some(1));
    assert!(text(&again.stderr).contains("already exists"));
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        body,
        "the file is untouched"
    );
}

/// `pijat report --class "Posyandu Melati" ARGS`, its standard output.
fn melati_report(data: &Path, args: &[&str]) -> String {
    let all = [&["report", "--class", "Posyandu Melati"][..], args].concat();
    text(&pijat(data, &all).stdout)
}
