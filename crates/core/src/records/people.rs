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
}
