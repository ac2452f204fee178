//! Who is practising: choose a trainee (most recent first) or add a new one.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use crate::store::{Profile, Role, Store, clean_name};
use crate::tui::app::{Cx, Nav};
use crate::tui::keys::{Action, Context};
use crate::tui::view::{View, panel, row, scroll_for};

pub enum Mode {
    List,
    Name {
        input: String,
        error: Option<String>,
    },
    Role {
        name: String,
        selected: usize,
    },
}

pub struct ProfilesScreen {
    pub profiles: Vec<Profile>,
    pub selected: usize,
    pub mode: Mode,
    pub error: Option<String>,
}

impl ProfilesScreen {
    pub fn load(store: &Store) -> Self {
        match store.profiles_recent() {
            Ok(p) => Self::with(p),
            Err(e) => ProfilesScreen {
                error: Some(e.message().en),
                ..Self::with(Vec::new())
            },
        }
    }

    /// The screen for these trainees (none: straight to typing a name).
    pub fn with(profiles: Vec<Profile>) -> Self {
        let error = None;
        let mode = if profiles.is_empty() {
            Mode::Name {
                input: String::new(),
                error: None,
            }
        } else {
            Mode::List
        };
        ProfilesScreen {
            profiles,
            selected: 0,
            mode,
            error,
        }
    }

    pub fn context(&self) -> Context {
        match self.mode {
            Mode::Name { .. } => Context::TextInput,
            _ => Context::List,
        }
    }

    pub fn handle<'c>(&mut self, action: Action, cx: &mut Cx<'_, 'c>) -> Nav<'c> {
        // The trainees, then "new trainee", then trainer mode.
        let rows = self.profiles.len() + 2;
        match &mut self.mode {
            Mode::List => match action {
                Action::Up => self.selected = (self.selected + rows - 1) % rows,
                Action::Down => self.selected = (self.selected + 1) % rows,
                Action::Enter if self.selected < self.profiles.len() => {
                    return Nav::Enter(self.profiles[self.selected].clone());
                }
                Action::Enter if self.selected == self.profiles.len() => {
                    self.mode = Mode::Name {
                        input: String::new(),
                        error: None,
                    }
                }
                Action::Enter => {
                    let pin = super::pin::PinScreen::new(super::pin::Purpose::EnterTrainer, cx);
                    return Nav::Push(super::Screen::Pin(pin));
                }
                _ => {}
            },
            Mode::Name { input, error } => match action {
                Action::Char(c) => {
                    if input.chars().count() < 80 {
                        input.push(c);
                    }
                    *error = None;
                }
                Action::Backspace => {
                    input.pop();
                }
                // Back to the list: the other trainees, and trainer mode (a fresh laptop too).
                Action::Back => self.mode = Mode::List,
                Action::Enter => match clean_name(input) {
                    Ok(name) => match cx.store.profile_by_name(&name) {
                        Ok(Some(existing)) => return Nav::Enter(existing),
                        Ok(None) => self.mode = Mode::Role { name, selected: 0 },
                        Err(e) => *error = Some(e.message().get(cx.lang.code()).to_string()),
                    },
                    Err(e) => *error = Some(e.message().get(cx.lang.code()).to_string()),
                },
                _ => {}
            },
            Mode::Role { name, selected } => match action {
                Action::Up => *selected = (*selected + Role::ALL.len() - 1) % Role::ALL.len(),
                Action::Down => *selected = (*selected + 1) % Role::ALL.len(),
                Action::Back => {
                    self.mode = Mode::Name {
                        input: name.clone(),
                        error: None,
                    }
                }
                Action::Enter => match cx.store.create_profile(name, Role::ALL[*selected]) {
                    Ok(p) => return Nav::Enter(p),
                    Err(e) => self.error = Some(e.message().get(cx.lang.code()).to_string()),
                },
                _ => {}
            },
        }
        Nav::Stay
    }

    pub fn render(&self, area: Rect, buf: &mut Buffer, view: &View) {
        let s = view.s;
        let th = view.theme;
        let block = panel(s.who_is_practising, th);
        let inner = block.inner(area);
        block.render(area, buf);
        let [intro, main, err] = Layout::vertical([
            Constraint::Length(2),
            Constraint::Min(1),
            Constraint::Length(1),
        ])
        .areas(inner);
        if let Some(e) = &self.error {
            Paragraph::new(e.as_str()).style(th.wrong).render(err, buf);
        }
        match &self.mode {
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
                    lines.push(Line::from(Span::styled(format!("✗ {e}"), th.wrong)));
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
        }
    }
}
