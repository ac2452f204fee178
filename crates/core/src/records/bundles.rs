//! What merging a bundle did.

/// What an import did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Merged {
    /// People new here.
    pub profiles_new: usize,
    /// People already here, joined up.
    pub profiles_linked: usize,
    /// Classes new here.
    pub classes_new: usize,
    /// Attempts new here.
    pub attempts_new: usize,
    /// Attempts already here.
    pub attempts_known: usize,
    /// Practice runs new here.
    pub runs_new: usize,
    /// Observations new here.
    pub observations_new: usize,
    /// Visits new here.
    pub visits_new: usize,
}
