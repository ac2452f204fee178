//! The trainee's path: pre-test → modules → practice → post-test, what is done (✓), the scores,
//! and what to do next.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::Screen;
use crate::app::{Cx, Nav};
use crate::keys::{Action, Context};
use crate::view::{View, framed, more_marks, row, scroll_for};
use pijat_app::progress::prepost_from;
use pijat_content::Phase;
use pijat_engine::quiz::{Score, format_change_in};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Item {
    PreTest,
    Modules,
    Practice,
    PostTest,
    SelfCheck,
    History,
    SwitchProfile,
}

pub const ITEMS: [Item; 7] = [
    Item::PreTest,
    Item::Modules,
    Item::Practice,
    Item::PostTest,
    Item::SelfCheck,
    Item::History,
    Item::SwitchProfile,
];

/// What the trainee has done, read from the store when the screen comes on top.
#[derive(Clone, Debug, Default)]
pub struct Stats {
    pub pre: Option<Score>,
    pub post: Option<Score>,
    /// An unfinished pre-test or post-test: answered so far, of how many.
    pub pre_open: Option<(u32, u32)>,
    pub post_open: Option<(u32, u32)>,
    pub modules_done: usize,
    pub modules_total: usize,
    pub practice_runs: usize,
    pub practice_finished: usize,
    pub quizzes_passed: usize,
    pub quizzes_total: usize,
}

/// The unfinished attempt at a test, as answered/total.
fn open_attempt(
    attempts: &[pijat_app::AttemptRecord],
    quiz: &str,
    phase: Phase,
) -> Option<(u32, u32)> {
    attempts
        .iter()
        .rev()
        .find(|a| a.quiz_id == quiz && a.phase == phase && !a.is_finished())
        .map(|a| (a.answered, a.question_count))
}

impl Stats {
    pub fn load(cx: &Cx) -> Stats {
        let (Some(profile), Some(quiz)) = (cx.profile, cx.content.prepost_quiz()) else {
            return Stats::default();
        };
        let attempts = cx.records.attempts_of(&profile.id).unwrap_or_default();
        let pp = prepost_from(&attempts, &quiz.id);
        let viewed = cx.records.pages_viewed(&profile.id).unwrap_or_default();
        let modules_done = cx
            .content
            .modules
            .iter()
            .filter(|m| {
                viewed
                    .get(&m.id)
                    .is_some_and(|pages| pages.len() >= m.pages.len())
            })
            .count();
        let runs = cx.records.practice_runs_of(&profile.id).unwrap_or_default();
        let practice_quizzes: Vec<_> = cx
            .content
            .quizzes
            .iter()
            .filter(|q| q.purpose.allows(Phase::Practice))
            .collect();
        let quizzes_passed = practice_quizzes
            .iter()
            .filter(|q| {
                attempts.iter().any(|a| {
                    a.quiz_id == q.id
                        && pijat_app::progress::score_of(a)
                            .is_some_and(|s| s.passes(q.pass_percent))
                })
            })
            .count();
        Stats {
            pre: pp.pre,
            pre_open: open_attempt(&attempts, &quiz.id, Phase::Pre),
            post_open: open_attempt(&attempts, &quiz.id, Phase::Post),
            post: pp.post,
            modules_done,
            modules_total: cx.content.modules.len(),
            practice_runs: runs.len(),
            // Done only when every timed critical step ran its time (the massage not skipped).
            practice_finished: runs
                .iter()
                .filter(|r| pijat_app::practice_run::is_done(cx.records, cx.content, r))
                .count(),
            quizzes_passed,
            quizzes_total: practice_quizzes.len(),
        }
    }

    /// The first step of the path not yet done.
    pub fn next(&self) -> Option<Item> {
        if self.pre.is_none() {
            Some(Item::PreTest)
        } else if self.modules_done < self.modules_total {
            Some(Item::Modules)
        } else if self.practice_finished == 0 {
            Some(Item::Practice)
        } else if self.post.is_none() {
            Some(Item::PostTest)
        } else {
            None
        }
    }
}

#[derive(Default)]
pub struct HomeScreen {
    pub selected: usize,
    pub stats: Stats,
}

impl HomeScreen {
    pub fn context(&self) -> Context {
        Context::List
    }

    pub fn refresh(&mut self, cx: &mut Cx) {
        self.stats = Stats::load(cx);
        if let Some(next) = self.stats.next() {
            self.selected = ITEMS.iter().position(|i| *i == next).unwrap_or(0);
        }
    }

    pub fn handle<'c>(&mut self, action: Action, cx: &mut Cx<'_, 'c>) -> Nav<'c> {
        let n = ITEMS.len();
        match action {
            Action::Up => self.selected = (self.selected + n - 1) % n,
            Action::Down => self.selected = (self.selected + 1) % n,
            Action::Back => return Nav::SwitchProfile,
            Action::Enter => {
                let Some(item) = ITEMS.get(self.selected) else {
                    return Nav::Stay;
                };
                return match item {
                    Item::PreTest => super::quiz::start_prepost(cx, Phase::Pre),
                    Item::PostTest => super::quiz::start_prepost(cx, Phase::Post),
                    Item::Modules => {
                        Nav::Push(Screen::Modules(super::modules::ModulesScreen::default()))
                    }
                    Item::Practice => super::practice::PracticeScreen::open(cx),
                    Item::SelfCheck => {
                        Nav::Push(Screen::QuizList(super::quiz_list::QuizListScreen::default()))
                    }
                    Item::History => {
                        Nav::Push(Screen::History(super::history::HistoryScreen::load(cx)))
                    }
                    Item::SwitchProfile => Nav::SwitchProfile,
                };
            }
            _ => {}
        }
        Nav::Stay
    }

    pub fn render(&self, area: Rect, buf: &mut Buffer, view: &View) {
        let s = view.s;
        let th = view.theme;
        let st = &self.stats;
        let inner = framed(s.home_title, area, buf, th);
        let next_text = match st.next() {
            Some(item) => {
                let label = match item {
                    Item::PreTest => s.item_pretest,
                    Item::Modules => s.item_modules,
                    Item::Practice => s.item_practice,
                    _ => s.item_posttest,
                };
                Line::from(vec![
                    Span::styled(format!("{} ", s.next_step), th.title),
                    Span::raw(label),
                ])
            }
            None => Line::from(Span::styled(s.path_complete, th.correct)),
        };
        // "Next" takes the lines its words need, one blank line above when there is room.
        let next_rows =
            textwrap::wrap(&next_text.to_string(), usize::from(inner.width).max(1)).len() as u16;
        let gap = u16::from(inner.height > ITEMS.len() as u16 + next_rows);
        let [list, _, next] = Layout::vertical([
            Constraint::Min(1),
            Constraint::Length(gap),
            Constraint::Length(next_rows),
        ])
        .areas(inner);
        let done = |d: bool| {
            if d {
                Span::styled("✓ ", th.correct)
            } else {
                Span::styled("· ", th.dim)
            }
        };
        let pct = |sc: Option<Score>, open: Option<(u32, u32)>| match (sc, open) {
            (Some(x), _) => format!("{}%", x.display_in(view.lang)),
            (None, Some((n, m))) => pijat_core::fill!(app, s, in_progress, n = n, m = m),
            (None, None) => s.not_yet.to_string(),
        };
        let lines: Vec<Line> = ITEMS
            .iter()
            .enumerate()
            .map(|(i, item)| {
                let (label, status, is_done) = match item {
                    Item::PreTest => (s.item_pretest, pct(st.pre, st.pre_open), st.pre.is_some()),
                    Item::Modules => (
                        s.item_modules,
                        format!(
                            "{}/{} {}",
                            st.modules_done, st.modules_total, s.modules_read
                        ),
                        st.modules_total > 0 && st.modules_done == st.modules_total,
                    ),
                    Item::Practice => (
                        s.item_practice,
                        format!("{}× {}", st.practice_finished, s.times_done),
                        st.practice_finished > 0,
                    ),
                    Item::PostTest => {
                        let mut status = pct(st.post, st.post_open);
                        if let (Some(pre), Some(post)) = (st.pre, st.post) {
                            status = format!(
                                "{status} ({} {})",
                                format_change_in(post.percent() - pre.percent(), view.lang),
                                s.points
                            );
                        }
                        (s.item_posttest, status, st.post.is_some())
                    }
                    Item::SelfCheck => (
                        s.item_selfcheck,
                        format!("{}/{} {}", st.quizzes_passed, st.quizzes_total, s.passed),
                        false,
                    ),
                    Item::History => (s.item_history, String::new(), false),
                    Item::SwitchProfile => (s.item_switch, String::new(), false),
                };
                let numbered = matches!(
                    item,
                    Item::PreTest | Item::Modules | Item::Practice | Item::PostTest
                );
                let mut spans = Vec::new();
                if numbered {
                    spans.push(done(is_done));
                    spans.push(Span::raw(format!("{}. {label}", i + 1)));
                } else {
                    spans.push(Span::raw(format!("  {label}")));
                }
                if !status.is_empty() {
                    spans.push(Span::styled(format!("  {status}"), th.dim));
                }
                row(i == self.selected, spans, th)
            })
            .collect();
        // At a small window the list scrolls with the cursor: a row the cursor is on is always
        // seen, and arrows on the border say that rows are hidden.
        let total = lines.len();
        let skip = scroll_for(self.selected, usize::from(list.height));
        Paragraph::new(lines.into_iter().skip(skip).collect::<Vec<_>>()).render(list, buf);
        more_marks(list, skip, total, buf, th);
        Paragraph::new(next_text)
            .wrap(Wrap { trim: true })
            .render(next, buf);
    }
}
