//! The programme's paper forms: the checklist (daftar tilik) and the home-visit form in the
//! columns `sheets import` reads back, a class's attendance list and certificates, and the
//! leaflet fathers take home.

mod attendance;
mod back_figure;
mod certificate;
mod checklist;
mod leaflet;
mod visit;

use crate::{Format, Langs};
use pijat_content::{Content, Lang, Routine};
use pijat_engine::report::Input;
use pijat_engine::report::types::ClassInfo;

/// What a class's paper (attendance, certificate) is made from.
pub struct ClassPaper {
    /// The class's members with their tests and latest observation.
    pub input: Input,
    /// The paper's languages.
    pub l: Langs,
    /// The class's details.
    pub info: ClassInfo,
}

/// The daftar tilik of a routine: a row per step, boxes 2 / 1 / 0 / –, critical steps marked.
pub fn checklist(r: &Routine, l: &Langs, format: Format) -> String {
    checklist::render(r, l, format)
}

/// The home-visit form, in the columns `sheets import --visits` reads.
pub fn visit(l: &Langs, format: Format) -> String {
    visit::render(l, format)
}

/// One A4 page for fathers to take home: the steps, the back, when not to massage, when to stop.
pub fn leaflet(
    r: &Routine,
    content: &Content,
    lang: &Lang,
    bilingual: bool,
    format: Format,
) -> String {
    leaflet::render(r, content, lang, bilingual, format)
}

/// The attendance list of a class: names, roles, a signature per meeting.
pub fn attendance(c: ClassPaper, format: Format) -> Result<String, String> {
    attendance::render(c, format)
}

/// A certificate for each member judged competent at the latest observation; an error when
/// there is none.
pub fn certificate(c: ClassPaper, format: Format) -> Result<String, String> {
    certificate::render(c, format)
}
