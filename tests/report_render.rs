//! The laporan's Word file and workbook rendered as a reader's office suite renders them: headless
//! LibreOffice prints each to PDF, and the pages are read back. Four classes a trainer meets: the
//! seed-sized class (16), a class whose scores fell (8), a class of 40, and a class with only a
//! pre-test (7). Each renders on A4 to a sensible number of pages with its sentences, captions
//! and sources there, and no participant named.

mod common;

use std::path::Path;

use common::cli::{both, import_sheet, run_ten as run, text};
use common::pdf;

/// The ten-statement set's key, from the printed key.
fn key(dir: &Path) -> String {
    let out = text(&run(dir, &["print", "knowledge", "--key", "--lang", "en"], "").stdout);
    let start = out.find('`').unwrap() + 1;
    out[start..start + 10].to_string()
}

/// `n` people's answers: person `i` gets question `q` right when `right(i, q)`.
fn sheet(names: &[String], key: &str, right: impl Fn(usize, usize) -> bool) -> String {
    let mut s = String::from("nama,peran,jawaban\n");
    for (i, n) in names.iter().enumerate() {
        let role = if i % 5 == 1 { "kader" } else { "ayah" };
        let answers: String = key
            .chars()
            .enumerate()
            .map(|(q, c)| match (right(i, q), c) {
                (true, c) => c,
                (false, 'B') => 'S',
                (false, _) => 'B',
            })
            .collect();
        s.push_str(&format!("{n},{role},{answers}\n"));
    }
    s
}

/// A class of `n` with a pre-test, and a post-test unless `pre_only`; scores rise, or fall.
fn class(dir: &Path, name: &str, n: usize, fall: bool, pre_only: bool) -> Vec<String> {
    let k = key(dir);
    // Names of this class's own: the same name in two classes is one person.
    let place = name.rsplit(' ').next().unwrap_or(name);
    let names: Vec<String> = (0..n).map(|i| format!("Bapak {place} {}", i + 1)).collect();
    // Before: 3 to 6 right; after: 7 to 10 (or, falling, 2 to 5).
    let low = |i: usize, q: usize| q < 3 + (i * 7 + q) % 4;
    let high = |i: usize, q: usize| q < 7 + (i * 3 + q) % 4;
    let (pre, post) = if fall {
        (
            sheet(&names, &k, high),
            sheet(&names, &k, |i, q| q < 2 + i % 4),
        )
    } else {
        (sheet(&names, &k, low), sheet(&names, &k, high))
    };
    let ten = common::cli::TEN;
    let o = import_sheet(
        dir,
        "pre.csv",
        pre.as_bytes(),
        name,
        &["--content", ten, "--phase", "pre"],
    );
    assert!(o.status.success(), "{}", both(&o));
    if !pre_only {
        let args = ["--content", ten, "--phase", "post"];
        let o = import_sheet(dir, "post.csv", post.as_bytes(), name, &args);
        assert!(o.status.success(), "{}", both(&o));
    }
    names
}

/// The class's report in `format`, written to a file and rendered by LibreOffice.
fn rendered(dir: &Path, class: &str, format: &str) -> Option<pdf::Pdf> {
    let out = dir.join(format!("{}.{format}", class.replace(' ', "_")));
    let o = run(
        dir,
        &[
            "report",
            "--class",
            class,
            "--format",
            format,
            "--out",
            out.to_str().unwrap(),
        ],
        "",
    );
    assert!(o.status.success(), "{}", both(&o));
    pdf::render(&out)
}

fn flat(p: &pdf::Pdf) -> String {
    p.pages
        .join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn the_word_file_and_workbook_render_for_four_kinds_of_class() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    // (class, size, fall, pre-test only, Word pages, workbook pages)
    let classes = [
        ("Posyandu Melati", 16, false, false, 4..=8, 2..=6),
        ("Desa Sukamaju", 8, true, false, 4..=8, 2..=6),
        ("Puskesmas Kota", 40, false, false, 5..=10, 2..=8),
        ("Posyandu Mawar", 7, false, true, 2..=5, 1..=4),
    ];
    for (class_name, n, fall, pre_only, word_pages, book_pages) in classes {
        let names = class(d, class_name, n, fall, pre_only);
        let Some(word) = rendered(d, class_name, "docx") else {
            return;
        };
        let text = flat(&word);
        assert!(word.a4, "{class_name}: A4");
        assert!(
            word_pages.contains(&word.pages.len()),
            "{class_name}: {} Word pages",
            word.pages.len()
        );
        for expected in [
            "Hasil tes awal dan tes akhir",
            "Tabel 1. Karakteristik peserta",
            "Sumber: data primer",
            "peserta ditulis dengan kode (R1–",
            "Daftar pustaka",
            "Arikunto, S. (2010)",
        ] {
            assert!(text.contains(expected), "{class_name}: {expected}\n{text}");
        }
        for name in &names {
            // "Bapak Kota 1" is also the start of "Bapak Kota 10": check each whole.
            assert!(
                !text.contains(&format!("{name} ")),
                "{class_name}: {name} named"
            );
        }
        let lead = if pre_only {
            "Baru ada hasil tes awal"
        } else if fall {
            "turun dari"
        } else {
            "naik dari"
        };
        assert!(text.contains(lead), "{class_name}: {lead}\n{text}");
        if pre_only {
            // No empty chart, no numbering gap: the questions' chart is the one figure; no
            // column of dashes for the post-test; the KR-20 shown.
            assert!(
                text.contains("Gambar 1. Persentase benar tiap butir")
                    && !text.contains("Gambar 2."),
                "{class_name}: {text}"
            );
            assert!(!text.contains("Tes akhir"), "{class_name}: {text}");
            assert!(text.contains("Reliabilitas KR-20"), "{class_name}: {text}");
        } else {
            assert!(
                text.contains("Gambar 1.") && text.contains("Gambar 3."),
                "{class_name}"
            );
            assert!(
                text.contains("Hasil uji menunjukkan"),
                "{class_name}: {text}"
            );
        }

        let Some(book) = rendered(d, class_name, "xlsx") else {
            return;
        };
        let text = flat(&book);
        assert!(book.a4, "{class_name}: the workbook on A4");
        assert!(
            book_pages.contains(&book.pages.len()),
            "{class_name}: {} workbook pages",
            book.pages.len()
        );
        assert!(
            text.contains("Tabel 2. Skor tes awal dan tes akhir tiap peserta"),
            "{class_name}: {text}"
        );
        for name in &names {
            assert!(
                !text.contains(&format!("{name} ")),
                "{class_name}: {name} named"
            );
        }
        assert!(
            !text.contains("0,000") && !text.contains("0.000 "),
            "{text}"
        );
    }
}
