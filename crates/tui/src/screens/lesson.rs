//! Reading a module: one page at a time, wrapped and scrollable, with the page's figure beside
//! the text (below it on a narrow window, left out on a small one) and its sources.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use crate::app::{Cx, Nav};
use crate::keys::{Action, Context};
use crate::view::{View, framed, panel};
use crate::widgets::chart::{MAX_REMOVALS, MIN_REMOVALS, SupplyChart};
use crate::widgets::figure::FigureView;
use crate::widgets::prose;
use pijat_content::{Figure, Module, Page};

pub struct LessonScreen<'c> {
    pub module: &'c Module,
    pub page: usize,
    pub scroll: usize,
    /// The supply-and-demand chart's setting: milk removals a day.
    pub removals: u32,
}

/// Where the figure goes in a body of this size.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Placement {
    Beside,
    Below,
    Hidden,
}

pub fn placement(area: Rect, fig_w: u16, fig_h: u16) -> Placement {
    if area.width >= fig_w + 36 && area.height >= 10 {
        Placement::Beside
    } else if area.width >= fig_w && area.height >= fig_h + 8 {
        Placement::Below
    } else {
        Placement::Hidden
    }
}

impl<'c> LessonScreen<'c> {
    pub fn open(module: &'c Module, cx: &mut Cx) -> Self {
        let s = LessonScreen {
            module,
            page: 0,
            scroll: 0,
            removals: 8,
        };
        s.mark_viewed(cx);
        s
    }

    fn mark_viewed(&self, cx: &mut Cx) {
        if let Some(p) = cx.profile {
            // Losing a "page read" mark is harmless; the lesson goes on.
            let _ = cx
                .records
                .mark_page_viewed(&p.id, &self.module.id, self.page);
        }
    }

    /// The page being read.
    fn current_page(&self) -> Option<&'c Page> {
        self.module.pages.get(self.page)
    }

    /// The figure on the page being read, if it has one.
    fn figure(&self) -> Option<Figure> {
        self.current_page().and_then(|p| p.figure)
    }

    fn is_chart(&self) -> bool {
        self.figure() == Some(Figure::SupplyDemand)
    }

    pub fn context(&self) -> Context {
        if self.is_chart() {
            Context::LessonChart
        } else {
            Context::Lesson
        }
    }

    pub fn handle<'x>(&mut self, action: Action, cx: &mut Cx<'_, 'x>) -> Nav<'x> {
        let pages = self.module.pages.len();
        match action {
            Action::Next if self.page + 1 < pages => {
                self.page += 1;
                self.scroll = 0;
                self.mark_viewed(cx);
            }
            Action::Prev if self.page > 0 => {
                self.page -= 1;
                self.scroll = 0;
            }
            Action::Down | Action::PageDown => {
                let step = if action == Action::Down {
                    1
                } else {
                    cx.body.height.saturating_sub(4).max(1) as usize
                };
                let max = self.max_scroll(cx.body, &cx.view());
                self.scroll = (self.scroll + step).min(max);
            }
            Action::Up => self.scroll = self.scroll.saturating_sub(1),
            Action::PageUp => {
                self.scroll = self
                    .scroll
                    .saturating_sub(cx.body.height.saturating_sub(4).max(1) as usize)
            }
            Action::More => self.removals = (self.removals + 1).min(MAX_REMOVALS),
            Action::Less => self.removals = self.removals.saturating_sub(1).max(MIN_REMOVALS),
            Action::Back => return Nav::Pop,
            _ => {}
        }
        Nav::Stay
    }

    fn figure_size(
        &self,
        view_theme: &crate::theme::Theme,
        lang: &pijat_content::Lang,
    ) -> (u16, u16) {
        let Some(page) = self.current_page() else {
            return (0, 0);
        };
        match page.figure {
            Some(Figure::SupplyDemand) => (SupplyChart::WIDTH, SupplyChart::HEIGHT),
            Some(f) => {
                let fv = FigureView {
                    figure: f,
                    highlight: &page.highlight,
                    theme: view_theme,
                    lang,
                    compact: false,
                };
                let w = fv.art_width().max(34);
                (w, fv.height(w))
            }
            None => (0, 0),
        }
    }

    /// The text area, the figure's area and where the figure went, inside the panel.
    fn areas(&self, inner: Rect, fig: (u16, u16)) -> (Rect, Option<Rect>, Placement) {
        let (fig_w, fig_h) = fig;
        let place = if self.figure().is_some() {
            placement(inner, fig_w, fig_h)
        } else {
            Placement::Hidden
        };
        match place {
            Placement::Beside => {
                let [t, _, f] = Layout::horizontal([
                    Constraint::Min(30),
                    Constraint::Length(2),
                    Constraint::Length(fig_w),
                ])
                .areas(inner);
                (t, Some(f), place)
            }
            Placement::Below => {
                let [t, f] =
                    Layout::vertical([Constraint::Min(4), Constraint::Length(fig_h)]).areas(inner);
                (t, Some(f), place)
            }
            Placement::Hidden => (inner, None, place),
        }
    }

    /// Whether the figure beside the text is taller than the panel: then its legend goes into
    /// the text, which scrolls, so no region is left unexplained.
    fn legend_in_text(&self, inner: Rect, fig: (u16, u16), place: Placement) -> bool {
        place == Placement::Beside
            && !matches!(self.figure(), Some(Figure::SupplyDemand) | None)
            && fig.1 > inner.height
    }

    /// The page's text as lines of the text area's width: title, body, sources (and the
    /// figure's legend when `legend` says the text carries it).
    fn lines(
        &self,
        width: usize,
        view: &View,
        place: Placement,
        legend: bool,
    ) -> Vec<Line<'static>> {
        let th = view.theme;
        let Some(page) = self.current_page() else {
            return Vec::new();
        };
        let mut lines = vec![
            Line::from(Span::styled(
                page.title.get(view.lang).to_string(),
                th.title,
            )),
            Line::default(),
        ];
        lines.extend(prose::wrap(page.body.get(view.lang), width, th.text));
        if !page.sources.is_empty() {
            lines.push(Line::default());
            lines.push(Line::from(Span::styled(view.s.sources_word, th.dim)));
            for key in &page.sources {
                let text = match view.content.sources.get(key) {
                    Some(src) => match src.year {
                        Some(y) => format!("{key} {} ({}, {y})", src.title, src.author),
                        None => format!("{key} {} ({})", src.title, src.author),
                    },
                    None => key.clone(),
                };
                lines.extend(prose::wrap(&format!("- {text}"), width, th.dim));
            }
        }
        if let (true, Some(f)) = (legend, page.figure) {
            lines.push(Line::default());
            lines.push(Line::from(Span::styled(view.s.figure_legend, th.title)));
            let fv = FigureView {
                figure: f,
                highlight: &page.highlight,
                theme: th,
                lang: view.lang,
                compact: false,
            };
            lines.extend(fv.legend_lines(width as u16));
        }
        if page.figure.is_some() && place == Placement::Hidden {
            lines.push(Line::default());
            lines.push(Line::from(Span::styled(view.s.figure_hidden, th.dim)));
        }
        // The way on from the last page: back to the modules (and what is next on the path).
        if self.page + 1 == self.module.pages.len() {
            lines.push(Line::default());
            lines.extend(prose::wrap(view.s.last_page_hint, width, th.accent));
        }
        lines
    }

    /// How far the page can scroll in a body of this size.
    fn max_scroll(&self, body: Rect, view: &View) -> usize {
        let inner = panel("", view.theme).inner(body);
        let fig = self.figure_size(view.theme, view.lang);
        let (text, _, place) = self.areas(inner, fig);
        let legend = self.legend_in_text(inner, fig, place);
        self.lines(wrap_width(text), view, place, legend)
            .len()
            .saturating_sub(text.height as usize)
    }

    pub fn render(&self, area: Rect, buf: &mut Buffer, view: &View) {
        let th = view.theme;
        let title = format!(
            "{} · {} {}/{}",
            self.module.title.get(view.lang),
            view.s.page_word,
            self.page + 1,
            self.module.pages.len()
        );
        let inner = framed(&title, area, buf, th);
        let fig_size = self.figure_size(th, view.lang);
        let (text_area, fig_area, place) = self.areas(inner, fig_size);
        let legend = self.legend_in_text(inner, fig_size, place);
        let lines = self.lines(wrap_width(text_area), view, place, legend);
        let max_scroll = lines.len().saturating_sub(text_area.height as usize);
        let scroll = self.scroll.min(max_scroll);
        let visible: Vec<Line> = lines
            .into_iter()
            .skip(scroll)
            .take(text_area.height as usize)
            .collect();
        Paragraph::new(visible).render(text_area, buf);
        if scroll < max_scroll && text_area.width > 4 {
            // In the column kept free for it: the marker never covers a letter.
            let r = Rect::new(text_area.right() - 1, text_area.bottom() - 1, 1, 1);
            Paragraph::new("↓").style(th.key).render(r, buf);
        }
        if let (Some(f), Some(fig)) = (fig_area, self.figure()) {
            self.render_figure(f, fig, legend, buf, view);
        }
    }

    /// The figure in its area; a legend taller than the area ends in a line that says where
    /// all of it is (the end of the page's text).
    fn render_figure(&self, f: Rect, fig: Figure, legend: bool, buf: &mut Buffer, view: &View) {
        let th = view.theme;
        let Some(page) = self.current_page() else {
            return;
        };
        match fig {
            Figure::SupplyDemand => SupplyChart {
                removals: self.removals,
                theme: th,
                lang: view.lang,
            }
            .render(f, buf),
            _ => FigureView {
                figure: fig,
                highlight: &page.highlight,
                theme: th,
                lang: view.lang,
                compact: false,
            }
            .render(f, buf),
        }
        if legend && f.height > 0 {
            let last = Rect::new(f.x, f.bottom() - 1, f.width, 1);
            ratatui::widgets::Clear.render(last, buf);
            Paragraph::new(crate::widgets::prose::ellipsize(
                view.s.legend_below,
                usize::from(f.width),
            ))
            .style(th.key)
            .render(last, buf);
        }
    }
}

/// Text is wrapped two columns short of its area: the last column holds the "more below" mark.
fn wrap_width(area: Rect) -> usize {
    usize::from(area.width.saturating_sub(2).max(1))
}
