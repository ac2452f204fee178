//! Guided practice of a routine: the safety text first, then one step at a time with a large
//! countdown, a pacing cue and a bell at each step change; then a self-check and a summary.
//! Step times and ticks are saved as they happen.

use std::time::{Duration, Instant};

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Gauge, Paragraph, Widget, Wrap};

use super::Screen;
use crate::content::Routine;
use crate::core::strings::tr;
use crate::engine::practice::{Event, Practice, State};
use crate::tui::app::{Confirm, Cx, Effect, Nav};
use crate::tui::keys::{Action, Context};
use crate::tui::view::{View, panel, render_scrolled, row, scroll_for};
use crate::tui::widgets::countdown::{Countdown, PacingCircle, mmss};
use crate::tui::widgets::figure::FigureView;
use crate::tui::widgets::prose;

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
    recorder: Option<crate::app::practice_run::Recorder>,
    /// Wall time spent per step at the end, for the summary.
    pub spent: Vec<Duration>,
    /// Where the current step's visit began, for the pacing animation.
    visit_started: Instant,
    /// The self-check as saved, for the summary.
    pub final_marks: Vec<bool>,
    /// How far the safety text or the summary scrolls, as last drawn.
    pub limit: crate::tui::view::ScrollLimit,
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
                    self.recorder = Some(crate::app::practice_run::Recorder::new(
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
        if self.routine.steps[engine.current()].cue.is_some() {
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
                        self.routine = self.routines[*selected];
                        self.stage = Stage::Safety { scroll: 0 };
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
                        marks[*cursor] = !marks[*cursor];
                        if let Some(run) = &self.run_id {
                            let step = &self.routine.steps[*cursor].id;
                            if let Err(e) =
                                cx.records.set_done_well(run, step, Some(marks[*cursor]))
                            {
                                *cx.toast = Some(e.message().get(cx.lang.code()).to_string());
                            }
                        }
                    }
                    Action::Enter => {
                        if let Some(run) = &self.run_id {
                            for (i, m) in marks.iter().enumerate() {
                                if !m {
                                    let _ = cx.records.set_done_well(
                                        run,
                                        &self.routine.steps[i].id,
                                        Some(false),
                                    );
                                }
                            }
                            let _ = cx.records.finish_practice(run);
                        }
                        self.final_marks = marks.clone();
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

    pub fn render(&self, area: Rect, buf: &mut Buffer, view: &View) {
        match &self.stage {
            Stage::Choose { selected } => self.render_choose(*selected, area, buf, view),
            Stage::Safety { scroll } => self.render_safety(*scroll, area, buf, view),
            Stage::Steps => self.render_step(area, buf, view),
            Stage::SelfCheck { cursor, marks } => {
                self.render_check(*cursor, marks, area, buf, view)
            }
            Stage::Summary { scroll } => self.render_summary(*scroll, area, buf, view),
        }
    }

    fn render_choose(&self, selected: usize, area: Rect, buf: &mut Buffer, view: &View) {
        let block = panel(view.s.item_practice, view.theme);
        let inner = block.inner(area);
        block.render(area, buf);
        let lines: Vec<Line> = self
            .routines
            .iter()
            .enumerate()
            .map(|(i, r)| {
                row(
                    i == selected,
                    vec![Span::raw(r.title.get(view.lang).to_string())],
                    view.theme,
                )
            })
            .collect();
        Paragraph::new(lines).render(inner, buf);
    }

    fn render_safety(&self, scroll: usize, area: Rect, buf: &mut Buffer, view: &View) {
        let th = view.theme;
        let safety = &view.content.safety;
        let block = panel(safety.title.get(view.lang), th);
        let inner = block.inner(area);
        block.render(area, buf);
        // The way on is always in sight, whatever the scroll.
        let [text, ack] =
            Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(inner);
        let w = text.width as usize;
        let mut lines = Vec::new();
        for (i, sec) in safety.sections.iter().enumerate() {
            if i > 0 {
                lines.push(Line::default());
            }
            lines.push(Line::from(Span::styled(
                sec.title.get(view.lang).to_string(),
                th.warning,
            )));
            lines.extend(prose::wrap(sec.body.get(view.lang), w, th.text));
        }
        let max = render_scrolled(lines, scroll, text, buf);
        self.limit.set(max);
        let more = scroll < max;
        let mut spans = vec![
            Span::styled("Enter ", th.key),
            Span::styled(view.s.safety_ack, th.title),
        ];
        if more {
            spans.push(Span::styled(format!("  ↓ {}", view.s.more_below), th.dim));
        }
        Paragraph::new(Line::from(spans)).render(ack, buf);
    }

    fn render_step(&self, area: Rect, buf: &mut Buffer, view: &View) {
        let Some(engine) = &self.engine else { return };
        let th = view.theme;
        let s = view.s;
        let now = view.now;
        let i = engine.current().min(self.routine.steps.len() - 1);
        let step = &self.routine.steps[i];
        // The step count first: on a narrow window the routine's name is what gets cut.
        let title = format!(
            "{} {}/{} · {}",
            s.step_word,
            i + 1,
            self.routine.steps.len(),
            self.routine.title.get(view.lang)
        );
        let block = panel(&title, th);
        let inner = block.inner(area);
        block.render(area, buf);
        let [head, main, gauges] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Min(3),
            Constraint::Length(2),
        ])
        .areas(inner);
        // The essential mark before the title, so a narrow window cuts the title, not the mark.
        let mut head_spans = Vec::new();
        if step.critical {
            head_spans.push(Span::styled(
                format!("! {} · ", s.critical_word),
                th.warning,
            ));
        }
        head_spans.push(Span::styled(
            step.title.get(view.lang).to_string(),
            th.title,
        ));
        Paragraph::new(Line::from(head_spans)).render(head, buf);

        let fig = step.figure.map(|f| FigureView {
            figure: f,
            highlight: &step.highlight,
            theme: th,
            lang: view.lang,
            compact: true,
        });
        let fig_w = fig.as_ref().map_or(0, |f| f.art_width());
        let art_h = fig.as_ref().map_or(0, |f| f.height(fig_w));
        let show_fig = fig.is_some() && main.width >= fig_w + 36 && main.height >= 12;
        let (left, right) = if show_fig {
            let [l, _, r] = Layout::horizontal([
                Constraint::Min(30),
                Constraint::Length(1),
                Constraint::Length(fig_w),
            ])
            .areas(main);
            (l, Some(r))
        } else {
            (main, None)
        };
        let timer_h = Countdown::height(left.width)
            .min(left.height.saturating_sub(2))
            .max(1);
        let [text_area, timer] =
            Layout::vertical([Constraint::Min(2), Constraint::Length(timer_h)]).areas(left);
        let w = text_area.width as usize;
        let mut lines = prose::wrap(step.instruction.get(view.lang), w, th.text);
        if let Some(why) = &step.why {
            lines.extend(prose::wrap(
                &format!("{} {}", s.why_word, why.get(view.lang)),
                w,
                th.dim,
            ));
        }
        if let Some(note) = &step.note {
            lines.extend(prose::wrap(
                &format!("{} {}", s.note_word, note.get(view.lang)),
                w,
                th.accent,
            ));
        }
        Paragraph::new(lines).render(text_area, buf);

        let paused = engine.state() == State::Paused;
        let remaining = engine.remaining(now);
        let (count_area, circle_area) = if step.cue.is_some() && timer.width >= 40 {
            let [c, o] =
                Layout::horizontal([Constraint::Min(20), Constraint::Length(12)]).areas(timer);
            (c, Some(o))
        } else {
            (timer, None)
        };
        if paused {
            Paragraph::new(vec![
                Line::from(Span::styled(format!("⏸ {}", s.paused), th.paused)),
                Line::from(s.press_space_resume),
            ])
            .centered()
            .wrap(Wrap { trim: true })
            .render(count_area, buf);
        } else if let Some(left) = remaining {
            // Real time, as the summary and the history show it (at --practice-speed a timed
            // step is shortened, and so is what it shows).
            Countdown {
                left: left.div_f64(engine.speed()),
                style: th.countdown,
            }
            .render(count_area, buf);
        } else {
            // A key-press step runs at the pace of the hands: wall time, whatever the speed.
            let spent = engine.spent(now).get(i).copied().unwrap_or_default();
            Paragraph::new(vec![
                Line::from(Span::styled(s.press_n_when_done, th.title)),
                Line::from(Span::styled(
                    format!("{} {}", mmss(spent), s.elapsed_word),
                    th.dim,
                )),
            ])
            .centered()
            .wrap(Wrap { trim: true })
            .render(count_area, buf);
        }
        if let (Some(c), false) = (circle_area, paused) {
            let t = now.saturating_duration_since(self.visit_started);
            PacingCircle {
                t,
                style: th.accent,
            }
            .render(c, buf);
        }
        if let (Some(r), Some(f)) = (right, fig) {
            let h = art_h.min(r.height);
            f.render(Rect::new(r.x, r.y, r.width, h), buf);
        }

        let [g1, g2] =
            Layout::vertical([Constraint::Length(1), Constraint::Length(1)]).areas(gauges);
        match (engine.step_progress(now), step.seconds) {
            (Some(p), Some(secs)) => Gauge::default()
                .ratio(p)
                .label(format!(
                    "{} {} / {}",
                    s.step_word,
                    mmss(Duration::from_secs_f64(
                        p * f64::from(secs) / engine.speed()
                    )),
                    mmss(Duration::from_secs_f64(f64::from(secs) / engine.speed()))
                ))
                .gauge_style(th.gauge)
                .use_unicode(true)
                .render(g1, buf),
            _ => Paragraph::new(Span::styled(s.untimed_step, th.dim)).render(g1, buf),
        }
        Gauge::default()
            .ratio(engine.routine_progress(now))
            .label(format!(
                "{} {}/{}",
                s.routine_word,
                i + 1,
                self.routine.steps.len()
            ))
            .gauge_style(th.gauge)
            .use_unicode(true)
            .render(g2, buf);
    }

    fn render_check(
        &self,
        cursor: usize,
        marks: &[bool],
        area: Rect,
        buf: &mut Buffer,
        view: &View,
    ) {
        let th = view.theme;
        let block = panel(view.s.self_check_title, th);
        let inner = block.inner(area);
        block.render(area, buf);
        let [intro, list] =
            Layout::vertical([Constraint::Length(2), Constraint::Min(1)]).areas(inner);
        Paragraph::new(view.s.self_check_intro)
            .wrap(Wrap { trim: true })
            .style(th.dim)
            .render(intro, buf);
        let lines: Vec<Line> = self
            .routine
            .steps
            .iter()
            .enumerate()
            .map(|(i, step)| {
                let mark = if marks[i] {
                    Span::styled("[✓] ", th.correct)
                } else {
                    Span::raw("[ ] ")
                };
                let mut spans = vec![
                    mark,
                    Span::raw(format!("{}. {}", i + 1, step.title.get(view.lang))),
                ];
                if step.critical {
                    spans.push(Span::styled(
                        format!("  ! {}", view.s.critical_word),
                        th.warning,
                    ));
                }
                row(i == cursor, spans, th)
            })
            .collect();
        let skip = scroll_for(cursor, list.height as usize);
        Paragraph::new(lines.into_iter().skip(skip).collect::<Vec<_>>()).render(list, buf);
    }

    fn render_summary(&self, scroll: usize, area: Rect, buf: &mut Buffer, view: &View) {
        let th = view.theme;
        let s = view.s;
        let block = panel(s.practice_done_title, th);
        let inner = block.inner(area);
        block.render(area, buf);
        let speed = self.engine.as_ref().map_or(1.0, Practice::speed);
        // Every time here is real time: what the steps took on the clock, as in the history.
        let total: Duration = self.spent.iter().sum();
        let mut lines = vec![Line::from(vec![
            Span::styled(format!("{} ", s.total_time), th.title),
            Span::raw(mmss(total)),
        ])];
        if speed != 1.0 {
            lines.push(Line::from(Span::styled(
                s.speed_note.replace("{x}", &format!("{speed}")),
                th.dim,
            )));
        }
        lines.push(Line::default());
        // A timed critical step cut short: the practice does not count as done.
        let rows: Vec<crate::app::PracticeStepRow> = self
            .routine
            .steps
            .iter()
            .zip(&self.spent)
            .enumerate()
            .map(|(i, (st, d))| crate::app::PracticeStepRow {
                step_id: st.id.clone(),
                position: i as u32,
                planned_seconds: st.seconds,
                spent_ms: d.as_millis() as u64,
                done_well: None,
            })
            .collect();
        let cut = crate::app::practice_run::cut_short(self.routine, &rows, speed);
        if !cut.is_empty() {
            let names: Vec<String> = cut
                .iter()
                .map(|i| self.routine.steps[*i].title.get(view.lang).to_string())
                .collect();
            lines.extend(prose::wrap(
                &s.cut_short_note.replace("{s}", &names.join(", ")),
                inner.width as usize,
                th.warning,
            ));
            lines.push(Line::default());
        }
        let marks = &self.final_marks;
        let mut missed = Vec::new();
        for (i, step) in self.routine.steps.iter().enumerate() {
            let spent = self.spent.get(i).copied().unwrap_or_default();
            let planned = step.seconds.map_or("–".to_string(), |p| {
                mmss(Duration::from_secs_f64(f64::from(p) / speed))
            });
            let well = marks.get(i).copied().unwrap_or(false);
            let mark = if well {
                Span::styled("✓ ", th.correct)
            } else {
                Span::styled("· ", th.dim)
            };
            if step.critical && !well {
                missed.push(step.title.get(view.lang).to_string());
            }
            let name = Span::raw(format!("{:>2}. {}", i + 1, step.title.get(view.lang)));
            let times = format!("{} ({} {planned})", mmss(spent), s.planned_word);
            // Side by side when it fits, else the times on a line of their own.
            if name.width() + times.chars().count() + 4 <= inner.width as usize {
                lines.push(Line::from(vec![
                    mark,
                    name,
                    Span::styled(format!("  {times}"), th.dim),
                ]));
            } else {
                lines.push(Line::from(vec![mark, name]));
                lines.push(Line::from(Span::styled(format!("      {times}"), th.dim)));
            }
        }
        lines.push(Line::default());
        if missed.is_empty() {
            lines.extend(prose::wrap(
                s.all_critical_done,
                inner.width as usize,
                th.correct,
            ));
        } else {
            lines.extend(prose::wrap(
                &format!("✗ {} {}", s.critical_to_practise, missed.join(", ")),
                inner.width as usize,
                th.wrong,
            ));
        }
        self.limit.set(render_scrolled(lines, scroll, inner, buf));
    }
}
