//! The statistical tests as a laporan states them: the rule that picks the primary test, both
//! tests side by side, the effect size and both normalised gains with their categories.

use super::model::{Block, Cell, Column, Counter, Section, Sheet, Style, Table};
use super::types::{PrimaryReason, PrimaryTest, Report, Val};
use super::words::{cohen, fig, gain_category, p_is, reason};
use pijat_content::Lang;
use pijat_core::strings::report::tr;

/// Why the primary test is the one it is, and what it found: one or two sentences.
pub(super) fn test_sentence(r: &Report, lang: &Lang) -> Option<String> {
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
    let why = match s.primary_reason {
        Some(PrimaryReason::Normal) => {
            pijat_core::fill!(report, tr(lang), why_normal, sw = sw)
        }
        Some(PrimaryReason::NotNormal) => {
            pijat_core::fill!(report, tr(lang), why_not_normal, sw = sw)
        }
        _ => tr(lang).why_normality_untestable.into(),
    };
    let (name, result) = match test {
        PrimaryTest::PairedT => (
            tr(lang).paired_t_test,
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
            tr(lang).wilcoxon_signed_rank_test,
            match (s.wilcoxon_exact_p.0, s.primary_p.0) {
                (Ok(p), _) => format!("{} ({})", p_is(p, lang), tr(lang).exact),
                (_, Ok(p)) => format!(
                    "z = {}, {} ({})",
                    fig(s.wilcoxon.z, 2, lang),
                    p_is(p, lang),
                    tr(lang).asymptotic
                ),
                _ => String::from("–"),
            },
        ),
    };
    let rise = s.diff.mean.0.is_ok_and(|d| d > 0.0);
    let verdict = match s.primary_p.0 {
        Ok(p) if p < 0.05 => if rise {
            tr(lang).rise_significant
        } else {
            tr(lang).fall_significant
        }
        .to_string(),
        Ok(_) => tr(lang).change_not_statistically_significant.to_string(),
        Err(u) => format!("{} ({})", tr(lang).test_cannot_computed, reason(u, lang)),
    };
    Some(pijat_core::fill!(
        report,
        pijat_core::strings::report::tr(lang),
        primary_test_sentence,
        name = name,
        why = why,
        result = result,
        verdict = verdict
    ))
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

pub(super) fn tests(r: &Report, lang: &Lang, n: &mut Counter) -> Section {
    let s = &r.summary;
    let primary = |test| {
        if s.primary_test == Some(test) {
            tr(lang).primary_test
        } else {
            ""
        }
    };
    let df = s.paired_t.df.0.map_or("t".into(), |d| format!("t({d:.0})"));
    let normal = match s.shapiro.p.0 {
        Ok(p) if p >= 0.05 => tr(lang).normal_p_0_05,
        Ok(_) => tr(lang).not_normal_p_0,
        Err(_) => tr(lang).cannot_tested,
    };
    let exact_note = match s.wilcoxon_exact_p.0 {
        Ok(_) => primary(PrimaryTest::Wilcoxon),
        Err(_) => "",
    };
    let asym_note = match s.wilcoxon_exact_p.0 {
        Ok(_) => tr(lang).spss_gives,
        Err(_) => primary(PrimaryTest::Wilcoxon),
    };
    let mut table = Table {
        sheet: Sheet::Summary,
        caption: n.table(lang, tr(lang).tests_paired_differences),
        columns: vec![
            Column::new(tr(lang).test, tr(lang).key_test),
            Column::new(tr(lang).statistic, tr(lang).key_statistic),
            Column::new(tr(lang).value, tr(lang).key_value),
            Column::new("p", "p"),
            Column::new(tr(lang).note, tr(lang).key_note),
        ],
        rows: Vec::new(),
        notes: vec![tr(lang).rule_shapiro_wilk_test.into()],
    };
    table.push(vec![
        Cell::text(tr(lang).shapiro_wilk_normality_differences),
        Cell::text("W"),
        val(s.shapiro.w, 3, lang),
        p_cell(s.shapiro.p),
        Cell::text(normal),
    ]);
    table.push(vec![
        Cell::text(tr(lang).paired_t_test_row),
        Cell::text(df),
        val(s.paired_t.t, 2, lang),
        p_cell(s.paired_t.p),
        Cell::text(primary(PrimaryTest::PairedT)),
    ]);
    table.push(vec![
        Cell::text(tr(lang).wilcoxon_exact),
        Cell::text("–"),
        Cell::Missing(None),
        match s.wilcoxon_exact_p.0 {
            Ok(p) => Cell::styled(Some(p), 3, Style::P),
            Err(u) => Cell::Missing(Some(reason(u, lang).into())),
        },
        Cell::text(exact_note),
    ]);
    table.push(vec![
        Cell::text(tr(lang).wilcoxon_asymptotic),
        Cell::text("z"),
        val(s.wilcoxon.z, 2, lang),
        p_cell(s.wilcoxon.p),
        Cell::text(asym_note),
    ]);
    Section {
        heading: tr(lang).statistical_tests.into(),
        blocks: vec![Block::Table(table), Block::Table(measures(r, lang, n))],
    }
}

fn measures(r: &Report, lang: &Lang, n: &mut Counter) -> Table {
    let s = &r.summary;
    let g = &r.gain;
    let mut table = Table {
        sheet: Sheet::Summary,
        caption: n.table(lang, tr(lang).effect_size_normalised_gain),
        columns: vec![
            Column::new(tr(lang).measure, tr(lang).key_measure),
            Column::new(tr(lang).value, tr(lang).key_value),
            Column::new(tr(lang).category, tr(lang).key_category),
        ],
        rows: Vec::new(),
        notes: vec![tr(lang).d_z_mean_difference.into()],
    };
    let dz_cat = s
        .effect_size_dz
        .0
        .map_or(String::new(), |d| cohen(d, lang).to_string());
    table.push(vec![
        Cell::text(tr(lang).cohen_s_d_z),
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
        Cell::text(tr(lang).hake_s_gain_class),
        val(g.class_hake, 2, lang),
        Cell::Text(gain_cat(g.class_hake, g.class_hake_category)),
    ]);
    let left_out = pijat_core::fill!(
        report,
        tr(lang),
        mean_individual_gains,
        n = g.individual_n,
        k = g.perfect_pre_left_out
    );
    table.push(vec![
        Cell::Text(left_out),
        val(g.individual_mean, 2, lang),
        Cell::Text(gain_cat(g.individual_mean, g.individual_category)),
    ]);
    for (label, v, takers) in [
        (
            tr(lang).kr_20_reliability_pre,
            r.reliability.pre_alpha,
            s.pre.n,
        ),
        (
            tr(lang).kr_20_reliability_post,
            r.reliability.post_alpha,
            s.post.n,
        ),
    ] {
        let caution = if takers < 10 && v.0.is_ok() {
            tr(lang).unstable_fewer_than_10
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
