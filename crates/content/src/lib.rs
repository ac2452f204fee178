//! What pijat teaches: the schema, loading (embedded and a trainer's folder) and validation.
//! Knows nothing of terminals, storage or engines.

pub mod diag;
pub mod figures;
pub mod load;
pub mod parse;
pub mod reader;
pub mod schema;
pub mod text;

pub use diag::{Bilingual, Diagnostic, Severity};
pub use figures::{Cue, Figure};
pub use load::{Loaded, load_with};
pub use schema::*;
pub use text::{Lang, Text};
