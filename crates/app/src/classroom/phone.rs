//! A phone's requests: a token, the code, a name, then one answer at a time. Each answer is
//! committed to the data file before the reply says it is saved; a repeated answer (a reply
//! lost on the way) is recognised and never saved twice.

use std::net::IpAddr;
use std::time::Instant;

use super::error::Refusal;
use super::views::{PhoneState, QuestionView, RosterEntry, ScoreView};
use super::{Classroom, Inner, Seat};
use crate::quiz_run::QuizRun;

/// The name a phone chose.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Pick {
    /// The place on the roster.
    Listed(usize),
    /// A name typed in, when the trainer allows it.
    New(String),
}

/// The seat a phone let in by the code holds (if any), while the test runs, with the address
/// the code let it in from: the device, for the rule of one participant per device.
pub(super) fn admitted_at(
    ended: bool,
    devices: &super::devices::Devices,
    token: &str,
) -> Result<(Option<usize>, IpAddr), Refusal> {
    if ended {
        return Err(Refusal::Ended);
    }
    match devices.admitted(token)? {
        Some(d) => Ok((d.seat, d.addr)),
        None => Err(Refusal::CodeFirst),
    }
}

/// The seat alone.
pub(super) fn admitted(
    ended: bool,
    devices: &super::devices::Devices,
    token: &str,
) -> Result<Option<usize>, Refusal> {
    admitted_at(ended, devices, token).map(|(seat, _)| seat)
}

pub(super) fn not_saved(e: impl Into<crate::Error>) -> Refusal {
    let e: crate::Error = e.into();
    Refusal::NotSaved(e.message())
}

impl Classroom {
    /// A new phone: its token, for a cookie. Nothing is kept until the code lets it in.
    pub fn issue_token(&self) -> String {
        self.lock().devices.issue()
    }

    /// Whether the token is one this room gave out.
    pub fn knows(&self, token: &str) -> bool {
        self.lock().devices.valid(token)
    }

    fn phase_name(&self) -> String {
        self.phase.name().to_string()
    }

    /// Where the phone stands (after a reload, the same question).
    pub fn state(&self, token: &str) -> Result<PhoneState, Refusal> {
        let mut g = self.lock();
        if g.ended {
            return Err(Refusal::Ended);
        }
        self.state_in(&mut g, token)
    }

    fn state_in(&self, g: &mut Inner, token: &str) -> Result<PhoneState, Refusal> {
        let Some(d) = g.devices.admitted(token)? else {
            return Ok(PhoneState::Code {
                class: self.class.name.clone(),
                phase: self.phase_name(),
            });
        };
        if let Some(a) = g.asked.iter().find(|a| a.token == token) {
            return Ok(self.asked_state(a.name.clone()));
        }
        let Some(n) = d.seat else {
            let roster = g
                .seats
                .iter()
                .enumerate()
                .map(|(i, s)| RosterEntry {
                    n: i,
                    name: s.profile.name.clone(),
                    status: if s.done {
                        "done"
                    } else if g.devices.holder(i).is_some() {
                        "busy"
                    } else {
                        "free"
                    },
                })
                .collect();
            return Ok(PhoneState::Name {
                class: self.class.name.clone(),
                phase: self.phase_name(),
                roster,
                new_names: g.new_names,
            });
        };
        let Some(seat) = g.seats.get(n) else {
            return Err(Refusal::NoSuchName);
        };
        if seat.done {
            return Ok(self.done_state(seat));
        }
        let attempt = seat.attempt.clone().ok_or(Refusal::NameFirst)?;
        let run = QuizRun::resume_in(&g.store, &self.quiz, attempt).map_err(not_saved)?;
        Ok(self.question_state(&run, &seat.profile.name))
    }

    pub(super) fn done_state(&self, seat: &Seat) -> PhoneState {
        PhoneState::Done {
            name: seat.profile.name.clone(),
            phase: self.phase_name(),
            score: (self.phase == pijat_core::Phase::Post)
                .then_some(seat.score)
                .flatten()
                .map(|s| ScoreView {
                    right: s.right,
                    total: s.total,
                    percent: s.whole_percent(),
                }),
        }
    }

    pub(super) fn question_state(&self, run: &QuizRun, name: &str) -> PhoneState {
        match run.next() {
            Some((position, shown)) => PhoneState::Question {
                name: name.to_string(),
                phase: self.phase_name(),
                question: QuestionView::new(
                    run.question(shown),
                    shown,
                    position,
                    run.total(),
                    run.answered(),
                ),
            },
            // Every answer saved but not yet marked finished: the next request finishes it.
            None => PhoneState::Done {
                name: name.to_string(),
                phase: self.phase_name(),
                score: None,
            },
        }
    }

    /// The class code a phone typed, from the address `from`.
    pub fn enter_code(
        &self,
        token: &str,
        from: IpAddr,
        code: &str,
        now: Instant,
    ) -> Result<PhoneState, Refusal> {
        let mut g = self.lock();
        if g.ended {
            return Err(Refusal::Ended);
        }
        g.devices.try_code(token, from, code, &self.code, now)?;
        self.state_in(&mut g, token)
    }
}
