//! Drawing the observation: the step being watched with its timer and mark, the checklist, the verdict.

use super::*;
use crate::view::framed;
use crate::widgets::prose::ellipsize;

impl ObserveScreen<'_> {
    pub fn render(&self, area: Rect, buf: &mut Buffer, view: &View) {
        let th = view.theme;
        let s = view.s;
        // While marking, the title carries the legend of the marks.
        let title = match self.stage {
            Stage::Marking | Stage::Note { .. } => format!(
                "{} · {} · {} · {} · {}",
                s.trainer_mode, s.mark_well, s.mark_practice, s.mark_not_done, s.mark_unobserved
            ),
            _ => s.trainer_mode.to_string(),
        };
        let inner = framed(&title, area, buf, th);
        match &self.stage {
            Stage::Setup(form) => {
                let [head, body] =
                    Layout::vertical([Constraint::Length(2), Constraint::Min(1)]).areas(inner);
                Paragraph::new(vec![
                    Line::from(Span::styled(
                        pijat_core::fill!(app, s, observation_of, n = self.profile.name),
                        th.title,
                    )),
                    Line::from(Span::styled(self.routine.title.get(view.lang), th.dim)),
                ])
                .render(head, buf);
                form.render(body, buf, view);
            }
            Stage::Verdict(v) => self.render_verdict(v, inner, buf, view),
            _ => self.render_marking(inner, buf, view),
        }
    }

    pub(super) fn render_marking(&self, area: Rect, buf: &mut Buffer, view: &View) {
        let th = view.theme;
        let s = view.s;
        let [head, list, detail] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Min(2),
            Constraint::Length(4),
        ])
        .areas(area);
        let head_line = Line::from(vec![
            Span::styled(
                pijat_core::fill!(app, s, observation_of, n = self.profile.name),
                th.title,
            ),
            Span::styled(format!(" · {} · {}", self.observer, self.date), th.dim),
        ]);
        Paragraph::new(crate::widgets::prose::fit_line(
            head_line,
            usize::from(head.width),
        ))
        .render(head, buf);
        let width = area.width as usize;
        let mark_w = 18.min(width / 3);
        let title_w = width.saturating_sub(2 + mark_w + 3);
        let steps = self.routine.steps.iter().zip(&self.marks).enumerate();
        let lines: Vec<Line> = steps
            .map(|(i, (step, &mark))| {
                let title = ellipsize(&self.step_title(i, view), title_w);
                let lead = if i == self.selected { "▸ " } else { "  " };
                let flag = if step.critical { "!" } else { " " };
                let extra = match (self.note(i).is_some(), self.timed(i).is_some()) {
                    (true, true) => "✎⏱",
                    (true, false) => "✎",
                    (false, true) => "⏱",
                    _ => "",
                };
                let label = match self.changed {
                    Some((j, before)) if j == i => pijat_core::fill!(
                        app,
                        s,
                        mark_was,
                        new = mark_label(mark, s),
                        old = before.token()
                    ),
                    _ => mark_label(mark, s).to_string(),
                };
                let label = ellipsize(&label, mark_w);
                let line = Line::from(vec![
                    Span::raw(lead),
                    Span::raw(format!("{title:<title_w$}")),
                    Span::styled(flag, th.warning),
                    Span::raw(" "),
                    Span::styled(format!("{label:<mark_w$}"), mark_style(mark, th)),
                    Span::styled(extra, th.dim),
                ]);
                if i == self.selected {
                    line.style(th.selected)
                } else {
                    line
                }
            })
            .collect();
        let skip = scroll_for(self.selected, list.height as usize);
        Paragraph::new(lines.into_iter().skip(skip).collect::<Vec<_>>()).render(list, buf);
        let i = self.selected;
        let step = self.routine.steps.get(i);
        let mut facts = Vec::new();
        if step.is_some_and(|step| step.critical) {
            facts.push(format!("! {}", s.critical_tag));
        }
        if let Some(sec) = step.and_then(|step| step.seconds) {
            facts.push(pijat_core::fill!(app, s, planned_secs, s = sec.to_string()));
        }
        if let Some(ms) = self.timed(i) {
            facts.push(pijat_core::fill!(app, s, timed_secs, t = secs(ms)));
        }
        let timer_line = match self.timer {
            Some((_, since)) => Span::styled(
                s.timer_running.replace(
                    "{t}",
                    &(view.now.saturating_duration_since(since).as_secs()).to_string(),
                ),
                th.countdown,
            ),
            None => Span::styled(s.timer_idle, th.dim),
        };
        let (observed, percent) = {
            let v = self.verdict();
            let k = self
                .marks
                .iter()
                .filter(|m| **m != Mark::NotObserved)
                .count();
            (k, v.percent_text(view.lang))
        };
        let [facts_area, text_area, status_area] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(2),
            Constraint::Length(1),
        ])
        .areas(detail);
        Paragraph::new(Line::from(vec![
            Span::styled(facts.join(" · "), th.text),
            Span::raw("  "),
            timer_line,
        ]))
        .render(facts_area, buf);
        let (text, status) = match &self.stage {
            Stage::Note { step, text } => (
                vec![
                    Line::from(Span::styled(
                        pijat_core::fill!(app, s, note_prompt, n = (step + 1).to_string()),
                        th.title,
                    )),
                    Line::from(vec![Span::raw(text.clone()), Span::styled("▏", th.key)]),
                ],
                Line::default(),
            ),
            _ => {
                let text = match (self.note(i), step) {
                    (Some(n), _) => Line::from(vec![
                        Span::styled(format!("{} ", s.note_word), th.title),
                        Span::raw(n.to_string()),
                    ]),
                    (None, Some(step)) => {
                        Line::from(Span::styled(step.instruction.get(view.lang), th.dim))
                    }
                    (None, None) => Line::default(),
                };
                let status = match &self.message {
                    Some(m) => Span::styled(m.clone(), th.warning),
                    None => Span::styled(
                        pijat_core::fill!(
                            app,
                            s,
                            score_so_far,
                            p = percent,
                            k = observed.to_string(),
                            n = self.marks.len().to_string()
                        ),
                        th.dim,
                    ),
                };
                (vec![text], Line::from(status))
            }
        };
        Paragraph::new(text)
            .wrap(Wrap { trim: true })
            .render(text_area, buf);
        Paragraph::new(crate::widgets::prose::fit_line(
            status,
            usize::from(status_area.width),
        ))
        .render(status_area, buf);
    }

    pub(super) fn render_verdict(&self, v: &Verdict, area: Rect, buf: &mut Buffer, view: &View) {
        let th = view.theme;
        let s = view.s;
        let mut lines = vec![
            Line::from(Span::styled(
                pijat_core::fill!(app, s, observation_of, n = self.profile.name),
                th.title,
            )),
            Line::from(Span::styled(
                format!(
                    "{} · {} · {}",
                    self.routine.title.get(view.lang),
                    self.observer,
                    self.date
                ),
                th.dim,
            )),
            Line::default(),
        ];
        let head = if v.competent {
            Span::styled(s.verdict_competent, th.correct)
        } else {
            Span::styled(s.verdict_not_yet, th.wrong)
        };
        let percent = v.percent_text(view.lang);
        lines.push(Line::from(vec![head, Span::raw(format!("  ·  {percent}"))]));
        if v.percent.is_none() {
            lines.push(Line::from(Span::styled(s.nothing_observed, th.warning)));
        }
        lines.extend(wrap(
            &pijat_core::fill!(
                app,
                s,
                verdict_rule,
                p = self.routine.pass_percent.to_string()
            ),
            area.width as usize,
            th.dim,
        ));
        let (counted, cut) = self.counted();
        let list = |heading: &'static str, steps: &[usize], lines: &mut Vec<Line>| {
            if steps.is_empty() {
                return;
            }
            lines.push(Line::default());
            lines.push(Line::from(Span::styled(heading, th.title)));
            for &i in steps {
                let Some(&mark) = counted.get(i) else {
                    continue;
                };
                lines.push(Line::from(vec![
                    Span::raw(format!("  {}  ", self.step_title(i, view))),
                    Span::styled(mark_label(mark, s), mark_style(mark, th)),
                ]));
                if let Some(n) = self.note(i) {
                    lines.push(Line::from(Span::styled(format!("     {n}"), th.dim)));
                }
            }
        };
        if !cut.is_empty() {
            lines.push(Line::default());
            lines.push(Line::from(Span::styled(s.timed_too_short, th.title)));
            for i in &cut {
                let ms = self.timed(*i).unwrap_or(0);
                let title = self.step_title(*i, view);
                lines.push(Line::from(format!(
                    "  {title}  {}",
                    self.timed_text(*i, ms, s)
                )));
            }
        }
        list(s.critical_missed, &v.critical_missed, &mut lines);
        let others: Vec<usize> = v
            .to_coach
            .iter()
            .copied()
            .filter(|i| !v.critical_missed.contains(i))
            .collect();
        list(s.to_coach, &others, &mut lines);
        let timed: Vec<(usize, u64)> = self
            .timed_ms
            .iter()
            .enumerate()
            .filter_map(|(i, t)| t.map(|t| (i, t)))
            .collect();
        if !timed.is_empty() {
            lines.push(Line::default());
            lines.push(Line::from(Span::styled(s.timed_heading, th.title)));
            for (i, ms) in timed {
                let title = self.step_title(i, view);
                lines.push(Line::from(format!(
                    "  {title}  {}",
                    self.timed_text(i, ms, s)
                )));
            }
        }
        lines.push(Line::default());
        lines.extend(wrap(s.observation_saved, area.width as usize, th.dim));
        self.limit
            .set(render_scrolled(lines, self.scroll, area, buf));
    }
}
