//! Body text as lines of a given width: paragraphs split on blank lines, `- ` bullets with a
//! hanging indent.

use ratatui::style::Style;
use ratatui::text::Line;

pub(crate) fn wrap(text: &str, width: usize, style: Style) -> Vec<Line<'static>> {
    let width = width.max(10);
    let mut out: Vec<Line<'static>> = Vec::new();
    for (i, para) in text.trim().split("\n\n").enumerate() {
        if i > 0 {
            out.push(Line::default());
        }
        // Lines inside a paragraph join up, except bullets, which start their own line.
        let mut items: Vec<String> = Vec::new();
        for raw in para.lines() {
            let l = raw.trim();
            if l.is_empty() {
                continue;
            }
            match items.last_mut() {
                Some(last) if !l.starts_with("- ") => {
                    last.push(' ');
                    last.push_str(l);
                }
                _ => items.push(l.to_string()),
            }
        }
        for item in items {
            let (first, rest, body) = match item.strip_prefix("- ") {
                Some(b) => ("• ", "  ", b.to_string()),
                None => ("", "", item),
            };
            let opts = textwrap::Options::new(width)
                .initial_indent(first)
                .subsequent_indent(rest);
            for l in textwrap::wrap(&body, opts) {
                out.push(Line::styled(l.into_owned(), style));
            }
        }
    }
    out
}

/// `line` in at most `width` columns: when it is wider, it is cut at the last span that fits and
/// ends in `…` (styles kept), so a line is never cut mid-word without a sign.
pub(crate) fn fit_line(line: Line<'_>, width: usize) -> Line<'_> {
    use ratatui::text::Span;
    use unicode_width::UnicodeWidthChar;
    if line.width() <= width {
        return line;
    }
    let mut spans = Vec::new();
    let mut used = 0;
    for span in line.spans {
        let w = span.width();
        if used + w < width {
            used += w;
            spans.push(span);
            continue;
        }
        let room = width.saturating_sub(used + 1);
        let mut cut = String::new();
        let mut taken = 0;
        for c in span.content.chars() {
            let cw = c.width().unwrap_or(0);
            if taken + cw > room {
                break;
            }
            cut.push(c);
            taken += cw;
        }
        spans.push(Span::styled(
            format!("{}…", cut.trim_end_matches([' ', '·', '('])),
            span.style,
        ));
        break;
    }
    Line {
        spans,
        style: line.style,
        alignment: line.alignment,
    }
}

/// Every line fitted to `width` (see [`fit_line`]).
pub(crate) fn fit_lines<'a>(lines: Vec<Line<'a>>, width: u16) -> Vec<Line<'a>> {
    lines
        .into_iter()
        .map(|l| fit_line(l, usize::from(width)))
        .collect()
}

/// At most `height` of `lines`; when some are left out, the last one shown ends in `…`, so cut
/// text never looks whole.
pub(crate) fn clip(
    mut lines: Vec<Line<'static>>,
    height: usize,
    width: usize,
) -> Vec<Line<'static>> {
    use unicode_width::UnicodeWidthStr;
    if lines.len() <= height || height == 0 {
        return lines;
    }
    lines.truncate(height);
    if let Some(last) = lines.pop() {
        let style = last.spans.first().map_or(last.style, |s| s.style);
        let text = last.to_string();
        // Words come off the end until ` …` fits, so a line that filled the width is marked
        // too; a single word too long for that is cut inside.
        let mut kept = text.trim_end();
        while kept.width() + 2 > width
            && let Some(space) = kept.rfind(' ')
        {
            kept = kept.get(..space).unwrap_or_default().trim_end();
        }
        let cut = if kept.width() + 2 <= width {
            format!("{kept} …")
        } else {
            ellipsize(&format!("{kept} …"), width)
        };
        lines.push(Line::styled(cut, style));
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cut_text_ends_in_an_ellipsis_even_when_its_last_line_fills_the_width() {
        let lines = wrap("aaaa bbbb cccc dddd eeee", 9, Style::new());
        let shown: Vec<String> = clip(lines, 2, 9).iter().map(|l| l.to_string()).collect();
        assert_eq!(shown, ["aaaa bbbb", "cccc …"]);
        let long = wrap("abcdefghijkl mnopq", 9, Style::new());
        let shown: Vec<String> = clip(long, 1, 9).iter().map(|l| l.to_string()).collect();
        assert_eq!(shown, ["abcdefgh…"]);
    }

    #[test]
    fn bullets_hang_and_paragraphs_are_separated() {
        let lines = wrap(
            "First line\ncontinues here.\n\n- one two three four five six\n- two",
            16,
            Style::new(),
        );
        let text: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
        assert_eq!(
            text,
            [
                "First line",
                "continues here.",
                "",
                "• one two three",
                "  four five six",
                "• two"
            ]
        );
    }
}

/// `text` in at most `room` terminal columns, ending in `…` when it was cut (spaces and `·`
/// before the `…` are dropped), so a cut never looks like the whole text.
pub(crate) fn ellipsize(text: &str, room: usize) -> String {
    use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};
    if text.width() <= room {
        return text.to_string();
    }
    let mut cut = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > room {
            break;
        }
        cut.push(c);
        used += w;
    }
    format!("{}…", cut.trim_end_matches([' ', '·']))
}

/// `text` cut and padded to exactly `width` terminal columns, counting wide letters (Chinese,
/// emoji) as two: table columns stay in line whatever the names are written in.
pub(crate) fn fit(text: &str, width: usize) -> String {
    use unicode_width::UnicodeWidthChar;
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > width {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push_str(&" ".repeat(width - used));
    out
}

#[cfg(test)]
mod fit_tests {
    use super::fit;

    #[test]
    fn wide_names_take_their_true_width() {
        use unicode_width::UnicodeWidthStr;
        for name in [
            "Budi",
            "王小明同学的名字很长",
            "Siti 👶 Aminah",
            "Wayan Ṣuardana",
        ] {
            assert_eq!(fit(name, 20).width(), 20, "{name}");
        }
        assert_eq!(fit("王小明", 5), "王小 ");
    }
}
