//! Self-check quizzes (one per module, and the review set), with the trainee's best score.

use std::collections::HashMap;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use crate::app::{Cx, Nav};
use crate::keys::{Action, Context};
use crate::view::{View, framed, row, scroll_for};
use pijat_app::progress::score_of;
use pijat_content::{Phase, Quiz};
use pijat_engine::quiz::Score;

#[derive(Default)]
pub struct QuizListScreen {
    pub selected: usize,
    /// Best finished score per quiz id.
    pub best: HashMap<String, Score>,
}

fn practice_quizzes(all: &[Quiz]) -> Vec<&Quiz> {
    all.iter()
        .filter(|q| q.purpose.allows(Phase::Practice))
        .collect()
}

impl QuizListScreen {
    pub fn context(&self) -> Context {
        Context::List
    }

    pub fn refresh(&mut self, cx: &mut Cx) {
        self.best.clear();
        let Some(p) = cx.profile else { return };
        for a in cx.records.attempts_of(&p.id).unwrap_or_default() {
            if let Some(s) = score_of(&a) {
                let e = self.best.entry(a.quiz_id.clone()).or_insert(s);
                if s.percent() > e.percent() {
                    *e = s;
                }
            }
        }
    }

    pub fn handle<'c>(&mut self, action: Action, cx: &mut Cx<'_, 'c>) -> Nav<'c> {
        let quizzes = practice_quizzes(&cx.content.quizzes);
        let n = quizzes.len().max(1);
        match action {
            Action::Up => self.selected = (self.selected + n - 1) % n,
            Action::Down => self.selected = (self.selected + 1) % n,
            Action::Back => return Nav::Pop,
            Action::Enter => {
                if let Some(q) = quizzes.get(self.selected) {
                    return super::quiz::start(cx, q, Phase::Practice);
                }
            }
            _ => {}
        }
        Nav::Stay
    }

    pub fn render(&self, area: Rect, buf: &mut Buffer, view: &View) {
        let th = view.theme;
        let inner = framed(view.s.item_selfcheck, area, buf, th);
        let lines: Vec<Line> = practice_quizzes(&view.content.quizzes)
            .iter()
            .enumerate()
            .map(|(i, q)| {
                let status = match self.best.get(&q.id) {
                    Some(s) if s.passes(q.pass_percent) => {
                        Span::styled(format!("✓ {}%", s.display_in(view.lang)), th.correct)
                    }
                    Some(s) => Span::styled(format!("  {}%", s.display_in(view.lang)), th.dim),
                    None => Span::styled(format!("  {}", view.s.not_yet), th.dim),
                };
                row(
                    i == self.selected,
                    vec![
                        Span::raw(q.title.get(view.lang).to_string()),
                        Span::styled(
                            format!("  ({} {})  ", q.questions.len(), view.s.questions_word),
                            th.dim,
                        ),
                        status,
                    ],
                    th,
                )
            })
            .collect();
        let skip = scroll_for(self.selected, inner.height as usize);
        let shown = lines.into_iter().skip(skip).collect::<Vec<_>>();
        Paragraph::new(crate::widgets::prose::fit_lines(shown, inner.width)).render(inner, buf);
    }
}
