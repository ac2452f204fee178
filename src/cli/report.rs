//! `pijat report [--class NAME] [--quiz ID] [--format text|csv|md|json] [--items]`.

use super::{EXIT_INPUT, EXIT_USAGE, Shell, t};
use crate::report::{build, render};
use crate::session::report_data::report_input;

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Text,
    Csv,
    Md,
    Json,
}

pub fn run(
    shell: &Shell,
    class: Option<&str>,
    quiz: Option<&str>,
    format: Format,
    items: bool,
) -> u8 {
    let lang = &shell.lang;
    let content = match shell.content_or_exit() {
        Ok(c) => c,
        Err(code) => return code,
    };
    let quiz = match quiz {
        Some(id) => content.quiz(id),
        None => content.prepost_quiz(),
    };
    let Some(quiz) = quiz else {
        crate::errln!("{}", t(lang, "kuis itu tidak ada", "no such quiz"));
        return EXIT_USAGE;
    };
    let store = match shell.store_to_read() {
        Ok(s) => s,
        Err(m) => {
            crate::errln!("{m}");
            return EXIT_INPUT;
        }
    };
    let input = match report_input(
        &store,
        quiz,
        class,
        items,
        lang,
        crate::session::monitoring::main_routine(&content),
    ) {
        Ok(Some(i)) => i,
        Ok(None) => {
            let names: Vec<String> = store
                .classes()
                .unwrap_or_default()
                .into_iter()
                .map(|c| c.name)
                .collect();
            let list = if names.is_empty() {
                "–".to_string()
            } else {
                names.join(", ")
            };
            let name = class.unwrap_or_default();
            crate::errln!(
                "{}",
                if lang.is_en() {
                    format!("no class “{name}”; the classes are: {list}")
                } else {
                    format!("tidak ada kelas “{name}”; kelas yang ada: {list}")
                }
            );
            return EXIT_INPUT;
        }
        Err(e) => {
            crate::errln!("{}", e.message().get(lang.code()));
            return EXIT_INPUT;
        }
    };
    let report = build(&input);
    let title = quiz.title.get(lang);
    let out = match format {
        Format::Text => render::text(&report, title, lang),
        Format::Csv => render::csv(&report, lang),
        Format::Md => render::markdown(&report, title, lang),
        Format::Json => render::json(&report),
    };
    crate::out!("{out}");
    0
}
