//! Answers (and joins) from phones, saved by group commit: every one that arrives while the data
//! file is busy joins the next transaction, so a hall of phones answering at once waits for one
//! disk flush, not fifty. Nothing is replied before its transaction is committed; when the
//! commit fails, every answer of it is told "not saved" and the room's counts are as before.

use std::sync::mpsc;

use super::devices::Devices;
use super::error::Refusal;
use super::events::Event;
use super::phone::{Pick, admitted, not_saved};
use super::views::PhoneState;
use super::{Classroom, Inner, Seat};
use crate::quiz_run::QuizRun;
use pijat_engine::quiz::{Response, Score, parse_token};
use pijat_store::{AttemptRecord, Store, StoreError};

/// What a phone asked for that writes to the data file.
pub(super) enum Work {
    Answer { position: usize, input: String },
    Join(Pick),
}

/// A request waiting for the next transaction.
pub(super) struct Waiting {
    token: String,
    work: Work,
    reply: mpsc::Sender<Reply>,
}

pub(super) type Reply = Result<PhoneState, Refusal>;

/// The room's state a transaction may change, and which phones it bound (undone if it fails).
pub(super) struct Parts<'a> {
    pub seats: &'a mut Vec<Seat>,
    pub devices: &'a mut Devices,
    pub asked: &'a mut Vec<super::asked::Asked>,
    pub ended: bool,
    pub new_names: bool,
    pub bound: Vec<String>,
}

impl Inner {
    /// The data file and the room's state a transaction may change, borrowed apart.
    pub(super) fn split(&mut self) -> (&Store, Parts<'_>) {
        let parts = Parts {
            seats: &mut self.seats,
            devices: &mut self.devices,
            asked: &mut self.asked,
            ended: self.ended,
            new_names: self.new_names,
            bound: Vec::new(),
        };
        (&self.store, parts)
    }
}

/// What a seat was before a transaction.
type Before = (usize, bool, bool, Option<Score>, Option<AttemptRecord>);

impl Classroom {
    /// An answer to the question at `position`, as an answer token of the shown options
    /// (`b`/`s`, `2`, `1,3`, `3,1,4,2`). Committed before this returns; the reply is the next
    /// step. The same answer sent again (its reply lost) is recognised, never saved twice.
    pub fn answer(&self, token: &str, position: usize, input: &str) -> Reply {
        let input = input.to_string();
        self.submit(token, Work::Answer { position, input })
    }

    /// Queues `work` for the next transaction and waits for its committed reply.
    pub(super) fn submit(&self, token: &str, work: Work) -> Reply {
        let (reply, result) = mpsc::channel();
        self.queue().push(Waiting {
            token: token.to_string(),
            work,
            reply,
        });
        {
            // Whoever holds the room next takes every answer queued by then, ours included
            // (or ours was taken by the one before).
            let mut g = self.lock();
            let batch = std::mem::take(&mut *self.queue());
            if !batch.is_empty() {
                self.commit(&mut g, batch);
            }
        }
        result
            .recv()
            .unwrap_or_else(|_| Err(Refusal::NotSaved(pijat_core::both!(classroom, internal))))
    }

    fn queue(&self) -> std::sync::MutexGuard<'_, Vec<Waiting>> {
        self.waiting.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn commit(&self, g: &mut Inner, batch: Vec<Waiting>) {
        let before: Vec<Before> = g
            .seats
            .iter()
            .map(|s| {
                (
                    s.answered,
                    s.done,
                    s.taken_before,
                    s.score,
                    s.attempt.clone(),
                )
            })
            .collect();
        let mut events = Vec::new();
        let asked_before = g.asked.clone();
        let (store, mut p) = g.split();
        let done = store.write(|store| {
            let mut replies = Vec::with_capacity(batch.len());
            for w in &batch {
                replies.push(match &w.work {
                    Work::Answer { position, input } => {
                        self.answer_in(store, &mut p, &w.token, *position, input, &mut events)?
                    }
                    Work::Join(pick) => self.join_in(store, &mut p, &w.token, pick, &mut events)?,
                });
            }
            Ok(replies)
        });
        match done {
            Ok(replies) => {
                for (w, r) in batch.iter().zip(replies) {
                    let _ = w.reply.send(r);
                }
                for e in events {
                    self.events.push(e);
                }
            }
            Err(e) => {
                // Nothing of the batch is in the file: the room forgets it too.
                p.seats.truncate(before.len());
                for (s, b) in p.seats.iter_mut().zip(before) {
                    (s.answered, s.done, s.taken_before, s.score, s.attempt) = b;
                }
                for t in &p.bound {
                    p.devices.unbind(t);
                }
                *p.asked = asked_before;
                let refusal = not_saved(e);
                for w in &batch {
                    let _ = w.reply.send(Err(refusal.clone()));
                }
            }
        }
    }

    /// One answer inside the batch's transaction: a refusal is this phone's; a store error
    /// undoes the whole batch.
    fn answer_in(
        &self,
        store: &Store,
        p: &mut Parts,
        token: &str,
        position: usize,
        input: &str,
        events: &mut Vec<Event>,
    ) -> Result<Reply, StoreError> {
        match admitted(p.ended, p.devices, token).and_then(|s| s.ok_or(Refusal::NameFirst)) {
            Ok(n) => match p.seats.get_mut(n) {
                Some(seat) => self.one(store, seat, position, input, events),
                None => Ok(Err(Refusal::NoSuchName)),
            },
            Err(r) => Ok(Err(r)),
        }
    }

    /// One answer inside the batch's transaction: a refusal is this phone's; a store error
    /// undoes the whole batch.
    fn one(
        &self,
        store: &Store,
        seat: &mut Seat,
        position: usize,
        input: &str,
        events: &mut Vec<Event>,
    ) -> Result<Reply, StoreError> {
        if seat.done {
            return Ok(Ok(self.done_state(seat)));
        }
        let Some(attempt) = seat.attempt.clone() else {
            return Ok(Err(Refusal::NameFirst));
        };
        let mut run = QuizRun::resume_in(store, &self.quiz, attempt)?;
        let name = seat.profile.name.clone();
        if let Some((next, shown)) = run.next() {
            if position != next {
                let already = run
                    .layout
                    .shown
                    .get(position)
                    .is_some_and(|s| run.response(&run.question(s).id).is_some());
                return Ok(if already {
                    // The reply to a saved answer was lost; the phone asks again.
                    Ok(self.question_state(&run, &name))
                } else {
                    Err(Refusal::Stale)
                });
            }
            let q = run.question(shown);
            let response = match parse_token(&q.kind, shown, input) {
                Ok(Response::Skipped) => return Ok(Err(Refusal::ChooseFirst)),
                Ok(r) => r,
                Err(e) => return Ok(Err(Refusal::BadAnswer(e.message(shown.options.len())))),
            };
            run.record_in(store, position, response)?;
        }
        let (answered, total) = (run.answered(), run.total());
        seat.answered = answered;
        events.push(Event::Answered {
            name: name.clone(),
            answered,
            total,
        });
        if run.is_complete() {
            let score = run.finish_in(store)?;
            seat.done = true;
            seat.score = Some(score);
            events.push(Event::Done { name: name.clone() });
            return Ok(Ok(self.done_state(seat)));
        }
        Ok(Ok(self.question_state(&run, &name)))
    }
}
