//! Draws a content figure with its named regions highlighted, and a legend in words.

use pijat_core::strings::app::{Strings, tr};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::art::{self, Art};
use crate::theme::Theme;
use pijat_content::{Figure, Lang};

pub(crate) fn art(figure: Figure) -> Option<&'static Art> {
    match figure {
        Figure::Back => Some(&art::BACK),
        Figure::Hands => Some(&art::HANDS),
        Figure::Position => Some(&art::POSITION),
        Figure::Reflex => Some(&art::REFLEX),
        Figure::Breast => Some(&art::BREAST),
        Figure::SupplyDemand => None,
    }
}

/// The mark that shows a region in the art, and its words in the strings table.
pub(crate) fn region_label(region: &str) -> (&'static str, Label) {
    match region {
        "head" => ("", |s| s.region_head),
        "neck" => ("", |s| s.region_neck),
        "spine" => ("┊", |s| s.region_spine),
        "scapula" => ("╲╱", |s| s.region_scapula),
        // The line is drawn at the tips of the shoulder blades, about rib 7 (S52); ribs 5–6,
        // where one SOP stops, lie a little above it.
        "costa-5-6" => ("╌", |s| s.region_costa_5_6),
        "thumb-lines" => ("┆", |s| s.region_thumb_lines),
        "strokes" => ("↓", |s| s.region_strokes),
        "lower-back" => ("·", |s| s.region_lower_back),
        "fists" => ("╭╮", |s| s.region_fists),
        "thumbs" => ("▲", |s| s.region_thumbs),
        "circles" => ("↻", |s| s.region_circles),
        "chair" => ("╔╗", |s| s.region_chair),
        "table" => ("─", |s| s.region_table),
        "arms" => ("═", |s| s.region_arms),
        "towel" => ("╲╲", |s| s.region_towel),
        "hypothalamus" => ("(1)", |s| s.region_hypothalamus),
        "posterior-pituitary" => ("(2)", |s| s.region_posterior_pituitary),
        "anterior-pituitary" => ("(3)", |s| s.region_anterior_pituitary),
        "breast" => ("(4)", |s| s.region_breast),
        "baby" => ("(5)", |s| s.region_baby),
        "alveoli" => ("○○", |s| s.region_alveoli),
        "myoepithelial" => ("( )", |s| s.region_myoepithelial),
        "ducts" => ("╲│╱", |s| s.region_ducts),
        "nipple" => ("●", |s| s.region_nipple),
        _ => ("", |_| ""),
    }
}

/// Picks a text from the app's strings table.
pub(crate) type Label = fn(&'static Strings) -> &'static str;

pub(crate) fn caption(figure: Figure, lang: &Lang) -> &'static str {
    let s = tr(lang);
    match figure {
        Figure::Back => s.figure_back,
        Figure::Hands => s.figure_hands,
        Figure::Position => s.figure_position,
        Figure::Reflex => s.figure_reflex,
        Figure::Breast => s.inside_breast,
        Figure::SupplyDemand => s.supply_demand,
    }
}

pub(crate) struct FigureView<'a> {
    pub figure: Figure,
    pub highlight: &'a [String],
    pub theme: &'a Theme,
    pub lang: &'a Lang,
    /// Beside a practice step: no caption, and only the highlighted regions in the legend.
    pub compact: bool,
}

impl FigureView<'_> {
    pub(crate) fn art_width(&self) -> u16 {
        art(self.figure)
            .and_then(|a| a.lines.first())
            .map_or(0, |l| l.chars().count() as u16)
    }

    /// Rows needed at this width: caption, art, legend.
    pub(crate) fn height(&self, width: u16) -> u16 {
        art(self.figure).map_or(0, |a| {
            let caption = if self.compact {
                0
            } else {
                self.caption_lines(width).len()
            };
            (caption + a.lines.len() + self.legend(a, width).len()) as u16
        })
    }

    /// The regions in words at `width`, for a text that carries the legend itself.
    pub(crate) fn legend_lines(&self, width: u16) -> Vec<Line<'static>> {
        art(self.figure).map_or(Vec::new(), |a| self.legend(a, width))
    }

    fn caption_lines(&self, width: u16) -> Vec<Line<'static>> {
        textwrap::wrap(caption(self.figure, self.lang), usize::from(width.max(10)))
            .into_iter()
            .map(|l| Line::styled(l.into_owned(), self.theme.title))
            .collect()
    }

    /// The regions in words, highlighted ones first and marked `▸` (all of them unless compact).
    fn legend(&self, a: &Art, width: u16) -> Vec<Line<'static>> {
        let on = |r: &str| self.highlight.iter().any(|h| h == r);
        let mut regions: Vec<&str> = a
            .regions
            .iter()
            .map(|(_, r)| *r)
            .filter(|r| !self.compact || on(r))
            .collect();
        regions.sort_by_key(|r| !on(r));
        let mut out = Vec::new();
        for r in regions {
            let (mark, label) = region_label(r);
            let text = label(tr(self.lang));
            let lead = if on(r) { "▸" } else { " " };
            let style = if on(r) {
                self.theme.highlight
            } else {
                self.theme.dim
            };
            let head = format!("{lead} {mark:<3} ");
            let opts = textwrap::Options::new(usize::from(width.max(16)))
                .initial_indent(&head)
                .subsequent_indent("      ");
            for l in textwrap::wrap(text, opts) {
                out.push(Line::styled(l.into_owned(), style));
            }
        }
        out
    }
}

impl Widget for FigureView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let Some(a) = art(self.figure) else { return };
        let mut lines = if self.compact {
            Vec::new()
        } else {
            self.caption_lines(area.width)
        };
        for (l, m) in a.lines.iter().zip(a.mask) {
            // Runs of cells with the same style become one span.
            let mut spans: Vec<Span> = Vec::new();
            let mut run = String::new();
            let mut run_on = false;
            for (c, code) in l.chars().zip(m.chars()) {
                let region = a.regions.iter().find(|(k, _)| *k == code).map(|(_, r)| *r);
                let on = region.is_some_and(|r| self.highlight.iter().any(|h| h == r));
                if on != run_on && !run.is_empty() {
                    let style = if run_on {
                        self.theme.highlight
                    } else {
                        self.theme.figure
                    };
                    spans.push(Span::styled(std::mem::take(&mut run), style));
                }
                run_on = on;
                run.push(c);
            }
            let style = if run_on {
                self.theme.highlight
            } else {
                self.theme.figure
            };
            spans.push(Span::styled(run, style));
            lines.push(Line::from(spans));
        }
        lines.extend(self.legend(a, area.width));
        Paragraph::new(lines).render(area, buf);
    }
}
