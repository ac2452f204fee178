//! The trainer goes through the pre/post test with the class after the post-test: every
//! question in paper order with its right answer and explanation. Only in trainer mode (behind
//! the PIN): a trainee never sees this set's key while it is in use.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;

use crate::app::{Cx, Nav};
use crate::keys::{Action, Context};
use crate::view::{View, framed, render_scrolled};
use crate::widgets::prose;
use pijat_app::sheets::paper_layout;
use pijat_content::Quiz;
use pijat_engine::quiz::answer_text;

pub struct ReviewScreen<'c> {
    pub quiz: &'c Quiz,
    pub scroll: usize,
    /// How far the text scrolls, as last drawn.
    limit: crate::view::ScrollLimit,
}

impl<'c> ReviewScreen<'c> {
    pub fn new(quiz: &'c Quiz) -> Self {
        ReviewScreen {
            quiz,
            scroll: 0,
            limit: Default::default(),
        }
    }

    pub fn context(&self) -> Context {
        Context::Reader
    }

    pub fn handle<'x>(&mut self, action: Action, _cx: &mut Cx<'_, 'x>) -> Nav<'x> {
        super::read_only(action, &mut self.scroll, &self.limit)
    }

    fn lines(&self, view: &View, width: usize) -> Vec<Line<'static>> {
        let th = view.theme;
        let s = view.s;
        let mut out = prose::wrap(s.review_intro, width, th.dim);
        for (i, shown) in paper_layout(self.quiz).shown.iter().enumerate() {
            let Some(q) = self.quiz.questions.get(shown.question) else {
                continue;
            };
            out.push(Line::default());
            out.extend(prose::wrap(
                &format!("{}. {}", i + 1, q.prompt.get(view.lang)),
                width,
                th.text,
            ));
            out.extend(prose::wrap(
                &format!("✓ {}", answer_text(q, view.lang)),
                width,
                th.correct,
            ));
            if let Some(e) = &q.explain {
                out.extend(prose::wrap(e.get(view.lang), width, th.dim));
            }
        }
        out
    }

    pub fn render(&self, area: Rect, buf: &mut Buffer, view: &View) {
        let title = format!(
            "{} · {}",
            view.s.review_title,
            self.quiz.title.get(view.lang)
        );
        let inner = framed(&title, area, buf, view.theme);
        // One column short: the last one holds the "more below" mark.
        let lines = self.lines(view, usize::from(inner.width.saturating_sub(1).max(10)));
        let max = render_scrolled(lines, self.scroll, inner, buf);
        self.limit.set(max);
        if self.scroll < max && inner.height > 0 {
            let y = inner.y + inner.height - 1;
            let x = inner.x + inner.width.saturating_sub(1);
            buf[(x, y)].set_symbol("↓");
        }
    }
}
