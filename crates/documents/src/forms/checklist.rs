//! The daftar tilik: who was observed, by whom, when; one row per step in the routine's order
//! with boxes for 2 / 1 / 0 / –, critical steps marked; the pass rule; and how the marks are
//! typed for `sheets import --checklist` (`nama,pengamat,tanggal,nilai`, one mark per step).

use crate::langs::texts;
use crate::page::{FORM_CSS, esc, field, html_page, option};
use crate::{Format, Langs};
use pijat_content::Routine;

fn rule(r: &Routine, l: &Langs) -> String {
    l.fill(
        |s| s.checklist_pass_rule,
        &[("pass", &r.pass_percent)],
        " / ",
    )
}

fn head(l: &Langs, html: bool) -> Vec<String> {
    vec![
        field(&l.t(|s| s.participant_s_name), html, false),
        field(&l.t(|s| s.class_field), html, false),
        field(&l.t(|s| s.observer_field), html, false),
        field(&l.t(|s| s.date), html, true),
    ]
}

fn typing_note(r: &Routine, l: &Langs) -> String {
    let n = r.steps.len();
    let example: String = (0..n).map(|i| if i % 5 == 3 { '1' } else { '2' }).collect();
    l.fill(
        |s| s.checklist_typing_note,
        &[("n", &n), ("example", &example), ("routine", &r.id)],
        "\n\n",
    )
}

/// The daftar tilik of a routine: a row per step, boxes 2 / 1 / 0 / –, critical steps marked.
pub fn render(r: &Routine, l: &Langs, format: Format) -> String {
    let (title, title2) = texts(&r.title, l);
    let word = l.t(|s| s.observation_checklist);
    let marks = l.t(|s| s.mark_legend);
    let cols = [
        l.t(|s| s.number_column),
        l.t(|s| s.step),
        "★".to_string(),
        "2".into(),
        "1".into(),
        "0".into(),
        "–".into(),
    ];
    let total = l.t(|s| s.total_marks);
    let verdict = [l.t(|s| s.competent), l.t(|s| s.not_yet_competent)];
    let sign = l.t(|s| s.observer_s_signature);
    match format {
        Format::Md => {
            let mut o = format!("# {word}: {title}\n\n");
            if let Some(t2) = title2 {
                o.push_str(&format!("*{t2}*\n\n"));
            }
            o.push_str(&format!("{}\n\n{marks}\n\n", head(l, false).join("  ")));
            o.push_str(&format!(
                "| {} |\n| ---: | --- | :-: | :-: | :-: | :-: | :-: |\n",
                cols.join(" | ")
            ));
            for (i, s) in r.steps.iter().enumerate() {
                let (t1, t2) = texts(&s.title, l);
                let words = t2.map_or(t1.clone(), |t2| format!("{t1} *{t2}*"));
                let star = if s.critical { "★" } else { "" };
                o.push_str(&format!(
                    "| {} | {} | {star} | ☐ | ☐ | ☐ | ☐ |\n",
                    i + 1,
                    words.replace('|', "/")
                ));
            }
            o.push_str(&format!(
                "\n{total}: ______ / ______   {} {}\n\n{}\n\n{}\n\n{sign}: ______________________\n",
                option(&verdict[0], false),
                option(&verdict[1], false),
                rule(r, l),
                typing_note(r, l)
            ));
            o
        }
        Format::Html => {
            let mut o = format!("<h1>{}: {}</h1>\n", esc(&word), esc(&title));
            if let Some(t2) = title2 {
                o.push_str(&format!("<p class=\"tr\">{}</p>\n", esc(&t2)));
            }
            o.push_str(&format!(
                "<div class=\"fields\">{}</div>\n<p class=\"small\">{}</p>\n",
                head(l, true).join(" "),
                esc(&marks)
            ));
            o.push_str("<table>\n<thead><tr>");
            for (k, c) in cols.iter().enumerate() {
                let class = if k == 1 { "" } else { " class=\"c\"" };
                o.push_str(&format!("<th{class}>{}</th>", esc(c)));
            }
            o.push_str("</tr></thead>\n<tbody>\n");
            let b = "<td class=\"c\"><span class=\"box\"></span></td>";
            for (i, s) in r.steps.iter().enumerate() {
                let (t1, t2) = texts(&s.title, l);
                let tr = t2.map_or(String::new(), |t| {
                    format!(" <span class=\"tr\">{}</span>", esc(&t))
                });
                let star = if s.critical { "★" } else { "" };
                o.push_str(&format!(
                    "<tr><td class=\"c\">{}</td><td>{}{tr}</td><td class=\"c\">{star}</td>{b}{b}{b}{b}</tr>\n",
                    i + 1,
                    esc(&t1)
                ));
            }
            o.push_str("</tbody>\n</table>\n");
            o.push_str(&format!(
                "<p style=\"margin-top:8pt\">{}: <span class=\"line short\"></span> / <span class=\"line short\"></span> &nbsp; {} {}</p>\n<p class=\"small\">{}</p>\n<p class=\"small\">{}</p>\n<p style=\"margin-top:14pt\">{}</p>\n",
                esc(&total),
                option(&verdict[0], true),
                option(&verdict[1], true),
                esc(&rule(r, l)),
                esc(&typing_note(r, l)).replace("\n\n", "<br>"),
                field(&sign, true, false)
            ));
            html_page(&format!("{word}: {title}"), &l.first, FORM_CSS, &o)
        }
    }
}
