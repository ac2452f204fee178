//! The daftar tilik: who was observed, by whom, when; one row per step in the routine's order
//! with boxes for 2 / 1 / 0 / –, critical steps marked; the pass rule; and how the marks are
//! typed for `sheets import --checklist` (`nama,pengamat,tanggal,nilai`, one mark per step).

use maud::{PreEscaped, html};

use crate::langs::{paper_fill, texts};
use crate::page::{
    FORM_CSS, field_html, field_md, html_page, option_html, option_md, translation, with_breaks,
};
use crate::{Format, Langs};
use pijat_content::Routine;

fn rule(r: &Routine, l: &Langs) -> String {
    paper_fill!(l, checklist_pass_rule, " / ", pass = r.pass_percent)
}

/// The head's labels, and whether each line is short.
fn head(l: &Langs) -> [(String, bool); 4] {
    [
        (l.t(|s| s.participant_s_name), false),
        (l.t(|s| s.class_field), false),
        (l.t(|s| s.observer_field), false),
        (l.t(|s| s.date), true),
    ]
}

fn typing_note(r: &Routine, l: &Langs) -> String {
    let n = r.steps.len();
    let example: String = (0..n).map(|i| if i % 5 == 3 { '1' } else { '2' }).collect();
    paper_fill!(
        l,
        checklist_typing_note,
        "\n\n",
        n = n,
        example = example,
        routine = r.id
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
            let fields: Vec<String> = head(l)
                .iter()
                .map(|(f, short)| field_md(f, *short))
                .collect();
            o.push_str(&format!("{}\n\n{marks}\n\n", fields.join("  ")));
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
                option_md(&verdict[0]),
                option_md(&verdict[1]),
                rule(r, l),
                typing_note(r, l)
            ));
            o
        }
        Format::Html => {
            let boxes = html! { @for _ in 0..4 { td.c { span.box {} } } };
            let body = html! {
                h1 { (word) ": " (title) } "\n"
                @if let Some(t2) = title2 { p.tr { (t2) } "\n" }
                div.fields {
                    @for (k, (f, short)) in head(l).iter().enumerate() {
                        @if k > 0 { " " }
                        (field_html(f, *short))
                    }
                }
                "\n"
                p.small { (marks) } "\n"
                table {
                    "\n"
                    thead { tr {
                        @for (k, c) in cols.iter().enumerate() {
                            th class=[(k != 1).then_some("c")] { (c) }
                        }
                    } }
                    "\n"
                    tbody {
                        "\n"
                        @for (i, s) in r.steps.iter().enumerate() {
                            @let (t1, t2) = texts(&s.title, l);
                            tr {
                                td.c { (i + 1) }
                                td { (t1) (translation(t2)) }
                                td.c { @if s.critical { "★" } }
                                (boxes)
                            }
                            "\n"
                        }
                    }
                    "\n"
                }
                "\n"
                p style="margin-top:8pt" {
                    (total) ": " span class="line short" {} " / " span class="line short" {}
                    (PreEscaped(" &nbsp; ")) (option_html(&verdict[0])) " " (option_html(&verdict[1]))
                }
                "\n"
                p.small { (rule(r, l)) } "\n"
                p.small { (with_breaks(&typing_note(r, l))) } "\n"
                p style="margin-top:14pt" { (field_html(&sign, false)) } "\n"
            };
            html_page(&format!("{word}: {title}"), &l.first, FORM_CSS, body)
        }
    }
}
