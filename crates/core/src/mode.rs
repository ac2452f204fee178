//! How a record came in. The one text of each mode is what the data file and bundles hold, and
//! the data file's schema accepts only these (migration 8).

/// How the answers of an attempt, or an observation or a visit, were taken.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    Hash,
    strum::EnumIter,
    strum::IntoStaticStr,
    strum::EnumString,
)]
#[strum(serialize_all = "lowercase")]
pub enum Mode {
    /// In the full-screen app: a trainee alone, or a group test going round one laptop.
    App,
    /// The plain line-by-line quiz (`pijat quiz --plain`), for screen readers and old consoles.
    Plain,
    /// Typed in from a paper sheet or form.
    Sheet,
    /// On a phone over the laptop's hotspot: a father's test (`pijat classroom`), or a cadre's
    /// observation or visit sent from ODK Collect (`pijat forms serve`, `sheets import --odk`).
    Phone,
}

impl Mode {
    /// The stored text: `app`, `plain`, `sheet`, `phone`.
    pub fn name(self) -> &'static str {
        self.into()
    }

    /// The stored text read back exactly; anything else is `None`.
    pub fn from_name(s: &str) -> Option<Mode> {
        s.parse().ok()
    }

    /// Whether an observation or a home visit can come in this way (made in the app, typed from
    /// paper, or sent from a cadre's phone with ODK Collect).
    pub fn for_monitoring(self) -> bool {
        matches!(self, Mode::App | Mode::Sheet | Mode::Phone)
    }
}

impl std::fmt::Display for Mode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use strum::IntoEnumIterator;

    #[test]
    fn each_mode_has_one_text_that_reads_back() {
        let names: Vec<&str> = Mode::iter().map(Mode::name).collect();
        assert_eq!(names, ["app", "plain", "sheet", "phone"]);
        for m in Mode::iter() {
            assert_eq!(Mode::from_name(m.name()), Some(m));
        }
        assert_eq!(Mode::from_name("classroom"), None);
        assert_eq!(Mode::from_name("App"), None, "the stored text is exact");
    }
}
