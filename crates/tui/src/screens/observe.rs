//! Observing a participant give the massage: the routine's steps as the checklist (daftar tilik),
//! each mark, note and step time saved the moment it is made; then the verdict with the steps to
//! coach. Trainer mode only (behind the PIN).

use pijat_core::strings::app::{EN, ID};
use std::time::{Duration, Instant};

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use crate::app::{Cx, Nav};
use crate::keys::{Action, Context};
use crate::theme::Theme;
use crate::view::{View, render_scrolled, scroll_for};
use crate::widgets::form::{Field, Form, Outcome};
use crate::widgets::prose::wrap;
use pijat_app::Profile;
use pijat_app::monitoring::parse_date;
use pijat_content::Routine;
use pijat_core::clean_name;
use pijat_core::strings::{Strings, tr};
use pijat_engine::checklist::{Mark, Verdict, verdict};

mod draw;

pub enum Stage {
    /// Observer and date, before the first mark.
    Setup(Box<Form>),
    Marking,
    /// Typing a note for `step`; the cursor stays where marking goes on.
    Note {
        step: usize,
        text: String,
    },
    Verdict(Verdict),
}

pub struct ObserveScreen<'c> {
    pub routine: &'c Routine,
    pub profile: Profile,
    pub class_id: Option<String>,
    pub stage: Stage,
    pub id: Option<String>,
    pub observer: String,
    pub date: String,
    pub marks: Vec<Mark>,
    pub notes: Vec<Option<String>>,
    pub timed_ms: Vec<Option<u64>>,
    pub selected: usize,
    /// The step timer: which step, since when.
    pub timer: Option<(usize, Instant)>,
    pub message: Option<String>,
    pub scroll: usize,
    /// How far the text scrolls, as last drawn.
    pub limit: crate::view::ScrollLimit,
    /// The step marked by the last key: a note typed now belongs to it, not to the next step
    /// the cursor moved on to.
    pub just_marked: Option<usize>,
    /// The last step whose mark was replaced by another, and the mark it had: its line says so.
    pub changed: Option<(usize, Mark)>,
}

impl ObserveScreen<'_> {
    /// The marks that count (a timed step cut short is not done well, whatever it was marked)
    /// and the steps timed for less than half their planned time.
    fn counted(&self) -> (Vec<Mark>, Vec<usize>) {
        pijat_engine::checklist::apply_timing(self.routine, &self.marks, &self.timed_ms)
    }

    /// The verdict of the marks that count.
    fn verdict(&self) -> Verdict {
        verdict(self.routine, &self.counted().0)
    }

    /// The note on step `i`, if one was written.
    fn note(&self, i: usize) -> Option<&str> {
        self.notes.get(i)?.as_deref()
    }

    /// The time step `i` took, if it was timed.
    fn timed(&self, i: usize) -> Option<u64> {
        self.timed_ms.get(i).copied().flatten()
    }

    /// What the observer reads when a mark replaced another: the step, both marks and the
    /// score that now follows from them.
    fn changed_text(&self, i: usize, before: Mark, after: Mark, lang: &pijat_core::Lang) -> String {
        let s = tr(lang);
        pijat_core::fill!(
            app,
            s,
            mark_changed,
            n = (i + 1),
            old = mark_label(before, s),
            new = mark_label(after, s),
            p = self.verdict().percent_text(lang)
        )
    }

    /// A timed step's time against its plan, as the lists show it: `3 / 60 detik`.
    fn timed_text(&self, i: usize, ms: u64, s: &Strings) -> String {
        let planned = self.routine.steps.get(i).and_then(|step| step.seconds);
        let planned = planned.map_or(String::new(), |p| format!(" / {p}"));
        format!("{}{planned} {}", secs(ms), s.seconds_word)
    }
}

pub fn today() -> String {
    chrono::Local::now().format("%Y-%m-%d").to_string()
}

pub fn mark_label(m: Mark, s: &Strings) -> &'static str {
    match m {
        Mark::DoneWell => s.mark_well,
        Mark::NeedsPractice => s.mark_practice,
        Mark::NotDone => s.mark_not_done,
        Mark::NotObserved => s.mark_unobserved,
    }
}

pub fn mark_style(m: Mark, th: &Theme) -> ratatui::style::Style {
    match m {
        Mark::DoneWell => th.correct,
        Mark::NeedsPractice => th.warning,
        Mark::NotDone => th.wrong,
        Mark::NotObserved => th.dim,
    }
}

fn secs(ms: u64) -> String {
    format!("{}", (ms + 500) / 1000)
}

impl<'c> ObserveScreen<'c> {
    /// Goes on with an observation left unfinished, or asks for observer and date.
    pub fn open(
        routine: &'c Routine,
        profile: Profile,
        class_id: Option<String>,
        observer: &str,
        cx: &mut Cx<'_, 'c>,
    ) -> Self {
        let n = routine.steps.len();
        let mut s = ObserveScreen {
            routine,
            profile,
            class_id,
            stage: Stage::Setup(Box::new(Form::new(
                (ID.start_observation, EN.start_observation),
                vec![
                    Field::text((ID.observer, EN.observer), observer),
                    Field::text((ID.date, EN.date), &today()),
                ],
            ))),
            id: None,
            observer: String::new(),
            date: String::new(),
            marks: vec![Mark::NotObserved; n],
            notes: vec![None; n],
            timed_ms: vec![None; n],
            selected: 0,
            timer: None,
            message: None,
            scroll: 0,
            limit: Default::default(),
            just_marked: None,
            changed: None,
        };
        let open = cx
            .records
            .unfinished_observation(&s.profile.id, &routine.id)
            .ok()
            .flatten();
        if let Some(o) = open {
            let stored = cx.records.marks(&o.id).unwrap_or_default();
            let slots = s.marks.iter_mut().zip(&mut s.notes).zip(&mut s.timed_ms);
            for (step, ((mark, note), timed_ms)) in routine.steps.iter().zip(slots) {
                if let Some(m) = stored.iter().find(|m| m.step_id == step.id) {
                    *mark = Mark::from_stored(m.mark);
                    *note = m.note.clone();
                    *timed_ms = m.timed_ms;
                }
            }
            s.selected = s
                .marks
                .iter()
                .position(|m| *m == Mark::NotObserved)
                .unwrap_or(0);
            s.message = Some(pijat_core::fill!(
                app,
                tr(cx.lang),
                observation_resumed,
                d = o.observed_on,
                o = o.observer
            ));
            s.observer = o.observer;
            s.date = o.observed_on;
            s.id = Some(o.id);
            s.stage = Stage::Marking;
        }
        s
    }

    pub fn context(&self) -> Context {
        match self.stage {
            Stage::Setup(_) => Context::Form,
            Stage::Marking => Context::Observe,
            Stage::Note { .. } => Context::TextInput,
            Stage::Verdict(_) => Context::Reader,
        }
    }

    /// The id of step `i`, as the marks are saved under.
    fn step_id(&self, i: usize) -> Option<&'c str> {
        self.routine.steps.get(i).map(|step| step.id.as_str())
    }

    fn fail(&mut self, e: pijat_app::Error, cx: &Cx) {
        self.message = Some(e.message().get(cx.lang.code()).to_string());
    }

    /// Stops the step timer and saves the time.
    fn stop_timer(&mut self, cx: &mut Cx) {
        let Some((i, since)) = self.timer.take() else {
            return;
        };
        let ms = cx.now.saturating_duration_since(since).as_millis() as u64;
        if let Some(t) = self.timed_ms.get_mut(i) {
            *t = Some(ms);
        }
        if let Some(id) = self.id.clone()
            && let Some(step_id) = self.step_id(i)
            && let Err(e) = cx.records.set_mark_time(&id, step_id, ms)
        {
            self.fail(e, cx);
        }
    }

    pub fn handle(&mut self, action: Action, cx: &mut Cx<'_, 'c>) -> Nav<'c> {
        let s = tr(cx.lang);
        let n = self.routine.steps.len();
        match &mut self.stage {
            Stage::Setup(form) => match form.handle(action) {
                Outcome::Editing => {}
                Outcome::Cancel => return Nav::Pop,
                Outcome::Submit => {
                    let Ok(observer) = clean_name(form.value(0)) else {
                        form.error = Some(s.observer_empty.to_string());
                        return Nav::Stay;
                    };
                    let Some(date) = parse_date(form.value(1)) else {
                        form.error = Some(s.date_invalid.to_string());
                        return Nav::Stay;
                    };
                    let steps: Vec<&str> =
                        self.routine.steps.iter().map(|s| s.id.as_str()).collect();
                    match cx.records.start_observation(
                        &self.profile.id,
                        self.class_id.as_deref(),
                        &self.routine.id,
                        &observer,
                        &date,
                        &steps,
                    ) {
                        Ok(id) => {
                            self.id = Some(id);
                            self.observer = observer;
                            self.date = date;
                            self.stage = Stage::Marking;
                        }
                        Err(e) => form.error = Some(e.message().get(cx.lang.code()).to_string()),
                    }
                }
            },
            Stage::Note { step, text } => match action {
                Action::Char(c) if text.chars().count() < 200 => text.push(c),
                Action::Backspace => {
                    text.pop();
                }
                Action::Back => self.stage = Stage::Marking,
                Action::Enter => {
                    let note = text.trim().to_string();
                    let i = *step;
                    // The cursor was never moved: the next mark goes where marking goes on.
                    self.stage = Stage::Marking;
                    let id = self.id.clone().unwrap_or_default();
                    let Some(step_id) = self.step_id(i) else {
                        return Nav::Stay;
                    };
                    match cx.records.set_mark_note(&id, step_id, Some(note.as_str())) {
                        Ok(()) => {
                            if let Some(n) = self.notes.get_mut(i) {
                                *n = Some(note).filter(|n| !n.is_empty());
                            }
                        }
                        Err(e) => self.fail(e, cx),
                    }
                }
                _ => {}
            },
            Stage::Marking => {
                self.message = None;
                let just_marked = self.just_marked.take();
                match action {
                    Action::Up if n > 0 => {
                        self.stop_timer(cx);
                        self.selected = (self.selected + n - 1) % n;
                    }
                    Action::Down if n > 0 => {
                        self.stop_timer(cx);
                        self.selected = (self.selected + 1) % n;
                    }
                    Action::Mark(m) => {
                        self.stop_timer(cx);
                        let mark = match m {
                            2 => Mark::DoneWell,
                            1 => Mark::NeedsPractice,
                            0 => Mark::NotDone,
                            _ => Mark::NotObserved,
                        };
                        let i = self.selected;
                        let id = self.id.clone().unwrap_or_default();
                        let (Some(step_id), Some(slot)) = (self.step_id(i), self.marks.get_mut(i))
                        else {
                            return Nav::Stay;
                        };
                        match cx.records.set_mark(&id, step_id, mark.stored()) {
                            Ok(()) => {
                                let before = std::mem::replace(slot, mark);
                                if before != Mark::NotObserved && before != mark {
                                    self.changed = Some((i, before));
                                    let text = self.changed_text(i, before, mark, cx.lang);
                                    self.message = Some(text);
                                } else if self.changed.is_some_and(|(j, _)| j == i) {
                                    self.changed = None;
                                }
                                self.selected = (i + 1).min(n.saturating_sub(1));
                                self.just_marked = Some(i);
                            }
                            Err(e) => self.fail(e, cx),
                        }
                    }
                    Action::Space => {
                        if self.timer.is_some() {
                            self.stop_timer(cx);
                        } else {
                            self.timer = Some((self.selected, cx.now));
                        }
                    }
                    Action::Note => {
                        // Right after a mark the note is for the step just marked; the cursor
                        // stays on the next step, where marking goes on.
                        let step = just_marked.unwrap_or(self.selected);
                        let text = self.note(step).unwrap_or_default().to_string();
                        self.stage = Stage::Note { step, text };
                    }
                    Action::Enter => {
                        self.stop_timer(cx);
                        let id = self.id.clone().unwrap_or_default();
                        match cx.records.finish_observation(&id) {
                            Ok(()) => self.stage = Stage::Verdict(self.verdict()),
                            Err(e) => self.fail(e, cx),
                        }
                    }
                    Action::Back => {
                        self.stop_timer(cx);
                        *cx.toast = Some(pijat_core::fill!(
                            app,
                            s,
                            observation_left,
                            n = self.profile.name
                        ));
                        return Nav::Pop;
                    }
                    _ => {}
                }
            }
            Stage::Verdict(_) => return super::read_only(action, &mut self.scroll, &self.limit),
        }
        Nav::Stay
    }

    /// While the step timer runs, the next whole second.
    pub fn next_wake(&self, now: Instant) -> Option<Instant> {
        let (_, since) = self.timer?;
        let ran = now.saturating_duration_since(since).as_millis() as u64;
        Some(now + Duration::from_millis(1000 - ran % 1000))
    }

    fn step_title(&self, i: usize, view: &View) -> String {
        self.routine.step_label(i, view.lang)
    }
}
