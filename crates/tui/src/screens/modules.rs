//! The module list, with how much of each a trainee has read.

use std::collections::{BTreeMap, BTreeSet};

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::Screen;
use super::lesson::LessonScreen;
use crate::app::{Cx, Nav};
use crate::keys::{Action, Context};
use crate::view::{View, framed, row, scroll_for};

#[derive(Default)]
pub struct ModulesScreen {
    pub selected: usize,
    pub viewed: BTreeMap<String, BTreeSet<usize>>,
}

impl ModulesScreen {
    pub fn context(&self) -> Context {
        Context::List
    }

    pub fn refresh(&mut self, cx: &mut Cx) {
        if let Some(p) = cx.profile {
            self.viewed = cx.records.pages_viewed(&p.id).unwrap_or_default();
        }
    }

    pub fn handle<'c>(&mut self, action: Action, cx: &mut Cx<'_, 'c>) -> Nav<'c> {
        let n = cx.content.modules.len().max(1);
        match action {
            Action::Up => self.selected = (self.selected + n - 1) % n,
            Action::Down => self.selected = (self.selected + 1) % n,
            Action::Back => return Nav::Pop,
            Action::Enter => {
                if let Some(m) = cx.content.modules.get(self.selected) {
                    return Nav::Push(Screen::Lesson(LessonScreen::open(m, cx)));
                }
            }
            _ => {}
        }
        Nav::Stay
    }

    pub fn render(&self, area: Rect, buf: &mut Buffer, view: &View) {
        let th = view.theme;
        let inner = framed(view.s.modules_title, area, buf, th);
        let mut lines: Vec<Line> = Vec::new();
        let mut selected_line = 0;
        for (i, m) in view.content.modules.iter().enumerate() {
            let read = self
                .viewed
                .get(&m.id)
                .map_or(0, BTreeSet::len)
                .min(m.pages.len());
            let mark = if read == m.pages.len() {
                Span::styled("✓ ", th.correct)
            } else {
                Span::styled("· ", th.dim)
            };
            if i == self.selected {
                selected_line = lines.len();
            }
            lines.push(row(
                i == self.selected,
                vec![
                    mark,
                    Span::raw(format!("{}. {}", i + 1, m.title.get(view.lang))),
                    Span::styled(
                        format!("  {read}/{} {}", m.pages.len(), view.s.pages_word),
                        th.dim,
                    ),
                ],
                th,
            ));
            if let Some(summary) = &m.summary {
                lines.push(Line::from(Span::styled(
                    format!("     {}", summary.get(view.lang)),
                    th.dim,
                )));
            }
        }
        let skip = scroll_for(selected_line + 1, inner.height as usize);
        let shown = lines.into_iter().skip(skip).collect::<Vec<_>>();
        Paragraph::new(crate::widgets::prose::fit_lines(shown, inner.width)).render(inner, buf);
    }
}
