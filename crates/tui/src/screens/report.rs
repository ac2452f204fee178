//! A class's results for its trainer: the summary with the statistics, each participant's
//! pre-test and post-test as bars, and each question's share right before and after.
//! Bars carry their numbers, so they read without colour.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use crate::app::{Cx, Nav};
use crate::keys::{Action, Context};
use crate::theme::Theme;
use crate::view::{View, framed, render_scrolled};
use pijat_app::ClassRecord;
use pijat_app::report_data::report_input;
use pijat_content::Quiz;
use pijat_engine::report::build::Report;
use pijat_engine::report::{build, render};

pub struct ReportScreen<'c> {
    pub class: ClassRecord,
    pub quiz: &'c Quiz,
    pub report: Option<Report>,
    pub tab: usize,
    pub scroll: usize,
    /// How far the text scrolls, as last drawn.
    pub limit: crate::view::ScrollLimit,
}

const TABS: usize = 3;

/// `label ████████░░░░ 80%`, the bar `width` cells long.
fn bar(
    label: &str,
    value: Option<f64>,
    width: usize,
    style: ratatui::style::Style,
    th: &Theme,
) -> Line<'static> {
    match value {
        Some(v) => {
            let full = ((v / 100.0) * width as f64).round() as usize;
            Line::from(vec![
                Span::styled(format!("{label:>6} "), th.dim),
                Span::styled("█".repeat(full.min(width)), style),
                Span::styled("░".repeat(width.saturating_sub(full)), th.dim),
                Span::raw(format!(" {v:.0}%")),
            ])
        }
        None => Line::from(vec![
            Span::styled(format!("{label:>6} "), th.dim),
            Span::styled("–", th.dim),
        ]),
    }
}

impl<'c> ReportScreen<'c> {
    pub fn load(class: ClassRecord, quiz: &'c Quiz, cx: &Cx) -> Self {
        let report = report_input(
            cx.records,
            quiz,
            Some(&class.name),
            true,
            cx.lang,
            pijat_app::monitoring::main_routine(cx.content),
        )
        .ok()
        .flatten()
        .map(|i| build(&i));
        ReportScreen {
            class,
            quiz,
            report,
            tab: 0,
            scroll: 0,
            limit: Default::default(),
        }
    }

    pub fn context(&self) -> Context {
        Context::ReportView
    }

    pub fn handle<'x>(&mut self, action: Action, cx: &mut Cx<'_, 'x>) -> Nav<'x> {
        let page = cx.body.height.saturating_sub(4).max(1) as usize;
        match action {
            Action::Right => (self.tab, self.scroll) = ((self.tab + 1) % TABS, 0),
            Action::Left => (self.tab, self.scroll) = ((self.tab + TABS - 1) % TABS, 0),
            Action::Down => self.scroll = self.limit.down(self.scroll, 1),
            Action::Up => self.scroll = self.scroll.saturating_sub(1),
            Action::PageDown => self.scroll = self.limit.down(self.scroll, page),
            Action::PageUp => self.scroll = self.scroll.saturating_sub(page),
            Action::Back => return Nav::Pop,
            _ => {}
        }
        Nav::Stay
    }

    fn lines(&self, r: &Report, width: usize, view: &View) -> Vec<Line<'static>> {
        let th = view.theme;
        let s = view.s;
        let bar_w = width.saturating_sub(14).clamp(5, 50);
        match self.tab {
            // The report's text, each line wrapped to the window (a long sentence or a wide
            // table row goes on below, rather than being cut off at the edge).
            0 => render::text_in(r, self.quiz.title.get(view.lang), view.lang, width)
                .lines()
                .flat_map(|l| {
                    if unicode_width::UnicodeWidthStr::width(l) <= width {
                        vec![Line::raw(l.to_string())]
                    } else {
                        crate::widgets::prose::wrap(l, width, th.text)
                    }
                })
                .collect(),
            1 => {
                let mut out = Vec::new();
                for p in &r.participants {
                    out.push(Line::from(Span::styled(p.name.clone(), th.title)));
                    out.push(bar(s.item_pretest_short, p.pre, bar_w, th.dim, th));
                    out.push(bar(s.item_posttest_short, p.post, bar_w, th.chart, th));
                }
                out
            }
            _ => {
                let mut out = Vec::new();
                for (i, item) in r.items.iter().enumerate() {
                    // The question in the reader's language now (L switches it), wrapped whole.
                    let label = self
                        .quiz
                        .questions
                        .iter()
                        .find(|q| q.id == item.question)
                        .map(|q| q.prompt.get(view.lang).to_string())
                        .or_else(|| r.labels.get(i).cloned())
                        .unwrap_or_else(|| item.question.clone());
                    out.extend(crate::widgets::prose::wrap(
                        &format!("{}. {label}", i + 1),
                        width,
                        th.title,
                    ));
                    out.push(bar(
                        s.item_pretest_short,
                        item.pre_facility.0.ok(),
                        bar_w,
                        th.dim,
                        th,
                    ));
                    out.push(bar(
                        s.item_posttest_short,
                        item.post_facility.0.ok(),
                        bar_w,
                        th.chart,
                        th,
                    ));
                }
                out
            }
        }
    }

    pub fn render(&self, area: Rect, buf: &mut Buffer, view: &View) {
        let th = view.theme;
        let s = view.s;
        let title = format!("{} · {}", self.class.name, s.results_title);
        let inner = framed(&title, area, buf, th);
        let [tabs, body] =
            Layout::vertical([Constraint::Length(2), Constraint::Min(1)]).areas(inner);
        let names = [s.report_summary, s.report_participants, s.report_items];
        let mut spans = Vec::new();
        for (i, n) in names.iter().enumerate() {
            let style = if i == self.tab { th.selected } else { th.dim };
            spans.push(Span::styled(format!(" {n} "), style));
            spans.push(Span::raw(" "));
        }
        Paragraph::new(Line::from(spans)).render(tabs, buf);
        match &self.report {
            Some(r) => {
                self.limit.set(render_scrolled(
                    self.lines(r, body.width as usize, view),
                    self.scroll,
                    body,
                    buf,
                ));
            }
            None => Paragraph::new(s.roster_empty)
                .style(th.dim)
                .render(body, buf),
        }
    }
}
