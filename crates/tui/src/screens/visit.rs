//! A follow-up home visit typed in by the cadre: date, whether milk flowed after the massage, the
//! mother's comfort, massages a day and notes. Health data: trainer mode only.

use pijat_core::strings::app::{EN, ID};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::observe::today;
use crate::app::{Cx, Nav};
use crate::keys::Action;
use crate::view::{View, framed};
use crate::widgets::form::{Field, Form};
use pijat_app::monitoring::{parse_date, visit_rule};
use pijat_app::{MilkFlow, NewVisit, Profile};
use pijat_core::strings::tr;

const FLOW: &[(&str, &str)] = &[
    (ID.milk_yes, EN.milk_yes),
    (ID.milk_no, EN.milk_no),
    (ID.milk_unsure, EN.milk_unsure),
];
const COMFORT: &[(&str, &str)] = &[
    (ID.label_1_very_uncomfortable, EN.label_1_very_uncomfortable),
    ("2", "2"),
    ("3", "3"),
    ("4", "4"),
    (ID.label_5_very_comfortable, EN.label_5_very_comfortable),
];

pub struct VisitScreen {
    pub profile: Profile,
    pub class_id: Option<String>,
    pub form: Form,
}

impl VisitScreen {
    pub fn new(profile: Profile, class_id: Option<String>) -> Self {
        VisitScreen {
            profile,
            class_id,
            form: Form::new(
                (ID.record_home_visit, EN.record_home_visit),
                vec![
                    Field::text((ID.date, EN.date), &today()),
                    Field::unchosen(
                        (
                            "ASI mengalir setelah pijat",
                            "Milk flowed after the massage",
                        ),
                        FLOW,
                    ),
                    Field::unchosen((ID.mother_comfort, EN.mother_comfort), COMFORT),
                    Field::text((ID.massages_day, EN.massages_day), ""),
                    Field::text((ID.notes, EN.notes), ""),
                ],
            ),
        }
    }

    pub fn handle<'c>(&mut self, action: Action, cx: &mut Cx<'_, 'c>) -> Nav<'c> {
        let outcome = self.form.handle(action);
        outcome.then(|| self.submit(cx))
    }

    fn submit<'c>(&mut self, cx: &mut Cx<'_, 'c>) -> Nav<'c> {
        let s = tr(cx.lang);
        let Some(date) = parse_date(self.form.value(0)) else {
            self.form.error = Some(s.date_invalid.to_string());
            self.form.focus = 0;
            return Nav::Stay;
        };
        // Nothing is saved that nobody chose.
        for (i, missing) in [(1, s.visit_choose_flow), (2, s.visit_choose_comfort)] {
            if self.form.choice(i).is_none() {
                self.form.error = Some(missing.to_string());
                self.form.focus = i;
                return Nav::Stay;
            }
        }
        let Ok(massages) = visit_rule::massages_per_day(self.form.value(3)) else {
            self.form.error = Some(s.massages_invalid.to_string());
            self.form.focus = 3;
            return Nav::Stay;
        };
        let milk_flow = match self.form.choice(1) {
            Some(0) => MilkFlow::Yes,
            Some(1) => MilkFlow::No,
            _ => MilkFlow::Unsure,
        };
        let notes = self.form.value(4).trim().to_string();
        let visit = NewVisit {
            profile_id: &self.profile.id,
            class_id: self.class_id.as_deref(),
            visited_on: &date,
            milk_flow,
            comfort: self.form.choice(2).unwrap_or(0).min(4) as u8 + 1,
            massages_per_day: massages,
            notes: Some(notes.as_str()),
            mode: pijat_core::Mode::App,
        };
        match cx.records.add_visit(&visit) {
            Ok(_) => {
                *cx.toast = Some(pijat_core::fill!(
                    app,
                    s,
                    visit_saved,
                    n = self.profile.name
                ));
                Nav::Pop
            }
            Err(e) => {
                self.form.error = Some(e.message().get(cx.lang.code()).to_string());
                Nav::Stay
            }
        }
    }

    pub fn render(&self, area: Rect, buf: &mut Buffer, view: &View) {
        let th = view.theme;
        let inner = framed(view.s.trainer_mode, area, buf, th);
        let [head, body] =
            Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(inner);
        Paragraph::new(Line::from(Span::styled(
            pijat_core::fill!(app, view.s, visit_title, n = self.profile.name),
            th.title,
        )))
        .render(head, buf);
        self.form.render(body, buf, view);
    }
}

impl super::FormScreen for VisitScreen {}
