//! The trainer PIN: set on first use (typed twice), asked before trainer screens and before
//! leaving a group test. Digits are shown as dots. When the PIN is set, a recovery code is
//! shown once, to be written on paper; it is the only way to set a new PIN when the old one is
//! forgotten (Tab on the PIN screen).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::Screen;
use super::trainer::TrainerScreen;
use crate::app::{Cx, Nav};
use crate::keys::{Action, Context};
use crate::view::{View, framed};
use pijat_app::{PinCheck, RecoverCheck, valid_pin};
use pijat_core::strings::tr;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    /// From the trainees' list into trainer mode.
    EnterTrainer,
    /// Out of a group test, back to the class (its scores).
    LeaveGroupTest,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Step {
    /// The PIN is asked.
    Enter,
    /// A new PIN, typed once (`recovery`: the recovery code that allows it, when forgotten).
    New { recovery: Option<String> },
    /// The same new PIN again.
    Again {
        first: String,
        recovery: Option<String>,
    },
    /// The recovery code, shown once after a PIN is set.
    Recovery { code: String },
    /// A forgotten PIN: the recovery code is typed.
    Forgot,
}

pub struct PinScreen {
    pub purpose: Purpose,
    pub step: Step,
    pub input: String,
    pub message: Option<String>,
}

impl PinScreen {
    pub fn new(purpose: Purpose, cx: &Cx) -> Self {
        let setting = !cx.records.has_pin().unwrap_or(true);
        PinScreen {
            purpose,
            step: if setting {
                Step::New { recovery: None }
            } else {
                Step::Enter
            },
            input: String::new(),
            message: None,
        }
    }

    /// Whether this screen is setting a PIN (first use, or after a recovery code).
    pub fn setting(&self) -> bool {
        matches!(self.step, Step::New { .. } | Step::Again { .. })
    }

    pub fn context(&self) -> Context {
        match self.step {
            Step::Enter => Context::Pin,
            Step::New { .. } | Step::Again { .. } => Context::PinSet,
            Step::Recovery { .. } => Context::RecoveryShown,
            Step::Forgot => Context::RecoveryInput,
        }
    }

    fn granted<'c>(&self, cx: &mut Cx<'_, 'c>) -> Nav<'c> {
        match self.purpose {
            Purpose::EnterTrainer => Nav::Replace(Screen::Trainer(TrainerScreen::load(cx))),
            Purpose::LeaveGroupTest => Nav::PopN(2),
        }
    }

    pub fn handle<'c>(&mut self, action: Action, cx: &mut Cx<'_, 'c>) -> Nav<'c> {
        let s = tr(cx.lang);
        let err = |e: pijat_app::Error| e.message().get(cx.lang.code()).to_string();
        match (&self.step, action) {
            (Step::Recovery { .. }, Action::Enter) => return self.granted(cx),
            (Step::Recovery { .. }, _) => {}
            (Step::Forgot, Action::Char(c))
                if (c.is_ascii_alphanumeric() || c == '-' || c == ' ') && self.input.len() < 20 =>
            {
                self.input.push(c.to_ascii_uppercase());
            }
            (Step::Forgot, Action::Char(_)) => {}
            (Step::Forgot, Action::Enter) => {
                let code = std::mem::take(&mut self.input);
                self.message = None;
                self.step = Step::New {
                    recovery: Some(code),
                };
            }
            (Step::Enter, Action::Tab) => {
                self.input.clear();
                self.message = None;
                self.step = Step::Forgot;
            }
            (_, Action::Char(c)) if c.is_ascii_digit() && self.input.len() < 12 => {
                self.input.push(c)
            }
            (_, Action::Char(_)) => self.message = Some(s.pin_digits_only.to_string()),
            (_, Action::Backspace) => {
                self.input.pop();
            }
            (Step::Forgot, Action::Back) => {
                self.input.clear();
                self.step = Step::Enter;
            }
            (_, Action::Back) => return Nav::Pop,
            (Step::New { recovery }, Action::Enter) => {
                let pin = std::mem::take(&mut self.input);
                if valid_pin(&pin) {
                    self.message = None;
                    self.step = Step::Again {
                        first: pin,
                        recovery: recovery.clone(),
                    };
                } else {
                    self.message = Some(s.pin_rule.to_string());
                }
            }
            (Step::Again { first, recovery }, Action::Enter) => {
                let pin = std::mem::take(&mut self.input);
                let recovery = recovery.clone();
                if *first != pin {
                    self.message = Some(s.pin_mismatch.to_string());
                    self.step = Step::New { recovery };
                    return Nav::Stay;
                }
                let set = match &recovery {
                    None => cx.records.set_pin(&pin).map(RecoverCheck::Right),
                    Some(code) => cx.records.recover_pin(code, &pin),
                };
                match set {
                    Ok(RecoverCheck::Right(code)) => {
                        self.message = None;
                        self.step = Step::Recovery { code };
                    }
                    Ok(RecoverCheck::Wrong { wait_seconds }) => {
                        self.message = Some(pijat_core::fill!(
                            app,
                            s,
                            recovery_wrong,
                            n = wait_seconds.to_string()
                        ));
                        self.step = Step::Enter;
                    }
                    Ok(RecoverCheck::Wait { seconds }) => {
                        self.message = Some(pijat_core::fill!(
                            app,
                            s,
                            pin_not_checked,
                            n = seconds.to_string()
                        ));
                        self.step = Step::Enter;
                    }
                    Err(e) => {
                        self.message = Some(err(e));
                        self.step = Step::Enter;
                    }
                }
            }
            (Step::Enter, Action::Enter) => {
                let pin = std::mem::take(&mut self.input);
                match cx.records.check_pin(&pin) {
                    Ok(PinCheck::Right) => return self.granted(cx),
                    Ok(PinCheck::Wrong { wait_seconds: 0 }) => {
                        self.message = Some(s.pin_wrong.to_string())
                    }
                    Ok(PinCheck::Wrong { wait_seconds: w }) => {
                        self.message = Some(pijat_core::fill!(app, s, pin_wait, n = w.to_string()));
                    }
                    Ok(PinCheck::Wait { seconds: w }) => {
                        self.message = Some(pijat_core::fill!(
                            app,
                            s,
                            pin_not_checked,
                            n = w.to_string()
                        ));
                    }
                    Err(e) => self.message = Some(err(e)),
                }
            }
            _ => {}
        }
        Nav::Stay
    }

    pub fn render(&self, area: Rect, buf: &mut Buffer, view: &View) {
        let s = view.s;
        let th = view.theme;
        let inner = framed(s.trainer_mode, area, buf, th);
        let mut lines = match &self.step {
            Step::Recovery { code } => vec![
                Line::from(Span::styled(s.recovery_title, th.title)),
                Line::default(),
                Line::from(Span::styled(format!("   {code}"), th.countdown)),
                Line::default(),
                Line::from(Span::raw(s.recovery_explains)),
            ],
            Step::Forgot => vec![
                Line::from(Span::styled(s.recovery_enter, th.title)),
                Line::default(),
                Line::from(vec![
                    Span::raw(format!("{} ", s.recovery_label)),
                    Span::styled(self.input.clone(), th.key),
                    Span::styled("▏", th.key),
                ]),
            ],
            step => {
                let prompt = match step {
                    Step::New { recovery: None } => s.pin_set,
                    Step::New { recovery: Some(_) } => s.pin_set_new,
                    Step::Again { .. } => s.pin_again,
                    _ => s.pin_enter,
                };
                vec![
                    Line::from(Span::styled(prompt, th.title)),
                    Line::default(),
                    Line::from(vec![
                        Span::raw("PIN: "),
                        Span::styled("•".repeat(self.input.len()), th.key),
                        Span::styled("▏", th.key),
                    ]),
                ]
            }
        };
        if let Some(m) = &self.message {
            lines.push(Line::default());
            lines.push(Line::from(Span::styled(format!("! {m}"), th.warning)));
        }
        if !matches!(self.step, Step::Recovery { .. }) {
            lines.push(Line::default());
            lines.push(Line::from(Span::styled(s.pin_explains, th.dim)));
        }
        Paragraph::new(lines)
            .wrap(Wrap { trim: true })
            .render(inner, buf);
    }
}
