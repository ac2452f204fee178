//! One question at a time, with the interaction of its type; each answer saved when confirmed.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Gauge, Paragraph, Widget, Wrap};

use super::Screen;
use super::results::ResultsScreen;
use crate::app::{Confirm, Cx, Nav};
use crate::keys::{Action, Context};
use crate::view::View;
use crate::widgets::prose;
use pijat_app::{QuizRun, Start, StartArgs};
use pijat_content::{Lang, Phase, QuestionKind, Quiz};
use pijat_core::strings::tr;
use pijat_engine::quiz::{Feedback, Response, Shown, answer_text};

mod draw;
pub use draw::*;

/// What the trainee has chosen so far on the current question.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Selection {
    /// Shown places 0 (true) and 1 (false).
    Choice {
        cursor: usize,
        chosen: bool,
    },
    Multiple {
        cursor: usize,
        ticked: Vec<bool>,
    },
    /// `order[i]` is the shown place of the item now in row i.
    Order {
        order: Vec<usize>,
        cursor: usize,
        holding: bool,
    },
}

impl Selection {
    fn new(kind: &QuestionKind, n: usize) -> Self {
        match kind {
            QuestionKind::TrueFalse { .. } | QuestionKind::Single { .. } => Selection::Choice {
                cursor: 0,
                chosen: false,
            },
            QuestionKind::Multiple { .. } => Selection::Multiple {
                cursor: 0,
                ticked: vec![false; n],
            },
            QuestionKind::Order { .. } => Selection::Order {
                order: (0..n).collect(),
                cursor: 0,
                holding: false,
            },
        }
    }
}

pub struct QuizScreen<'c> {
    pub run: QuizRun<'c>,
    pub phase: Phase,
    pub position: usize,
    pub shown: Shown,
    pub selection: Selection,
    /// After an answer in practice: was it right? (Enter goes on.)
    pub feedback: Option<bool>,
    pub message: Option<String>,
    /// `-` chose to leave this question unanswered; Enter confirms.
    pub skip: bool,
    /// In a group test: the participant, thanked at the end instead of seeing a score.
    pub hand_back: Option<String>,
}

/// Starts (or resumes) the pre/post test in the given phase.
pub fn start_prepost<'c>(cx: &mut Cx<'_, 'c>, phase: Phase) -> Nav<'c> {
    match cx.content.prepost_quiz() {
        Some(q) => start(cx, q, phase),
        None => Nav::Stay,
    }
}

pub fn start<'c>(cx: &mut Cx<'_, 'c>, quiz: &'c Quiz, phase: Phase) -> Nav<'c> {
    let Some(profile) = cx.profile else {
        return Nav::Stay;
    };
    let s = tr(cx.lang);
    let args = StartArgs {
        profile,
        class_id: None,
        phase,
        no_shuffle: false,
        mode: pijat_core::Mode::App,
        content_version: &cx.content.version,
        seed: cx.seed.unwrap_or_else(rand::random),
    };
    match QuizRun::start(cx.records, quiz, &args) {
        Ok(Start::Fresh(run)) => QuizScreen::begin(run, phase)
            .map_or(Nav::Stay, |q| Nav::Push(Screen::Quiz(Box::new(q)))),
        Ok(Start::Resumed(run)) => {
            *cx.toast = Some(match &run.change {
                Some(c) => c.message().get(cx.lang.code()).to_string(),
                None => pijat_core::fill!(app, s, resumed, n = run.answered(), m = run.total()),
            });
            QuizScreen::begin(run, phase)
                .map_or(Nav::Stay, |q| Nav::Push(Screen::Quiz(Box::new(q))))
        }
        Ok(Start::AlreadyTaken(a)) => {
            let pct = pijat_app::progress::score_of(&a)
                .map_or(String::new(), |sc| sc.display_in(cx.lang));
            *cx.toast = Some(pijat_core::fill!(app, s, already_taken, p = pct));
            Nav::Stay
        }
        Err(e) => {
            *cx.toast = Some(e.message().get(cx.lang.code()).to_string());
            Nav::Stay
        }
    }
}

impl<'c> QuizScreen<'c> {
    pub fn begin(run: QuizRun<'c>, phase: Phase) -> Option<Self> {
        let (position, shown) = run.next().map(|(p, s)| (p, s.clone()))?;
        let q = run.question(&shown);
        let selection = Selection::new(&q.kind, shown.options.len().max(2));
        Some(QuizScreen {
            run,
            phase,
            position,
            shown,
            selection,
            feedback: None,
            message: None,
            skip: false,
            hand_back: None,
        })
    }

    fn kind(&self) -> &'c QuestionKind {
        &self.run.question(&self.shown).kind
    }

    pub fn context(&self) -> Context {
        if self.feedback.is_some() {
            return Context::QuizFeedback;
        }
        match (self.kind(), &self.selection) {
            (QuestionKind::TrueFalse { .. }, _) => Context::QuizTrueFalse,
            (QuestionKind::Single { .. }, _) => Context::QuizSingle,
            (QuestionKind::Multiple { .. }, _) => Context::QuizMultiple,
            (QuestionKind::Order { .. }, Selection::Order { holding: true, .. }) => {
                Context::QuizOrderHolding
            }
            (QuestionKind::Order { .. }, _) => Context::QuizOrder,
        }
    }

    fn rows(&self) -> usize {
        match self.kind() {
            QuestionKind::TrueFalse { .. } => 2,
            _ => self.shown.options.len(),
        }
    }

    /// The answer as chosen, in the file's numbering; `None` until something is chosen.
    fn response(&self) -> Option<Response> {
        let opts = &self.shown.options;
        match (&self.selection, self.kind()) {
            (Selection::Choice { chosen: false, .. }, _) => None,
            (Selection::Choice { cursor, .. }, QuestionKind::TrueFalse { .. }) => {
                Some(Response::TrueFalse(*cursor == 0))
            }
            (Selection::Choice { cursor, .. }, _) => {
                opts.get(*cursor).copied().map(Response::Single)
            }
            (Selection::Multiple { ticked, .. }, _) => {
                let mut v: Vec<usize> = ticked
                    .iter()
                    .zip(opts)
                    .filter(|(t, _)| **t)
                    .map(|(_, o)| *o)
                    .collect();
                v.sort_unstable();
                (!v.is_empty()).then_some(Response::Multiple(v))
            }
            (Selection::Order { order, .. }, _) => {
                let files = order.iter().map(|p| opts.get(*p).copied());
                files.collect::<Option<_>>().map(Response::Order)
            }
        }
    }

    pub fn handle(&mut self, action: Action, cx: &mut Cx<'_, 'c>) -> Nav<'c> {
        let s = tr(cx.lang);
        self.message = None;
        if self.feedback.is_some() {
            return if action == Action::Enter {
                self.advance(cx)
            } else {
                Nav::Stay
            };
        }
        let rows = self.rows();
        if !matches!(action, Action::Skip | Action::Enter | Action::ReadAloud) {
            // Choosing an answer takes back a chosen skip.
            self.skip = false;
        }
        match (&mut self.selection, action) {
            (_, Action::Back) => return Nav::Ask(Confirm::LeaveQuiz),
            (_, Action::ReadAloud) => {
                let text = self.spoken(cx.lang);
                cx.say_now(text);
                return Nav::Stay;
            }
            // Skipping is a choice like an answer: `-` chooses it, Enter confirms it.
            (_, Action::Skip) => {
                self.skip = !self.skip;
                if self.skip {
                    self.message = Some(s.skip_chosen.to_string());
                }
                return Nav::Stay;
            }
            (_, Action::Enter) if self.skip => {
                self.skip = false;
                return self.answer(Response::Skipped, cx);
            }
            (_, Action::Enter) => {
                return match self.response() {
                    Some(r) => self.answer(r, cx),
                    None => {
                        self.message = Some(
                            if matches!(self.selection, Selection::Multiple { .. }) {
                                s.tick_first
                            } else {
                                s.choose_first
                            }
                            .to_string(),
                        );
                        Nav::Stay
                    }
                };
            }
            (Selection::Choice { cursor, chosen }, Action::Up) => {
                *cursor = (*cursor + rows - 1) % rows;
                *chosen = true;
            }
            (Selection::Choice { cursor, chosen }, Action::Down) => {
                *cursor = (*cursor + 1) % rows;
                *chosen = true;
            }
            (Selection::Choice { cursor, chosen }, Action::True) => (*cursor, *chosen) = (0, true),
            (Selection::Choice { cursor, chosen }, Action::False) => (*cursor, *chosen) = (1, true),
            (Selection::Choice { cursor, chosen }, Action::Pick(p)) => {
                if p < rows {
                    (*cursor, *chosen) = (p, true);
                } else {
                    self.message = Some(s.no_such_option.to_string());
                }
            }
            (Selection::Multiple { cursor, .. }, Action::Up) => {
                *cursor = (*cursor + rows - 1) % rows
            }
            (Selection::Multiple { cursor, .. }, Action::Down) => *cursor = (*cursor + 1) % rows,
            (Selection::Multiple { cursor, ticked }, Action::Space) => {
                if let Some(t) = ticked.get_mut(*cursor) {
                    *t = !*t;
                }
            }
            (Selection::Multiple { cursor, ticked }, Action::Pick(p)) => {
                if p < rows
                    && let Some(t) = ticked.get_mut(p)
                {
                    *cursor = p;
                    *t = !*t;
                } else {
                    self.message = Some(s.no_such_option.to_string());
                }
            }
            (
                Selection::Order {
                    cursor,
                    holding,
                    order,
                },
                Action::Up,
            ) => {
                if *holding && *cursor > 0 {
                    order.swap(*cursor, *cursor - 1);
                }
                *cursor = cursor.saturating_sub(1);
            }
            (
                Selection::Order {
                    cursor,
                    holding,
                    order,
                },
                Action::Down,
            ) if *cursor + 1 < rows => {
                if *holding {
                    order.swap(*cursor, *cursor + 1);
                }
                *cursor += 1;
            }
            (Selection::Order { holding, .. }, Action::Space) => *holding = !*holding,
            _ => {}
        }
        Nav::Stay
    }

    fn answer(&mut self, response: Response, cx: &mut Cx<'_, 'c>) -> Nav<'c> {
        match self.run.record(cx.records, self.position, response) {
            Ok(recorded) => {
                if !recorded.stored {
                    *cx.toast = Some(tr(cx.lang).answered_elsewhere.to_string());
                }
                if Feedback::for_quiz(self.run.quiz.purpose, self.phase) == Feedback::EachQuestion {
                    self.feedback = Some(recorded.right);
                    Nav::Stay
                } else {
                    self.advance(cx)
                }
            }
            Err(e) => {
                self.message = Some(e.message().get(cx.lang.code()).to_string());
                Nav::Stay
            }
        }
    }

    /// The question as it is read aloud: its number, the prompt and the options as shown.
    pub fn spoken(&self, lang: &Lang) -> String {
        let q = self.run.question(&self.shown);
        format!(
            "{} {}. {}",
            tr(lang).question_word,
            self.position + 1,
            spoken_question(q, &self.shown.options, lang)
        )
    }

    fn advance(&mut self, cx: &mut Cx<'_, 'c>) -> Nav<'c> {
        self.feedback = None;
        if let Some((p, shown)) = self.run.next().map(|(p, s)| (p, s.clone())) {
            let n = shown.options.len().max(2);
            self.position = p;
            self.shown = shown;
            self.selection = Selection::new(self.kind(), n);
            if self.hand_back.is_some() && *cx.auto_read {
                let text = self.spoken(cx.lang);
                cx.say_now(text);
            } else {
                cx.hush();
            }
            return Nav::Stay;
        }
        match self.run.finish(cx.records) {
            Ok(score) => match &self.hand_back {
                // After a post-test the participant sees his own score and what to practise,
                // on his turn only; after a pre-test, nothing.
                Some(name) => Nav::Replace(Screen::HandBack(super::hotseat::HandBackScreen {
                    name: name.clone(),
                    result: (self.phase == Phase::Post).then(|| super::hotseat::OwnResult {
                        score,
                        modules: self
                            .run
                            .by_module()
                            .into_iter()
                            .map(|(m, sc)| {
                                let title = cx
                                    .content
                                    .module(m)
                                    .map_or(m.to_string(), |md| md.title.get(cx.lang).to_string());
                                (title, sc)
                            })
                            .collect(),
                    }),
                })),
                None => Nav::Replace(Screen::Results(ResultsScreen::from_run(
                    &self.run, self.phase, cx,
                ))),
            },
            Err(e) => {
                self.message = Some(e.message().get(cx.lang.code()).to_string());
                Nav::Stay
            }
        }
    }

    fn phase_label(&self, view: &View) -> &'static str {
        view.s.phase(self.phase)
    }
}
