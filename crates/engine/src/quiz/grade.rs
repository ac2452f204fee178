//! Grading: one point per question, all or nothing.

pub use pijat_core::score::{
    Score, format_change, format_change_in, format_percent, format_percent_in,
};

use super::token::Response;
use pijat_content::{Lang, Question, QuestionKind};

impl Response {
    /// Whether this answer is right for a question of `kind`.
    pub fn is_right(&self, kind: &QuestionKind) -> bool {
        match (kind, self) {
            (QuestionKind::TrueFalse { answer }, Response::TrueFalse(b)) => answer == b,
            (QuestionKind::Single { answer, .. }, Response::Single(i)) => answer == i,
            (QuestionKind::Multiple { answers, .. }, Response::Multiple(v)) => answers == v,
            (QuestionKind::Order { items }, Response::Order(v)) => {
                v.len() == items.len() && v.iter().enumerate().all(|(i, x)| i == *x)
            }
            _ => false,
        }
    }
}

/// The score of an attempt over `total` questions from the answers it recorded, each graded by
/// today's key.
pub fn grade<'a>(
    total: usize,
    answers: impl IntoIterator<Item = (&'a Question, &'a Response)>,
) -> Score {
    Score::of(total, answers.into_iter().map(|(q, r)| r.is_right(&q.kind)))
}

fn yes_no(b: bool, lang: &Lang) -> String {
    let s = pijat_core::strings::app::tr(lang);
    if b { s.true_word } else { s.false_word }.into()
}

fn join(options: &[pijat_content::Text], picked: &[usize], sep: &str, lang: &Lang) -> String {
    picked
        .iter()
        .filter_map(|i| options.get(*i))
        .map(|t| t.get(lang))
        .collect::<Vec<_>>()
        .join(sep)
}

/// The right answer in words: `Benar`, an option's text, options joined by `+`, items by `→`.
pub fn answer_text(q: &Question, lang: &Lang) -> String {
    match &q.kind {
        QuestionKind::TrueFalse { answer } => yes_no(*answer, lang),
        QuestionKind::Single { options, answer } => join(options, &[*answer], "", lang),
        QuestionKind::Multiple { options, answers } => join(options, answers, " + ", lang),
        QuestionKind::Order { items } => {
            let all: Vec<usize> = (0..items.len()).collect();
            join(items, &all, " → ", lang)
        }
    }
}

/// What the learner answered, in the same words as [`answer_text`].
pub fn response_text(q: &Question, r: &Response, lang: &Lang) -> String {
    let options = q.kind.options();
    match r {
        Response::Skipped => pijat_core::strings::app::tr(lang).no_answer_given.into(),
        Response::TrueFalse(b) => yes_no(*b, lang),
        Response::Single(i) => join(options, &[*i], "", lang),
        Response::Multiple(v) => join(options, v, " + ", lang),
        Response::Order(v) => join(options, v, " → ", lang),
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use pijat_content::{Layer, Purpose, Quiz, Text};

    fn q(id: &str, kind: QuestionKind) -> Question {
        Question {
            id: id.into(),
            module: "technique".into(),
            prompt: Text::same(id),
            kind,
            explain: None,
            sources: vec![],
        }
    }

    fn opts(n: usize) -> Vec<Text> {
        (0..n)
            .map(|i| Text::same(&format!("option {}", i + 1)))
            .collect()
    }

    pub(crate) fn sample_quiz() -> Quiz {
        Quiz {
            id: "sample".into(),
            title: Text::same("Sample"),
            purpose: Purpose::Review,
            module: None,
            shuffle: true,
            pass_percent: 70,
            questions: vec![
                q("tf", QuestionKind::TrueFalse { answer: false }),
                q(
                    "single",
                    QuestionKind::Single {
                        options: opts(4),
                        answer: 1,
                    },
                ),
                q(
                    "multi",
                    QuestionKind::Multiple {
                        options: opts(4),
                        answers: vec![0, 3],
                    },
                ),
                q("order", QuestionKind::Order { items: opts(4) }),
                q("pair", QuestionKind::Order { items: opts(2) }),
            ],
            path: "quizzes/sample.toml".into(),
            layer: Layer::Shipped,
        }
    }

    #[test]
    fn every_type_is_all_or_nothing() {
        let quiz = sample_quiz();
        let k = |i: usize| &quiz.questions[i].kind;
        assert!(Response::TrueFalse(false).is_right(k(0)));
        assert!(!Response::TrueFalse(true).is_right(k(0)));
        assert!(Response::Single(1).is_right(k(1)));
        assert!(!Response::Single(0).is_right(k(1)));
        assert!(Response::Multiple(vec![0, 3]).is_right(k(2)));
        assert!(
            !Response::Multiple(vec![0]).is_right(k(2)),
            "half right is wrong"
        );
        assert!(
            !Response::Multiple(vec![0, 1, 3]).is_right(k(2)),
            "an extra option is wrong"
        );
        assert!(Response::Order(vec![0, 1, 2, 3]).is_right(k(3)));
        assert!(!Response::Order(vec![0, 1, 3, 2]).is_right(k(3)));
        for i in 0..5 {
            assert!(!Response::Skipped.is_right(k(i)));
        }
        // A response of another type (the question changed) is never right.
        assert!(!Response::Single(0).is_right(k(0)));
    }

    #[test]
    fn score_is_exact_and_shown_with_at_most_one_decimal() {
        let s = Score { right: 2, total: 3 };
        assert!((s.percent() - 66.666_666).abs() < 1e-3);
        assert_eq!(s.display(), "66.7");
        assert_eq!(s.whole_percent(), 67);
        assert_eq!(
            Score {
                right: 7,
                total: 10
            }
            .display(),
            "70"
        );
        assert_eq!(
            Score { right: 1, total: 8 }.whole_percent(),
            13,
            "12.5 rounds half up"
        );
        assert_eq!(Score { right: 0, total: 0 }.display(), "0");
        assert!(
            Score {
                right: 7,
                total: 10
            }
            .passes(70)
        );
        assert!(
            !Score {
                right: 13,
                total: 19
            }
            .passes(70),
            "68.4% does not pass"
        );
    }

    #[test]
    fn grade_counts_questions_without_answers_as_wrong() {
        let quiz = sample_quiz();
        let r0 = Response::TrueFalse(false);
        let r1 = Response::Single(3);
        let answers = [(&quiz.questions[0], &r0), (&quiz.questions[1], &r1)];
        assert_eq!(grade(5, answers), Score { right: 1, total: 5 });
    }

    #[test]
    fn the_right_answer_is_spelled_out_in_the_learners_language() {
        let quiz = sample_quiz();
        assert_eq!(answer_text(&quiz.questions[0], &Lang::id()), "Salah");
        assert_eq!(answer_text(&quiz.questions[0], &Lang::en()), "False");
        assert_eq!(
            answer_text(&quiz.questions[2], &Lang::en()),
            "option 1 + option 4"
        );
        assert_eq!(
            answer_text(&quiz.questions[4], &Lang::en()),
            "option 1 → option 2"
        );
    }
}
