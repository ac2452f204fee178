//! One class, for its trainer: the roster with each participant's pre-test and post-test, who
//! still has to take what; adding, renaming and removing participants; starting a group test or
//! typing in paper sheets. Also the class details form.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::Screen;
use super::grid::GridScreen;
use super::hotseat::HotSeatScreen;
use super::member::MemberScreen;
use super::observe::ObserveScreen;
use super::phones::PhonesScreen;
use super::projector::ProjectorScreen;
use super::visit::VisitScreen;
use crate::app::{Cx, Nav};
use crate::keys::{Action, Context};
use crate::view::{View, row, scroll_for};
use crate::widgets::form::{Field, Form, Outcome};
use pijat_app::progress::{Participant, participant};
use pijat_app::{ClassDetails, ClassRow, Profile};
use pijat_content::{Phase, Quiz, Routine};
use pijat_core::Role;
use pijat_core::strings::tr;
use pijat_engine::quiz::{Score, format_change_in};

mod draw;
mod form;
pub use form::*;

mod phones;

/// A participant, their tests and where their monitoring stands.
pub struct Member {
    pub profile: Profile,
    pub pre: Option<Score>,
    pub post: Option<Score>,
    /// The latest observation's verdict; `None` when never observed.
    pub competent: Option<bool>,
    pub needs_visit: bool,
    /// Observed at least once: before that no visit is due, and none is shown as done.
    pub observed: bool,
}

pub enum Mode {
    View,
    /// Adding (no profile) or renaming a participant.
    Participant {
        form: Box<Form>,
        editing: Option<Profile>,
    },
    ConfirmRemove,
    /// The trainer clears the selected participant's forgotten personal code.
    ConfirmClearCode,
    /// Answers and explanations asked for while some have not taken the post-test yet.
    ConfirmReview {
        missing: usize,
    },
    /// Which test, for a group test or for typing sheets.
    ChoosePhase {
        purpose: Purpose,
        selected: usize,
    },
    /// Which routine to observe, when the content has more than one.
    ChooseRoutine {
        selected: usize,
    },
    /// Which pre/post set for the phones, when the content has more than one.
    ChooseSet {
        phase: Phase,
        selected: usize,
    },
}

/// What the chosen test is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    GroupTest,
    Sheets,
    /// Shown on a projector for a test on paper.
    Project,
    /// Answered on the participants' phones.
    Phones,
}

pub struct ClassScreen {
    pub class: ClassRow,
    pub members: Vec<Member>,
    pub selected: usize,
    pub mode: Mode,
    pub message: Option<String>,
    /// When the roster and results were last read: they are read again every few seconds, so
    /// results saved by another window or the command line appear without reopening.
    pub loaded: std::time::Instant,
}

/// How often the class screen reads the results again.
pub const RELOAD_EVERY: std::time::Duration = std::time::Duration::from_secs(3);

impl ClassScreen {
    pub fn load(class: ClassRow, cx: &Cx) -> Self {
        let mut s = ClassScreen {
            class,
            members: Vec::new(),
            selected: 0,
            mode: Mode::View,
            message: None,
            loaded: cx.now,
        };
        s.reload(cx);
        s
    }

    /// Reads the results again when they are older than [`RELOAD_EVERY`] (only while the
    /// trainer is looking at the class, not in a form).
    pub fn tick(&mut self, cx: &mut Cx) {
        if matches!(self.mode, Mode::View)
            && cx.now.saturating_duration_since(self.loaded) >= RELOAD_EVERY
        {
            self.reload(cx);
        }
    }

    pub fn next_wake(&self) -> Option<std::time::Instant> {
        matches!(self.mode, Mode::View).then_some(self.loaded + RELOAD_EVERY)
    }

    fn reload(&mut self, cx: &Cx) {
        self.loaded = cx.now;
        self.class = cx
            .records
            .class(&self.class.id)
            .ok()
            .flatten()
            .unwrap_or_else(|| self.class.clone());
        self.members = cx
            .records
            .members(&self.class.id)
            .unwrap_or_default()
            .into_iter()
            .map(|profile| {
                let Participant {
                    result,
                    monitoring: m,
                } = participant(cx.records, cx.content, &profile.id);
                Member {
                    profile,
                    pre: result.pre,
                    post: result.post,
                    competent: m.latest().map(|o| o.verdict.competent),
                    needs_visit: m.needs_visit(),
                    observed: m.latest().is_some(),
                }
            })
            .collect();
        self.selected = self.selected.min(self.members.len().saturating_sub(1));
    }

    pub fn refresh(&mut self, cx: &mut Cx) {
        self.reload(cx);
    }

    pub fn context(&self) -> Context {
        match self.mode {
            Mode::View => Context::ClassView,
            Mode::Participant { .. } => Context::Form,
            Mode::ConfirmRemove | Mode::ConfirmClearCode | Mode::ConfirmReview { .. } => {
                Context::Confirm
            }
            Mode::ChoosePhase { .. } | Mode::ChooseRoutine { .. } | Mode::ChooseSet { .. } => {
                Context::List
            }
        }
    }

    pub fn handle<'c>(&mut self, action: Action, cx: &mut Cx<'_, 'c>) -> Nav<'c> {
        let s = tr(cx.lang);
        self.message = None;
        let n = self.members.len();
        match &mut self.mode {
            Mode::View => match action {
                Action::Up if n > 0 => self.selected = (self.selected + n - 1) % n,
                Action::Down if n > 0 => self.selected = (self.selected + 1) % n,
                Action::Back => return Nav::Pop,
                Action::Add => {
                    self.mode = Mode::Participant {
                        form: Box::new(participant_form(None)),
                        editing: None,
                    }
                }
                Action::Rename if n > 0 => {
                    let p = self.members[self.selected].profile.clone();
                    self.mode = Mode::Participant {
                        form: Box::new(participant_form(Some(&p))),
                        editing: Some(p),
                    };
                }
                Action::Remove if n > 0 => self.mode = Mode::ConfirmRemove,
                Action::ClearCode if n > 0 => self.mode = Mode::ConfirmClearCode,
                Action::Review => {
                    // The key must not reach someone who still has the post-test to take.
                    let missing = self.members.iter().filter(|m| m.post.is_none()).count();
                    if missing > 0 {
                        self.mode = Mode::ConfirmReview { missing };
                    } else if let Some(quiz) = cx.content.prepost_quiz() {
                        return Nav::Push(Screen::Review(Box::new(
                            super::review::ReviewScreen::new(quiz),
                        )));
                    }
                }
                Action::Edit => {
                    return Nav::Push(Screen::ClassForm(ClassFormScreen {
                        id: Some(self.class.id.clone()),
                        form: details_form(Some(&self.class)),
                    }));
                }
                Action::Project => {
                    self.mode = Mode::ChoosePhase {
                        purpose: Purpose::Project,
                        selected: 0,
                    }
                }
                Action::GroupTest | Action::TypeSheets if n == 0 => {
                    self.message = Some(s.roster_empty.to_string())
                }
                Action::Phones => {
                    self.mode = Mode::ChoosePhase {
                        purpose: Purpose::Phones,
                        selected: 0,
                    }
                }
                Action::GroupTest => {
                    self.mode = Mode::ChoosePhase {
                        purpose: Purpose::GroupTest,
                        selected: 0,
                    }
                }
                Action::Stats => {
                    if let Some(quiz) = cx.content.prepost_quiz() {
                        let report =
                            super::report::ReportScreen::load(self.class.clone(), quiz, cx);
                        return Nav::Push(Screen::Report(Box::new(report)));
                    }
                }
                Action::TypeSheets => {
                    self.mode = Mode::ChoosePhase {
                        purpose: Purpose::Sheets,
                        selected: 0,
                    }
                }
                Action::Observe | Action::Visit | Action::Enter if n == 0 => {
                    self.message = Some(s.roster_empty.to_string())
                }
                Action::Observe if cx.content.routines().count() > 1 => {
                    self.mode = Mode::ChooseRoutine { selected: 0 }
                }
                Action::Observe => {
                    if let Some(r) = cx.content.routines().next() {
                        return self.observe(r, cx);
                    }
                }
                Action::Visit => {
                    let p = self.members[self.selected].profile.clone();
                    return Nav::Push(Screen::Visit(Box::new(VisitScreen::new(
                        p,
                        Some(self.class.id.clone()),
                    ))));
                }
                Action::Enter => {
                    let p = self.members[self.selected].profile.clone();
                    return Nav::Push(Screen::Member(Box::new(MemberScreen::load(p, cx))));
                }
                _ => {}
            },
            Mode::ChooseSet { phase, selected } => {
                let k = super::phones::prepost_sets(cx.content).len().max(1);
                match action {
                    Action::Up => *selected = (*selected + k - 1) % k,
                    Action::Down => *selected = (*selected + 1) % k,
                    Action::Back => self.mode = Mode::View,
                    Action::Enter => {
                        let (phase, i) = (*phase, *selected);
                        self.mode = Mode::View;
                        if let Some(quiz) = super::phones::prepost_sets(cx.content).get(i) {
                            return self.phones(quiz, phase, cx);
                        }
                    }
                    _ => {}
                }
            }
            Mode::ChooseRoutine { selected } => {
                let k = cx.content.routines().count().max(1);
                match action {
                    Action::Up => *selected = (*selected + k - 1) % k,
                    Action::Down => *selected = (*selected + 1) % k,
                    Action::Back => self.mode = Mode::View,
                    Action::Enter => {
                        let i = *selected;
                        self.mode = Mode::View;
                        if let Some(r) = cx.content.routines().nth(i) {
                            return self.observe(r, cx);
                        }
                    }
                    _ => {}
                }
            }
            Mode::Participant { form, editing } => match form.handle(action) {
                Outcome::Editing => {}
                Outcome::Cancel => self.mode = Mode::View,
                Outcome::Submit => {
                    let name = form.value(0).to_string();
                    let role = Role::ALL[form.fields[1].choice];
                    let result = match editing {
                        Some(p) => cx
                            .records
                            .rename_profile(&p.id, &name)
                            .and_then(|p| cx.records.set_role(&p.id, role).map(|_| p)),
                        None => match cx.records.profile_by_name(&name) {
                            Ok(Some(existing)) => {
                                self.message =
                                    Some(s.existing_trainee_added.replace("{n}", &existing.name));
                                cx.records
                                    .add_member(&self.class.id, &existing.id)
                                    .map(|_| existing)
                            }
                            Ok(None) => cx.records.create_profile(&name, role).and_then(|p| {
                                cx.records.add_member(&self.class.id, &p.id).map(|_| p)
                            }),
                            Err(e) => Err(e),
                        },
                    };
                    match result {
                        Ok(p) => {
                            self.mode = Mode::View;
                            self.reload(cx);
                            self.selected = self
                                .members
                                .iter()
                                .position(|m| m.profile.id == p.id)
                                .unwrap_or(0);
                        }
                        Err(e) => form.error = Some(e.message().get(cx.lang.code()).to_string()),
                    }
                }
            },
            Mode::ConfirmClearCode => {
                if action == Action::Yes {
                    let p = &self.members[self.selected].profile;
                    self.message = Some(match cx.records.clear_code(&p.id) {
                        Ok(()) => s.code_cleared.replace("{n}", &p.name),
                        Err(e) => e.message().get(cx.lang.code()).to_string(),
                    });
                }
                self.mode = Mode::View;
            }
            Mode::ConfirmReview { .. } => {
                self.mode = Mode::View;
                if action == Action::Yes
                    && let Some(quiz) = cx.content.prepost_quiz()
                {
                    return Nav::Push(Screen::Review(Box::new(super::review::ReviewScreen::new(
                        quiz,
                    ))));
                }
            }
            Mode::ConfirmRemove => {
                if action == Action::Yes {
                    let id = self.members[self.selected].profile.id.clone();
                    if let Err(e) = cx.records.remove_member(&self.class.id, &id) {
                        self.message = Some(e.message().get(cx.lang.code()).to_string());
                    }
                    self.reload(cx);
                }
                self.mode = Mode::View;
            }
            Mode::ChoosePhase { purpose, selected } => match action {
                Action::Up | Action::Down => *selected = 1 - *selected,
                Action::Back => self.mode = Mode::View,
                Action::Enter => {
                    let phase = if *selected == 0 {
                        Phase::Pre
                    } else {
                        Phase::Post
                    };
                    let purpose = *purpose;
                    self.mode = Mode::View;
                    if purpose == Purpose::Phones {
                        return self.phones_set(phase, cx);
                    }
                    let Some(quiz) = cx.content.prepost_quiz() else {
                        return Nav::Stay;
                    };
                    let class = self.class.clone();
                    return Nav::Push(match purpose {
                        Purpose::Sheets => {
                            Screen::Grid(Box::new(GridScreen::load(class, quiz, phase, cx)))
                        }
                        Purpose::GroupTest => {
                            Screen::HotSeat(Box::new(HotSeatScreen::load(class, quiz, phase, cx)))
                        }
                        Purpose::Project => Screen::Projector(Box::new(ProjectorScreen::new(
                            class, quiz, phase, cx,
                        ))),
                        Purpose::Phones => return Nav::Stay,
                    });
                }
                _ => {}
            },
        }
        Nav::Stay
    }

    /// Observing the selected participant (going on with an unfinished observation).
    fn observe<'c>(&self, routine: &'c Routine, cx: &mut Cx<'_, 'c>) -> Nav<'c> {
        let p = self.members[self.selected].profile.clone();
        let observer = self.class.trainer.clone().unwrap_or_default();
        Nav::Push(Screen::Observe(Box::new(ObserveScreen::open(
            routine,
            p,
            Some(self.class.id.clone()),
            &observer,
            cx,
        ))))
    }
}
