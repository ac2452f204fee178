//! One key table drives key handling, the footer and the `?` help: each screen context lists
//! its bindings, and the global ones (help, language, quit) are added where typing is not.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use pijat_content::Lang;
use pijat_core::strings::keys::{EN, ID};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    Up,
    Down,
    Left,
    Right,
    Enter,
    Back,
    Quit,
    Help,
    Lang,
    /// An option by its shown place: `a`–`f` or `1`–`6`.
    Pick(usize),
    True,
    False,
    Skip,
    /// Space: toggle, pick up or put down, pause or resume.
    Space,
    Next,
    Prev,
    Bell,
    More,
    Less,
    PageUp,
    PageDown,
    Yes,
    No,
    Char(char),
    Backspace,
    /// Trainer: add a participant.
    Add,
    Rename,
    Remove,
    Edit,
    /// Trainer: a group test on this laptop.
    GroupTest,
    /// Trainer: type in paper answer sheets.
    TypeSheets,
    /// Trainer: the class's results and statistics.
    Stats,
    /// Trainer: watch a participant give the massage and mark the checklist.
    Observe,
    /// Trainer: record a follow-up home visit.
    Visit,
    /// A checklist mark: 2 done well, 1 needs practice, 0 not done, 3 not observed.
    Mark(u8),
    /// A note on the current step.
    Note,
    /// Spoken guidance on or off.
    Voice,
    /// Read the question (or item) aloud.
    ReadAloud,
    /// Trainer: read every question aloud in group tests and projector mode, on or off.
    AutoRead,
    /// Trainer: show a paper test on a projector.
    Project,
    /// Tab: the other way (a forgotten PIN).
    Tab,
    /// Trainer: clear a participant's forgotten personal code.
    ClearCode,
    /// Trainer: the pre/post test's answers and explanations, for the class after the post-test.
    Review,
    /// Trainer: the test on the fathers' phones.
    Phones,
    /// Trainer: free a participant from the phone holding him.
    Release,
    /// Trainer: the daftar tilik and visit form on cadres' phones (ODK Collect).
    Forms,
    /// Trainer: allow or forbid adding a name from a phone.
    NewNames,
}

/// Which keys a binding answers to.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Keys {
    Code(KeyCode),
    /// The key or its alternative (arrows and vi keys, Indonesian and English letters).
    Either(KeyCode, KeyCode),
    /// `a`–`f` and `1`–`6`.
    Options,
    /// Any printable character (text input).
    Printable,
}

#[derive(Clone, Copy, Debug)]
pub(crate) struct Binding {
    pub keys: Keys,
    /// How the key is written in the footer and help (Indonesian, English).
    pub label: (&'static str, &'static str),
    pub action: Action,
    /// What it does: (Indonesian, English).
    pub help: (&'static str, &'static str),
    /// Shown in the footer (all bindings are in the help).
    pub footer: bool,
}

const fn b(
    keys: Keys,
    label: &'static str,
    action: Action,
    id: &'static str,
    en: &'static str,
    footer: bool,
) -> Binding {
    // The space bar is the one key whose name differs by language.
    let label = if matches!(
        keys,
        Keys::Code(KeyCode::Char(' ')) | Keys::Either(KeyCode::Char(' '), _)
    ) {
        ("Spasi", "Space")
    } else {
        (label, label)
    };
    Binding {
        keys,
        label,
        action,
        help: (id, en),
        footer,
    }
}

use Action as A;
use KeyCode as K;
use Keys::{Code, Either, Options, Printable};

mod tables;
use tables::*;

#[rustfmt::skip]
const UP: Binding = b(Either(K::Up, K::Char('k')), "↑↓", A::Up, ID.move_around, EN.move_around, true);
#[rustfmt::skip]
const DOWN: Binding = b(Either(K::Down, K::Char('j')), "↓/j", A::Down, ID.move_down, EN.move_down, false);
#[rustfmt::skip]
const ENTER: Binding = b(Code(K::Enter), "Enter", A::Enter, ID.choose, EN.choose, true);
#[rustfmt::skip]
const BACK: Binding = b(Code(K::Esc), "Esc", A::Back, ID.back, EN.back, true);
#[rustfmt::skip]
const SCROLL_UP: Binding = b(Either(K::Up, K::Char('k')), "↑↓", A::Up, ID.scroll, EN.scroll, true);
#[rustfmt::skip]
const SCROLL_DOWN: Binding = b(Either(K::Down, K::Char('j')), "↓/j", A::Down, ID.scroll_down, EN.scroll_down, false);
#[rustfmt::skip]
const PGUP: Binding = b(Code(K::PageUp), "PgUp", A::PageUp, ID.scroll_screen_up, EN.scroll_screen_up, false);
#[rustfmt::skip]
const PGDN: Binding = b(Code(K::PageDown), "PgDn", A::PageDown, ID.scroll_screen_down, EN.scroll_screen_down, false);

#[rustfmt::skip]
const CANCEL: Binding = b(Code(K::Esc), "Esc", A::Back, ID.cancel, EN.cancel, true);
#[rustfmt::skip]
const DELETE_LETTER: Binding = b(Code(K::Backspace), "⌫", A::Backspace, ID.delete_letter, EN.delete_letter, true);
#[rustfmt::skip]
const NEXT_PAGE: Binding = b(Either(K::Right, K::Char('n')), "→/n", A::Next, ID.next_page, EN.next_page, true);
#[rustfmt::skip]
const PREVIOUS_PAGE: Binding = b(Either(K::Left, K::Char('p')), "←/p", A::Prev, ID.previous_page, EN.previous_page, true);
#[rustfmt::skip]
const SAVE: Binding = b(Code(K::Enter), "Enter", A::Enter, ID.save, EN.save, true);
#[rustfmt::skip]
const ANSWER: Binding = b(Code(K::Enter), "Enter", A::Enter, ID.answer, EN.answer, true);
#[rustfmt::skip]
const SKIP: Binding = b(Code(K::Char('-')), "-", A::Skip, ID.skip, EN.skip, true);
#[rustfmt::skip]
const READ_ALOUD: Binding = b(Code(K::Char('r')), "r", A::ReadAloud, ID.read_aloud, EN.read_aloud, true);
#[rustfmt::skip]
const LEAVE_NEEDS_PIN: Binding = b(Code(K::Esc), "Esc", A::Back, ID.leave_needs_pin, EN.leave_needs_pin, true);
#[rustfmt::skip]
pub(crate) const GLOBAL: &[Binding] = &[
    b(Code(K::Char('?')), "?", A::Help, ID.help, EN.help, true),
    b(Either(K::Char('L'), K::Char('l')), "L", A::Lang, ID.language, EN.language, true),
    b(Code(K::Char('q')), "q", A::Quit, ID.quit, EN.quit, true),
];

/// Where the keys are being read: each has its own bindings. The key tests go through every
/// variant (`Context::iter()`), so a new context cannot escape them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, strum::EnumIter)]
pub enum Context {
    List,
    TextInput,
    Lesson,
    LessonChart,
    Safety,
    Step,
    SelfCheck,
    Summary,
    QuizTrueFalse,
    QuizSingle,
    QuizMultiple,
    QuizOrder,
    QuizOrderHolding,
    QuizFeedback,
    Results,
    Reader,
    Confirm,
    Help,
    Pin,
    Form,
    ClassView,
    HotSeat,
    HandBack,
    Grid,
    ReportView,
    Observe,
    Projector,
    /// A new PIN or code being typed (no way to a forgotten one here).
    PinSet,
    /// The recovery code, shown once.
    RecoveryShown,
    /// A recovery code being typed.
    RecoveryInput,
    /// The first screen: the trainees' names, or the welcome (nothing to go back to).
    Start,
    /// A group test where everyone is done: only the way out.
    HotSeatDone,
    /// The projector after the last item: the answer sheets next.
    ProjectorEnd,
    /// The test on phones: the QR code, the code and the live table.
    Phones,
    /// The cadres' forms: the QR code for ODK Collect and what has arrived.
    Forms,
}

pub(crate) fn table(ctx: Context) -> &'static [Binding] {
    match ctx {
        Context::List => T_LIST,
        Context::Start => T_START,
        Context::HotSeatDone => T_HOTSEATDONE,
        Context::ProjectorEnd => T_PROJECTOREND,
        Context::TextInput => T_TEXTINPUT,
        Context::Lesson => T_LESSON,
        Context::LessonChart => T_LESSONCHART,
        Context::Safety => T_SAFETY,
        Context::Step => T_STEP,
        Context::SelfCheck => T_SELFCHECK,
        Context::Summary | Context::Results | Context::Reader => T_SUMMARY,
        Context::QuizTrueFalse => T_QUIZTRUEFALSE,
        Context::QuizSingle => T_QUIZSINGLE,
        Context::QuizMultiple => T_QUIZMULTIPLE,
        Context::QuizOrder => T_QUIZORDER,
        Context::QuizOrderHolding => T_QUIZORDERHOLDING,
        Context::QuizFeedback => T_QUIZFEEDBACK,
        Context::Confirm => T_CONFIRM,
        Context::Help => T_HELP,
        Context::Pin => T_PIN,
        Context::PinSet => T_PINSET,
        Context::RecoveryShown => T_RECOVERYSHOWN,
        Context::RecoveryInput => T_RECOVERYINPUT,
        Context::Form => T_FORM,
        Context::ClassView => T_CLASSVIEW,
        Context::HotSeat => T_HOTSEAT,
        Context::HandBack => T_HANDBACK,
        Context::Grid => T_GRID,
        Context::ReportView => T_REPORTVIEW,
        Context::Observe => T_OBSERVE,
        Context::Projector => T_PROJECTOR,
        Context::Phones => T_PHONES,
        Context::Forms => T_FORMS,
    }
}

/// Where the global keys apply: everywhere except while typing and in a yes/no question.
/// Help, language and quit keys are letters: not where letters or digits are typed.
fn has_globals(ctx: Context) -> bool {
    let typing = table(ctx).iter().any(|b| matches!(b.keys, Keys::Printable));
    !typing && !matches!(ctx, Context::Confirm | Context::Help)
}

pub(crate) fn bindings(ctx: Context) -> Vec<Binding> {
    let mut out = table(ctx).to_vec();
    if has_globals(ctx) {
        out.extend_from_slice(GLOBAL);
    }
    out
}

fn option_place(c: char) -> Option<usize> {
    match c {
        'a'..='f' => Some(c as usize - 'a' as usize),
        '1'..='6' => Some(c as usize - '1' as usize),
        _ => None,
    }
}

/// The action a key press means in this context, if any.
pub(crate) fn action(ctx: Context, key: &KeyEvent) -> Option<Action> {
    // Ctrl+C quits from every screen, typing ones too (asking first in a quiz or a practice).
    if key.modifiers.contains(KeyModifiers::CONTROL) && matches!(key.code, KeyCode::Char('c' | 'C'))
    {
        return Some(Action::Quit);
    }
    if key
        .modifiers
        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
    {
        return None;
    }
    for binding in bindings(ctx) {
        let hit = match binding.keys {
            Keys::Code(c) => c == key.code,
            Keys::Either(c1, c2) => c1 == key.code || c2 == key.code,
            Keys::Options => {
                if let KeyCode::Char(c) = key.code
                    && let Some(p) = option_place(c.to_ascii_lowercase())
                {
                    return Some(Action::Pick(p));
                }
                false
            }
            Keys::Printable => {
                if let KeyCode::Char(c) = key.code
                    && !c.is_control()
                {
                    return Some(Action::Char(c));
                }
                false
            }
        };
        if hit {
            return Some(binding.action);
        }
    }
    None
}

/// `label text` pairs for the footer, in table order.
pub(crate) fn footer(ctx: Context, lang: &Lang) -> Vec<(&'static str, &'static str)> {
    bindings(ctx)
        .into_iter()
        .filter(|b| b.footer)
        .map(|b| pick(b, lang))
        .collect()
}

fn pick(b: Binding, lang: &Lang) -> (&'static str, &'static str) {
    use pijat_core::strings::pick;
    (pick(b.label, lang), pick(b.help, lang))
}

/// Every binding of the context, for the help.
pub(crate) fn help(ctx: Context, lang: &Lang) -> Vec<(&'static str, &'static str)> {
    bindings(ctx).into_iter().map(|b| pick(b, lang)).collect()
}

#[cfg(test)]
mod tests;
