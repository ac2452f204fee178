//! Bundles as files: written whole or not at all, read and checked all before any is merged.

use std::path::{Path, PathBuf};

use crate::content::Bilingual;
use crate::msg;
use crate::store::{Merged, Payload, Store, read_bundle, write_bundle};

/// Writes the bundle next to its name and renames it into place: a file that exists is never
/// overwritten, and a cut-off write leaves no half-made bundle.
pub fn export_to(
    store: &Store,
    file: &Path,
    class: Option<&str>,
    pseudonymise: bool,
    content_version: &str,
) -> Result<usize, Bilingual> {
    let shown = file.display().to_string();
    if file.exists() {
        return Err(msg!(
            id: "{shown} sudah ada; pilih nama berkas lain (pijat tidak menimpa berkas)",
            en: "{shown} already exists; choose another file name (pijat does not overwrite files)"
        ));
    }
    if let Some(c) = class
        && store.class_by_name(c).map_err(|e| e.message())?.is_none()
    {
        return Err(msg!(id: "tidak ada kelas “{c}”", en: "no class “{c}”"));
    }
    let payload = store
        .export(class, pseudonymise, content_version)
        .map_err(|e| e.message())?;
    let text = write_bundle(&payload);
    let tmp = PathBuf::from(format!("{}.part", file.display()));
    let io = |e: std::io::Error| msg!(id: "{shown}: {e}", en: "{shown}: {e}");
    std::fs::write(&tmp, text.as_bytes()).map_err(io)?;
    std::fs::File::open(&tmp)
        .and_then(|f| f.sync_all())
        .map_err(io)?;
    std::fs::rename(&tmp, file).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        io(e)
    })?;
    Ok(payload.profiles.len())
}

/// Reads and checks every file; only when all are good are they merged, in one transaction.
/// Problems come back one line per file, `FILE: what is wrong`.
pub fn import_from(
    store: &mut Store,
    files: &[PathBuf],
    lang: &str,
) -> Result<Merged, Vec<String>> {
    let mut payloads: Vec<Payload> = Vec::new();
    let mut problems = Vec::new();
    for f in files {
        let shown = f.display();
        match std::fs::read_to_string(f) {
            Ok(text) => match read_bundle(&text) {
                Ok(p) => payloads.push(p),
                Err(m) => problems.push(format!("{shown}: {}", m.get(lang))),
            },
            Err(e) => problems.push(format!("{shown}: {e}")),
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    store
        .import_bundles(&payloads)
        .map_err(|e| vec![e.message().get(lang).to_string()])
}
