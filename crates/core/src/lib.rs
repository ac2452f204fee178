//! The shared vocabulary every layer speaks: the language, bilingual text, phases, roles, modes, milk flow, dates, names, and the words for what went
//! wrong with a file. Imports nothing of pijat's.

mod bilingual;
pub mod cell;
pub mod dates;
pub mod feeding;
pub mod html;
pub mod io_words;
mod lang;
mod milk_flow;
mod mode;
pub mod names;
mod phase;
pub mod places;
pub mod records;
mod role;
pub mod score;
pub mod strings;

pub use bilingual::Bilingual;
pub use dates::local_date;
pub use lang::Lang;
pub use milk_flow::MilkFlow;
pub use mode::Mode;
pub use names::{NameError, clean_name, name_key, printable};
pub use phase::Phase;
pub use role::Role;
