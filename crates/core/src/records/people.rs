//! A person as pijat knows them.

use crate::Role;

/// A person: trainee, cadre, midwife or other.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Profile {
    /// Its id.
    pub id: String,
    /// The name.
    pub name: String,
    /// Father, cadre, midwife or other.
    pub role: Role,
    /// The language the person reads pijat in.
    pub lang: Option<String>,
    /// When it was saved.
    pub created: String,
    /// When the person was last active.
    pub last_used: String,
    /// A father's baby's date of birth, stored as `2026-12-06`, when the trainer entered it.
    pub baby_born: Option<String>,
    /// An address or phone for the cadre's visits: shown only in trainer mode and on the visit
    /// list, never in reports or pseudonymised bundles.
    pub contact: Option<String>,
}
