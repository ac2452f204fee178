//! The cadres' phone forms as ODK knows them: the daftar tilik of a routine and the home-visit
//! form, built from pijat's own content and a class's roster ([`tilik`], [`visit`]), written as
//! an XForm for ODK Collect ([`xform`]) or as an XLSForm for KoboToolbox and ODK Central
//! ([`xlsform`]). Field names are a contract: submissions and exports are read back by them.

mod build;
mod form;
mod xform;
mod xlsform;

pub use build::{
    COMFORT, DANGER_BABY, DANGER_MOTHER, DATE, FAMILY, MARK_NA, MASSAGES, MILK_FLOW, NOTES,
    OBSERVER, PARTICIPANT, REFERRED_TO, TILIK_PREFIX, VISIT_ID, mark_field, note_field,
    recall_field, seconds_field, tilik, tilik_id, visit,
};
pub use form::{Choice, Form, Item, Kind, Member, Question};
pub use xform::xform;
pub use xlsform::xlsform;
