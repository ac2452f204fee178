//! What every printed page shares: the A4 style, the HTML document around the pages, a box to
//! tick, a line to write on. The HTML is written with `maud`, which escapes every text put
//! into it; only markup built the same way goes in unescaped.

use maud::{DOCTYPE, Markup, PreEscaped, html};
use pijat_content::Lang;

pub(crate) use pijat_core::dates::paper_day as date;

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
.small-heads th { font-size: 9pt; }
.tr { font-style: italic; color: #333; }
.page { break-after: page; page-break-after: always; }
.page:last-child { break-after: auto; page-break-after: auto; }
@media screen { body { max-width: 180mm; margin: 10mm auto; } }";

/// A complete HTML document of one or more pages.
pub(crate) fn html_page(title: &str, lang: &Lang, css: &str, body: Markup) -> String {
    html! {
        (DOCTYPE) "\n"
        html lang=(lang.code()) {
            "\n"
            head {
                "\n" meta charset="utf-8"; "\n"
                title { (title) } "\n"
                style { "\n" (PreEscaped(css)) "\n" } "\n"
            }
            "\n"
            body { "\n" (body) }
            "\n"
        }
        "\n"
    }
    .into_string()
}

/// `☐ word`, for Markdown.
pub(crate) fn option_md(word: &str) -> String {
    format!("☐ {word}")
}

/// A box, then the word, kept together.
pub(crate) fn option_html(word: &str) -> Markup {
    html! { span.opt { span.box {} (word) } }
}

/// `Label: ______`, for Markdown.
pub(crate) fn field_md(label: &str, short: bool) -> String {
    let line = if short {
        "__________"
    } else {
        "______________________"
    };
    format!("{label}: {line}")
}

/// A label and a line to write on.
pub(crate) fn field_html(label: &str, short: bool) -> Markup {
    let class = if short { "line short" } else { "line" };
    html! { span.field { (label) ": " span class=(class) {} } }
}

/// Pieces of markup one after another, with `between` (text) between them.
pub(crate) fn joined(parts: impl IntoIterator<Item = Markup>, between: &str) -> Markup {
    html! {
        @for (i, p) in parts.into_iter().enumerate() {
            @if i > 0 { (between) }
            (p)
        }
    }
}

/// A translation after its text, in italics; nothing when there is none.
pub(crate) fn translation(second: Option<String>) -> Markup {
    html! {
        @if let Some(t) = second { " " span.tr { (t) } }
    }
}

/// A text of paragraphs (split at blank lines), a line break between them.
pub(crate) fn with_breaks(text: &str) -> Markup {
    html! {
        @for (k, para) in text.split("\n\n").enumerate() {
            @if k > 0 { br; }
            (para)
        }
    }
}
