//! `sheets import FILE --odk`: the CSV a KoboToolbox or ODK Central server exports of pijat's
//! XLSForm (one row per submission, columns named after the fields, with or without their
//! group: `step_x/mark_x`, `step_x-mark_x`, `mark_x`). Each row is read by the same rules as a
//! submission from a phone; a row whose instance id is already here (an export holds every
//! submission so far) is counted and left; the rest is saved all together or not at all.

use std::path::Path;

use pijat_content::Content;
use pijat_engine::odk;

use super::read::{self, Record};
use super::submission::{Fields, instance_uuid};
use super::{Outcome, Served, class_roster, forms_of};
use crate::Records;
use crate::sheets::RowError;

/// The header's cells, lower case, as the sheet reader sees them.
fn header(bytes: &[u8]) -> Vec<String> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = String::from_utf8_lossy(bytes);
    let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    csv::ReaderBuilder::new()
        .delimiter(crate::sheet_csv::delimiter(first))
        .has_headers(false)
        .from_reader(first.as_bytes())
        .records()
        .next()
        .and_then(Result::ok)
        .map(|r| r.iter().map(|h| h.trim().to_lowercase()).collect())
        .unwrap_or_default()
}

/// The column of `field`: named so, or ending in `/field`, `-field`, `.field`.
fn column<'h>(header: &'h [String], field: &str) -> Option<&'h str> {
    let f = field.to_lowercase();
    header
        .iter()
        .find(|h| {
            **h == f
                || ["/", "-", "."]
                    .iter()
                    .any(|sep| h.ends_with(&format!("{sep}{f}")))
        })
        .map(String::as_str)
}

/// Which served form the columns are of: a daftar tilik whose every mark is a column, or the
/// visit form.
fn which<'s>(forms: &'s [Served], header: &[String]) -> Option<&'s Served> {
    forms.iter().find(|s| match &s.routine {
        Some(r) => {
            column(header, odk::PARTICIPANT).is_some()
                && r.steps
                    .iter()
                    .all(|st| column(header, &odk::mark_field(&st.id)).is_some())
        }
        None => column(header, odk::FAMILY).is_some() && column(header, odk::MILK_FLOW).is_some(),
    })
}

/// Reads an export for `class` and saves its new submissions: `(saved, already here)`, or every
/// problem as `FILE:ROW: what`.
pub fn import_export(
    records: &mut Records,
    content: &Content,
    file: &Path,
    class: &str,
    lang: &str,
) -> Result<(usize, usize), Vec<String>> {
    let shown = file.display().to_string();
    let at = |line: u64, m: &pijat_core::Bilingual| format!("{shown}:{line}: {}", m.get(lang));
    let bytes = crate::sheet_file::read_limited(file).map_err(|m| vec![m.get(lang).to_string()])?;
    if bytes.starts_with(b"PK\x03\x04") {
        return Err(vec![at(1, &pijat_core::both!(odk, odk_xlsx))]);
    }
    let store = records.store_mut();
    let (class, roster) = class_roster(store, class).map_err(|m| vec![m.get(lang).to_string()])?;
    let forms = forms_of(content, &roster);
    let header = header(&bytes);
    let id_column = column(&header, "instanceid").or_else(|| column(&header, "_uuid"));
    let (Some(served), Some(id_column)) = (which(&forms, &header), id_column) else {
        let m = if id_column.is_none() {
            pijat_core::both!(odk, odk_unknown_export)
        } else {
            pijat_core::both!(odk, odk_which_form)
        };
        return Err(vec![at(1, &m)]);
    };
    let names: Vec<String> = served
        .form
        .questions()
        .map(|(_, q)| q.name.clone())
        .collect();
    let mut wanted: Vec<(String, String)> = vec![(id_column.to_string(), id_column.to_string())];
    let mut found: Vec<Option<usize>> = Vec::new();
    for n in &names {
        match column(&header, n) {
            Some(c) => {
                found.push(Some(wanted.len()));
                wanted.push((c.to_string(), c.to_string()));
            }
            None => found.push(None),
        }
    }
    let pairs: Vec<(&str, &str)> = wanted
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    let (first, rest) = pairs.split_at(1);
    let rows = crate::sheets::read_csv_with(&bytes, first, rest)
        .map_err(|e: RowError| vec![at(e.line, &e.message)])?;
    let mut errors = Vec::new();
    let mut made: Vec<(u64, Record)> = Vec::new();
    for (line, cells) in &rows {
        let cell = |i: usize| cells.get(i).cloned().unwrap_or_default();
        let Some(instance_id) = instance_uuid(&cell(0)) else {
            errors.push(at(*line, &pijat_core::both!(odk, no_instance_id)));
            continue;
        };
        let mut fields = Fields {
            form_id: served.form.id.clone(),
            version: served.form.version.clone(),
            instance_id,
            values: Default::default(),
        };
        for (n, i) in names.iter().zip(&found) {
            if let Some(i) = i {
                fields.values.insert(n.clone(), cell(*i));
            }
        }
        match read::record(served, &fields, (&class.id, &class.name)) {
            Ok(r) => made.push((*line, r)),
            Err(r) => errors.push(at(*line, r.message())),
        }
    }
    if rows.is_empty() {
        errors.push(at(1, &pijat_core::both!(messages, sheet_has_no_rows)));
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    // Every row is tried inside one transaction, so each refused row is named; any refusal
    // rolls the whole import back (the error returned only to end the transaction).
    let mut refused: Vec<String> = Vec::new();
    let mut counts = (0, 0);
    let saved = store.write(|s| {
        for (line, r) in &made {
            match read::save(s, r) {
                Ok(a) if a.outcome == Outcome::Saved => counts.0 += 1,
                Ok(_) => counts.1 += 1,
                Err(why) => refused.push(at(*line, why.message())),
            }
        }
        if refused.is_empty() {
            Ok(())
        } else {
            Err(pijat_store::StoreError::Vanished)
        }
    });
    match saved {
        Ok(()) => Ok(counts),
        Err(_) if !refused.is_empty() => Err(refused),
        Err(e) => Err(vec![e.message().get(lang).to_string()]),
    }
}
