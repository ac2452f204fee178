//! `pijat validate [DIR]`: every problem of the content in one run, or a summary.

use std::path::Path;

use super::EXIT_INPUT;
use pijat_content::{Lang, Loaded, load_with};

pub(crate) fn run(dir: Option<&Path>, lang: &Lang) -> u8 {
    let loaded = load_with(dir);
    crate::out!("{}", report(&loaded, lang));
    if loaded.content.is_some() {
        0
    } else {
        EXIT_INPUT
    }
}

/// What `validate` prints: one line per problem, then the verdict.
pub(crate) fn report(loaded: &Loaded, lang: &Lang) -> String {
    let en = lang.is_en();
    let mut out = String::new();
    for d in &loaded.diagnostics {
        out.push_str(&d.render(lang.code()));
        out.push('\n');
    }
    let errors = loaded.errors().count();
    let warnings = loaded.diagnostics.len() - errors;
    for (shipped, theirs) in &loaded.overrides {
        out.push_str(&if en {
            format!("{theirs} replaces {shipped}\n")
        } else {
            format!("{theirs} menggantikan {shipped}\n")
        });
    }
    match &loaded.content {
        Some(c) => {
            let s = c.summary();
            out.push_str(&if en {
                format!(
                    "Content is valid: {}, {}, {} ({}), {}, {}, {}",
                    count(s.modules, "module", "modules"),
                    count(s.pages, "page", "pages"),
                    count(s.routines, "routine", "routines"),
                    count(s.steps, "step", "steps"),
                    count(s.quizzes, "quiz", "quizzes"),
                    count(s.questions, "question", "questions"),
                    count(s.sources, "source", "sources"),
                )
            } else {
                format!(
                    "Konten sah: {} modul, {} halaman, {} rutinitas ({} langkah), {} kuis, {} pertanyaan, {} sumber",
                    s.modules, s.pages, s.routines, s.steps, s.quizzes, s.questions, s.sources
                )
            });
            if warnings > 0 {
                out.push_str(&if en {
                    format!(" · {}", count(warnings, "warning", "warnings"))
                } else {
                    format!(" · {warnings} peringatan")
                });
            }
            out.push('\n');
        }
        None => out.push_str(&if en {
            format!(
                "{}, {}: the content was not loaded. Fix the lines above and run `pijat validate` again.\n",
                count(errors, "error", "errors"),
                count(warnings, "warning", "warnings")
            )
        } else {
            format!(
                "{errors} kesalahan, {warnings} peringatan: konten tidak dimuat. Perbaiki baris di atas lalu jalankan `pijat validate` lagi.\n"
            )
        }),
    }
    out
}

fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
