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
use pijat_app::{ClassDetails, ClassRecord, Profile};
use pijat_content::{Phase, Quiz, Routine};
use pijat_core::Role;
use pijat_core::strings::tr;
use pijat_engine::quiz::{Score, format_change_in};

mod draw;
mod form;
mod handle;
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
    pub class: ClassRecord,
    pub members: Vec<Member>,
    pub selected: usize,
    pub mode: Mode,
    pub message: Option<String>,
    /// When the roster and results were last read: they are read again every few seconds, so
    /// results saved by another window or the command line appear without reopening.
    pub loaded: std::time::Instant,
}

/// How often the class screen reads the results again.
/// The class's cadres who could visit `id` (every cadre on the roster but him).
fn cadres_for<'m>(members: &'m [Member], id: &str) -> Vec<&'m Profile> {
    members
        .iter()
        .map(|m| &m.profile)
        .filter(|p| p.role == Role::Cadre && p.id != id)
        .collect()
}

pub const RELOAD_EVERY: std::time::Duration = std::time::Duration::from_secs(3);

impl ClassScreen {
    pub fn load(class: ClassRecord, cx: &Cx) -> Self {
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

    /// The participant the cursor is on; `None` while the roster is empty.
    fn current(&self) -> Option<&Member> {
        self.members.get(self.selected)
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
}
