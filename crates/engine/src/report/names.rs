//! How a report names its participants. A laporan that is shared or published names nobody: each
//! participant is a code (R1, R2, …) or their initials, and the key from code to name stays with
//! the trainer, in a file of its own.

use serde::Serialize;

use super::input::Input;
use pijat_content::Lang;
use pijat_core::strings::report::tr;

/// How participants are named in a report.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Names {
    /// `R1`, `R2`, … in the order of the participants' table.
    Codes,
    /// `B. S.` for Budi Santoso; a second `B. S.` is `B. S. (2)`.
    Initials,
    /// The names as written in pijat, asked for in a report (`--names full`): the report says
    /// the participants agreed to it.
    Full,
    /// The names as written, on the trainer's own screen in the app: what an [`Input`] holds
    /// until [`disguise`]d; no sentence about them.
    #[default]
    AsWritten,
}

impl Names {}

/// The heading of the column that names the participants: Kode, Inisial or Nama.
pub fn name_heading(names: Names, lang: &Lang) -> &'static str {
    let s = tr(lang);
    match names {
        Names::Codes => s.code_heading,
        Names::Initials => s.initials_heading,
        Names::Full | Names::AsWritten => s.name,
    }
}

/// One line of the key from what a report shows to who it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeyRow {
    /// What the report shows: `R3`, `B. S.`.
    pub shown: String,
    /// The participant's name in pijat.
    pub name: String,
    /// Their role (`father`, `cadre`, …).
    pub role: String,
}

/// The code of the participant at `index` (from 0) in the participants' table.
pub fn code(index: usize) -> String {
    format!("R{}", index + 1)
}

/// `B. S.` for "Budi Santoso", `S.` for "Siti"; the first letter of each word that has one.
pub fn initials(name: &str) -> String {
    let letters: Vec<String> = name
        .split_whitespace()
        .filter_map(|w| w.chars().find(|c| c.is_alphanumeric()))
        .map(|c| format!("{}.", c.to_uppercase()))
        .collect();
    if letters.is_empty() {
        "–".into()
    } else {
        letters.join(" ")
    }
}

/// Renames the participants of `input` as `names` says, and returns the key (empty for
/// full names). Codes follow the participants' order, which is the order of the report's
/// first table, so R1 is its first row.
pub fn disguise(input: &mut Input, names: Names) -> Vec<KeyRow> {
    input.names = names;
    if matches!(names, Names::Full | Names::AsWritten) {
        return Vec::new();
    }
    let mut key: Vec<KeyRow> = Vec::with_capacity(input.participants.len());
    for (i, p) in input.participants.iter_mut().enumerate() {
        let shown = match names {
            Names::Codes | Names::Full | Names::AsWritten => code(i),
            Names::Initials => {
                let base = initials(&p.name);
                let same = key
                    .iter()
                    .filter(|k| k.shown == base || k.shown.starts_with(&format!("{base} (")))
                    .count();
                if same == 0 {
                    base
                } else {
                    format!("{base} ({})", same + 1)
                }
            }
        };
        key.push(KeyRow {
            shown: shown.clone(),
            name: std::mem::replace(&mut p.name, shown),
            role: p.role.clone(),
        });
    }
    key
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::input::ParticipantInput;

    fn input(names: &[&str]) -> Input {
        Input {
            participants: names
                .iter()
                .map(|n| ParticipantInput {
                    name: (*n).into(),
                    role: "father".into(),
                    pre: None,
                    post: None,
                    observations: Vec::new(),
                    visits: Vec::new(),
                    outcome: Vec::new(),
                })
                .collect(),
            ..Input::default()
        }
    }

    fn shown(i: &Input) -> Vec<&str> {
        i.participants.iter().map(|p| p.name.as_str()).collect()
    }

    #[test]
    fn codes_follow_the_table_and_the_key_gives_the_names_back() {
        let mut i = input(&["Budi Santoso", "Agus"]);
        let key = disguise(&mut i, Names::Codes);
        assert_eq!(shown(&i), ["R1", "R2"]);
        assert_eq!(key[1].name, "Agus");
        assert_eq!(key[1].shown, "R2");
        assert_eq!(i.names, Names::Codes);
    }

    #[test]
    fn initials_tell_two_people_with_the_same_initials_apart() {
        let mut i = input(&[
            "budi santoso",
            "Bayu Saputra",
            "Siti",
            "  ",
            "Bambang Sulistyo",
        ]);
        disguise(&mut i, Names::Initials);
        assert_eq!(shown(&i), ["B. S.", "B. S. (2)", "S.", "–", "B. S. (3)"]);
    }

    #[test]
    fn full_names_stay_and_there_is_no_key() {
        let mut i = input(&["Budi Santoso"]);
        assert!(disguise(&mut i, Names::Full).is_empty());
        assert_eq!(shown(&i), ["Budi Santoso"]);
    }
}
