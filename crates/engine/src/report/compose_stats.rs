//! The statistical tests as a laporan states them: the rule that picks the primary test, both
//! tests side by side, the effect size and both normalised gains with their categories.

use super::model::{Block, Cell, Column, Counter, Section, Sheet, Style, Table};
use super::types::{PrimaryReason, PrimaryTest, Report, Val};
use super::words::{cohen, gain_category, p_is, reason};
use pijat_content::Lang;
use pijat_core::strings::report::tr;

/// Between figures in one bracket: `;` where the comma is the decimal mark (journal Indonesian),
/// `,` in English.
fn sep(lang: &Lang) -> &'static str {
    if lang.code() == "id" { "; " } else { ", " }
}

/// The normality test and the test it chose, then what that test found, as a journal states
/// them: two sentences, a third when the exact p and SPSS's asymptotic p disagree.
pub(super) fn test_sentence(r: &Report, lang: &Lang) -> Vec<String> {
    let s = &r.summary;
    let Some(test) = s.primary_test else {
        return Vec::new();
    };
    let t = tr(lang);
    let num = |x: f64, d: usize| super::words::num(x, d, lang);
    let name = match test {
        PrimaryTest::PairedT => t.paired_t_test,
        PrimaryTest::Wilcoxon => t.wilcoxon_signed_rank_test,
    };
    let sw = match (s.shapiro.w.0, s.shapiro.p.0) {
        (Ok(w), Ok(p)) => format!("W = {}{}{}", num(w, 3), sep(lang), p_is(p, lang)),
        _ => String::new(),
    };
    let first = match s.primary_reason {
        Some(PrimaryReason::Normal) => {
            pijat_core::fill!(report, t, normality_normal, sw = sw, name = name)
        }
        Some(PrimaryReason::NotNormal) => {
            pijat_core::fill!(report, t, normality_not_normal, sw = sw, name = name)
        }
        _ if s.n_paired < 3 => pijat_core::fill!(report, t, normality_too_few, name = name),
        _ => pijat_core::fill!(report, t, normality_all_same, name = name),
    };
    let result = match test {
        PrimaryTest::PairedT => match (s.paired_t.t.0, s.paired_t.df.0, s.paired_t.p.0) {
            (Ok(tv), Ok(df), Ok(p)) => {
                format!("t({df:.0}) = {}{}{}", num(tv, 2), sep(lang), p_is(p, lang))
            }
            _ => String::from("–"),
        },
        PrimaryTest::Wilcoxon => {
            let z = s
                .wilcoxon
                .z
                .0
                .map_or(String::new(), |z| format!("Z = {}{}", num(z, 2), sep(lang)));
            match (s.wilcoxon_exact_p.0, s.primary_p.0) {
                (Ok(p), _) => {
                    let p = p_is(p, lang);
                    format!("{z}{} {}", t.exact_p, p.trim_start_matches("p "))
                }
                (_, Ok(p)) => format!("{z}{}", p_is(p, lang)),
                _ => String::from("–"),
            }
        }
    };
    let rise = s.diff.mean.0.is_ok_and(|d| d > 0.0);
    let verdict = match s.primary_p.0 {
        Ok(p) if p < 0.05 && rise => t.rise_significant.to_string(),
        Ok(p) if p < 0.05 => t.fall_significant.to_string(),
        Ok(_) => t.change_not_statistically_significant.to_string(),
        Err(u) => format!("{} ({})", t.test_cannot_computed, reason(u, lang)),
    };
    let mut out = vec![
        first,
        pijat_core::fill!(report, t, test_result, result = result, verdict = verdict),
    ];
    if let (PrimaryTest::Wilcoxon, Ok(exact), Ok(asymptotic)) =
        (test, s.wilcoxon_exact_p.0, s.wilcoxon.p.0)
        && (exact < 0.05) != (asymptotic < 0.05)
    {
        let p = super::words::p_text(asymptotic, lang);
        out.push(pijat_core::fill!(report, t, exact_and_spss_differ, p = p));
    }
    out
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
    // The journal's table first; SPSS's ranks with the Wilcoxon test.
    let mut blocks = vec![Block::Table(super::compose_journal::difference(r, lang, n))];
    if s.primary_test == Some(PrimaryTest::Wilcoxon) {
        blocks.push(Block::Table(super::compose_journal::ranks(r, lang, n)));
    }
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
        notes: Vec::new(),
        hints: vec![tr(lang).rule_shapiro_wilk_test.into()],
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
        blocks: {
            blocks.push(Block::Table(table));
            blocks.push(Block::Table(measures(r, lang, n)));
            blocks
        },
    }
}

/// A row per test someone took: its KR-20, with a caution under 10 takers.
fn kr20_rows(r: &Report, lang: &Lang, table: &mut Table) {
    let s = &r.summary;
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
        if takers == 0 {
            continue;
        }
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
}

/// A class with no one who took both tests: the reliability of the test it did take.
pub(super) fn reliability_only(r: &Report, lang: &Lang, n: &mut Counter) -> Section {
    let mut table = Table {
        sheet: Sheet::Summary,
        caption: n.table(lang, tr(lang).reliability_heading),
        columns: vec![
            Column::new(tr(lang).measure, tr(lang).key_measure),
            Column::new(tr(lang).value, tr(lang).key_value),
            Column::new(tr(lang).category, tr(lang).key_category),
        ],
        rows: Vec::new(),
        notes: Vec::new(),
        hints: Vec::new(),
    };
    kr20_rows(r, lang, &mut table);
    Section {
        heading: tr(lang).reliability_heading.into(),
        blocks: vec![Block::Table(table)],
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
        hints: Vec::new(),
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
    kr20_rows(r, lang, &mut table);
    table
}
