//! The use cases the command line and the app share: taking a quiz attempt answer by answer
//! against the store, and reading a trainee's progress. Uses the engines and the store; knows
//! nothing of terminals.

pub mod bundle_check;
pub mod bundles;
pub mod classroom;
pub mod monitoring;
pub mod out_file;
pub mod practice_run;
pub mod progress;
pub mod quiz_run;
pub mod report_data;
pub mod sheet_file;
pub mod sheets;

pub use classroom::Classroom;
pub use progress::{PrePost, prepost};
pub use quiz_run::{QuizRun, Recorded, Start, StartArgs};
