//! Draws a content figure with its named regions highlighted, and a legend in words.

use pijat_core::strings::app::{EN, ID};
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

/// The words for a region, with the mark that shows it in the art: (mark, id, en).
pub(crate) fn region_label(region: &str) -> (&'static str, &'static str, &'static str) {
    match region {
        "head" => ("", "kepala", "head"),
        "neck" => ("", "leher (tengkuk)", "neck (nape)"),
        "spine" => (
            "┊",
            "tulang belakang: jangan ditekan",
            "spine: do not press on it",
        ),
        "scapula" => ("╲╱", "tulang belikat", "shoulder blades"),
        // The line is drawn at the tips of the shoulder blades, about rib 7 (S52); ribs 5–6,
        // where one SOP stops, lie a little above it.
        "costa-5-6" => (
            "╌",
            "ujung belikat, ±rusuk ke-7",
            "shoulder-blade tips, ~rib 7",
        ),
        "thumb-lines" => (
            "┆",
            "jalur ibu jari (kiri, kanan)",
            "thumb lines (left, right)",
        ),
        "strokes" => ("↓", "arah: dari leher ke bawah", "direction: neck downward"),
        "lower-back" => (
            "·",
            "punggung bawah: tidak dipijat",
            "lower back: not massaged",
        ),
        "fists" => ("╭╮", "dua kepalan tangan yang longgar", "two loose fists"),
        "thumbs" => (
            "▲",
            "ibu jari menunjuk ke depan (ke arah kepala)",
            "thumbs pointing forward (toward the head)",
        ),
        "circles" => ("↻", "gerakan melingkar kecil", "small circles"),
        "chair" => ("╔╗", "ibu duduk di kursi", "she sits on a chair"),
        "table" => ("─", "meja di depannya", "a table in front of her"),
        "arms" => (
            "═",
            "lengan dilipat di meja, kepala bersandar",
            "arms folded on the table, head resting",
        ),
        "towel" => (
            "╲╲",
            "punggung terbuka, condong ke depan",
            "bare back, leaning forward",
        ),
        "hypothalamus" => (
            "(1)",
            "hipotalamus: membuat oksitosin",
            "hypothalamus: makes oxytocin",
        ),
        "posterior-pituitary" => (
            "(2)",
            "hipofisis posterior: melepas oksitosin",
            "posterior pituitary: releases oxytocin",
        ),
        "anterior-pituitary" => (
            "(3)",
            "hipofisis anterior: melepas prolaktin",
            "anterior pituitary: releases prolactin",
        ),
        "breast" => (
            "(4)",
            "payudara: prolaktin membuat ASI, oksitosin mengeluarkannya",
            "breast: prolactin makes milk, oxytocin lets it out",
        ),
        "baby" => (
            "(5)",
            "bayi menyusu atau menangis: sinyal ke otak",
            "baby suckling or crying: a signal to the brain",
        ),
        "alveoli" => (
            "○○",
            "alveoli: tempat ASI dibuat",
            "alveoli: where milk is made",
        ),
        "myoepithelial" => (
            "( )",
            "sel mioepitel: memeras ASI keluar",
            "myoepithelial cells: squeeze the milk out",
        ),
        "ducts" => (
            "╲│╱",
            "saluran ASI: mengalirkan, tidak menyimpan",
            "ducts: carry milk, do not store it",
        ),
        "nipple" => ("●", "puting", "nipple"),
        _ => ("", "", ""),
    }
}

pub(crate) fn caption(figure: Figure, lang: &Lang) -> &'static str {
    let (id, en) = match figure {
        Figure::Back => (
            "Punggung ibu dilihat dari belakang",
            "Her back, seen from behind",
        ),
        Figure::Hands => (
            "Tangan pemijat dilihat dari atas",
            "The giver's hands, seen from above",
        ),
        Figure::Position => (
            "Posisi ibu, dilihat dari samping",
            "Her position, seen from the side",
        ),
        Figure::Reflex => (
            "Refleks prolaktin dan oksitosin",
            "The prolactin and oxytocin reflexes",
        ),
        Figure::Breast => (ID.inside_breast, EN.inside_breast),
        Figure::SupplyDemand => (ID.supply_demand, EN.supply_demand),
    };
    if lang.is_en() { en } else { id }
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
        art(self.figure).map_or(0, |a| a.lines[0].chars().count() as u16)
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
            let (mark, id, en) = region_label(r);
            let text = if self.lang.is_en() { en } else { id };
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
