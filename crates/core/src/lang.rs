//! The language a user reads in.

use std::fmt;

/// A language code such as `id`, `en`, `jv`: two or three lowercase ASCII letters.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Lang(String);

impl Lang {
    /// Indonesian, the language pijat starts in.
    pub fn id() -> Self {
        Self("id".into())
    }

    /// English.
    pub fn en() -> Self {
        Self("en".into())
    }

    /// Accepts `id`, `en` and regional codes (`jv`, `su`, `ms`, `ban`…).
    pub fn parse(code: &str) -> Option<Self> {
        let code = code.trim().to_ascii_lowercase();
        let ok = (2..=3).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_lowercase());
        ok.then_some(Self(code))
    }

    /// The code as written: `id`, `en`, `jv`…
    pub fn code(&self) -> &str {
        &self.0
    }

    /// Whether the interface is read in English (every other code reads the Indonesian
    /// interface).
    pub fn is_en(&self) -> bool {
        self.0 == "en"
    }

    /// A number with `places` decimals as this language writes it: `0,7` in Indonesian, `0.7`
    /// in English.
    pub fn decimal(&self, value: f64, places: usize) -> String {
        self.decimal_mark(format!("{value:.places$}"))
    }

    /// A number already written with a decimal point, given this language's decimal mark: the
    /// one place the mark is chosen.
    pub fn decimal_mark(&self, written: String) -> String {
        if self.is_en() {
            written
        } else {
            written.replace('.', ",")
        }
    }

    /// What separates the fields of a spreadsheet file in this language: `;` in Indonesian,
    /// where the comma is the decimal mark; `,` in English.
    pub fn list_separator(&self) -> u8 {
        if self.is_en() { b',' } else { b';' }
    }

    /// The other of the two interface languages: what `L` switches to.
    pub fn toggled(&self) -> Self {
        if self.is_en() { Self::id() } else { Self::en() }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}
