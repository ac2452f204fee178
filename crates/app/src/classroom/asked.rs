//! Names typed on phones that are not on the class list. Nothing is written for them until the
//! trainer says yes on the laptop (a key on the live screen, a line on `pijat classroom`'s
//! input): then the participant joins the class and the phone that asked holds him. One name
//! waits per device; a few at most wait in all.

use std::net::IpAddr;

use super::answers::{Parts, Reply};
use super::error::Refusal;
use super::events::Event;
use super::views::PhoneState;
use super::{Classroom, seat};
use pijat_core::{Bilingual, Role, name_key};

/// Names that may wait for the trainer at once.
pub const MAX_ASKED: usize = 20;

/// A name a phone typed, waiting for the trainer.
#[derive(Clone)]
pub(super) struct Asked {
    pub name: String,
    pub token: String,
    pub addr: IpAddr,
}

impl Classroom {
    /// Inside a join: the phone asks for a name the class does not have. Its earlier request
    /// (from this phone or this device) is replaced.
    pub(super) fn ask(
        &self,
        p: &mut Parts,
        token: &str,
        from: IpAddr,
        name: String,
        events: &mut Vec<Event>,
    ) -> Reply {
        let key = name_key(&name);
        if p.asked
            .iter()
            .any(|a| name_key(&a.name) == key && a.addr != from)
        {
            return Err(Refusal::NameBusy);
        }
        // The same name again from this device: it is already waiting.
        if p.asked.iter().any(|a| name_key(&a.name) == key) {
            return Ok(self.asked_state(name));
        }
        p.devices.may_ask(from, std::time::Instant::now())?;
        p.asked.retain(|a| a.token != token && a.addr != from);
        if p.asked.len() >= MAX_ASKED {
            return Err(Refusal::TooManyPhones);
        }
        p.asked.push(Asked {
            name: name.clone(),
            token: token.to_string(),
            addr: from,
        });
        events.push(Event::Asked { name: name.clone() });
        Ok(self.asked_state(name))
    }

    pub(super) fn asked_state(&self, name: String) -> PhoneState {
        PhoneState::Asked {
            class: self.class.name.clone(),
            phase: self.phase.name().to_string(),
            name,
        }
    }

    /// The names waiting for the trainer's yes, oldest first.
    pub fn asked(&self) -> Vec<String> {
        self.lock().asked.iter().map(|a| a.name.clone()).collect()
    }

    /// The trainer says yes to a name a phone asked for: the participant joins the class (made
    /// when new) in one transaction, and the phone holds him.
    pub fn accept(&self, name: &str) -> Result<(), Bilingual> {
        let mut guard = self.lock();
        let g = &mut *guard;
        let key = name_key(name);
        let Some(i) = g.asked.iter().position(|a| name_key(&a.name) == key) else {
            return Err(pijat_core::both!(classroom, not_asked, n = name));
        };
        let a = g.asked.remove(i);
        let seats_before = g.seats.len();
        let mut events = Vec::new();
        let (store, mut p) = g.split();
        let done = store.write(|store| {
            let profile = match store.profile_by_name(&a.name)? {
                Some(found) => found,
                None => store.create_profile(&a.name, Role::Father)?,
            };
            store.add_member(&self.class.id, &profile.id)?;
            p.seats.push(seat(store, &self.quiz, self.phase, profile)?);
            let n = p.seats.len() - 1;
            self.take_seat(store, &mut p, &a.token, a.addr, n, &mut events)
        });
        match done {
            Ok(_) => {
                drop(guard);
                for e in events {
                    self.events.push(e);
                }
                Ok(())
            }
            Err(e) => {
                p.seats.truncate(seats_before);
                for t in &p.bound {
                    p.devices.unbind(t);
                }
                p.asked.insert(i.min(p.asked.len()), a);
                Err(e.message())
            }
        }
    }

    /// The trainer says no: the phone is back at the list of names. `false` when nobody asked
    /// for that name.
    pub fn decline(&self, name: &str) -> bool {
        let mut g = self.lock();
        let key = name_key(name);
        let Some(i) = g.asked.iter().position(|a| name_key(&a.name) == key) else {
            return false;
        };
        let a = g.asked.remove(i);
        drop(g);
        self.events.push(Event::Declined { name: a.name });
        true
    }
}
