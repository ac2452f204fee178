//! What went wrong with the records, as the shells see it: a message in both languages that
//! says what to do. The store's own error stays inside.

use std::fmt;

use pijat_core::Bilingual;
use pijat_store::StoreError;

/// Why a use case could not do what was asked.
#[derive(Debug)]
pub struct Error(StoreError);

/// What a use case answers.
pub type Result<T> = std::result::Result<T, Error>;

impl Error {
    /// What went wrong and what to do, in both languages.
    pub fn message(&self) -> Bilingual {
        self.0.message()
    }
}

impl From<StoreError> for Error {
    fn from(e: StoreError) -> Self {
        Self(e)
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.0)
    }
}
