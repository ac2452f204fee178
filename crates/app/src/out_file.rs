//! Writing a new file a user asked for (a report, a bundle) the safe way: refused when the file
//! already exists, written to `FILE.part` and renamed when complete, the part file removed when
//! anything fails (a full disk, a pulled flash drive), so no half-written file is left.

use std::path::{Path, PathBuf};

use pijat_content::Bilingual;

/// Refuses a file that already exists: pijat never replaces one.
pub(crate) fn refuse_existing(file: &Path) -> Result<(), Bilingual> {
    let shown = file.display().to_string();
    if file.exists() {
        return Err(pijat_core::both!(
            messages,
            already_exists_choose_another_file,
            shown = shown
        ));
    }
    Ok(())
}

/// Writes a new file whole (a temporary file renamed into place); refuses to replace one.
pub fn write_new(file: &Path, bytes: &[u8]) -> Result<(), Bilingual> {
    refuse_existing(file)?;
    let tmp = PathBuf::from(format!("{}.part", file.display()));
    let written = std::fs::write(&tmp, bytes)
        // Opened to write: Windows refuses to flush a file opened only to read (access denied).
        .and_then(|()| {
            std::fs::OpenOptions::new()
                .write(true)
                .open(&tmp)
                .and_then(|f| f.sync_all())
        })
        .and_then(|()| std::fs::rename(&tmp, file));
    if let Err(e) = written {
        let _ = std::fs::remove_file(&tmp);
        return Err(pijat_core::io_words::io_problem(file, &e));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_file_is_written_and_an_existing_one_is_kept() {
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("laporan.docx");
        write_new(&f, b"one").unwrap();
        let again = write_new(&f, b"two").unwrap_err();
        assert!(
            again.get("en").contains("already exists"),
            "{}",
            again.get("en")
        );
        assert_eq!(std::fs::read(&f).unwrap(), b"one");
        let missing = dir.path().join("no-such-folder").join("x.xlsx");
        assert!(write_new(&missing, b"x").is_err());
        assert!(!dir.path().join("no-such-folder").exists());
    }
}
