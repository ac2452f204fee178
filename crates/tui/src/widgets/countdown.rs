//! The large countdown (readable from a metre away) and the calm pacing circle.

use std::time::Duration;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::symbols::Marker;
use ratatui::text::Line;
use ratatui::widgets::canvas::{Canvas, Circle};
use ratatui::widgets::{Paragraph, Widget};
use tui_big_text::{BigText, PixelSize};

/// `mm:ss`, rounding up so the display reads 02:30 at the start and 00:01 in the last second.
pub(crate) fn mmss(d: Duration) -> String {
    let secs = d.as_millis().div_ceil(1000) as u64;
    format!("{:02}:{:02}", secs / 60, secs % 60)
}

pub(crate) struct Countdown {
    pub left: Duration,
    pub style: Style,
}

impl Countdown {
    /// Rows the countdown needs at this width.
    pub(crate) fn height(width: u16) -> u16 {
        if width >= 20 { 4 } else { 1 }
    }
}

impl Widget for Countdown {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let text = mmss(self.left);
        let size = if area.width >= 40 {
            Some(PixelSize::HalfHeight)
        } else if area.width >= 20 {
            Some(PixelSize::Quadrant)
        } else {
            None
        };
        match size {
            Some(pixel_size) if area.height >= 4 => BigText::builder()
                .pixel_size(pixel_size)
                .style(self.style)
                .lines(vec![Line::from(text)])
                .centered()
                .build()
                .render(area, buf),
            _ => Paragraph::new(text)
                .style(self.style)
                .centered()
                .render(area, buf),
        }
    }
}

/// One breath of the pacing circle: it grows for two seconds and shrinks for two.
pub(crate) const PACE: Duration = pijat_content::Cue::PACE;

pub(crate) struct PacingCircle {
    /// Active time of the step: the circle stands still while paused.
    pub t: Duration,
    pub style: Style,
}

impl PacingCircle {
    /// Share of the full size, 0.35–1.0, smooth in and out.
    pub(crate) fn scale(t: Duration) -> f64 {
        let phase = (t.as_secs_f64() % PACE.as_secs_f64()) / PACE.as_secs_f64();
        0.35 + 0.65 * (0.5 - 0.5 * (std::f64::consts::TAU * phase).cos())
    }
}

impl Widget for PacingCircle {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.width < 4 || area.height < 2 {
            return;
        }
        // Half-block pixels are about square: width × (2 × height).
        let w = f64::from(area.width);
        let h = f64::from(area.height) * 2.0;
        let radius = (w.min(h) / 2.0 - 0.5) * Self::scale(self.t);
        let style = self.style;
        Canvas::default()
            .marker(Marker::HalfBlock)
            .x_bounds([-w / 2.0, w / 2.0])
            .y_bounds([-h / 2.0, h / 2.0])
            .paint(move |ctx| {
                ctx.draw(&Circle {
                    x: 0.0,
                    y: 0.0,
                    radius,
                    color: style.fg.unwrap_or(ratatui::style::Color::Reset),
                });
            })
            .render(area, buf);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_countdown_rounds_up_to_whole_seconds() {
        assert_eq!(mmss(Duration::from_secs(150)), "02:30");
        assert_eq!(mmss(Duration::from_millis(149_001)), "02:30");
        assert_eq!(mmss(Duration::from_millis(400)), "00:01");
        assert_eq!(mmss(Duration::ZERO), "00:00");
    }

    #[test]
    fn the_circle_breathes_in_four_seconds() {
        let s = |ms| PacingCircle::scale(Duration::from_millis(ms));
        assert!((s(0) - 0.35).abs() < 1e-9);
        assert!((s(2000) - 1.0).abs() < 1e-9);
        assert!((s(4000) - 0.35).abs() < 1e-9);
        assert!(s(1000) > s(500));
    }
}
