//! A certificate for each member of a class judged competent at their latest observation with
//! the checklist: one page each, with the class, its place and dates, and the trainer.

use super::ClassPaper;
use crate::Format;
use crate::Langs;
use maud::html;

use crate::page::{FORM_CSS, date, html_page};
use pijat_content::Lang;
use pijat_core::strings::cli::tr;
use pijat_engine::report::build::ClassInfo;
use pijat_engine::report::render::role_label;

const CSS: &str = ".cert { border: 3pt double #1f4e79; padding: 24mm 16mm; min-height: 215mm; text-align: center; box-sizing: border-box; }
.cert h1 { font-size: 26pt; letter-spacing: 3pt; margin: 0 0 4pt; }
.cert .name { font-size: 22pt; font-weight: bold; margin: 14pt 0; }
.cert p { font-size: 12pt; margin: 0 0 8pt; }
.cert .sign { margin-top: 26mm; text-align: right; }
.cert .sign .line { min-width: 60mm; }";

fn when(info: &ClassInfo, l: &Langs) -> String {
    let d = |s: &str| date(s, &l.first);
    match (info.starts.as_deref(), info.ends.as_deref()) {
        (Some(a), Some(b)) if a != b => format!("{} – {}", d(a), d(b)),
        (Some(a), _) | (None, Some(a)) => d(a),
        (None, None) => String::new(),
    }
}

/// What the certificate says around its holder's name, in one language.
fn says(role: &str, info: &ClassInfo, dates: &str, lang: &Lang) -> [String; 3] {
    let class = pijat_core::printable(&info.name);
    let place = info
        .place
        .as_deref()
        .map_or(String::new(), |p| format!(", {}", pijat_core::printable(p)));
    let dates = if dates.is_empty() {
        String::new()
    } else {
        format!(", {dates}")
    };
    let s = tr(lang);
    [
        s.certificate_title.into(),
        s.certificate_awarded_to.into(),
        pijat_core::fill!(
            cli,
            s,
            certificate_body,
            role = role,
            class = class,
            place = place,
            dates = dates
        ),
    ]
}

/// A certificate for each member judged competent at the latest observation; an error when
/// there is none.
pub fn render(c: ClassPaper, format: Format) -> Result<String, String> {
    let ClassPaper { input, l, info } = c;
    let competent: Vec<_> = input
        .participants
        .iter()
        .filter(|p| p.observations.last().is_some_and(|o| o.2))
        .collect();
    if competent.is_empty() {
        return Err(l.t(|s| s.no_participant_class_has));
    }
    let dates = when(&info, &l);
    let trainer = info
        .trainer
        .as_deref()
        .map(pijat_core::printable)
        .unwrap_or_default();
    let sign = l.t(|s| s.trainer);
    let mut pages = Vec::new();
    for p in &competent {
        let name = pijat_core::printable(&p.name);
        let first = says(&role_label(&p.role, &l.first), &info, &dates, &l.first);
        let second = l
            .second
            .as_ref()
            .map(|en| says(&role_label(&p.role, en), &info, &dates, en));
        pages.push((name, first, second));
    }
    Ok(match format {
        Format::Md => pages
            .iter()
            .map(|(name, a, b)| {
                let [title, _, _] = a;
                let mut o = format!("# {title}\n\n");
                let tr = |k: usize| {
                    let second = b.as_ref().and_then(|b| b.get(k));
                    second.map_or(String::new(), |s| format!("\n\n*{s}*"))
                };
                o.push_str(&format!(
                    "{}{}\n\n**{name}**\n\n{}{}\n\n",
                    a[1],
                    tr(1),
                    a[2],
                    tr(2)
                ));
                o.push_str(&format!("{sign}: ______________________ ({trainer})\n"));
                o
            })
            .collect::<Vec<_>>()
            .join("\n---\n\n"),
        Format::Html => {
            let body = html! {
                @for (name, a, b) in &pages {
                    @let tr = |k: usize| html! {
                        @if let Some(s) = b.as_ref().and_then(|b| b.get(k)) { br; span.tr { (s) } }
                    };
                    @let title = b.as_ref().map_or(a[0].clone(), |b| format!("{} / {}", a[0], b[0]));
                    div.page { div.cert {
                        h1 { (title) }
                        p { (a[1]) (tr(1)) }
                        div.name { (name) }
                        p { (a[2]) (tr(2)) }
                        div.sign { p { (sign) } p { span.line {} } p { (trainer) } }
                    } }
                    "\n"
                }
            };
            html_page(
                &l.t(|s| s.certificates),
                &l.first,
                &format!("{}\n{CSS}", FORM_CSS),
                body,
            )
        }
    })
}
