//! Moving results between laptops from trainer mode: export everything to a bundle file (on a
//! USB stick, say), or import bundles from other laptops.

use crate::core::strings::app::{EN, ID};
use std::path::PathBuf;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::app::bundles::{export_to, import_from};
use crate::core::strings::tr;
use crate::tui::app::{Cx, Nav};
use crate::tui::keys::Action;
use crate::tui::view::View;
use crate::tui::widgets::form::{Field, Form};

const NO_YES: &[(&str, &str)] = &[(ID.milk_no, EN.milk_no), (ID.milk_yes, EN.milk_yes)];

pub struct TransferScreen {
    pub export: bool,
    pub form: Form,
}

/// Where an export goes unless the trainer types another place: a flash drive when one is
/// plugged in, else the Documents folder.
fn default_export_path() -> String {
    let dir = crate::core::places::export_folder();
    let day = chrono::Local::now().format("%Y-%m-%d");
    dir.join(format!("pijat-{day}.json")).display().to_string()
}

impl TransferScreen {
    pub fn export() -> Self {
        let form = Form::new(
            (ID.export_file, EN.export_file),
            vec![
                Field::text((ID.file, EN.file), &default_export_path()),
                Field::choice((ID.replace_names_codes, EN.replace_names_codes), NO_YES, 0),
            ],
        );
        TransferScreen { export: true, form }
    }

    pub fn import() -> Self {
        let form = Form::new(
            (
                "Impor dari berkas (bisa beberapa, pisahkan dengan ;)",
                "Import from files (several: separate with ;)",
            ),
            vec![Field::text((ID.file, EN.file), "")],
        );
        TransferScreen {
            export: false,
            form,
        }
    }

    pub fn handle<'c>(&mut self, action: Action, cx: &mut Cx<'_, 'c>) -> Nav<'c> {
        let outcome = self.form.handle(action);
        outcome.then(|| self.submit(cx))
    }

    fn submit<'c>(&mut self, cx: &mut Cx<'_, 'c>) -> Nav<'c> {
        let s = tr(cx.lang);
        let path = self.form.value(0).trim().to_string();
        if self.export {
            let pseudonymise = self.form.fields[1].choice == 1;
            match export_to(
                cx.records,
                &PathBuf::from(&path),
                None,
                pseudonymise,
                &cx.content.version,
            ) {
                Ok(n) => {
                    *cx.toast = Some(
                        s.export_done
                            .replace("{n}", &n.to_string())
                            .replace("{f}", &path),
                    );
                    Nav::Pop
                }
                Err(m) => {
                    self.form.error = Some(m.get(cx.lang.code()).to_string());
                    Nav::Stay
                }
            }
        } else {
            let files: Vec<PathBuf> = path
                .split(';')
                .map(str::trim)
                .filter(|f| !f.is_empty())
                .map(PathBuf::from)
                .collect();
            match import_from(cx.records, cx.content, &files, cx.lang.code()) {
                Ok(m) => {
                    *cx.toast = Some(
                        s.import_done
                            .replace("{a}", &m.profiles_new.to_string())
                            .replace("{b}", &m.profiles_linked.to_string())
                            .replace("{c}", &m.attempts_new.to_string())
                            .replace("{d}", &m.observations_new.to_string())
                            .replace("{e}", &m.visits_new.to_string()),
                    );
                    Nav::Pop
                }
                Err(problems) => {
                    self.form.error = Some(problems.join(" · "));
                    Nav::Stay
                }
            }
        }
    }

    pub fn render(&self, area: Rect, buf: &mut Buffer, view: &View) {
        self.form.render_in(view.s.trainer_mode, area, buf, view);
    }
}

impl super::FormScreen for TransferScreen {}
