//! The languages a printout shows, and content texts in them.

use pijat_content::{Lang, Text};
use pijat_core::strings::cli::{Strings, tr};

/// Languages a printout shows: the chosen one, or Indonesian then English.
pub struct Langs {
    /// The main language.
    pub first: Lang,
    /// The translation shown beside it, if any.
    pub second: Option<Lang>,
}

impl Langs {
    /// A text of the command line's strings table in the printout's languages ("id / en").
    pub fn t(&self, text: fn(&'static Strings) -> &'static str) -> String {
        let pick = |l: &Lang| text(tr(l));
        match &self.second {
            Some(l2) => format!("{} / {}", pick(&self.first), pick(l2)),
            None => pick(&self.first).to_string(),
        }
    }

    /// A text of the command line's strings table with its places filled, in the printout's
    /// languages, the translation after `sep`. Called through [`paper_fill!`], which checks
    /// the places while building.
    #[doc(hidden)]
    pub fn fill(
        &self,
        text: fn(&'static Strings) -> &'static str,
        values: &[(&str, &dyn std::fmt::Display)],
        sep: &str,
    ) -> String {
        let fill = |l: &Lang| pijat_core::strings::fill(text(tr(l)), values);
        match &self.second {
            Some(l2) => format!("{}{sep}{}", fill(&self.first), fill(l2)),
            None => fill(&self.first),
        }
    }
}

/// `paper_fill!(langs, name, sep, place = value, …)`: the command line's text `name` in the
/// printout's languages, its places filled, the translation after `sep`. A place of the text
/// left without a value, because it is missing or misspelt, does not build.
macro_rules! paper_fill {
    ($l:expr, $name:ident, $sep:expr $(, $place:ident = $value:expr)* $(,)?) => {{
        pijat_core::check_places!(cli, $name $(, $place)*);
        $l.fill(
            |s| s.$name,
            &[$((stringify!($place), &$value as &dyn std::fmt::Display)),*],
            $sep,
        )
    }};
}
pub(crate) use paper_fill;

/// One text in the printout's languages: (main, translation).
pub fn texts(t: &Text, langs: &Langs) -> (String, Option<String>) {
    let main = t.get(&langs.first).to_string();
    let second = langs
        .second
        .as_ref()
        .map(|l| t.get(l).to_string())
        .filter(|s| *s != main);
    (main, second)
}

/// The paper's languages: `lang`, or Indonesian with English.
pub fn langs(lang: &Lang, bilingual: bool) -> Langs {
    Langs {
        first: if bilingual { Lang::id() } else { lang.clone() },
        second: bilingual.then(Lang::en),
    }
}
