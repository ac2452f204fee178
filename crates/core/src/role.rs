//! What a person is in the programme: father, cadre, midwife or someone else.

use crate::Bilingual;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
/// A participant's role, stored as `father`, `cadre`, `midwife`, `other`.
pub enum Role {
    /// A father, the massage's giver.
    Father,
    /// A posyandu cadre (kader), who coaches and visits.
    Cadre,
    /// A midwife (bidan).
    Midwife,
    /// Anyone else in the class.
    Other,
}

impl Role {
    /// Every role, fathers first.
    pub const ALL: [Role; 4] = [Role::Father, Role::Cadre, Role::Midwife, Role::Other];

    /// The stored text.
    pub fn name(self) -> &'static str {
        match self {
            Role::Father => "father",
            Role::Cadre => "cadre",
            Role::Midwife => "midwife",
            Role::Other => "other",
        }
    }

    /// The stored text read back exactly (`father`, `cadre`, `midwife`, `other`).
    pub fn from_name(s: &str) -> Option<Role> {
        Self::ALL.into_iter().find(|r| r.name() == s)
    }

    /// Accepts the English and the Indonesian word, in any case.
    pub fn parse(s: &str) -> Option<Role> {
        match s.trim().to_lowercase().as_str() {
            "father" | "ayah" | "bapak" => Some(Role::Father),
            "cadre" | "kader" => Some(Role::Cadre),
            "midwife" | "bidan" => Some(Role::Midwife),
            "other" | "lainnya" | "lain" => Some(Role::Other),
            _ => None,
        }
    }

    /// The word a reader sees, in both languages.
    pub fn label(self) -> Bilingual {
        match self {
            Role::Father => Bilingual::new("ayah", "father"),
            Role::Cadre => Bilingual::new("kader", "cadre"),
            Role::Midwife => Bilingual::new("bidan", "midwife"),
            Role::Other => Bilingual::new("lainnya", "other"),
        }
    }
}
