//! Drawing the start: the welcome, the trainees' names, the new-trainee and code steps.

use super::*;
use crate::view::framed;

impl ProfilesScreen {
    pub fn render(&self, area: Rect, buf: &mut Buffer, view: &View) {
        let s = view.s;
        let th = view.theme;
        let title = if matches!(self.mode, Mode::Welcome { .. }) {
            "pijat"
        } else {
            s.who_is_practising
        };
        let inner = framed(title, area, buf, th);
        // The welcome says what pijat is in both languages, or only in the chosen one when the
        // window is small, so the choices below always show.
        let both = inner.height >= 14;
        let sentences: Vec<&str> = if both {
            vec![
                pijat_core::strings::app::ID.welcome,
                pijat_core::strings::app::EN.welcome,
            ]
        } else {
            vec![s.welcome]
        };
        let intro_height = if matches!(self.mode, Mode::Welcome { .. }) {
            let w = usize::from(inner.width.max(1));
            let lines: usize = sentences.iter().map(|t| textwrap::wrap(t, w).len()).sum();
            (lines + 1) as u16
        } else {
            2
        };
        let [intro, main, err] = Layout::vertical([
            Constraint::Length(intro_height),
            Constraint::Min(1),
            Constraint::Length(1),
        ])
        .areas(inner);
        if let Some(e) = &self.error {
            Paragraph::new(e.get(view.lang.code()))
                .style(th.wrong)
                .render(err, buf);
        }
        match &self.mode {
            Mode::Welcome { selected } => {
                // What pijat is, in both languages: whoever reads either finds the way.
                let intro_lines: Vec<Line> = sentences
                    .iter()
                    .enumerate()
                    .map(|(i, t)| {
                        Line::from(Span::styled(*t, if i == 0 { th.text } else { th.dim }))
                    })
                    .collect();
                Paragraph::new(intro_lines)
                    .wrap(Wrap { trim: true })
                    .render(intro, buf);
                let items = [
                    Span::styled(s.welcome_trainee, th.accent),
                    Span::raw(s.welcome_trainer),
                    Span::raw(s.welcome_language),
                ];
                let mut lines: Vec<Line> = items
                    .into_iter()
                    .enumerate()
                    .map(|(i, span)| row(i == *selected, vec![span], th))
                    .collect();
                if both {
                    lines.push(Line::default());
                    lines.push(Line::from(Span::styled(s.welcome_keys, th.dim)));
                }
                Paragraph::new(lines)
                    .wrap(Wrap { trim: false })
                    .render(main, buf);
            }
            Mode::List => {
                Paragraph::new(s.profiles_intro)
                    .wrap(Wrap { trim: true })
                    .style(th.dim)
                    .render(intro, buf);
                let mut lines: Vec<Line> = self
                    .profiles
                    .iter()
                    .enumerate()
                    .map(|(i, p)| {
                        row(
                            i == self.selected,
                            vec![
                                Span::raw(p.name.clone()),
                                Span::styled(
                                    format!("  ({})", p.role.label().get(view.lang.code())),
                                    th.dim,
                                ),
                            ],
                            th,
                        )
                    })
                    .collect();
                lines.push(row(
                    self.selected == self.profiles.len(),
                    vec![Span::styled(format!("+ {}", s.new_trainee), th.accent)],
                    th,
                ));
                lines.push(row(
                    self.selected == self.profiles.len() + 1,
                    vec![Span::styled(format!("{} (PIN)", s.trainer_mode), th.dim)],
                    th,
                ));
                let skip = scroll_for(self.selected, main.height as usize);
                Paragraph::new(lines.into_iter().skip(skip).collect::<Vec<_>>()).render(main, buf);
            }
            Mode::Name { input, error } => {
                Paragraph::new(s.type_your_name)
                    .wrap(Wrap { trim: true })
                    .render(intro, buf);
                let mut lines = vec![Line::from(vec![
                    Span::styled(format!("{} ", s.name_label), th.title),
                    Span::raw(input.clone()),
                    Span::styled("▏", th.key),
                ])];
                if let Some(e) = error {
                    lines.push(Line::from(Span::styled(
                        format!("✗ {}", e.get(view.lang.code())),
                        th.wrong,
                    )));
                }
                Paragraph::new(lines)
                    .wrap(Wrap { trim: false })
                    .render(main, buf);
            }
            Mode::Role { name, selected } => {
                Paragraph::new(format!("{} {name}", s.role_for))
                    .wrap(Wrap { trim: true })
                    .render(intro, buf);
                let lines: Vec<Line> = Role::ALL
                    .iter()
                    .enumerate()
                    .map(|(i, r)| {
                        row(
                            i == *selected,
                            vec![Span::raw(r.label().get(view.lang.code()).to_string())],
                            th,
                        )
                    })
                    .collect();
                Paragraph::new(lines).render(main, buf);
            }
            Mode::Code {
                profile,
                step,
                input,
                error,
            } => {
                let n = &profile.name;
                let prompt = match step {
                    CodeStep::Check => pijat_core::fill!(app, s, code_enter, n = n),
                    CodeStep::Choose => pijat_core::fill!(app, s, code_choose, n = n),
                    CodeStep::Again(_) => pijat_core::fill!(app, s, code_again, n = n),
                };
                let mut lines = vec![
                    Line::from(Span::styled(prompt, th.title)),
                    Line::default(),
                    Line::from(vec![
                        Span::raw(format!("{} ", s.code_label)),
                        Span::styled("•".repeat(input.len()), th.key),
                        Span::styled("▏", th.key),
                    ]),
                ];
                if let Some(e) = error {
                    lines.push(Line::from(Span::styled(
                        format!("✗ {}", e.get(view.lang.code())),
                        th.wrong,
                    )));
                }
                lines.push(Line::default());
                lines.push(Line::from(Span::styled(s.code_forgot, th.dim)));
                Paragraph::new(lines)
                    .wrap(Wrap { trim: true })
                    .render(inner, buf);
            }
        }
    }
}
