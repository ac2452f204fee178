//! A sheet typed in for a class is matched against that class's roster, so a misspelt name or
//! class never makes a second person or a second class without a word: `--class` must name a
//! class that exists (unless `--new-class`), and a name not on its roster is refused with the
//! nearest roster names (unless `--add-new`, and then the summary lists who was added).

use pijat_core::Bilingual;
use pijat_core::names::name_key;
use pijat_store::{Roster, Store};

use super::sheets::RowError;

/// How alike two names must be (Jaro–Winkler on their lower-case forms) to be offered as
/// "did you mean": "Joko Prasetya" and "Joko Prasetyo" are 0.97, "Budi" and "Joko" 0.5.
const ALIKE: f64 = 0.84;

/// What an allowed sheet does to the class: whether the class is new, and who joins its roster.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RosterPlan {
    /// The class is new: everyone on the sheet joins it.
    pub new_class: bool,
    /// Names (as the sheet wrote them) that join the roster, in sheet order.
    pub added: Vec<String>,
}

/// Up to three of `known` most like `wanted`, most alike first.
pub fn nearest<'a>(wanted: &str, known: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    let want = name_key(wanted);
    let mut scored: Vec<(f64, &str)> = known
        .into_iter()
        .map(|k| (strsim::jaro_winkler(&want, &name_key(k)), k))
        .filter(|(score, _)| *score >= ALIKE)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(b.1)));
    scored.into_iter().take(3).map(|(_, k)| k).collect()
}

fn quoted(names: &[&str]) -> String {
    names
        .iter()
        .map(|n| format!("“{}”", pijat_core::printable(n)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The class named on the command line, or why it cannot be used (with the nearest class names).
fn class_problem(store: &Store, class: &str) -> pijat_store::Result<Bilingual> {
    let classes = store.classes()?;
    let near = nearest(class, classes.iter().map(|c| c.name.as_str()));
    let shown = pijat_core::printable(class);
    Ok(if near.is_empty() {
        let names: Vec<&str> = classes.iter().map(|c| c.name.as_str()).collect();
        let known = if names.is_empty() {
            pijat_core::both!(messages, no_classes_yet)
        } else {
            let q = quoted(&names);
            Bilingual::new(q.clone(), q)
        };
        let (kid, ken) = (known.id, known.en);
        let (mid, men) = (
            pijat_core::both!(messages, no_class_new_class, class = shown, known = kid).id,
            pijat_core::both!(messages, no_class_new_class, class = shown, known = ken).en,
        );
        Bilingual::new(mid, men)
    } else {
        let near = quoted(&near);
        pijat_core::both!(messages, no_class_did_you_mean, class = shown, near = near)
    })
}

/// Checks every row's name against the roster of `class`: the plan when the sheet may be saved,
/// otherwise every problem (`Err` with no line for the class itself, line-numbered for rows).
pub(crate) fn check_roster(
    store: &Store,
    class: &str,
    rule: Roster,
    names: &[(u64, &str)],
) -> Result<RosterPlan, RosterProblems> {
    let words = |e: pijat_store::StoreError| RosterProblems::Class(e.message());
    let Some(found) = store.class_by_name(class).map_err(words)? else {
        if rule.new_class {
            return Ok(RosterPlan {
                new_class: true,
                added: names.iter().map(|(_, n)| n.to_string()).collect(),
            });
        }
        return Err(RosterProblems::Class(
            class_problem(store, class).map_err(words)?,
        ));
    };
    let members = store.members(&found.id).map_err(words)?;
    let on_roster: std::collections::HashSet<String> =
        members.iter().map(|p| name_key(&p.name)).collect();
    let mut plan = RosterPlan::default();
    let mut rows = Vec::new();
    for (line, name) in names {
        if on_roster.contains(&name_key(name)) {
            continue;
        }
        if rule.add_new {
            plan.added.push(name.to_string());
            continue;
        }
        let near = nearest(name, members.iter().map(|p| p.name.as_str()));
        let (who, class) = (
            pijat_core::printable(name),
            pijat_core::printable(&found.name),
        );
        let message = if near.is_empty() {
            pijat_core::both!(messages, not_on_roster_add_new, name = who, class = class)
        } else {
            let near = quoted(&near);
            pijat_core::both!(
                messages,
                not_on_roster_did_you_mean,
                name = who,
                class = class,
                near = near
            )
        };
        rows.push(RowError {
            line: *line,
            message,
        });
    }
    if rows.is_empty() {
        Ok(plan)
    } else {
        Err(RosterProblems::Rows(rows))
    }
}

/// Why a sheet does not fit its class.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RosterProblems {
    /// The class itself (missing, or the file could not be read): said once, with no line.
    Class(Bilingual),
    /// Names not on the roster, each at its line.
    Rows(Vec<RowError>),
}

/// The summary line of who joined the roster, or nothing when nobody did.
pub fn added_line(plan: &RosterPlan, class: &str) -> Option<Bilingual> {
    if plan.added.is_empty() {
        return None;
    }
    let names = plan.added.join(", ");
    let n = plan.added.len();
    let class = pijat_core::printable(class);
    Some(if plan.new_class {
        pijat_core::both!(
            messages,
            new_class_made_with,
            class = class,
            n = n,
            names = names
        )
    } else {
        pijat_core::both!(
            messages,
            added_to_roster,
            class = class,
            n = n,
            names = names
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_one_letter_slip_is_offered_and_a_stranger_is_not() {
        let roster = ["Joko Prasetyo", "Budi Santoso", "Siti Aminah"];
        assert_eq!(nearest("Joko Prasetya", roster), vec!["Joko Prasetyo"]);
        assert_eq!(nearest("budi  santosa", roster), vec!["Budi Santoso"]);
        assert!(nearest("Rudi Hartono", roster).is_empty());
    }
}
