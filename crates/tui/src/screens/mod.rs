//! One file per screen: its state, how it handles actions, and how it is drawn.

pub mod class_view;
pub mod forms;
pub mod grid;
pub mod history;
pub mod home;
pub mod hotseat;
pub mod lesson;
pub mod member;
pub mod modules;
pub mod observe;
pub mod phones;
pub mod pin;
pub mod practice;
pub mod profiles;
pub mod projector;
pub mod quiz;
pub mod quiz_list;
pub mod report;
pub mod results;
pub mod review;
pub mod trainer;
pub mod transfer;
pub mod visit;

use std::time::Instant;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::app::{Cx, Nav};
use super::keys::{Action, Context};
use super::view::View;

/// A screen that is only read: Enter or Esc leaves, the arrows and pages scroll.
pub fn read_only<'c>(
    action: Action,
    scroll: &mut usize,
    limit: &super::view::ScrollLimit,
) -> Nav<'c> {
    if matches!(action, Action::Enter | Action::Back) {
        return Nav::Pop;
    }
    if let Some(to) = limit.after(*scroll, action, 10) {
        *scroll = to;
    }
    Nav::Stay
}

/// A screen that is one form: typing, Tab between fields, Enter saves, Esc cancels.
pub trait FormScreen {
    fn context(&self) -> Context {
        Context::Form
    }
}

pub enum Screen<'c> {
    Profiles(profiles::ProfilesScreen),
    Home(home::HomeScreen),
    Modules(modules::ModulesScreen),
    Lesson(lesson::LessonScreen<'c>),
    Practice(Box<practice::PracticeScreen<'c>>),
    Quiz(Box<quiz::QuizScreen<'c>>),
    Results(results::ResultsScreen<'c>),
    QuizList(quiz_list::QuizListScreen),
    History(history::HistoryScreen),
    Pin(pin::PinScreen),
    Trainer(trainer::TrainerScreen),
    ClassForm(class_view::ClassFormScreen),
    Class(Box<class_view::ClassScreen>),
    HotSeat(Box<hotseat::HotSeatScreen<'c>>),
    HandBack(hotseat::HandBackScreen),
    Grid(Box<grid::GridScreen<'c>>),
    Report(Box<report::ReportScreen<'c>>),
    Transfer(transfer::TransferScreen),
    Observe(Box<observe::ObserveScreen<'c>>),
    Visit(Box<visit::VisitScreen>),
    Member(Box<member::MemberScreen>),
    Projector(Box<projector::ProjectorScreen<'c>>),
    Review(Box<review::ReviewScreen<'c>>),
    Phones(Box<phones::PhonesScreen>),
    Forms(Box<forms::FormsScreen>),
}

macro_rules! each {
    ($self:expr, $s:ident => $e:expr) => {
        match $self {
            Screen::Profiles($s) => $e,
            Screen::Home($s) => $e,
            Screen::Modules($s) => $e,
            Screen::Lesson($s) => $e,
            Screen::Practice($s) => $e,
            Screen::Quiz($s) => $e,
            Screen::Results($s) => $e,
            Screen::QuizList($s) => $e,
            Screen::History($s) => $e,
            Screen::Pin($s) => $e,
            Screen::Trainer($s) => $e,
            Screen::ClassForm($s) => $e,
            Screen::Class($s) => $e,
            Screen::HotSeat($s) => $e,
            Screen::HandBack($s) => $e,
            Screen::Grid($s) => $e,
            Screen::Report($s) => $e,
            Screen::Transfer($s) => $e,
            Screen::Observe($s) => $e,
            Screen::Visit($s) => $e,
            Screen::Member($s) => $e,
            Screen::Projector($s) => $e,
            Screen::Review($s) => $e,
            Screen::Phones($s) => $e,
            Screen::Forms($s) => $e,
        }
    };
}

impl<'c> Screen<'c> {
    pub fn context(&self) -> Context {
        each!(self, s => s.context())
    }

    pub fn handle(&mut self, action: Action, cx: &mut Cx<'_, 'c>) -> Nav<'c> {
        each!(self, s => s.handle(action, cx))
    }

    pub fn render(&self, area: Rect, buf: &mut Buffer, view: &View) {
        each!(self, s => s.render(area, buf, view))
    }

    /// Time passed (only screens with a clock care).
    pub fn tick(&mut self, cx: &mut Cx<'_, 'c>) {
        match self {
            Screen::Practice(p) => p.tick(cx),
            Screen::Phones(p) => p.tick(cx.now),
            Screen::Forms(f) => f.tick(cx.now),
            Screen::Class(c) => c.tick(cx),
            _ => {}
        }
    }

    /// Back on top after another screen: reload what may have changed.
    pub fn refresh(&mut self, cx: &mut Cx<'_, 'c>) {
        match self {
            Screen::Home(s) => s.refresh(cx),
            Screen::Modules(s) => s.refresh(cx),
            Screen::QuizList(s) => s.refresh(cx),
            Screen::Trainer(s) => s.refresh(cx),
            Screen::Class(s) => s.refresh(cx),
            Screen::HotSeat(s) => s.refresh(cx),
            _ => {}
        }
    }

    pub fn next_wake(&self, now: Instant) -> Option<Instant> {
        match self {
            Screen::Practice(p) => p.next_wake(now),
            Screen::Observe(o) => o.next_wake(now),
            Screen::Phones(p) => p.next_wake(),
            Screen::Forms(f) => f.next_wake(),
            Screen::Class(c) => c.next_wake(),
            _ => None,
        }
    }

    /// Inside a quiz or a practice, `q` asks first.
    pub fn asks_before_leaving(&self) -> bool {
        match self {
            Screen::Practice(p) => p.is_running(),
            Screen::Quiz(_) => true,
            // Quitting would end the test on every phone.
            Screen::Phones(_) => true,
            // Quitting would stop the form server while a cadre may be sending.
            Screen::Forms(_) => true,
            _ => false,
        }
    }

    /// The window became too small to show this screen: a running practice pauses.
    pub fn window_too_small(&mut self, cx: &mut Cx<'_, 'c>) {
        if let Screen::Practice(p) = self {
            p.pause_for_window(cx);
        }
    }

    /// Leaving a practice or quiz after the trainee said yes: save what is open.
    pub fn abandon(&mut self, cx: &mut Cx<'_, 'c>) {
        if let Screen::Practice(p) = self {
            p.save_times(cx);
        }
    }
}
