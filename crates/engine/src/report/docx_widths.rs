//! Column widths for a Word table, from what each column holds: no column narrower than its
//! longest word (so a heading never breaks mid-word, when the page allows), wide columns for long
//! texts, and all of them filling the text block.

use unicode_width::UnicodeWidthStr;

/// About one character of 9 pt Times New Roman, in twentieths of a point.
const CHAR: usize = 95;
/// A cell's left and right padding.
const PAD: usize = 230;
/// A text longer than this many characters wraps rather than widen its column further.
const LONGEST_LINE: usize = 45;

fn longest_word(s: &str) -> usize {
    s.split_whitespace()
        .map(UnicodeWidthStr::width)
        .max()
        .unwrap_or(0)
}

/// Widths (twentieths of a point) of columns headed `titles` holding `rows`, summing to `total`.
pub(super) fn widths(titles: &[&str], rows: &[Vec<String>], total: usize) -> Vec<usize> {
    let columns = titles.len().max(1);
    let mut least = Vec::with_capacity(columns);
    let mut wanted = Vec::with_capacity(columns);
    for (c, title) in titles.iter().enumerate() {
        let cells = rows.iter().filter_map(|r| r.get(c));
        let word = cells
            .clone()
            .map(|s| longest_word(s))
            .chain([longest_word(title)])
            .max()
            .unwrap_or(0);
        let line = cells
            .map(|s| UnicodeWidthStr::width(s.as_str()))
            .max()
            .unwrap_or(0)
            .clamp(word, LONGEST_LINE.max(word));
        least.push(word * CHAR + PAD);
        wanted.push(line * CHAR + PAD);
    }
    let least_sum: usize = least.iter().sum();
    let wanted_sum: usize = wanted.iter().sum();
    let shares: Vec<f64> = if least_sum >= total {
        // Not even the longest words fit: every column shrinks alike.
        least.iter().map(|l| *l as f64 / least_sum as f64).collect()
    } else if wanted_sum <= total {
        // Room to spare: every column grows alike.
        wanted
            .iter()
            .map(|w| *w as f64 / wanted_sum as f64)
            .collect()
    } else {
        // Each column its longest word; what is left goes to those that want more.
        let room = (total - least_sum) as f64;
        let more = (wanted_sum - least_sum) as f64;
        least
            .iter()
            .zip(&wanted)
            .map(|(l, w)| (*l as f64 + room * (w - l) as f64 / more) / total as f64)
            .collect()
    };
    let mut out: Vec<usize> = shares
        .iter()
        .map(|s| (s * total as f64).floor() as usize)
        .collect();
    // What rounding left over goes to the widest column.
    let rest = total.saturating_sub(out.iter().sum());
    if let Some(widest) = out.iter_mut().max() {
        *widest += rest;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(r: &[&[&str]]) -> Vec<Vec<String>> {
        r.iter()
            .map(|r| r.iter().map(|s| (*s).to_string()).collect())
            .collect()
    }

    #[test]
    fn the_question_column_gets_the_room_and_headings_keep_their_words() {
        let t = ["No", "Soal", "Benar (awal)", "Benar (akhir)", "Pengamatan"];
        let r = rows(&[&[
            "1",
            "Refleks pengeluaran ASI dimulai ketika bayi menangis dan ibu merasa tenang serta nyaman",
            "40%",
            "90%",
            "2",
        ]]);
        let w = widths(&t, &r, 7937);
        assert_eq!(w.iter().sum::<usize>(), 7937);
        let widest = w.iter().copied().max().unwrap();
        assert_eq!(w[1], widest, "{w:?}");
        assert!(w[4] >= "Pengamatan".len() * CHAR + PAD, "{w:?}");
    }

    #[test]
    fn a_narrow_table_fills_the_text_block_and_too_many_columns_share_it() {
        let w = widths(&["A", "B"], &rows(&[&["1", "2"]]), 7937);
        assert_eq!(w.iter().sum::<usize>(), 7937);
        assert!(w[0].abs_diff(w[1]) <= 1);
        let many: Vec<&str> = vec!["Kenyamanan"; 12];
        let w = widths(&many, &[], 7937);
        assert_eq!(w.iter().sum::<usize>(), 7937);
        assert_eq!(widths(&[], &[], 100).iter().sum::<usize>(), 0);
    }
}
