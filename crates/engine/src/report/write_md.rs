//! The document as Markdown: a section to paste into a laporan (charts are in html and docx).

use std::fmt::Write as _;

use super::model::{Block, Doc, Table};

fn cell(s: &str) -> String {
    s.replace('|', "/").replace('\n', " ")
}

fn table(o: &mut String, tb: &Table, doc: &Doc) {
    let shown: Vec<usize> = (0..tb.columns.len())
        .filter(|i| tb.columns[*i].shown)
        .collect();
    let _ = writeln!(o, "**{}**\n", cell(&tb.caption));
    let titles: Vec<String> = shown.iter().map(|i| cell(&tb.columns[*i].title)).collect();
    let _ = writeln!(o, "| {} |", titles.join(" | "));
    let rule: Vec<&str> = shown
        .iter()
        .map(|i| {
            if tb.rows.iter().all(|r| r.cells[*i].is_number()) {
                "---:"
            } else {
                "---"
            }
        })
        .collect();
    let _ = writeln!(o, "| {} |", rule.join(" | "));
    for r in &tb.rows {
        let cells: Vec<String> = shown
            .iter()
            .map(|i| {
                let s = cell(&r.cells[*i].shown(&doc.lang));
                if r.strong && !s.is_empty() {
                    format!("**{s}**")
                } else {
                    s
                }
            })
            .collect();
        let _ = writeln!(o, "| {} |", cells.join(" | "));
    }
    let _ = writeln!(o);
    for n in &tb.notes {
        let _ = writeln!(o, "*{}*\n", n.replace('*', "\\*"));
    }
}

pub(super) fn markdown(doc: &Doc) -> String {
    let mut o = String::new();
    for n in &doc.notes {
        let _ = writeln!(o, "> {n}\n");
    }
    let _ = writeln!(o, "## {}\n", doc.title);
    for (k, v) in &doc.facts {
        let _ = writeln!(o, "- **{k}:** {}", cell(v));
    }
    let _ = writeln!(o);
    for s in &doc.lead {
        let _ = writeln!(o, "{s}\n");
    }
    for sec in &doc.sections {
        let _ = writeln!(o, "### {}\n", sec.heading);
        for b in &sec.blocks {
            match b {
                Block::Para(p) => {
                    let _ = writeln!(o, "{p}\n");
                }
                Block::Table(tb) => table(&mut o, tb, doc),
                Block::Chart(_) => {}
            }
        }
    }
    o
}
