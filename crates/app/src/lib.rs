//! The use cases every shell calls: quiz attempts answer by answer, practice runs, observations
//! and visits, sheet imports, bundles, report data and progress. The shells hold a [`Records`]
//! and never the store; the record types they read are re-exported here. Uses the engines and
//! the store; knows nothing of terminals or browsers.

mod bundle_check;
pub mod bundle_files;
pub mod bundles;
mod classes;
pub mod classroom;
mod error;
pub mod forms;
mod learning;
pub mod monitoring;
mod observation;
pub mod out_file;
mod people;
pub mod practice_run;
pub mod progress;
mod quiz_run;
pub mod recap;
mod records;
pub mod report_data;
pub mod roster;
mod settings;
mod sheet_csv;
pub mod sheet_file;
pub mod sheets;
pub mod visit_list;

pub use classroom::Classroom;
pub use progress::{PrePost, prepost};
pub use quiz_run::{QuizRun, Recorded, Start, StartArgs};
pub use records::Records;

pub use error::{Error, Result};
pub use pijat_core::MilkFlow;
/// The records the shells read: domain types, not the store's.
pub use pijat_core::records::{
    AttemptRecord, ClassDetails, ClassRecord, MarkRecord, NewVisit, PinCheck, PracticeRun,
    PracticeStepRecord, Profile, RecoverCheck, Roster, SheetImport, SheetRow, valid_code,
    valid_pin,
};
