//! The recap as a document the writers print (text, CSV, Markdown, HTML, Word, Excel): what it
//! covers, a sentence of totals, and two tables by posyandu and month with a Total row.

use super::model::{Block, Cell, Column, Counter, Doc, Row, Section, Sheet, Style, Table};
use super::recap::{Recap, RecapRow};
use super::words::num;
use pijat_content::Lang;
use pijat_core::dates::show_month;
use pijat_core::strings::recap::tr;

/// The recap in `lang`.
pub(super) fn compose(r: &Recap, lang: &Lang) -> Doc {
    let t = tr(lang);
    let period = match (&r.from, &r.to) {
        (None, None) => t.all_months.to_string(),
        (from, to) => {
            let mut parts = Vec::new();
            if let Some(from) = from.as_deref().map(|m| show_month(m, lang)) {
                parts.push(pijat_core::fill!(recap, t, from_month, from = from));
            }
            if let Some(to) = to.as_deref().map(|m| show_month(m, lang)) {
                parts.push(pijat_core::fill!(recap, t, to_month, to = to));
            }
            parts.join(" ")
        }
    };
    let places = {
        let mut p: Vec<&str> = r.rows.iter().map(|row| row.place.as_str()).collect();
        p.dedup();
        p.len()
    };
    let total = &r.total;
    let mut lead = Vec::new();
    if r.rows.is_empty() {
        lead.push(t.recap_nothing.to_string());
    } else {
        lead.push(pijat_core::fill!(
            recap,
            t,
            recap_lead,
            classes = total.classes,
            places = places,
            participants = total.participants,
            visits = total.visits
        ));
        lead.extend(ebf_lead(total, r.ebf_target, lang));
    }
    let mut n = Counter::default();
    let mut sections = Vec::new();
    if !r.rows.is_empty() {
        sections.push(Section {
            heading: t.activities_heading.into(),
            blocks: vec![Block::Table(activities(r, lang, &mut n))],
        });
        sections.push(Section {
            heading: t.visits_heading.into(),
            blocks: vec![Block::Table(visits(r, lang, &mut n))],
        });
    }
    Doc {
        lang: lang.clone(),
        title: t.recap_title.into(),
        author: None,
        facts: vec![
            (t.period.into(), period),
            (t.classes_fact.into(), total.classes.to_string()),
            (t.places_fact.into(), places.to_string()),
        ],
        lead,
        notes: Vec::new(),
        sections,
        landscape: true,
    }
}

/// The totals' exclusive breastfeeding in a sentence, when some baby under six months counts.
fn ebf_lead(total: &RecapRow, target: f64, lang: &Lang) -> Option<String> {
    let o = total.outcome.as_ref()?;
    let (Ok(p), Ok((lo, hi))) = (o.percent.0, o.ci95.0) else {
        return None;
    };
    let (pct, lo, hi) = (num(p, 1, lang), num(lo, 1, lang), num(hi, 1, lang));
    let target = num(target, 0, lang);
    Some(pijat_core::fill!(
        recap,
        tr(lang),
        recap_ebf_lead,
        n = o.exclusive,
        big_n = o.under_six_months,
        pct = pct,
        lo = lo,
        hi = hi,
        target = target
    ))
}

/// The first two cells of a row: its posyandu and month, or "Total".
fn where_when(row: &RecapRow, lang: &Lang) -> [Cell; 2] {
    if row.place.is_empty() {
        [Cell::text(tr(lang).total_row), Cell::text("")]
    } else {
        [
            Cell::Name(row.place.clone()),
            Cell::text(show_month(&row.month, lang)),
        ]
    }
}

fn place_month(lang: &Lang) -> [Column; 2] {
    let t = tr(lang);
    [
        Column::new(t.col_place, "place"),
        Column::new(t.col_month, "month"),
    ]
}

/// A recap table on `sheet`: posyandu, month and `columns`, a row each (`cells` after the first
/// two) where `of` counts something, then the total; `note` under it.
fn recap_table(
    r: &Recap,
    lang: &Lang,
    (sheet, caption): (Sheet, super::model::Caption),
    columns: Vec<Column>,
    note: &str,
    of: fn(&RecapRow) -> usize,
    cells: impl Fn(&RecapRow) -> Vec<Cell>,
) -> Table {
    let mut table = Table::new(
        sheet,
        caption,
        place_month(lang).into_iter().chain(columns).collect(),
    );
    let line = |row: &RecapRow, strong: bool| Row {
        cells: where_when(row, lang)
            .into_iter()
            .chain(cells(row))
            .collect(),
        strong,
    };
    // A month with visits but no class has no row of zeros among the classes, and the other
    // way round.
    table.rows = r
        .rows
        .iter()
        .filter(|row| of(row) > 0)
        .map(|row| line(row, false))
        .collect();
    table.rows.push(line(&r.total, true));
    table.notes.push(note.into());
    table
}

fn activities(r: &Recap, lang: &Lang, n: &mut Counter) -> Table {
    let t = tr(lang);
    recap_table(
        r,
        lang,
        (Sheet::Summary, n.table(lang, t.activities_table)),
        vec![
            Column::new(t.col_classes, "classes"),
            Column::new(t.col_participants, "participants"),
            Column::new(t.col_fathers, "fathers"),
            Column::new(t.col_cadres, "cadres"),
            Column::new(t.col_others, "others"),
            Column::new(t.col_paired, "paired"),
            Column::new(t.col_pre, "pre_mean"),
            Column::new(t.col_post, "post_mean"),
            Column::new(t.col_competent, "competent"),
            Column::new(t.col_observed, "observed"),
        ],
        t.activities_note,
        |row| row.classes,
        |row| {
            vec![
                Cell::Count(row.classes),
                Cell::Count(row.participants),
                Cell::Count(row.fathers),
                Cell::Count(row.cadres),
                Cell::Count(row.others),
                Cell::Count(row.paired),
                Cell::styled(row.pre_mean, 1, Style::Plain),
                Cell::styled(row.post_mean, 1, Style::Plain),
                Cell::Count(row.competent),
                Cell::Count(row.observed),
            ]
        },
    )
}

fn visits(r: &Recap, lang: &Lang, n: &mut Counter) -> Table {
    let t = tr(lang);
    recap_table(
        r,
        lang,
        (Sheet::Monitoring, n.table(lang, t.visits_table)),
        vec![
            Column::new(t.col_visits, "visits"),
            Column::new(t.col_ebf, "ebf_exclusive"),
            Column::new(t.col_under_six, "ebf_under_six_months"),
            Column::new(t.col_ebf_percent, "ebf_percent"),
            Column::new(t.col_danger, "danger_signs"),
            Column::new(t.col_referred, "referred"),
        ],
        t.visits_note,
        |row| row.visits,
        |row| {
            let o = row.outcome.as_ref();
            let count = |f: fn(&super::outcome::Outcome) -> usize| Cell::Count(o.map_or(0, f));
            vec![
                Cell::Count(row.visits),
                count(|o| o.exclusive),
                count(|o| o.under_six_months),
                Cell::styled(o.and_then(|o| o.percent.0.ok()), 1, Style::Percent),
                count(|o| o.visits_with_danger_sign),
                count(|o| o.referred),
            ]
        },
    )
}
