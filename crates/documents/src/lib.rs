//! The paper documents pijat prints: a paper test and its answer key, and the programme's forms
//! (checklist, home visit, attendance, leaflet, certificates), in Markdown or as HTML that
//! prints on A4, in one language or Indonesian with English. Pure rendering from content and
//! records the shells fetch through `app`; the command line chooses the format and where the
//! text goes.

mod forms;
mod langs;
mod page;
mod page_breaks;
mod test_paper;

pub use forms::{ClassPaper, attendance, certificate, checklist, leaflet, visit, visit_list};
pub use langs::{Langs, langs, texts};
pub use test_paper::{html, markdown};

/// How a document is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Markdown, for the screen or a word processor.
    Md,
    /// HTML that prints on A4.
    Html,
}
