//! One quiz attempt in progress: started or resumed from the store, each answer saved the
//! moment it is given, the score computed from what was saved.

use std::collections::HashMap;

use crate::content::{Phase, Question, Quiz};
use crate::quiz::{Layout, Response, Score, Shown, grade, layout};
use crate::store::{AttemptRow, NewAttempt, Profile, Result, Store};

pub struct StartArgs<'a> {
    pub profile: &'a Profile,
    pub class_id: Option<&'a str>,
    pub phase: Phase,
    pub no_shuffle: bool,
    /// `app`, `plain` or `sheet`.
    pub mode: &'a str,
    pub content_version: &'a str,
    /// A fresh attempt's seed; ignored when an unfinished attempt is resumed.
    pub seed: u64,
}

pub enum Start<'c> {
    Fresh(QuizRun<'c>),
    /// An unfinished attempt picked up where it stopped.
    Resumed(QuizRun<'c>),
    /// The pre-test or post-test is taken once; this is the finished one.
    AlreadyTaken(AttemptRow),
}

/// What saving an answer did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Recorded {
    pub right: bool,
    /// `false` when another window had already answered this question: its answer stands.
    pub stored: bool,
}

pub struct QuizRun<'c> {
    pub quiz: &'c Quiz,
    pub attempt: AttemptRow,
    pub layout: Layout,
    answers: HashMap<&'c str, Response>,
}

impl<'c> QuizRun<'c> {
    /// Resumes the unfinished attempt of this profile at this quiz and phase, or starts one.
    pub fn start(store: &Store, quiz: &'c Quiz, args: &StartArgs) -> Result<Start<'c>> {
        let profile = &args.profile.id;
        if let Some(open) = store.open_attempt(profile, &quiz.id, args.phase)?
            && let Some(run) = Self::resume(store, quiz, open)?
        {
            return Ok(Start::Resumed(run));
        }
        if args.phase != Phase::Practice {
            let done = store.attempts_at(profile, &quiz.id, args.phase)?;
            if let Some(finished) = done.into_iter().rev().find(AttemptRow::is_finished) {
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
        }))
    }

    /// Rebuilds an attempt from its seed and saved answers. `None` when the question set has
    /// changed since it began (the old attempt then stays as it is, unfinished).
    pub fn resume(store: &Store, quiz: &'c Quiz, attempt: AttemptRow) -> Result<Option<Self>> {
        if attempt.question_count as usize != quiz.questions.len() {
            return Ok(None);
        }
        let mut answers = HashMap::new();
        for row in store.answers(&attempt.id)? {
            let Some(q) = quiz.questions.iter().find(|q| q.id == row.question_id) else {
                return Ok(None);
            };
            let Some(r) = Response::decode(&q.kind, &row.response) else {
                return Ok(None);
            };
            answers.insert(q.id.as_str(), r);
        }
        Ok(Some(QuizRun {
            quiz,
            layout: layout(quiz, attempt.seed, attempt.shuffle),
            attempt,
            answers,
        }))
    }

    pub fn total(&self) -> usize {
        self.layout.shown.len()
    }

    pub fn answered(&self) -> usize {
        self.answers.len()
    }

    pub fn question(&self, shown: &Shown) -> &'c Question {
        &self.quiz.questions[shown.question]
    }

    pub fn response(&self, question_id: &str) -> Option<&Response> {
        self.answers.get(question_id)
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
        store: &Store,
        position: usize,
        response: Response,
    ) -> Result<Recorded> {
        let q = self.question(&self.layout.shown[position]);
        let right = response.is_right(&q.kind);
        let stored = store.save_answer(
            &self.attempt.id,
            &q.id,
            position as u32,
            &response.encode(),
            right,
        )?;
        if stored {
            self.answers.insert(q.id.as_str(), response);
        } else {
            // Another window answered first: show what was saved, not what was typed here.
            self.reload(store)?;
        }
        let right = self
            .answers
            .get(q.id.as_str())
            .is_some_and(|r| r.is_right(&q.kind));
        Ok(Recorded { right, stored })
    }

    fn reload(&mut self, store: &Store) -> Result<()> {
        for row in store.answers(&self.attempt.id)? {
            if let Some(q) = self.quiz.questions.iter().find(|q| q.id == row.question_id)
                && let Some(r) = Response::decode(&q.kind, &row.response)
            {
                self.answers.insert(q.id.as_str(), r);
            }
        }
        Ok(())
    }

    pub fn is_complete(&self) -> bool {
        self.answered() == self.total()
    }

    /// The score from the answers saved so far (unanswered questions count as wrong).
    pub fn score(&self) -> Score {
        let pairs = self
            .quiz
            .questions
            .iter()
            .filter_map(|q| self.answers.get(q.id.as_str()).map(|r| (q, r)));
        grade(self.total(), pairs)
    }

    /// Per module, in the order modules first appear in the quiz file.
    pub fn by_module(&self) -> Vec<(&'c str, Score)> {
        let mut out: Vec<(&'c str, Score)> = Vec::new();
        for q in &self.quiz.questions {
            let right = self
                .answers
                .get(q.id.as_str())
                .is_some_and(|r| r.is_right(&q.kind));
            let i = match out.iter().position(|(m, _)| *m == q.module) {
                Some(i) => i,
                None => {
                    out.push((&q.module, Score { right: 0, total: 0 }));
                    out.len() - 1
                }
            };
            out[i].1.total += 1;
            out[i].1.right += u32::from(right);
        }
        out
    }

    /// Marks the attempt finished with the score of what the store holds.
    pub fn finish(&mut self, store: &Store) -> Result<Score> {
        self.reload(store)?;
        let score = self.score();
        store.finish_attempt(&self.attempt.id, score.right)?;
        self.attempt = store.attempt(&self.attempt.id)?;
        Ok(score)
    }
}
