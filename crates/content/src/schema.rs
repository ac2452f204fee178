//! The typed content pijat teaches, as loaded and checked from the TOML files.

use std::collections::BTreeMap;

use super::figures::{Cue, Figure};
use super::text::{Lang, Text};
pub use pijat_core::Phase;

/// Which content files a value came from: the ones shipped in the binary or a trainer's folder.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layer {
    /// The files built into pijat.
    Shipped,
    /// A trainer's folder given with `--content`.
    Trainer,
}

/// A module of the curriculum: pages to read and routines to practise.
#[derive(Clone, Debug)]
pub struct Module {
    /// Its id, unique among modules.
    pub id: String,
    /// Where it comes in the curriculum.
    pub order: i64,
    /// Its title.
    pub title: Text,
    /// One or two sentences on what it teaches.
    pub summary: Option<Text>,
    /// The sources it rests on.
    pub sources: Vec<String>,
    /// Its pages, in order.
    pub pages: Vec<Page>,
    /// The routines it teaches.
    pub routines: Vec<Routine>,
    /// The file it came from.
    pub path: String,
    /// Shipped or a trainer's.
    pub layer: Layer,
}

/// One page of a module.
#[derive(Clone, Debug)]
pub struct Page {
    /// Its title.
    pub title: Text,
    /// What it says.
    pub body: Text,
    /// A figure beside it.
    pub figure: Option<Figure>,
    /// The figure's regions it points at.
    pub highlight: Vec<String>,
    /// The sources it rests on.
    pub sources: Vec<String>,
}

/// A routine to practise step by step, and to observe with the checklist.
#[derive(Clone, Debug)]
pub struct Routine {
    /// Its id, unique among routines.
    pub id: String,
    /// Its title.
    pub title: Text,
    /// What it is for, in a sentence.
    pub summary: Option<Text>,
    /// Share of checklist points an observed trainee needs to be judged competent.
    pub pass_percent: u8,
    /// Its steps, in order.
    pub steps: Vec<Step>,
}

impl Routine {
    /// `3. Prepare the room`: a step as people name it (its number from 1).
    pub fn step_label(&self, i: usize, lang: &Lang) -> String {
        let title = self.steps.get(i).map_or("?", |s| s.title.get(lang));
        format!("{}. {title}", i + 1)
    }
}

/// One step of a routine.
#[derive(Clone, Debug)]
pub struct Step {
    /// Its id, unique in the routine.
    pub id: String,
    /// Its title.
    pub title: Text,
    /// What to do.
    pub instruction: Text,
    /// Why it is done.
    pub why: Option<Text>,
    /// A caution or tip.
    pub note: Option<Text>,
    /// Absent: the trainee moves on with a key press.
    pub seconds: Option<u32>,
    /// How a timed step paces the hands.
    pub cue: Option<Cue>,
    /// A step that must be done well for the routine to count (★).
    pub critical: bool,
    /// A figure beside it.
    pub figure: Option<Figure>,
    /// The figure's regions it points at.
    pub highlight: Vec<String>,
    /// The sources it rests on.
    pub sources: Vec<String>,
}

/// What a question set is for.
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
    /// The purpose a quiz file names (`prepost`, `module`, `review`).
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

    /// Its name in quiz files.
    pub fn name(self) -> &'static str {
        match self {
            Self::PrePost => "prepost",
            Self::Module => "module",
            Self::Review => "review",
        }
    }
}

/// A question set.
#[derive(Clone, Debug)]
pub struct Quiz {
    /// Its id, unique among question sets.
    pub id: String,
    /// Its title.
    pub title: Text,
    /// What it is for.
    pub purpose: Purpose,
    /// The module a `module` quiz checks.
    pub module: Option<String>,
    /// Whether questions and options are shown in a mixed order.
    pub shuffle: bool,
    /// The score that passes a practice set.
    pub pass_percent: u8,
    /// Its questions, in file order.
    pub questions: Vec<Question>,
    /// The file it came from.
    pub path: String,
    /// Shipped or a trainer's.
    pub layer: Layer,
}

/// One question of a set.
#[derive(Clone, Debug)]
pub struct Question {
    /// Its id, unique in the set.
    pub id: String,
    /// The module it checks.
    pub module: String,
    /// What is asked.
    pub prompt: Text,
    /// How it is answered, and the right answer.
    pub kind: QuestionKind,
    /// Why the right answer is right.
    pub explain: Option<Text>,
    /// The sources it rests on.
    pub sources: Vec<String>,
}

/// A question's interaction and right answer. Indexes are 0-based here; files and users
/// count from 1.
#[derive(Clone, Debug)]
pub enum QuestionKind {
    /// A statement the learner marks true or false.
    TrueFalse {
        /// Whether the statement is true.
        answer: bool,
    },
    /// One right option among several.
    Single {
        /// The options, in file order.
        options: Vec<Text>,
        /// The right option.
        answer: usize,
    },
    /// `answers` is sorted and has no repeats.
    Multiple {
        /// The options, in file order.
        options: Vec<Text>,
        /// The right options.
        answers: Vec<usize>,
    },
    /// `items` are in the right order; they are always shown shuffled.
    Order {
        /// The items, in the right order.
        items: Vec<Text>,
    },
}

impl QuestionKind {
    /// Its name in quiz files (`true_false`, `single`, `multiple`, `order`).
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

/// A source the content cites, by its key (`S12`).
#[derive(Clone, Debug)]
pub struct Source {
    /// Its key (`S12`).
    pub key: String,
    /// The title of the work.
    pub title: String,
    /// Who wrote or published it.
    pub author: String,
    /// When.
    pub year: Option<i64>,
    /// Where to read it.
    pub url: String,
    /// What it is cited for.
    pub note: Option<String>,
}

/// The safety text: when not to massage and when to seek care.
#[derive(Clone, Debug)]
pub struct Safety {
    /// Its title.
    pub title: Text,
    /// Its sections.
    pub sections: Vec<SafetySection>,
}

/// One section of the safety text.
#[derive(Clone, Debug)]
pub struct SafetySection {
    /// Its id.
    pub id: String,
    /// Its title.
    pub title: Text,
    /// What it says.
    pub body: Text,
    /// The sources it rests on.
    pub sources: Vec<String>,
}

/// Everything pijat teaches, checked and merged (a trainer's files over the shipped ones).
#[derive(Clone, Debug)]
pub struct Content {
    /// Sorted by `order`, then id.
    pub modules: Vec<Module>,
    /// Sorted: the pre/post sets first, then by id.
    pub quizzes: Vec<Quiz>,
    /// Every source, by key.
    pub sources: BTreeMap<String, Source>,
    /// The safety text.
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

    /// The module `id`.
    pub fn module(&self, id: &str) -> Option<&Module> {
        self.modules.iter().find(|m| m.id == id)
    }

    /// The question set `id`.
    pub fn quiz(&self, id: &str) -> Option<&Quiz> {
        self.quizzes.iter().find(|q| q.id == id)
    }

    /// Every routine, module by module.
    pub fn routines(&self) -> impl Iterator<Item = &Routine> {
        self.modules.iter().flat_map(|m| &m.routines)
    }

    /// The routine `id`.
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

    /// How much there is, for `pijat validate`.
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

/// How much content there is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Summary {
    /// Modules.
    pub modules: usize,
    /// Pages.
    pub pages: usize,
    /// Routines.
    pub routines: usize,
    /// Steps of all routines.
    pub steps: usize,
    /// Question sets.
    pub quizzes: usize,
    /// Questions of all sets.
    pub questions: usize,
    /// Sources.
    pub sources: usize,
}
