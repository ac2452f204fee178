//! Leftovers of pijat's own: a data file being built when its window was killed
//! (`pijat.db.new-PID`) is removed on the next start. Nothing else is touched.

use std::path::Path;
use std::time::{Duration, SystemTime};

/// A file being built takes milliseconds; one older than this was left by a window that died.
const STALE_AFTER: Duration = Duration::from_secs(60);

pub(crate) fn remove_stale(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let own = format!("{}.new-{}", super::FILE_NAME, std::process::id());
    for e in entries.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        let Some(pid) = name.strip_prefix(&format!("{}.new-", super::FILE_NAME)) else {
            continue;
        };
        if name == own || pid.is_empty() || !pid.bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        let old = e
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| SystemTime::now().duration_since(t).ok())
            .is_some_and(|age| age >= STALE_AFTER);
        if old {
            let _ = std::fs::remove_file(e.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_old_half_built_files_of_pijat_are_removed() {
        let dir = tempfile::tempdir().unwrap();
        let old = dir.path().join("pijat.db.new-4242");
        let young = dir.path().join("pijat.db.new-4343");
        let other = dir.path().join("pijat.db.new-notes");
        for f in [&old, &young, &other] {
            std::fs::write(f, b"x").unwrap();
        }
        let past = SystemTime::now() - Duration::from_secs(3600);
        std::fs::File::options()
            .write(true)
            .open(&old)
            .unwrap()
            .set_modified(past)
            .unwrap();
        remove_stale(dir.path());
        assert!(!old.exists(), "a file left by a killed window is removed");
        assert!(
            young.exists(),
            "a file another window is building right now stays"
        );
        assert!(other.exists(), "a file that is not pijat's own stays");
    }
}
