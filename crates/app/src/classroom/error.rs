//! Why the classroom refused a request: each reason has a kind (a shell turns it into a status)
//! and the bilingual words the phone shows.

use pijat_core::Bilingual;
use pijat_core::strings::classroom::{Strings, both};

/// Why the room refused a phone's request; the page shows its message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// The device token is missing or from another test: the page reloads.
    UnknownDevice,
    /// The class code was wrong.
    WrongCode {
        /// Tries left before a wait.
        tries_left: u32,
    },
    /// Too many wrong codes: the phone waits.
    TooManyTries {
        /// How long.
        wait_seconds: u64,
    },
    /// The phone has not typed the code yet.
    CodeFirst,
    /// The phone has not chosen a name yet.
    NameFirst,
    /// Another phone holds this name.
    NameBusy,
    /// This person already took this test.
    AlreadyTaken {
        /// Who.
        name: String,
    },
    /// No such name on the roster.
    NoSuchName,
    /// The trainer has not allowed new names.
    NewNamesOff,
    /// The name is not a name (empty, control characters…): why.
    BadName(Bilingual),
    /// This phone already holds another name.
    AlreadyJoined {
        /// That name.
        name: String,
    },
    /// The answer was for another question than the current one.
    Stale,
    /// The answer token does not fit the question: why.
    BadAnswer(Bilingual),
    /// An answer was sent with nothing chosen.
    ChooseFirst,
    /// The test has ended.
    Ended,
    /// Too many phones are connected: wait and try again.
    TooManyPhones,
    /// Too many names asked for from this phone: wait.
    TooManyNames {
        /// How long.
        wait_seconds: u64,
    },
    /// The data file did not take the write: nothing was saved.
    NotSaved(Bilingual),
}

/// What kind of refusal, for the shell's status code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// The device must start again (401).
    Unknown,
    /// Not allowed now or for this device (403).
    Forbidden,
    /// A clash with what is saved (409).
    Conflict,
    /// The input itself is wrong (422).
    Invalid,
    /// Slow down (429).
    Limited,
    /// The test is over (410).
    Gone,
    /// The laptop could not save: try again (503).
    Unavailable,
}

impl Refusal {
    /// What kind of refusal it is, for the status code the shell answers with.
    pub fn kind(&self) -> Kind {
        match self {
            Refusal::UnknownDevice => Kind::Unknown,
            Refusal::WrongCode { .. }
            | Refusal::CodeFirst
            | Refusal::NameFirst
            | Refusal::NewNamesOff
            | Refusal::AlreadyJoined { .. } => Kind::Forbidden,
            Refusal::NameBusy | Refusal::AlreadyTaken { .. } | Refusal::Stale => Kind::Conflict,
            Refusal::NoSuchName
            | Refusal::BadName(_)
            | Refusal::BadAnswer(_)
            | Refusal::ChooseFirst => Kind::Invalid,
            Refusal::TooManyTries { .. }
            | Refusal::TooManyPhones
            | Refusal::TooManyNames { .. } => Kind::Limited,
            Refusal::Ended => Kind::Gone,
            Refusal::NotSaved(_) => Kind::Unavailable,
        }
    }

    /// A short stable name for scripts and the page (`wrong_code`, `stale`…).
    pub fn name(&self) -> &'static str {
        match self {
            Refusal::UnknownDevice => "unknown_device",
            Refusal::WrongCode { .. } => "wrong_code",
            Refusal::TooManyTries { .. } => "too_many_tries",
            Refusal::CodeFirst => "code_first",
            Refusal::NameFirst => "name_first",
            Refusal::NameBusy => "name_busy",
            Refusal::AlreadyTaken { .. } => "already_taken",
            Refusal::NoSuchName => "no_such_name",
            Refusal::NewNamesOff => "new_names_off",
            Refusal::BadName(_) => "bad_name",
            Refusal::AlreadyJoined { .. } => "already_joined",
            Refusal::Stale => "stale",
            Refusal::BadAnswer(_) => "bad_answer",
            Refusal::ChooseFirst => "choose_first",
            Refusal::Ended => "ended",
            Refusal::TooManyPhones => "too_many_phones",
            Refusal::TooManyNames { .. } => "too_many_names",
            Refusal::NotSaved(_) => "not_saved",
        }
    }

    /// What the phone shows, in both languages.
    pub fn message(&self) -> Bilingual {
        let plain = |pick: fn(&Strings) -> &'static str| both(pick, &[]);
        match self {
            Refusal::UnknownDevice => plain(|s| s.unknown_device),
            Refusal::WrongCode { tries_left } => {
                pijat_core::both!(classroom, wrong_code, n = tries_left.to_string())
            }
            Refusal::TooManyTries { wait_seconds } => {
                pijat_core::both!(classroom, wait_code, s = wait_seconds.to_string())
            }
            Refusal::CodeFirst => plain(|s| s.code_first),
            Refusal::NameFirst => plain(|s| s.name_first),
            Refusal::NameBusy => plain(|s| s.name_busy),
            Refusal::AlreadyTaken { name } => pijat_core::both!(classroom, already_taken, n = name),
            Refusal::NoSuchName => plain(|s| s.no_such_name),
            Refusal::NewNamesOff => plain(|s| s.new_names_off),
            Refusal::BadName(m) | Refusal::BadAnswer(m) => m.clone(),
            Refusal::AlreadyJoined { name } => {
                pijat_core::both!(classroom, already_joined, n = name)
            }
            Refusal::Stale => plain(|s| s.stale),
            Refusal::ChooseFirst => plain(|s| s.choose_first),
            Refusal::Ended => plain(|s| s.ended),
            Refusal::TooManyPhones => plain(|s| s.too_many_phones),
            Refusal::TooManyNames { wait_seconds } => {
                pijat_core::both!(classroom, too_many_names, s = wait_seconds)
            }
            Refusal::NotSaved(m) => Bilingual::new(
                pijat_core::both!(classroom, not_saved, m = m.id).id,
                pijat_core::both!(classroom, not_saved, m = m.en).en,
            ),
        }
    }
}
