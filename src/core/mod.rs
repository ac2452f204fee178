//! The shared vocabulary every layer speaks: bilingual text, names, and the words for what went
//! wrong with a file. Imports nothing of pijat's.

pub mod bilingual;
pub mod cell;
pub mod io_words;
pub mod names;
pub mod places;

pub use bilingual::Bilingual;
pub use names::{NameError, clean_name, name_key, printable};
