//! Dates as a user reads and types them.

use chrono::{Datelike, NaiveDate};

use super::Lang;

/// A stored UTC time shown in the laptop's local time: `2026-11-28 10:02`.
pub fn local_date(stored: &str) -> String {
    chrono::DateTime::parse_from_rfc3339(stored)
        .map(|d| {
            d.with_timezone(&chrono::Local)
                .format("%Y-%m-%d %H:%M")
                .to_string()
        })
        .unwrap_or_else(|_| stored.to_string())
}

/// Month names as people write them, Indonesian and English, full and short (index 0 = January).
const MONTHS: [&[&str]; 12] = [
    &["januari", "january", "jan"],
    &["februari", "february", "feb", "peb", "pebruari"],
    &["maret", "march", "mar"],
    &["april", "apr"],
    &["mei", "may"],
    &["juni", "june", "jun"],
    &["juli", "july", "jul"],
    &["agustus", "august", "agu", "agt", "ags", "aug"],
    &["september", "sep", "sept"],
    &["oktober", "october", "okt", "oct"],
    &["november", "nov", "nop", "nopember"],
    &["desember", "december", "des", "dec"],
];

const MONTH_ID: [&str; 12] = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
];

/// A calendar day as people in Indonesia write it: `2026-12-06`, `6/12/2026`, `6-12-2026`,
/// `6.12.2026` (day first), `6 Des 2026`, `6 Desember 2026`, `6 Dec 2026`, `6 December 2026`.
/// Years from 1900 to 2200; anything else is not a date.
pub fn parse_day(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    let numeric = ["%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y"]
        .iter()
        .find_map(|f| NaiveDate::parse_from_str(s, f).ok());
    let day = numeric.or_else(|| {
        let words: Vec<&str> = s
            .split(|c: char| c.is_whitespace() || c == ',' || c == '-')
            .filter(|w| !w.is_empty())
            .collect();
        let [d, m, y] = words.as_slice() else {
            return None;
        };
        let m = m.trim_end_matches('.').to_lowercase();
        let month = MONTHS
            .iter()
            .position(|names| names.contains(&m.as_str()))?;
        NaiveDate::from_ymd_opt(y.parse().ok()?, month as u32 + 1, d.parse().ok()?)
    })?;
    (1900..=2200).contains(&day.year()).then_some(day)
}

/// A day typed by a person, as stored: `2026-12-06`.
pub fn parse_date(s: &str) -> Option<String> {
    parse_day(s).map(|d| d.format("%Y-%m-%d").to_string())
}

/// A stored date as paper shows it: `28/11/2026` in Indonesian, `2026-11-28` in English. Text
/// that is not a date is shown as it was typed.
pub fn paper_day(stored: &str, lang: &Lang) -> String {
    match parse_day(stored) {
        Some(d) if !lang.is_en() => d.format("%d/%m/%Y").to_string(),
        Some(d) => d.format("%Y-%m-%d").to_string(),
        None => crate::printable(stored),
    }
}

/// A stored day in the reader's language: `6 Desember 2026`, `6 December 2026`. Text that is
/// not a date (typed before dates were checked) is shown as it was typed, never dropped.
pub fn show_day(stored: &str, lang: &Lang) -> String {
    match parse_day(stored) {
        Some(d) if lang.is_en() => d.format("%-d %B %Y").to_string(),
        Some(d) => {
            let month = MONTH_ID
                .get(d.month0() as usize)
                .copied()
                .unwrap_or_default();
            format!("{} {} {}", d.day(), month, d.year())
        }
        None => stored.to_string(),
    }
}

/// From one stored day to another as a laporan writes it: `14–28 November 2026`,
/// `30 November – 2 Desember 2026`, `28 Desember 2026 – 3 Januari 2027`; one day alone when they
/// are the same. Text that is not a date is shown as typed.
pub fn show_span(from: &str, to: &str, lang: &Lang) -> String {
    let (Some(a), Some(b)) = (parse_day(from), parse_day(to)) else {
        return if from == to {
            show_day(from, lang)
        } else {
            format!("{} – {}", show_day(from, lang), show_day(to, lang))
        };
    };
    let (a, b) = if a <= b { (a, b) } else { (b, a) };
    let (first, last) = (
        a.format("%Y-%m-%d").to_string(),
        b.format("%Y-%m-%d").to_string(),
    );
    if a == b {
        show_day(&first, lang)
    } else if (a.year(), a.month()) == (b.year(), b.month()) {
        format!("{}–{}", a.day(), show_day(&last, lang))
    } else if a.year() == b.year() {
        let whole = show_day(&first, lang);
        let no_year = whole
            .strip_suffix(&format!(" {}", a.year()))
            .unwrap_or(&whole);
        format!("{no_year} – {}", show_day(&last, lang))
    } else {
        format!("{} – {}", show_day(&first, lang), show_day(&last, lang))
    }
}

/// A month `2026-11` as people read it: `November 2026` (`Desember 2026` in Indonesian). Text
/// that is not a month is shown as it is.
pub fn show_month(month: &str, lang: &Lang) -> String {
    let whole = show_day(&format!("{month}-01"), lang);
    match whole.strip_prefix("1 ") {
        Some(rest) if parse_month(month).is_some() => rest.to_string(),
        _ => month.to_string(),
    }
}

/// A month as typed on the command line, `2026-11` (or `2026-1`), as stored: `2026-11`.
pub fn parse_month(typed: &str) -> Option<String> {
    let (y, m) = typed.trim().split_once('-')?;
    let d = NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, 1)?;
    (1900..=2200)
        .contains(&d.year())
        .then(|| d.format("%Y-%m").to_string())
}

/// A stored day as a form shows it for editing: `06/12/2026` (a form reads it back).
pub fn input_day(stored: &str) -> String {
    parse_day(stored).map_or_else(|| stored.to_string(), |d| d.format("%d/%m/%Y").to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_month_is_typed_as_year_month_and_read_by_name() {
        assert_eq!(parse_month("2026-11").as_deref(), Some("2026-11"));
        assert_eq!(parse_month(" 2026-1 ").as_deref(), Some("2026-01"));
        for bad in ["2026-13", "2026", "11-2026x", "nov", "2026-00"] {
            assert_eq!(parse_month(bad), None, "{bad}");
        }
        assert_eq!(show_month("2026-12", &Lang::id()), "Desember 2026");
        assert_eq!(show_month("2026-12", &Lang::en()), "December 2026");
        assert_eq!(show_month("lain", &Lang::en()), "lain");
    }

    #[test]
    fn the_ways_people_write_a_day_are_one_day() {
        for s in [
            "2026-12-06",
            "6/12/2026",
            "06/12/2026",
            "6-12-2026",
            "6.12.2026",
            "6 Des 2026",
            "6 des. 2026",
            "6 Desember 2026",
            "6 Dec 2026",
            "6 December 2026",
            " 6  DESEMBER  2026 ",
        ] {
            assert_eq!(parse_date(s).as_deref(), Some("2026-12-06"), "{s}");
        }
        for s in [
            "",
            "besok",
            "31/02/2026",
            "12/31/2026",
            "6 Dess 2026",
            "6/12/26",
            "6/12/0026",
        ] {
            assert_eq!(parse_date(s), None, "{s}");
        }
    }

    #[test]
    fn a_day_reads_in_the_readers_language_and_free_text_stays() {
        assert_eq!(show_day("2026-12-06", &Lang::id()), "6 Desember 2026");
        assert_eq!(show_day("2026-12-06", &Lang::en()), "6 December 2026");
        assert_eq!(show_day("7 Des 2026", &Lang::en()), "7 December 2026");
        assert_eq!(show_day("minggu depan", &Lang::id()), "minggu depan");
        assert_eq!(input_day("2026-12-06"), "06/12/2026");
    }

    #[test]
    fn a_span_of_days_as_a_laporan_writes_it() {
        let id = Lang::id();
        for (from, to, shown) in [
            ("2026-11-14", "2026-11-28", "14–28 November 2026"),
            ("2026-11-30", "2026-12-02", "30 November – 2 Desember 2026"),
            (
                "2026-12-28",
                "2027-01-03",
                "28 Desember 2026 – 3 Januari 2027",
            ),
            ("2026-11-28", "2026-11-14", "14–28 November 2026"),
            ("2026-11-14", "2026-11-14", "14 November 2026"),
            (
                "minggu depan",
                "2026-11-14",
                "minggu depan – 14 November 2026",
            ),
        ] {
            assert_eq!(show_span(from, to, &id), shown);
        }
        let en = show_span("2026-11-14", "2026-11-28", &Lang::en());
        assert_eq!(en, "14–28 November 2026");
    }
}
