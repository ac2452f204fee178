use super::*;

use strum::IntoEnumIterator;

fn all_contexts() -> Vec<Context> {
    Context::iter().collect()
}
use crossterm::event::KeyEvent;

fn key(c: KeyCode) -> KeyEvent {
    KeyEvent::new(c, KeyModifiers::NONE)
}

#[test]
fn the_same_letter_means_what_the_question_type_says() {
    let b = key(KeyCode::Char('b'));
    assert_eq!(action(Context::QuizTrueFalse, &b), Some(Action::True));
    assert_eq!(action(Context::QuizSingle, &b), Some(Action::Pick(1)));
    assert_eq!(action(Context::Step, &b), Some(Action::Bell));
    assert_eq!(
        action(Context::QuizSingle, &key(KeyCode::Char('4'))),
        Some(Action::Pick(3))
    );
}

#[test]
fn typing_a_name_never_quits_or_switches_language() {
    for c in ['q', 'L', '?'] {
        assert_eq!(
            action(Context::TextInput, &key(KeyCode::Char(c))),
            Some(Action::Char(c))
        );
    }
    assert_eq!(
        action(Context::List, &key(KeyCode::Char('q'))),
        Some(Action::Quit)
    );
    assert_eq!(
        action(Context::Lesson, &key(KeyCode::Char('L'))),
        Some(Action::Lang)
    );
}

#[test]
fn no_key_means_two_things_on_one_screen() {
    let mut keys: Vec<KeyCode> = (' '..='~').map(KeyCode::Char).collect();
    keys.extend([
        KeyCode::Up,
        KeyCode::Down,
        KeyCode::Left,
        KeyCode::Right,
        KeyCode::Enter,
        KeyCode::Esc,
        KeyCode::Tab,
        KeyCode::Backspace,
        KeyCode::PageUp,
        KeyCode::PageDown,
    ]);
    for ctx in all_contexts() {
        // Where a name or answers are typed, every printable key is text.
        let typing = table(ctx).iter().any(|b| matches!(b.keys, Keys::Printable));
        for k in &keys {
            if typing && matches!(k, KeyCode::Char(_)) {
                continue;
            }
            let mut hits: Vec<Action> = bindings(ctx)
                .into_iter()
                .filter(|b| match b.keys {
                    Keys::Code(c) => c == *k,
                    Keys::Either(c1, c2) => c1 == *k || c2 == *k,
                    Keys::Options => {
                        matches!(k, KeyCode::Char(c) if option_place(c.to_ascii_lowercase()).is_some())
                    }
                    Keys::Printable => false,
                })
                .map(|b| b.action)
                .collect();
            hits.dedup();
            assert!(hits.len() <= 1, "{ctx:?}: {k:?} means {hits:?}");
        }
    }
}

#[test]
fn every_screen_has_a_way_on_or_out_and_says_it_in_both_languages() {
    for ctx in all_contexts() {
        let actions: Vec<Action> = bindings(ctx).iter().map(|b| b.action).collect();
        let leaves = actions
            .iter()
            .any(|a| matches!(a, Action::Back | Action::Enter | Action::Quit | Action::Yes));
        assert!(
            leaves || ctx == Context::Help,
            "{ctx:?}: no key leads on or out"
        );
        for lang in [Lang::id(), Lang::en()] {
            let footer = footer(ctx, &lang);
            assert!(!footer.is_empty(), "{ctx:?}: an empty footer");
            assert!(footer.iter().all(|(k, h)| !k.is_empty() && !h.is_empty()));
        }
    }
}
