//! A finished quiz: the score, per module, the change since the pre-test, and the answers with
//! their explanations where the feedback policy allows.

use std::collections::HashMap;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::app::{Cx, Nav};
use crate::keys::{Action, Context};
use crate::view::{View, framed, render_scrolled};
use crate::widgets::prose;
use pijat_app::QuizRun;
use pijat_app::progress::prepost;
use pijat_content::{Phase, Quiz};
use pijat_engine::quiz::{
    Feedback, Layout as QuizLayout, Response, Score, answer_text, format_change_in, response_text,
};

pub struct ResultsScreen<'c> {
    pub quiz: &'c Quiz,
    pub phase: Phase,
    pub layout: QuizLayout,
    /// Each answer and whether it counted as right when given.
    pub responses: HashMap<String, (Response, bool)>,
    pub score: Score,
    pub by_module: Vec<(String, Score)>,
    /// The pre-test score, shown beside a post-test.
    pub pre: Option<Score>,
    pub scroll: usize,
    /// How far the text scrolls, as last drawn.
    pub limit: crate::view::ScrollLimit,
}

impl<'c> ResultsScreen<'c> {
    pub fn from_run(run: &QuizRun<'c>, phase: Phase, cx: &mut Cx) -> Self {
        let responses = run
            .quiz
            .questions
            .iter()
            .filter_map(|q| {
                let r = run.response(&q.id)?.clone();
                Some((q.id.clone(), (r, run.is_right(&q.id) == Some(true))))
            })
            .collect();
        let pre = match (phase, cx.profile) {
            (Phase::Post, Some(p)) => prepost(cx.records, &p.id, &run.quiz.id)
                .ok()
                .and_then(|pp| pp.pre),
            _ => None,
        };
        ResultsScreen {
            quiz: run.quiz,
            phase,
            layout: run.layout.clone(),
            responses,
            score: run.score(),
            by_module: run
                .by_module()
                .into_iter()
                .map(|(m, s)| (m.to_string(), s))
                .collect(),
            pre,
            scroll: 0,
            limit: Default::default(),
        }
    }

    pub fn context(&self) -> Context {
        Context::Results
    }

    pub fn handle<'x>(&mut self, action: Action, cx: &mut Cx<'_, 'x>) -> Nav<'x> {
        match action {
            Action::Enter | Action::Back => return Nav::Pop,
            Action::Down => self.scroll = self.limit.down(self.scroll, 1),
            Action::Up => self.scroll = self.scroll.saturating_sub(1),
            Action::PageDown => {
                self.scroll = self
                    .limit
                    .down(self.scroll, cx.body.height.max(4) as usize - 3)
            }
            Action::PageUp => {
                self.scroll = self
                    .scroll
                    .saturating_sub(cx.body.height.max(4) as usize - 3)
            }
            _ => {}
        }
        Nav::Stay
    }

    fn lines(&self, width: usize, view: &View) -> Vec<Line<'static>> {
        let th = view.theme;
        let s = view.s;
        let sc = self.score;
        let mut lines = vec![Line::from(vec![
            Span::styled(format!("{} ", s.your_score), th.title),
            Span::styled(
                format!("{}/{} ({}%)", sc.right, sc.total, sc.display_in(view.lang)),
                th.countdown,
            ),
        ])];
        if self.phase == Phase::Practice {
            let pass = sc.passes(self.quiz.pass_percent);
            let p = self.quiz.pass_percent;
            let (mark, style, text) = if pass {
                (
                    "✓",
                    th.correct,
                    pijat_core::fill!(app, s, passed_quiz, p = p),
                )
            } else {
                (
                    "✗",
                    th.wrong,
                    pijat_core::fill!(app, s, not_passed_quiz, p = p),
                )
            };
            lines.push(Line::from(Span::styled(format!("{mark} {text}"), style)));
        }
        if let Some(pre) = self.pre {
            lines.push(Line::from(format!(
                "{} {}% → {} {}% ({} {})",
                s.item_pretest,
                pre.display_in(view.lang),
                s.item_posttest,
                sc.display_in(view.lang),
                format_change_in(sc.percent() - pre.percent(), view.lang),
                s.points
            )));
        }
        lines.push(Line::default());
        lines.push(Line::from(Span::styled(s.per_module, th.title)));
        for (m, score) in &self.by_module {
            let name = view
                .content
                .module(m)
                .map_or(m.clone(), |md| md.title.get(view.lang).to_string());
            let mark = if score.right == score.total {
                Span::styled("✓ ", th.correct)
            } else {
                Span::raw("  ")
            };
            lines.push(Line::from(vec![
                mark,
                Span::raw(format!("{name}: {}/{}", score.right, score.total)),
            ]));
        }
        lines.push(Line::default());
        if Feedback::for_quiz(self.quiz.purpose, self.phase) == Feedback::Never {
            let why = if self.phase == Phase::Pre {
                s.pretest_no_answers
            } else {
                s.answers_with_trainer
            };
            lines.extend(prose::wrap(why, width, th.dim));
            return lines;
        }
        lines.push(Line::from(Span::styled(s.review, th.title)));
        for (i, shown) in self.layout.shown.iter().enumerate() {
            let Some(q) = self.quiz.questions.get(shown.question) else {
                continue;
            };
            let (r, right) = self
                .responses
                .get(&q.id)
                .cloned()
                .unwrap_or((Response::Skipped, false));
            lines.push(Line::default());
            lines.extend(prose::wrap(
                &format!("{}. {}", i + 1, q.prompt.get(view.lang)),
                width,
                th.text,
            ));
            let (mark, style) = if right {
                ("✓", th.correct)
            } else {
                ("✗", th.wrong)
            };
            lines.extend(prose::wrap(
                &format!(
                    "{mark} {} {}",
                    s.your_answer,
                    response_text(q, &r, view.lang)
                ),
                width,
                style,
            ));
            if !right {
                lines.extend(prose::wrap(
                    &format!("  {} {}", s.right_answer, answer_text(q, view.lang)),
                    width,
                    th.text,
                ));
            }
            if let Some(e) = &q.explain {
                lines.extend(prose::wrap(
                    &format!("  {}", e.get(view.lang)),
                    width,
                    th.dim,
                ));
            }
        }
        lines
    }

    pub fn render(&self, area: Rect, buf: &mut Buffer, view: &View) {
        let title = format!(
            "{} · {}",
            view.s.results_title,
            self.quiz.title.get(view.lang)
        );
        let inner = framed(&title, area, buf, view.theme);
        let lines = self.lines(inner.width as usize, view);
        self.limit
            .set(render_scrolled(lines, self.scroll, inner, buf));
    }
}
