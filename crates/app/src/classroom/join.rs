//! A phone taking a participant, inside the room's next transaction (see `answers.rs`): his
//! attempt starts, or resumes where he left it on this phone or another.

use super::answers::{Parts, Reply};
use super::error::Refusal;
use super::events::Event;
use super::phone::{Pick, admitted};
use super::{Classroom, Seat};
use crate::quiz_run::{QuizRun, Start, StartArgs};
use pijat_core::{Role, clean_name, name_key};
use pijat_store::{Store, StoreError};

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
        let holding = match admitted(p.ended, p.devices, token) {
            Ok(h) => h,
            Err(r) => return Ok(Err(r)),
        };
        let n = match pick {
            Pick::Listed(n) if *n < p.seats.len() => *n,
            Pick::Listed(_) => return Ok(Err(Refusal::NoSuchName)),
            Pick::New(name) => match self.seat_for_new_name(store, p, name)? {
                Ok(n) => n,
                Err(r) => return Ok(Err(r)),
            },
        };
        match holding {
            Some(h) if h == n => {
                return match p.seats.get(n) {
                    Some(seat) => self.seat_state(store, seat),
                    None => Ok(Err(Refusal::NoSuchName)),
                };
            }
            Some(h) => {
                let name = p
                    .seats
                    .get(h)
                    .map(|s| s.profile.name.clone())
                    .unwrap_or_default();
                return Ok(Err(Refusal::AlreadyJoined { name }));
            }
            None => {}
        }
        if p.devices.holder(n).is_some() {
            return Ok(Err(Refusal::NameBusy));
        }
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
        if let Ok(d) = p.devices.get_mut(token) {
            d.seat = Some(n);
        }
        p.bound.push(token.to_string());
        events.push(Event::Joined { name: name.clone() });
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

    /// A typed name: the roster's seat of that name, or a new participant of the class.
    fn seat_for_new_name(
        &self,
        store: &Store,
        p: &mut Parts,
        typed: &str,
    ) -> Result<Result<usize, Refusal>, StoreError> {
        if !p.new_names {
            return Ok(Err(Refusal::NewNamesOff));
        }
        let name = match clean_name(typed) {
            Ok(n) => n,
            Err(e) => return Ok(Err(Refusal::BadName(e.message()))),
        };
        let key = name_key(&name);
        if let Some(i) = p
            .seats
            .iter()
            .position(|s| name_key(&s.profile.name) == key)
        {
            return Ok(Ok(i));
        }
        let profile = match store.profile_by_name(&name)? {
            Some(found) => found,
            None => store.create_profile(&name, Role::Father)?,
        };
        store.add_member(&self.class.id, &profile.id)?;
        p.seats
            .push(super::seat(store, &self.quiz, self.phase, profile)?);
        Ok(Ok(p.seats.len() - 1))
    }
}
