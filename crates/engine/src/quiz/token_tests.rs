//! Reading what a learner typed, and reading it back from the data file.

use super::*;
use pijat_content::Text;

fn opts(n: usize) -> Vec<Text> {
    (0..n).map(|i| Text::same(&format!("option {i}"))).collect()
}

fn shown(options: &[usize]) -> Shown {
    Shown {
        question: 0,
        options: options.to_vec(),
    }
}

#[test]
fn statements_take_indonesian_and_english_letters_and_words() {
    let tf = QuestionKind::TrueFalse { answer: true };
    let s = shown(&[]);
    for (t, want) in [
        ("b", true),
        ("S", false),
        ("t", true),
        (" f ", false),
        ("Benar", true),
        ("salah", false),
    ] {
        assert_eq!(
            parse_token(&tf, &s, t),
            Ok(Response::TrueFalse(want)),
            "{t}"
        );
    }
    assert_eq!(parse_token(&tf, &s, "-"), Ok(Response::Skipped));
    assert_eq!(
        parse_token(&tf, &s, "x"),
        Err(TokenError::NotTrueFalse("x".into()))
    );
    assert_eq!(parse_token(&tf, &s, "  "), Err(TokenError::Empty));
}

#[test]
fn letters_and_numbers_name_the_shown_places_not_the_file_order() {
    let single = QuestionKind::Single {
        options: opts(4),
        answer: 0,
    };
    // Shown order: file options 2, 0, 3, 1.
    let s = shown(&[2, 0, 3, 1]);
    assert_eq!(parse_token(&single, &s, "a"), Ok(Response::Single(2)));
    assert_eq!(parse_token(&single, &s, "2"), Ok(Response::Single(0)));
    assert_eq!(parse_token(&single, &s, "D"), Ok(Response::Single(1)));
    assert_eq!(
        parse_token(&single, &s, "e"),
        Err(TokenError::NoSuchOption("e".into()))
    );
    assert_eq!(
        parse_token(&single, &s, "5"),
        Err(TokenError::NoSuchOption("5".into()))
    );
    assert_eq!(parse_token(&single, &s, "ab"), Err(TokenError::OnlyOne));
    assert_eq!(
        parse_token(&single, &s, "?"),
        Err(TokenError::NotAnOption("?".into()))
    );
    assert_eq!(
        parse_token(&single, &s, "0"),
        Err(TokenError::NotAnOption("0".into()))
    );
}

#[test]
fn multiple_answers_may_be_written_together_or_separated() {
    let multi = QuestionKind::Multiple {
        options: opts(4),
        answers: vec![0, 2],
    };
    let s = shown(&[0, 1, 2, 3]);
    for t in ["ac", "ca", "1,3", "1 3", "a, c", "3;1"] {
        assert_eq!(
            parse_token(&multi, &s, t),
            Ok(Response::Multiple(vec![0, 2])),
            "{t}"
        );
    }
    assert_eq!(
        parse_token(&multi, &s, "aa"),
        Err(TokenError::Repeated("a".into()))
    );
    for nothing in [",", ".", ";", "/", " , ", ",,/;"] {
        assert_eq!(
            parse_token(&multi, &s, nothing),
            Err(TokenError::NothingChosen),
            "{nothing:?}"
        );
    }
}

#[test]
fn every_answer_a_token_gives_is_read_back_from_the_data_file() {
    let multi = QuestionKind::Multiple {
        options: opts(4),
        answers: vec![0, 2],
    };
    let s = shown(&[3, 1, 0, 2]);
    for t in ["a", "abcd", "d,b", "2"] {
        let r = parse_token(&multi, &s, t).unwrap();
        assert_eq!(Response::decode(&multi, &r.encode()), Some(r), "{t}");
    }
}

#[test]
fn order_answers_need_every_item_once() {
    let order = QuestionKind::Order { items: opts(4) };
    let s = shown(&[3, 1, 0, 2]);
    // The learner types the shown numbers in the order they believe right: 3 4 2 1 means
    // file items 0, 2, 1, 3.
    assert_eq!(
        parse_token(&order, &s, "3421"),
        Ok(Response::Order(vec![0, 2, 1, 3]))
    );
    assert_eq!(
        parse_token(&order, &s, "3,4,2,1"),
        Ok(Response::Order(vec![0, 2, 1, 3]))
    );
    assert_eq!(
        parse_token(&order, &s, "342"),
        Err(TokenError::OrderIncomplete { given: 3 })
    );
    assert_eq!(
        parse_token(&order, &s, "3423"),
        Err(TokenError::Repeated("3".into()))
    );
}

#[test]
fn error_messages_name_the_keys_that_work_in_both_languages() {
    let m = TokenError::NoSuchOption("e".into()).message(4);
    assert_eq!(
        m.en,
        "there is no option `e`: use the letters a–d or the numbers 1–4"
    );
    assert_eq!(
        m.id,
        "tidak ada pilihan `e`: pakai huruf a–d atau angka 1–4"
    );
    let m = TokenError::OrderIncomplete { given: 3 }.message(4);
    assert!(m.en.contains("e.g. 2413"), "{}", m.en);
}

#[test]
fn stored_answers_read_back_the_same() {
    let kinds = [
        (
            QuestionKind::TrueFalse { answer: true },
            Response::TrueFalse(false),
        ),
        (
            QuestionKind::Single {
                options: opts(3),
                answer: 1,
            },
            Response::Single(2),
        ),
        (
            QuestionKind::Multiple {
                options: opts(3),
                answers: vec![0],
            },
            Response::Multiple(vec![0, 2]),
        ),
        (
            QuestionKind::Order { items: opts(3) },
            Response::Order(vec![2, 0, 1]),
        ),
        (QuestionKind::Order { items: opts(3) }, Response::Skipped),
    ];
    for (kind, r) in kinds {
        assert_eq!(Response::decode(&kind, &r.encode()), Some(r));
    }
    let order = QuestionKind::Order { items: opts(3) };
    assert_eq!(Response::decode(&order, "1,2"), None);
    assert_eq!(Response::decode(&order, "1,2,9"), None);
}
