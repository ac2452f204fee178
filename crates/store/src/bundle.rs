//! Export bundles: one JSON file with everything a laptop holds (or one class), stable UUIDs and
//! a checksum; and merging bundles into this laptop's data, all of them or none.
//!
//! File: `{"format":"pijat-bundle","format_version":1,"checksum":"<sha256 of payload>","payload":{…}}`.
//! The checksum covers the payload's exact text, so any change after export is noticed.

use std::collections::HashMap;

use rusqlite::{Connection, OptionalExtension, params};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::{Result, Store, StoreError, now};
use pijat_core::Bilingual;
use pijat_core::name_key;

mod export;
mod merge;

pub(crate) const BUNDLE_FORMAT: &str = "pijat-bundle";
/// 2 added observations and visits; a version-1 bundle is read as having none. 3 added the
/// baby's date of birth and a contact line to a person, the cadre of each class member, and a
/// visit's feeding recall and danger signs; a version-2 bundle is read as having none of them.
pub const BUNDLE_VERSION: u32 = 3;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BProfile {
    pub id: String,
    pub name: String,
    pub role: String,
    pub lang: Option<String>,
    pub created: String,
    pub last_used: String,
    /// The baby's date of birth (version 3).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baby_born: Option<String>,
    /// An address or phone (version 3); never in a pseudonymised bundle.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BClass {
    pub id: String,
    pub name: String,
    pub place: Option<String>,
    pub starts: Option<String>,
    pub ends: Option<String>,
    pub trainer: Option<String>,
    pub created: String,
    pub members: Vec<String>,
    /// The cadre who visits each member: member id to cadre id (version 3).
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub cadres: std::collections::BTreeMap<String, String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BAnswer {
    pub question_id: String,
    pub position: u32,
    pub response: String,
    pub correct: bool,
    pub answered: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BAttempt {
    pub id: String,
    pub profile_id: String,
    pub class_id: Option<String>,
    pub quiz_id: String,
    pub phase: String,
    /// The seed as a string: JSON numbers lose bits above 2^53.
    pub seed: String,
    pub shuffle: bool,
    pub question_count: u32,
    pub content_version: String,
    pub app_version: String,
    pub mode: String,
    pub started: String,
    pub finished: Option<String>,
    pub right: Option<u32>,
    pub replaced_by: Option<String>,
    pub answers: Vec<BAnswer>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BStep {
    pub step_id: String,
    pub position: u32,
    pub planned_seconds: Option<u32>,
    pub spent_ms: u64,
    pub done_well: Option<bool>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BRun {
    pub id: String,
    pub profile_id: String,
    pub routine_id: String,
    pub speed: f64,
    pub content_version: String,
    pub app_version: String,
    pub started: String,
    pub finished: Option<String>,
    pub steps: Vec<BStep>,
}

/// A checklist mark in a bundle: the row as stored (the note left out when pseudonymised).
pub(crate) type BMark = super::MarkRecord;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BObservation {
    pub id: String,
    pub profile_id: String,
    pub class_id: Option<String>,
    pub routine_id: String,
    /// Empty in a pseudonymised bundle.
    pub observer: String,
    pub observed_on: String,
    pub mode: String,
    pub created: String,
    pub finished: Option<String>,
    pub replaced_by: Option<String>,
    pub marks: Vec<BMark>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BVisit {
    pub id: String,
    pub profile_id: String,
    pub class_id: Option<String>,
    pub visited_on: String,
    /// `yes`, `no` or `unsure`.
    pub milk_flow: String,
    pub comfort: u8,
    pub massages_per_day: Option<u32>,
    /// Left out of a pseudonymised bundle.
    pub notes: Option<String>,
    pub mode: String,
    pub created: String,
    pub replaced_by: Option<String>,
    /// What the baby had yesterday (version 3).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recall: Option<pijat_core::feeding::Recall>,
    /// Danger signs and the referral (version 3).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub danger: Option<pijat_core::feeding::Danger>,
}

/// What a bundle carries from another laptop.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Payload {
    /// The pijat version that saved it.
    pub app_version: String,
    /// The content it was taken with.
    pub content_version: String,
    /// When it was saved.
    pub created: String,
    /// Names replaced by codes (P001…), trainers' names and free-text notes left out.
    pub pseudonymised: bool,
    /// The class the export was limited to, if any.
    pub class: Option<String>,
    /// The people.
    pub profiles: Vec<BProfile>,
    /// The classes.
    pub classes: Vec<BClass>,
    /// The attempts with their answers.
    pub attempts: Vec<BAttempt>,
    /// The practice runs with their steps.
    pub practice_runs: Vec<BRun>,
    /// The observations with their marks.
    #[serde(default)]
    pub observations: Vec<BObservation>,
    /// The home visits.
    #[serde(default)]
    pub visits: Vec<BVisit>,
}

#[derive(Deserialize)]
struct Envelope<'a> {
    format: String,
    format_version: u32,
    checksum: String,
    #[serde(borrow)]
    payload: &'a serde_json::value::RawValue,
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The bundle file's text for a payload.
pub fn write_bundle(p: &Payload) -> String {
    let payload = serde_json::to_string(p).unwrap_or_else(|_| "{}".into());
    let sum = hex(&Sha256::digest(payload.as_bytes()));
    format!(
        "{{\"format\":\"{BUNDLE_FORMAT}\",\"format_version\":{BUNDLE_VERSION},\"checksum\":\"{sum}\",\"payload\":{payload}}}\n"
    )
}

/// Reads a bundle file's text; refuses a truncated, changed, foreign or newer one.
pub fn read_bundle(text: &str) -> std::result::Result<Payload, Bilingual> {
    let env: Envelope = serde_json::from_str(text).map_err(|e| {
        let (l, c) = (e.line(), e.column());
        pijat_core::both!(messages, not_complete_pijat_bundle_cut, l = l, c = c)
    })?;
    if env.format != BUNDLE_FORMAT {
        return Err(pijat_core::both!(messages, not_pijat_bundle));
    }
    if env.format_version > BUNDLE_VERSION {
        let v = env.format_version;
        return Err(pijat_core::both!(
            messages,
            bundle_from_newer_pijat_format,
            v = v
        ));
    }
    let sum = hex(&Sha256::digest(env.payload.get().as_bytes()));
    if sum != env.checksum {
        return Err(pijat_core::both!(messages, checksum_does_not_match_file));
    }
    let p: Payload = serde_json::from_str(env.payload.get()).map_err(|e| {
        let m = e.to_string();
        pijat_core::both!(messages, bundle_contents_not_valid, m = m)
    })?;
    check(&p)?;
    Ok(p)
}

/// Every reference inside the bundle points at something in it.
fn check(p: &Payload) -> std::result::Result<(), Bilingual> {
    let bad = |what: String| -> Bilingual {
        pijat_core::both!(messages, bundle_inconsistent, what = what)
    };
    let profiles: std::collections::HashSet<&str> =
        p.profiles.iter().map(|x| x.id.as_str()).collect();
    let classes: std::collections::HashSet<&str> =
        p.classes.iter().map(|x| x.id.as_str()).collect();
    for x in &p.profiles {
        if super::Role::parse(&x.role).is_none() {
            return Err(bad(format!("profile {}", x.id)));
        }
    }
    for c in &p.classes {
        if c.members.iter().any(|m| !profiles.contains(m.as_str())) {
            return Err(bad(format!("class {}", c.id)));
        }
    }
    for a in &p.attempts {
        let class_ok = a.class_id.as_deref().is_none_or(|c| classes.contains(c));
        let phase_ok = pijat_core::Phase::from_name(&a.phase).is_some();
        if !profiles.contains(a.profile_id.as_str())
            || !class_ok
            || !phase_ok
            || a.seed.parse::<u64>().is_err()
        {
            return Err(bad(format!("attempt {}", a.id)));
        }
    }
    for r in &p.practice_runs {
        if !profiles.contains(r.profile_id.as_str()) {
            return Err(bad(format!("practice run {}", r.id)));
        }
    }
    for o in &p.observations {
        let class_ok = o.class_id.as_deref().is_none_or(|c| classes.contains(c));
        let marks_ok = o
            .marks
            .iter()
            .all(|m| m.mark.is_none_or(|x| (0..=2).contains(&x)));
        if !profiles.contains(o.profile_id.as_str()) || !class_ok || !marks_ok {
            return Err(bad(format!("observation {}", o.id)));
        }
    }
    for c in &p.classes {
        let members: std::collections::HashSet<&str> =
            c.members.iter().map(String::as_str).collect();
        if c.cadres
            .iter()
            .any(|(m, k)| !members.contains(m.as_str()) || !members.contains(k.as_str()))
        {
            return Err(bad(format!("class {}", c.id)));
        }
    }
    for v in &p.visits {
        let class_ok = v.class_id.as_deref().is_none_or(|c| classes.contains(c));
        if !profiles.contains(v.profile_id.as_str())
            || !class_ok
            || super::MilkFlow::parse(&v.milk_flow).is_none()
            || !(1..=5).contains(&v.comfort)
            || v.danger.as_ref().is_some_and(|d| {
                d.referred_to
                    .as_deref()
                    .is_some_and(|t| t.trim().is_empty())
            })
        {
            return Err(bad(format!("visit {}", v.id)));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests;
