//! The test on phones: one room per test (a class, pre or post, a question set), with a fresh
//! 6-digit code, the roster, which phone holds which participant, and each answer saved through
//! [`QuizRun`] the moment it comes in, graded here so the key never leaves the laptop. Every
//! shell (the web server, the trainer's screen, `pijat classroom`) uses this one room; it knows
//! no HTTP and no terminal.

mod answers;
mod asked;
mod devices;
mod error;
mod events;
mod join;
mod phone;
mod serve;
mod views;

use std::path::Path;
use std::sync::{Mutex, MutexGuard};

use pijat_content::{Content, Purpose, Quiz};
use pijat_core::{Bilingual, Phase};
use pijat_engine::quiz::Score;
use pijat_store::{AttemptRecord, ClassRecord, Profile, Store};

pub use asked::MAX_ASKED;
pub use devices::{
    ASKS_PER_ADDRESS, CODE_DIGITS, IDLE_PER_ADDRESS, MAX_DEVICES, TRIES_PER_ADDRESS,
    TRIES_PER_DEVICE, TRIES_PER_ROOM, token_shape,
};
pub use error::{Kind, Refusal};
pub use events::{Event, Log};
pub use phone::Pick;
pub use serve::{Listen, Running, Serve};
pub use views::{LiveRow, PhoneState, QuestionView, RosterEntry, ScoreView, Two};

/// What the trainer chose.
pub struct Setup<'a> {
    /// The data folder of the class.
    pub data_dir: &'a Path,
    /// The class's name.
    pub class: &'a str,
    /// Pre-test or post-test.
    pub phase: Phase,
    /// The question set; the pre/post set when `None`.
    pub quiz: Option<&'a str>,
    /// Whether a father not on the roster may add his name from his phone.
    pub new_names: bool,
}

/// One participant of the room.
struct Seat {
    profile: Profile,
    attempt: Option<AttemptRecord>,
    answered: usize,
    done: bool,
    /// Finished this test before the room opened (in the app, on paper, on a phone).
    taken_before: bool,
    score: Option<Score>,
}

struct Inner {
    store: Store,
    seats: Vec<Seat>,
    devices: devices::Devices,
    /// Names typed on phones, waiting for the trainer's yes.
    asked: Vec<asked::Asked>,
    ended: bool,
    new_names: bool,
}

/// A test on phones: the class, the code, the seats and the phones that hold them.
pub struct Classroom {
    quiz: Quiz,
    content_version: String,
    class: ClassRecord,
    phase: Phase,
    code: String,
    inner: Mutex<Inner>,
    /// Answers waiting for the next group commit.
    waiting: Mutex<Vec<answers::Waiting>>,
    /// What happened, for the live table.
    pub events: Log,
}

impl Classroom {
    /// Opens a room for a class's pre-test or post-test: its own connection to the data file,
    /// a new code, the roster as it is now.
    pub fn open(content: &Content, setup: &Setup) -> Result<Classroom, Bilingual> {
        if setup.phase == Phase::Practice {
            return Err(pijat_core::both!(classroom, not_a_test));
        }
        let quiz = match setup.quiz {
            Some(id) => content
                .quiz(id)
                .ok_or_else(|| pijat_core::both!(classroom, quiz_missing, q = id))?,
            None => content
                .prepost_quiz()
                .ok_or_else(|| pijat_core::both!(classroom, quiz_missing, q = "knowledge"))?,
        };
        if quiz.purpose != Purpose::PrePost {
            return Err(pijat_core::both!(classroom, quiz_not_test, q = quiz.id));
        }
        let store = Store::open(setup.data_dir).map_err(|e| e.message())?;
        let class = store
            .class_by_name(setup.class)
            .map_err(|e| e.message())?
            .ok_or_else(|| pijat_core::both!(classroom, class_missing, n = setup.class))?;
        let mut seats = Vec::new();
        for profile in store.members(&class.id).map_err(|e| e.message())? {
            seats.push(seat(&store, quiz, setup.phase, profile).map_err(|e| e.message())?);
        }
        Ok(Classroom {
            quiz: quiz.clone(),
            content_version: content.version.clone(),
            class,
            phase: setup.phase,
            code: devices::new_code(),
            inner: Mutex::new(Inner {
                store,
                seats,
                devices: devices::Devices::new(),
                asked: Vec::new(),
                ended: false,
                new_names: setup.new_names,
            }),
            waiting: Mutex::new(Vec::new()),
            events: Log::default(),
        })
    }

    /// The class code the trainer reads out.
    pub fn code(&self) -> &str {
        &self.code
    }

    /// The class's name.
    pub fn class_name(&self) -> &str {
        &self.class.name
    }

    /// Pre-test or post-test.
    pub fn phase(&self) -> Phase {
        self.phase
    }

    /// The question set being taken.
    pub fn quiz_id(&self) -> &str {
        &self.quiz.id
    }

    fn lock(&self) -> MutexGuard<'_, Inner> {
        // A request that panicked mid-way left nothing half-written in memory that matters:
        // every answer is in the data file or not at all.
        self.inner.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// The trainer's live table: everyone on the roster, in roster order.
    pub fn live(&self) -> Vec<LiveRow> {
        let g = self.lock();
        let total = self.quiz.questions.len();
        g.seats
            .iter()
            .enumerate()
            .map(|(i, s)| LiveRow {
                name: s.profile.name.clone(),
                joined: g.devices.holder(i).is_some(),
                answered: if s.taken_before { total } else { s.answered },
                total,
                done: s.done,
            })
            .collect()
    }

    /// Whether names not on the roster may join.
    pub fn new_names(&self) -> bool {
        self.lock().new_names
    }

    /// Allows or stops new names.
    pub fn set_new_names(&self, on: bool) {
        self.lock().new_names = on;
    }

    /// The trainer frees participant `n` from the phone holding him, so he can join from
    /// another. `false` when no phone held him.
    pub fn release(&self, n: usize) -> bool {
        let mut g = self.lock();
        let freed = g.devices.release(n);
        if freed && let Some(s) = g.seats.get(n) {
            let name = s.profile.name.clone();
            drop(g);
            self.events.push(Event::Released { name });
        }
        freed
    }

    /// Ends the test: phones are told so, and nothing more is saved. Returns who finished it
    /// in this room.
    pub fn end(&self) -> Vec<String> {
        let mut g = self.lock();
        g.ended = true;
        g.seats
            .iter()
            .filter(|s| s.done && !s.taken_before)
            .map(|s| s.profile.name.clone())
            .collect()
    }

    /// How many on the roster have not finished (those who took it before count as finished).
    pub fn not_done(&self) -> usize {
        self.lock().seats.iter().filter(|s| !s.done).count()
    }
}

/// A participant as the room starts: has he taken this test already?
fn seat(store: &Store, quiz: &Quiz, phase: Phase, profile: Profile) -> pijat_store::Result<Seat> {
    let finished = store
        .attempts_at(&profile.id, &quiz.id, phase)?
        .into_iter()
        .any(|a| a.is_finished() && a.replaced_by.is_none());
    Ok(Seat {
        profile,
        attempt: None,
        answered: 0,
        done: finished,
        taken_before: finished,
        score: None,
    })
}
