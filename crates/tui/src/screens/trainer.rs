//! Trainer mode's first screen: the classes, a new class, and the way out.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::Screen;
use super::class_view::{ClassScreen, details_form};
use crate::app::{Cx, Nav};
use crate::keys::{Action, Context};
use crate::view::{View, framed, row, scroll_for};
use pijat_app::ClassRecord;

pub struct TrainerScreen {
    pub classes: Vec<(ClassRecord, usize)>,
    pub selected: usize,
    /// Whether trainees need their personal code here (off: self-study on one's own laptop).
    pub codes: bool,
}

impl TrainerScreen {
    pub fn load(cx: &Cx) -> Self {
        let mut s = TrainerScreen {
            classes: Vec::new(),
            selected: 0,
            codes: true,
        };
        s.reload(cx);
        s
    }

    fn reload(&mut self, cx: &Cx) {
        let classes = cx.records.classes().unwrap_or_default();
        self.classes = classes
            .into_iter()
            .map(|c| {
                let n = cx.records.members(&c.id).map_or(0, |m| m.len());
                (c, n)
            })
            .collect();
        self.codes = cx.records.codes_required().unwrap_or(true);
        self.selected = self.selected.min(self.classes.len() + 4);
    }

    pub fn refresh(&mut self, cx: &mut Cx) {
        self.reload(cx);
    }

    pub fn context(&self) -> Context {
        Context::List
    }

    pub fn handle<'c>(&mut self, action: Action, cx: &mut Cx<'_, 'c>) -> Nav<'c> {
        // The classes, then: new class, export, import, personal codes, leave.
        let rows = self.classes.len() + 5;
        match action {
            Action::Up => self.selected = (self.selected + rows - 1) % rows,
            Action::Down => self.selected = (self.selected + 1) % rows,
            Action::Back => return Nav::SwitchProfile,
            Action::Enter => {
                let n = self.classes.len();
                return match self.selected.checked_sub(n) {
                    None => match self.classes.get(self.selected) {
                        Some((class, _)) => Nav::Push(Screen::Class(Box::new(ClassScreen::load(
                            class.clone(),
                            cx,
                        )))),
                        None => Nav::Stay,
                    },
                    Some(0) => Nav::Push(Screen::ClassForm(super::class_view::ClassFormScreen {
                        id: None,
                        form: details_form(None),
                    })),
                    Some(1) => {
                        Nav::Push(Screen::Transfer(super::transfer::TransferScreen::export()))
                    }
                    Some(2) => {
                        let data_dir = cx
                            .records
                            .path()
                            .parent()
                            .map(std::path::Path::to_path_buf)
                            .unwrap_or_default();
                        Nav::Push(Screen::Transfer(super::transfer::TransferScreen::import(
                            &data_dir,
                        )))
                    }
                    // Off is asked first: it opens every record on this laptop to anyone.
                    Some(3) if cx.records.codes_required().unwrap_or(true) => {
                        Nav::Ask(crate::app::Confirm::CodesOff)
                    }
                    Some(3) => {
                        let s = pijat_core::strings::tr(cx.lang);
                        *cx.toast = Some(match cx.records.set_codes_required(true) {
                            Ok(()) => s.codes_now_on.into(),
                            Err(e) => e.message().get(cx.lang.code()).to_string(),
                        });
                        self.reload(cx);
                        Nav::Stay
                    }
                    Some(_) => Nav::SwitchProfile,
                };
            }
            _ => {}
        }
        Nav::Stay
    }

    pub fn render(&self, area: Rect, buf: &mut Buffer, view: &View) {
        let th = view.theme;
        let s = view.s;
        let inner = framed(s.trainer_mode, area, buf, th);
        let [intro, list] =
            Layout::vertical([Constraint::Length(2), Constraint::Min(1)]).areas(inner);
        Paragraph::new(s.trainer_intro)
            .wrap(Wrap { trim: true })
            .style(th.dim)
            .render(intro, buf);
        let mut lines: Vec<Line> = self
            .classes
            .iter()
            .enumerate()
            .map(|(i, (c, n))| {
                let mut spans = vec![Span::raw(c.name.clone())];
                let word = if *n == 1 {
                    s.participant_one
                } else {
                    s.participants_word
                };
                let mut info = vec![format!("{n} {word}")];
                info.extend(c.place.clone());
                info.extend(
                    c.starts
                        .as_deref()
                        .map(|d| pijat_core::dates::show_day(d, view.lang)),
                );
                spans.push(Span::styled(format!("  ({})", info.join(" · ")), th.dim));
                row(i == self.selected, spans, th)
            })
            .collect();
        let n = self.classes.len();
        lines.push(row(
            self.selected == n,
            vec![Span::styled(format!("+ {}", s.new_class), th.accent)],
            th,
        ));
        lines.push(row(
            self.selected == n + 1,
            vec![Span::raw(s.export_item)],
            th,
        ));
        lines.push(row(
            self.selected == n + 2,
            vec![Span::raw(s.import_item)],
            th,
        ));
        lines.push(row(
            self.selected == n + 3,
            vec![
                Span::raw(s.codes_item),
                Span::styled(
                    format!("  {}", if self.codes { s.codes_on } else { s.codes_off }),
                    th.dim,
                ),
            ],
            th,
        ));
        lines.push(row(
            self.selected == n + 4,
            vec![Span::raw(s.leave_trainer_mode)],
            th,
        ));
        let skip = scroll_for(self.selected, list.height as usize);
        Paragraph::new(lines.into_iter().skip(skip).collect::<Vec<_>>()).render(list, buf);
    }
}
