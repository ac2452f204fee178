//! What pijat teaches: the schema, loading (embedded and a trainer's folder) and validation.
//! Knows nothing of terminals, storage or engines.

mod diag;
mod figures;
mod load;
mod parse;
mod reader;
mod schema;
mod text;

pub use diag::{Bilingual, Diagnostic, Severity};
pub use figures::{Cue, Figure};
pub use load::{Loaded, MAX_FILE_BYTES, SourceFile, load, load_with, shipped_files};
pub use schema::*;
pub use text::{Lang, Text};
