//! Drawing the practice: the routine list, the safety page, a running step, the self-check and the summary.

use super::*;
use crate::view::framed;

impl PracticeScreen<'_> {
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

    pub(super) fn render_choose(&self, selected: usize, area: Rect, buf: &mut Buffer, view: &View) {
        let inner = framed(view.s.item_practice, area, buf, view.theme);
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
        Paragraph::new(prose::fit_lines(lines, inner.width)).render(inner, buf);
    }

    pub(super) fn render_safety(&self, scroll: usize, area: Rect, buf: &mut Buffer, view: &View) {
        let th = view.theme;
        let safety = &view.content.safety;
        let inner = framed(safety.title.get(view.lang), area, buf, th);
        // The way on is always in sight, whatever the scroll, and never cut: it takes two lines
        // when one is too narrow for it.
        let ack_words = format!("Enter {}  ↓ {}", view.s.safety_ack, view.s.more_below);
        let ack_h = if ack_words.chars().count() <= usize::from(inner.width) {
            1
        } else {
            2
        };
        let [text, ack] =
            Layout::vertical([Constraint::Min(1), Constraint::Length(ack_h)]).areas(inner);
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
        Paragraph::new(Line::from(spans))
            .wrap(Wrap { trim: true })
            .render(ack, buf);
    }

    pub(super) fn render_step(&self, area: Rect, buf: &mut Buffer, view: &View) {
        let Some(engine) = &self.engine else { return };
        let th = view.theme;
        let s = view.s;
        let now = view.now;
        let i = engine
            .current()
            .min(self.routine.steps.len().saturating_sub(1));
        let Some(step) = self.routine.steps.get(i) else {
            return;
        };
        // The step count first: on a narrow window the routine's name is what gets cut.
        let title = format!(
            "{} {}/{} · {}",
            s.step_word,
            i + 1,
            self.routine.steps.len(),
            self.routine.title.get(view.lang)
        );
        let inner = framed(&title, area, buf, th);
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
        let paused = engine.state() == State::Paused;
        let remaining = engine.remaining(now);
        let small: u16 = if paused || remaining.is_none() { 2 } else { 1 };
        // The step's words at a width: the instruction, why, and the note (where sources
        // disagree, which must be read).
        let words = |w: usize| {
            let mut lines = prose::wrap(step.instruction.get(view.lang), w, th.text);
            if let Some(why) = &step.why {
                let why = format!("{} {}", s.why_word, why.get(view.lang));
                lines.extend(prose::wrap(&why, w, th.dim));
            }
            if let Some(note) = &step.note {
                let note = format!("{} {}", s.note_word, note.get(view.lang));
                lines.extend(prose::wrap(&note, w, th.accent));
            }
            lines
        };
        // The figure is left out when the words would not fit beside it even over a one-line
        // timer: the words come first.
        let beside = (fig.is_some() && main.width >= fig_w + 36 && main.height >= 12)
            .then(|| words(usize::from(main.width.saturating_sub(fig_w + 1))))
            .filter(|l| l.len() <= usize::from(main.height.saturating_sub(small)));
        let show_fig = beside.is_some();
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
        let w = left.width as usize;
        // Words wrapped for the figure's side are wrapped at this width already.
        let lines = beside.unwrap_or_else(|| words(w));
        // When the words need the room, the big timer gives way to a one-line one.
        let big = Countdown::height(left.width)
            .min(left.height.saturating_sub(2))
            .max(1);
        let timer_h = if lines.len() > usize::from(left.height.saturating_sub(big)) {
            small.min(big)
        } else {
            big
        };
        let [text_area, timer] =
            Layout::vertical([Constraint::Min(2), Constraint::Length(timer_h)]).areas(left);
        let lines = prose::clip(lines, usize::from(text_area.height), w);
        Paragraph::new(lines).render(text_area, buf);

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

    pub(super) fn render_check(
        &self,
        cursor: usize,
        marks: &[bool],
        area: Rect,
        buf: &mut Buffer,
        view: &View,
    ) {
        let th = view.theme;
        let inner = framed(view.s.self_check_title, area, buf, th);
        let [intro, list] =
            Layout::vertical([Constraint::Length(2), Constraint::Min(1)]).areas(inner);
        Paragraph::new(view.s.self_check_intro)
            .wrap(Wrap { trim: true })
            .style(th.dim)
            .render(intro, buf);
        let steps = self.routine.steps.iter().zip(marks).enumerate();
        let lines: Vec<Line> = steps
            .map(|(i, (step, &done))| {
                let mark = if done {
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
        let shown = lines.into_iter().skip(skip).collect::<Vec<_>>();
        Paragraph::new(prose::fit_lines(shown, list.width)).render(list, buf);
    }

    pub(super) fn render_summary(&self, scroll: usize, area: Rect, buf: &mut Buffer, view: &View) {
        let th = view.theme;
        let s = view.s;
        let inner = framed(s.practice_done_title, area, buf, th);
        let speed = self.engine.as_ref().map_or(1.0, Practice::speed);
        // Every time here is real time: what the steps took on the clock, as in the history.
        let total: Duration = self.spent.iter().sum();
        let mut lines = vec![Line::from(vec![
            Span::styled(format!("{} ", s.total_time), th.title),
            Span::raw(mmss(total)),
        ])];
        if speed != 1.0 {
            lines.push(Line::from(Span::styled(
                pijat_core::fill!(app, s, speed_note, x = format!("{speed}")),
                th.dim,
            )));
        }
        lines.push(Line::default());
        // A timed critical step cut short: the practice does not count as done.
        if !self.cut.is_empty() {
            let names: Vec<String> = self
                .cut
                .iter()
                .filter_map(|i| self.routine.steps.get(*i))
                .map(|step| step.title.get(view.lang).to_string())
                .collect();
            lines.extend(prose::wrap(
                &pijat_core::fill!(app, s, cut_short_note, s = names.join(", ")),
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
