//! The document as plain text for a terminal (and the app's summary tab): lines of at most
//! `WIDTH` columns, tables aligned, long texts wrapped in their column, charts left out.

use std::fmt::Write as _;

use unicode_width::UnicodeWidthStr;

use super::model::{Block, Doc, Table};

pub(super) const WIDTH: usize = 78;

fn pad(s: &str, w: usize, right: bool) -> String {
    let fill = " ".repeat(w.saturating_sub(s.width()));
    if right {
        format!("{fill}{s}")
    } else {
        format!("{s}{fill}")
    }
}

fn wrap(s: &str, w: usize) -> Vec<String> {
    let opts =
        textwrap::Options::new(w.max(4)).word_splitter(textwrap::WordSplitter::NoHyphenation);
    textwrap::wrap(s, opts)
        .into_iter()
        .map(|c| c.into_owned())
        .collect()
}

fn table(o: &mut String, tb: &Table, doc: &Doc, width: usize) {
    let shown = tb.shown_columns();
    let cells = tb.shown_cells(&doc.lang);
    let numeric: Vec<bool> = shown.iter().map(|(i, _)| tb.numeric(*i)).collect();
    // Each column as wide as its cells and its title's longest word; then titles get room
    // while the table fits, and the widest text column narrows until it does.
    let mut widths: Vec<usize> = shown
        .iter()
        .enumerate()
        .map(|(k, (_, c))| {
            let word = c.title.split(' ').map(|w| w.width()).max();
            cells
                .iter()
                .filter_map(|r| r.get(k).map(|t| t.width()))
                .chain(word)
                .max()
                .unwrap_or(1)
        })
        .collect();
    let used = |w: &[usize]| w.iter().sum::<usize>() + w.len().saturating_sub(1) * 2;
    for (k, (_, c)) in shown.iter().enumerate() {
        let room = width.saturating_sub(used(&widths));
        if let Some(w) = widths.get_mut(k) {
            *w += c.title.width().saturating_sub(*w).min(room);
        }
    }
    loop {
        let total = used(&widths);
        let widest = widths
            .iter_mut()
            .zip(&numeric)
            .filter(|(w, numeric)| !**numeric && **w > 12)
            .map(|(w, _)| w)
            .max_by_key(|w| **w);
        match widest {
            Some(w) if total > width => *w -= (total - width).min(*w - 12),
            _ => break,
        }
    }
    for l in wrap(&tb.caption.to_string(), width) {
        let _ = writeln!(o, "{l}");
    }
    let line = |o: &mut String, texts: &[String]| {
        let wrapped: Vec<Vec<String>> = texts
            .iter()
            .zip(&widths)
            .map(|(t, w)| wrap(t, *w))
            .collect();
        let height = wrapped.iter().map(Vec::len).max().unwrap_or(1);
        for h in 0..height {
            let parts: Vec<String> = wrapped
                .iter()
                .zip(widths.iter().zip(&numeric))
                .map(|(lines, (w, numeric))| {
                    pad(lines.get(h).map_or("", String::as_str), *w, *numeric)
                })
                .collect();
            let _ = writeln!(o, "{}", parts.join("  ").trim_end());
        }
    };
    let titles: Vec<String> = shown.iter().map(|(_, c)| c.title.clone()).collect();
    line(o, &titles);
    for r in &cells {
        line(o, r);
    }
    for n in tb.notes.iter().chain(&tb.hints) {
        for l in wrap(n, width) {
            let _ = writeln!(o, "{l}");
        }
    }
}

pub(super) fn text(doc: &Doc, width: usize) -> String {
    let mut o = String::new();
    for l in wrap(&doc.title, width) {
        let _ = writeln!(o, "{l}");
    }
    for (k, v) in &doc.facts {
        for l in wrap(&format!("{k}: {v}"), width) {
            let _ = writeln!(o, "{l}");
        }
    }
    let _ = writeln!(o);
    for s in &doc.lead {
        for l in wrap(s, width) {
            let _ = writeln!(o, "{l}");
        }
    }
    for n in &doc.notes {
        for l in wrap(&format!("! {n}"), width) {
            let _ = writeln!(o, "{l}");
        }
    }
    for sec in &doc.sections {
        let _ = writeln!(o, "\n{}\n{}", sec.heading, "=".repeat(sec.heading.width()));
        for b in &sec.blocks {
            match b {
                Block::Para(p) => {
                    for l in wrap(p, width) {
                        let _ = writeln!(o, "{l}");
                    }
                }
                Block::Table(tb) => {
                    let _ = writeln!(o);
                    table(&mut o, tb, doc, width);
                }
                Block::Chart(_) => {}
            }
        }
    }
    o
}
