//! Who is practising: choose a trainee (most recent first) or add a new one. On a shared laptop
//! a trainee's record opens only with his four-digit personal code (chosen at his first start;
//! the trainer can clear a forgotten one), unless the trainer turned codes off for self-study.
//! A new laptop opens on a welcome that says what pijat is and leads a trainer to trainer mode.

use pijat_core::Bilingual;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use crate::app::{Cx, Nav};
use crate::keys::{Action, Context};
use crate::view::{View, row, scroll_for};
use pijat_app::{PinCheck, Profile, Records, valid_code};
use pijat_core::{Role, clean_name};

mod draw;

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
        error: Option<Bilingual>,
    },
    Role {
        name: String,
        selected: usize,
    },
    Code {
        profile: Profile,
        step: CodeStep,
        input: String,
        error: Option<Bilingual>,
    },
}

pub struct ProfilesScreen {
    pub profiles: Vec<Profile>,
    pub selected: usize,
    pub mode: Mode,
    pub error: Option<Bilingual>,
}

/// Rows of the welcome: a trainee, a trainer, the other language.
const WELCOME_ROWS: usize = 3;

impl ProfilesScreen {
    pub fn load(store: &Records) -> Self {
        match store.profiles_recent() {
            Ok(p) => Self::with(p),
            Err(e) => ProfilesScreen {
                error: Some(e.message()),
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
        let err = |e: pijat_app::Error| e.message();
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
        let err = |e: pijat_app::Error| e.message();
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
                Action::Enter => match self.profiles.get(self.selected).cloned() {
                    Some(p) => return self.open(p, cx),
                    None if self.selected == self.profiles.len() => {
                        self.mode = Mode::Name {
                            input: String::new(),
                            error: None,
                        }
                    }
                    None => return Self::trainer(cx),
                },
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
                    Err(e) => *error = Some(e.message()),
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
                Action::Enter => {
                    let Some(&role) = Role::ALL.get(*selected) else {
                        return Nav::Stay;
                    };
                    match cx.records.create_profile(name, role) {
                        Ok(p) => {
                            self.profiles.insert(0, p.clone());
                            return self.open(p, cx);
                        }
                        Err(e) => self.error = Some(err(e)),
                    }
                }
                _ => {}
            },
            Mode::Code {
                profile,
                step,
                input,
                error,
            } => match action {
                Action::Char(c) if c.is_ascii_digit() && input.len() < 4 => {
                    input.push(c);
                    *error = None;
                }
                Action::Char(_) => *error = Some(pijat_core::both!(app, pin_digits_only)),
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
                                *error = Some(pijat_core::both!(app, code_wrong))
                            }
                            Ok(PinCheck::Wrong { wait_seconds: n }) => {
                                *error = Some(pijat_core::both!(app, code_wait, n = n))
                            }
                            Ok(PinCheck::Wait { seconds: n }) => {
                                *error = Some(pijat_core::both!(app, code_not_checked, n = n))
                            }
                            Err(e) => *error = Some(err(e)),
                        },
                        CodeStep::Choose if valid_code(&code) => *step = CodeStep::Again(code),
                        CodeStep::Choose => *error = Some(pijat_core::both!(app, code_rule)),
                        CodeStep::Again(first) if first == code => {
                            match cx.records.set_code(&profile.id, &code) {
                                Ok(()) => return Nav::Enter(profile.clone()),
                                Err(e) => *error = Some(err(e)),
                            }
                        }
                        CodeStep::Again(_) => {
                            *step = CodeStep::Choose;
                            *error = Some(pijat_core::both!(app, code_mismatch));
                        }
                    }
                }
                _ => {}
            },
        }
        Nav::Stay
    }
}
