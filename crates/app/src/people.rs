//! Trainees and the trainer: profiles, the trainer PIN and its recovery code, the personal codes.

use super::records::{Records, pass_through};
use crate::Result;
use pijat_core::Role;
use pijat_store::{PinCheck, Profile, RecoverCheck};

impl Records {
    pass_through! {
        /// The profile of this name (after name normalisation), if there is one.
        fn profile_by_name(&self, name: &str) -> Result<Option<Profile>>;
        /// Every profile, the most recently used first.
        fn profiles_recent(&self) -> Result<Vec<Profile>>;
        /// A new person with a role.
        fn create_profile(&self, name: &str, role: Role) -> Result<Profile>;
        /// Marks a profile as used now (it moves to the top of the list).
        fn touch_profile(&self, id: &str) -> Result<()>;
        /// A father's baby's date of birth (as typed), contact line and cadre in a class, in
        /// one transaction; a birth date after `today` is refused.
        fn set_family(&self, id: &str, baby_born: &str, contact: &str, cadre: Option<(&str, Option<&str>)>, today: &str) -> Result<()>;
        /// Changes a person's role.
        fn set_role(&self, id: &str, role: Role) -> Result<()>;
        /// Renames a person; refused when the name is taken.
        fn rename_profile(&self, id: &str, new_name: &str) -> Result<Profile>;
        /// The language a person reads pijat in.
        fn set_profile_lang(&self, id: &str, lang: &str) -> Result<()>;
        /// Whether a trainer PIN is set.
        fn has_pin(&self) -> Result<bool>;
        /// Sets the trainer PIN; returns the recovery code to write down.
        fn set_pin(&self, pin: &str) -> Result<String>;
        /// Checks a trainer PIN, with the growing waits after wrong tries.
        fn check_pin(&self, pin: &str) -> Result<PinCheck>;
        /// Replaces a forgotten PIN with the recovery code.
        fn recover_pin(&self, code: &str, new_pin: &str) -> Result<RecoverCheck>;
        /// Whether trainees need their personal code to open their record.
        fn codes_required(&self) -> Result<bool>;
        /// Turns personal codes on or off.
        fn set_codes_required(&self, on: bool) -> Result<()>;
        /// Whether a trainee has a personal code.
        fn has_code(&self, profile_id: &str) -> Result<bool>;
        /// Sets a trainee's personal code.
        fn set_code(&self, profile_id: &str, code: &str) -> Result<()>;
        /// Checks a trainee's personal code, with the growing waits.
        fn check_code(&self, profile_id: &str, code: &str) -> Result<PinCheck>;
        /// Clears a trainee's forgotten code, so he chooses a new one.
        fn clear_code(&self, profile_id: &str) -> Result<()>;
    }
}
