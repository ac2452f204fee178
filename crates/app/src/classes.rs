//! Classes and who is in them.

use super::records::{Records, pass_through};
use pijat_store::{ClassDetails, ClassRow, Profile, Result};

impl Records {
    pass_through! {
        fn classes(&self) -> Result<Vec<ClassRow>>;
        fn class(&self, id: &str) -> Result<Option<ClassRow>>;
        /// The class of this name, made when there is none.
        fn ensure_class(&self, name: &str) -> Result<ClassRow>;
        fn members(&self, class_id: &str) -> Result<Vec<Profile>>;
        /// Saves a new class (`id` none) or the details of an existing one.
        fn save_class(&self, id: Option<&str>, d: &ClassDetails) -> Result<ClassRow>;
        fn add_member(&self, class_id: &str, profile_id: &str) -> Result<()>;
        fn remove_member(&self, class_id: &str, profile_id: &str) -> Result<()>;
    }
}
