//! The trainer PIN: set on first use (typed twice), asked before trainer screens and before
//! leaving a group test. Digits are shown as dots.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::Screen;
use super::trainer::TrainerScreen;
use crate::store::{PinCheck, valid_pin};
use crate::tui::app::{Cx, Nav};
use crate::tui::keys::{Action, Context};
use crate::tui::text::tr;
use crate::tui::view::{View, panel};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    /// From the trainees' list into trainer mode.
    EnterTrainer,
    /// Out of a group test, back to the class (its scores).
    LeaveGroupTest,
}

pub struct PinScreen {
    pub purpose: Purpose,
    /// No PIN yet: this one sets it.
    pub setting: bool,
    pub first: Option<String>,
    pub input: String,
    pub message: Option<String>,
}

impl PinScreen {
    pub fn new(purpose: Purpose, cx: &Cx) -> Self {
        let setting = !cx.store.has_pin().unwrap_or(true);
        PinScreen {
            purpose,
            setting,
            first: None,
            input: String::new(),
            message: None,
        }
    }

    pub fn context(&self) -> Context {
        Context::Pin
    }

    fn granted<'c>(&self, cx: &mut Cx<'_, 'c>) -> Nav<'c> {
        match self.purpose {
            Purpose::EnterTrainer => Nav::Replace(Screen::Trainer(TrainerScreen::load(cx))),
            Purpose::LeaveGroupTest => Nav::PopN(2),
        }
    }

    pub fn handle<'c>(&mut self, action: Action, cx: &mut Cx<'_, 'c>) -> Nav<'c> {
        let s = tr(cx.lang);
        match action {
            Action::Char(c) if c.is_ascii_digit() && self.input.len() < 12 => self.input.push(c),
            Action::Char(_) => self.message = Some(s.pin_digits_only.to_string()),
            Action::Backspace => {
                self.input.pop();
            }
            Action::Back => return Nav::Pop,
            Action::Enter => {
                let pin = std::mem::take(&mut self.input);
                if self.setting {
                    if !valid_pin(&pin) {
                        self.message = Some(s.pin_rule.to_string());
                    } else if self.first.is_none() {
                        self.first = Some(pin);
                        self.message = None;
                    } else if self.first.as_deref() == Some(pin.as_str()) {
                        return match cx.store.set_pin(&pin) {
                            Ok(()) => self.granted(cx),
                            Err(e) => {
                                self.message = Some(e.message().get(cx.lang.code()).to_string());
                                Nav::Stay
                            }
                        };
                    } else {
                        self.first = None;
                        self.message = Some(s.pin_mismatch.to_string());
                    }
                    return Nav::Stay;
                }
                match cx.store.check_pin(&pin) {
                    Ok(PinCheck::Right) => return self.granted(cx),
                    Ok(PinCheck::Wrong { wait_seconds: 0 }) => {
                        self.message = Some(s.pin_wrong.to_string())
                    }
                    Ok(PinCheck::Wrong { wait_seconds: w }) => {
                        self.message = Some(s.pin_wait.replace("{n}", &w.to_string()));
                    }
                    Ok(PinCheck::Wait { seconds: w }) => {
                        self.message = Some(s.pin_not_checked.replace("{n}", &w.to_string()));
                    }
                    Err(e) => self.message = Some(e.message().get(cx.lang.code()).to_string()),
                }
            }
            _ => {}
        }
        Nav::Stay
    }

    pub fn render(&self, area: Rect, buf: &mut Buffer, view: &View) {
        let s = view.s;
        let th = view.theme;
        let block = panel(s.trainer_mode, th);
        let inner = block.inner(area);
        block.render(area, buf);
        let prompt = match (self.setting, &self.first) {
            (true, None) => s.pin_set,
            (true, Some(_)) => s.pin_again,
            (false, _) => s.pin_enter,
        };
        let mut lines = vec![
            Line::from(Span::styled(prompt, th.title)),
            Line::default(),
            Line::from(vec![
                Span::raw("PIN: "),
                Span::styled("•".repeat(self.input.len()), th.key),
                Span::styled("▏", th.key),
            ]),
        ];
        if let Some(m) = &self.message {
            lines.push(Line::default());
            lines.push(Line::from(Span::styled(format!("! {m}"), th.warning)));
        }
        lines.push(Line::default());
        lines.push(Line::from(Span::styled(s.pin_explains, th.dim)));
        Paragraph::new(lines)
            .wrap(Wrap { trim: true })
            .render(inner, buf);
    }
}
