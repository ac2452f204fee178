//! The tables Indonesian PkM journals print: the participants' characteristics, the difference
//! before and after in one table (n, mean ± SD, median (min–max), the test and its p), SPSS's
//! Wilcoxon "Ranks" table, and the pre-test's item analysis on the 0–1 scale (difficulty,
//! discrimination and validity against the r-table).

use super::model::{Cell, Column, Counter, Sheet, Style, Table};
use super::types::{Group, PrimaryTest, Report, Val};
use super::words::{num, p_text, role_label};
use pijat_content::Lang;
use pijat_core::strings::report::tr;

/// "Peran: ayah 13 (81,3%)" a row per role, and the class's size.
pub(super) fn characteristics(r: &Report, lang: &Lang, n: &mut Counter) -> Table {
    let t = tr(lang);
    let mut table = Table::new(
        Sheet::Participants,
        n.table(lang, t.characteristics),
        vec![
            Column::new(t.characteristic, t.key_characteristic),
            Column::new("n", "n"),
            Column::new("%", "percent"),
        ],
    );
    let all = r.participants.len();
    for (role, k) in &r.roles {
        table.push(vec![
            Cell::Text(format!("{}: {}", t.role, role_label(role, lang))),
            Cell::Count(*k),
            Cell::styled(
                (all > 0).then(|| 100.0 * *k as f64 / all as f64),
                1,
                Style::Percent,
            ),
        ]);
    }
    for (label, k) in [
        (t.took_pre_test, r.summary.pre.n),
        (t.took_post_test, r.summary.post.n),
        (t.took_both, r.summary.n_paired),
    ] {
        table.push(vec![
            Cell::text(label),
            Cell::Count(k),
            Cell::styled(
                (all > 0).then(|| 100.0 * k as f64 / all as f64),
                1,
                Style::Percent,
            ),
        ]);
    }
    table
}

/// `44,4 ± 10,3` and `40,0 (30,0–60,0)`.
fn spread(g: &Group, lang: &Lang) -> (Cell, Cell) {
    let one = |v: Val| v.0.map_or("–".to_string(), |x| num(x, 1, lang));
    (
        Cell::Text(format!("{} ± {}", one(g.mean), one(g.sd))),
        Cell::Text(format!("{} ({}–{})", one(g.median), one(g.min), one(g.max))),
    )
}

/// The difference before and after as one journal table, the test's p in the first row and its
/// statistic in the note.
pub(super) fn difference(r: &Report, lang: &Lang, n: &mut Counter) -> Table {
    let s = &r.summary;
    let t = tr(lang);
    let mut table = Table::new(
        Sheet::Summary,
        n.table(lang, t.difference_before_after),
        vec![
            Column::new(t.measurement, t.key_measurement),
            Column::new("n", "n"),
            Column::new(t.mean_sd, t.key_mean_sd),
            Column::new(t.median_min_max, t.key_median_min_max),
            Column::new("p", "p"),
        ],
    );
    for (label, g, first) in [
        (t.pre_test_heading, &s.paired_pre, true),
        (t.post_test_heading, &s.paired_post, false),
    ] {
        let (mean_sd, median) = spread(g, lang);
        let p = match (first, s.primary_p.0) {
            (true, Ok(p)) => Cell::Text(format!("{}*", p_text(p, lang))),
            _ => Cell::text(""),
        };
        table.push(vec![
            Cell::text(label),
            Cell::Count(g.n),
            mean_sd,
            median,
            p,
        ]);
    }
    let sep = if lang.code() == "id" { "; " } else { ", " };
    let statistic = match s.primary_test {
        Some(PrimaryTest::PairedT) => match (s.paired_t.t.0, s.paired_t.df.0) {
            (Ok(tv), Ok(df)) => {
                format!("{}{sep}t({df:.0}) = {}", t.paired_t_test, num(tv, 2, lang))
            }
            _ => t.paired_t_test.to_string(),
        },
        Some(PrimaryTest::Wilcoxon) => {
            let exact = if s.wilcoxon_exact_p.0.is_ok() {
                format!(" ({})", t.exact_p)
            } else {
                String::new()
            };
            match s.wilcoxon.z.0 {
                Ok(z) => format!(
                    "{}{sep}Z = {}{exact}",
                    t.wilcoxon_signed_rank_test,
                    num(z, 2, lang)
                ),
                Err(_) => t.wilcoxon_signed_rank_test.to_string(),
            }
        }
        None => String::new(),
    };
    // "*Uji Wilcoxon …": the test's name opens the note.
    let mut chars = statistic.chars();
    if let Some(first) = chars.next() {
        table
            .notes
            .push(format!("*{}{}", first.to_uppercase(), chars.as_str()));
    }
    table
}

/// SPSS's "Ranks" table of the Wilcoxon test: how many fell, rose and stayed the same.
pub(super) fn ranks(r: &Report, lang: &Lang, n: &mut Counter) -> Table {
    let k = &r.summary.ranks;
    let t = tr(lang);
    let mut table = Table::new(
        Sheet::Summary,
        n.table(lang, t.wilcoxon_ranks),
        vec![
            Column::new(t.ranks_heading, t.key_ranks),
            Column::new("n", "n"),
            Column::new(t.mean_rank, t.key_mean_rank),
            Column::new(t.sum_of_ranks, t.key_sum_of_ranks),
        ],
    );
    for (label, line) in [
        (t.negative_ranks, &k.negative),
        (t.positive_ranks, &k.positive),
    ] {
        table.push(vec![
            Cell::text(label),
            Cell::Count(line.n),
            Cell::styled(line.mean_rank.0.ok(), 2, Style::Plain),
            Cell::num(line.sum_of_ranks, 2),
        ]);
    }
    for (label, count) in [
        (t.ties, k.ties),
        (t.total, k.negative.n + k.positive.n + k.ties),
    ] {
        let none = || Cell::Missing(None);
        table.push(vec![Cell::text(label), Cell::Count(count), none(), none()]);
    }
    table
}

/// Difficulty: sukar below 0,30, sedang to 0,70, mudah above.
fn difficulty(p: f64, lang: &Lang) -> &'static str {
    let t = tr(lang);
    if p < 0.30 {
        t.hard
    } else if p <= 0.70 {
        t.moderate
    } else {
        t.easy
    }
}

/// Discrimination on Ebel's scale.
fn ebel(d: f64, lang: &Lang) -> &'static str {
    let t = tr(lang);
    if d >= 0.40 {
        t.very_good
    } else if d >= 0.30 {
        t.good_item
    } else if d >= 0.20 {
        t.fair_item
    } else {
        t.poor_item
    }
}

/// The pre-test's items as a pilot's analysis reports them: P and D on the 0–1 scale with their
/// categories, r with the total against the r-table.
pub(super) fn item_analysis(r: &Report, lang: &Lang, n: &mut Counter) -> Table {
    let t = tr(lang);
    let r_table = r.reliability.pre_r_table.0;
    let mut table = Table::new(
        Sheet::Items,
        n.table(lang, t.item_analysis),
        vec![
            Column::doc("No"),
            Column::new(t.difficulty_p, t.key_difficulty),
            Column::new(t.category, t.key_difficulty_category),
            Column::new(t.discrimination_d, t.key_discrimination),
            Column::new(t.category, t.key_discrimination_category),
            Column::new(t.r_item_total, t.key_r_item_total),
            Column::new(t.validity, t.key_validity),
        ],
    );
    for (i, item) in r.items.iter().enumerate() {
        let p = item.pre_facility.0.ok().map(|f| f / 100.0);
        let d = item.pre_discrimination.0.ok().map(|d| d / 100.0);
        let rv = item.pre_item_total_r.0.ok();
        let valid = match (rv, r_table) {
            (Some(rv), Ok(crit)) if rv > crit => t.valid,
            (Some(_), Ok(_)) => t.not_valid,
            _ => "",
        };
        table.push(vec![
            Cell::Count(i + 1),
            Cell::styled(p, 2, Style::Plain),
            Cell::text(p.map_or("", |p| difficulty(p, lang))),
            Cell::styled(d, 2, Style::Plain),
            Cell::text(d.map_or("", |d| ebel(d, lang))),
            Cell::styled(rv, 3, Style::Plain),
            Cell::text(valid),
        ]);
    }
    let takers = r.summary.pre.n;
    let crit = r_table.map_or("–".to_string(), |c| num(c, 3, lang));
    table.notes.push(pijat_core::fill!(
        report,
        t,
        item_analysis_note,
        n = takers,
        r = crit
    ));
    table
}
