//! Tests of `report_documents.rs`, part 1.

use super::*;

#[test]
fn the_word_file_has_the_sentences_tables_charts_and_the_jsons_numbers() {
    let dir = tempfile::tempdir().unwrap();
    class(dir.path(), false);
    let j = json(dir.path(), &["--names", "full"]);
    let s = &j["summary"];
    let docx = file(dir.path(), "docx", "laporan.docx", "id");
    let xml = unzip(&docx, "word/document.xml");
    let words: String = xml
        .split("<w:t")
        .skip(1)
        .filter_map(|p| p.split_once('>').and_then(|(_, r)| r.split_once("</w:t>")))
        .map(|(t, _)| {
            t.replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&")
        })
        .collect::<Vec<_>>()
        .join(" ");
    let n = s["n_paired"].as_u64().unwrap();
    let lead = format!(
        "Rata-rata skor pengetahuan {n} peserta yang mengikuti kedua tes naik dari {}% menjadi {}%, yaitu naik ",
        id(f(&s["paired_pre"]["mean"]), 1),
        id(f(&s["paired_post"]["mean"]), 1),
    );
    assert!(words.contains(&lead), "{lead}\n{words}");
    // Captions: the word, the number (a field's result, in a run of its own) and the text.
    for caption in [
        ". Hasil tiap butir",
        "Gambar  4 . ",
        "Hasil uji menunjukkan",
    ] {
        assert!(words.contains(caption), "{caption}\n{words}");
    }
    assert!(
        xml.contains("<w:tbl>") && xml.contains("<w:cantSplit"),
        "real Word tables"
    );
    // Word that behaves like Word: every table's header row repeats on each page; captions are
    // numbered by SEQ fields; tables fit a 14 cm text block; every picture has its own id; the
    // language and title are in the file.
    let tables = xml.matches("<w:tbl>").count();
    assert_eq!(xml.matches("<w:tblHeader />").count(), tables);
    assert_eq!(xml.matches(" SEQ Tabel \\* ARABIC ").count(), tables);
    assert_eq!(xml.matches(" SEQ Gambar \\* ARABIC ").count(), 4);
    assert!(xml.contains(r#"<w:tblW w:w="7937" w:type="dxa" />"#));
    assert!(xml.contains(r#"<w:pgMar w:top="1701" w:right="1701" w:bottom="1701" w:left="2268""#));
    let mut ids: Vec<&str> = xml
        .split("<wp:docPr id=\"")
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .collect();
    assert_eq!(ids.len(), 4);
    ids.dedup();
    assert_eq!(ids, ["1", "2", "3", "4"]);
    assert!(unzip(&docx, "word/styles.xml").contains(r#"<w:lang w:val="id-ID""#));
    let core = unzip(&docx, "docProps/core.xml");
    assert!(
        core.contains("<dc:title>Hasil tes awal dan tes akhir"),
        "{core}"
    );
    assert!(!core.contains("1970-01-01"), "{core}");
    // Every chart is a picture in the file.
    let z = zip::ZipArchive::new(std::io::Cursor::new(&docx[..])).unwrap();
    let pictures = z
        .file_names()
        .filter_map(Result::ok)
        .filter(|n| n.starts_with("word/media/") && n.ends_with(".png"))
        .count();
    assert_eq!(pictures, 4);
    // The numbers, as the JSON has them.
    for (v, d) in [
        (&s["paired_pre"]["mean"], 1),
        (&s["paired_pre"]["sd"], 1),
        (&s["paired_post"]["sd"], 1),
        (&s["diff"]["sd"], 1),
        (&s["paired_t"]["t"], 2),
        (&s["shapiro"]["w"], 3),
        (&s["effect_size_dz"], 2),
        (&s["normalized_gain"], 2),
        (&j["gain"]["individual_mean"], 2),
        (&j["reliability"]["post_alpha"], 2),
    ] {
        assert!(words.contains(&id(f(v), d)), "{v} as {}", id(f(v), d));
    }
    let budi = j["participants"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "Budi Santoso")
        .unwrap();
    assert!(words.contains(&format!("{}%", id(f(&budi["pre"]), 1))));
    let (lo, hi) = (f(&s["diff"]["ci95"][0]), f(&s["diff"]["ci95"][1]));
    assert!(words.contains(&id(lo, 1)) && words.contains(&id(hi, 1)));
    // Nobody is named: the participants are codes, in the table's order, and the sentence
    // above the table says so.
    let all = j["participants"].as_array().unwrap();
    for p in all {
        let name = p["name"].as_str().unwrap();
        assert!(!words.contains(name), "{name} named in the Word file");
    }
    let last = format!("R{}", all.len());
    assert!(
        words.contains(&format!("peserta ditulis dengan kode (R1–{last})")),
        "{words}"
    );
}

#[test]
fn the_workbook_stores_numbers_as_numbers_equal_to_the_json() {
    let dir = tempfile::tempdir().unwrap();
    class(dir.path(), false);
    let j = json(dir.path(), &[]);
    let bytes = file(dir.path(), "xlsx", "laporan.xlsx", "id");
    let mut wb: Xlsx<_> = open_workbook_from_rs(std::io::Cursor::new(bytes.clone())).unwrap();
    assert_eq!(
        wb.sheet_names(),
        ["Ringkasan", "Peserta", "Butir soal", "Pemantauan"]
    );
    let people = cells(&mut wb, "Peserta");
    for p in j["participants"].as_array().unwrap() {
        let name = p["name"].as_str().unwrap();
        let row = row_of(&people, name);
        assert_eq!(row[3] == Data::Empty, p["pre"].is_null(), "{name}");
        if !p["pre"].is_null() {
            same(number(&row[3]), f(&p["pre"]));
        }
        if !p["post"].is_null() {
            same(number(&row[4]), f(&p["post"]));
            same(number(&row[5]), f(&p["change"]));
        }
    }
    let summary = cells(&mut wb, "Ringkasan");
    let t = row_of(&summary, "Uji t berpasangan");
    same(number(&t[2]), f(&j["summary"]["paired_t"]["t"]));
    same(number(&t[3]), f(&j["summary"]["paired_t"]["p"]));
    let sw = row_of(&summary, "Shapiro–Wilk (normalitas selisih)");
    same(number(&sw[2]), f(&j["summary"]["shapiro"]["w"]));
    let diff = row_of(&summary, "Selisih (akhir − awal)");
    same(number(&diff[2]), f(&j["summary"]["diff"]["mean"]));
    same(number(&diff[4]), f(&j["summary"]["diff"]["ci95"][0]));
    let items = cells(&mut wb, "Butir soal");
    let first = row_of(&items, "1");
    same(number(&first[2]), f(&j["items"][0]["pre_facility"]));
    // Number formats, not text: an Indonesian Excel shows its own decimal comma.
    let styles = unzip(&bytes, "xl/styles.xml");
    assert!(
        styles.contains(r#"formatCode="0.0&quot;%&quot;""#),
        "{styles}"
    );
    assert!(styles.contains(r#"formatCode="0.000""#));
    let sheet2 = unzip(&bytes, "xl/worksheets/sheet2.xml");
    assert!(
        sheet2.contains(r#"state="frozen""#),
        "the header row stays in view"
    );
    assert!(sheet2.contains(r#"t="s""#), "names are strings");
    // A p below 0,001 shows as "<0,001", never "0,000".
    assert!(
        styles.contains(r#"formatCode="[&lt;0.001]&quot;&lt;0,001&quot;;0.000""#),
        "{styles}"
    );
    // Every sheet prints on A4 fitted to the page's width; the wide ones landscape, with
    // their header rows on every page.
    for n in 1..=4 {
        let sheet = unzip(&bytes, &format!("xl/worksheets/sheet{n}.xml"));
        assert!(
            sheet.contains(r#"<pageSetUpPr fitToPage="1"/>"#),
            "sheet {n}"
        );
        assert!(
            sheet.contains(r#"paperSize="9" fitToHeight="0""#),
            "sheet {n}"
        );
        assert_eq!(
            sheet.contains(r#"orientation="landscape""#),
            n > 1,
            "sheet {n}"
        );
    }
    let book = unzip(&bytes, "xl/workbook.xml");
    assert!(book.contains("_xlnm.Print_Titles"), "{book}");
    // Excel's own charts: the class means, each participant, each question, the checklist.
    let z = zip::ZipArchive::new(std::io::Cursor::new(&bytes[..])).unwrap();
    let charts: Vec<String> = z
        .file_names()
        .filter_map(Result::ok)
        .filter(|n| n.starts_with("xl/charts/chart"))
        .map(|n| n.to_string())
        .collect();
    assert_eq!(charts.len(), 4, "{charts:?}");
    let means = unzip(&bytes, "xl/charts/chart1.xml");
    assert!(means.contains("<c:barChart>"), "{means}");
    assert!(means.contains("Ringkasan!$B$"), "{means}");
}

#[test]
fn the_html_prints_on_a4_with_every_section_and_the_jsons_numbers() {
    let dir = tempfile::tempdir().unwrap();
    class(dir.path(), false);
    let j = json(dir.path(), &[]);
    let html = String::from_utf8(file(dir.path(), "html", "laporan.html", "id")).unwrap();
    // Self-contained: nothing fetched (the only URL is the SVG namespace's name).
    for fetch in ["<link", "<script", "src=", "url(", "@import"] {
        assert!(!html.contains(fetch), "{fetch}");
    }
    assert_eq!(html.matches("<svg").count(), 4, "four charts, inline");
    assert!(html.contains("tr { break-inside: avoid"));
    let Some(pdf) = pdf::print(&dir.path().join("laporan.html")) else {
        return;
    };
    assert!(pdf.a4, "A4 pages");
    assert!(
        (3..=8).contains(&pdf.pages.len()),
        "{} pages",
        pdf.pages.len()
    );
    let all = pdf.pages.join("\n");
    let flat = all.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains("peserta yang mengikuti kedua tes naik dari"),
        "{flat}"
    );
    for caption in ["Tabel 1.", "Tabel 9.", "Gambar 1.", "Gambar 4."] {
        assert!(flat.contains(caption), "{caption}: {flat}");
    }
    let t = id(f(&j["summary"]["paired_t"]["t"]), 2);
    assert!(flat.contains(&t), "{t}");
    // A question's full text, not cut.
    assert!(
        flat.contains("Refleks oksitosin bisa mulai bekerja sebelum bayi menyusu"),
        "{flat}"
    );
}

#[test]
fn a_fall_is_called_a_fall_and_each_format_says_so() {
    let dir = tempfile::tempdir().unwrap();
    class(dir.path(), true);
    let j = json(dir.path(), &[]);
    assert!(f(&j["summary"]["diff"]["mean"]) < 0.0);
    assert!(
        j["gain"]["class_hake_category"].is_null(),
        "a negative gain has no category"
    );
    let txt = text(&run(dir.path(), &["report", "--class", CLASS], "").stdout);
    let flat = txt.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains("peserta yang mengikuti kedua tes turun dari"),
        "{flat}"
    );
    assert!(!flat.contains("kenaikan"), "{flat}");
    assert!(flat.contains("tanpa kategori (turun)"), "{flat}");
    let en = text(
        &run(
            dir.path(),
            &["report", "--class", CLASS, "--lang", "en"],
            "",
        )
        .stdout,
    );
    let en = en.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        en.contains("participants who took both tests fell from"),
        "{en}"
    );
    assert!(!en.contains("scores rose"), "{en}");
}

#[test]
fn a_class_with_no_results_gets_one_sentence_and_n_zero() {
    let dir = tempfile::tempdir().unwrap();
    pijat_store::Store::open(dir.path())
        .unwrap()
        .ensure_class("Kosong")
        .unwrap();
    let o = run(
        dir.path(),
        &["report", "--class", "Kosong", "--format", "json"],
        "",
    );
    let j: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(j["summary"]["n_paired"], 0);
    assert_eq!(j["summary"]["pre"]["n"], 0);
    assert!(j["summary"]["primary_test"].is_null());
    let txt = text(&run(dir.path(), &["report", "--class", "Kosong"], "").stdout);
    assert!(txt.contains("Belum ada hasil tes"), "{txt}");
    assert!(txt.lines().count() <= 6 && !txt.contains("– ("), "{txt}");
    for (format, name) in [
        ("html", "k.html"),
        ("docx", "k.docx"),
        ("xlsx", "k.xlsx"),
        ("md", "k.md"),
    ] {
        let out = dir.path().join(name);
        let o = run(
            dir.path(),
            &[
                "report",
                "--class",
                "Kosong",
                "--format",
                format,
                "-o",
                out.to_str().unwrap(),
            ],
            "",
        );
        assert!(o.status.success(), "{format}: {}", both(&o));
    }
    let md = std::fs::read_to_string(dir.path().join("k.md")).unwrap();
    assert!(
        md.contains("Belum ada hasil tes") && !md.contains('|'),
        "{md}"
    );
}

#[test]
fn an_existing_file_is_never_overwritten_and_no_part_file_is_left() {
    let dir = tempfile::tempdir().unwrap();
    class(dir.path(), false);
    let out = dir.path().join("laporan.docx");
    std::fs::write(&out, b"the trainer's own file").unwrap();
    let report_to = |format: &str, out: &Path| {
        let out = out.to_str().unwrap();
        let args = [
            "report", "--class", CLASS, "--format", format, "--out", out, "--lang", "en",
        ];
        run(dir.path(), &args, "")
    };
    let o = report_to("docx", &out);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        both(&o).contains("already exists; choose another file name"),
        "{}",
        both(&o)
    );
    assert_eq!(std::fs::read(&out).unwrap(), b"the trainer's own file");
    let missing = dir.path().join("no-folder").join("laporan.xlsx");
    let o = report_to("xlsx", &missing);
    assert_eq!(o.status.code(), Some(1), "{}", both(&o));
    assert!(!dir.path().join("no-folder").exists());
    // To a pipe, a binary format goes to standard output as the others do.
    let o = run(
        dir.path(),
        &["report", "--class", CLASS, "--format", "xlsx"],
        "",
    );
    assert!(
        o.status.success() && o.stdout.starts_with(b"PK"),
        "{}",
        both(&o)
    );
}

#[test]
fn a_word_file_to_the_screen_is_refused_with_a_hint() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = common::spawn(
        &["report", "--format", "docx"],
        &[("PIJAT_DATA_DIR", dir.path())],
        "id",
    );
    s.wait_for("--out laporan.docx");
    assert!(!s.wait_exit(), "a usage error");
}
