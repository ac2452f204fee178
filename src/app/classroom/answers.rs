//! Answers from phones, saved by group commit: every answer that arrives while the data file
//! is busy joins the next transaction, so a hall of phones answering at once waits for one
//! disk flush, not fifty. Nothing is replied before its transaction is committed; when the
//! commit fails, every answer of it is told "not saved" and the room's counts are as before.

use std::sync::mpsc;

use super::error::Refusal;
use super::events::Event;
use super::phone::{admitted, not_saved};
use super::views::PhoneState;
use super::{Classroom, Inner, Seat};
use crate::app::quiz_run::QuizRun;
use crate::core::strings::classroom::both;
use crate::engine::quiz::{Response, parse_token};
use crate::store::{Store, StoreError};

/// An answer waiting for the next transaction.
pub(super) struct Waiting {
    token: String,
    position: usize,
    input: String,
    reply: mpsc::Sender<Result<PhoneState, Refusal>>,
}

type Reply = Result<PhoneState, Refusal>;

impl Classroom {
    /// An answer to the question at `position`, as an answer token of the shown options
    /// (`b`/`s`, `2`, `1,3`, `3,1,4,2`). Committed before this returns; the reply is the next
    /// step. The same answer sent again (its reply lost) is recognised, never saved twice.
    pub fn answer(&self, token: &str, position: usize, input: &str) -> Reply {
        let (reply, result) = mpsc::channel();
        self.queue().push(Waiting {
            token: token.to_string(),
            position,
            input: input.to_string(),
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
            .unwrap_or_else(|_| Err(Refusal::NotSaved(both(|s| s.internal, &[]))))
    }

    fn queue(&self) -> std::sync::MutexGuard<'_, Vec<Waiting>> {
        self.waiting.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn commit(&self, g: &mut Inner, batch: Vec<Waiting>) {
        let before: Vec<_> = g
            .seats
            .iter()
            .map(|s| (s.answered, s.done, s.score))
            .collect();
        let mut events = Vec::new();
        let Inner {
            store,
            seats,
            devices,
            ended,
            ..
        } = g;
        let done = store.write(|store| {
            let mut replies = Vec::with_capacity(batch.len());
            for w in &batch {
                let n =
                    admitted(*ended, devices, &w.token).and_then(|s| s.ok_or(Refusal::NameFirst));
                replies.push(match n {
                    Ok(n) => self.one(store, &mut seats[n], w, &mut events)?,
                    Err(r) => Err(r),
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
                for (s, (answered, done, score)) in seats.iter_mut().zip(before) {
                    (s.answered, s.done, s.score) = (answered, done, score);
                }
                let refusal = not_saved(e);
                for w in &batch {
                    let _ = w.reply.send(Err(refusal.clone()));
                }
            }
        }
    }

    /// One answer inside the batch's transaction: a refusal is this phone's; a store error
    /// undoes the whole batch.
    fn one(
        &self,
        store: &Store,
        seat: &mut Seat,
        w: &Waiting,
        events: &mut Vec<Event>,
    ) -> Result<Reply, StoreError> {
        if seat.done {
            return Ok(Ok(self.done_state(seat)));
        }
        let Some(attempt) = seat.attempt.clone() else {
            return Ok(Err(Refusal::NameFirst));
        };
        let mut run = QuizRun::resume(store, &self.quiz, attempt)?;
        let name = seat.profile.name.clone();
        if let Some((next, shown)) = run.next() {
            if w.position != next {
                let already = run
                    .layout
                    .shown
                    .get(w.position)
                    .is_some_and(|s| run.response(&run.question(s).id).is_some());
                return Ok(if already {
                    // The reply to a saved answer was lost; the phone asks again.
                    Ok(self.question_state(&run, &name))
                } else {
                    Err(Refusal::Stale)
                });
            }
            let q = run.question(shown);
            let response = match parse_token(&q.kind, shown, &w.input) {
                Ok(Response::Skipped) => return Ok(Err(Refusal::ChooseFirst)),
                Ok(r) => r,
                Err(e) => return Ok(Err(Refusal::BadAnswer(e.message(shown.options.len())))),
            };
            run.record(store, w.position, response)?;
        }
        let (answered, total) = (run.answered(), run.total());
        seat.answered = answered;
        events.push(Event::Answered {
            name: name.clone(),
            answered,
            total,
        });
        if run.is_complete() {
            let score = run.finish(store)?;
            seat.done = true;
            seat.score = Some(score);
            events.push(Event::Done { name: name.clone() });
            return Ok(Ok(self.done_state(seat)));
        }
        Ok(Ok(self.question_state(&run, &name)))
    }
}
