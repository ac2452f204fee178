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

/// `strings! { name: "Indonesian" | "English", … }` makes `Strings`, `ID` and `EN`.
macro_rules! strings {
    ($($name:ident: $id:literal | $en:literal,)*) => {
        pub struct Strings { $(pub $name: &'static str,)* }
        pub const ID: Strings = Strings { $($name: $id,)* };
        pub const EN: Strings = Strings { $($name: $en,)* };
        impl Strings {
            /// Every text by its name, for a page that picks its language itself.
            pub fn entries(&self) -> Vec<(&'static str, &'static str)> {
                vec![$((stringify!($name), self.$name),)*]
            }
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
