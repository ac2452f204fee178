//! One A4 page for a father to take home, in one language a page: what the massage can and
//! cannot do, the back, the steps, when not to massage, when to stop and whom to contact. Every
//! claim is the curriculum's own text (the safety sections and the routine's steps).

use crate::Format;
use crate::page::{FORM_CSS, esc, field, html_page};
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

/// A body of the curriculum (paragraphs, `- ` lists) as HTML or Markdown.
fn body(text: &str, html: bool) -> String {
    let mut o = String::new();
    for para in text.trim().split("\n\n") {
        let lines: Vec<&str> = para.lines().collect();
        let (items, words): (Vec<&str>, Vec<&str>) =
            lines.iter().partition(|l| l.starts_with("- "));
        if html {
            if !words.is_empty() {
                o.push_str(&format!("<p>{}</p>", esc(&words.join(" "))));
            }
            if !items.is_empty() {
                o.push_str("<ul>");
                for i in items {
                    o.push_str(&format!("<li>{}</li>", esc(&i[2..])));
                }
                o.push_str("</ul>");
            }
        } else {
            o.push_str(&format!("{}\n\n", lines.join("\n")));
        }
    }
    o
}

fn page(r: &Routine, content: &Content, lang: &Lang, html: bool) -> String {
    let title = tr(lang).oxytocin_massage_home;
    let section = |id: &str| content.safety.sections.iter().find(|s| s.id == id);
    let mut parts: Vec<(String, String)> = Vec::new();
    if let Some(s) = section("disclaimer") {
        parts.push((s.title.get(lang).to_string(), body(s.body.get(lang), html)));
    }
    let steps: Vec<String> = r
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
    let steps_html = format!(
        "{}<ol>{}</ol>",
        super::back_figure::svg(lang),
        steps
            .iter()
            .map(|s| format!("<li>{}</li>", esc(s)))
            .collect::<String>()
    );
    let steps_md = steps
        .iter()
        .enumerate()
        .map(|(i, s)| format!("{}. {s}\n", i + 1))
        .collect::<String>();
    parts.push((
        r.title.get(lang).to_string(),
        if html { steps_html } else { steps_md + "\n" },
    ));
    for id in [
        "contraindications",
        "when-to-stop",
        "baby-danger-signs",
        "when-to-refer",
    ] {
        if let Some(s) = section(id) {
            parts.push((s.title.get(lang).to_string(), body(s.body.get(lang), html)));
        }
    }
    let call = [tr(lang).midwife_heading, tr(lang).puskesmas, tr(lang).phone];
    if html {
        let mut o = format!(
            "<div class=\"page\"><div class=\"leaflet\"><h1>{}</h1>\n<div class=\"cols\">",
            esc(title)
        );
        for (h, b) in &parts {
            o.push_str(&format!("<div><h2>{}</h2>{b}</div>\n", esc(h)));
        }
        o.push_str(&format!(
            "<div class=\"call\">{}</div></div></div></div>\n",
            call.iter()
                .map(|c| field(c, true, true))
                .collect::<Vec<_>>()
                .join(" ")
        ));
        o
    } else {
        let mut o = format!("# {title}\n\n");
        for (h, b) in &parts {
            o.push_str(&format!("## {h}\n\n{b}"));
        }
        o.push_str(&format!(
            "{}\n",
            call.iter()
                .map(|c| field(c, false, true))
                .collect::<Vec<_>>()
                .join("  ")
        ));
        o
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
    let html = format == Format::Html;
    let pages: Vec<String> = langs.iter().map(|l| page(r, content, l, html)).collect();
    if html {
        let css = format!("{}\n{CSS}", FORM_CSS);
        let first = langs.first().cloned().unwrap_or_else(Lang::id);
        html_page(r.title.get(&first), &first, &css, &pages.concat())
    } else {
        pages.join("\n---\n\n")
    }
}
