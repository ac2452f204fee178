//! Store errors, with messages that name the file and say what to do.

use std::path::{Path, PathBuf};

use crate::core::Bilingual;
use crate::msg;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{path}: not a pijat data file, or damaged ({detail})")]
    Corrupt { path: PathBuf, detail: String },
    #[error("{0}: an empty file")]
    Empty(PathBuf),
    #[error("{0}: not a file")]
    NotAFile(PathBuf),
    #[error("{path}: another program's file")]
    Foreign { path: PathBuf, what: Option<String> },
    #[error("{0}: read-only")]
    ReadOnly(PathBuf),
    #[error("{0}: the disk is full")]
    Full(PathBuf),
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
    #[error("{name} already has {test} here")]
    BundleClash {
        name: String,
        test: String,
        here: String,
        there: String,
    },
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
        use rusqlite::ErrorCode::{DatabaseCorrupt, DiskFull, NotADatabase, ReadOnly};
        match source.sqlite_error_code() {
            Some(NotADatabase | DatabaseCorrupt) => StoreError::Corrupt {
                path: path.to_path_buf(),
                detail: source.to_string(),
            },
            Some(ReadOnly) => StoreError::ReadOnly(path.to_path_buf()),
            Some(DiskFull) => StoreError::Full(path.to_path_buf()),
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
            StoreError::Empty(path) => {
                let p = path.display();
                let Bilingual { id: hid, en: hen } = backups_hint(path);
                msg!(
                    id: "{p} kosong (0 byte): catatannya hilang, mungkin karena disk penuh atau laptop mati saat menyimpan. pijat tidak mengubahnya. {hid}",
                    en: "{p} is empty (0 bytes): its records are gone, perhaps from a full disk or a laptop switched off while saving. pijat has not changed it. {hen}"
                )
            }
            StoreError::NotAFile(path) => {
                let p = path.display();
                msg!(
                    id: "{p} bukan berkas biasa (folder atau perangkat). pijat tidak mengubahnya: pindahkan, atau pakai folder data lain dengan --data-dir FOLDER.",
                    en: "{p} is not an ordinary file (a folder or a device). pijat has not changed it: move it away, or use another data folder with --data-dir DIR."
                )
            }
            StoreError::Foreign { path, what } => {
                let p = path.display();
                let (wid, wen) = match what {
                    Some(w) => (format!(" ({w})"), format!(" ({w})")),
                    None => (String::new(), String::new()),
                };
                msg!(
                    id: "{p} bukan berkas data pijat: itu berkas program lain{wid}. pijat tidak mengubahnya. Pindahkan berkas itu ke tempat lain, atau pakai folder data lain dengan --data-dir FOLDER.",
                    en: "{p} is not a pijat data file: it belongs to another program{wen}. pijat has not changed it. Move that file elsewhere, or use another data folder with --data-dir DIR."
                )
            }
            StoreError::ReadOnly(path) => {
                let p = path.display();
                msg!(
                    id: "{p} hanya bisa dibaca (berkas atau foldernya dikunci, atau disknya dilindungi tulis): tidak ada yang disimpan. Salin folder data ke tempat yang bisa ditulisi dan jalankan pijat dengan --data-dir FOLDER, atau buka kunci tulisnya.",
                    en: "{p} can only be read (the file or its folder is locked, or the disk is write-protected): nothing was saved. Copy the data folder to a place that can be written and run pijat with --data-dir DIR, or remove the write protection."
                )
            }
            StoreError::Full(path) => {
                let p = path.display();
                msg!(
                    id: "disk tempat {p} penuh: langkah terakhir tidak disimpan, catatan sebelumnya aman. Kosongkan sebagian tempat (hapus berkas lama), lalu coba lagi.",
                    en: "the disk holding {p} is full: the last step was not saved; earlier records are safe. Free some space (delete old files), then try again."
                )
            }
            StoreError::Newer { path, found, known } => {
                let p = path.display();
                msg!(
                    id: "{p} ditulis oleh pijat yang lebih baru (versi data {found}; pijat ini mengenal sampai {known}). pijat tidak mengubahnya: perbarui pijat, atau pakai folder data lain dengan --data-dir FOLDER.",
                    en: "{p} was written by a newer pijat (data version {found}; this pijat knows up to {known}). pijat has not changed it: update pijat, or use another data folder with --data-dir DIR."
                )
            }
            StoreError::Io { path, source } => crate::core::io_words::io_problem(path, source),
            StoreError::Sqlite { path, source } => {
                let p = path.display();
                msg!(
                    id: "{p}: berkas data tidak bisa dibaca atau ditulisi ({source}). Tidak ada yang diubah; coba lagi, dan bila terulang periksa disknya.",
                    en: "{p}: the data file could not be read or written ({source}). Nothing was changed; try again, and if it happens again check the disk."
                )
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
            StoreError::BundleClash {
                name,
                test,
                here,
                there,
            } => {
                let name = crate::core::printable(name);
                msg!(
                    id: "{name} sudah punya {test} di laptop ini ({here}), dan bundel membawa satu lagi ({there}): tidak ada yang diimpor. Seorang peserta hanya punya satu tes awal dan satu tes akhir; bila lembar kertas yang sama diketik di dua laptop, hapus salah satunya di laptop asal (sheets import --replace) lalu ekspor lagi.",
                    en: "{name} already has {test} on this laptop ({here}), and the bundle brings another ({there}): nothing was imported. A participant has one pre-test and one post-test; if the same paper sheet was typed on two laptops, keep one of them on the laptop it came from (sheets import --replace) and export again."
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

/// What to do when the data file is lost: restore the newest copy pijat kept, or start anew.
fn backups_hint(path: &Path) -> Bilingual {
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut copies: Vec<String> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("pijat.db.v") && n.ends_with(".bak"))
        .collect();
    copies.sort();
    let fresh = path.with_extension("db.empty");
    let f = fresh.display();
    match copies.last() {
        Some(c) => {
            let c = dir.join(c);
            let c = c.display();
            msg!(
                id: "Ada salinan cadangan {c}: tutup pijat, ganti nama salinan itu menjadi pijat.db (simpan dulu yang kosong sebagai {f}), lalu buka pijat lagi.",
                en: "A backup copy is there, {c}: close pijat, rename that copy to pijat.db (keep the empty one as {f} first), then open pijat again."
            )
        }
        None => msg!(
            id: "Bila ada cadangan (misalnya berkas ekspor), pulihkan itu; untuk mulai baru, ganti nama berkas kosong itu menjadi {f} lalu buka pijat lagi.",
            en: "If there is a backup (an export file, say), restore it; to start anew, rename the empty file to {f}, then open pijat again."
        ),
    }
}
