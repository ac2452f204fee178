//! The report in every format, each a thin writer of one document model (`compose`): text, CSV,
//! Markdown, HTML, Word and Excel in Indonesian or English; JSON is the serde form of `Report`.

use super::build::Report;
use super::compose::compose;
use super::png::Fonts;
use super::recap::Recap;
use pijat_content::Lang;

pub use super::words::{num, role_label};
pub use super::write_md::text as markdown_text;

/// The report as text for the screen, 78 columns wide.
pub fn text(r: &Report, quiz_title: &str, lang: &Lang) -> String {
    text_in(r, quiz_title, lang, super::write_text::WIDTH)
}

/// The report as text `width` columns wide (a window of the app), tables as narrow as they can
/// be made.
pub fn text_in(r: &Report, quiz_title: &str, lang: &Lang, width: usize) -> String {
    super::write_text::text(&compose(r, quiz_title, lang), width.max(20))
}

/// The report as CSV.
pub fn csv(r: &Report, lang: &Lang) -> String {
    super::write_csv::csv(&compose(r, &r.quiz, lang))
}

/// A section ready for a community-service report (laporan pengabdian masyarakat).
pub fn markdown(r: &Report, quiz_title: &str, lang: &Lang) -> String {
    super::write_md::markdown(&compose(r, quiz_title, lang))
}

/// The report as HTML.
pub fn html(r: &Report, quiz_title: &str, lang: &Lang) -> String {
    super::write_html::html(&compose(r, quiz_title, lang))
}

/// The report as a Word file, `created` at that moment (W3CDTF: `2026-11-28T09:00:00Z`).
pub fn docx(
    r: &Report,
    quiz_title: &str,
    lang: &Lang,
    fonts: &Fonts,
    created: &str,
) -> Result<Vec<u8>, String> {
    super::write_docx::docx(&compose(r, quiz_title, lang), fonts, created)
}

/// The report as an Excel workbook.
pub fn xlsx(r: &Report, quiz_title: &str, lang: &Lang) -> Result<Vec<u8>, String> {
    super::write_xlsx::xlsx(&compose(r, quiz_title, lang))
}

/// The key from what a report shows (R1, B. S.) to who it is, as CSV for the trainer to keep.
pub fn name_key(key: &[super::names::KeyRow], lang: &Lang) -> String {
    super::write_csv::name_key(key, lang)
}

/// The report as JSON.
pub fn json(r: &Report) -> String {
    serde_json::to_string_pretty(r).unwrap_or_else(|_| "{}".into()) + "\n"
}

/// The puskesmas recap in a format: `text`, `csv`, `md`, `html` as text; Word and Excel through
/// [`recap_docx`] and [`recap_xlsx`]; JSON through [`recap_json`].
pub fn recap_text(r: &Recap, lang: &Lang, format: TextFormat) -> String {
    let doc = super::compose_recap::compose(r, lang);
    match format {
        TextFormat::Text => super::write_text::text(&doc, super::write_text::WIDTH),
        TextFormat::Csv => super::write_csv::csv(&doc),
        TextFormat::Markdown => super::write_md::markdown(&doc),
        TextFormat::Html => super::write_html::html(&doc),
    }
}

/// The formats that are text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextFormat {
    /// For the screen.
    Text,
    /// CSV.
    Csv,
    /// Markdown.
    Markdown,
    /// HTML.
    Html,
}

/// The recap as a Word file, `created` at that moment.
pub fn recap_docx(r: &Recap, lang: &Lang, fonts: &Fonts, created: &str) -> Result<Vec<u8>, String> {
    super::write_docx::docx(&super::compose_recap::compose(r, lang), fonts, created)
}

/// The recap as an Excel workbook.
pub fn recap_xlsx(r: &Recap, lang: &Lang) -> Result<Vec<u8>, String> {
    super::write_xlsx::xlsx(&super::compose_recap::compose(r, lang))
}

/// The recap as JSON.
pub fn recap_json(r: &Recap) -> String {
    serde_json::to_string_pretty(r).unwrap_or_else(|_| "{}".into()) + "\n"
}
