//! The home-visit form: one row per visit, its columns in the order `sheets import --visits`
//! reads them (`nama,tanggal,asi_lancar,nyaman,pijat_per_hari,catatan`); and under it, with the
//! same row numbers, the baby's food and drink yesterday asked one kind at a time and the danger
//! signs (`asi,…,obat,bahaya_ibu,bahaya_bayi,dirujuk_ke`).

use maud::{Markup, html};

use crate::page::{
    FORM_CSS, field_html, field_md, html_page, joined, option_html, option_md, with_breaks,
};
use crate::{Format, Langs};

/// Rows on one sheet: enough for a round of visits, each tall enough to write in.
const ROWS: usize = 7;

/// A text of the command line's table, chosen by field.
type Text = fn(&'static pijat_core::strings::cli::Strings) -> &'static str;

/// The first table's columns.
const COLUMNS: [Text; 7] = [
    |s| s.number_column,
    |s| s.participant_father,
    |s| s.date,
    |s| s.milk_flowed_after_massage,
    |s| s.comfort_heading,
    |s| s.massages_day,
    |s| s.notes,
];

/// The outcome table's columns after No.: the recall's seven, then the two danger signs, then
/// the referral.
const OUTCOME_COLUMNS: [Text; 11] = [
    |s| s.number_column,
    |s| s.col_breast_milk,
    |s| s.col_water,
    |s| s.col_formula,
    |s| s.col_other_milk,
    |s| s.col_drinks,
    |s| s.col_food,
    |s| s.col_medicine,
    |s| s.col_danger_mother,
    |s| s.col_danger_baby,
    |s| s.col_referred_to,
];

fn headings(l: &Langs, texts: &[Text]) -> Vec<String> {
    texts.iter().map(|t| l.t(*t)).collect()
}

/// A table of [`ROWS`] numbered rows under `heads`, each row's cells after the number `cells`;
/// `small` sets its headings small.
fn numbered_table(heads: &[String], small: bool, cells: Markup) -> Markup {
    html! {
        table.small-heads[small] {
            "\n"
            thead { tr {
                @for (k, c) in heads.iter().enumerate() {
                    th class=[(k == 0).then_some("c")] { (c) }
                }
            } }
            "\n"
            tbody {
                "\n"
                @for i in 1..=ROWS {
                    tr { td class="c tall" { (i) } (cells) }
                    "\n"
                }
            }
            "\n"
        }
    }
}

fn typing_note(l: &Langs) -> String {
    crate::langs::paper_fill!(l, visit_typing_note, "\n\n")
}

/// The home-visit form, in the columns `sheets import --visits` reads.
pub fn render(l: &Langs, format: Format) -> String {
    let title = l.t(|s| s.home_visits_oxytocin_massage);
    let flow = [l.t(|s| s.yes), l.t(|s| s.answer_no), l.t(|s| s.unsure)];
    let scale = l.t(|s| s.comfort_scale);
    let (class, visitor) = (l.t(|s| s.class_field), l.t(|s| s.cadre_midwife_visiting));
    let cols = headings(l, &COLUMNS);
    let three = [
        l.t(|s| s.mark_y),
        l.t(|s| s.mark_t),
        l.t(|s| s.mark_unknown),
    ];
    match format {
        Format::Md => {
            let head = [field_md(&class, false), field_md(&visitor, false)];
            let mut o = format!("# {title}\n\n{}\n\n{scale}\n\n", head.join("  "));
            o.push_str(&format!(
                "| {} |\n| ---: | --- | --- | --- | --- | --- | --- |\n",
                cols.join(" | ")
            ));
            let flows: Vec<String> = flow.iter().map(|w| option_md(w)).collect();
            let comfort: Vec<String> = (1..=5).map(|n| option_md(&n.to_string())).collect();
            for i in 1..=ROWS {
                o.push_str(&format!(
                    "| {i} |  |  | {} | {} |  |  |\n",
                    flows.join(" "),
                    comfort.join(" ")
                ));
            }
            let ocols = headings(l, &OUTCOME_COLUMNS);
            o.push_str(&format!(
                "\n## {}\n\n{}\n\n| {} |\n| ---: |{}\n",
                l.t(|s| s.outcome_table_title),
                l.t(|s| s.outcome_ask_note),
                ocols.join(" | "),
                " --- |".repeat(ocols.len() - 1)
            ));
            let ynq: Vec<String> = three.iter().map(|w| option_md(w)).collect();
            let yn: Vec<String> = three.iter().take(2).map(|w| option_md(w)).collect();
            for i in 1..=ROWS {
                let recall = vec![ynq.join(" "); 7].join(" | ");
                let danger = vec![yn.join(" "); 2].join(" | ");
                o.push_str(&format!("| {i} | {recall} | {danger} |  |\n"));
            }
            o.push_str(&format!("\n{}\n", typing_note(l)));
            o
        }
        Format::Html => {
            let note = typing_note(l);
            let body = html! {
                h1 { (title) } "\n"
                div.fields { (field_html(&class, false)) " " (field_html(&visitor, false)) } "\n"
                p.small { (scale) } "\n"
                (numbered_table(&cols, false, html! {
                    td style="width:38mm" {}
                    td style="width:20mm" {}
                    td.small { @for w in &flow { (option_html(w)) br; } }
                    td.small style="width:30mm" {
                        (joined((1..=5).map(|n| option_html(&n.to_string())), " "))
                    }
                    td style="width:14mm" {}
                    td {}
                }))
                "\n"
                h2 style="font-size:11pt;margin:0 0 2pt;break-before:page;page-break-before:always" { (l.t(|s| s.outcome_table_title)) } "\n"
                p.small { (l.t(|s| s.outcome_ask_note)) } "\n"
                (numbered_table(&headings(l, &OUTCOME_COLUMNS), true, html! {
                    @for _ in 0..7 {
                        td.small { @for w in &three { (option_html(w)) br; } }
                    }
                    @for _ in 0..2 {
                        td.small { @for w in three.iter().take(2) { (option_html(w)) br; } }
                    }
                    td style="width:26mm" {}
                }))
                "\n"
                p.small style="margin-top:6pt" { (with_breaks(&note)) }
                "\n"
            };
            html_page(&title, &l.first, FORM_CSS, body)
        }
    }
}
