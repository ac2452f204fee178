//! The programme's paper forms: the checklist (daftar tilik) and the home-visit form in the
//! columns `sheets import` reads back, a class's attendance list and certificates, and the
//! leaflet fathers take home.

mod attendance;
mod back_figure;
mod certificate;
mod checklist;
mod leaflet;
mod visit;
mod visit_list;

use crate::Langs;
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

pub use attendance::render as attendance;
pub use certificate::render as certificate;
pub use checklist::render as checklist;
pub use leaflet::render as leaflet;
pub use visit::render as visit;
pub use visit_list::render as visit_list;
