//! Trainees and the trainer: profiles, the trainer PIN and its recovery code, the personal codes.

use super::records::{Records, pass_through};
use pijat_core::Role;
use pijat_store::{PinCheck, Profile, RecoverCheck, Result};

impl Records {
    pass_through! {
        /// The profile of this name (after name normalisation), if there is one.
        fn profile_by_name(&self, name: &str) -> Result<Option<Profile>>;
        /// Every profile, the most recently used first.
        fn profiles_recent(&self) -> Result<Vec<Profile>>;
        fn create_profile(&self, name: &str, role: Role) -> Result<Profile>;
        /// Marks a profile as used now (it moves to the top of the list).
        fn touch_profile(&self, id: &str) -> Result<()>;
        fn set_role(&self, id: &str, role: Role) -> Result<()>;
        fn rename_profile(&self, id: &str, new_name: &str) -> Result<Profile>;
        fn set_profile_lang(&self, id: &str, lang: &str) -> Result<()>;
        fn has_pin(&self) -> Result<bool>;
        /// Sets the trainer PIN; returns the recovery code to write down.
        fn set_pin(&self, pin: &str) -> Result<String>;
        fn check_pin(&self, pin: &str) -> Result<PinCheck>;
        fn recover_pin(&self, code: &str, new_pin: &str) -> Result<RecoverCheck>;
        /// Whether trainees need their personal code to open their record.
        fn codes_required(&self) -> Result<bool>;
        fn set_codes_required(&self, on: bool) -> Result<()>;
        fn has_code(&self, profile_id: &str) -> Result<bool>;
        fn set_code(&self, profile_id: &str, code: &str) -> Result<()>;
        fn check_code(&self, profile_id: &str, code: &str) -> Result<PinCheck>;
        fn clear_code(&self, profile_id: &str) -> Result<()>;
    }
}
