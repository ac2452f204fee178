//! The paper test's head (name and class, the role boxes, which test, the date) and where its
//! pages begin: questions are split evenly over as few A4 pages as hold them, so a bilingual
//! test does not end with one question alone on its last page.

use crate::langs::{Langs, texts};
use crate::page::{field_html, field_md, joined, option_html, option_md};
use maud::{Markup, html};
use pijat_app::sheets::paper_layout;
use pijat_content::{QuestionKind, Quiz};

/// Each question's index in the set, in the order printed.
pub(crate) fn paper_order(quiz: &Quiz) -> Vec<usize> {
    paper_layout(quiz)
        .shown
        .iter()
        .map(|s| s.question)
        .collect()
}

/// The words of the head: the roles and the two tests.
fn head_words(l: &Langs) -> ([String; 4], [String; 2]) {
    let roles = [
        l.t(|s| s.father),
        l.t(|s| s.cadre),
        l.t(|s| s.midwife),
        l.t(|s| s.other),
    ];
    // Indonesian alone names the English terms too, as trainers say them.
    let tests = if l.second.is_some() {
        [l.t(|s| s.pre_test), l.t(|s| s.post_test)]
    } else {
        [
            l.t(|s| s.pre_test_both_names),
            l.t(|s| s.post_test_both_names),
        ]
    };
    (roles, tests)
}

/// The head's lines in Markdown: name and class; the role, a box before each word; the test
/// and the date.
pub(crate) fn head_md(l: &Langs) -> Vec<String> {
    let (roles, tests) = head_words(l);
    let opts = |words: &[String]| {
        words
            .iter()
            .map(|w| option_md(w))
            .collect::<Vec<_>>()
            .join("   ")
    };
    vec![
        format!(
            "{}  {}",
            field_md(&l.t(|s| s.name_field), false),
            field_md(&l.t(|s| s.class_field), false)
        ),
        format!("{}: {}", l.t(|s| s.role), opts(&roles)),
        format!(
            "{}: {}   {}",
            l.t(|s| s.test),
            opts(&tests),
            field_md(&l.t(|s| s.date), true)
        ),
    ]
}

/// The same lines as HTML.
pub(crate) fn head_html(l: &Langs) -> Vec<Markup> {
    let (roles, tests) = head_words(l);
    let opts = |words: &[String]| joined(words.iter().map(|w| option_html(w)), "");
    vec![
        html! {
            (field_html(&l.t(|s| s.name_field), false))
            (field_html(&l.t(|s| s.class_field), false))
        },
        html! { (l.t(|s| s.role)) ": " (opts(&roles)) },
        html! {
            (l.t(|s| s.test)) ": " (opts(&tests))
            (field_html(&l.t(|s| s.date), true))
        },
    ]
}

/// Printed lines a text of `chars` characters takes on an A4 line `per_line` characters wide.
fn lines(chars: usize, per_line: f64) -> f64 {
    (chars as f64 / per_line).ceil().max(1.0)
}

/// About how many printed lines a question takes, with its translation.
fn weight(quiz: &Quiz, q: usize, l: &Langs) -> f64 {
    let Some(q) = quiz.questions.get(q) else {
        return 0.0;
    };
    let len = |t: &pijat_content::Text| {
        let (a, b) = texts(t, l);
        a.chars().count() + b.map_or(0, |b| b.chars().count() + 1)
    };
    // Options are indented behind their box: fewer characters fit.
    let options: f64 = q.kind.options().iter().map(|o| lines(len(o), 72.0)).sum();
    let extra = match q.kind {
        QuestionKind::TrueFalse { .. } => 1.0,
        QuestionKind::Multiple { .. } => 1.0,
        QuestionKind::Order { .. } => 1.0,
        QuestionKind::Single { .. } => 0.0,
    };
    lines(len(&q.prompt) + 4, 80.0) + options + extra + 0.8
}

/// Sizes of `pages` runs of `n` questions, as even as can be; the first page, which also
/// holds the head, gets the smaller runs.
fn runs(n: usize, pages: usize) -> Vec<usize> {
    let (base, extra) = (n / pages, n % pages);
    (0..pages)
        .map(|k| base + usize::from(k >= pages - extra))
        .collect()
}

/// The questions (by place on the paper) that begin a new page.
pub(crate) fn page_starts(quiz: &Quiz, l: &Langs) -> Vec<usize> {
    // Lines of 11.5 pt × 1.35 on A4 less its margins, as Chromium prints them (measured).
    const PAGE: f64 = 48.0;
    let title = texts(&quiz.title, l).0.chars().count();
    let head = if l.second.is_some() { 14.0 } else { 8.5 } + 1.3 * lines(title, 48.0);
    let paper = paper_order(quiz);
    let w: Vec<f64> = paper.iter().map(|q| weight(quiz, *q, l)).collect();
    let n = w.len();
    for pages in 1..=n.max(1) {
        let sizes = runs(n, pages);
        let mut at = 0;
        let mut starts = Vec::new();
        let fits = sizes.iter().enumerate().all(|(k, size)| {
            let run = w.get(at..at + size).unwrap_or_default();
            let used: f64 = run.iter().sum::<f64>() + if k == 0 { head } else { 0.0 };
            if k > 0 {
                starts.push(at);
            }
            at += size;
            used <= PAGE
        });
        if fits {
            return starts;
        }
    }
    Vec::new()
}

#[cfg(test)]
mod tests {
    use super::runs;

    #[test]
    fn runs_are_as_even_as_can_be_with_the_smaller_first() {
        assert_eq!(runs(10, 2), [5, 5]);
        assert_eq!(runs(7, 3), [2, 2, 3]);
        assert_eq!(runs(7, 2), [3, 4]);
        assert_eq!(runs(3, 1), [3]);
    }
}
