//! The document's tables as one CSV that spreadsheets open as numbers: English with `,` and a
//! decimal point; Indonesian with `;` and a decimal comma, as Excel and LibreOffice in that
//! language expect. UTF-8 with a byte-order mark, so names keep their letters. The participants
//! come first under their header row; every further table follows after a blank row, its
//! caption and its header; the report's sentences close the file.

use super::model::{Block, Cell, Doc, Style, Table};
use super::names::KeyRow;
use super::words::{fixed, role_label};
use pijat_content::Lang;
use pijat_core::cell::text_cell;
use pijat_core::strings::report::tr;

fn value(c: &Cell, lang: &Lang) -> String {
    match c {
        Cell::Text(s) => text_cell(s),
        Cell::Name(s) => text_cell(&pijat_core::printable(s)),
        Cell::Count(n) => n.to_string(),
        Cell::Num {
            value,
            decimals,
            style,
        } => {
            let d = if *style == Style::P {
                4
            } else {
                (*decimals).max(2)
            };
            lang.decimal_mark(fixed(*value, d))
        }
        Cell::Missing(_) => String::new(),
    }
}

fn block(w: &mut csv::Writer<Vec<u8>>, tb: &Table, lang: &Lang, first: bool) {
    let cols: Vec<(usize, &str)> = tb
        .columns
        .iter()
        .enumerate()
        .filter(|(_, c)| !c.key.is_empty())
        .map(|(i, c)| (i, c.key.as_str()))
        .collect();
    if !first {
        let _ = w.write_record([""]);
        let _ = w.write_record([text_cell(&tb.caption.to_string())]);
    }
    let _ = w.write_record(cols.iter().map(|(_, key)| *key));
    for r in &tb.rows {
        let _ = w.write_record(cols.iter().map(|(i, _)| value(r.cell(*i), lang)));
    }
}

/// A CSV writer for `lang`: Excel in Indonesian reads `;` (the comma is the decimal mark); in
/// English, `,`.
fn writer(lang: &Lang) -> csv::Writer<Vec<u8>> {
    csv::WriterBuilder::new()
        .delimiter(lang.list_separator())
        .flexible(true)
        .from_writer(Vec::new())
}

/// What was written, after the byte-order mark.
fn finish(w: csv::Writer<Vec<u8>>) -> String {
    let body = String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default();
    format!("\u{feff}{body}")
}

/// The key from what a report shows (R1, B. S.) to who it is, for the trainer to keep.
pub(super) fn name_key(key: &[KeyRow], lang: &Lang) -> String {
    let mut w = writer(lang);
    let s = tr(lang);
    let _ = w.write_record([s.shown_as, s.name, s.role]);
    for k in key {
        let _ = w.write_record([
            text_cell(&k.shown),
            text_cell(&pijat_core::printable(&k.name)),
            text_cell(&role_label(&k.role, lang)),
        ]);
    }
    finish(w)
}

pub(super) fn csv(doc: &Doc) -> String {
    let lang = &doc.lang;
    let mut w = writer(lang);
    let mut tables: Vec<&Table> = doc
        .sections
        .iter()
        .flat_map(|s| &s.blocks)
        .filter_map(|b| match b {
            Block::Table(tb) => Some(tb),
            _ => None,
        })
        .collect();
    // The participants' scores first, under the file's own header row.
    if let Some(at) = tables
        .iter()
        .position(|t| t.columns.iter().any(|c| c.key == tr(lang).key_name))
    {
        let scores = tables.remove(at);
        tables.insert(0, scores);
    }
    let mut first = true;
    for tb in tables {
        block(&mut w, tb, lang, first);
        first = false;
    }
    if !first {
        let _ = w.write_record([""]);
    }
    let _ = w.write_record([tr(lang).summary]);
    for s in doc.lead.iter().chain(&doc.notes) {
        let _ = w.write_record([text_cell(s)]);
    }
    finish(w)
}
