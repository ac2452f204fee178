//! A phone taking a participant, inside the room's next transaction (see `answers.rs`): every
//! check first, then the write, so a refused request changes nothing. One device (the address
//! the code let it in from, whatever address the join comes from) takes one participant per
//! test; the trainer's release frees it. A name typed on a phone that is not on the roster
//! waits for the trainer's yes (see `asked.rs`).

use std::net::IpAddr;

use super::answers::{Parts, Reply};
use super::error::Refusal;
use super::events::Event;
use super::phone::{Pick, admitted_at};
use super::{Classroom, Seat};
use crate::quiz_run::{QuizRun, Start, StartArgs};
use pijat_core::{clean_name, name_key};
use pijat_store::{Store, StoreError};

/// The seat a pick names: a place on the roster, or a typed name (its seat, or `None` for a
/// name the roster does not have yet).
enum Wanted {
    Seat(usize),
    NewName(String),
}

impl Classroom {
    /// The phone takes a participant and his attempt starts (or resumes where he left it).
    pub fn join(&self, token: &str, pick: &Pick) -> Reply {
        self.submit(token, super::answers::Work::Join(pick.clone()))
    }

    pub(super) fn join_in(
        &self,
        store: &Store,
        p: &mut Parts,
        token: &str,
        pick: &Pick,
        events: &mut Vec<Event>,
    ) -> Result<Reply, StoreError> {
        let (holding, from) = match admitted_at(p.ended, p.devices, token) {
            Ok(h) => h,
            Err(r) => return Ok(Err(r)),
        };
        let wanted = match wanted(p, pick) {
            Ok(w) => w,
            Err(r) => return Ok(Err(r)),
        };
        let name_of = |p: &Parts, n: usize| {
            p.seats
                .get(n)
                .map(|s| s.profile.name.clone())
                .unwrap_or_default()
        };
        match (holding, &wanted) {
            (Some(h), Wanted::Seat(n)) if h == *n => {
                return match p.seats.get(h) {
                    Some(seat) => self.seat_state(store, seat),
                    None => Ok(Err(Refusal::NoSuchName)),
                };
            }
            (Some(h), _) => {
                return Ok(Err(Refusal::AlreadyJoined {
                    name: name_of(p, h),
                }));
            }
            (None, _) => {}
        }
        // One participant per device in a test, until the trainer releases him.
        if let Some(taken) = p.devices.seat_of_addr(from)
            && !matches!(wanted, Wanted::Seat(n) if n == taken)
        {
            return Ok(Err(Refusal::AlreadyJoined {
                name: name_of(p, taken),
            }));
        }
        match wanted {
            Wanted::NewName(name) => Ok(self.ask(p, token, from, name, events)),
            Wanted::Seat(n) => self.take_seat(store, p, token, from, n, events),
        }
    }

    /// Seat `n` for this phone: refused while another device holds it or when it is done; the
    /// attempt starts or resumes. The same device (a browser that lost its cookie) takes its
    /// own participant back.
    pub(super) fn take_seat(
        &self,
        store: &Store,
        p: &mut Parts,
        token: &str,
        from: IpAddr,
        n: usize,
        events: &mut Vec<Event>,
    ) -> Result<Reply, StoreError> {
        let retake = match p.devices.holder(n) {
            Some((_, d)) if d.addr != from => return Ok(Err(Refusal::NameBusy)),
            Some(_) => true,
            None => false,
        };
        let Some(seat) = p.seats.get_mut(n) else {
            return Ok(Err(Refusal::NoSuchName));
        };
        let name = seat.profile.name.clone();
        if seat.done {
            return Ok(Err(Refusal::AlreadyTaken { name }));
        }
        let args = StartArgs {
            profile: &seat.profile,
            class_id: Some(&self.class.id),
            phase: self.phase,
            no_shuffle: false,
            mode: pijat_core::Mode::Phone,
            content_version: &self.content_version,
            seed: rand::random(),
        };
        let run = match QuizRun::start_in(store, &self.quiz, &args)? {
            Start::Fresh(run) | Start::Resumed(run) => run,
            Start::AlreadyTaken(_) => {
                seat.done = true;
                seat.taken_before = true;
                return Ok(Err(Refusal::AlreadyTaken { name }));
            }
        };
        seat.attempt = Some(run.attempt.clone());
        seat.answered = run.answered();
        p.devices.bind(token, n);
        p.bound.push(token.to_string());
        if !retake {
            events.push(Event::Joined { name: name.clone() });
        }
        Ok(Ok(self.question_state(&run, &name)))
    }

    /// Where a seat stands, read inside the transaction.
    fn seat_state(&self, store: &Store, seat: &Seat) -> Result<Reply, StoreError> {
        if seat.done {
            return Ok(Ok(self.done_state(seat)));
        }
        let Some(attempt) = seat.attempt.clone() else {
            return Ok(Err(Refusal::NameFirst));
        };
        let run = QuizRun::resume_in(store, &self.quiz, attempt)?;
        Ok(Ok(self.question_state(&run, &seat.profile.name)))
    }
}

/// Which seat a pick names, decided without writing anything.
fn wanted(p: &Parts, pick: &Pick) -> Result<Wanted, Refusal> {
    match pick {
        Pick::Listed(n) if *n < p.seats.len() => Ok(Wanted::Seat(*n)),
        Pick::Listed(_) => Err(Refusal::NoSuchName),
        Pick::New(typed) => {
            if !p.new_names {
                return Err(Refusal::NewNamesOff);
            }
            let name = clean_name(typed).map_err(|e| Refusal::BadName(e.message()))?;
            let key = name_key(&name);
            Ok(
                match p
                    .seats
                    .iter()
                    .position(|s| name_key(&s.profile.name) == key)
                {
                    Some(n) => Wanted::Seat(n),
                    None => Wanted::NewName(name),
                },
            )
        }
    }
}
