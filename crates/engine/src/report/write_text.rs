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

fn table(o: &mut String, tb: &Table, doc: &Doc) {
    let shown: Vec<usize> = (0..tb.columns.len())
        .filter(|i| tb.columns[*i].shown)
        .collect();
    let cells: Vec<Vec<String>> = tb
        .rows
        .iter()
        .map(|r| shown.iter().map(|i| r.cells[*i].shown(&doc.lang)).collect())
        .collect();
    let numeric: Vec<bool> = shown
        .iter()
        .map(|i| tb.rows.iter().all(|r| r.cells[*i].is_number()))
        .collect();
    // Each column as wide as its cells and its title's longest word; then titles get room
    // while the table fits, and the widest text column narrows until it does.
    let title_w = |i: usize| tb.columns[i].title.width();
    let mut widths: Vec<usize> = shown
        .iter()
        .enumerate()
        .map(|(k, i)| {
            let word = tb.columns[*i].title.split(' ').map(|w| w.width()).max();
            cells
                .iter()
                .map(|r| r[k].width())
                .chain(word)
                .max()
                .unwrap_or(1)
        })
        .collect();
    let used = |w: &[usize]| w.iter().sum::<usize>() + w.len().saturating_sub(1) * 2;
    for (k, i) in shown.iter().enumerate() {
        let room = WIDTH.saturating_sub(used(&widths));
        widths[k] += title_w(*i).saturating_sub(widths[k]).min(room);
    }
    loop {
        let total = used(&widths);
        let widest = (0..widths.len())
            .filter(|k| !numeric[*k] && widths[*k] > 12)
            .max_by_key(|k| widths[*k]);
        match widest {
            Some(k) if total > WIDTH => widths[k] -= (total - WIDTH).min(widths[k] - 12),
            _ => break,
        }
    }
    for l in wrap(&tb.caption, WIDTH) {
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
                .enumerate()
                .map(|(k, lines)| {
                    pad(
                        lines.get(h).map_or("", String::as_str),
                        widths[k],
                        numeric[k],
                    )
                })
                .collect();
            let _ = writeln!(o, "{}", parts.join("  ").trim_end());
        }
    };
    let titles: Vec<String> = shown.iter().map(|i| tb.columns[*i].title.clone()).collect();
    line(o, &titles);
    for r in &cells {
        line(o, r);
    }
    for n in &tb.notes {
        for l in wrap(n, WIDTH) {
            let _ = writeln!(o, "{l}");
        }
    }
}

pub(super) fn text(doc: &Doc) -> String {
    let mut o = String::new();
    for n in &doc.notes {
        for l in wrap(&format!("! {n}"), WIDTH) {
            let _ = writeln!(o, "{l}");
        }
    }
    let _ = writeln!(o, "{}", doc.title);
    for (k, v) in &doc.facts {
        let _ = writeln!(o, "{k}: {v}");
    }
    let _ = writeln!(o);
    for s in &doc.lead {
        for l in wrap(s, WIDTH) {
            let _ = writeln!(o, "{l}");
        }
    }
    for sec in &doc.sections {
        let _ = writeln!(o, "\n{}\n{}", sec.heading, "=".repeat(sec.heading.width()));
        for b in &sec.blocks {
            match b {
                Block::Para(p) => {
                    for l in wrap(p, WIDTH) {
                        let _ = writeln!(o, "{l}");
                    }
                }
                Block::Table(tb) => {
                    let _ = writeln!(o);
                    table(&mut o, tb, doc);
                }
                Block::Chart(_) => {}
            }
        }
    }
    o
}
