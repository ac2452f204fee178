//! The document as Markdown: a section to paste into a laporan (charts are in html and docx).

use std::fmt::Write as _;

use super::model::{Block, Doc, Table};

/// Text from the data (a name, a class, a place) or a sentence, as Markdown that shows it and
/// does nothing else: no live HTML, no emphasis, link or code, no line break out of its cell,
/// no list or heading. Only what Markdown would act on is escaped, so `p < 0,05`, `+50,0` and
/// `d_z` stay as they are.
pub fn text(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    let chars: Vec<char> = s.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let before = i.checked_sub(1).and_then(|j| chars.get(j)).copied();
        let next = chars.get(i + 1).copied();
        let word = |x: Option<char>| x.is_some_and(char::is_alphanumeric);
        let escape = match c {
            '\\' | '`' | '*' | '[' | ']' | '|' => true,
            // Inside a word an underscore is no emphasis.
            '_' => !(word(before) && word(next)),
            '<' => next.is_some_and(|n| n.is_ascii_alphabetic() || "/!?".contains(n)),
            '&' => next.is_some_and(|n| n.is_ascii_alphanumeric() || n == '#'),
            // A list item or a heading or a quote, at the start of a paragraph.
            '#' | '>' | '-' | '+' => i == 0 && next.is_none_or(|n| n == ' '),
            _ => false,
        };
        if escape {
            o.push('\\');
        }
        o.push(if c == '\n' || c == '\r' { ' ' } else { c });
    }
    o
}

fn table(o: &mut String, tb: &Table, doc: &Doc) {
    let shown = tb.shown_columns();
    let _ = writeln!(o, "**{}**\n", text(&tb.caption.to_string()));
    let titles: Vec<String> = shown.iter().map(|(_, c)| text(&c.title)).collect();
    let _ = writeln!(o, "| {} |", titles.join(" | "));
    let rule: Vec<&str> = shown
        .iter()
        .map(|(i, _)| if tb.numeric(*i) { "---:" } else { "---" })
        .collect();
    let _ = writeln!(o, "| {} |", rule.join(" | "));
    for r in &tb.rows {
        let cells: Vec<String> = shown
            .iter()
            .map(|(i, _)| {
                let s = text(&r.cell(*i).shown(&doc.lang));
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
        let _ = writeln!(o, "*{}*\n", text(n));
    }
}

pub(super) fn markdown(doc: &Doc) -> String {
    let mut o = String::new();
    let _ = writeln!(o, "## {}\n", text(&doc.title));
    for (k, v) in &doc.facts {
        let _ = writeln!(o, "- **{}:** {}", text(k), text(v));
    }
    let _ = writeln!(o);
    for s in &doc.lead {
        let _ = writeln!(o, "{}\n", text(s));
    }
    for n in &doc.notes {
        let _ = writeln!(o, "> {}\n", text(n));
    }
    for sec in &doc.sections {
        let _ = writeln!(o, "### {}\n", text(&sec.heading));
        for b in &sec.blocks {
            match b {
                Block::Para(p) => {
                    let _ = writeln!(o, "{}\n", text(p));
                }
                Block::Table(tb) => table(&mut o, tb, doc),
                Block::Chart(_) => {}
            }
        }
    }
    o
}
