//! Drawing a question: the prompt, the options as they were laid out, and the progress; and the question as it is read aloud.

use super::*;
use crate::view::framed;

impl QuizScreen<'_> {
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
        let inner = framed(&title, area, buf, th);
        let done = self.run.answered();
        let total = self.run.total();
        // A message takes the lines its words need (never cut mid-sentence), up to three.
        let message = self.message.as_ref().map(|m| format!("! {m}"));
        let msg_rows = message.as_deref().map_or(1, |m| {
            textwrap::wrap(m, usize::from(inner.width).max(1))
                .len()
                .clamp(1, 3) as u16
        });
        let [progress, body, msg] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Min(3),
            Constraint::Length(msg_rows),
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
                let labels = [(s.true_key, s.true_word), (s.false_key, s.false_word)];
                for (i, (k, word)) in labels.iter().enumerate() {
                    lines.push(option_line(
                        *chosen && i == *cursor,
                        &format!("{k}) {word}"),
                        view,
                    ));
                }
            }
            (_, Selection::Choice { cursor, chosen }) => {
                for (place, &file) in self.shown.options.iter().enumerate() {
                    let Some(option) = options.get(file) else {
                        continue;
                    };
                    let label = format!("{}) {}", letter(place), option.get(view.lang));
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
                let places = self.shown.options.iter().zip(ticked).enumerate();
                for (place, (&file, &on)) in places {
                    let Some(option) = options.get(file) else {
                        continue;
                    };
                    let mark = if on { "[✓]" } else { "[ ]" };
                    let label = format!("{mark} {}) {}", letter(place), option.get(view.lang));
                    lines.extend(wrapped_option(place == *cursor, on, &label, w, view));
                }
                lines.extend(prose::wrap(s.tick_all_that_apply, w, th.dim));
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
                    let Some(option) = self.shown.options.get(place).and_then(|&f| options.get(f))
                    else {
                        continue;
                    };
                    let grip = if *holding && row == *cursor {
                        "⇕"
                    } else {
                        " "
                    };
                    let label = format!("{grip}{}. {}", row + 1, option.get(view.lang));
                    lines.extend(wrapped_option(
                        row == *cursor,
                        *holding && row == *cursor,
                        &label,
                        w,
                        view,
                    ));
                }
                let hint = if *holding {
                    s.order_holding
                } else {
                    s.order_hint
                };
                lines.extend(prose::wrap(hint, w, th.dim));
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
        // Keep the part that matters in view: the feedback, else the options, and always the
        // option the cursor is on (a row that cannot be seen is never the one chosen).
        let total = lines.len();
        let mut skip = total.saturating_sub(body.height as usize);
        if self.feedback.is_none()
            && let Some(cursor) = lines.iter().position(|l| l.to_string().starts_with("▸ "))
        {
            skip = skip.min(cursor);
        }
        Paragraph::new(lines.into_iter().skip(skip).collect::<Vec<_>>()).render(body, buf);
        crate::view::more_marks(body, skip, total, buf, th);
        if let Some(m) = message {
            Paragraph::new(m)
                .style(th.warning)
                .wrap(Wrap { trim: true })
                .render(msg, buf);
        }
    }
}

pub(super) fn letter(place: usize) -> char {
    (b'a' + place as u8) as char
}

/// A true/false row; nothing is marked until the trainee chooses.
pub(super) fn option_line(chosen: bool, label: &str, view: &View) -> Line<'static> {
    let lead = if chosen { "▸ " } else { "  " };
    let style = if chosen {
        view.theme.selected
    } else {
        view.theme.text
    };
    Line::styled(format!("{lead}{label}"), style)
}

pub(super) fn wrapped_option(
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
pub fn spoken_question(q: &pijat_content::Question, shown: &[usize], lang: &Lang) -> String {
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
