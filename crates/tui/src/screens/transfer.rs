//! Moving results between laptops from trainer mode: export everything to a bundle file (on a
//! USB stick, say), or import bundles from other laptops.

use pijat_core::strings::app::{EN, ID};
use std::path::PathBuf;

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use crate::app::{Cx, Nav};
use crate::keys::{Action, Context};
use crate::view::{View, framed, more_marks, row, scroll_for};
use crate::widgets::form::{Field, Form};
use crate::widgets::prose::{self, ellipsize};
use pijat_app::bundle_files::{Found, find};
use pijat_app::bundles::{export_to, import_from};
use pijat_core::strings::tr;

const NO_YES: &[(&str, &str)] = &[(ID.milk_no, EN.milk_no), (ID.milk_yes, EN.milk_yes)];

pub struct TransferScreen {
    pub export: bool,
    pub form: Form,
    /// Importing: the bundle files found in the usual places, offered as a list (the last row
    /// opens the path field). `None` while the path field is shown.
    pub found: Option<Vec<Found>>,
    /// The folders that were looked in, as the list says.
    pub looked_in: Vec<PathBuf>,
    pub selected: usize,
}

/// Where an export goes unless the trainer types another place: a flash drive when one is
/// plugged in, else the Documents folder.
fn default_export_path() -> String {
    let dir = pijat_core::places::export_folder();
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
        TransferScreen {
            export: true,
            form,
            found: None,
            looked_in: Vec::new(),
            selected: 0,
        }
    }

    /// The bundle files found in the data folder, flash drives, Downloads, Documents, the
    /// desktop and home, newest first; then a row to type a path.
    pub fn import(data_dir: &std::path::Path) -> Self {
        let form = Form::new(
            (ID.import_files_title, EN.import_files_title),
            vec![Field::text((ID.file, EN.file), "")],
        );
        let looked_in = pijat_core::places::import_folders(data_dir);
        TransferScreen {
            export: false,
            form,
            found: Some(find(&looked_in)),
            looked_in,
            selected: 0,
        }
    }

    pub fn context(&self) -> Context {
        if self.found.is_some() {
            Context::List
        } else {
            Context::Form
        }
    }

    pub fn handle<'c>(&mut self, action: Action, cx: &mut Cx<'_, 'c>) -> Nav<'c> {
        if let Some(found) = &self.found {
            let rows = found.len() + 1;
            match action {
                Action::Up => self.selected = (self.selected + rows - 1) % rows,
                Action::Down => self.selected = (self.selected + 1) % rows,
                Action::Back => return Nav::Pop,
                Action::Enter => match found.get(self.selected) {
                    Some(f) => {
                        let path = f.path.clone();
                        return self.import_files(&[path], cx);
                    }
                    None => self.found = None,
                },
                _ => {}
            }
            return Nav::Stay;
        }
        let outcome = self.form.handle(action);
        outcome.then(|| self.submit(cx))
    }

    /// Imports the files; the error (naming each file with its whole path) stays on screen.
    fn import_files<'c>(&mut self, files: &[PathBuf], cx: &mut Cx<'_, 'c>) -> Nav<'c> {
        let s = tr(cx.lang);
        match import_from(cx.records, cx.content, files, cx.lang.code()) {
            Ok(m) => {
                *cx.toast = Some(pijat_core::fill!(
                    app,
                    s,
                    import_done,
                    a = m.profiles_new.to_string(),
                    b = m.profiles_linked.to_string(),
                    c = m.attempts_new.to_string(),
                    d = m.observations_new.to_string(),
                    e = m.visits_new.to_string()
                ));
                Nav::Pop
            }
            Err(problems) => {
                self.form.error = Some(problems.join(" · "));
                Nav::Stay
            }
        }
    }

    fn submit<'c>(&mut self, cx: &mut Cx<'_, 'c>) -> Nav<'c> {
        let s = tr(cx.lang);
        let path = self.form.value(0).trim().to_string();
        if self.export {
            let pseudonymise = self.form.choice(1) == Some(1);
            match export_to(
                cx.records,
                &PathBuf::from(&path),
                None,
                pseudonymise,
                &cx.content.version,
            ) {
                Ok(n) => {
                    *cx.toast = Some(pijat_core::fill!(
                        app,
                        s,
                        export_done,
                        n = n.to_string(),
                        f = path
                    ));
                    Nav::Pop
                }
                Err(m) => {
                    self.form.error = Some(m.get(cx.lang.code()).to_string());
                    Nav::Stay
                }
            }
        } else {
            // A name without a folder is looked for where pijat was started: the error then
            // names that whole path, so the trainer sees which folder was searched.
            let here = std::env::current_dir().unwrap_or_default();
            let files: Vec<PathBuf> = path
                .split(';')
                .map(str::trim)
                .filter(|f| !f.is_empty())
                .map(|f| here.join(f))
                .collect();
            self.import_files(&files, cx)
        }
    }

    pub fn render(&self, area: Rect, buf: &mut Buffer, view: &View) {
        let Some(found) = &self.found else {
            return self.form.render_in(view.s.trainer_mode, area, buf, view);
        };
        let th = view.theme;
        let s = view.s;
        let inner = framed(s.import_files_title, area, buf, th);
        let w = usize::from(inner.width);
        let folders: Vec<String> = self
            .looked_in
            .iter()
            .map(|p| p.display().to_string())
            .collect();
        let mut head = if found.is_empty() {
            prose::wrap(
                &pijat_core::fill!(app, s, no_bundles_found, folders = folders.join(", ")),
                w,
                th.dim,
            )
        } else {
            prose::wrap(s.bundles_found, w, th.dim)
        };
        if let Some(e) = &self.form.error {
            head.extend(prose::wrap(&format!("✗ {e}"), w, th.wrong));
        }
        let mut rows: Vec<Line> = found
            .iter()
            .enumerate()
            .map(|(i, f)| {
                let name = f.path.file_name().unwrap_or_default().to_string_lossy();
                let folder = f
                    .path
                    .parent()
                    .map(|p| p.display().to_string())
                    .unwrap_or_default();
                let when = f.modified.map_or(String::new(), |t| {
                    chrono::DateTime::<chrono::Local>::from(t)
                        .format("%Y-%m-%d %H:%M")
                        .to_string()
                });
                let text = ellipsize(
                    &format!("{name}  ·  {when}  ·  {folder}"),
                    w.saturating_sub(2),
                );
                row(i == self.selected, vec![Span::raw(text)], th)
            })
            .collect();
        rows.push(row(
            self.selected == found.len(),
            vec![Span::styled(s.type_bundle_path, th.accent)],
            th,
        ));
        let head_h = (head.len() as u16 + 1).min(inner.height.saturating_sub(1));
        let [top, list] =
            Layout::vertical([Constraint::Length(head_h), Constraint::Min(1)]).areas(inner);
        Paragraph::new(head).render(top, buf);
        let total = rows.len();
        let skip = scroll_for(self.selected, usize::from(list.height));
        Paragraph::new(rows.into_iter().skip(skip).collect::<Vec<_>>()).render(list, buf);
        more_marks(list, skip, total, buf, th);
    }
}
