//! What happened in the room, in order, for the trainer's screen and `pijat classroom`'s output;
//! a reader waits for the next event without polling the room.

use std::sync::{Condvar, Mutex};
use std::time::Duration;

/// What happened in the room, for the trainer's live table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Event {
    /// A father joined with his name.
    Joined {
        /// Who.
        name: String,
    },
    /// A father answered a question.
    Answered {
        /// Who.
        name: String,
        /// How many he has answered.
        answered: usize,
        /// Of how many.
        total: usize,
    },
    /// A father finished the test.
    Done {
        /// Who.
        name: String,
    },
    /// The trainer freed a name for another phone.
    Released {
        /// Whose.
        name: String,
    },
    /// A phone asked for a name not on the class list: the trainer says yes or no.
    Asked {
        /// The name typed.
        name: String,
    },
    /// The trainer said no to a name asked for.
    Declined {
        /// The name.
        name: String,
    },
}

impl Event {
    /// One line of `pijat classroom`'s output (a contract for scripts: a word, then the rest).
    pub fn line(&self) -> String {
        match self {
            Event::Joined { name } => format!("JOINED {name}"),
            Event::Answered {
                name,
                answered,
                total,
            } => format!("ANSWERED {name} {answered}/{total}"),
            Event::Done { name } => format!("DONE {name}"),
            Event::Released { name } => format!("RELEASED {name}"),
            Event::Asked { name } => format!("ASKED {name}"),
            Event::Declined { name } => format!("DECLINED {name}"),
        }
    }
}

/// The room's events in order, shared by its threads.
#[derive(Default)]
pub struct Log {
    events: Mutex<Vec<Event>>,
    added: Condvar,
}

impl Log {
    /// Adds an event.
    pub fn push(&self, e: Event) {
        let mut v = self.events.lock().unwrap_or_else(|p| p.into_inner());
        v.push(e);
        self.added.notify_all();
    }

    /// The events after the first `seen`, waiting up to `wait` for one when there are none.
    pub fn since(&self, seen: usize, wait: Duration) -> Vec<Event> {
        let v = self.events.lock().unwrap_or_else(|p| p.into_inner());
        let (v, _) = self
            .added
            .wait_timeout_while(v, wait, |v| v.len() <= seen)
            .unwrap_or_else(|p| p.into_inner());
        v.get(seen..).map(<[Event]>::to_vec).unwrap_or_default()
    }
}
