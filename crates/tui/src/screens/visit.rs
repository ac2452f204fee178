//! A follow-up home visit typed in by the cadre: date, whether milk flowed after the massage, the
//! mother's comfort, massages a day and notes; then what the baby had yesterday, one question at
//! a time (the WHO/UNICEF 24-hour recall), and the danger signs with the referral. Health data:
//! trainer mode only.

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
use pijat_core::feeding::{Danger, Fed, Recall, Recalled};
use pijat_core::records::VisitFindings;
use pijat_core::strings::outcome::{EN as OEN, ID as OID};
use pijat_core::strings::tr;

const FLOW: &[(&str, &str)] = &[
    (ID.milk_yes, EN.milk_yes),
    (ID.milk_no, EN.milk_no),
    (ID.milk_unsure, EN.milk_unsure),
];
const RECALLED: &[(&str, &str)] = &[
    (OID.recalled_yes, OEN.recalled_yes),
    (OID.recalled_no, OEN.recalled_no),
    (OID.recalled_unknown, OEN.recalled_unknown),
];
const YES_NO: &[(&str, &str)] = &[
    (OID.recalled_yes, OEN.recalled_yes),
    (OID.recalled_no, OEN.recalled_no),
];
/// The recall's questions, in [`Fed::ALL`]'s order.
const QUESTIONS: [(&str, &str); 7] = [
    (OID.fed_breast_milk, OEN.fed_breast_milk),
    (OID.fed_water, OEN.fed_water),
    (OID.fed_formula, OEN.fed_formula),
    (OID.fed_other_milk, OEN.fed_other_milk),
    (OID.fed_drinks, OEN.fed_drinks),
    (OID.fed_food, OEN.fed_food),
    (OID.fed_medicine, OEN.fed_medicine),
];
/// Where the recall's fields start, and the danger signs' after them.
const RECALL_AT: usize = 5;
const DANGER_AT: usize = RECALL_AT + QUESTIONS.len();
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
        let recall = QUESTIONS.map(|q| Field::unchosen(q, RECALLED));
        let danger = [
            Field::unchosen((OID.danger_mother_q, OEN.danger_mother_q), YES_NO),
            Field::unchosen((OID.danger_baby_q, OEN.danger_baby_q), YES_NO),
            Field::text((OID.referred_to_q, OEN.referred_to_q), ""),
        ];
        VisitScreen {
            profile,
            class_id,
            form: Form::new(
                (ID.record_home_visit, EN.record_home_visit),
                [
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
                    recall.into(),
                    danger.into(),
                ]
                .into_iter()
                .flatten()
                .collect(),
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
        let Some(recall) = self.recall() else {
            return self.refuse(OID.answer_every_recall, OEN.answer_every_recall, cx);
        };
        let (Some(mother), Some(baby)) =
            (self.form.choice(DANGER_AT), self.form.choice(DANGER_AT + 1))
        else {
            return self.refuse(OID.answer_danger, OEN.answer_danger, cx);
        };
        if let Err(e) = visit_rule::visit_day(self.profile.baby_born.as_deref(), &date, &today()) {
            self.form.error = Some(e.get(cx.lang.code()).to_string());
            self.form.focus = 0;
            return Nav::Stay;
        }
        let referred = self.form.value(DANGER_AT + 2).trim();
        let danger = Danger {
            mother: mother == 0,
            baby: baby == 0,
            referred_to: Some(referred.to_string()).filter(|r| !r.is_empty()),
        };
        let notes = self.form.value(4).trim().to_string();
        let visit = NewVisit {
            profile_id: &self.profile.id,
            class_id: self.class_id.as_deref(),
            visited_on: &date,
            findings: VisitFindings {
                milk_flow,
                comfort: self.form.choice(2).unwrap_or(0).min(4) as u8 + 1,
                massages_per_day: massages,
                notes: Some(notes).filter(|n| !n.is_empty()),
                recall: Some(recall),
                danger: Some(danger.clone()),
            },
            mode: pijat_core::Mode::App,
        };
        match cx.records.add_visit(&visit) {
            Ok(_) => {
                let saved = pijat_core::fill!(app, s, visit_saved, n = self.profile.name);
                *cx.toast = Some(if danger.unreferred() {
                    let go =
                        pijat_core::strings::pick((OID.danger_go_now, OEN.danger_go_now), cx.lang);
                    format!("{saved} {go}")
                } else {
                    saved
                });
                Nav::Pop
            }
            Err(e) => {
                self.form.error = Some(e.message().get(cx.lang.code()).to_string());
                Nav::Stay
            }
        }
    }

    /// The recall as answered; `None` while a question has no answer.
    fn recall(&self) -> Option<Recall> {
        Fed::ALL
            .into_iter()
            .enumerate()
            .try_fold(Recall::all(Recalled::DontKnow), |r, (i, f)| {
                let answer = Recalled::ALL.get(self.form.choice(RECALL_AT + i)?)?;
                Some(r.with(f, *answer))
            })
    }

    /// Refuses to save: the message, and the focus on the first question without an answer.
    fn refuse<'c>(&mut self, id: &'static str, en: &'static str, cx: &Cx<'_, 'c>) -> Nav<'c> {
        self.form.error = Some(pijat_core::strings::pick((id, en), cx.lang).to_string());
        if let Some(i) = (RECALL_AT..DANGER_AT + 2).find(|i| self.form.choice(*i).is_none()) {
            self.form.focus = i;
        }
        Nav::Stay
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
