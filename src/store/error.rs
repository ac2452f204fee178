//! Store errors, with messages that name the file and say what to do.

use std::io::Read;
use std::path::{Path, PathBuf};

use crate::content::Bilingual;
use crate::msg;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{path}: not a pijat data file, or damaged ({detail})")]
    Corrupt { path: PathBuf, detail: String },
    #[error("{path}: written by a newer pijat (data version {found}, this pijat knows {known})")]
    Newer {
        path: PathBuf,
        found: i64,
        known: i64,
    },
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}: {source}")]
    Sqlite {
        path: PathBuf,
        source: rusqlite::Error,
    },
    #[error("{}", .0.message().en)]
    Name(super::NameError),
    #[error("trainer PIN: {0}")]
    Pin(String),
    #[error("{} rows already have a result", .0.len())]
    Conflicts(Vec<super::sheets::Conflict>),
    #[error("{0} already has this record")]
    Duplicate(String),
    #[error("the name {0} is already used")]
    NameTaken(String),
    /// A row written a moment ago could not be read back (the file changed underneath).
    #[error("a record just written could not be read back")]
    Vanished,
}

impl StoreError {
    pub fn io(path: &Path, source: std::io::Error) -> Self {
        StoreError::Io {
            path: path.to_path_buf(),
            source,
        }
    }

    pub fn sqlite(path: &Path, source: rusqlite::Error) -> Self {
        use rusqlite::ErrorCode::{DatabaseCorrupt, NotADatabase};
        match source.sqlite_error_code() {
            Some(NotADatabase | DatabaseCorrupt) => StoreError::Corrupt {
                path: path.to_path_buf(),
                detail: source.to_string(),
            },
            _ => StoreError::Sqlite {
                path: path.to_path_buf(),
                source,
            },
        }
    }

    /// What the user reads: the file, what is wrong, and what to do.
    pub fn message(&self) -> Bilingual {
        match self {
            StoreError::Corrupt { path, detail } => {
                let p = path.display();
                msg!(
                    id: "{p} bukan berkas data pijat atau rusak ({detail}). pijat tidak mengubahnya. Simpan salinannya, lalu jalankan pijat dengan folder data lain (--data-dir FOLDER) atau minta pelatih memulihkan cadangan.",
                    en: "{p} is not a pijat data file or is damaged ({detail}). pijat has not changed it. Keep a copy, then run pijat with another data folder (--data-dir DIR) or ask your trainer to restore a backup."
                )
            }
            StoreError::Newer { path, found, known } => {
                let p = path.display();
                msg!(
                    id: "{p} ditulis oleh pijat yang lebih baru (versi data {found}; pijat ini mengenal sampai {known}). pijat tidak mengubahnya: perbarui pijat, atau pakai folder data lain dengan --data-dir FOLDER.",
                    en: "{p} was written by a newer pijat (data version {found}; this pijat knows up to {known}). pijat has not changed it: update pijat, or use another data folder with --data-dir DIR."
                )
            }
            StoreError::Io { path, source } => {
                let p = path.display();
                msg!(
                    id: "{p}: {source}. Periksa apakah folder itu ada dan boleh ditulisi.",
                    en: "{p}: {source}. Check that the folder exists and can be written to."
                )
            }
            StoreError::Sqlite { path, source } => {
                let p = path.display();
                msg!(id: "{p}: kesalahan basis data: {source}", en: "{p}: database error: {source}")
            }
            StoreError::Name(e) => e.message(),
            StoreError::Pin(e) => msg!(id: "PIN pelatih: {e}", en: "trainer PIN: {e}"),
            StoreError::Conflicts(c) => {
                let n = c.len();
                msg!(
                    id: "{n} peserta sudah punya hasil untuk tes ini; tidak ada yang disimpan",
                    en: "{n} participants already have a result for this test; nothing was saved"
                )
            }
            StoreError::Duplicate(n) => msg!(
                id: "{n} sudah punya catatan ini; tidak ada yang disimpan",
                en: "{n} already has this record; nothing was saved"
            ),
            StoreError::NameTaken(n) => msg!(
                id: "nama “{n}” sudah dipakai; pilih nama lain (misalnya tambahkan nama belakang)",
                en: "the name “{n}” is already used; choose another (add a family name, say)"
            ),
            StoreError::Vanished => msg!(
                id: "catatan yang baru ditulis tidak bisa dibaca lagi; coba sekali lagi",
                en: "a record just written could not be read back; try once more"
            ),
        }
    }
}

/// A file that exists and is not empty must start like an SQLite database; anything else is
/// refused before SQLite touches it.
pub fn check_header(path: &Path) -> Result<(), StoreError> {
    let Ok(mut f) = std::fs::File::open(path) else {
        return Ok(());
    };
    let mut head = [0u8; 16];
    let mut n = 0;
    while n < head.len() {
        match f.read(&mut head[n..]) {
            Ok(0) => break,
            Ok(k) => n += k,
            Err(e) => return Err(StoreError::io(path, e)),
        }
    }
    if n == 0 || &head[..n] == b"SQLite format 3\0" {
        return Ok(());
    }
    Err(StoreError::Corrupt {
        path: path.to_path_buf(),
        detail: "no SQLite header".into(),
    })
}
