//! Drawing the class: its details, the participants with their tests and monitoring, and the keys.

use super::*;
use crate::view::framed;
use pijat_core::fill;

impl ClassScreen {
    pub fn render(&self, area: Rect, buf: &mut Buffer, view: &View) {
        let th = view.theme;
        let s = view.s;
        let c = &self.class;
        let inner = framed(&c.name, area, buf, th);
        match &self.mode {
            Mode::Participant { form, .. } => return form.render(inner, buf, view),
            Mode::ChoosePhase { selected, purpose } => {
                let title = match purpose {
                    Purpose::Sheets => s.type_sheets_for,
                    Purpose::GroupTest => s.group_test_for,
                    Purpose::Project => s.project_for,
                    Purpose::Phones => pijat_core::strings::classroom::tr(view.lang).live_title,
                };
                let lines = vec![
                    Line::from(Span::styled(title, th.title)),
                    Line::default(),
                    row(*selected == 0, vec![Span::raw(s.item_pretest)], th),
                    row(*selected == 1, vec![Span::raw(s.item_posttest)], th),
                ];
                return Paragraph::new(lines).render(inner, buf);
            }
            Mode::ChooseSet { selected, .. } => {
                let sets: Vec<String> = view
                    .content
                    .quizzes
                    .iter()
                    .filter(|q| q.purpose == pijat_content::Purpose::PrePost)
                    .map(|q| q.title.get(view.lang).to_string())
                    .collect();
                return super::super::phones::render_sets(&sets, *selected, inner, buf, view);
            }
            Mode::ChooseRoutine { selected } => {
                let mut lines = vec![
                    Line::from(Span::styled(s.choose_routine, th.title)),
                    Line::default(),
                ];
                for (i, r) in view.content.routines().enumerate() {
                    lines.push(row(
                        i == *selected,
                        vec![Span::raw(r.title.get(view.lang).to_string())],
                        th,
                    ));
                }
                return Paragraph::new(lines).render(inner, buf);
            }
            _ => {}
        }
        let mut info: Vec<String> = Vec::new();
        info.extend(c.place.clone());
        let day = |d: &str| pijat_core::dates::show_day(d, view.lang);
        match (&c.starts, &c.ends) {
            (Some(a), Some(b)) if a != b => info.push(format!("{} – {}", day(a), day(b))),
            (Some(a), _) | (None, Some(a)) => info.push(day(a)),
            _ => {}
        }
        if let Some(t) = &c.trainer {
            info.push(format!("{} {t}", s.trainer_word));
        }
        let todo_pre = self.members.iter().filter(|m| m.pre.is_none()).count();
        let todo_post = self.members.iter().filter(|m| m.post.is_none()).count();
        let [head, table, foot] = Layout::vertical([
            Constraint::Length(2),
            Constraint::Min(2),
            Constraint::Length(3),
        ])
        .areas(inner);
        Paragraph::new(vec![
            Line::from(Span::styled(
                crate::widgets::prose::ellipsize(&info.join(" · "), usize::from(head.width)),
                th.dim,
            )),
            Line::from(vec![
                Span::styled(format!("{:<22}", s.name_col), th.title),
                Span::styled(
                    format!(
                        "{:<8}{:>6}{:>7}{:>7}  {:<11}{:<10}{}",
                        s.role_col,
                        s.item_pretest_short,
                        s.item_posttest_short,
                        s.change_col,
                        s.todo_col,
                        s.check_col,
                        s.visit_col
                    ),
                    th.title,
                ),
            ]),
        ])
        .render(head, buf);
        if self.members.is_empty() {
            Paragraph::new(s.roster_empty)
                .style(th.dim)
                .wrap(Wrap { trim: true })
                .render(table, buf);
        } else {
            let pct = |x: Option<Score>| {
                x.map_or("–".to_string(), |s| {
                    format!("{}%", s.display_in(view.lang))
                })
            };
            let lines: Vec<Line> = self
                .members
                .iter()
                .enumerate()
                .map(|(i, m)| {
                    let change = match (m.pre, m.post) {
                        (Some(a), Some(b)) => {
                            format_change_in(b.percent() - a.percent(), view.lang)
                        }
                        _ => "–".to_string(),
                    };
                    let todo = match (m.pre.is_some(), m.post.is_some()) {
                        (false, false) => s.todo_both,
                        (false, true) => s.item_pretest_short,
                        (true, false) => s.item_posttest_short,
                        (true, true) => "✓",
                    };
                    let name = crate::widgets::prose::fit(&m.profile.name, 19) + " ";
                    let role: String = m
                        .profile
                        .role
                        .label()
                        .get(view.lang.code())
                        .chars()
                        .take(7)
                        .collect();
                    let (check, check_style) = match m.competent {
                        Some(true) => (s.competent_short, th.correct),
                        Some(false) => (s.not_yet_short, th.warning),
                        None => ("–", th.dim),
                    };
                    let (visit, visit_style) = if m.needs_visit {
                        (s.visit_due, th.warning)
                    } else if m.observed {
                        ("✓", th.correct)
                    } else {
                        ("–", th.dim)
                    };
                    let selected = i == self.selected;
                    let pick = |st| if selected { th.selected } else { st };
                    row(
                        selected,
                        vec![
                            Span::raw(format!(
                                "{name}{role:<8}{:>6}{:>7}{:>7}  {todo:<11}",
                                pct(m.pre),
                                pct(m.post),
                                change
                            )),
                            Span::styled(format!("{check:<10}"), pick(check_style)),
                            Span::styled(visit, pick(visit_style)),
                        ],
                        th,
                    )
                })
                .collect();
            let skip = scroll_for(self.selected, table.height as usize);
            Paragraph::new(lines.into_iter().skip(skip).collect::<Vec<_>>()).render(table, buf);
        }
        let competent = self
            .members
            .iter()
            .filter(|m| m.competent == Some(true))
            .count();
        let due = self.members.iter().filter(|m| m.needs_visit).count();
        let mut foot_lines = vec![
            Line::from(Span::styled(
                fill!(app, s, still_to_take, a = todo_pre, b = todo_post),
                th.dim,
            )),
            Line::from(Span::styled(
                format!(
                    "{}: {}",
                    s.checklist_heading,
                    fill!(app, s, class_monitoring, c = competent, n = due)
                ),
                th.dim,
            )),
        ];
        match (&self.mode, &self.message) {
            (Mode::ConfirmRemove, _) => {
                if let Some(m) = self.current() {
                    foot_lines.push(Line::from(Span::styled(
                        pijat_core::fill!(app, s, confirm_remove, n = m.profile.name),
                        th.warning,
                    )));
                }
            }
            (Mode::ConfirmClearCode, _) => {
                if let Some(m) = self.current() {
                    foot_lines.push(Line::from(Span::styled(
                        pijat_core::fill!(app, s, confirm_clear_code, n = m.profile.name),
                        th.warning,
                    )));
                }
            }
            (Mode::ConfirmReview { missing }, _) => {
                foot_lines.push(Line::from(Span::styled(
                    pijat_core::fill!(app, s, confirm_review, n = missing.to_string()),
                    th.warning,
                )));
            }
            (_, Some(m)) => foot_lines.push(Line::from(Span::styled(m.clone(), th.warning))),
            _ => {}
        }
        Paragraph::new(foot_lines)
            .wrap(Wrap { trim: true })
            .render(foot, buf);
    }
}
