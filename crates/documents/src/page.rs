//! What every printed page shares: the A4 style, the HTML document around the pages, a box to
//! tick, a line to write on, and dates and text made safe for HTML.

use pijat_content::Lang;

pub(crate) use pijat_core::dates::paper_day as date;
pub(crate) use pijat_core::html::esc;

/// The A4 style of the forms.
pub(crate) const FORM_CSS: &str = "@page { size: A4; margin: 14mm 15mm; }
body { font-family: 'Noto Sans', 'DejaVu Sans', 'Liberation Sans', Arial, sans-serif; font-size: 10.5pt; line-height: 1.35; color: #000; margin: 0; }
h1 { font-size: 15pt; margin: 0 0 4pt; }
h2 { font-size: 12pt; margin: 8pt 0 3pt; }
p { margin: 0 0 5pt; }
.fields { border: 1px solid #000; padding: 5pt 7pt; margin: 0 0 8pt; line-height: 2; }
.field { display: inline-block; margin-right: 16pt; white-space: nowrap; }
.line { display: inline-block; border-bottom: 1px solid #000; min-width: 45mm; height: 1em; vertical-align: -2pt; }
.short { min-width: 25mm; }
.opt { display: inline-block; white-space: nowrap; margin-right: 12pt; }
.box { display: inline-block; width: 10pt; height: 10pt; border: 1px solid #000; margin-right: 4pt; vertical-align: -1pt; }
table { border-collapse: collapse; width: 100%; }
.fields, table { box-sizing: border-box; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th, td { border: 1px solid #000; padding: 3pt 4pt; vertical-align: top; text-align: left; }
th { background: #eee; }
td.c, th.c { text-align: center; width: 9mm; }
td.tall { height: 11mm; }
.small { font-size: 9pt; }
.tr { font-style: italic; color: #333; }
.page { break-after: page; page-break-after: always; }
.page:last-child { break-after: auto; page-break-after: auto; }
@media screen { body { max-width: 180mm; margin: 10mm auto; } }";

/// A complete HTML document of one or more pages.
pub(crate) fn html_page(title: &str, lang: &Lang, css: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>\n{css}\n</style>\n</head>\n<body>\n{body}</body>\n</html>\n",
        lang.code(),
        esc(title)
    )
}

/// `☐ word` for Markdown, a box then the word (kept together) for HTML.
pub(crate) fn option(word: &str, html: bool) -> String {
    if html {
        format!(
            "<span class=\"opt\"><span class=\"box\"></span>{}</span>",
            esc(word)
        )
    } else {
        format!("☐ {word}")
    }
}

/// `Label: ______` for Markdown, a label and a line to write on for HTML.
pub(crate) fn field(label: &str, html: bool, short: bool) -> String {
    if html {
        let class = if short { "line short" } else { "line" };
        format!(
            "<span class=\"field\">{}: <span class=\"{class}\"></span></span>",
            esc(label)
        )
    } else {
        let line = if short {
            "__________"
        } else {
            "______________________"
        };
        format!("{label}: {line}")
    }
}
