//! Who is practising: choose a trainee (most recent first) or add a new one. On a shared laptop
//! a trainee's record opens only with his four-digit personal code (chosen at his first start;
//! the trainer can clear a forgotten one), unless the trainer turned codes off for self-study.
//! A new laptop opens on a welcome that says what pijat is and leads a trainer to trainer mode.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use crate::app::{PinCheck, Profile, Records, valid_code};
use crate::core::strings::tr;
use crate::core::{Role, clean_name};
use crate::tui::app::{Cx, Nav};
use crate::tui::keys::{Action, Context};
use crate::tui::view::{View, panel, row, scroll_for};

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CodeStep {
    /// The trainee types his code.
    Check,
    /// A first code is chosen, then typed again.
    Choose,
    Again(String),
}

pub enum Mode {
    /// A laptop with no trainee yet: what pijat is, and who is at the keyboard.
    Welcome {
        selected: usize,
    },
    List,
    Name {
        input: String,
        error: Option<String>,
    },
    Role {
        name: String,
        selected: usize,
    },
    Code {
        profile: Profile,
        step: CodeStep,
        input: String,
        error: Option<String>,
    },
}

pub struct ProfilesScreen {
    pub profiles: Vec<Profile>,
    pub selected: usize,
    pub mode: Mode,
    pub error: Option<String>,
}

/// Rows of the welcome: a trainee, a trainer, the other language.
const WELCOME_ROWS: usize = 3;

impl ProfilesScreen {
    pub fn load(store: &Records) -> Self {
        match store.profiles_recent() {
            Ok(p) => Self::with(p),
            Err(e) => ProfilesScreen {
                error: Some(e.message().en),
                ..Self::with(Vec::new())
            },
        }
    }

    /// The screen for these trainees (none: the welcome).
    pub fn with(profiles: Vec<Profile>) -> Self {
        let mode = if profiles.is_empty() {
            Mode::Welcome { selected: 0 }
        } else {
            Mode::List
        };
        ProfilesScreen {
            profiles,
            selected: 0,
            mode,
            error: None,
        }
    }

    pub fn context(&self) -> Context {
        match self.mode {
            Mode::Name { .. } => Context::TextInput,
            Mode::Code { .. } => Context::PinSet,
            Mode::Welcome { .. } | Mode::List => Context::Start,
            Mode::Role { .. } => Context::List,
        }
    }

    /// The list of names, or the welcome when there are none.
    fn home(&self) -> Mode {
        if self.profiles.is_empty() {
            Mode::Welcome { selected: 0 }
        } else {
            Mode::List
        }
    }

    /// The trainee chose his name: his record opens with his code (or a first code is chosen).
    fn open<'c>(&mut self, profile: Profile, cx: &mut Cx<'_, 'c>) -> Nav<'c> {
        let err = |e: crate::app::StoreError| e.message().get(cx.lang.code()).to_string();
        match cx.records.codes_required() {
            Ok(false) => return Nav::Enter(profile),
            Ok(true) => {}
            Err(e) => {
                self.error = Some(err(e));
                return Nav::Stay;
            }
        }
        let step = match cx.records.has_code(&profile.id) {
            Ok(true) => CodeStep::Check,
            Ok(false) => CodeStep::Choose,
            Err(e) => {
                self.error = Some(err(e));
                return Nav::Stay;
            }
        };
        self.mode = Mode::Code {
            profile,
            step,
            input: String::new(),
            error: None,
        };
        Nav::Stay
    }

    fn trainer<'c>(cx: &mut Cx<'_, 'c>) -> Nav<'c> {
        let pin = super::pin::PinScreen::new(super::pin::Purpose::EnterTrainer, cx);
        Nav::Push(super::Screen::Pin(pin))
    }

    pub fn handle<'c>(&mut self, action: Action, cx: &mut Cx<'_, 'c>) -> Nav<'c> {
        // The trainees, then "new trainee", then trainer mode.
        let rows = self.profiles.len() + 2;
        let lang = cx.lang.code().to_string();
        let err = |e: crate::app::StoreError| e.message().get(&lang).to_string();
        match &mut self.mode {
            Mode::Welcome { selected } => match action {
                Action::Up => *selected = (*selected + WELCOME_ROWS - 1) % WELCOME_ROWS,
                Action::Down => *selected = (*selected + 1) % WELCOME_ROWS,
                Action::Enter if *selected == 0 => {
                    self.mode = Mode::Name {
                        input: String::new(),
                        error: None,
                    }
                }
                Action::Enter if *selected == 1 => return Self::trainer(cx),
                Action::Enter => return Nav::SwitchLanguage,
                _ => {}
            },
            Mode::List => match action {
                Action::Up => self.selected = (self.selected + rows - 1) % rows,
                Action::Down => self.selected = (self.selected + 1) % rows,
                Action::Enter if self.selected < self.profiles.len() => {
                    let p = self.profiles[self.selected].clone();
                    return self.open(p, cx);
                }
                Action::Enter if self.selected == self.profiles.len() => {
                    self.mode = Mode::Name {
                        input: String::new(),
                        error: None,
                    }
                }
                Action::Enter => return Self::trainer(cx),
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
                // Back to the list: the other trainees, and trainer mode.
                Action::Back => self.mode = self.home(),
                Action::Enter => match clean_name(input) {
                    Ok(name) => match cx.records.profile_by_name(&name) {
                        // A name already here is that trainee: his code is asked.
                        Ok(Some(existing)) => return self.open(existing, cx),
                        Ok(None) => self.mode = Mode::Role { name, selected: 0 },
                        Err(e) => *error = Some(err(e)),
                    },
                    Err(e) => *error = Some(e.message().get(&lang).to_string()),
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
                Action::Enter => match cx.records.create_profile(name, Role::ALL[*selected]) {
                    Ok(p) => {
                        self.profiles.insert(0, p.clone());
                        return self.open(p, cx);
                    }
                    Err(e) => self.error = Some(err(e)),
                },
                _ => {}
            },
            Mode::Code {
                profile,
                step,
                input,
                error,
            } => {
                let s = tr(cx.lang);
                match action {
                    Action::Char(c) if c.is_ascii_digit() && input.len() < 4 => {
                        input.push(c);
                        *error = None;
                    }
                    Action::Char(_) => *error = Some(s.pin_digits_only.to_string()),
                    Action::Backspace => {
                        input.pop();
                    }
                    Action::Back => self.mode = self.home(),
                    Action::Enter => {
                        let code = std::mem::take(input);
                        match step.clone() {
                            CodeStep::Check => match cx.records.check_code(&profile.id, &code) {
                                Ok(PinCheck::Right) => return Nav::Enter(profile.clone()),
                                Ok(PinCheck::Wrong { wait_seconds: 0 }) => {
                                    *error = Some(s.code_wrong.to_string())
                                }
                                Ok(PinCheck::Wrong { wait_seconds: n }) => {
                                    *error = Some(s.code_wait.replace("{n}", &n.to_string()))
                                }
                                Ok(PinCheck::Wait { seconds: n }) => {
                                    *error = Some(s.pin_not_checked.replace("{n}", &n.to_string()))
                                }
                                Err(e) => *error = Some(err(e)),
                            },
                            CodeStep::Choose if valid_code(&code) => *step = CodeStep::Again(code),
                            CodeStep::Choose => *error = Some(s.code_rule.to_string()),
                            CodeStep::Again(first) if first == code => {
                                match cx.records.set_code(&profile.id, &code) {
                                    Ok(()) => return Nav::Enter(profile.clone()),
                                    Err(e) => *error = Some(err(e)),
                                }
                            }
                            CodeStep::Again(_) => {
                                *step = CodeStep::Choose;
                                *error = Some(s.code_mismatch.to_string());
                            }
                        }
                    }
                    _ => {}
                }
            }
        }
        Nav::Stay
    }

    pub fn render(&self, area: Rect, buf: &mut Buffer, view: &View) {
        let s = view.s;
        let th = view.theme;
        let title = if matches!(self.mode, Mode::Welcome { .. }) {
            "pijat"
        } else {
            s.who_is_practising
        };
        let block = panel(title, th);
        let inner = block.inner(area);
        block.render(area, buf);
        // The welcome says what pijat is in both languages, or only in the chosen one when the
        // window is small, so the choices below always show.
        let both = inner.height >= 14;
        let sentences: Vec<&str> = if both {
            vec![
                crate::core::strings::app::ID.welcome,
                crate::core::strings::app::EN.welcome,
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
            Paragraph::new(e.as_str()).style(th.wrong).render(err, buf);
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
            Mode::Code {
                profile,
                step,
                input,
                error,
            } => {
                let prompt = match step {
                    CodeStep::Check => s.code_enter,
                    CodeStep::Choose => s.code_choose,
                    CodeStep::Again(_) => s.code_again,
                }
                .replace("{n}", &profile.name);
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
                    lines.push(Line::from(Span::styled(format!("✗ {e}"), th.wrong)));
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
