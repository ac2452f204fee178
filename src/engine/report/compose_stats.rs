//! The statistical tests as a laporan states them: the rule that picks the primary test, both
//! tests side by side, the effect size and both normalised gains with their categories.

use super::model::{Block, Cell, Column, Counter, Section, Sheet, Style, Table};
use super::types::{PrimaryReason, PrimaryTest, Report, Val};
use super::words::{cohen, fig, gain_category, p_is, reason, t};
use crate::content::Lang;

/// Why the primary test is the one it is, and what it found: one or two sentences.
pub fn test_sentence(r: &Report, lang: &Lang) -> Option<String> {
    let s = &r.summary;
    let test = s.primary_test?;
    let sw = match (s.shapiro.w.0, s.shapiro.p.0) {
        (Ok(w), Ok(p)) => format!(
            "Shapiro–Wilk W = {}, {}",
            super::words::num(w, 3, lang),
            p_is(p, lang)
        ),
        _ => String::new(),
    };
    let why = match (s.primary_reason, lang.is_en()) {
        (Some(PrimaryReason::Normal), true) => format!("because the differences look normally distributed ({sw} ≥ 0.05)"),
        (Some(PrimaryReason::Normal), false) => format!("karena selisih skor berdistribusi normal ({sw} ≥ 0,05)"),
        (Some(PrimaryReason::NotNormal), true) => format!("because the differences are not normally distributed ({sw} < 0.05)"),
        (Some(PrimaryReason::NotNormal), false) => format!("karena selisih skor tidak berdistribusi normal ({sw} < 0,05)"),
        (_, true) => "because normality cannot be tested (fewer than 3 pairs, or every difference the same), and this test assumes less".into(),
        (_, false) => "karena normalitas tidak dapat diuji (kurang dari 3 pasangan, atau semua selisih sama), dan uji ini lebih sedikit asumsinya".into(),
    };
    let (name, result) = match test {
        PrimaryTest::PairedT => (
            t(lang, "uji t berpasangan", "the paired t-test"),
            match (s.paired_t.t.0, s.paired_t.df.0, s.paired_t.p.0) {
                (Ok(tv), Ok(df), Ok(p)) => format!(
                    "t({df:.0}) = {}, {}",
                    super::words::num(tv, 2, lang),
                    p_is(p, lang)
                ),
                _ => String::from("–"),
            },
        ),
        PrimaryTest::Wilcoxon => (
            t(
                lang,
                "uji Wilcoxon (peringkat bertanda)",
                "the Wilcoxon signed-rank test",
            ),
            match (s.wilcoxon_exact_p.0, s.primary_p.0) {
                (Ok(p), _) => format!("{} ({})", p_is(p, lang), t(lang, "eksak", "exact")),
                (_, Ok(p)) => format!(
                    "z = {}, {} ({})",
                    fig(s.wilcoxon.z, 2, lang),
                    p_is(p, lang),
                    t(lang, "asimtotik", "asymptotic")
                ),
                _ => String::from("–"),
            },
        ),
    };
    let rise = s.diff.mean.0.is_ok_and(|d| d > 0.0);
    let verdict = match s.primary_p.0 {
        Ok(p) if p < 0.05 => match (rise, lang.is_en()) {
            (true, true) => "the rise is statistically significant (p < 0.05)".to_string(),
            (true, false) => "kenaikan ini bermakna secara statistik (p < 0,05)".to_string(),
            (false, true) => "the fall is statistically significant (p < 0.05)".to_string(),
            (false, false) => "penurunan ini bermakna secara statistik (p < 0,05)".to_string(),
        },
        Ok(_) => t(
            lang,
            "perubahan ini tidak bermakna secara statistik (p ≥ 0,05): bisa jadi hanya kebetulan",
            "the change is not statistically significant (p ≥ 0.05): it could be chance",
        )
        .to_string(),
        Err(u) => format!(
            "{} ({})",
            t(
                lang,
                "uji ini tidak dapat dihitung",
                "the test cannot be computed"
            ),
            reason(u, lang)
        ),
    };
    Some(if lang.is_en() {
        format!("The primary test is {name}, {why}: {result}; {verdict}.")
    } else {
        format!("Uji utama adalah {name}, {why}: {result}; {verdict}.")
    })
}

fn p_cell(v: Val) -> Cell {
    Cell::styled(v.0.ok(), 3, Style::P)
}

fn val(v: Val, d: usize, lang: &Lang) -> Cell {
    match v.0 {
        Ok(x) => Cell::num(x, d),
        Err(u) => Cell::Missing(Some(reason(u, lang).into())),
    }
}

pub fn tests(r: &Report, lang: &Lang, n: &mut Counter) -> Section {
    let s = &r.summary;
    let primary = |test| {
        if s.primary_test == Some(test) {
            t(lang, "uji utama", "primary test")
        } else {
            ""
        }
    };
    let df = s.paired_t.df.0.map_or("t".into(), |d| format!("t({d:.0})"));
    let normal = match s.shapiro.p.0 {
        Ok(p) if p >= 0.05 => t(lang, "normal (p ≥ 0,05)", "normal (p ≥ 0.05)"),
        Ok(_) => t(lang, "tidak normal (p < 0,05)", "not normal (p < 0.05)"),
        Err(_) => t(lang, "tidak dapat diuji", "cannot be tested"),
    };
    let exact_note = match s.wilcoxon_exact_p.0 {
        Ok(_) => primary(PrimaryTest::Wilcoxon),
        Err(_) => "",
    };
    let asym_note = match s.wilcoxon_exact_p.0 {
        Ok(_) => t(lang, "seperti SPSS", "as SPSS gives it"),
        Err(_) => primary(PrimaryTest::Wilcoxon),
    };
    let mut table = Table {
        sheet: Sheet::Summary,
        caption: n.table(lang, t(lang, "Uji statistik pada selisih berpasangan", "Tests of the paired differences")),
        columns: vec![
            Column::new(t(lang, "Uji", "Test"), t(lang, "uji", "test")),
            Column::new(t(lang, "Statistik", "Statistic"), t(lang, "statistik", "statistic")),
            Column::new(t(lang, "Nilai", "Value"), t(lang, "nilai", "value")),
            Column::new("p", "p"),
            Column::new(t(lang, "Keterangan", "Note"), t(lang, "keterangan", "note")),
        ],
        rows: Vec::new(),
        notes: vec![t(
            lang,
            "Aturan: uji Shapiro–Wilk pada selisih skor (n ≥ 3); bila p ≥ 0,05 uji utama adalah uji t berpasangan, bila p < 0,05 uji Wilcoxon. Keduanya ditampilkan; yang dibaca adalah uji utama. p Wilcoxon eksak dihitung untuk sampai 25 selisih bukan nol (nilai kembar dihitung tepat); di atas itu dipakai z asimtotik.",
            "Rule: the Shapiro–Wilk test on the score differences (n ≥ 3); with p ≥ 0.05 the primary test is the paired t-test, with p < 0.05 the Wilcoxon test. Both are shown; the primary one is the one to read. The exact Wilcoxon p is computed for up to 25 non-zero differences (ties counted exactly); beyond that the asymptotic z is used.",
        )
        .into()],
    };
    table.push(vec![
        Cell::text(t(
            lang,
            "Shapiro–Wilk (normalitas selisih)",
            "Shapiro–Wilk (normality of the differences)",
        )),
        Cell::text("W"),
        val(s.shapiro.w, 3, lang),
        p_cell(s.shapiro.p),
        Cell::text(normal),
    ]);
    table.push(vec![
        Cell::text(t(lang, "Uji t berpasangan", "Paired t-test")),
        Cell::text(df),
        val(s.paired_t.t, 2, lang),
        p_cell(s.paired_t.p),
        Cell::text(primary(PrimaryTest::PairedT)),
    ]);
    table.push(vec![
        Cell::text(t(lang, "Wilcoxon, eksak", "Wilcoxon, exact")),
        Cell::text("–"),
        Cell::Missing(None),
        match s.wilcoxon_exact_p.0 {
            Ok(p) => Cell::styled(Some(p), 3, Style::P),
            Err(u) => Cell::Missing(Some(reason(u, lang).into())),
        },
        Cell::text(exact_note),
    ]);
    table.push(vec![
        Cell::text(t(lang, "Wilcoxon, asimtotik", "Wilcoxon, asymptotic")),
        Cell::text("z"),
        val(s.wilcoxon.z, 2, lang),
        p_cell(s.wilcoxon.p),
        Cell::text(asym_note),
    ]);
    Section {
        heading: t(lang, "Uji statistik", "Statistical tests").into(),
        blocks: vec![Block::Table(table), Block::Table(measures(r, lang, n))],
    }
}

fn measures(r: &Report, lang: &Lang, n: &mut Counter) -> Table {
    let s = &r.summary;
    let g = &r.gain;
    let mut table = Table {
        sheet: Sheet::Summary,
        caption: n.table(lang, t(lang, "Ukuran efek, N-gain dan reliabilitas", "Effect size, normalised gain and reliability")),
        columns: vec![
            Column::new(t(lang, "Ukuran", "Measure"), t(lang, "ukuran", "measure")),
            Column::new(t(lang, "Nilai", "Value"), t(lang, "nilai", "value")),
            Column::new(t(lang, "Kategori", "Category"), t(lang, "kategori", "category")),
        ],
        rows: Vec::new(),
        notes: vec![t(
            lang,
            "d_z = rata-rata selisih dibagi SD selisih (ukuran efek untuk data berpasangan; 0,2 kecil, 0,5 sedang, 0,8 besar). N-gain (Hake) = (akhir − awal) / (100 − awal): tinggi ≥ 0,7, sedang 0,3–0,7, rendah < 0,3; N-gain negatif (skor turun) tidak diberi kategori. KR-20 = keandalan tes, 0 sampai 1 (≥ 0,7 biasanya dianggap cukup); nilai negatif berarti butir-butirnya tidak sejalan satu sama lain, yang sering terjadi bila pesertanya sedikit atau hampir semua menjawab benar.",
            "d_z = the mean difference over the SD of the differences (the effect size for paired data; 0.2 small, 0.5 medium, 0.8 large). Normalised gain (Hake) = (post − pre) / (100 − pre): high ≥ 0.7, medium 0.3–0.7, low < 0.3; a negative gain (a fall) gets no category. KR-20 = the test's reliability, 0 to 1 (≥ 0.7 is usually taken as enough); a negative value means the items do not agree with each other, as often happens with few takers or when nearly everyone is right.",
        )
        .into()],
    };
    let dz_cat = s
        .effect_size_dz
        .0
        .map_or(String::new(), |d| cohen(d, lang).to_string());
    table.push(vec![
        Cell::text(t(lang, "Cohen's d_z (berpasangan)", "Cohen's d_z (paired)")),
        val(s.effect_size_dz, 2, lang),
        Cell::Text(dz_cat),
    ]);
    let gain_cat = |v: Val, c| {
        if v.0.is_ok() {
            gain_category(c, lang).to_string()
        } else {
            String::new()
        }
    };
    table.push(vec![
        Cell::text(t(
            lang,
            "N-gain Hake dari rata-rata kelas",
            "Hake's gain of the class means",
        )),
        val(g.class_hake, 2, lang),
        Cell::Text(gain_cat(g.class_hake, g.class_hake_category)),
    ]);
    let left_out = if lang.is_en() {
        format!(
            "Mean of individual N-gains (n = {}; {} with a perfect pre-test left out)",
            g.individual_n, g.perfect_pre_left_out
        )
    } else {
        format!(
            "Rata-rata N-gain individu (n = {}; {} dengan tes awal 100% tidak dihitung)",
            g.individual_n, g.perfect_pre_left_out
        )
    };
    table.push(vec![
        Cell::Text(left_out),
        val(g.individual_mean, 2, lang),
        Cell::Text(gain_cat(g.individual_mean, g.individual_category)),
    ]);
    for (label, v, takers) in [
        (
            t(
                lang,
                "Reliabilitas KR-20, tes awal",
                "KR-20 reliability, pre-test",
            ),
            r.reliability.pre_alpha,
            s.pre.n,
        ),
        (
            t(
                lang,
                "Reliabilitas KR-20, tes akhir",
                "KR-20 reliability, post-test",
            ),
            r.reliability.post_alpha,
            s.post.n,
        ),
    ] {
        let caution = if takers < 10 && v.0.is_ok() {
            t(
                lang,
                "tidak stabil: kurang dari 10 peserta",
                "unstable: fewer than 10 takers",
            )
        } else {
            ""
        };
        table.push(vec![
            Cell::text(label),
            val(v, 2, lang),
            Cell::text(caution),
        ]);
    }
    table
}
