//! `pijat export FILE [--class NAME] [--pseudonymise]` and `pijat import FILE...`.

use pijat_core::strings::cli::tr;
use std::path::{Path, PathBuf};

use super::{EXIT_INPUT, Shell};
use pijat_app::bundles::{export_to, import_from};

pub(crate) fn export(shell: &Shell, file: &Path, class: Option<&str>, pseudonymise: bool) -> u8 {
    let lang = &shell.lang;
    let content = match shell.content_or_exit() {
        Ok(c) => c,
        Err(code) => return code,
    };
    let store = match shell.store_to_read() {
        Ok(s) => s,
        Err(m) => {
            crate::errln!("{m}");
            return EXIT_INPUT;
        }
    };
    match export_to(&store, file, class, pseudonymise, &content.version) {
        Ok(n) => {
            let f = file.display();
            crate::outln!(
                "{}",
                if pseudonymise {
                    pijat_core::fill!(cli, tr(lang), exported_names_replaced, f = f, n = n)
                } else {
                    pijat_core::fill!(cli, tr(lang), exported_trainees_records, f = f, n = n)
                }
            );
            0
        }
        Err(m) => {
            crate::errln!("{}", m.get(lang.code()));
            EXIT_INPUT
        }
    }
}

pub(crate) fn import(shell: &Shell, files: &[PathBuf]) -> u8 {
    let lang = &shell.lang;
    let content = match shell.content_or_exit() {
        Ok(c) => c,
        Err(code) => return code,
    };
    let mut store = match shell.store() {
        Ok(s) => s,
        Err(m) => {
            crate::errln!("{m}");
            return EXIT_INPUT;
        }
    };
    // Records of other people come in: this laptop must have a trainer PIN first.
    match store.has_pin() {
        Ok(true) => {}
        Ok(false) => {
            crate::errln!("{}", tr(lang).laptop_has_no_trainer);
            return EXIT_INPUT;
        }
        Err(e) => {
            crate::errln!("{}", e.message().get(lang.code()));
            return EXIT_INPUT;
        }
    }
    match import_from(&mut store, &content, files, lang.code()) {
        Ok(m) => {
            let line = pijat_core::fill!(
                cli,
                tr(lang),
                imported,
                new = m.profiles_new,
                linked = m.profiles_linked,
                classes = m.classes_new,
                tests = m.attempts_new,
                known = m.attempts_known,
                runs = m.runs_new,
                observations = m.observations_new,
                visits = m.visits_new
            );
            crate::outln!("{line}");
            0
        }
        Err(problems) => {
            for p in problems {
                crate::errln!("{p}");
            }
            crate::errln!("{}", tr(lang).nothing_was_imported);
            EXIT_INPUT
        }
    }
}
