//! `pijat validate [DIR]`: every problem of the content in one run, or a summary.

use pijat_core::fill;
use std::path::Path;

use super::EXIT_INPUT;
use pijat_content::{Lang, Loaded, load_with};
use pijat_core::strings::cli::tr;

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
    let s = tr(lang);
    let mut out = String::new();
    for d in &loaded.diagnostics {
        out.push_str(&d.render(lang.code()));
        out.push('\n');
    }
    let errors = loaded.errors().count();
    let warnings = loaded.diagnostics.len() - errors;
    for (shipped, theirs) in &loaded.overrides {
        out.push_str(&fill!(
            cli,
            s,
            file_replaces_shipped,
            theirs = theirs,
            shipped = shipped
        ));
        out.push('\n');
    }
    let warned = count(warnings, s.warning_one, s.warning_many);
    match &loaded.content {
        Some(c) => {
            let c = c.summary();
            out.push_str(&fill!(
                cli,
                s,
                content_is_valid,
                modules = count(c.modules, s.module_one, s.module_many),
                pages = count(c.pages, s.page_one, s.page_many),
                routines = count(c.routines, s.routine_one, s.routine_many),
                steps = count(c.steps, s.step_one, s.step_many),
                quizzes = count(c.quizzes, s.quiz_one, s.quiz_many),
                questions = count(c.questions, s.question_one, s.question_many),
                sources = count(c.sources, s.source_one, s.source_many)
            ));
            if warnings > 0 {
                out.push_str(&format!(" · {warned}"));
            }
            out.push('\n');
        }
        None => {
            let errs = count(errors, s.error_one, s.error_many);
            let line = fill!(cli, s, content_not_loaded, errors = errs, warnings = warned);
            out.push_str(&line);
            out.push('\n');
        }
    }
    out
}

/// `n` and the word for one or for several (Indonesian uses the same word).
fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
