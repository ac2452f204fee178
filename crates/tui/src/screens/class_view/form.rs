//! The form for a new class or its details (name, place, dates, trainer).

use super::*;
use pijat_core::strings::app::{EN, ID};
use pijat_core::strings::outcome::{EN as OEN, ID as OID};

pub fn details_form(c: Option<&ClassRecord>) -> Form {
    let v = |f: Option<&Option<String>>| f.and_then(|x| x.clone()).unwrap_or_default();
    let day = |f: Option<&Option<String>>| pijat_core::dates::input_day(&v(f));
    Form::new(
        (ID.class_details, EN.class_details),
        vec![
            Field::text(
                (ID.class_name, EN.class_name),
                c.map_or("", |c| c.name.as_str()),
            ),
            Field::text((ID.place, EN.place), &v(c.map(|c| &c.place))),
            Field::text((ID.starts_date, EN.starts_date), &day(c.map(|c| &c.starts))),
            Field::text((ID.ends_date, EN.ends_date), &day(c.map(|c| &c.ends))),
            Field::text((ID.trainer, EN.trainer), &v(c.map(|c| &c.trainer))),
        ],
    )
}

/// Creating a class or editing its details.
pub struct ClassFormScreen {
    pub id: Option<String>,
    pub form: Form,
}

impl ClassFormScreen {
    pub fn handle<'c>(&mut self, action: Action, cx: &mut Cx<'_, 'c>) -> Nav<'c> {
        let outcome = self.form.handle(action);
        outcome.then(|| self.submit(cx))
    }

    fn submit<'c>(&mut self, cx: &mut Cx<'_, 'c>) -> Nav<'c> {
        let opt = |i: usize| Some(self.form.value(i).to_string());
        let d = ClassDetails {
            name: self.form.value(0).to_string(),
            place: opt(1),
            starts: opt(2),
            ends: opt(3),
            trainer: opt(4),
        };
        match cx.records.save_class(self.id.as_deref(), &d) {
            Ok(c) if self.id.is_none() => {
                Nav::Replace(Screen::Class(Box::new(ClassScreen::load(c, cx))))
            }
            Ok(_) => Nav::Pop,
            Err(e) => {
                self.form.error = Some(e.message().get(cx.lang.code()).to_string());
                Nav::Stay
            }
        }
    }

    pub fn render(&self, area: Rect, buf: &mut Buffer, view: &View) {
        self.form.render_in(view.s.trainer_mode, area, buf, view);
    }
}

impl crate::screens::FormScreen for ClassFormScreen {}

/// A participant's roles, in the order of `Role::ALL`.
pub(super) const ROLES: &[(&str, &str)] = &[
    (ID.father, EN.father),
    (ID.cadre, EN.cadre),
    (ID.midwife, EN.midwife),
    (ID.other, EN.other),
];

/// The form for a new participant or one being changed: name and role; for one being changed,
/// also the baby's date of birth, a contact line and the cadre who visits (`cadres`: the class's
/// cadres, `cadre`: the one chosen).
pub(super) fn participant_form(
    p: Option<&Profile>,
    cadres: &[&Profile],
    cadre: Option<&str>,
) -> Form {
    let role = p.map_or(0, |p| {
        Role::ALL.iter().position(|r| *r == p.role).unwrap_or(0)
    });
    Form::new(
        if p.is_some() {
            (ID.edit_participant, EN.edit_participant)
        } else {
            (ID.add_participant, EN.add_participant)
        },
        vec![
            Field::text(
                (ID.name_col, EN.name_col),
                p.map_or("", |p| p.name.as_str()),
            ),
            Field::choice((ID.role_col, EN.role_col), ROLES, role),
        ]
        .into_iter()
        .chain(
            p.map(|p| family_fields(p, cadres, cadre))
                .into_iter()
                .flatten(),
        )
        .collect(),
    )
}

/// Where the family fields start in the participant form.
pub(super) const FAMILY_AT: usize = 2;

fn family_fields(p: &Profile, cadres: &[&Profile], cadre: Option<&str>) -> [Field; 3] {
    let born = pijat_core::dates::input_day(p.baby_born.as_deref().unwrap_or(""));
    let mut names = vec![OID.no_cadre.to_string()];
    names.extend(cadres.iter().map(|c| c.name.clone()));
    let chosen = cadre
        .and_then(|id| cadres.iter().position(|c| c.id == id))
        .map_or(0, |i| i + 1);
    [
        Field::text((OID.baby_born_label, OEN.baby_born_label), &born),
        Field::text(
            (OID.contact_label, OEN.contact_label),
            p.contact.as_deref().unwrap_or(""),
        ),
        Field::names((OID.cadre_label, OEN.cadre_label), names, chosen),
    ]
}
