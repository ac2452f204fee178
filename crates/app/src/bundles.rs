//! Bundles as files: written whole or not at all, read and checked all before any is merged.

use super::Records;
use std::path::{Path, PathBuf};

use pijat_content::{Bilingual, Content};
use pijat_store::{Merged, Payload, read_bundle, write_bundle};

/// Writes the bundle next to its name and renames it into place: a file that exists is never
/// overwritten, and a cut-off write leaves no half-made bundle.
pub fn export_to(
    records: &Records,
    file: &Path,
    class: Option<&str>,
    pseudonymise: bool,
    content_version: &str,
) -> Result<usize, Bilingual> {
    let store = records.store();
    crate::out_file::refuse_existing(file)?;
    if let Some(c) = class
        && store.class_by_name(c).map_err(|e| e.message())?.is_none()
    {
        return Err(pijat_core::both!(messages, no_class, c = c));
    }
    let payload = store
        .export(class, pseudonymise, content_version)
        .map_err(|e| e.message())?;
    let text = write_bundle(&payload);
    // A full disk or a pulled flash drive leaves no half-written bundle.
    super::out_file::write_new(file, text.as_bytes())?;
    Ok(payload.profiles.len())
}

/// The largest bundle read: a whole laptop of thousands of trainees stays far below it, and
/// reading it stays well under 200 MB of memory.
pub const MAX_BUNDLE_BYTES: u64 = 32 << 20;

/// Reads and checks every file; only when all are good are they merged, in one transaction.
/// Problems come back one line per file, `FILE: what is wrong`.
pub fn import_from(
    records: &mut Records,
    content: &Content,
    files: &[PathBuf],
    lang: &str,
) -> Result<Merged, Vec<String>> {
    let store = records.store_mut();
    let mut payloads: Vec<Payload> = Vec::new();
    let mut problems = Vec::new();
    for f in files {
        let shown = f.display();
        match read_limited(f) {
            Ok(text) => match read_bundle(&text) {
                Ok(p) => {
                    let found = crate::bundle_check::check(&p, content);
                    if found.is_empty() {
                        payloads.push(p);
                    } else {
                        let head = pijat_core::both!(
                            messages,
                            bundle_refused_whole_nothing_was,
                            shown = shown
                        );
                        problems.push(head.get(lang).to_string());
                        problems.extend(found.iter().map(|m| format!("  {}", m.get(lang))));
                    }
                }
                Err(m) => problems.push(format!("{shown}: {}", m.get(lang))),
            },
            Err(m) => problems.push(m.get(lang).to_string()),
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    store
        .import_bundles(&payloads)
        .map_err(|e| vec![e.message().get(lang).to_string()])
}

/// The file's text, refused when it is larger than any bundle pijat writes or not text.
fn read_limited(f: &Path) -> Result<String, Bilingual> {
    use std::io::Read;
    let shown = f.display();
    let file = std::fs::File::open(f).map_err(|e| pijat_core::io_words::io_problem(f, &e))?;
    let len = file.metadata().map_or(0, |m| m.len());
    let mut bytes = Vec::new();
    if len <= MAX_BUNDLE_BYTES {
        bytes.reserve_exact(len as usize + 1);
        file.take(MAX_BUNDLE_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| pijat_core::io_words::io_problem(f, &e))?;
    }
    if len > MAX_BUNDLE_BYTES || bytes.len() as u64 > MAX_BUNDLE_BYTES {
        let mb = MAX_BUNDLE_BYTES >> 20;
        return Err(pijat_core::both!(
            messages,
            larger_than_mb_so_not,
            shown = shown,
            mb = mb
        ));
    }
    String::from_utf8(bytes)
        .map_err(|_| pijat_core::both!(messages, not_text_file_so_not, shown = shown))
}
