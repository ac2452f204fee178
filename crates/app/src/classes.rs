//! Classes and who is in them.

use super::records::{Records, pass_through};
use crate::Result;
use pijat_store::{ClassDetails, ClassRecord, Profile};

impl Records {
    pass_through! {
        /// Every class, newest first.
        fn classes(&self) -> Result<Vec<ClassRecord>>;
        /// The class `id`.
        fn class(&self, id: &str) -> Result<Option<ClassRecord>>;
        /// The class of this name, made when there is none.
        fn ensure_class(&self, name: &str) -> Result<ClassRecord>;
        /// The people on a class's roster.
        fn members(&self, class_id: &str) -> Result<Vec<Profile>>;
        /// Saves a new class (`id` none) or the details of an existing one.
        fn save_class(&self, id: Option<&str>, d: &ClassDetails) -> Result<ClassRecord>;
        /// Each member's cadre (member id to cadre id).
        fn cadres(&self, class_id: &str) -> Result<std::collections::BTreeMap<String, String>>;
        /// Puts a person on a class's roster.
        fn add_member(&self, class_id: &str, profile_id: &str) -> Result<()>;
        /// Takes a person off a class's roster (their records stay).
        fn remove_member(&self, class_id: &str, profile_id: &str) -> Result<()>;
    }
}
