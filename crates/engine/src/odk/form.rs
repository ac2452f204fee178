//! A form as a tree of groups and questions, in both languages: what the XForm and the XLSForm
//! writers render, so the two can never differ.

use pijat_core::Bilingual;

/// One person on the roster a form offers: the value the form sends back, the name shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Member {
    /// The roster id (the profile's id): what a submission names.
    pub id: String,
    /// The name the cadre picks.
    pub name: String,
}

/// An answer a select offers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Choice {
    /// What the form sends back.
    pub value: String,
    /// What the cadre reads.
    pub label: Bilingual,
}

/// What kind of answer a question takes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Free text.
    Text,
    /// A whole number.
    Integer,
    /// A day, today when the form opens.
    Today,
    /// One of a list (the list's name, for XLSForm's `choices` sheet).
    Select(String, Vec<Choice>),
    /// Words only, no answer.
    Note,
}

/// One question.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Question {
    /// The field name: the element of a submission, the column of an export.
    pub name: String,
    /// Its kind.
    pub kind: Kind,
    /// The question.
    pub label: Bilingual,
    /// Help under it.
    pub hint: Option<Bilingual>,
    /// Must be answered.
    pub required: bool,
    /// Asked only when this holds (XLSForm syntax: `${field}`, `.`).
    pub relevant: Option<String>,
    /// An answer must satisfy this, with the message shown otherwise.
    pub constraint: Option<(String, Bilingual)>,
    /// How Collect shows it (`autocomplete`: a list with a search box).
    pub appearance: Option<&'static str>,
}

impl Question {
    /// A question with no hint, condition or constraint.
    pub fn new(name: &str, kind: Kind, label: Bilingual, required: bool) -> Question {
        Question {
            name: name.to_string(),
            kind,
            label,
            hint: None,
            required,
            relevant: None,
            constraint: None,
            appearance: None,
        }
    }

    /// Shown as Collect's `appearance` says.
    pub fn appearance(mut self, appearance: &'static str) -> Question {
        self.appearance = Some(appearance);
        self
    }

    /// With a hint.
    pub fn hint(mut self, hint: Bilingual) -> Question {
        self.hint = Some(hint);
        self
    }

    /// Asked only when `expr` holds.
    pub fn relevant(mut self, expr: String) -> Question {
        self.relevant = Some(expr);
        self
    }

    /// Refused unless `expr` holds.
    pub fn constraint(mut self, expr: &str, message: Bilingual) -> Question {
        self.constraint = Some((expr.to_string(), message));
        self
    }
}

/// A question or a group of them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Item {
    /// One question.
    Question(Question),
    /// Questions shown together on one screen.
    Group {
        /// The group's name (a path segment of its fields in a submission).
        name: String,
        /// Its heading.
        label: Bilingual,
        /// Its questions.
        items: Vec<Question>,
    },
}

/// A whole form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Form {
    /// `pijat_tilik_<routine>` or `pijat_visit`.
    pub id: String,
    /// The title Collect lists.
    pub title: Bilingual,
    /// Changes whenever the routine, the roster or the form changes (set by the caller, from a
    /// hash of the form written without it).
    pub version: String,
    /// Its questions.
    pub items: Vec<Item>,
    /// The field whose choice names a filled form in Collect's lists, with the date.
    pub instance_name: (String, String),
}

impl Form {
    /// Every question, groups opened, in order.
    pub fn questions(&self) -> impl Iterator<Item = (Option<&str>, &Question)> {
        self.items.iter().flat_map(|i| match i {
            Item::Question(q) => vec![(None, q)],
            Item::Group { name, items, .. } => {
                items.iter().map(|q| (Some(name.as_str()), q)).collect()
            }
        })
    }
}
