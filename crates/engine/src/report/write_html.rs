//! The document as one self-contained HTML file that prints on A4: no network, the system's
//! fonts, charts as inline SVG, table rows never split across pages and headers repeated.

use std::fmt::Write as _;

use super::model::{Block, Doc, Table};
use super::svg::{esc, svg};

pub(super) const CSS: &str = "@page { size: A4; margin: 18mm 18mm; }
body { font-family: 'Noto Sans', 'DejaVu Sans', 'Liberation Sans', Arial, sans-serif; font-size: 10.5pt; line-height: 1.4; color: #000; margin: 0; }
h1 { font-size: 15pt; margin: 0 0 6pt; }
h2 { font-size: 12.5pt; margin: 14pt 0 5pt; break-after: avoid; page-break-after: avoid; }
p { margin: 0 0 6pt; }
.lead { font-size: 11.5pt; }
.note { border-left: 3pt solid #888; padding-left: 6pt; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 1pt 10pt; margin: 0 0 8pt; }
dl.facts dt { font-weight: bold; } dl.facts dd { margin: 0; }
table { border-collapse: collapse; width: 100%; margin: 2pt 0 4pt; font-size: 9.5pt; }
caption { caption-side: top; text-align: left; font-weight: bold; padding: 0 0 3pt; break-after: avoid; }
table.keep { break-inside: avoid; page-break-inside: avoid; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th, td { border: 0.6pt solid #555; padding: 2pt 4pt; vertical-align: top; text-align: left; }
th { background: #eef1f4; }
td.n { text-align: right; white-space: nowrap; }
tr.strong td { font-weight: bold; }
.tnote { font-size: 9pt; margin: 0 0 8pt; }
figure { margin: 6pt 0 10pt; break-inside: avoid; page-break-inside: avoid; }
figure svg { width: 100%; height: auto; }
figcaption { font-weight: bold; font-size: 9.5pt; margin-top: 2pt; }
@media screen { body { max-width: 180mm; margin: 10mm auto; } }";

/// Tables this short print whole on one page, their caption and header with them.
const KEEP_WHOLE: usize = 12;

/// Text for people: escaped, with `d_z` as *d* with a subscript z.
fn prose(s: &str) -> String {
    esc(s).replace("d_z", "<i>d</i><sub>z</sub>")
}

fn table(o: &mut String, tb: &Table, doc: &Doc) {
    let shown = tb.shown_columns();
    let keep = if tb.rows.len() <= KEEP_WHOLE {
        " class=\"keep\""
    } else {
        ""
    };
    let _ = write!(
        o,
        "<table{keep}>\n<caption>{}</caption>\n<thead><tr>",
        esc(&tb.caption.to_string())
    );
    for (_, c) in &shown {
        let _ = write!(o, "<th>{}</th>", esc(&c.title));
    }
    let _ = writeln!(o, "</tr></thead>\n<tbody>");
    for r in &tb.rows {
        let class = if r.strong { " class=\"strong\"" } else { "" };
        let _ = write!(o, "<tr{class}>");
        for (i, _) in &shown {
            let c = r.cell(*i);
            let n = if c.is_number() { " class=\"n\"" } else { "" };
            let _ = write!(o, "<td{n}>{}</td>", prose(&c.shown(&doc.lang)));
        }
        let _ = writeln!(o, "</tr>");
    }
    let _ = writeln!(o, "</tbody>\n</table>");
    for n in &tb.notes {
        let _ = writeln!(o, "<p class=\"tnote\">{}</p>", prose(n));
    }
}

pub(super) fn html(doc: &Doc) -> String {
    let mut o = format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>\n{CSS}\n</style>\n</head>\n<body>\n",
        doc.lang.code(),
        esc(&doc.title)
    );
    let _ = writeln!(o, "<h1>{}</h1>", esc(&doc.title));
    let _ = writeln!(o, "<dl class=\"facts\">");
    for (k, v) in &doc.facts {
        let _ = writeln!(o, "<dt>{}</dt><dd>{}</dd>", esc(k), esc(v));
    }
    let _ = writeln!(o, "</dl>");
    for s in &doc.lead {
        let _ = writeln!(o, "<p class=\"lead\">{}</p>", prose(s));
    }
    for n in &doc.notes {
        let _ = writeln!(o, "<p class=\"note\">{}</p>", esc(n));
    }
    for sec in &doc.sections {
        let _ = writeln!(o, "<h2>{}</h2>", esc(&sec.heading));
        for b in &sec.blocks {
            match b {
                Block::Para(p) => {
                    let _ = writeln!(o, "<p>{}</p>", prose(p));
                }
                Block::Table(tb) => table(&mut o, tb, doc),
                Block::Chart(c) => {
                    let _ = writeln!(
                        o,
                        "<figure>\n{}\n<figcaption>{}</figcaption>\n</figure>",
                        svg(c, &doc.lang),
                        esc(&c.caption.to_string())
                    );
                }
            }
        }
    }
    o.push_str("</body>\n</html>\n");
    o
}
