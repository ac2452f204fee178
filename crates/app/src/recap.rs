//! Gathers the puskesmas recap: every class on this laptop read as its report reads it, placed
//! at its posyandu (the class's place) and the month it started.

use pijat_content::{Lang, Quiz, Routine};
use pijat_engine::report::recap::{RecapClass, RecapInput};

use super::Records;
use crate::Result;

/// Every class, read for the recap of `quiz` between the months `from` and `to` (`YYYY-MM`,
/// either open). A class without a place is named by its name; without a first day, by the
/// day it was saved.
pub fn recap_input(
    records: &Records,
    quiz: &Quiz,
    routine: Option<&Routine>,
    lang: &Lang,
    from: Option<&str>,
    to: Option<&str>,
) -> Result<RecapInput> {
    let mut classes = Vec::new();
    for c in records.store().classes()? {
        let place = match c.place.as_deref().map(str::trim).filter(|p| !p.is_empty()) {
            Some(p) => p.to_string(),
            None => pijat_core::fill!(
                recap,
                pijat_core::strings::recap::tr(lang),
                no_place,
                class = c.name
            ),
        };
        let started = c.starts.as_deref().unwrap_or(&c.created);
        let month = started.get(..7).unwrap_or(started).to_string();
        let Some(input) =
            super::report_data::report_input(records, quiz, Some(&c.name), false, lang, routine)?
        else {
            continue;
        };
        classes.push(RecapClass {
            place,
            month,
            participants: input.participants,
        });
    }
    Ok(RecapInput {
        classes,
        from: from.map(str::to_owned),
        to: to.map(str::to_owned),
        ebf_target: pijat_engine::report::outcome::DEFAULT_TARGET,
    })
}
