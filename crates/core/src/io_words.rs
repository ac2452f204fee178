//! What went wrong with a file, said in the user's words instead of the system's
//! (`No such file or directory (os error 2)` means nothing to a father).

use std::io::ErrorKind;
use std::path::Path;

use super::Bilingual;
use crate::msg;

/// `PATH: what happened. What to do.` for an error reading or writing `path`.
pub fn io_problem(path: &Path, e: &std::io::Error) -> Bilingual {
    let p = path.display();
    let (id, en) = reason(e);
    msg!(id: "{p}: {id}", en: "{p}: {en}")
}

/// What happened and what to do, without the path.
pub fn reason(e: &std::io::Error) -> (String, String) {
    let (id, en): (&str, &str) = match e.kind() {
        ErrorKind::NotFound => (
            "tidak ada. Periksa nama dan foldernya.",
            "does not exist. Check the name and the folder.",
        ),
        ErrorKind::PermissionDenied => (
            "tidak boleh dibuka atau ditulisi (tidak ada izin). Pilih folder lain, atau minta izin kepada pemilik laptop.",
            "may not be opened or written (no permission). Choose another folder, or ask the laptop's owner for permission.",
        ),
        ErrorKind::ReadOnlyFilesystem => (
            "ada di disk yang hanya bisa dibaca. Pilih folder di disk lain.",
            "is on a disk that can only be read. Choose a folder on another disk.",
        ),
        ErrorKind::StorageFull | ErrorKind::QuotaExceeded => (
            "disk penuh. Kosongkan sebagian tempat (hapus berkas lama), lalu coba lagi.",
            "the disk is full. Free some space (delete old files), then try again.",
        ),
        ErrorKind::AlreadyExists => (
            "sudah ada. Pilih nama lain, atau pindahkan yang lama.",
            "already exists. Choose another name, or move the old one away.",
        ),
        ErrorKind::IsADirectory => (
            "adalah folder, bukan berkas. Sebutkan nama berkas.",
            "is a folder, not a file. Name a file.",
        ),
        ErrorKind::NotADirectory => (
            "bagian dari jalurnya adalah berkas, bukan folder. Pilih folder lain.",
            "a part of the path is a file, not a folder. Choose another folder.",
        ),
        ErrorKind::DirectoryNotEmpty => ("folder itu tidak kosong.", "that folder is not empty."),
        ErrorKind::InvalidFilename => (
            "nama itu tidak boleh dipakai untuk berkas. Pilih nama lain.",
            "that name cannot be used for a file. Choose another name.",
        ),
        ErrorKind::FileTooLarge => ("berkasnya terlalu besar.", "the file is too large."),
        ErrorKind::Interrupted | ErrorKind::TimedOut | ErrorKind::WouldBlock => (
            "terputus sebelum selesai. Coba lagi.",
            "was interrupted before it finished. Try again.",
        ),
        _ => {
            return (
                format!("tidak bisa dibaca atau ditulisi ({e}). Periksa disknya, lalu coba lagi."),
                format!("could not be read or written ({e}). Check the disk, then try again."),
            );
        }
    };
    (id.to_string(), en.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn system_errors_become_words_with_the_path() {
        let e = std::fs::File::open("/no/such/pijat-file").unwrap_err();
        let m = io_problem(Path::new("/no/such/pijat-file"), &e);
        assert_eq!(
            m.id,
            "/no/such/pijat-file: tidak ada. Periksa nama dan foldernya."
        );
        assert!(!m.en.contains("os error"), "{}", m.en);
        let full = std::io::Error::from(ErrorKind::StorageFull);
        assert!(io_problem(Path::new("x"), &full).id.contains("disk penuh"));
    }
}
