//! The home-visit form: one row per visit, its columns in the order `sheets import --visits`
//! reads them (`nama,tanggal,asi_lancar,nyaman,pijat_per_hari,catatan`).

use crate::page::{FORM_CSS, esc, field, html_page, option};
use crate::{Format, Langs};

/// Rows on one sheet: enough for a round of visits, each tall enough to write in.
const ROWS: usize = 7;

fn columns(l: &Langs) -> [String; 7] {
    [
        l.t(|s| s.number_column),
        l.t(|s| s.participant_father),
        l.t(|s| s.date),
        l.t(|s| s.milk_flowed_after_massage),
        l.t(|s| s.comfort_heading),
        l.t(|s| s.massages_day),
        l.t(|s| s.notes),
    ]
}

fn typing_note(l: &Langs) -> String {
    l.fill(|s| s.visit_typing_note, &[], "\n\n")
}

/// The home-visit form, in the columns `sheets import --visits` reads.
pub fn render(l: &Langs, format: Format) -> String {
    let title = l.t(|s| s.home_visits_oxytocin_massage);
    let flow = [l.t(|s| s.yes), l.t(|s| s.answer_no), l.t(|s| s.unsure)];
    let scale = l.t(|s| s.comfort_scale);
    let head = [
        field(&l.t(|s| s.class_field), format == Format::Html, false),
        field(
            &l.t(|s| s.cadre_midwife_visiting),
            format == Format::Html,
            false,
        ),
    ];
    let cols = columns(l);
    match format {
        Format::Md => {
            let mut o = format!("# {title}\n\n{}\n\n{scale}\n\n", head.join("  "));
            o.push_str(&format!(
                "| {} |\n| ---: | --- | --- | --- | --- | --- | --- |\n",
                cols.join(" | ")
            ));
            let flows: Vec<String> = flow.iter().map(|w| option(w, false)).collect();
            let comfort: Vec<String> = (1..=5).map(|n| option(&n.to_string(), false)).collect();
            for i in 1..=ROWS {
                o.push_str(&format!(
                    "| {i} |  |  | {} | {} |  |  |\n",
                    flows.join(" "),
                    comfort.join(" ")
                ));
            }
            o.push_str(&format!("\n{}\n", typing_note(l)));
            o
        }
        Format::Html => {
            let mut o = format!(
                "<h1>{}</h1>\n<div class=\"fields\">{}</div>\n<p class=\"small\">{}</p>\n<table>\n<thead><tr>",
                esc(&title),
                head.join(" "),
                esc(&scale)
            );
            for (k, c) in cols.iter().enumerate() {
                let class = if k == 0 { " class=\"c\"" } else { "" };
                o.push_str(&format!("<th{class}>{}</th>", esc(c)));
            }
            o.push_str("</tr></thead>\n<tbody>\n");
            let flows: String = flow
                .iter()
                .map(|w| format!("{}<br>", option(w, true)))
                .collect();
            let comfort: String = (1..=5)
                .map(|n| option(&n.to_string(), true))
                .collect::<Vec<_>>()
                .join(" ");
            for i in 1..=ROWS {
                o.push_str(&format!(
                    "<tr><td class=\"c tall\">{i}</td><td style=\"width:38mm\"></td><td style=\"width:20mm\"></td><td class=\"small\">{flows}</td><td class=\"small\" style=\"width:30mm\">{comfort}</td><td style=\"width:14mm\"></td><td></td></tr>\n"
                ));
            }
            o.push_str(&format!(
                "</tbody>\n</table>\n<p class=\"small\" style=\"margin-top:6pt\">{}</p>\n",
                esc(&typing_note(l)).replace("\n\n", "<br>")
            ));
            html_page(&title, &l.first, FORM_CSS, &o)
        }
    }
}
