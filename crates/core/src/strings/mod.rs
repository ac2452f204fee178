//! The one strings table: every text a user reads, Indonesian and English side by side, one
//! table per shell or part (the app, the command line, reports, key help). The macro makes both
//! languages from one list, so a text cannot exist in one language only.

pub mod app;
pub mod classroom;
pub mod cli;
pub mod keys;
pub mod messages;
pub mod report;
pub mod web;

/// `strings! { name: "Indonesian" | "English", … }` makes `Strings`, `ID`, `EN`, `tr` (the table
/// in a language) and `both` (a text in both languages, filled in).
macro_rules! strings {
    ($($name:ident: $id:literal | $en:literal,)*) => {
        /// The table's texts, one field per text, in one language.
        pub struct Strings { $(#[doc = $en] pub $name: &'static str,)* }
        /// The table in Indonesian.
        pub const ID: Strings = Strings { $($name: $id,)* };
        /// The table in English.
        pub const EN: Strings = Strings { $($name: $en,)* };
        impl Strings {
            /// Every text by its name, for a page that picks its language itself.
            pub fn entries(&self) -> Vec<(&'static str, &'static str)> {
                vec![$((stringify!($name), self.$name),)*]
            }
        }

        /// The table in the reader's language: Indonesian unless English was chosen.
        pub fn tr(lang: &$crate::Lang) -> &'static Strings {
            if lang.is_en() { &EN } else { &ID }
        }

        /// A text of this table in both languages, its `{name}` places filled in: for words
        /// made before anyone knows which language will read them (errors, a screen's message
        /// that must follow a language switch).
        pub fn both(
            text: fn(&'static Strings) -> &'static str,
            values: &[(&str, &dyn std::fmt::Display)],
        ) -> $crate::Bilingual {
            $crate::Bilingual::new(super::fill(text(&ID), values), super::fill(text(&EN), values))
        }
    };
}
use strings;

pub use app::{Strings, tr};

/// A text of a table with its `{name}` places filled in.
pub fn fill(text: &str, values: &[(&str, &dyn std::fmt::Display)]) -> String {
    values.iter().fold(text.to_string(), |t, (name, v)| {
        t.replace(&format!("{{{name}}}"), &v.to_string())
    })
}
