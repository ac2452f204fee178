//! Classes: a named group of trainees.

/// A class as saved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClassRecord {
    /// Its id.
    pub id: String,
    /// The name.
    pub name: String,
    /// Where the class meets (a village, a posyandu).
    pub place: Option<String>,
    /// Its first day.
    pub starts: Option<String>,
    /// Its last day.
    pub ends: Option<String>,
    /// Who trains it.
    pub trainer: Option<String>,
    /// When it was saved.
    pub created: String,
}

/// A class's details as the trainer types them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ClassDetails {
    /// The name.
    pub name: String,
    /// Where the class meets (a village, a posyandu).
    pub place: Option<String>,
    /// Its first day.
    pub starts: Option<String>,
    /// Its last day.
    pub ends: Option<String>,
    /// Who trains it.
    pub trainer: Option<String>,
}
