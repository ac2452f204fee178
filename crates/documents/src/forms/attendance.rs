//! The daftar hadir of a class: its details, then a row per member (name, role) with a
//! signature column for each meeting, and blank rows for people who join on the day.

use super::ClassPaper;
use crate::Format;
use maud::html;

use crate::page::{FORM_CSS, date, html_page};
use pijat_engine::report::render::role_label;

/// Blank rows after the members, for those who come without being on the list.
const SPARE: usize = 3;

/// The meetings' dates: every day of a class of at most a week, else its first and last day
/// with one meeting between to write in; `None` is a column whose date is written by hand.
fn meetings(starts: Option<&str>, ends: Option<&str>) -> Vec<Option<String>> {
    let day = pijat_core::dates::parse_day;
    match (starts.and_then(day), ends.and_then(day)) {
        (Some(a), Some(b)) if b >= a && (b - a).num_days() < 7 => a
            .iter_days()
            .take_while(|d| *d <= b)
            .map(|d| Some(d.format("%Y-%m-%d").to_string()))
            .collect(),
        (Some(a), Some(b)) if b > a => vec![
            Some(a.format("%Y-%m-%d").to_string()),
            None,
            Some(b.format("%Y-%m-%d").to_string()),
        ],
        (Some(a), _) => vec![Some(a.format("%Y-%m-%d").to_string()), None, None],
        // Text typed before dates were checked is printed as it was typed, not dropped.
        _ => vec![starts.map(str::to_string), None, ends.map(str::to_string)],
    }
}

/// The attendance list of a class: names, roles, a signature per meeting.
pub fn render(c: ClassPaper, format: Format) -> Result<String, String> {
    let ClassPaper { input, l, info } = c;
    let title = l.t(|s| s.attendance_list);
    let mut facts = vec![(l.t(|s| s.class_field), pijat_core::printable(&info.name))];
    facts.extend(
        info.place
            .as_deref()
            .map(|p| (l.t(|s| s.place), pijat_core::printable(p))),
    );
    facts.extend(
        info.trainer
            .as_deref()
            .map(|p| (l.t(|s| s.trainer), pijat_core::printable(p))),
    );
    let dates = meetings(info.starts.as_deref(), info.ends.as_deref());
    let heads: Vec<String> = dates
        .iter()
        .enumerate()
        .map(|(i, d)| match d {
            Some(d) => format!("{} {}: {}", l.t(|s| s.meeting), i + 1, date(d, &l.first)),
            None => format!(
                "{} {}: {} ____",
                l.t(|s| s.meeting),
                i + 1,
                l.t(|s| s.date_short)
            ),
        })
        .collect();
    let people: Vec<(String, String)> = input
        .participants
        .iter()
        .map(|p| {
            let role = match &l.second {
                Some(en) => format!(
                    "{} / {}",
                    role_label(&p.role, &l.first),
                    role_label(&p.role, en)
                ),
                None => role_label(&p.role, &l.first),
            };
            (pijat_core::printable(&p.name), role)
        })
        .chain((0..SPARE).map(|_| (String::new(), String::new())))
        .collect();
    let (no, name, role) = (
        l.t(|s| s.number_column),
        l.t(|s| s.name_field),
        l.t(|s| s.role),
    );
    Ok(match format {
        Format::Md => {
            let mut o = format!("# {title}\n\n");
            for (k, v) in &facts {
                o.push_str(&format!("- **{k}:** {v}\n"));
            }
            o.push_str(&format!(
                "\n| {no} | {name} | {role} | {} |\n",
                heads.join(" | ")
            ));
            o.push_str(&format!(
                "| ---: | --- | --- |{}\n",
                " --- |".repeat(heads.len())
            ));
            for (i, (n, r)) in people.iter().enumerate() {
                o.push_str(&format!(
                    "| {} | {} | {} |{}\n",
                    i + 1,
                    n.replace('|', "/"),
                    r,
                    "  |".repeat(heads.len())
                ));
            }
            o
        }
        Format::Html => {
            let signature = l.t(|s| s.signature);
            let body = html! {
                h1 { (title) } "\n"
                div.fields {
                    @for (k, v) in &facts { span.field { b { (k) ":" } " " (v) } }
                }
                "\n"
                table {
                    "\n"
                    thead { tr {
                        th.c { (no) } th { (name) } th { (role) }
                        @for h in &heads { th.small { (h) br; (signature) } }
                    } }
                    "\n"
                    tbody {
                        "\n"
                        @for (i, (n, r)) in people.iter().enumerate() {
                            tr {
                                td class="c tall" { (i + 1) }
                                td { (n) }
                                td.small { (r) }
                                @for _ in &heads { td {} }
                            }
                            "\n"
                        }
                    }
                    "\n"
                }
                "\n"
            };
            html_page(&title, &l.first, FORM_CSS, body)
        }
    })
}

#[cfg(test)]
mod tests {
    use super::meetings;

    #[test]
    fn a_short_class_gets_a_column_per_day_and_a_long_one_its_ends() {
        assert_eq!(meetings(Some("2026-11-28"), Some("2026-11-29")).len(), 2);
        let long = meetings(Some("2026-11-28"), Some("2026-12-19"));
        assert_eq!(
            long,
            vec![Some("2026-11-28".into()), None, Some("2026-12-19".into())]
        );
        assert_eq!(meetings(None, None), vec![None, None, None]);
    }
}
