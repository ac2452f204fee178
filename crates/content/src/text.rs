//! Texts keyed by language code, and the language a user reads in.

use std::collections::BTreeMap;

pub use pijat_core::Lang;

/// A content text in several languages. Shown in the chosen language, falling back to
/// Indonesian, then English.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Text(BTreeMap<String, String>);

impl Text {
    /// A text from (language code, words) pairs.
    pub fn new(entries: impl IntoIterator<Item = (String, String)>) -> Self {
        Self(entries.into_iter().collect())
    }

    /// A text with the same words in id and en, for tests and generated labels.
    pub fn same(s: &str) -> Self {
        Self::new([("id".into(), s.into()), ("en".into(), s.into())])
    }

    /// The words in `lang`, else Indonesian, else English, else any.
    pub fn get(&self, lang: &Lang) -> &str {
        self.0
            .get(lang.code())
            .or_else(|| self.0.get("id"))
            .or_else(|| self.0.get("en"))
            .or_else(|| self.0.values().next())
            .map_or("", String::as_str)
    }

    /// Whether the text has words in the language `code`.
    pub fn has(&self, code: &str) -> bool {
        self.0.contains_key(code)
    }

    /// The language codes it has words in.
    pub fn languages(&self) -> impl Iterator<Item = &str> {
        self.0.keys().map(String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(pairs: &[(&str, &str)]) -> Text {
        Text::new(pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())))
    }

    #[test]
    fn regional_language_falls_back_to_indonesian_then_english() {
        let t = text(&[("id", "Punggung"), ("en", "Back"), ("jv", "Geger")]);
        assert_eq!(t.get(&Lang::parse("jv").unwrap()), "Geger");
        assert_eq!(t.get(&Lang::parse("su").unwrap()), "Punggung");
        let only_en = text(&[("en", "Back")]);
        assert_eq!(only_en.get(&Lang::id()), "Back");
    }

    #[test]
    fn language_codes_are_two_or_three_letters() {
        assert_eq!(Lang::parse(" EN ").unwrap().code(), "en");
        assert!(Lang::parse("ban").is_some());
        assert!(Lang::parse("e").is_none());
        assert!(Lang::parse("en-GB").is_none());
        assert_eq!(Lang::id().toggled(), Lang::en());
    }
}
