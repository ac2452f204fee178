//! The score summary (paired means apart from all takers, with their intervals and chart) and
//! the pass counts and knowledge categories of a laporan.

use super::compose::legend;
use super::model::{
    Block, Cell, Chart, ChartKind, Column, Counter, Estimate, Row, Section, Sheet, Style, Table,
};
use super::types::{Group, Report};
use super::words::{num, short, t};
use crate::content::Lang;

fn group_row(label: &str, g: &Group, signed: bool) -> Row {
    let style = if signed { Style::Signed } else { Style::Plain };
    let ci = g.ci95.0.ok();
    Row {
        cells: vec![
            Cell::text(label),
            Cell::Count(g.n),
            Cell::styled(g.mean.0.ok(), 1, style),
            Cell::styled(g.sd.0.ok(), 1, Style::Plain),
            Cell::styled(ci.map(|c| c.0), 1, style),
            Cell::styled(ci.map(|c| c.1), 1, style),
        ],
        strong: false,
    }
}

pub fn summary(r: &Report, lang: &Lang, n: &mut Counter) -> Section {
    let s = &r.summary;
    let paired = |w: &str| {
        format!(
            "{w} ({} n = {})",
            t(lang, "berpasangan,", "paired,"),
            s.n_paired
        )
    };
    let all = |w: &str| {
        format!(
            "{w} ({})",
            t(lang, "semua peserta tes ini", "everyone who took it")
        )
    };
    let diff = super::types::Group {
        n: s.n_paired,
        mean: s.diff.mean,
        sd: s.diff.sd,
        ci95: s.diff.ci95,
    };
    let mut rows = vec![
        group_row(
            &paired(t(lang, "Tes awal", "Pre-test")),
            &s.paired_pre,
            false,
        ),
        group_row(
            &paired(t(lang, "Tes akhir", "Post-test")),
            &s.paired_post,
            false,
        ),
        group_row(
            t(lang, "Selisih (akhir − awal)", "Difference (post − pre)"),
            &diff,
            true,
        ),
        group_row(&all(t(lang, "Tes awal", "Pre-test")), &s.pre, false),
        group_row(&all(t(lang, "Tes akhir", "Post-test")), &s.post, false),
    ];
    rows[2].strong = true;
    let table = Table {
        sheet: Sheet::Summary,
        caption: n.table(
            lang,
            t(
                lang,
                "Rata-rata skor (%) peserta yang mengikuti kedua tes, dan semua peserta tiap tes",
                "Mean scores (%) of those who took both tests, and of everyone who took each",
            ),
        ),
        columns: vec![
            Column::new(t(lang, "Kelompok", "Group"), t(lang, "kelompok", "group")),
            Column::new("n", "n"),
            Column::new(t(lang, "Rata-rata", "Mean"), t(lang, "rata_rata", "mean")),
            Column::new("SD", "sd"),
            Column::new(t(lang, "IK 95% bawah", "95% CI low"), "ci95_low"),
            Column::new(t(lang, "IK 95% atas", "95% CI high"), "ci95_high"),
        ],
        rows,
        notes: vec![t(
            lang,
            "IK 95% = interval kepercayaan 95% (uji t). Baris berpasangan hanya memuat peserta yang mengikuti tes awal dan tes akhir; dua baris terakhir memuat semua yang mengikuti tes itu.",
            "95% CI = 95% confidence interval (t). The paired rows hold only those who took both the pre-test and the post-test; the last two rows hold everyone who took that test.",
        )
        .into()],
    };
    let est = |g: &Group| {
        g.mean.0.ok().map(|value| Estimate {
            value,
            ci: g.ci95.0.ok(),
        })
    };
    let chart = Chart {
        caption: n.chart(
            lang,
            t(
                lang,
                "Rata-rata kelas sebelum dan sesudah, dengan interval kepercayaan 95%",
                "The class mean before and after, with 95% confidence intervals",
            ),
        ),
        kind: ChartKind::Means(est(&s.paired_pre), est(&s.paired_post)),
        legend: legend(lang),
        alt: String::new(),
    };
    let mut blocks = vec![Block::Table(table)];
    if s.n_paired > 0 {
        blocks.push(Block::Chart(chart));
    }
    Section {
        heading: t(lang, "Ringkasan skor", "Score summary").into(),
        blocks,
    }
}

fn count_cells(k: usize, of: usize) -> [Cell; 2] {
    [
        Cell::Count(k),
        Cell::styled(
            (of > 0).then(|| 100.0 * k as f64 / of as f64),
            1,
            Style::Percent,
        ),
    ]
}

pub fn pass_and_categories(r: &Report, lang: &Lang, n: &mut Counter) -> Section {
    let paired = r.summary.n_paired > 0;
    let (pp, pq) = if paired {
        (&r.pass.paired_pre, &r.pass.paired_post)
    } else {
        (&r.pass.pre, &r.pass.post)
    };
    let (cp, cq) = if paired {
        (&r.categories.paired_pre, &r.categories.paired_post)
    } else {
        (&r.categories.pre, &r.categories.post)
    };
    let who = if paired {
        format!(
            "{} (n = {})",
            t(
                lang,
                "peserta yang mengikuti kedua tes",
                "those who took both tests"
            ),
            r.summary.n_paired
        )
    } else {
        t(
            lang,
            "semua peserta tiap tes",
            "everyone who took each test",
        )
        .to_string()
    };
    let columns = |first: &str| {
        vec![
            Column::new(first, t(lang, "baris", "row")),
            Column::new(
                t(lang, "Tes awal (n)", "Pre-test (n)"),
                t(lang, "awal_n", "pre_n"),
            ),
            Column::new(
                t(lang, "Tes awal (%)", "Pre-test (%)"),
                t(lang, "awal_persen", "pre_percent"),
            ),
            Column::new(
                t(lang, "Tes akhir (n)", "Post-test (n)"),
                t(lang, "akhir_n", "post_n"),
            ),
            Column::new(
                t(lang, "Tes akhir (%)", "Post-test (%)"),
                t(lang, "akhir_persen", "post_percent"),
            ),
        ]
    };
    let mark = r.pass.pass_percent;
    let mut pass = Table {
        sheet: Sheet::Summary,
        caption: n.table(
            lang,
            &format!(
                "{} ({mark}%), {who}",
                t(
                    lang,
                    "Kelulusan menurut nilai lulus set soal",
                    "Passing by the set's pass mark"
                )
            ),
        ),
        columns: columns(t(lang, "Hasil", "Result")),
        rows: Vec::new(),
        notes: Vec::new(),
    };
    let line = |label: String, a: usize, b: usize| {
        let mut cells = vec![Cell::Text(label)];
        cells.extend(count_cells(a, pp.n));
        cells.extend(count_cells(b, pq.n));
        cells
    };
    pass.push(line(
        format!("{} (≥ {mark}%)", t(lang, "Lulus", "Passed")),
        pp.passed,
        pq.passed,
    ));
    pass.push(line(
        t(lang, "Belum lulus", "Not yet").into(),
        pp.n - pp.passed,
        pq.n - pq.passed,
    ));
    let c = r.categories.cutoffs;
    let range = |lo: f64, hi: Option<f64>| match hi {
        Some(h) if lo.fract() == 0.0 && h.fract() == 0.0 => {
            format!("{}–{}%", num(lo, 0, lang), num(h - 1.0, 0, lang))
        }
        Some(h) => format!("{}–< {}%", short(lo, 1, lang), short(h, 1, lang)),
        None => format!("{}–100%", short(lo, 1, lang)),
    };
    let mut cats = Table {
        sheet: Sheet::Summary,
        caption: n.table(
            lang,
            &format!(
                "{}, {who}",
                t(lang, "Kategori pengetahuan", "Knowledge categories")
            ),
        ),
        columns: columns(t(lang, "Kategori", "Category")),
        rows: Vec::new(),
        notes: vec![if lang.is_en() {
            format!(
                "Categories after Arikunto, as Indonesian health reports use them: good {}, fair {}, poor below {}% (cut-offs changed with --cutoffs GOOD,FAIR).",
                range(c.good, None),
                range(c.fair, Some(c.good)),
                short(c.fair, 1, lang)
            )
        } else {
            format!(
                "Kategori menurut Arikunto, seperti lazim dalam laporan kesehatan: baik {}, cukup {}, kurang di bawah {}% (batas dapat diubah dengan --cutoffs BAIK,CUKUP).",
                range(c.good, None),
                range(c.fair, Some(c.good)),
                short(c.fair, 1, lang)
            )
        }],
    };
    for (label, a, b) in [
        (
            format!("{} ({})", t(lang, "Baik", "Good"), range(c.good, None)),
            cp.good,
            cq.good,
        ),
        (
            format!(
                "{} ({})",
                t(lang, "Cukup", "Fair"),
                range(c.fair, Some(c.good))
            ),
            cp.fair,
            cq.fair,
        ),
        (
            format!(
                "{} (< {}%)",
                t(lang, "Kurang", "Poor"),
                short(c.fair, 1, lang)
            ),
            cp.poor,
            cq.poor,
        ),
    ] {
        let mut cells = vec![Cell::Text(label)];
        cells.extend(count_cells(a, cp.n));
        cells.extend(count_cells(b, cq.n));
        cats.push(cells);
    }
    Section {
        heading: t(
            lang,
            "Kelulusan dan kategori pengetahuan",
            "Passing and knowledge categories",
        )
        .into(),
        blocks: vec![Block::Table(pass), Block::Table(cats)],
    }
}
