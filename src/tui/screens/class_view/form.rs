//! The form for a new class or its details (name, place, dates, trainer).

use super::*;

pub fn details_form(c: Option<&ClassRow>) -> Form {
    let v = |f: Option<&Option<String>>| f.and_then(|x| x.clone()).unwrap_or_default();
    Form::new(
        ("Data kelas", "Class details"),
        vec![
            Field::text(
                ("Nama kelas", "Class name"),
                c.map_or("", |c| c.name.as_str()),
            ),
            Field::text(("Tempat", "Place"), &v(c.map(|c| &c.place))),
            Field::text(
                ("Mulai (tanggal)", "Starts (date)"),
                &v(c.map(|c| &c.starts)),
            ),
            Field::text(("Selesai (tanggal)", "Ends (date)"), &v(c.map(|c| &c.ends))),
            Field::text(("Pelatih", "Trainer"), &v(c.map(|c| &c.trainer))),
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

impl crate::tui::screens::FormScreen for ClassFormScreen {}
