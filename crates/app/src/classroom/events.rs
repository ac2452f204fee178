//! What happened in the room, in order, for the trainer's screen and `pijat classroom`'s output;
//! a reader waits for the next event without polling the room.

use std::sync::{Condvar, Mutex};
use std::time::Duration;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Event {
    Joined {
        name: String,
    },
    Answered {
        name: String,
        answered: usize,
        total: usize,
    },
    Done {
        name: String,
    },
    Released {
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
        }
    }
}

#[derive(Default)]
pub struct Log {
    events: Mutex<Vec<Event>>,
    added: Condvar,
}

impl Log {
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
