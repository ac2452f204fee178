//! The typed content pijat teaches, as loaded and checked from the TOML files.

use std::collections::BTreeMap;

use super::figures::{Cue, Figure};
use super::text::{Lang, Text};
pub use pijat_core::Phase;

/// Which content files a value came from: the ones shipped in the binary or a trainer's folder.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layer {
    Shipped,
    Trainer,
}

#[derive(Clone, Debug)]
pub struct Module {
    pub id: String,
    pub order: i64,
    pub title: Text,
    pub summary: Option<Text>,
    pub sources: Vec<String>,
    pub pages: Vec<Page>,
    pub routines: Vec<Routine>,
    pub path: String,
    pub layer: Layer,
}

#[derive(Clone, Debug)]
pub struct Page {
    pub title: Text,
    pub body: Text,
    pub figure: Option<Figure>,
    pub highlight: Vec<String>,
    pub sources: Vec<String>,
}

#[derive(Clone, Debug)]
pub struct Routine {
    pub id: String,
    pub title: Text,
    pub summary: Option<Text>,
    /// Share of checklist points an observed trainee needs to be judged competent.
    pub pass_percent: u8,
    pub steps: Vec<Step>,
}

impl Routine {
    /// `3. Prepare the room`: a step as people name it (its number from 1).
    pub fn step_label(&self, i: usize, lang: &Lang) -> String {
        let title = self.steps.get(i).map_or("?", |s| s.title.get(lang));
        format!("{}. {title}", i + 1)
    }

    /// The sum of the timed steps, in seconds.
    pub fn timed_seconds(&self) -> u64 {
        self.steps
            .iter()
            .filter_map(|s| s.seconds)
            .map(u64::from)
            .sum()
    }
}

#[derive(Clone, Debug)]
pub struct Step {
    pub id: String,
    pub title: Text,
    pub instruction: Text,
    pub why: Option<Text>,
    pub note: Option<Text>,
    /// Absent: the trainee moves on with a key press.
    pub seconds: Option<u32>,
    pub cue: Option<Cue>,
    pub critical: bool,
    pub figure: Option<Figure>,
    pub highlight: Vec<String>,
    pub sources: Vec<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    /// The group pre-test and the identical post-test.
    PrePost,
    /// One module's self-check.
    Module,
    /// A mixed pool for revision.
    Review,
}

impl Purpose {
    pub fn from_name(name: &str) -> Option<Self> {
        match name {
            "prepost" => Some(Self::PrePost),
            "module" => Some(Self::Module),
            "review" => Some(Self::Review),
            _ => None,
        }
    }

    /// Whether a question set of this purpose may be taken in this phase: the pre/post set
    /// only as a pre-test or post-test (practising on it would spoil the post-test), other
    /// sets only as practice.
    pub fn allows(self, phase: Phase) -> bool {
        (self == Purpose::PrePost) == (phase != Phase::Practice)
    }

    pub fn name(self) -> &'static str {
        match self {
            Self::PrePost => "prepost",
            Self::Module => "module",
            Self::Review => "review",
        }
    }
}

#[derive(Clone, Debug)]
pub struct Quiz {
    pub id: String,
    pub title: Text,
    pub purpose: Purpose,
    /// The module a `module` quiz checks.
    pub module: Option<String>,
    pub shuffle: bool,
    pub pass_percent: u8,
    pub questions: Vec<Question>,
    pub path: String,
    pub layer: Layer,
}

#[derive(Clone, Debug)]
pub struct Question {
    pub id: String,
    pub module: String,
    pub prompt: Text,
    pub kind: QuestionKind,
    pub explain: Option<Text>,
    pub sources: Vec<String>,
}

/// A question's interaction and right answer. Indexes are 0-based here; files and users
/// count from 1.
#[derive(Clone, Debug)]
pub enum QuestionKind {
    TrueFalse {
        answer: bool,
    },
    Single {
        options: Vec<Text>,
        answer: usize,
    },
    /// `answers` is sorted and has no repeats.
    Multiple {
        options: Vec<Text>,
        answers: Vec<usize>,
    },
    /// `items` are in the right order; they are always shown shuffled.
    Order {
        items: Vec<Text>,
    },
}

impl QuestionKind {
    pub fn type_name(&self) -> &'static str {
        match self {
            Self::TrueFalse { .. } => "true_false",
            Self::Single { .. } => "single",
            Self::Multiple { .. } => "multiple",
            Self::Order { .. } => "order",
        }
    }

    /// The options or items shown, in file order (none for true/false).
    pub fn options(&self) -> &[Text] {
        match self {
            Self::TrueFalse { .. } => &[],
            Self::Single { options, .. } | Self::Multiple { options, .. } => options,
            Self::Order { items } => items,
        }
    }
}

#[derive(Clone, Debug)]
pub struct Source {
    pub key: String,
    pub title: String,
    pub author: String,
    pub year: Option<i64>,
    pub url: String,
    pub note: Option<String>,
}

#[derive(Clone, Debug)]
pub struct Safety {
    pub title: Text,
    pub sections: Vec<SafetySection>,
}

#[derive(Clone, Debug)]
pub struct SafetySection {
    pub id: String,
    pub title: Text,
    pub body: Text,
    pub sources: Vec<String>,
}

/// Everything pijat teaches, checked and merged (a trainer's files over the shipped ones).
#[derive(Clone, Debug)]
pub struct Content {
    /// Sorted by `order`, then id.
    pub modules: Vec<Module>,
    /// Sorted: the pre/post sets first, then by id.
    pub quizzes: Vec<Quiz>,
    pub sources: BTreeMap<String, Source>,
    pub safety: Safety,
    /// Identifies the exact files loaded; saved with every attempt.
    pub version: String,
}

impl Content {
    /// No content at all: what the app's first frame is drawn with while the real content is
    /// still loading (the first screen, the trainees' names, needs none).
    pub fn empty() -> Self {
        Content {
            modules: Vec::new(),
            quizzes: Vec::new(),
            sources: BTreeMap::new(),
            safety: Safety {
                title: Text::default(),
                sections: Vec::new(),
            },
            version: String::new(),
        }
    }

    pub fn module(&self, id: &str) -> Option<&Module> {
        self.modules.iter().find(|m| m.id == id)
    }

    pub fn quiz(&self, id: &str) -> Option<&Quiz> {
        self.quizzes.iter().find(|q| q.id == id)
    }

    pub fn routines(&self) -> impl Iterator<Item = &Routine> {
        self.modules.iter().flat_map(|m| &m.routines)
    }

    pub fn routine(&self, id: &str) -> Option<&Routine> {
        self.routines().find(|r| r.id == id)
    }

    /// The set used for the group pre-test and post-test: `knowledge` when present, else the
    /// first `prepost` set.
    pub fn prepost_quiz(&self) -> Option<&Quiz> {
        self.quiz("knowledge")
            .filter(|q| q.purpose == Purpose::PrePost)
            .or_else(|| self.quizzes.iter().find(|q| q.purpose == Purpose::PrePost))
    }

    pub fn summary(&self) -> Summary {
        let routines: Vec<&Routine> = self.routines().collect();
        Summary {
            modules: self.modules.len(),
            pages: self.modules.iter().map(|m| m.pages.len()).sum(),
            routines: routines.len(),
            steps: routines.iter().map(|r| r.steps.len()).sum(),
            quizzes: self.quizzes.len(),
            questions: self.quizzes.iter().map(|q| q.questions.len()).sum(),
            sources: self.sources.len(),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Summary {
    pub modules: usize,
    pub pages: usize,
    pub routines: usize,
    pub steps: usize,
    pub quizzes: usize,
    pub questions: usize,
    pub sources: usize,
}
