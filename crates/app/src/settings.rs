//! The laptop's settings that outlive a session (bell, voice, reading aloud).

use super::records::{Records, pass_through};
use crate::Result;

impl Records {
    pass_through! {
        /// A stored setting (`bell`, `voice`, `auto_read`…).
        fn setting(&self, key: &str) -> Result<Option<String>>;
        /// Keeps a setting in the data file.
        fn set_setting(&self, key: &str, value: &str) -> Result<()>;
    }
}
