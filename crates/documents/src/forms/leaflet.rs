//! One A4 page for a father to take home, in one language a page: what the massage can and
//! cannot do, the back, the steps, when not to massage, when to stop and whom to contact. Every
//! claim is the curriculum's own text (the safety sections and the routine's steps).

use maud::{Markup, PreEscaped, html};

use crate::Format;
use crate::page::{FORM_CSS, field_html, field_md, html_page, joined};
use pijat_content::{Content, Figure, Lang, Routine};
use pijat_core::strings::cli::tr;

const CSS: &str = "@page { size: A4; margin: 11mm 12mm; }
body { font-size: 9pt; line-height: 1.3; }
.leaflet { height: 272mm; overflow: hidden; }
.leaflet h1 { font-size: 15pt; margin: 0 0 2pt; }
.leaflet h2 { font-size: 10.5pt; margin: 5pt 0 2pt; }
.cols { column-count: 2; column-gap: 7mm; }
.cols > * { break-inside: avoid; }
.leaflet ol, .leaflet ul { margin: 0 0 3pt 17pt; padding: 0; }
.leaflet li { margin: 0 0 1pt; }
.leaflet p { margin: 0 0 3pt; }
.call { border: 1px solid #000; padding: 3pt 5pt; margin-top: 4pt; line-height: 2; }";

/// A body of the curriculum (paragraphs, `- ` lists) as Markdown.
fn body_md(text: &str) -> String {
    text.trim()
        .split("\n\n")
        .map(|para| format!("{}\n\n", para.lines().collect::<Vec<_>>().join("\n")))
        .collect()
}

/// The same as HTML: a paragraph of the words, then a list of the `- ` items.
fn body_html(text: &str) -> Markup {
    html! {
        @for para in text.trim().split("\n\n") {
            @let (items, words): (Vec<&str>, Vec<&str>) =
                para.lines().partition(|l| l.starts_with("- "));
            @if !words.is_empty() { p { (words.join(" ")) } }
            @if !items.is_empty() {
                ul { @for i in &items { li { (i.get(2..).unwrap_or_default()) } } }
            }
        }
    }
}

/// What a page says: each part's heading and its text (the routine's part: its steps).
struct Parts {
    before: Vec<(String, String)>,
    routine: String,
    steps: Vec<String>,
    after: Vec<(String, String)>,
}

fn parts(r: &Routine, content: &Content, lang: &Lang) -> Parts {
    let section = |id: &str| {
        content
            .safety
            .sections
            .iter()
            .find(|s| s.id == id)
            .map(|s| (s.title.get(lang).to_string(), s.body.get(lang).to_string()))
    };
    let steps = r
        .steps
        .iter()
        .map(|s| {
            let title = s.title.get(lang);
            if s.figure == Some(Figure::Back) {
                format!("{title}: {}", s.instruction.get(lang))
            } else {
                title.to_string()
            }
        })
        .collect();
    Parts {
        before: section("disclaimer").into_iter().collect(),
        routine: r.title.get(lang).to_string(),
        steps,
        after: [
            "contraindications",
            "when-to-stop",
            "baby-danger-signs",
            "when-to-refer",
        ]
        .iter()
        .filter_map(|id| section(id))
        .collect(),
    }
}

fn page_md(r: &Routine, content: &Content, lang: &Lang) -> String {
    let p = parts(r, content, lang);
    let mut o = format!("# {}\n\n", tr(lang).oxytocin_massage_home);
    for (h, b) in &p.before {
        o.push_str(&format!("## {h}\n\n{}", body_md(b)));
    }
    o.push_str(&format!("## {}\n\n", p.routine));
    for (i, s) in p.steps.iter().enumerate() {
        o.push_str(&format!("{}. {s}\n", i + 1));
    }
    o.push('\n');
    for (h, b) in &p.after {
        o.push_str(&format!("## {h}\n\n{}", body_md(b)));
    }
    let call = [tr(lang).midwife_heading, tr(lang).puskesmas, tr(lang).phone];
    let fields: Vec<String> = call.iter().map(|c| field_md(c, true)).collect();
    o.push_str(&format!("{}\n", fields.join("  ")));
    o
}

fn page_html(r: &Routine, content: &Content, lang: &Lang) -> Markup {
    let p = parts(r, content, lang);
    let call = [tr(lang).midwife_heading, tr(lang).puskesmas, tr(lang).phone];
    html! {
        div.page { div.leaflet {
            h1 { (tr(lang).oxytocin_massage_home) } "\n"
            div.cols {
                @for (h, b) in &p.before { div { h2 { (h) } (body_html(b)) } "\n" }
                div {
                    h2 { (p.routine) }
                    (PreEscaped(super::back_figure::svg(lang)))
                    ol { @for s in &p.steps { li { (s) } } }
                }
                "\n"
                @for (h, b) in &p.after { div { h2 { (h) } (body_html(b)) } "\n" }
                div.call { (joined(call.iter().map(|c| field_html(c, true)), " ")) }
            }
        } }
        "\n"
    }
}

/// One A4 page for fathers to take home: the steps, the back, when not to massage, when to stop.
pub fn render(
    r: &Routine,
    content: &Content,
    lang: &Lang,
    bilingual: bool,
    format: Format,
) -> String {
    let langs: Vec<Lang> = if bilingual {
        vec![Lang::id(), Lang::en()]
    } else {
        vec![lang.clone()]
    };
    if format == Format::Html {
        let css = format!("{}\n{CSS}", FORM_CSS);
        let first = langs.first().cloned().unwrap_or_else(Lang::id);
        let pages = html! { @for l in &langs { (page_html(r, content, l)) } };
        html_page(r.title.get(&first), &first, &css, pages)
    } else {
        let pages: Vec<String> = langs.iter().map(|l| page_md(r, content, l)).collect();
        pages.join("\n---\n\n")
    }
}
