//! Bundle files waiting to be imported: looked for in the places a trainer's file lands (the
//! data folder, flash drives, Downloads, Documents, the desktop, home), one folder deep, and
//! known by their first bytes, whatever they are named.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use super::bundles::MAX_BUNDLE_BYTES;

/// The most files offered: the newest first.
const SHOWN: usize = 30;

/// A bundle file found, with when it was written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    /// The bundle file.
    pub path: PathBuf,
    /// When it was last changed, when the system says.
    pub modified: Option<SystemTime>,
}

/// Whether `path` begins as every bundle pijat writes does.
fn is_bundle(path: &Path) -> bool {
    let Ok(f) = std::fs::File::open(path) else {
        return false;
    };
    let mut head = Vec::with_capacity(64);
    if f.take(64).read_to_end(&mut head).is_err() {
        return false;
    }
    let text = String::from_utf8_lossy(&head);
    let text = text.trim_start_matches('\u{feff}').trim_start();
    text.starts_with("{\"format\":\"pijat-bundle\"")
}

/// The bundle files directly inside `folders`, newest first, at most [`SHOWN`].
pub fn find(folders: &[PathBuf]) -> Vec<Found> {
    let mut found: Vec<Found> = folders
        .iter()
        .filter_map(|d| std::fs::read_dir(d).ok())
        .flat_map(|entries| entries.flatten())
        .filter_map(|e| {
            let meta = e.metadata().ok()?;
            let fits = meta.is_file() && meta.len() > 0 && meta.len() <= MAX_BUNDLE_BYTES;
            (fits && is_bundle(&e.path())).then(|| Found {
                path: e.path(),
                modified: meta.modified().ok(),
            })
        })
        .collect();
    found.sort_by(|a, b| b.modified.cmp(&a.modified).then(a.path.cmp(&b.path)));
    found.dedup_by(|a, b| a.path == b.path);
    found.truncate(SHOWN);
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundles_are_known_by_their_first_bytes_not_their_names() {
        let a = tempfile::tempdir().unwrap();
        let b = tempfile::tempdir().unwrap();
        std::fs::write(
            a.path().join("dari-laptop-2.txt"),
            "{\"format\":\"pijat-bundle\",\"format_version\":1}",
        )
        .unwrap();
        std::fs::write(a.path().join("pijat-2026-12-06.json"), "{\"other\":1}").unwrap();
        std::fs::write(a.path().join("empty.json"), "").unwrap();
        std::fs::create_dir(a.path().join("folder.json")).unwrap();
        std::fs::write(
            b.path().join("kelas.pijat"),
            "\u{feff}  {\"format\":\"pijat-bundle\"}",
        )
        .unwrap();
        let names: Vec<String> = find(&[
            a.path().to_path_buf(),
            b.path().join("missing"),
            b.path().to_path_buf(),
        ])
        .iter()
        .map(|f| f.path.file_name().unwrap().to_string_lossy().into_owned())
        .collect::<Vec<_>>();
        let mut sorted = names.clone();
        sorted.sort();
        assert_eq!(sorted, ["dari-laptop-2.txt", "kelas.pijat"]);
    }
}
