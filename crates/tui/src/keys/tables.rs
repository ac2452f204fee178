//! The bindings of each screen context: a binding of its own one per line, the shared ones
//! (defined in `keys.rs`) together on one line.

use super::*;

#[rustfmt::skip]
pub(super) const T_LIST: &[Binding] = &[UP, DOWN, ENTER, BACK];
#[rustfmt::skip]
pub(super) const T_START: &[Binding] = &[UP, DOWN, ENTER];
#[rustfmt::skip]
pub(super) const T_TEXTINPUT: &[Binding] = &[
    b(Code(K::Enter), "Enter", A::Enter, ID.go_on, EN.go_on, true),
    CANCEL, DELETE_LETTER, CTRL_C,
    b(Printable, "a–z", A::Char(' '), ID.type_name, EN.type_name, false),
];
#[rustfmt::skip]
pub(super) const T_LESSON: &[Binding] = &[
    NEXT_PAGE, PREVIOUS_PAGE, SCROLL_UP, SCROLL_DOWN, PGUP, PGDN, BACK,
];
#[rustfmt::skip]
pub(super) const T_LESSONCHART: &[Binding] = &[
    b(Either(K::Char('+'), K::Char('=')), "+", A::More, ID.remove_milk_more_often, EN.remove_milk_more_often, true),
    b(Code(K::Char('-')), "-", A::Less, ID.remove_milk_less_often, EN.remove_milk_less_often, true),
    NEXT_PAGE, PREVIOUS_PAGE,
    b(Either(K::Up, K::Char('k')), "↑↓", A::Up, ID.scroll, EN.scroll, false),
    SCROLL_DOWN, BACK,
];
#[rustfmt::skip]
pub(super) const T_SAFETY: &[Binding] = &[
    b(Code(K::Enter), "Enter", A::Enter, ID.i_understand_start, EN.i_understand_start, true),
    SCROLL_UP, SCROLL_DOWN, PGUP, PGDN, BACK,
];
#[rustfmt::skip]
pub(super) const T_STEP: &[Binding] = &[
    b(Code(K::Char(' ')), "Spasi", A::Space, ID.pause_resume, EN.pause_resume, true),
    b(Code(K::Char('n')), "n", A::Next, ID.next_step, EN.next_step, true),
    b(Code(K::Char('p')), "p", A::Prev, ID.previous, EN.previous, true),
    b(Code(K::Char('b')), "b", A::Bell, ID.bell_off, EN.bell_off, true),
    b(Code(K::Esc), "Esc", A::Back, ID.stop, EN.stop, true),
    b(Code(K::Char('v')), "v", A::Voice, ID.voice_off, EN.voice_off, true),
];
#[rustfmt::skip]
pub(super) const T_SELFCHECK: &[Binding] = &[
    UP, DOWN,
    b(Code(K::Char(' ')), "Spasi", A::Space, ID.mark_done_well, EN.mark_done_well, true),
    SAVE,
];
#[rustfmt::skip]
pub(super) const T_SUMMARY: &[Binding] = &[
    b(Code(K::Enter), "Enter", A::Enter, ID.done, EN.done, true),
    SCROLL_UP, SCROLL_DOWN, PGUP, PGDN, BACK,
];
#[rustfmt::skip]
pub(super) const T_QUIZTRUEFALSE: &[Binding] = &[
    b(Either(K::Char('b'), K::Char('t')), "b/t", A::True, ID.answer_true, EN.answer_true, true),
    b(Either(K::Char('s'), K::Char('f')), "s/f", A::False, ID.answer_false, EN.answer_false, true),
    UP, DOWN, ANSWER, SKIP, BACK, READ_ALOUD,
];
#[rustfmt::skip]
pub(super) const T_QUIZSINGLE: &[Binding] = &[
    b(Options, "a–f", A::Pick(0), ID.pick_answer, EN.pick_answer, true),
    UP, DOWN, ANSWER, SKIP, BACK, READ_ALOUD,
];
#[rustfmt::skip]
pub(super) const T_QUIZMULTIPLE: &[Binding] = &[
    b(Options, "a–f", A::Pick(0), ID.tick_untick, EN.tick_untick, true),
    b(Code(K::Char(' ')), "Spasi", A::Space, ID.tick_highlighted_one, EN.tick_highlighted_one, false),
    UP, DOWN, ANSWER, SKIP, BACK, READ_ALOUD,
];
#[rustfmt::skip]
pub(super) const T_QUIZORDER: &[Binding] = &[
    UP, DOWN,
    b(Code(K::Char(' ')), "Spasi", A::Space, ID.pick_up_move, EN.pick_up_move, true),
    b(Code(K::Enter), "Enter", A::Enter, ID.answer_order, EN.answer_order, true),
    SKIP, BACK, READ_ALOUD,
];
#[rustfmt::skip]
pub(super) const T_QUIZORDERHOLDING: &[Binding] = &[
    b(Either(K::Up, K::Char('k')), "↑↓", A::Up, ID.move_up_down, EN.move_up_down, true),
    b(Either(K::Down, K::Char('j')), "↓/j", A::Down, ID.move_it_down, EN.move_it_down, false),
    b(Either(K::Char(' '), K::Enter), "Spasi", A::Space, ID.put_down, EN.put_down, true),
    BACK,
];
#[rustfmt::skip]
pub(super) const T_QUIZFEEDBACK: &[Binding] = &[b(Code(K::Enter), "Enter", A::Enter, ID.go_on, EN.go_on, true)];
#[rustfmt::skip]
pub(super) const T_CONFIRM: &[Binding] = &[
    b(Either(K::Char('y'), K::Char('Y')), "y", A::Yes, ID.yes, EN.yes, true),
    b(Either(K::Char('n'), K::Char('N')), "n/Esc", A::No, ID.no, EN.no, true),
    b(Code(K::Esc), "Esc", A::No, ID.no, EN.no, false),
];
#[rustfmt::skip]
pub(super) const T_HELP: &[Binding] = &[
    b(Code(K::Esc), "Esc", A::Back, ID.close_help, EN.close_help, true),
    b(Code(K::Char('?')), "?", A::Back, ID.close_help, EN.close_help, false),
    b(Code(K::Enter), "Enter", A::Back, ID.close_help, EN.close_help, false),
];

#[rustfmt::skip]
pub(super) const PIN_ENTER: Binding = b(Code(K::Enter), "Enter", A::Enter, ID.go_on, EN.go_on, true);
#[rustfmt::skip]
pub(super) const PIN_CANCEL: Binding = b(Code(K::Esc), "Esc", A::Back, ID.cancel, EN.cancel, true);
#[rustfmt::skip]
pub(super) const PIN_DELETE: Binding = b(Code(K::Backspace), "⌫", A::Backspace, ID.delete_digit, EN.delete_digit, true);
/// Shown where letters are typed: Ctrl+C still quits there (handled before the table).
#[rustfmt::skip]
pub(super) const CTRL_C: Binding = b(Code(K::Null), "Ctrl+C", A::Quit, ID.quit, EN.quit, true);
#[rustfmt::skip]
pub(super) const PIN_DIGITS: Binding = b(Printable, "0–9", A::Char(' '), ID.type_digits, EN.type_digits, false);
#[rustfmt::skip]
pub(super) const T_PIN: &[Binding] = &[
    PIN_ENTER, PIN_CANCEL, PIN_DELETE,
    b(Code(K::Tab), "Tab", A::Tab, ID.forgot_pin_recovery_code, EN.forgot_pin_recovery_code, true),
    PIN_DIGITS,
];
#[rustfmt::skip]
pub(super) const T_PROJECTOREND: &[Binding] = &[
    b(Code(K::Enter), "Enter", A::Enter, ID.type_answer_sheets, EN.type_answer_sheets, true),
    b(Either(K::Left, K::Char('p')), "←", A::Prev, ID.last_item, EN.last_item, true),
    BACK,
];
#[rustfmt::skip]
pub(super) const T_HOTSEATDONE: &[Binding] = &[
    LEAVE_NEEDS_PIN,
];
#[rustfmt::skip]
pub(super) const T_PINSET: &[Binding] = &[PIN_ENTER, PIN_CANCEL, PIN_DELETE, CTRL_C, PIN_DIGITS];
#[rustfmt::skip]
pub(super) const T_RECOVERYSHOWN: &[Binding] = &[
    b(Code(K::Enter), "Enter", A::Enter, ID.i_have_written_down, EN.i_have_written_down, true),
];
#[rustfmt::skip]
pub(super) const T_RECOVERYINPUT: &[Binding] = &[
    PIN_ENTER, PIN_CANCEL, DELETE_LETTER,
    b(Printable, "A–Z 0–9", A::Char(' '), ID.type_recovery_code, EN.type_recovery_code, false),
];
#[rustfmt::skip]
pub(super) const T_FORM: &[Binding] = &[
    b(Either(K::Tab, K::Down), "Tab/↓", A::Down, ID.next_field, EN.next_field, true),
    b(Code(K::Up), "↑", A::Up, ID.previous_field, EN.previous_field, false),
    b(Code(K::Left), "←", A::Left, ID.previous_choice, EN.previous_choice, false),
    b(Code(K::Right), "→", A::Right, ID.next_choice, EN.next_choice, false),
    SAVE, CANCEL,
    b(Code(K::Backspace), "⌫", A::Backspace, ID.delete_letter, EN.delete_letter, false),
    b(Printable, "a–z", A::Char(' '), ID.type_letters, EN.type_letters, false),
];
#[rustfmt::skip]
pub(super) const T_CLASSVIEW: &[Binding] = &[
    b(Either(K::Up, K::Char('k')), "↑↓", A::Up, ID.choose_participant, EN.choose_participant, false),
    DOWN,
    b(Code(K::Enter), "Enter", A::Enter, ID.progress, EN.progress, true),
    b(Code(K::Char('o')), "o", A::Observe, ID.observe, EN.observe, true),
    b(Code(K::Char('v')), "v", A::Visit, ID.visit, EN.visit, true),
    b(Code(K::Char('t')), "t", A::GroupTest, ID.group_test, EN.group_test, true),
    b(Code(K::Char('p')), "p", A::TypeSheets, ID.paper_sheets, EN.paper_sheets, true),
    b(Code(K::Char('s')), "s", A::Stats, ID.results, EN.results, true),
    b(Code(K::Char('a')), "a", A::Add, ID.add_participant, EN.add_participant, true),
    b(Code(K::Char('r')), "r", A::Rename, ID.rename, EN.rename, true),
    b(Code(K::Char('x')), "x", A::Remove, ID.take_off_roster, EN.take_off_roster, true),
    b(Code(K::Char('b')), "b", A::Review, ID.answers_explanations_after_post, EN.answers_explanations_after_post, false),
    b(Code(K::Char('c')), "c", A::ClearCode, ID.clear_forgotten_personal_code, EN.clear_forgotten_personal_code, false),
    b(Code(K::Char('e')), "e", A::Edit, ID.edit_class_details, EN.edit_class_details, true),
    b(Code(K::Char('d')), "d", A::Project, ID.show_projector, EN.show_projector, true),
    b(Code(K::Char('h')), "h", A::Phones, ID.test_on_phones, EN.test_on_phones, true),
    b(Code(K::Char('f')), "f", A::Forms, ID.cadre_forms, EN.cadre_forms, true),
    BACK,
];
#[rustfmt::skip]
pub(super) const T_FORMS: &[Binding] = &[
    b(Code(K::Enter), "Enter", A::Enter, ID.stop_forms, EN.stop_forms, true),
    b(Code(K::Esc), "Esc", A::Back, ID.stop_forms, EN.stop_forms, false),
];
#[rustfmt::skip]
pub(super) const T_PHONES: &[Binding] = &[
    UP, DOWN,
    b(Code(K::Char('r')), "r", A::Release, ID.release_phone, EN.release_phone, true),
    b(Code(K::Char('n')), "n", A::NewNames, ID.new_names, EN.new_names, true),
    b(Code(K::Char('a')), "a", A::Add, ID.accept_name, EN.accept_name, false),
    b(Code(K::Char('x')), "x", A::Remove, ID.refuse_name, EN.refuse_name, false),
    b(Code(K::Enter), "Enter", A::Enter, ID.end_test, EN.end_test, true),
    b(Code(K::Esc), "Esc", A::Back, ID.end_test, EN.end_test, false),
];
#[rustfmt::skip]
pub(super) const T_PROJECTOR: &[Binding] = &[
    b(Either(K::Right, K::Char('n')), "→", A::Next, ID.next_item, EN.next_item, true),
    b(Either(K::Left, K::Char('p')), "←", A::Prev, ID.previous_item, EN.previous_item, true),
    b(Code(K::Char(' ')), "Spasi", A::Space, ID.next_item, EN.next_item, false),
    READ_ALOUD,
    b(Code(K::Char('a')), "a", A::AutoRead, ID.auto_read, EN.auto_read, true),
    b(Code(K::Enter), "Enter", A::Enter, ID.answer_sheets_end, EN.answer_sheets_end, false),
    BACK,
];
#[rustfmt::skip]
pub(super) const T_OBSERVE: &[Binding] = &[
    UP, DOWN,
    b(Code(K::Char('2')), "2/1/0/-", A::Mark(2), ID.mark, EN.mark, true),
    b(Code(K::Char('1')), "1", A::Mark(1), ID.mark_1_needs_practice, EN.mark_1_needs_practice, false),
    b(Code(K::Char('0')), "0", A::Mark(0), ID.mark_0_not_done, EN.mark_0_not_done, false),
    b(Code(K::Char('-')), "-", A::Mark(3), ID.not_observed, EN.not_observed, false),
    b(Code(K::Char(' ')), "Spasi", A::Space, ID.step_timer, EN.step_timer, true),
    b(Code(K::Char('n')), "n", A::Note, ID.note, EN.note, true),
    b(Code(K::Enter), "Enter", A::Enter, ID.finish, EN.finish, true),
    b(Code(K::Esc), "Esc", A::Back, ID.leave, EN.leave, true),
];
#[rustfmt::skip]
pub(super) const T_HOTSEAT: &[Binding] = &[
    b(Code(K::Enter), "Enter", A::Enter, ID.start_turn, EN.start_turn, true),
    UP, DOWN,
    b(Code(K::Char('x')), "x", A::Remove, ID.skip_trainer, EN.skip_trainer, true),
    b(Code(K::Char('a')), "a", A::AutoRead, ID.read_questions_aloud_off, EN.read_questions_aloud_off, false),
    LEAVE_NEEDS_PIN,
];
#[rustfmt::skip]
pub(super) const T_HANDBACK: &[Binding] = &[b(Code(K::Enter), "Enter", A::Enter, ID.next_participant, EN.next_participant, true)];
#[rustfmt::skip]
pub(super) const T_REPORTVIEW: &[Binding] = &[
    b(Either(K::Right, K::Tab), "→/Tab", A::Right, ID.next_view, EN.next_view, true),
    b(Code(K::Left), "←", A::Left, ID.previous_view, EN.previous_view, true),
    SCROLL_UP, SCROLL_DOWN, PGUP, PGDN, BACK,
];
#[rustfmt::skip]
pub(super) const T_GRID: &[Binding] = &[
    b(Code(K::Up), "↑↓←→", A::Up, ID.move_between_cells, EN.move_between_cells, true),
    b(Code(K::Down), "↓", A::Down, ID.cell_below, EN.cell_below, false),
    b(Code(K::Left), "←", A::Left, ID.cell_left, EN.cell_left, false),
    b(Either(K::Right, K::Tab), "→/Tab", A::Right, ID.cell_right, EN.cell_right, false),
    b(Printable, "b s a–f 1–6 -", A::Char(' '), ID.type_answer, EN.type_answer, true),
    b(Code(K::Backspace), "⌫", A::Backspace, ID.clear_cell, EN.clear_cell, false),
    b(Code(K::Enter), "Enter", A::Enter, ID.save_all, EN.save_all, true),
    b(Code(K::Esc), "Esc", A::Back, ID.back_drafts_kept, EN.back_drafts_kept, true),
];
