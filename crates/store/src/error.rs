//! Store errors, with messages that name the file and say what to do.

use std::path::{Path, PathBuf};

use pijat_core::Bilingual;

/// Why the data file could not do what was asked; each says what to do.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// Not a pijat data file, or a damaged one.
    #[error("{path}: not a pijat data file, or damaged ({detail})")]
    Corrupt {
        /// The file.
        path: PathBuf,
        /// What is wrong in it.
        detail: String,
    },
    /// The file is empty.
    #[error("{0}: an empty file")]
    Empty(PathBuf),
    /// The path is not a file.
    #[error("{0}: not a file")]
    NotAFile(PathBuf),
    /// Another program's file: pijat leaves it as it is.
    #[error("{path}: another program's file")]
    Foreign {
        /// The file.
        path: PathBuf,
        /// What it seems to be, when known.
        what: Option<String>,
    },
    /// The file or its folder cannot be written.
    #[error("{0}: read-only")]
    ReadOnly(PathBuf),
    /// The disk is full.
    #[error("{0}: the disk is full")]
    Full(PathBuf),
    /// A newer pijat wrote the file.
    #[error("{path}: written by a newer pijat (data version {found}, this pijat knows {known})")]
    Newer {
        /// The file.
        path: PathBuf,
        /// Its data version.
        found: i64,
        /// The newest this pijat knows.
        known: i64,
    },
    /// The file could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// SQLite refused.
    #[error("{path}: {source}")]
    Sqlite {
        /// The file.
        path: PathBuf,
        /// What SQLite said.
        source: rusqlite::Error,
    },
    /// A name that cannot be kept.
    #[error("{}", .0.message().en)]
    Name(super::NameError),
    /// A PIN that cannot be set.
    #[error("trainer PIN: {0}")]
    Pin(String),
    /// Rows of a sheet whose people already have a result.
    #[error("{} rows already have a result", .0.len())]
    Conflicts(Vec<pijat_core::records::Conflict>),
    /// A bundle brings a test the person already has here.
    #[error("{name} already has {test} here")]
    BundleClash {
        /// Who.
        name: String,
        /// Which test.
        test: String,
        /// When the one here was taken.
        here: String,
        /// When the bundle's was taken.
        there: String,
    },
    /// The record is already here.
    #[error("{0} already has this record")]
    Duplicate(String),
    /// The name is taken.
    #[error("the name {0} is already used")]
    NameTaken(String),
    /// Not a date.
    #[error("{0:?} is not a date")]
    NotADate(String),
    /// A class that ends before it starts.
    #[error("the class ends before it starts")]
    EndsBeforeStarts,
    /// A baby's date of birth after today.
    #[error("the baby's date of birth {0} is after today")]
    BornAfterToday(String),
    /// A baby's date of birth more than three years ago.
    #[error("the baby's date of birth {0} is more than 3 years ago")]
    BornLongAgo(String),
    /// No class of that name.
    #[error("no class {0}")]
    NoClass(String),
    /// A name not on the class's roster.
    #[error("{name} is not on the roster of {class}")]
    NotOnRoster {
        /// Who.
        name: String,
        /// The class.
        class: String,
    },
    /// A row written a moment ago could not be read back (the file changed underneath).
    #[error("a record just written could not be read back")]
    Vanished,
}

impl StoreError {
    /// An I/O error on the file `path`.
    pub fn io(path: &Path, source: std::io::Error) -> Self {
        StoreError::Io {
            path: path.to_path_buf(),
            source,
        }
    }

    /// A SQLite error on the file `path` (a full disk is told apart).
    pub fn sqlite(path: &Path, source: rusqlite::Error) -> Self {
        use rusqlite::ErrorCode::{
            CannotOpen, DatabaseCorrupt, DiskFull, NotADatabase, ReadOnly, SystemIoFailure,
        };
        match source.sqlite_error_code() {
            // Opening an existing file in WAL mode grows `pijat.db-shm`: on a full disk SQLite
            // says only "disk I/O error". The disk's free space tells which it is.
            Some(SystemIoFailure | CannotOpen) if disk_is_full(path) => {
                StoreError::Full(path.to_path_buf())
            }
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
                pijat_core::both!(
                    messages,
                    not_pijat_data_file_damaged,
                    p = p,
                    detail = detail
                )
            }
            StoreError::Empty(path) => {
                let p = path.display();
                let hint = backups_hint(path);
                pijat_core::both!(messages, data_file_empty, p = p, hint = hint)
            }
            StoreError::NotAFile(path) => {
                let p = path.display();
                pijat_core::both!(messages, not_ordinary_file_folder_device, p = p)
            }
            StoreError::Foreign { path, what } => {
                let p = path.display();
                let what = what.as_ref().map_or(String::new(), |w| format!(" ({w})"));
                pijat_core::both!(messages, another_programs_file, p = p, what = what)
            }
            StoreError::ReadOnly(path) => {
                let p = path.display();
                pijat_core::both!(messages, can_only_read_file_its, p = p)
            }
            StoreError::Full(path) => {
                let p = path.display();
                pijat_core::both!(messages, disk_holding_full_last_step, p = p)
            }
            StoreError::Newer { path, found, known } => {
                let p = path.display();
                pijat_core::both!(
                    messages,
                    was_written_newer_pijat_data,
                    p = p,
                    found = found,
                    known = known
                )
            }
            StoreError::Io { path, source } => pijat_core::io_words::io_problem(path, source),
            StoreError::Sqlite { path, source } => {
                let p = path.display();
                pijat_core::both!(messages, data_file_could_not_read, p = p, source = source)
            }
            StoreError::Name(e) => e.message(),
            StoreError::Pin(e) => pijat_core::both!(messages, trainer_pin, e = e),
            StoreError::Conflicts(c) => {
                let n = c.len();
                pijat_core::both!(messages, participants_already_have_result_test, n = n)
            }
            StoreError::BundleClash {
                name,
                test,
                here,
                there,
            } => {
                let name = pijat_core::printable(name);
                pijat_core::both!(
                    messages,
                    already_has_laptop_bundle_brings,
                    name = name,
                    test = test,
                    here = here,
                    there = there
                )
            }
            StoreError::Duplicate(n) => {
                pijat_core::both!(messages, already_has_record_nothing_was, n = n)
            }
            StoreError::NameTaken(n) => {
                pijat_core::both!(messages, name_already_used_choose_another, n = n)
            }
            StoreError::NotADate(text) => {
                let text = pijat_core::printable(text);
                pijat_core::both!(messages, not_a_date, text = text)
            }
            StoreError::EndsBeforeStarts => pijat_core::both!(messages, ends_before_starts),
            StoreError::BornLongAgo(day) => {
                let day = pijat_core::dates::paper_day(day, &pijat_core::Lang::id());
                pijat_core::both!(outcome, born_too_long_ago, day = day)
            }
            StoreError::BornAfterToday(day) => {
                let day = pijat_core::dates::paper_day(day, &pijat_core::Lang::id());
                pijat_core::both!(outcome, born_after_today, day = day)
            }
            StoreError::NoClass(class) => {
                let class = pijat_core::printable(class);
                pijat_core::both!(messages, no_class_named, class = class)
            }
            StoreError::NotOnRoster { name, class } => {
                let (name, class) = (pijat_core::printable(name), pijat_core::printable(class));
                pijat_core::both!(messages, not_on_roster, name = name, class = class)
            }
            StoreError::Vanished => pijat_core::both!(messages, record_just_written_could_not),
        }
    }
}

/// Less free space than this under the data file, when SQLite reports an I/O error, means the
/// disk is full: a write of a few pages (a WAL frame, the shared-memory index) found no room.
const NEARLY_FULL: u64 = 1 << 20;

/// Whether the disk holding `path` (or its nearest existing folder) has no room left.
pub(super) fn disk_is_full(path: &Path) -> bool {
    let dir = path
        .ancestors()
        .skip(1)
        .find(|d| d.is_dir())
        .unwrap_or(Path::new("."));
    fs4::available_space(dir).is_ok_and(|free| free < NEARLY_FULL)
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
            pijat_core::both!(messages, backup_copy_there_close_pijat, c = c, f = f)
        }
        None => pijat_core::both!(messages, if_there_backup_export_file, f = f),
    }
}
