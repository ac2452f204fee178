//! The trainee's record: tests with scores, and practice runs with their time and self-check.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::app::{Cx, Nav};
use crate::keys::{Action, Context};
use crate::view::{View, framed, render_scrolled};
use pijat_app::monitoring::{Observed, main_routine, monitoring};
use pijat_app::progress::score_of;
use pijat_app::{AttemptRecord, PracticeRun};
use pijat_core::local_date;

#[derive(Default)]
pub struct HistoryScreen {
    pub attempts: Vec<AttemptRecord>,
    pub runs: Vec<PracticeRun>,
    /// Observations by a cadre (visits are health data and stay in trainer mode).
    pub observations: Vec<Observed>,
    pub improved: Vec<usize>,
    /// How many home visits he had: only the number (the visits are health data and their
    /// details stay in trainer mode).
    pub visits: usize,
    pub scroll: usize,
    /// How far the text scrolls, as last drawn.
    pub limit: crate::view::ScrollLimit,
}

impl HistoryScreen {
    pub fn load(cx: &mut Cx) -> Self {
        let Some(p) = cx.profile else {
            return Self::default();
        };
        let m = monitoring(cx.records, cx.content, &p.id).unwrap_or_default();
        HistoryScreen {
            attempts: cx.records.attempts_of(&p.id).unwrap_or_default(),
            runs: cx.records.practice_runs_of(&p.id).unwrap_or_default(),
            visits: m.visits.len(),
            observations: m.observations,
            improved: m.improved,
            scroll: 0,
            limit: Default::default(),
        }
    }

    pub fn context(&self) -> Context {
        Context::Reader
    }

    pub fn handle<'c>(&mut self, action: Action, _cx: &mut Cx<'_, 'c>) -> Nav<'c> {
        let most = self.attempts.len() + self.runs.len() + 3 * self.observations.len() + 8;
        match action {
            Action::Enter | Action::Back => return Nav::Pop,
            Action::Down => self.scroll = (self.scroll + 1).min(most),
            Action::Up => self.scroll = self.scroll.saturating_sub(1),
            Action::PageDown => self.scroll = (self.scroll + 10).min(most),
            Action::PageUp => self.scroll = self.scroll.saturating_sub(10),
            _ => {}
        }
        Nav::Stay
    }

    pub fn render(&self, area: Rect, buf: &mut Buffer, view: &View) {
        let th = view.theme;
        let s = view.s;
        let inner = framed(s.item_history, area, buf, th);
        let mut lines = vec![Line::from(Span::styled(s.tests_heading, th.title))];
        if self.attempts.is_empty() {
            lines.push(Line::from(Span::styled(format!("  {}", s.not_yet), th.dim)));
        }
        for a in &self.attempts {
            let title = view
                .content
                .quiz(&a.quiz_id)
                .map_or(a.quiz_id.clone(), |q| q.title.get(view.lang).to_string());
            let phase = s.phase(a.phase);
            let result = match score_of(a) {
                Some(sc) => Span::styled(format!("{}%", sc.display_in(view.lang)), th.text),
                None => Span::styled(
                    format!("{} {}/{}", s.unfinished, a.answered, a.question_count),
                    th.warning,
                ),
            };
            lines.push(Line::from(vec![
                Span::styled(format!("  {}  ", local_date(&a.started)), th.dim),
                Span::raw(format!("{phase}: ")),
                result,
                Span::styled(format!("  {title}"), th.dim),
            ]));
        }
        lines.push(Line::default());
        lines.push(Line::from(Span::styled(s.practice_heading, th.title)));
        if self.runs.is_empty() {
            lines.push(Line::from(Span::styled(format!("  {}", s.not_yet), th.dim)));
        }
        for r in &self.runs {
            let mins = r.spent_seconds / 60.0;
            let status = if r.finished.is_some() {
                format!(
                    "{} {} · {}/{} {}",
                    view.lang.decimal(mins, 1),
                    s.minutes,
                    r.done_well,
                    r.steps,
                    s.done_well
                )
            } else {
                format!(
                    "{} · {} {}",
                    s.unfinished,
                    view.lang.decimal(mins, 1),
                    s.minutes
                )
            };
            lines.push(Line::from(vec![
                Span::styled(format!("  {}  ", local_date(&r.started)), th.dim),
                Span::raw(status),
            ]));
        }
        if !self.observations.is_empty() {
            lines.push(Line::default());
            lines.push(Line::from(Span::styled(s.checklist_heading, th.title)));
            let routine = main_routine(view.content);
            let step =
                |i: usize| routine.map_or(format!("{}", i + 1), |r| r.step_label(i, view.lang));
            for o in &self.observations {
                let v = &o.verdict;
                lines.push(Line::from(vec![
                    Span::styled(format!("  {}  ", o.row.observed_on), th.dim),
                    Span::raw(format!("{:>6}  ", v.percent_text(view.lang))),
                    if v.competent {
                        Span::styled(s.verdict_competent, th.correct)
                    } else {
                        Span::styled(s.verdict_not_yet, th.wrong)
                    },
                ]));
            }
            if let Some(latest) = self.observations.last()
                && !latest.verdict.to_coach.is_empty()
            {
                lines.push(Line::from(Span::styled(
                    format!("  {}", s.to_coach),
                    th.title,
                )));
                for i in &latest.verdict.to_coach {
                    lines.push(Line::from(format!("    {}", step(*i))));
                }
            }
            if self.observations.len() > 1 && !self.improved.is_empty() {
                lines.push(Line::from(Span::styled(
                    format!("  {}", s.improved_since),
                    th.title,
                )));
                for i in &self.improved {
                    lines.push(Line::from(format!("    {}", step(*i))));
                }
            }
        }
        if self.visits > 0 {
            lines.push(Line::default());
            lines.push(Line::from(vec![
                Span::styled(format!("{}: ", s.home_visits_count), th.title),
                Span::raw(format!("{} ({})", self.visits, s.visit_details_trainer)),
            ]));
        }
        self.limit
            .set(render_scrolled(lines, self.scroll, inner, buf));
    }
}
