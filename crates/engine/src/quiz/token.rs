//! Answer tokens, the same in plain mode and on typed-in paper sheets: `b`/`s` or `t`/`f` for
//! statements; `a`–`f` or `1`–`6` for options; several for multiple (`ac`, `1,3`); the shown
//! item numbers in order for order questions (`3142`); `-` for no answer.

use super::layout::Shown;
use pijat_content::{Bilingual, QuestionKind};
use pijat_core::both;

/// An answer, in the file's option numbering (0-based) so that grading does not depend on how
/// the options were shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Response {
    /// No answer.
    Skipped,
    /// True or false.
    TrueFalse(bool),
    /// One option.
    Single(usize),
    /// Sorted, without repeats.
    Multiple(Vec<usize>),
    /// The items in the order the learner put them.
    Order(Vec<usize>),
}

/// Why a typed answer is not one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TokenError {
    /// Nothing typed.
    Empty,
    /// Not a true/false word.
    NotTrueFalse(String),
    /// Not a letter or number of an option.
    NotAnOption(String),
    /// An option the question does not have.
    NoSuchOption(String),
    /// Only one option may be chosen.
    OnlyOne,
    /// A several-options question answered with no option (only separators).
    NothingChosen,
    /// An option given twice.
    Repeated(String),
    /// Not every item was put in order.
    OrderIncomplete {
        /// How many were given.
        given: usize,
    },
}

/// The keys that pick the shown options: `a–d or 1–4`.
fn range(n: usize) -> (char, usize) {
    let last = (b'a' + n.saturating_sub(1) as u8) as char;
    (last, n)
}

impl TokenError {
    /// What went wrong and how to answer, for a question with `n` options shown.
    pub fn message(&self, n: usize) -> Bilingual {
        let (last, max) = range(n);
        let example = example(n);
        match self {
            TokenError::Empty => both!(messages, type_answer_skip),
            TokenError::NotTrueFalse(t) => {
                both!(messages, not_answer_type_t_true, t = t)
            }
            TokenError::NotAnOption(t) => both!(
                messages,
                not_option_use_letters_numbers,
                t = t,
                last = last,
                max = max
            ),
            TokenError::NoSuchOption(t) => both!(
                messages,
                there_no_option_use_letters,
                t = t.as_str(),
                last = last,
                max = max
            ),
            TokenError::OnlyOne => {
                both!(messages, choose_only_one, last = last, max = max)
            }
            TokenError::NothingChosen => {
                both!(messages, choose_at_least_one, last = last, max = max)
            }
            TokenError::Repeated(t) => {
                both!(messages, given_twice_give_each_option, t = t)
            }
            TokenError::OrderIncomplete { given } => both!(
                messages,
                numbers_given_type_all_numbers,
                given = given,
                max = max,
                example = example
            ),
        }
    }
}

fn example(n: usize) -> String {
    // An order that is clearly not 1234…: the even places, then the odd ones.
    let evens = (2..=n).step_by(2);
    let odds = (1..=n).step_by(2);
    evens.chain(odds).map(|i| i.to_string()).collect()
}

fn true_false(t: &str) -> Option<bool> {
    match t {
        "b" | "benar" | "t" | "true" | "y" | "ya" | "yes" => Some(true),
        "s" | "salah" | "f" | "false" | "n" | "tidak" | "no" => Some(false),
        _ => None,
    }
}

/// The shown places (0-based) a token names, in the order written.
fn places(t: &str, n: usize) -> Result<Vec<usize>, TokenError> {
    let parts: Vec<&str> = if t.contains([',', ' ', ';', '.', '/']) {
        t.split([',', ' ', ';', '.', '/'])
            .filter(|p| !p.is_empty())
            .collect()
    } else {
        t.char_indices()
            .map(|(i, c)| &t[i..i + c.len_utf8()])
            .collect()
    };
    let mut out = Vec::new();
    for p in parts {
        let place = match p.as_bytes() {
            [c @ b'a'..=b'z'] => (c - b'a') as usize,
            _ => match p.parse::<usize>() {
                Ok(k) if k >= 1 => k - 1,
                _ => return Err(TokenError::NotAnOption(p.to_string())),
            },
        };
        if place >= n {
            return Err(TokenError::NoSuchOption(p.to_string()));
        }
        if out.contains(&place) {
            return Err(TokenError::Repeated(p.to_string()));
        }
        out.push(place);
    }
    Ok(out)
}

/// Reads what a learner typed for a question shown as `shown`.
pub fn parse_token(
    kind: &QuestionKind,
    shown: &Shown,
    input: &str,
) -> Result<Response, TokenError> {
    let t = input.trim().to_lowercase();
    if t.is_empty() {
        return Err(TokenError::Empty);
    }
    if t == "-" {
        return Ok(Response::Skipped);
    }
    if let QuestionKind::TrueFalse { .. } = kind {
        return true_false(&t)
            .map(Response::TrueFalse)
            .ok_or(TokenError::NotTrueFalse(input.trim().to_string()));
    }
    let n = shown.options.len();
    let picked: Vec<usize> = places(&t, n)?
        .into_iter()
        .filter_map(|p| shown.options.get(p).copied())
        .collect();
    match kind {
        QuestionKind::Single { .. } => match picked.as_slice() {
            [one] => Ok(Response::Single(*one)),
            _ => Err(TokenError::OnlyOne),
        },
        QuestionKind::Multiple { .. } if picked.is_empty() => Err(TokenError::NothingChosen),
        QuestionKind::Multiple { .. } => {
            let mut picked = picked;
            picked.sort_unstable();
            Ok(Response::Multiple(picked))
        }
        QuestionKind::Order { .. } if picked.len() == n => Ok(Response::Order(picked)),
        QuestionKind::Order { .. } => Err(TokenError::OrderIncomplete {
            given: picked.len(),
        }),
        QuestionKind::TrueFalse { .. } => unreachable!("handled above"),
    }
}

impl Response {
    /// How the answer is stored: `-`, `true`/`false`, or the file's option numbers from 1
    /// (`2`, `1,3`, `3,1,2`).
    pub fn encode(&self) -> String {
        let nums = |v: &[usize]| {
            v.iter()
                .map(|i| (i + 1).to_string())
                .collect::<Vec<_>>()
                .join(",")
        };
        match self {
            Response::Skipped => "-".into(),
            Response::TrueFalse(b) => b.to_string(),
            Response::Single(i) => (i + 1).to_string(),
            Response::Multiple(v) | Response::Order(v) => nums(v),
        }
    }

    /// Reads a stored answer back; `None` when it does not fit the question (the question was
    /// changed after the answer was saved).
    pub fn decode(kind: &QuestionKind, s: &str) -> Option<Self> {
        if s == "-" {
            return Some(Response::Skipped);
        }
        let n = kind.options().len();
        let nums = || -> Option<Vec<usize>> {
            s.split(',')
                .map(|p| {
                    p.parse::<usize>()
                        .ok()
                        .filter(|k| (1..=n).contains(k))
                        .map(|k| k - 1)
                })
                .collect()
        };
        match kind {
            QuestionKind::TrueFalse { .. } => s.parse().ok().map(Response::TrueFalse),
            QuestionKind::Single { .. } => match nums()?.as_slice() {
                [one] => Some(Response::Single(*one)),
                _ => None,
            },
            QuestionKind::Multiple { .. } => Some(Response::Multiple(nums()?)),
            QuestionKind::Order { .. } => Some(Response::Order(nums()?)).filter(|r| match r {
                Response::Order(v) => v.len() == n,
                _ => false,
            }),
        }
    }
}

#[cfg(test)]
#[path = "token_tests.rs"]
mod tests;
