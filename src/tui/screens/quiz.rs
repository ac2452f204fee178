//! One question at a time, with the interaction of its type; each answer saved when confirmed.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Gauge, Paragraph, Widget, Wrap};

use super::Screen;
use super::results::ResultsScreen;
use crate::app::{QuizRun, Start, StartArgs};
use crate::content::{Lang, Phase, QuestionKind, Quiz};
use crate::core::strings::tr;
use crate::engine::quiz::{Feedback, Response, Shown, answer_text};
use crate::tui::app::{Confirm, Cx, Nav};
use crate::tui::keys::{Action, Context};
use crate::tui::view::{View, panel};
use crate::tui::widgets::prose;

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
        mode: "app",
        content_version: &cx.content.version,
        seed: cx.seed.unwrap_or_else(rand::random),
    };
    match QuizRun::start(cx.records, quiz, &args) {
        Ok(Start::Fresh(run)) => QuizScreen::begin(run, phase)
            .map_or(Nav::Stay, |q| Nav::Push(Screen::Quiz(Box::new(q)))),
        Ok(Start::Resumed(run)) => {
            *cx.toast = Some(match &run.change {
                Some(c) => c.message().get(cx.lang.code()).to_string(),
                None => s
                    .resumed
                    .replace("{n}", &run.answered().to_string())
                    .replace("{m}", &run.total().to_string()),
            });
            QuizScreen::begin(run, phase)
                .map_or(Nav::Stay, |q| Nav::Push(Screen::Quiz(Box::new(q))))
        }
        Ok(Start::AlreadyTaken(a)) => {
            let pct = crate::app::progress::score_of(&a)
                .map_or(String::new(), |sc| sc.display_in(cx.lang));
            *cx.toast = Some(s.already_taken.replace("{p}", &pct));
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
            (Selection::Choice { cursor, .. }, _) => Some(Response::Single(opts[*cursor])),
            (Selection::Multiple { ticked, .. }, _) => {
                let mut v: Vec<usize> = ticked
                    .iter()
                    .enumerate()
                    .filter(|(_, t)| **t)
                    .map(|(i, _)| opts[i])
                    .collect();
                v.sort_unstable();
                (!v.is_empty()).then_some(Response::Multiple(v))
            }
            (Selection::Order { order, .. }, _) => {
                Some(Response::Order(order.iter().map(|p| opts[*p]).collect()))
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
                ticked[*cursor] = !ticked[*cursor]
            }
            (Selection::Multiple { cursor, ticked }, Action::Pick(p)) => {
                if p < rows {
                    *cursor = p;
                    ticked[p] = !ticked[p];
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
        match self.phase {
            Phase::Pre => view.s.item_pretest,
            Phase::Post => view.s.item_posttest,
            Phase::Practice => view.s.practice_quiz,
        }
    }

    pub fn render(&self, area: Rect, buf: &mut Buffer, view: &View) {
        let th = view.theme;
        let s = view.s;
        let q = self.run.question(&self.shown);
        let title = match &self.hand_back {
            Some(name) => format!("{} · {name}", self.phase_label(view)),
            None => format!(
                "{} · {}",
                self.phase_label(view),
                self.run.quiz.title.get(view.lang)
            ),
        };
        let block = panel(&title, th);
        let inner = block.inner(area);
        block.render(area, buf);
        let done = self.run.answered();
        let total = self.run.total();
        let [progress, body, msg] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Min(3),
            Constraint::Length(1),
        ])
        .areas(inner);
        Gauge::default()
            .ratio(done as f64 / total.max(1) as f64)
            .label(format!("{}/{}", self.position + 1, total))
            .gauge_style(th.gauge)
            .use_unicode(true)
            .render(progress, buf);
        let w = body.width as usize;
        let mut lines = vec![Line::default()];
        lines.extend(prose::wrap(q.prompt.get(view.lang), w, th.title));
        lines.push(Line::default());
        let options = q.kind.options();
        match (&q.kind, &self.selection) {
            (QuestionKind::TrueFalse { .. }, Selection::Choice { cursor, chosen }) => {
                let labels = [("b", s.true_word), ("s", s.false_word)];
                let labels_en = [("t", s.true_word), ("f", s.false_word)];
                for (i, (k, word)) in (if view.lang.is_en() { labels_en } else { labels })
                    .iter()
                    .enumerate()
                {
                    lines.push(option_line(
                        *chosen && i == *cursor,
                        &format!("{k}) {word}"),
                        view,
                    ));
                }
            }
            (_, Selection::Choice { cursor, chosen }) => {
                for (place, &file) in self.shown.options.iter().enumerate() {
                    let label = format!("{}) {}", letter(place), options[file].get(view.lang));
                    lines.extend(wrapped_option(
                        *chosen && place == *cursor,
                        false,
                        &label,
                        w,
                        view,
                    ));
                }
            }
            (_, Selection::Multiple { cursor, ticked }) => {
                for (place, &file) in self.shown.options.iter().enumerate() {
                    let mark = if ticked[place] { "[✓]" } else { "[ ]" };
                    let label =
                        format!("{mark} {}) {}", letter(place), options[file].get(view.lang));
                    lines.extend(wrapped_option(
                        place == *cursor,
                        ticked[place],
                        &label,
                        w,
                        view,
                    ));
                }
                lines.push(Line::from(Span::styled(s.tick_all_that_apply, th.dim)));
            }
            (
                _,
                Selection::Order {
                    order,
                    cursor,
                    holding,
                },
            ) => {
                for (row, &place) in order.iter().enumerate() {
                    let file = self.shown.options[place];
                    let grip = if *holding && row == *cursor {
                        "⇕"
                    } else {
                        " "
                    };
                    let label = format!("{grip}{}. {}", row + 1, options[file].get(view.lang));
                    lines.extend(wrapped_option(
                        row == *cursor,
                        *holding && row == *cursor,
                        &label,
                        w,
                        view,
                    ));
                }
                lines.push(Line::from(Span::styled(
                    if *holding {
                        s.order_holding
                    } else {
                        s.order_hint
                    },
                    th.dim,
                )));
            }
        }
        if let Some(right) = self.feedback {
            lines.push(Line::default());
            if right {
                lines.push(Line::from(Span::styled(
                    format!("✓ {}", s.right),
                    th.correct,
                )));
            } else {
                lines.push(Line::from(Span::styled(
                    format!("✗ {}", s.not_right),
                    th.wrong,
                )));
                lines.extend(prose::wrap(
                    &format!("{} {}", s.right_answer, answer_text(q, view.lang)),
                    w,
                    th.text,
                ));
            }
            if let Some(e) = &q.explain {
                lines.extend(prose::wrap(e.get(view.lang), w, th.dim));
            }
        }
        // Keep the part that matters in view: the feedback, else the options.
        let overflow = lines.len().saturating_sub(body.height as usize);
        Paragraph::new(lines.into_iter().skip(overflow).collect::<Vec<_>>()).render(body, buf);
        if let Some(m) = &self.message {
            Paragraph::new(format!("! {m}"))
                .style(th.warning)
                .wrap(Wrap { trim: true })
                .render(msg, buf);
        }
    }
}

fn letter(place: usize) -> char {
    (b'a' + place as u8) as char
}

/// A true/false row; nothing is marked until the trainee chooses.
fn option_line(chosen: bool, label: &str, view: &View) -> Line<'static> {
    let lead = if chosen { "▸ " } else { "  " };
    let style = if chosen {
        view.theme.selected
    } else {
        view.theme.text
    };
    Line::styled(format!("{lead}{label}"), style)
}

fn wrapped_option(
    cursor: bool,
    chosen: bool,
    label: &str,
    w: usize,
    view: &View,
) -> Vec<Line<'static>> {
    let lead = if cursor { "▸ " } else { "  " };
    let style = if cursor {
        view.theme.selected
    } else if chosen {
        view.theme.accent
    } else {
        view.theme.text
    };
    let opts = textwrap::Options::new(w.max(10))
        .initial_indent(lead)
        .subsequent_indent("     ");
    textwrap::wrap(label, opts)
        .into_iter()
        .map(|l| Line::styled(l.into_owned(), style))
        .collect()
}

/// A question as it is read aloud: the prompt, then the options in the order shown (letters for
/// choices, numbers for an order question), or "true or false" for a statement.
pub fn spoken_question(q: &crate::content::Question, shown: &[usize], lang: &Lang) -> String {
    let s = tr(lang);
    let mut out = q.prompt.get(lang).trim().to_string();
    if !out.ends_with(['.', '?', '!']) {
        out.push('.');
    }
    match &q.kind {
        QuestionKind::TrueFalse { .. } => {
            out.push(' ');
            out.push_str(s.say_true_or_false);
        }
        QuestionKind::Single { options, .. } | QuestionKind::Multiple { options, .. } => {
            for (place, &file) in shown.iter().enumerate() {
                if let Some(o) = options.get(file) {
                    out.push_str(&format!(" {}: {}.", letter(place), o.get(lang)));
                }
            }
        }
        QuestionKind::Order { items } => {
            for (place, &file) in shown.iter().enumerate() {
                if let Some(o) = items.get(file) {
                    out.push_str(&format!(" {}: {}.", place + 1, o.get(lang)));
                }
            }
        }
    }
    out
}
