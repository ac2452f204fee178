//! Names as people type them, made one form: a name that prints as "Budi" is one person,
//! however it was typed, pasted or carried in a bundle.

use unicode_normalization::UnicodeNormalization;

use super::Bilingual;

/// The longest name pijat keeps, in characters.
pub const MAX_NAME_CHARS: usize = 60;

#[derive(Clone, Debug, PartialEq, Eq)]
/// Why a typed name cannot be kept.
pub enum NameError {
    /// Nothing but spaces.
    Empty,
    /// How many characters, and the most allowed.
    TooLong(usize, usize),
    /// A control character (a tab, a line break…) inside.
    Control,
}

impl NameError {
    /// What to tell the person who typed it.
    pub fn message(&self) -> Bilingual {
        match self {
            NameError::Empty => crate::both!(messages, name_empty_type_name),
            NameError::TooLong(n, max) => {
                crate::both!(messages, too_long_characters_most, n = n, max = max)
            }
            NameError::Control => crate::both!(messages, name_holds_control_characters_type),
        }
    }
}

/// Characters that change how text prints without being seen: zero-width spaces and joiners,
/// the byte-order mark, soft hyphens and the bidirectional controls that reorder letters.
pub fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{115F}' | '\u{1160}' | '\u{17B4}' | '\u{17B5}'
        | '\u{180B}'..='\u{180F}'
        | '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{206F}'
        | '\u{3164}' | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}' | '\u{FFA0}'
        | '\u{FFF9}'..='\u{FFFB}'
        | '\u{1D173}'..='\u{1D17A}'
        | '\u{E0000}'..='\u{E007F}'
    )
}

/// A name as stored: Unicode NFC, invisible and direction-changing characters removed, any
/// kind of space made one plain space, trimmed, 1–60 characters. Control characters (a tab, a
/// line break, an escape) are refused: they come from a broken paste or a crafted file.
pub fn clean_name(raw: &str) -> Result<String, NameError> {
    clean_text(raw, MAX_NAME_CHARS)
}

/// A one-line text a person typed (a place, a trainer's name), cleaned as a name is, up to
/// `max` characters.
pub fn clean_text(raw: &str, max: usize) -> Result<String, NameError> {
    if raw.chars().any(char::is_control) {
        return Err(NameError::Control);
    }
    let visible: String = raw.nfc().filter(|c| !is_invisible(*c)).collect();
    let name = visible.split_whitespace().collect::<Vec<_>>().join(" ");
    match name.chars().count() {
        0 => Err(NameError::Empty),
        n if n > max => Err(NameError::TooLong(n, max)),
        _ => Ok(name),
    }
}

/// Two names are the same person when they differ only in case, spacing, Unicode form and
/// invisible characters.
pub fn name_key(name: &str) -> String {
    let visible: String = name.nfc().filter(|c| !is_invisible(*c)).collect();
    visible
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Text from outside (a bundle, a sheet, a note) made safe to print on a terminal: control and
/// invisible characters become `�`, so an escape sequence can never reach the screen.
pub fn printable(s: &str) -> String {
    s.chars()
        .map(|c| {
            if (c.is_control() && c != '\n') || is_invisible(c) {
                '\u{FFFD}'
            } else {
                c
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookalike_names_become_one_name() {
        let plain = clean_name("Budi").unwrap();
        assert_eq!(clean_name("Bu\u{200B}di").unwrap(), plain);
        assert_eq!(clean_name("Bu\u{202E}di").unwrap(), plain);
        assert_eq!(clean_name("\u{FEFF}Budi\u{2060}").unwrap(), plain);
        assert_eq!(
            clean_name("  Budi\u{00A0}\u{3000} Santoso ").unwrap(),
            "Budi Santoso"
        );
        // é as one character and as e + combining accent.
        assert_eq!(
            clean_name("Ren\u{e9}").unwrap(),
            clean_name("Rene\u{301}").unwrap()
        );
        assert_eq!(name_key("BUDI\u{200D}"), name_key("budi"));
    }

    #[test]
    fn control_characters_and_empty_names_are_refused() {
        assert_eq!(clean_name("Bu\x1b[31mdi"), Err(NameError::Control));
        assert_eq!(clean_name("Bu\tdi"), Err(NameError::Control));
        assert_eq!(clean_name("\u{200B}\u{200B}"), Err(NameError::Empty));
        assert_eq!(clean_name(&"a".repeat(61)), Err(NameError::TooLong(61, 60)));
    }

    #[test]
    fn printable_text_holds_no_escape() {
        assert_eq!(printable("a\x1b[2Jb\u{202E}c"), "a\u{FFFD}[2Jb\u{FFFD}c");
    }
}
