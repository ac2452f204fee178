//! A QR code drawn with half blocks: two modules per character cell, dark on light, with a
//! quiet zone of two modules. A short URL at low error correction is version 2 (25 modules),
//! 29 columns by 15 rows: it fits at 80×24 and scans from a phone held at the screen.

use qrcode::{EcLevel, QrCode};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Style};

const QUIET: usize = 2;

/// The code as rows of half-block characters, computed once (not while drawing).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Qr {
    pub lines: Vec<String>,
}

impl Qr {
    pub(crate) fn new(text: &str) -> Option<Qr> {
        let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::L).ok()?;
        let w = code.width();
        let dark: Vec<bool> = code
            .to_colors()
            .into_iter()
            .map(|c| c == qrcode::Color::Dark)
            .collect();
        let size = w + 2 * QUIET;
        let at = |x: usize, y: usize| {
            x >= QUIET
                && y >= QUIET
                && x < w + QUIET
                && y < w + QUIET
                && dark.get((y - QUIET) * w + (x - QUIET)) == Some(&true)
        };
        let lines = (0..size.div_ceil(2))
            .map(|row| {
                (0..size)
                    .map(|x| match (at(x, 2 * row), at(x, 2 * row + 1)) {
                        (true, true) => '█',
                        (true, false) => '▀',
                        (false, true) => '▄',
                        (false, false) => ' ',
                    })
                    .collect()
            })
            .collect();
        Some(Qr { lines })
    }

    pub(crate) fn width(&self) -> u16 {
        self.lines.first().map_or(0, |l| l.chars().count() as u16)
    }

    pub(crate) fn height(&self) -> u16 {
        self.lines.len() as u16
    }

    /// Draws the code at the left of `area` when it fits there with 30 columns of text beside
    /// it; whether it does, and the area left for the text.
    pub(crate) fn beside(&self, area: Rect, buf: &mut Buffer) -> (bool, Rect) {
        let fits = area.height >= self.height() && area.width >= self.width() + 30;
        let qr_columns = if fits { self.width() + 1 } else { 0 };
        let [left, right] =
            Layout::horizontal([Constraint::Length(qr_columns), Constraint::Min(20)]).areas(area);
        if fits {
            self.render(left, buf);
        }
        (fits, right)
    }

    /// Black on white whatever the terminal's colours (a scanner needs the contrast).
    pub(crate) fn render(&self, area: Rect, buf: &mut Buffer) {
        let style = Style::new().fg(Color::Black).bg(Color::White);
        for (i, line) in self.lines.iter().enumerate().take(area.height as usize) {
            buf.set_stringn(area.x, area.y + i as u16, line, area.width as usize, style);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hotspot_url_is_small_enough_for_80_by_24() {
        let qr = Qr::new("http://192.168.137.1:8080/").unwrap();
        assert_eq!((qr.width(), qr.height()), (29, 15));
        let long = Qr::new("http://172.31.255.254:65535/").unwrap();
        assert!(long.height() <= 17, "{}", long.height());
    }

    #[test]
    fn the_finder_pattern_is_dark_at_the_corner_after_the_quiet_zone() {
        let qr = Qr::new("http://10.0.0.1:8080/").unwrap();
        let first = qr.lines[1].chars().collect::<Vec<_>>();
        assert_eq!(first[0], ' ');
        assert_eq!(first[2], '█', "{:?}", qr.lines[1]);
    }
}
