//! A group test on one laptop: the roster in turn, "next: Budi Santoso", each participant
//! alone at the keyboard. Between turns no score is shown; the trainer sees who is done, can
//! skip someone absent and come back to them. Leaving asks for the PIN.

use std::collections::BTreeSet;

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::Screen;
use super::pin::{PinScreen, Purpose};
use super::quiz::QuizScreen;
use crate::app::{Cx, Nav};
use crate::keys::{Action, Context};
use crate::view::{View, framed, row, scroll_for};
use pijat_app::{ClassRecord, Profile};
use pijat_app::{QuizRun, Start, StartArgs};
use pijat_content::{Phase, Quiz};
use pijat_core::strings::tr;

pub struct HotSeatScreen<'c> {
    pub class: ClassRecord,
    pub quiz: &'c Quiz,
    pub phase: Phase,
    pub members: Vec<Profile>,
    pub done: BTreeSet<String>,
    /// Participants who left their test unfinished: (answered, questions), by profile id.
    pub open: std::collections::BTreeMap<String, (u32, u32)>,
    /// Skipped participants, in the order they were skipped: they come after the others.
    pub skipped: Vec<String>,
    pub selected: usize,
    /// The trainer asked to skip this participant for now: y confirms.
    pub confirm_skip: Option<String>,
}

impl<'c> HotSeatScreen<'c> {
    pub fn load(class: ClassRecord, quiz: &'c Quiz, phase: Phase, cx: &Cx) -> Self {
        let mut s = HotSeatScreen {
            class,
            quiz,
            phase,
            members: Vec::new(),
            done: BTreeSet::new(),
            open: Default::default(),
            skipped: Vec::new(),
            selected: 0,
            confirm_skip: None,
        };
        s.reload(cx);
        s
    }

    fn reload(&mut self, cx: &Cx) {
        self.members = cx.records.members(&self.class.id).unwrap_or_default();
        self.done.clear();
        self.open.clear();
        // Done, or left at 4/10: one look at each member's attempts.
        for m in &self.members {
            let attempts = cx
                .records
                .attempts_at(&m.id, &self.quiz.id, self.phase)
                .unwrap_or_default();
            if attempts.iter().any(|a| a.is_finished()) {
                self.done.insert(m.id.clone());
            } else if let Some(a) = attempts.first() {
                self.open
                    .insert(m.id.clone(), (a.answered, a.question_count));
            }
        }
        self.selected = 0;
    }

    pub fn refresh(&mut self, cx: &mut Cx) {
        self.reload(cx);
    }

    /// The roster in turn order: waiting, then skipped, then done.
    pub fn order(&self) -> Vec<&Profile> {
        let waiting = self
            .members
            .iter()
            .filter(|m| !self.done.contains(&m.id) && !self.skipped.contains(&m.id));
        let skipped = self
            .skipped
            .iter()
            .filter_map(|id| self.members.iter().find(|m| &m.id == id))
            .filter(|m| !self.done.contains(&m.id));
        let done = self.members.iter().filter(|m| self.done.contains(&m.id));
        waiting.chain(skipped).chain(done).collect()
    }

    pub fn context(&self) -> Context {
        if self.confirm_skip.is_some() {
            Context::Confirm
        } else if !self.members.is_empty() && self.done.len() == self.members.len() {
            Context::HotSeatDone
        } else {
            Context::HotSeat
        }
    }

    pub fn handle(&mut self, action: Action, cx: &mut Cx<'_, 'c>) -> Nav<'c> {
        let order: Vec<Profile> = self.order().into_iter().cloned().collect();
        let n = order.len();
        if let Some(id) = self.confirm_skip.take() {
            if action == Action::Yes && !self.done.contains(&id) {
                self.skipped.retain(|s| *s != id);
                self.skipped.push(id);
                self.selected = 0;
            }
            return Nav::Stay;
        }
        match action {
            Action::Up if n > 0 => self.selected = (self.selected + n - 1) % n,
            Action::Down if n > 0 => self.selected = (self.selected + 1) % n,
            Action::Back => {
                return Nav::Push(Screen::Pin(PinScreen::new(Purpose::LeaveGroupTest, cx)));
            }
            Action::AutoRead => {
                cx.toggle_auto_read();
            }
            // Skipping someone is the trainer's: a key a father does not press by reflex, asked.
            Action::Remove => {
                if let Some(who) = order.get(self.selected)
                    && !self.done.contains(&who.id)
                {
                    self.confirm_skip = Some(who.id.clone());
                }
            }
            Action::Enter => {
                let Some(who) = order.get(self.selected) else {
                    return Nav::Stay;
                };
                if self.done.contains(&who.id) {
                    *cx.toast = Some(pijat_core::fill!(
                        app,
                        tr(cx.lang),
                        already_done_turn,
                        n = who.name
                    ));
                    return Nav::Stay;
                }
                let args = StartArgs {
                    profile: who,
                    class_id: Some(&self.class.id),
                    phase: self.phase,
                    no_shuffle: false,
                    mode: pijat_core::Mode::App,
                    content_version: &cx.content.version,
                    seed: cx.seed.unwrap_or_else(rand::random),
                };
                self.skipped.retain(|s| *s != who.id);
                return match QuizRun::start(cx.records, self.quiz, &args) {
                    Ok(Start::Fresh(run) | Start::Resumed(run)) => {
                        match QuizScreen::begin(run, self.phase) {
                            Some(mut q) => {
                                q.hand_back = Some(who.name.clone());
                                if *cx.auto_read {
                                    cx.say_now(q.spoken(cx.lang));
                                }
                                Nav::Push(Screen::Quiz(Box::new(q)))
                            }
                            None => Nav::Stay,
                        }
                    }
                    Ok(Start::AlreadyTaken(_)) => {
                        self.done.insert(who.id.clone());
                        Nav::Stay
                    }
                    Err(e) => {
                        *cx.toast = Some(e.message().get(cx.lang.code()).to_string());
                        Nav::Stay
                    }
                };
            }
            _ => {}
        }
        Nav::Stay
    }

    pub fn render(&self, area: Rect, buf: &mut Buffer, view: &View) {
        let th = view.theme;
        let s = view.s;
        let label = s.phase(self.phase);
        let title = format!("{} · {label}", self.class.name);
        let inner = framed(&title, area, buf, th);
        let order = self.order();
        let head = match order.get(self.selected) {
            Some(p) if self.confirm_skip.as_deref() == Some(p.id.as_str()) => {
                vec![Line::from(Span::styled(
                    pijat_core::fill!(app, s, confirm_skip_turn, n = p.name),
                    th.warning,
                ))]
            }
            Some(p) if !self.done.contains(&p.id) => vec![
                Line::from(vec![
                    Span::styled(format!("{} ", s.next_turn), th.title),
                    Span::styled(p.name.clone(), th.countdown),
                ]),
                Line::from(Span::styled(
                    pijat_core::fill!(app, s, hand_over, n = p.name),
                    th.text,
                )),
            ],
            _ if self.done.len() == self.members.len() => {
                vec![Line::from(Span::styled(s.everyone_done, th.correct))]
            }
            _ => vec![Line::from(Span::styled(s.choose_participant, th.dim))],
        };
        // As tall as its wrapped text, and a blank line: nothing of it is cut on a small screen.
        let width = usize::from(inner.width.max(1));
        let tall: usize = head
            .iter()
            .map(|l| textwrap::wrap(&l.to_string(), width).len().max(1))
            .sum();
        let [next, list] =
            Layout::vertical([Constraint::Length(tall as u16 + 1), Constraint::Min(1)])
                .areas(inner);
        Paragraph::new(head)
            .wrap(Wrap { trim: true })
            .render(next, buf);
        let lines: Vec<Line> = order
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let (mark, status) = if self.done.contains(&p.id) {
                    (Span::styled("✓ ", th.correct), s.turn_done.to_string())
                } else if self.skipped.contains(&p.id) {
                    (Span::styled("» ", th.warning), s.turn_skipped.to_string())
                } else if let Some((n, m)) = self.open.get(&p.id) {
                    // Left at 4/10: his turn goes on where it stopped.
                    let left = pijat_core::fill!(app, s, in_progress, n = n, m = m);
                    (Span::styled("… ", th.warning), left)
                } else {
                    (Span::styled("· ", th.dim), s.turn_waiting.to_string())
                };
                // Names and done marks only: no one's score is shown here.
                row(
                    i == self.selected,
                    vec![
                        mark,
                        Span::raw(p.name.clone()),
                        Span::styled(format!("  {status}"), th.dim),
                    ],
                    th,
                )
            })
            .collect();
        let skip = scroll_for(self.selected, list.height as usize);
        Paragraph::new(lines.into_iter().skip(skip).collect::<Vec<_>>()).render(list, buf);
    }
}

/// A participant's own post-test result, shown to him alone at the end of his turn.
pub struct OwnResult {
    pub score: pijat_engine::quiz::Score,
    /// Each module's title and score, to see what to practise.
    pub modules: Vec<(String, pijat_engine::quiz::Score)>,
}

/// After a participant's last answer: thanks, and hand the laptop back. After a pre-test no
/// score; after a post-test his own score and what to practise (never the key).
pub struct HandBackScreen {
    pub name: String,
    pub result: Option<OwnResult>,
}

impl HandBackScreen {
    pub fn context(&self) -> Context {
        Context::HandBack
    }

    pub fn handle<'c>(&mut self, action: Action, _cx: &mut Cx<'_, 'c>) -> Nav<'c> {
        if action == Action::Enter {
            Nav::Pop
        } else {
            Nav::Stay
        }
    }

    pub fn render(&self, area: Rect, buf: &mut Buffer, view: &View) {
        let th = view.theme;
        let s = view.s;
        let inner = framed(s.thank_you_title, area, buf, th);
        let mut lines = vec![
            Line::default(),
            Line::from(Span::styled(
                pijat_core::fill!(app, s, thank_you, n = self.name),
                th.countdown,
            )),
            Line::default(),
            Line::from(s.answers_saved),
        ];
        if let Some(r) = &self.result {
            lines.push(Line::default());
            lines.push(Line::from(Span::styled(
                format!(
                    "{} {}/{} ({}%)",
                    s.your_score,
                    r.score.right,
                    r.score.total,
                    pijat_engine::quiz::format_percent_in(r.score.percent(), view.lang)
                ),
                th.title,
            )));
            let weak: Vec<&str> = r
                .modules
                .iter()
                .filter(|(_, sc)| sc.right < sc.total)
                .map(|(m, _)| m.as_str())
                .collect();
            if !weak.is_empty() {
                lines.push(Line::from(format!(
                    "{} {}",
                    s.practise_more,
                    weak.join(", ")
                )));
            }
        }
        lines.push(Line::default());
        lines.push(Line::from(s.give_back_laptop));
        Paragraph::new(lines)
            .centered()
            .wrap(Wrap { trim: true })
            .render(inner, buf);
    }
}
