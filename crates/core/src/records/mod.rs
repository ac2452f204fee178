//! The records of the programme as every layer reads them: people, classes, quiz attempts,
//! practice runs, checklist observations, home visits, and the paper sheets typed in. The store
//! saves and loads them; the use cases hand them to the shells. Plain data, no storage in them.

mod attempts;
mod bundles;
mod checks;
mod classes;
mod monitoring;
mod people;
mod practice;
mod sheets;

pub use attempts::AttemptRecord;
pub use bundles::Merged;
pub use checks::{PinCheck, RecoverCheck, valid_code, valid_pin};
pub use classes::{ClassDetails, ClassRecord};
pub use monitoring::{
    ChecklistSheetRow, MarkRecord, NewVisit, ObservationRecord, VisitFindings, VisitRecord,
    VisitSheetRow,
};
pub use people::Profile;
pub use practice::{PracticeRun, PracticeStepRecord};
pub use sheets::{Conflict, Roster, SheetAnswer, SheetImport, SheetRow};
