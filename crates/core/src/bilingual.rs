//! A text a user reads, in the two languages of pijat's interface.

/// A message in the two languages every user-facing text of pijat has.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bilingual {
    /// The Indonesian text.
    pub id: String,
    /// The English text.
    pub en: String,
}

impl Bilingual {
    /// The two texts, Indonesian first.
    pub fn new(id: impl Into<String>, en: impl Into<String>) -> Self {
        Self {
            id: id.into(),
            en: en.into(),
        }
    }

    /// The Indonesian text unless English was asked for: regional languages fall back to `id`.
    pub fn get(&self, lang: &str) -> &str {
        if lang == "en" { &self.en } else { &self.id }
    }
}

/// Builds a [`Bilingual`] from two format strings: `msg!(id: "…{x}", en: "…{x}")`.
#[macro_export]
macro_rules! msg {
    (id: $id:expr, en: $en:expr $(,)?) => {
        $crate::Bilingual::new(format!($id), format!($en))
    };
}
