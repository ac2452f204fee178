//! A cadre's home-visit list on paper: a card per family, due first, with the contact line, the
//! baby's age, the last visit and what it found, red flags, the steps to coach, and room for
//! the visit's notes. It holds personal data and says so at the top.

use maud::{Markup, html};

use crate::Format;
use crate::page::{FORM_CSS, html_page, joined};
use pijat_app::visit_list::{DueVisit, RedFlag, VisitList};
use pijat_content::Lang;
use pijat_core::dates::show_day;
use pijat_core::feeding::Ebf;
use pijat_core::strings::outcome::{Strings, tr};
use pijat_engine::checklist::Mark;
use pijat_engine::report::render::markdown_text as md;

const CSS: &str = ".card { border: 1px solid #000; padding: 4pt 7pt; margin: 0 0 7pt; break-inside: avoid; page-break-inside: avoid; }
.card h2 { font-size: 12pt; margin: 0 0 3pt; }
.card p { margin: 0 0 2pt; }
.private { border: 2px solid #000; padding: 4pt 7pt; font-weight: bold; }
.flag { font-weight: bold; }
.notes { border-bottom: 1px solid #000; height: 14mm; }";

/// The list in `lang`, as Markdown or as HTML that prints on A4.
pub fn render(list: &VisitList, lang: &Lang, format: Format) -> String {
    let t = tr(lang);
    let cards: Vec<Card> = list.entries.iter().map(|e| card(e, lang)).collect();
    let title = if list.due_only {
        t.list_due_title
    } else {
        t.list_title
    };
    let due = list.entries.iter().filter(|e| e.due).count();
    let n = list.entries.len();
    let facts = [
        (
            t.list_cadre,
            list.cadre.clone().unwrap_or_else(|| "–".into()),
        ),
        (
            t.list_class,
            list.class
                .clone()
                .unwrap_or_else(|| t.list_all_classes.into()),
        ),
        (t.list_made, show_day(&list.today, lang)),
    ];
    let count = pijat_core::fill!(outcome, t, list_count, due = due, n = n);
    match format {
        Format::Md => {
            let mut o = format!("# {title}\n\n");
            for (k, v) in &facts {
                o.push_str(&format!("- **{k}:** {}\n", md(v)));
            }
            o.push_str(&format!("\n{count}\n\n> **{}**\n\n", t.list_private));
            if cards.is_empty() {
                o.push_str(&format!("{}\n", t.list_nobody));
            }
            for (i, c) in cards.iter().enumerate() {
                o.push_str(&format!("## {}. {} — {}\n\n", i + 1, md(&c.name), c.status));
                for (k, v) in &c.lines {
                    o.push_str(&format!("- **{k}:** {}\n", md(v)));
                }
                o.push_str(&format!(
                    "- **{}:** ______________________\n\n",
                    t.list_notes
                ));
            }
            o
        }
        Format::Html => {
            let body = html! {
                h1 { (title) } "\n"
                p { (joined(facts.iter().map(|(k, v)| html! { b { (k) ": " } (v) }), " · ")) } "\n"
                p { (count) } "\n"
                p.private { (t.list_private) } "\n"
                @if cards.is_empty() { p { (t.list_nobody) } }
                @for (i, c) in cards.iter().enumerate() {
                    (card_html(i + 1, c, t))
                    "\n"
                }
            };
            html_page(title, lang, &format!("{FORM_CSS}\n{CSS}"), body)
        }
    }
}

/// A family's card: its heading and its lines (label, text); flags are the lines that say
/// "watch for".
struct Card {
    name: String,
    status: &'static str,
    lines: Vec<(&'static str, String)>,
}

fn card(e: &DueVisit, lang: &Lang) -> Card {
    let t = tr(lang);
    let mut lines = vec![(
        t.list_contact,
        e.contact
            .clone()
            .unwrap_or_else(|| t.list_no_contact.into()),
    )];
    let class = match &e.cadre {
        Some(c) => format!("{} · {}: {c}", e.class, t.list_cadre),
        None => e.class.clone(),
    };
    lines.push((t.list_class, class));
    let baby = match (&e.baby_born, e.age_days) {
        (Some(b), Some(days)) => {
            let born = show_day(b, lang);
            pijat_core::fill!(outcome, t, list_baby_age, born = born, days = days)
        }
        _ => t.list_baby_unknown.into(),
    };
    lines.push((t.list_baby, baby));
    lines.push((t.list_last_visit, last_visit(e, lang)));
    if !e.flags.is_empty() {
        let flags: Vec<&str> = e.flags.iter().map(|f| flag(*f, t)).collect();
        lines.push((t.list_flags, flags.join("; ")));
    }
    let coach = if e.to_coach.is_empty() && e.last.is_none() && !e.due {
        t.list_not_observed.to_string()
    } else {
        let app = pijat_core::strings::app::tr(lang);
        e.to_coach
            .iter()
            .map(|(step, mark)| {
                let m = match mark {
                    Mark::NotDone => app.mark_not_done,
                    Mark::NeedsPractice => app.mark_practice,
                    Mark::DoneWell => app.mark_well,
                    Mark::NotObserved => app.mark_unobserved,
                };
                format!("{step} ({m})")
            })
            .collect::<Vec<_>>()
            .join("; ")
    };
    if !coach.is_empty() {
        lines.push((t.list_to_coach, coach));
    }
    Card {
        name: e.name.clone(),
        status: if e.due { t.list_due } else { t.list_not_due },
        lines,
    }
}

/// The last visit's day and what it found, or that there was none.
fn last_visit(e: &DueVisit, lang: &Lang) -> String {
    let t = tr(lang);
    let Some(v) = &e.last else {
        return t.list_never.into();
    };
    let app = pijat_core::strings::app::tr(lang);
    let flow = match v.findings.milk_flow {
        pijat_core::MilkFlow::Yes => app.milk_yes,
        pijat_core::MilkFlow::No => app.milk_no,
        pijat_core::MilkFlow::Unsure => app.milk_unsure,
    };
    let comfort = v.findings.comfort;
    let mut s = format!(
        "{}: {}",
        show_day(&v.visited_on, lang),
        pijat_core::fill!(outcome, t, list_findings, flow = flow, comfort = comfort)
    );
    match e.last_ebf {
        Some(Ebf::Exclusive) => s.push_str(&format!("; {}", t.list_ebf_yes)),
        Some(Ebf::NotExclusive) => s.push_str(&format!("; {}", t.list_ebf_no)),
        _ => {}
    }
    s
}

fn flag(f: RedFlag, t: &Strings) -> &'static str {
    match f {
        RedFlag::NotExclusive => t.flag_not_exclusive,
        RedFlag::DangerSign { referred: true } => t.flag_danger_referred,
        RedFlag::DangerSign { referred: false } => t.flag_danger_unreferred,
        RedFlag::MassageProblem => t.flag_massage,
    }
}

fn card_html(i: usize, c: &Card, t: &Strings) -> Markup {
    html! {
        div.card {
            h2 { (i) ". " (c.name) " — " (c.status) }
            @for (k, v) in &c.lines {
                p class=[(*k == t.list_flags).then_some("flag")] { b { (k) ": " } (v) }
            }
            p { b { (t.list_notes) ":" } }
            div.notes {}
        }
    }
}
