//! The score summary (paired means apart from all takers, with their intervals and chart) and
//! the pass counts and knowledge categories of a laporan.

use super::compose::legend;
use super::model::{
    Block, Cell, Chart, ChartKind, Column, Counter, Estimate, Row, Section, Sheet, Style, Table,
};
use super::types::{Group, Report};
use super::words::{num, short};
use pijat_content::Lang;
use pijat_core::strings::report::tr;

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

pub(super) fn summary(r: &Report, lang: &Lang, n: &mut Counter) -> Section {
    let s = &r.summary;
    let paired = |w: &str| format!("{w} ({} n = {})", tr(lang).paired, s.n_paired);
    let all = |w: &str| format!("{w} ({})", tr(lang).everyone_who_took);
    let diff = super::types::Group {
        n: s.n_paired,
        mean: s.diff.mean,
        sd: s.diff.sd,
        ci95: s.diff.ci95,
        ..super::summary::group(&[])
    };
    let mut rows = Vec::new();
    if s.n_paired > 0 {
        rows.push(group_row(
            &paired(tr(lang).pre_test_heading),
            &s.paired_pre,
            false,
        ));
        rows.push(group_row(
            &paired(tr(lang).post_test_heading),
            &s.paired_post,
            false,
        ));
        let mut difference = group_row(tr(lang).difference_post_pre, &diff, true);
        difference.strong = true;
        rows.push(difference);
    }
    // Only the tests someone took: a class with a pre-test alone has no rows of dashes.
    for (heading, g) in [
        (tr(lang).pre_test_heading, &s.pre),
        (tr(lang).post_test_heading, &s.post),
    ] {
        if g.n > 0 {
            rows.push(group_row(&all(heading), g, false));
        }
    }
    let table = Table {
        sheet: Sheet::Summary,
        caption: n.table(lang, tr(lang).mean_scores_those_who),
        columns: vec![
            Column::new(tr(lang).group, tr(lang).key_group),
            Column::new("n", "n"),
            Column::new(tr(lang).mean, tr(lang).key_mean),
            Column::new("SD", "sd"),
            Column::new(tr(lang).ci_low, "ci95_low"),
            Column::new(tr(lang).ci_high, "ci95_high"),
        ],
        rows,
        notes: vec![if s.n_paired > 0 {
            tr(lang).ci_explained.into()
        } else {
            tr(lang).ci_alone.into()
        }],
        hints: Vec::new(),
    };
    let est = |g: &Group| {
        g.mean.0.ok().map(|value| Estimate {
            value,
            ci: g.ci95.0.ok(),
        })
    };
    let mut blocks = vec![Block::Table(table)];
    if s.n_paired > 0 {
        blocks.push(Block::Chart(Chart {
            caption: n.chart(lang, tr(lang).class_mean_before_after),
            kind: ChartKind::Means(est(&s.paired_pre), est(&s.paired_post)),
            legend: legend(lang),
            alt: String::new(),
        }));
    }
    Section {
        heading: tr(lang).score_summary.into(),
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

pub(super) fn pass_and_categories(r: &Report, lang: &Lang, n: &mut Counter) -> Section {
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
            tr(lang).those_who_took_both,
            r.summary.n_paired
        )
    } else {
        tr(lang).everyone_who_took_each.to_string()
    };
    let columns = |first: &str| {
        vec![
            Column::new(first, tr(lang).row),
            Column::new(tr(lang).pre_test_n, tr(lang).pre_n),
            Column::new(tr(lang).pre_test_percent, tr(lang).pre_percent),
            Column::new(tr(lang).post_test_n, tr(lang).post_n),
            Column::new(tr(lang).post_test_percent, tr(lang).post_percent),
        ]
    };
    let mark = r.pass.pass_percent;
    let mut pass = Table {
        sheet: Sheet::Summary,
        caption: n.table(
            lang,
            &format!("{} ({mark}%), {who}", tr(lang).passing_set_s_pass),
        ),
        columns: columns(tr(lang).result),
        rows: Vec::new(),
        notes: Vec::new(),
        hints: Vec::new(),
    };
    let line = |label: String, a: usize, b: usize| {
        let mut cells = vec![Cell::Text(label)];
        cells.extend(count_cells(a, pp.n));
        cells.extend(count_cells(b, pq.n));
        cells
    };
    pass.push(line(
        format!("{} (≥ {mark}%)", tr(lang).passed),
        pp.passed,
        pq.passed,
    ));
    pass.push(line(
        tr(lang).not_yet.into(),
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
        caption: n.table(lang, &format!("{}, {who}", tr(lang).knowledge_categories)),
        columns: columns(tr(lang).category),
        rows: Vec::new(),
        // Arikunto is named only for Arikunto's cut-offs.
        notes: vec![pijat_core::fill!(
            report,
            tr(lang),
            knowledge_categories_are,
            whose = if c == super::input::Cutoffs::default() {
                tr(lang).after_arikunto
            } else {
                tr(lang).own_cutoffs
            },
            good = range(c.good, None),
            fair = range(c.fair, Some(c.good)),
            poor = short(c.fair, 1, lang)
        )],
        hints: vec![tr(lang).cutoffs_hint.into()],
    };
    for (label, a, b) in [
        (
            format!("{} ({})", tr(lang).good, range(c.good, None)),
            cp.good,
            cq.good,
        ),
        (
            format!("{} ({})", tr(lang).fair, range(c.fair, Some(c.good))),
            cp.fair,
            cq.fair,
        ),
        (
            format!("{} (< {}%)", tr(lang).poor, short(c.fair, 1, lang)),
            cp.poor,
            cq.poor,
        ),
    ] {
        let mut cells = vec![Cell::Text(label)];
        cells.extend(count_cells(a, cp.n));
        cells.extend(count_cells(b, cq.n));
        cats.push(cells);
    }
    // A test no one took has no columns in a document (the CSV keeps them, empty).
    let (pre, post) = (pp.n > 0, pq.n > 0);
    for table in [&mut pass, &mut cats] {
        table.hide(&[(1, pre), (2, pre), (3, post), (4, post)]);
    }
    Section {
        heading: tr(lang).passing_knowledge_categories.into(),
        blocks: vec![Block::Table(pass), Block::Table(cats)],
    }
}
