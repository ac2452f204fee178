//! Column widths for a Word table, from what each column holds: no column narrower than its
//! longest word (so a heading never breaks mid-word, when the page allows), wide columns for long
//! texts, and all of them filling the text block.

use unicode_width::UnicodeWidthStr;

/// About one character of 9 pt Times New Roman, in twentieths of a point (the text size in
/// half-points, 18, times this over 18).
const CHAR: usize = 100;
/// A cell's left and right padding, and a little to spare.
const PAD: usize = 280;
/// A text longer than this many characters wraps rather than widen its column further.
const LONGEST_LINE: usize = 45;

fn longest_word(s: &str) -> usize {
    s.split_whitespace()
        .map(UnicodeWidthStr::width)
        .max()
        .unwrap_or(0)
}

/// Widths (twentieths of a point) of columns headed `titles` holding `rows` in text of `size`
/// half-points, summing to `total`; and whether every column's longest word fits.
pub(super) fn widths(
    titles: &[&str],
    rows: &[Vec<String>],
    total: usize,
    size: usize,
) -> (Vec<usize>, bool) {
    let char_w = CHAR * size / 18;
    let columns = titles.len().max(1);
    let mut least = Vec::with_capacity(columns);
    let mut wanted = Vec::with_capacity(columns);
    for (c, title) in titles.iter().enumerate() {
        let cells = rows.iter().filter_map(|r| r.get(c));
        // Headings are bold: about a sixth wider.
        let heading = (longest_word(title) * 7).div_ceil(6);
        let word = cells
            .clone()
            .map(|s| longest_word(s))
            .chain([heading])
            .max()
            .unwrap_or(0);
        let line = cells
            .map(|s| UnicodeWidthStr::width(s.as_str()))
            .max()
            .unwrap_or(0)
            .clamp(word, LONGEST_LINE.max(word));
        least.push(word * char_w + PAD);
        wanted.push(line * char_w + PAD);
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
    (out, least_sum <= total)
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
        let (w, fits) = widths(&t, &r, 7937, 18);
        assert!(fits);
        assert_eq!(w.iter().sum::<usize>(), 7937);
        let widest = w.iter().copied().max().unwrap();
        assert_eq!(w[1], widest, "{w:?}");
        assert!(w[4] >= "Pengamatan".len() * CHAR + PAD, "{w:?}");
    }

    #[test]
    fn a_narrow_table_fills_the_text_block_and_too_many_columns_share_it() {
        let (w, _) = widths(&["A", "B"], &rows(&[&["1", "2"]]), 7937, 18);
        assert_eq!(w.iter().sum::<usize>(), 7937);
        assert!(w[0].abs_diff(w[1]) <= 1);
        let many: Vec<&str> = vec!["Kenyamanan"; 12];
        let (w, fits) = widths(&many, &[], 7937, 18);
        assert!(!fits, "twelve long headings do not fit");
        assert_eq!(w.iter().sum::<usize>(), 7937);
        assert_eq!(widths(&[], &[], 100, 18).0.iter().sum::<usize>(), 0);
    }
}
