//! The order in which an attempt shows questions and options, derived from its seed alone so
//! that a resumed or replayed attempt looks exactly the same.

use rand::rngs::ChaCha8Rng;
use rand::{Rng, SeedableRng};

use pijat_content::{QuestionKind, Quiz};

/// One question as shown: which question of the file, and which option sits at each shown
/// place (`options[shown] = index in the file`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Shown {
    /// The question's index in the set.
    pub question: usize,
    /// Its options' indices, in the order shown.
    pub options: Vec<usize>,
}

/// The order a quiz is shown in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Layout {
    /// The questions in the order shown.
    pub shown: Vec<Shown>,
}

/// Fisher–Yates over ChaCha8, written out so the order cannot change with a library update.
fn shuffle<T>(items: &mut [T], rng: &mut ChaCha8Rng) {
    for i in (1..items.len()).rev() {
        let j = (rng.next_u64() % (i as u64 + 1)) as usize;
        items.swap(i, j);
    }
}

/// Questions (and the options of single/multiple questions) are shuffled when `shuffle` is
/// set; the items of an order question are always shuffled, and never left in the right order.
pub fn layout(quiz: &Quiz, seed: u64, shuffle_questions: bool) -> Layout {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut order: Vec<(usize, &pijat_content::Question)> =
        quiz.questions.iter().enumerate().collect();
    if shuffle_questions {
        shuffle(&mut order, &mut rng);
    }
    let shown = order
        .into_iter()
        .map(|(question, q)| {
            let kind = &q.kind;
            let mut options: Vec<usize> = (0..kind.options().len()).collect();
            match kind {
                QuestionKind::Order { .. } => {
                    shuffle(&mut options, &mut rng);
                    if options.windows(2).all(|w| matches!(w, [a, b] if a < b)) {
                        options.rotate_left(1);
                    }
                }
                QuestionKind::Single { .. } | QuestionKind::Multiple { .. }
                    if shuffle_questions =>
                {
                    shuffle(&mut options, &mut rng)
                }
                _ => {}
            }
            Shown { question, options }
        })
        .collect();
    Layout { shown }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quiz::grade::tests::sample_quiz;

    #[test]
    fn the_same_seed_replays_the_same_layout_and_another_seed_differs() {
        let quiz = sample_quiz();
        let a = layout(&quiz, 42, true);
        assert_eq!(a, layout(&quiz, 42, true));
        let differs = (0..20).any(|s| layout(&quiz, s, true) != a);
        assert!(differs);
    }

    #[test]
    fn without_shuffle_questions_and_options_keep_file_order_but_order_items_do_not() {
        let quiz = sample_quiz();
        for seed in 0..50 {
            let l = layout(&quiz, seed, false);
            let questions: Vec<usize> = l.shown.iter().map(|s| s.question).collect();
            assert_eq!(questions, (0..quiz.questions.len()).collect::<Vec<_>>());
            for s in &l.shown {
                let n = quiz.questions[s.question].kind.options().len();
                let identity: Vec<usize> = (0..n).collect();
                match quiz.questions[s.question].kind {
                    QuestionKind::Order { .. } => assert_ne!(s.options, identity),
                    _ => assert_eq!(s.options, identity),
                }
            }
        }
    }

    #[test]
    fn shuffled_layouts_are_permutations() {
        let quiz = sample_quiz();
        for seed in 0..50 {
            let l = layout(&quiz, seed, true);
            let mut qs: Vec<usize> = l.shown.iter().map(|s| s.question).collect();
            qs.sort_unstable();
            assert_eq!(qs, (0..quiz.questions.len()).collect::<Vec<_>>());
            for s in &l.shown {
                let mut o = s.options.clone();
                o.sort_unstable();
                assert_eq!(o, (0..o.len()).collect::<Vec<_>>());
            }
        }
    }
}

#[cfg(test)]
mod golden {
    use super::*;
    use crate::quiz::grade::tests::sample_quiz;

    /// Resumed attempts and every paper copy rebuild their order from the seed: these orders,
    /// written out once, must come back from every build and every `rand` update.
    #[test]
    fn a_fixed_seed_gives_the_same_written_out_order_forever() {
        let quiz = sample_quiz();
        let l = layout(&quiz, 42, true);
        let got: Vec<(usize, Vec<usize>)> = l
            .shown
            .iter()
            .map(|s| (s.question, s.options.clone()))
            .collect();
        let mut rng = ChaCha8Rng::seed_from_u64(42);
        let first: Vec<u64> = (0..4).map(|_| rng.next_u64()).collect();
        let stream: [u64; 4] = [
            12578764544318200737,
            17529487244874322312,
            7886285670807131020,
            11572758976476374866,
        ];
        assert_eq!(first, stream, "the random stream under the layouts changed");
        let want: Vec<(usize, Vec<usize>)> = vec![
            (4, vec![1, 0]),
            (3, vec![1, 0, 3, 2]),
            (1, vec![2, 3, 1, 0]),
            (0, vec![]),
            (2, vec![2, 1, 0, 3]),
        ];
        assert_eq!(got, want, "the layout for seed 42 changed");
    }
}
