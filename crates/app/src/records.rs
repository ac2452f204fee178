//! The data file as every shell sees it. The shells hold a `Records` and call its use cases; the
//! store inside is reached only from `app`, so a flow and its rules exist once, whichever shell
//! runs it.

use std::path::{Path, PathBuf};

use crate::Result;
use pijat_store::Store;

/// The one door to the record: every use case reads and writes through it.
pub struct Records {
    store: Store,
}

/// A use case with no rule of its own beyond what the store checks (a read, or one write in one
/// statement): passed straight on, with the same name and arguments.
macro_rules! pass_through {
    () => {};
    ($(#[$doc:meta])* fn $name:ident(&self $(, $arg:ident: $ty:ty)*) -> $ret:ty; $($rest:tt)*) => {
        $(#[$doc])* pub fn $name(&self $(, $arg: $ty)*) -> $ret { Ok(self.store().$name($($arg),*)?) }
        $crate::records::pass_through! { $($rest)* }
    };
    ($(#[$doc:meta])* fn $name:ident(&mut self $(, $arg:ident: $ty:ty)*) -> $ret:ty; $($rest:tt)*) => {
        $(#[$doc])* pub fn $name(&mut self $(, $arg: $ty)*) -> $ret { Ok(self.store_mut().$name($($arg),*)?) }
        $crate::records::pass_through! { $($rest)* }
    };
}
pub(crate) use pass_through;

impl Records {
    /// Opens (or makes) the data file in `dir`, migrating an older one.
    pub fn open(dir: &Path) -> Result<Records> {
        Ok(Records {
            store: Store::open(dir)?,
        })
    }

    /// The data file of a command that only reads (history, report, export): nothing is
    /// written, so it works on a read-only folder; a folder without a file reads as empty.
    pub fn open_to_read(dir: &Path) -> Result<Records> {
        Ok(Records {
            store: Store::open_read_or_empty(dir)?,
        })
    }

    /// The folder pijat keeps its data in when none is given.
    pub fn default_dir() -> Option<PathBuf> {
        pijat_store::default_dir()
    }

    /// Whether `dir` has no data file yet (a new laptop: the welcome screen).
    pub fn is_new(dir: &Path) -> bool {
        !dir.join(pijat_store::FILE_NAME).exists()
    }

    /// The data file.
    pub fn path(&self) -> &Path {
        self.store.path()
    }

    pub(crate) fn store(&self) -> &Store {
        &self.store
    }

    pub(crate) fn store_mut(&mut self) -> &mut Store {
        &mut self.store
    }
}
