//! Guided practice of a routine: the safety text first, then one step at a time with a large
//! countdown, a pacing cue and a bell at each step change; then a self-check and a summary.
//! Step times and ticks are saved as they happen.

use std::time::{Duration, Instant};

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Gauge, Paragraph, Widget, Wrap};

use super::Screen;
use crate::app::{Confirm, Cx, Effect, Nav};
use crate::keys::{Action, Context};
use crate::view::{View, render_scrolled, row, scroll_for};
use crate::widgets::countdown::{Countdown, PacingCircle, mmss};
use crate::widgets::figure::FigureView;
use crate::widgets::prose;
use pijat_content::Routine;
use pijat_core::strings::tr;
use pijat_engine::practice::{Event, Practice, State};

mod draw;

pub enum Stage {
    Choose { selected: usize },
    Safety { scroll: usize },
    Steps,
    SelfCheck { cursor: usize, marks: Vec<bool> },
    Summary { scroll: usize },
}

pub struct PracticeScreen<'c> {
    pub routines: Vec<&'c Routine>,
    pub routine: &'c Routine,
    pub stage: Stage,
    pub engine: Option<Practice>,
    pub run_id: Option<String>,
    /// Writes the step times as the run goes.
    recorder: Option<pijat_app::practice_run::Recorder>,
    /// Wall time spent per step at the end, for the summary.
    pub spent: Vec<Duration>,
    /// Where the current step's visit began, for the pacing animation.
    visit_started: Instant,
    /// The self-check as saved, for the summary.
    pub final_marks: Vec<bool>,
    /// The timed critical steps cut short (the engine's rule), as the summary says them.
    pub cut: Vec<usize>,
    /// How far the safety text or the summary scrolls, as last drawn.
    pub limit: crate::view::ScrollLimit,
}

/// Frames per second of the pacing circle while it moves.
const ANIMATION: Duration = Duration::from_millis(125);

impl<'c> PracticeScreen<'c> {
    pub fn open(cx: &mut Cx<'_, 'c>) -> Nav<'c> {
        let routines: Vec<&'c Routine> = cx.content.routines().collect();
        let Some(first) = routines.first().copied() else {
            *cx.toast = Some(tr(cx.lang).no_routine.to_string());
            return Nav::Stay;
        };
        let stage = if routines.len() > 1 {
            Stage::Choose { selected: 0 }
        } else {
            Stage::Safety { scroll: 0 }
        };
        Nav::Push(Screen::Practice(Box::new(PracticeScreen {
            routines,
            routine: first,
            stage,
            engine: None,
            run_id: None,
            recorder: None,
            spent: Vec::new(),
            visit_started: cx.now,
            final_marks: Vec::new(),
            cut: Vec::new(),
            limit: Default::default(),
        })))
    }

    pub fn is_running(&self) -> bool {
        matches!(self.stage, Stage::Steps | Stage::SelfCheck { .. })
    }

    pub fn context(&self) -> Context {
        match self.stage {
            Stage::Choose { .. } => Context::List,
            Stage::Safety { .. } => Context::Safety,
            Stage::Steps => Context::Step,
            Stage::SelfCheck { .. } => Context::SelfCheck,
            Stage::Summary { .. } => Context::Summary,
        }
    }

    fn begin(&mut self, cx: &mut Cx<'_, 'c>) {
        let seconds: Vec<Option<u32>> = self.routine.steps.iter().map(|s| s.seconds).collect();
        let engine = Practice::new(&seconds, cx.speed, cx.now);
        if let Some(p) = cx.profile {
            let steps: Vec<(&str, Option<u32>)> = self
                .routine
                .steps
                .iter()
                .map(|s| (s.id.as_str(), s.seconds))
                .collect();
            match cx.records.start_practice(
                &p.id,
                &self.routine.id,
                cx.speed,
                &cx.content.version,
                &steps,
            ) {
                Ok(id) => {
                    let ids = self.routine.steps.iter().map(|s| s.id.clone()).collect();
                    self.recorder = Some(pijat_app::practice_run::Recorder::new(
                        id.clone(),
                        ids,
                        cx.now,
                    ));
                    self.run_id = Some(id);
                }
                Err(e) => *cx.toast = Some(e.message().get(cx.lang.code()).to_string()),
            }
        }
        self.engine = Some(engine);
        self.visit_started = cx.now;
        self.stage = Stage::Steps;
        if *cx.bell {
            cx.effects.push(Effect::Bell);
        }
        self.say_step(0, cx);
    }

    /// The step's number, title and instruction, aloud.
    fn say_step(&self, i: usize, cx: &mut Cx) {
        if let Some(step) = self.routine.steps.get(i) {
            let text = format!(
                "{} {}. {}. {}",
                tr(cx.lang).say_step,
                i + 1,
                step.title.get(cx.lang),
                step.instruction.get(cx.lang)
            );
            cx.say(text);
        }
    }

    /// The window is too small to see the practice: a running step pauses (and its time is
    /// saved), and the trainee is told why when the window is big enough again.
    pub fn pause_for_window(&mut self, cx: &mut Cx) {
        let Some(engine) = self.engine.as_mut() else {
            return;
        };
        if !matches!(self.stage, Stage::Steps) || engine.state() != State::Running {
            return;
        }
        engine.pause(cx.now);
        cx.hush();
        self.save_times(cx);
        *cx.toast = Some(tr(cx.lang).paused_small_window.to_string());
    }

    /// Writes every step time that changed since the last save; a failure is shown.
    pub fn save_times(&mut self, cx: &mut Cx) {
        let Some(engine) = &self.engine else {
            return;
        };
        let spent = engine.spent(cx.now);
        if let Some(rec) = &mut self.recorder
            && let Err(e) = rec.save(cx.records, &spent, cx.now)
        {
            *cx.toast = Some(e.message().get(cx.lang.code()).to_string());
        }
        self.spent = spent;
    }

    /// While a step runs, its time so far is saved every few seconds.
    fn checkpoint(&mut self, cx: &mut Cx) {
        let (Some(engine), Some(rec)) = (&self.engine, &mut self.recorder) else {
            return;
        };
        if let Err(e) = rec.checkpoint(cx.records, &engine.spent(cx.now), cx.now) {
            *cx.toast = Some(e.message().get(cx.lang.code()).to_string());
        }
    }

    fn on_events(&mut self, events: Vec<Event>, cx: &mut Cx<'_, 'c>) {
        if events.is_empty() {
            return;
        }
        let mut changed = false;
        let s = tr(cx.lang);
        for e in &events {
            match e {
                Event::StepStarted(i) => {
                    changed = true;
                    self.visit_started = cx.now;
                    self.say_step(*i, cx);
                }
                Event::Finished => {
                    changed = true;
                    let n = self.routine.steps.len();
                    self.stage = Stage::SelfCheck {
                        cursor: 0,
                        marks: vec![false; n],
                    };
                    cx.say(s.say_finished);
                }
                Event::Halfway(_) => cx.say(s.say_halfway),
                Event::TenSecondsLeft(_) => cx.say(s.say_ten_seconds),
            }
        }
        if changed {
            self.save_times(cx);
            if *cx.bell {
                cx.effects.push(Effect::Bell);
            }
        }
    }

    pub fn tick(&mut self, cx: &mut Cx<'_, 'c>) {
        if !matches!(self.stage, Stage::Steps) {
            return;
        }
        let events = self
            .engine
            .as_mut()
            .map(|e| e.tick(cx.now))
            .unwrap_or_default();
        self.on_events(events, cx);
        self.checkpoint(cx);
    }

    pub fn next_wake(&self, now: Instant) -> Option<Instant> {
        let engine = self
            .engine
            .as_ref()
            .filter(|_| matches!(self.stage, Stage::Steps))?;
        if engine.state() != State::Running {
            return None;
        }
        let mut wakes: Vec<Instant> = engine.next_wake().into_iter().collect();
        match engine.remaining(now) {
            Some(left) => {
                // Redraw when the shown second changes.
                let within = Duration::from_nanos((left.as_nanos() % 1_000_000_000) as u64);
                let within = if within.is_zero() {
                    Duration::from_secs(1)
                } else {
                    within
                };
                wakes.push(now + within.div_f64(engine.speed()));
            }
            None => {
                // A key-press step shows the time spent on it: redraw each second.
                let spent = engine
                    .spent(now)
                    .get(engine.current())
                    .copied()
                    .unwrap_or_default();
                let into = Duration::from_nanos((spent.as_nanos() % 1_000_000_000) as u64);
                wakes.push(now + (Duration::from_secs(1) - into));
            }
        }
        let step = self.routine.steps.get(engine.current());
        if step.is_some_and(|step| step.cue.is_some()) {
            wakes.push(now + ANIMATION);
        }
        wakes.into_iter().min()
    }

    pub fn handle(&mut self, action: Action, cx: &mut Cx<'_, 'c>) -> Nav<'c> {
        let page = cx.body.height.saturating_sub(4).max(1) as usize;
        match &mut self.stage {
            Stage::Choose { selected } => {
                let n = self.routines.len();
                match action {
                    Action::Up => *selected = (*selected + n - 1) % n,
                    Action::Down => *selected = (*selected + 1) % n,
                    Action::Enter => {
                        if let Some(&routine) = self.routines.get(*selected) {
                            self.routine = routine;
                            self.stage = Stage::Safety { scroll: 0 };
                        }
                    }
                    Action::Back => return Nav::Pop,
                    _ => {}
                }
            }
            Stage::Safety { scroll } => match action {
                Action::Enter => self.begin(cx),
                Action::Down => *scroll = self.limit.down(*scroll, 1),
                Action::Up => *scroll = scroll.saturating_sub(1),
                Action::PageDown => *scroll = self.limit.down(*scroll, page),
                Action::PageUp => *scroll = scroll.saturating_sub(page),
                Action::Back => return Nav::Pop,
                _ => {}
            },
            Stage::Steps => {
                let now = cx.now;
                let Some(engine) = self.engine.as_mut() else {
                    return Nav::Stay;
                };
                let events = match action {
                    Action::Space => {
                        engine.toggle_pause(now);
                        if engine.state() == State::Paused {
                            cx.hush();
                        }
                        // A pause is a good moment to make the times safe.
                        self.save_times(cx);
                        Vec::new()
                    }
                    Action::Voice => {
                        *cx.voice = !*cx.voice;
                        let _ = cx
                            .records
                            .set_setting("voice", if *cx.voice { "on" } else { "off" });
                        let s = tr(cx.lang);
                        *cx.toast =
                            Some(if *cx.voice { s.voice_on } else { s.voice_off }.to_string());
                        if !*cx.voice {
                            cx.hush();
                        }
                        Vec::new()
                    }
                    Action::Next => engine.next(now),
                    Action::Prev => engine.prev(now),
                    Action::Bell => {
                        *cx.bell = !*cx.bell;
                        let _ = cx
                            .records
                            .set_setting("bell", if *cx.bell { "on" } else { "off" });
                        let s = tr(cx.lang);
                        *cx.toast = Some(if *cx.bell { s.bell_on } else { s.bell_off }.to_string());
                        Vec::new()
                    }
                    Action::Back => return Nav::Ask(Confirm::LeavePractice),
                    _ => Vec::new(),
                };
                self.on_events(events, cx);
            }
            Stage::SelfCheck { cursor, marks } => {
                let n = marks.len();
                match action {
                    Action::Up => *cursor = (*cursor + n - 1) % n,
                    Action::Down => *cursor = (*cursor + 1) % n,
                    Action::Space => {
                        if let Some(mark) = marks.get_mut(*cursor) {
                            *mark = !*mark;
                            if let Some(run) = &self.run_id
                                && let Some(step) = self.routine.steps.get(*cursor)
                                && let Err(e) = cx.records.set_done_well(run, &step.id, Some(*mark))
                            {
                                *cx.toast = Some(e.message().get(cx.lang.code()).to_string());
                            }
                        }
                    }
                    Action::Enter => {
                        if let Some(run) = &self.run_id {
                            let steps: Vec<&str> =
                                self.routine.steps.iter().map(|s| s.id.as_str()).collect();
                            if let Err(e) = cx.records.finish_practice(run, &steps, marks) {
                                // Not finished: the self-check stays, and Enter tries again.
                                *cx.toast = Some(e.message().get(cx.lang.code()).to_string());
                                return Nav::Stay;
                            }
                        }
                        self.final_marks = marks.clone();
                        let speed = self.engine.as_ref().map_or(1.0, Practice::speed);
                        let spent = |id: &str| {
                            let at = self.routine.steps.iter().position(|s| s.id == id);
                            at.and_then(|i| self.spent.get(i))
                                .map_or(0, |d| d.as_millis() as u64)
                        };
                        self.cut = pijat_engine::practice::cut_short(self.routine, spent, speed);
                        self.stage = Stage::Summary { scroll: 0 };
                    }
                    _ => {}
                }
            }
            Stage::Summary { scroll } => match action {
                Action::Enter | Action::Back => return Nav::Pop,
                Action::Down => *scroll = self.limit.down(*scroll, 1),
                Action::Up => *scroll = scroll.saturating_sub(1),
                Action::PageDown => *scroll = self.limit.down(*scroll, page),
                Action::PageUp => *scroll = scroll.saturating_sub(page),
                _ => {}
            },
        }
        Nav::Stay
    }
}
