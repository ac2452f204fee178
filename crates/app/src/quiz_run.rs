//! One quiz attempt in progress: started or resumed from the store, each answer saved the
//! moment it is given, the score computed from what was saved.

use super::Records;
use std::collections::HashMap;

use crate::Result;
use pijat_content::{Bilingual, Phase, Question, Quiz};
use pijat_engine::quiz::{Layout, Response, Score, Shown, layout};
use pijat_store::Result as StoreResult;
use pijat_store::{AttemptRecord, NewAttempt, Profile, Store};

/// What starting or resuming a test needs.
pub struct StartArgs<'a> {
    /// Who takes it.
    pub profile: &'a Profile,
    /// The class it is taken in.
    pub class_id: Option<&'a str>,
    /// Pre-test, post-test or practice.
    pub phase: Phase,
    /// Questions and options in file order (paper, tests).
    pub no_shuffle: bool,
    /// How the answers come in.
    pub mode: pijat_core::Mode,
    /// The version of the content the answers are graded by.
    pub content_version: &'a str,
    /// A fresh attempt's seed; ignored when an unfinished attempt is resumed.
    pub seed: u64,
}

/// How a run begins.
pub enum Start<'c> {
    /// A new attempt.
    Fresh(QuizRun<'c>),
    /// An unfinished attempt picked up where it stopped.
    Resumed(QuizRun<'c>),
    /// The pre-test or post-test is taken once; this is the finished one.
    AlreadyTaken(AttemptRecord),
}

/// What saving an answer did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Recorded {
    /// Whether the answer was right.
    pub right: bool,
    /// `false` when another window had already answered this question: its answer stands.
    pub stored: bool,
}

/// An attempt being taken: the quiz, its saved attempt, the order shown and the answers so far.
pub struct QuizRun<'c> {
    /// The question set.
    pub quiz: &'c Quiz,
    /// The attempt as saved.
    pub attempt: AttemptRecord,
    /// The order the questions and options are shown in.
    pub layout: Layout,
    /// Each answer with the grade it was given when saved: a question whose key changed later
    /// keeps the grade of the key it was answered under.
    answers: HashMap<&'c str, (Response, bool)>,
    /// Set when the attempt was resumed under a changed question set: what the trainee is told.
    pub change: Option<SetChange>,
}

/// How a changed question set met an unfinished attempt. Nothing saved is ever dropped: answers
/// to removed questions stay in the data file; they just no longer count.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SetChange {
    /// Answers that still count.
    pub kept: usize,
    /// Answers to questions that were removed (or changed their kind): kept, not counted.
    pub not_counted: usize,
    /// Answers whose question's key has changed: graded by the key they were given under.
    pub rekeyed: usize,
    /// Questions before and now.
    pub was: u32,
    pub now: u32,
}

impl SetChange {
    /// What the trainee reads when the attempt goes on.
    pub fn message(&self) -> Bilingual {
        let SetChange {
            kept,
            not_counted,
            rekeyed,
            was,
            now,
        } = self;
        let mut m = pijat_core::both!(
            messages,
            questions_test_changed_since_you,
            was = was,
            now = now,
            kept = kept
        );
        if *not_counted > 0 {
            let extra = pijat_core::both!(
                messages,
                answers_questions_were_removed_kept,
                not_counted = not_counted
            );
            m.id.push_str(&extra.id);
            m.en.push_str(&extra.en);
        }
        if *rekeyed > 0 {
            let extra =
                pijat_core::both!(messages, answers_graded_key_held_when, rekeyed = rekeyed);
            m.id.push_str(&extra.id);
            m.en.push_str(&extra.en);
        }
        m
    }
}

impl<'c> QuizRun<'c> {
    /// Resumes the unfinished attempt of this profile at this quiz and phase, or starts one.
    /// The check and the start are one write transaction, so two windows starting the same
    /// test at once end up in one attempt.
    pub fn start(records: &Records, quiz: &'c Quiz, args: &StartArgs) -> Result<Start<'c>> {
        Ok(records
            .store()
            .write(|store| Self::start_in(store, quiz, args))?)
    }

    pub(crate) fn start_in(
        store: &Store,
        quiz: &'c Quiz,
        args: &StartArgs,
    ) -> StoreResult<Start<'c>> {
        let profile = &args.profile.id;
        if let Some(open) = store.open_attempt(profile, &quiz.id, args.phase)? {
            return Self::resume_in(store, quiz, open).map(Start::Resumed);
        }
        if args.phase != Phase::Practice {
            let done = store.attempts_at(profile, &quiz.id, args.phase)?;
            if let Some(finished) = done.into_iter().rev().find(AttemptRecord::is_finished) {
                return Ok(Start::AlreadyTaken(finished));
            }
        }
        let shuffle = quiz.shuffle && !args.no_shuffle;
        let attempt = store.start_attempt(&NewAttempt {
            profile_id: profile,
            class_id: args.class_id,
            quiz_id: &quiz.id,
            phase: args.phase,
            seed: args.seed,
            shuffle,
            question_count: quiz.questions.len() as u32,
            content_version: args.content_version,
            mode: args.mode,
        })?;
        Ok(Start::Fresh(QuizRun {
            quiz,
            layout: layout(quiz, attempt.seed, shuffle),
            attempt,
            answers: HashMap::new(),
            change: None,
        }))
    }

    /// Rebuilds an attempt from its seed and saved answers. When the question set has changed
    /// since it began, it goes on with the questions of the set as it is now: answers to
    /// questions that are still there count (graded as they were when given), answers to
    /// removed questions stay saved, and `change` says what happened.
    pub fn resume(records: &Records, quiz: &'c Quiz, attempt: AttemptRecord) -> Result<Self> {
        Ok(Self::resume_in(records.store(), quiz, attempt)?)
    }

    pub(crate) fn resume_in(
        store: &Store,
        quiz: &'c Quiz,
        mut attempt: AttemptRecord,
    ) -> StoreResult<Self> {
        let mut answers = HashMap::new();
        let (mut not_counted, mut rekeyed) = (0, 0);
        for row in store.answers(&attempt.id)? {
            if row.response.is_empty() {
                // An empty answer (a several-options question with nothing chosen, saved by an
                // older pijat) says nothing: the question is open again, and the next answer
                // takes its place.
                continue;
            }
            let found = quiz
                .questions
                .iter()
                .find(|q| q.id == row.question_id)
                .and_then(|q| Response::decode(&q.kind, &row.response).map(|r| (q, r)));
            match found {
                Some((q, r)) => {
                    rekeyed += usize::from(r.is_right(&q.kind) != row.correct);
                    answers.insert(q.id.as_str(), (r, row.correct));
                }
                None => not_counted += 1,
            }
        }
        let now = quiz.questions.len() as u32;
        let change = (attempt.question_count != now || not_counted > 0 || rekeyed > 0).then_some(
            SetChange {
                kept: answers.len(),
                not_counted,
                rekeyed,
                was: attempt.question_count,
                now,
            },
        );
        if attempt.question_count != now {
            store.set_question_count(&attempt.id, now)?;
            attempt.question_count = now;
        }
        Ok(QuizRun {
            quiz,
            layout: layout(quiz, attempt.seed, attempt.shuffle),
            attempt,
            answers,
            change,
        })
    }

    /// How many questions are shown.
    pub fn total(&self) -> usize {
        self.layout.shown.len()
    }

    /// How many are answered.
    pub fn answered(&self) -> usize {
        self.answers.len()
    }

    /// The question shown at `shown`.
    #[allow(
        clippy::indexing_slicing,
        reason = "the layout is made from this quiz: every shown index is one of its questions"
    )]
    pub fn question(&self, shown: &Shown) -> &'c Question {
        &self.quiz.questions[shown.question]
    }

    /// The answer given to a question, if any.
    pub fn response(&self, question_id: &str) -> Option<&Response> {
        self.answers.get(question_id).map(|(r, _)| r)
    }

    /// Whether the saved answer to this question counts as right (by the key it was given
    /// under).
    pub fn is_right(&self, question_id: &str) -> Option<bool> {
        self.answers.get(question_id).map(|(_, right)| *right)
    }

    /// The first shown question without an answer, with its place (0-based).
    pub fn next(&self) -> Option<(usize, &Shown)> {
        self.layout
            .shown
            .iter()
            .enumerate()
            .find(|(_, s)| !self.answers.contains_key(self.question(s).id.as_str()))
    }

    /// Saves the answer to the question shown at `position`; committed before this returns.
    pub fn record(
        &mut self,
        records: &Records,
        position: usize,
        response: Response,
    ) -> Result<Recorded> {
        Ok(self.record_in(records.store(), position, response)?)
    }

    /// The same inside a transaction another use case holds (the phone classroom's batches).
    pub(crate) fn record_in(
        &mut self,
        store: &Store,
        position: usize,
        response: Response,
    ) -> StoreResult<Recorded> {
        let Some(shown) = self.layout.shown.get(position) else {
            // No question is shown there: nothing to save.
            return Ok(Recorded {
                right: false,
                stored: false,
            });
        };
        let q = self.question(shown);
        let right = response.is_right(&q.kind);
        let stored = store.save_answer(
            &self.attempt.id,
            &q.id,
            position as u32,
            &response.encode(),
            right,
        )?;
        if stored {
            self.answers.insert(q.id.as_str(), (response, right));
        } else {
            // Another window answered first: show what was saved, not what was typed here.
            self.reload(store)?;
        }
        let right = self.is_right(&q.id).unwrap_or(false);
        Ok(Recorded { right, stored })
    }

    fn reload(&mut self, store: &Store) -> StoreResult<()> {
        for row in store.answers(&self.attempt.id)? {
            if let Some(q) = self.quiz.questions.iter().find(|q| q.id == row.question_id)
                && let Some(r) = Response::decode(&q.kind, &row.response)
            {
                self.answers.insert(q.id.as_str(), (r, row.correct));
            }
        }
        Ok(())
    }

    /// Whether every question is answered.
    pub fn is_complete(&self) -> bool {
        self.answered() == self.total()
    }

    /// The score from the answers saved so far (unanswered questions count as wrong), each
    /// graded as it was when given.
    /// Each answer counts as it was graded when given (by the key then in force); answers to
    /// questions no longer in the set do not count.
    pub fn score(&self) -> Score {
        let rights = self
            .quiz
            .questions
            .iter()
            .filter_map(|q| self.is_right(&q.id));
        Score::of(self.total(), rights)
    }

    /// Per module, in the order modules first appear in the quiz file.
    pub fn by_module(&self) -> Vec<(&'c str, Score)> {
        let mut out: Vec<(&'c str, Score)> = Vec::new();
        for q in &self.quiz.questions {
            let right = u32::from(self.is_right(&q.id) == Some(true));
            match out.iter_mut().find(|(m, _)| *m == q.module) {
                Some((_, score)) => {
                    score.total += 1;
                    score.right += right;
                }
                None => out.push((&q.module, Score { right, total: 1 })),
            }
        }
        out
    }

    /// Marks the attempt finished with the score of what the store holds.
    pub fn finish(&mut self, records: &Records) -> Result<Score> {
        Ok(self.finish_in(records.store())?)
    }

    pub(crate) fn finish_in(&mut self, store: &Store) -> StoreResult<Score> {
        self.reload(store)?;
        let score = self.score();
        store.finish_attempt(&self.attempt.id, score.right)?;
        self.attempt = store.attempt(&self.attempt.id)?;
        Ok(score)
    }
}
