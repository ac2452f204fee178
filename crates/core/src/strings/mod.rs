//! The one strings table: every text a user reads, Indonesian and English side by side, one
//! table per shell or part (the app, the command line, reports, key help). The macro makes both
//! languages from one list, so a text cannot exist in one language only.

pub mod app;
pub mod classroom;
pub mod cli;
pub mod keys;
pub mod messages;
pub mod odk;
pub mod outcome;
pub mod recap;
pub mod report;
pub mod web;

/// `strings! { name: "Indonesian" | "English", … }` makes `Strings`, `ID`, `EN`, `tr` (the table
/// in a language) and `both` (a text in both languages, filled in). A text whose two languages
/// do not name the same `{places}` does not build.
macro_rules! strings {
    ($($name:ident: $id:literal | $en:literal,)*) => {
        $(const _: () = assert!(
            super::same_places($id, $en),
            concat!("strings table: `", stringify!($name), "` names different {{places}} in Indonesian and English"),
        );)*
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
            values: &[(&str, &dyn super::Place)],
        ) -> $crate::Bilingual {
            $crate::Bilingual::new(
                super::fill_half(text(&ID), values, false),
                super::fill_half(text(&EN), values, true),
            )
        }
    };
}
use strings;

pub use app::{Strings, tr};

/// Whether the two texts name the same `{places}` (each place of one is in the other), checked
/// while building for every text of every table.
pub const fn same_places(a: &str, b: &str) -> bool {
    places_within(a.as_bytes(), b.as_bytes()) && places_within(b.as_bytes(), a.as_bytes())
}

/// Whether every `{name}` of `a` (a letter, digit or `_` between braces) occurs in `b`.
#[allow(
    clippy::indexing_slicing,
    reason = "a const fn; every index is below the length it is checked against"
)]
const fn places_within(a: &[u8], b: &[u8]) -> bool {
    let mut i = 0;
    while i < a.len() {
        if a[i] != b'{' {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < a.len() && (a[j].is_ascii_alphanumeric() || a[j] == b'_') {
            j += 1;
        }
        if j > i + 1 && j < a.len() && a[j] == b'}' && !occurs(b, a, i, j + 1) {
            return false;
        }
        i = j;
    }
    true
}

/// Whether `src[from..to]` occurs in `hay`.
#[allow(
    clippy::indexing_slicing,
    reason = "a const fn; every index is below the length it is checked against"
)]
const fn occurs(hay: &[u8], src: &[u8], from: usize, to: usize) -> bool {
    let n = to - from;
    let mut k = 0;
    while k + n <= hay.len() {
        let mut m = 0;
        while m < n && hay[k + m] == src[from + m] {
            m += 1;
        }
        if m == n {
            return true;
        }
        k += 1;
    }
    false
}

/// Fails the build when a `{place}` of the text `name` of `table` is not among the places
/// given. Used by [`both!`](crate::both) and [`fill!`](crate::fill).
#[doc(hidden)]
#[macro_export]
macro_rules! check_places {
    ($table:ident, $name:ident $(, $place:ident)*) => {
        const _: () = assert!(
            $crate::strings::places_given(
                $crate::strings::$table::ID.$name,
                &[$(stringify!($place)),*],
            ),
            concat!(
                "strings::", stringify!($table), "::", stringify!($name),
                ": a {{place}} of the text has no value (missing or misspelt)"
            ),
        );
    };
}

/// `both!(table, name, place = value, …)`: the text `name` of the strings table `table`
/// (`messages`, `classroom`…) in both languages, its `{places}` filled in. A place of the text
/// left without a value, because it is missing or misspelt, does not build.
#[macro_export]
macro_rules! both {
    ($table:ident, $name:ident $(, $place:ident = $value:expr)* $(,)?) => {{
        $crate::check_places!($table, $name $(, $place)*);
        $crate::strings::$table::both(
            |s| s.$name,
            &[$((stringify!($place), &$value as &dyn $crate::strings::Place)),*],
        )
    }};
}

/// `fill!(table, s, name, place = value, …)`: the text `name` of `s` (the strings table `table`
/// in the reader's language) with its `{places}` filled in. A place of the text left without a
/// value, because it is missing or misspelt, does not build.
#[macro_export]
macro_rules! fill {
    ($table:ident, $s:expr, $name:ident $(, $place:ident = $value:expr)* $(,)?) => {{
        $crate::check_places!($table, $name $(, $place)*);
        $crate::strings::fill(
            $s.$name,
            &[$((stringify!($place), &$value as &dyn ::std::fmt::Display)),*],
        )
    }};
}

/// Whether every `{place}` of `text` is among `names`: checked while building for every text
/// filled by [`both!`](crate::both).
pub const fn places_given(text: &str, names: &[&str]) -> bool {
    let t = text.as_bytes();
    let mut i = 0;
    while i < t.len() {
        let (start, end) = match place_at(t, i) {
            Some(p) => p,
            None => {
                i += 1;
                continue;
            }
        };
        let mut k = 0;
        let mut found = false;
        while k < names.len() {
            if same_bytes(t, start, end, names_at(names, k)) {
                found = true;
            }
            k += 1;
        }
        if !found {
            return false;
        }
        i = end + 1;
    }
    true
}

/// The `k`-th name's bytes.
#[allow(
    clippy::indexing_slicing,
    reason = "a const fn; `k` is below the length it is checked against"
)]
const fn names_at<'a>(names: &[&'a str], k: usize) -> &'a [u8] {
    names[k].as_bytes()
}

/// The name of a `{place}` starting at `i` (its first and one past its last byte).
#[allow(
    clippy::indexing_slicing,
    reason = "a const fn; every index is below the length it is checked against"
)]
const fn place_at(t: &[u8], i: usize) -> Option<(usize, usize)> {
    if t[i] != b'{' {
        return None;
    }
    let mut j = i + 1;
    while j < t.len() && (t[j].is_ascii_alphanumeric() || t[j] == b'_') {
        j += 1;
    }
    if j > i + 1 && j < t.len() && t[j] == b'}' {
        Some((i + 1, j))
    } else {
        None
    }
}

/// Whether `t[start..end]` is `name`.
#[allow(
    clippy::indexing_slicing,
    reason = "a const fn; every index is below the length it is checked against"
)]
const fn same_bytes(t: &[u8], start: usize, end: usize, name: &[u8]) -> bool {
    if end - start != name.len() {
        return false;
    }
    let mut m = 0;
    while m < name.len() {
        if t[start + m] != name[m] {
            return false;
        }
        m += 1;
    }
    true
}

/// A text of a table in both languages, `(ID.x, EN.x)`: for a widget made before anyone knows
/// which language will read it (a form, a key table).
pub type Pair = (&'static str, &'static str);

/// The text of `pair` in the reader's language: Indonesian unless English was chosen.
pub fn pick(pair: Pair, lang: &crate::Lang) -> &'static str {
    if lang.is_en() { pair.1 } else { pair.0 }
}

/// A value put into a text's `{place}`: the same words in both languages, or a
/// [`Bilingual`](crate::Bilingual) whose Indonesian half goes into the Indonesian text and its
/// English half into the English one.
pub trait Place {
    /// The value in one language.
    fn half(&self, en: bool) -> String;
}

impl<T: std::fmt::Display + ?Sized> Place for T {
    fn half(&self, _en: bool) -> String {
        self.to_string()
    }
}

impl Place for crate::Bilingual {
    fn half(&self, en: bool) -> String {
        if en { self.en.clone() } else { self.id.clone() }
    }
}

/// A text in one language (`en` or Indonesian) with its places filled by [`Place`] values.
pub fn fill_half(text: &str, values: &[(&str, &dyn Place)], en: bool) -> String {
    let shown: Vec<(&str, String)> = values.iter().map(|(n, v)| (*n, v.half(en))).collect();
    let refs: Vec<(&str, &dyn std::fmt::Display)> = shown
        .iter()
        .map(|(n, v)| (*n, v as &dyn std::fmt::Display))
        .collect();
    fill(text, &refs)
}

/// A text of a table with its `{name}` places filled in.
pub fn fill(text: &str, values: &[(&str, &dyn std::fmt::Display)]) -> String {
    // A place left without a value is a misspelt or missing name: caught while testing. (A
    // value the text does not use is fine: the singular of a count leaves out `{n}`.)
    debug_assert!(
        places_within(
            text.as_bytes(),
            values
                .iter()
                .map(|(n, _)| format!("{{{n}}}"))
                .collect::<String>()
                .as_bytes()
        ),
        "a place of {text:?} has no value among {:?}",
        values.iter().map(|(n, _)| *n).collect::<Vec<_>>()
    );
    values.iter().fold(text.to_string(), |t, (name, v)| {
        t.replace(&format!("{{{name}}}"), &v.to_string())
    })
}

#[cfg(test)]
mod tests {
    use super::same_places;

    #[test]
    fn the_two_languages_must_name_the_same_places() {
        assert!(same_places("{n} dari {m}", "{m} of {n}"));
        assert!(same_places("tanpa tempat", "no place"));
        assert!(!same_places("{n} dari {m}", "{n} of {max}"));
        assert!(!same_places("{nama}", "{name}"));
        assert!(!same_places("{n}", "n"));
        // Braces that are not a place are text.
        assert!(same_places("{ }", "{}"));
    }
}
