//! `pijat print QUIZ [--format md|html] [--key] [--bilingual]`: a paper test with numbered
//! items in file order and boxes to mark, or its answer key (made by `pijat_documents`). HTML
//! prints on A4.

use super::{EXIT_USAGE, Shell};
use pijat_core::strings::cli::tr as cli_tr;

/// How a printout is written, as the command line names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Markdown.
    Md,
    /// HTML that prints on A4.
    Html,
}

impl From<Format> for pijat_documents::Format {
    fn from(f: Format) -> Self {
        match f {
            Format::Md => pijat_documents::Format::Md,
            Format::Html => pijat_documents::Format::Html,
        }
    }
}

pub(crate) fn run(shell: &Shell, quiz_id: &str, format: Format, key: bool, bilingual: bool) -> u8 {
    let content = match shell.content_or_exit() {
        Ok(c) => c,
        Err(code) => return code,
    };
    let Some(quiz) = content.quiz(quiz_id) else {
        let ids: Vec<&str> = content.quizzes.iter().map(|q| q.id.as_str()).collect();
        crate::errln!(
            "{} `{quiz_id}`: {}",
            cli_tr(&shell.lang).no_quiz,
            ids.join(", ")
        );
        return EXIT_USAGE;
    };
    let langs = pijat_documents::langs(&shell.lang, bilingual);
    let out = match format {
        Format::Md => pijat_documents::markdown(quiz, &langs, key),
        Format::Html => pijat_documents::html(quiz, &langs, key),
    };
    crate::out!("{out}");
    0
}
