//! One key table drives key handling, the footer and the `?` help: each screen context lists
//! its bindings, and the global ones (help, language, quit) are added where typing is not.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::content::Lang;

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
    /// Trainer: allow or forbid adding a name from a phone.
    NewNames,
}

/// Which keys a binding answers to.
#[derive(Clone, Copy, Debug)]
pub enum Keys {
    Code(KeyCode),
    /// The key or its alternative (arrows and vi keys, Indonesian and English letters).
    Either(KeyCode, KeyCode),
    /// `a`–`f` and `1`–`6`.
    Options,
    /// Any printable character (text input).
    Printable,
}

#[derive(Clone, Copy, Debug)]
pub struct Binding {
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

#[rustfmt::skip]
const UP: Binding = b(Either(K::Up, K::Char('k')), "↑↓", A::Up, "pindah", "move", true);
#[rustfmt::skip]
const DOWN: Binding = b(Either(K::Down, K::Char('j')), "↓/j", A::Down, "pindah ke bawah", "move down", false);
#[rustfmt::skip]
const ENTER: Binding = b(Code(K::Enter), "Enter", A::Enter, "pilih", "choose", true);
#[rustfmt::skip]
const BACK: Binding = b(Code(K::Esc), "Esc", A::Back, "kembali", "back", true);
#[rustfmt::skip]
const SCROLL_UP: Binding = b(Either(K::Up, K::Char('k')), "↑↓", A::Up, "gulir", "scroll", true);
#[rustfmt::skip]
const SCROLL_DOWN: Binding = b(Either(K::Down, K::Char('j')), "↓/j", A::Down, "gulir ke bawah", "scroll down", false);
#[rustfmt::skip]
const PGUP: Binding = b(Code(K::PageUp), "PgUp", A::PageUp, "gulir satu layar ke atas", "scroll a screen up", false);
#[rustfmt::skip]
const PGDN: Binding = b(Code(K::PageDown), "PgDn", A::PageDown, "gulir satu layar ke bawah", "scroll a screen down", false);

#[rustfmt::skip]
pub const GLOBAL: &[Binding] = &[
    b(Code(K::Char('?')), "?", A::Help, "bantuan", "help", true),
    b(Either(K::Char('L'), K::Char('l')), "L", A::Lang, "bahasa", "language", true),
    b(Code(K::Char('q')), "q", A::Quit, "keluar", "quit", true),
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
}

#[rustfmt::skip]
const T_LIST: &[Binding] = &[UP, DOWN, ENTER, BACK];
#[rustfmt::skip]
const T_START: &[Binding] = &[UP, DOWN, ENTER];
#[rustfmt::skip]
const T_TEXTINPUT: &[Binding] = &[
    b(Code(K::Enter), "Enter", A::Enter, "lanjut", "continue", true),
    b(Code(K::Esc), "Esc", A::Back, "batal", "cancel", true),
    b(Code(K::Backspace), "⌫", A::Backspace, "hapus huruf", "delete a letter", true),
    CTRL_C,
    b(Printable, "a–z", A::Char(' '), "ketik nama", "type the name", false),
];
#[rustfmt::skip]
const T_LESSON: &[Binding] = &[
    b(Either(K::Right, K::Char('n')), "→/n", A::Next, "halaman berikut", "next page", true),
    b(Either(K::Left, K::Char('p')), "←/p", A::Prev, "halaman sebelumnya", "previous page", true),
    SCROLL_UP,
    SCROLL_DOWN,
    PGUP,
    PGDN,
    BACK,
];
#[rustfmt::skip]
const T_LESSONCHART: &[Binding] = &[
    b(Either(K::Char('+'), K::Char('=')), "+", A::More, "lebih sering dikeluarkan", "remove milk more often", true),
    b(Code(K::Char('-')), "-", A::Less, "lebih jarang dikeluarkan", "remove milk less often", true),
    b(Either(K::Right, K::Char('n')), "→/n", A::Next, "halaman berikut", "next page", true),
    b(Either(K::Left, K::Char('p')), "←/p", A::Prev, "halaman sebelumnya", "previous page", true),
    b(Either(K::Up, K::Char('k')), "↑↓", A::Up, "gulir", "scroll", false),
    SCROLL_DOWN,
    BACK,
];
#[rustfmt::skip]
const T_SAFETY: &[Binding] = &[
    b(Code(K::Enter), "Enter", A::Enter, "saya mengerti, mulai", "I understand, start", true),
    SCROLL_UP,
    SCROLL_DOWN,
    PGUP,
    PGDN,
    BACK,
];
#[rustfmt::skip]
const T_STEP: &[Binding] = &[
    b(Code(K::Char(' ')), "Spasi", A::Space, "jeda/lanjut", "pause/resume", true),
    b(Code(K::Char('n')), "n", A::Next, "berikut", "next step", true),
    b(Code(K::Char('p')), "p", A::Prev, "sebelumnya", "previous", true),
    b(Code(K::Char('b')), "b", A::Bell, "bel nyala/mati", "bell on/off", true),
    b(Code(K::Esc), "Esc", A::Back, "berhenti", "stop", true),
    b(Code(K::Char('v')), "v", A::Voice, "suara nyala/mati", "voice on/off", true),
];
#[rustfmt::skip]
const T_SELFCHECK: &[Binding] = &[
    UP,
    DOWN,
    b(Code(K::Char(' ')), "Spasi", A::Space, "tandai dilakukan dengan baik", "mark as done well", true),
    b(Code(K::Enter), "Enter", A::Enter, "simpan", "save", true),
];
#[rustfmt::skip]
const T_SUMMARY: &[Binding] = &[
    b(Code(K::Enter), "Enter", A::Enter, "selesai", "done", true),
    SCROLL_UP,
    SCROLL_DOWN,
    PGUP,
    PGDN,
    BACK,
];
#[rustfmt::skip]
const T_QUIZTRUEFALSE: &[Binding] = &[
    b(Either(K::Char('b'), K::Char('t')), "b/t", A::True, "benar", "true", true),
    b(Either(K::Char('s'), K::Char('f')), "s/f", A::False, "salah", "false", true),
    UP,
    DOWN,
    b(Code(K::Enter), "Enter", A::Enter, "jawab", "answer", true),
    b(Code(K::Char('-')), "-", A::Skip, "lewati", "skip", true),
    BACK,
    b(Code(K::Char('r')), "r", A::ReadAloud, "bacakan", "read aloud", true),
];
#[rustfmt::skip]
const T_QUIZSINGLE: &[Binding] = &[
    b(Options, "a–f", A::Pick(0), "pilih jawaban", "pick an answer", true),
    UP,
    DOWN,
    b(Code(K::Enter), "Enter", A::Enter, "jawab", "answer", true),
    b(Code(K::Char('-')), "-", A::Skip, "lewati", "skip", true),
    BACK,
    b(Code(K::Char('r')), "r", A::ReadAloud, "bacakan", "read aloud", true),
];
#[rustfmt::skip]
const T_QUIZMULTIPLE: &[Binding] = &[
    b(Options, "a–f", A::Pick(0), "centang/hapus centang", "tick/untick", true),
    b(Code(K::Char(' ')), "Spasi", A::Space, "centang yang disorot", "tick the highlighted one", false),
    UP,
    DOWN,
    b(Code(K::Enter), "Enter", A::Enter, "jawab", "answer", true),
    b(Code(K::Char('-')), "-", A::Skip, "lewati", "skip", true),
    BACK,
    b(Code(K::Char('r')), "r", A::ReadAloud, "bacakan", "read aloud", true),
];
#[rustfmt::skip]
const T_QUIZORDER: &[Binding] = &[
    UP,
    DOWN,
    b(Code(K::Char(' ')), "Spasi", A::Space, "ambil untuk dipindah", "pick up to move", true),
    b(Code(K::Enter), "Enter", A::Enter, "jawab urutan ini", "answer this order", true),
    b(Code(K::Char('-')), "-", A::Skip, "lewati", "skip", true),
    BACK,
    b(Code(K::Char('r')), "r", A::ReadAloud, "bacakan", "read aloud", true),
];
#[rustfmt::skip]
const T_QUIZORDERHOLDING: &[Binding] = &[
    b(Either(K::Up, K::Char('k')), "↑↓", A::Up, "pindahkan ke atas/bawah", "move it up/down", true),
    b(Either(K::Down, K::Char('j')), "↓/j", A::Down, "pindahkan ke bawah", "move it down", false),
    b(Either(K::Char(' '), K::Enter), "Spasi", A::Space, "letakkan", "put down", true),
    BACK,
];
#[rustfmt::skip]
const T_QUIZFEEDBACK: &[Binding] = &[b(Code(K::Enter), "Enter", A::Enter, "lanjut", "continue", true)];
#[rustfmt::skip]
const T_CONFIRM: &[Binding] = &[
    b(Either(K::Char('y'), K::Char('Y')), "y", A::Yes, "ya", "yes", true),
    b(Either(K::Char('n'), K::Char('N')), "n/Esc", A::No, "tidak", "no", true),
    b(Code(K::Esc), "Esc", A::No, "tidak", "no", false),
];
#[rustfmt::skip]
const T_HELP: &[Binding] = &[
    b(Code(K::Esc), "Esc", A::Back, "tutup bantuan", "close help", true),
    b(Code(K::Char('?')), "?", A::Back, "tutup bantuan", "close help", false),
    b(Code(K::Enter), "Enter", A::Back, "tutup bantuan", "close help", false),
];

#[rustfmt::skip]
const PIN_ENTER: Binding = b(Code(K::Enter), "Enter", A::Enter, "lanjut", "continue", true);
#[rustfmt::skip]
const PIN_CANCEL: Binding = b(Code(K::Esc), "Esc", A::Back, "batal", "cancel", true);
#[rustfmt::skip]
const PIN_DELETE: Binding = b(Code(K::Backspace), "⌫", A::Backspace, "hapus angka", "delete a digit", true);
/// Shown where letters are typed: Ctrl+C still quits there (handled before the table).
#[rustfmt::skip]
const CTRL_C: Binding = b(Code(K::Null), "Ctrl+C", A::Quit, "keluar", "quit", true);
#[rustfmt::skip]
const PIN_DIGITS: Binding = b(Printable, "0–9", A::Char(' '), "ketik angka", "type the digits", false);
#[rustfmt::skip]
const T_PIN: &[Binding] = &[
    PIN_ENTER,
    PIN_CANCEL,
    PIN_DELETE,
    b(Code(K::Tab), "Tab", A::Tab, "lupa PIN? kode pemulihan", "forgot the PIN? recovery code", true),
    PIN_DIGITS,
];
#[rustfmt::skip]
const T_PROJECTOREND: &[Binding] = &[
    b(Code(K::Enter), "Enter", A::Enter, "ketik lembar jawaban", "type in the answer sheets", true),
    b(Either(K::Left, K::Char('p')), "←", A::Prev, "soal terakhir", "the last item", true),
    BACK,
];
#[rustfmt::skip]
const T_HOTSEATDONE: &[Binding] = &[
    b(Code(K::Esc), "Esc", A::Back, "keluar (perlu PIN)", "leave (needs the PIN)", true),
];
#[rustfmt::skip]
const T_PINSET: &[Binding] = &[PIN_ENTER, PIN_CANCEL, PIN_DELETE, CTRL_C, PIN_DIGITS];
#[rustfmt::skip]
const T_RECOVERYSHOWN: &[Binding] = &[
    b(Code(K::Enter), "Enter", A::Enter, "sudah saya catat", "I have written it down", true),
];
#[rustfmt::skip]
const T_RECOVERYINPUT: &[Binding] = &[
    PIN_ENTER,
    PIN_CANCEL,
    b(Code(K::Backspace), "⌫", A::Backspace, "hapus huruf", "delete a letter", true),
    b(Printable, "A–Z 0–9", A::Char(' '), "ketik kode pemulihan", "type the recovery code", false),
];
#[rustfmt::skip]
const T_FORM: &[Binding] = &[
    b(Either(K::Tab, K::Down), "Tab/↓", A::Down, "kolom berikut", "next field", true),
    b(Code(K::Up), "↑", A::Up, "kolom sebelumnya", "previous field", false),
    b(Code(K::Left), "←", A::Left, "pilihan sebelumnya", "previous choice", false),
    b(Code(K::Right), "→", A::Right, "pilihan berikut", "next choice", false),
    b(Code(K::Enter), "Enter", A::Enter, "simpan", "save", true),
    b(Code(K::Esc), "Esc", A::Back, "batal", "cancel", true),
    b(Code(K::Backspace), "⌫", A::Backspace, "hapus huruf", "delete a letter", false),
    b(Printable, "a–z", A::Char(' '), "ketik", "type", false),
];
#[rustfmt::skip]
const T_CLASSVIEW: &[Binding] = &[
    b(Either(K::Up, K::Char('k')), "↑↓", A::Up, "pilih peserta", "choose a participant", false),
    DOWN,
    b(Code(K::Enter), "Enter", A::Enter, "kemajuan", "progress", true),
    b(Code(K::Char('o')), "o", A::Observe, "amati", "observe", true),
    b(Code(K::Char('v')), "v", A::Visit, "kunjungan", "visit", true),
    b(Code(K::Char('t')), "t", A::GroupTest, "tes kelompok", "group test", true),
    b(Code(K::Char('p')), "p", A::TypeSheets, "lembar kertas", "paper sheets", true),
    b(Code(K::Char('s')), "s", A::Stats, "hasil", "results", true),
    b(Code(K::Char('a')), "a", A::Add, "tambah peserta", "add participant", true),
    b(Code(K::Char('r')), "r", A::Rename, "ganti nama", "rename", true),
    b(Code(K::Char('x')), "x", A::Remove, "keluarkan dari kelas", "take off the roster", true),
    b(Code(K::Char('b')), "b", A::Review, "pembahasan tes (setelah tes akhir)", "answers and explanations (after the post-test)", false),
    b(Code(K::Char('c')), "c", A::ClearCode, "hapus kode pribadi yang lupa", "clear a forgotten personal code", false),
    b(Code(K::Char('e')), "e", A::Edit, "ubah data kelas", "edit class details", true),
    b(Code(K::Char('d')), "d", A::Project, "tayangkan di proyektor", "show on a projector", true),
    b(Code(K::Char('h')), "h", A::Phones, "tes di HP peserta", "test on phones", true),
    BACK,
];
#[rustfmt::skip]
const T_PHONES: &[Binding] = &[
    b(Either(K::Up, K::Char('k')), "↑↓", A::Up, "pilih", "choose", true),
    DOWN,
    b(Code(K::Char('r')), "r", A::Release, "lepas HP", "release", true),
    b(Code(K::Char('n')), "n", A::NewNames, "nama baru", "new names", true),
    b(Code(K::Enter), "Enter", A::Enter, "akhiri tes", "end the test", true),
    b(Code(K::Esc), "Esc", A::Back, "akhiri tes", "end the test", false),
];
#[rustfmt::skip]
const T_PROJECTOR: &[Binding] = &[
    b(Either(K::Right, K::Char('n')), "→", A::Next, "soal berikut", "next item", true),
    b(Either(K::Left, K::Char('p')), "←", A::Prev, "soal sebelumnya", "previous item", true),
    b(Code(K::Char(' ')), "Spasi", A::Space, "soal berikut", "next item", false),
    b(Code(K::Char('r')), "r", A::ReadAloud, "bacakan", "read aloud", true),
    b(Code(K::Char('a')), "a", A::AutoRead, "bacakan otomatis", "auto read", true),
    b(Code(K::Enter), "Enter", A::Enter, "ke lembar jawaban (di akhir)", "to the answer sheets (at the end)", false),
    BACK,
];
#[rustfmt::skip]
const T_OBSERVE: &[Binding] = &[
    UP,
    DOWN,
    b(Code(K::Char('2')), "2/1/0/-", A::Mark(2), "nilai", "mark", true),
    b(Code(K::Char('1')), "1", A::Mark(1), "nilai 1: perlu latihan", "mark 1: needs practice", false),
    b(Code(K::Char('0')), "0", A::Mark(0), "nilai 0: tidak dilakukan", "mark 0: not done", false),
    b(Code(K::Char('-')), "-", A::Mark(3), "tidak diamati", "not observed", false),
    b(Code(K::Char(' ')), "Spasi", A::Space, "waktu", "step timer", true),
    b(Code(K::Char('n')), "n", A::Note, "catatan", "note", true),
    b(Code(K::Enter), "Enter", A::Enter, "selesai", "finish", true),
    b(Code(K::Esc), "Esc", A::Back, "keluar", "leave", true),
];
#[rustfmt::skip]
const T_HOTSEAT: &[Binding] = &[
    b(Code(K::Enter), "Enter", A::Enter, "mulai giliran", "start the turn", true),
    UP,
    DOWN,
    b(Code(K::Char('x')), "x", A::Remove, "lewati (pelatih)", "skip (trainer)", true),
    b(Code(K::Char('a')), "a", A::AutoRead, "bacakan soal otomatis nyala/mati", "read questions aloud on/off", false),
    b(Code(K::Esc), "Esc", A::Back, "keluar (perlu PIN)", "leave (needs the PIN)", true),
];
#[rustfmt::skip]
const T_HANDBACK: &[Binding] = &[b(Code(K::Enter), "Enter", A::Enter, "peserta berikut", "next participant", true)];
#[rustfmt::skip]
const T_REPORTVIEW: &[Binding] = &[
    b(Either(K::Right, K::Tab), "→/Tab", A::Right, "tampilan berikut", "next view", true),
    b(Code(K::Left), "←", A::Left, "tampilan sebelumnya", "previous view", true),
    SCROLL_UP,
    SCROLL_DOWN,
    PGUP,
    PGDN,
    BACK,
];
#[rustfmt::skip]
const T_GRID: &[Binding] = &[
    b(Code(K::Up), "↑↓←→", A::Up, "pindah sel", "move between cells", true),
    b(Code(K::Down), "↓", A::Down, "sel di bawah", "cell below", false),
    b(Code(K::Left), "←", A::Left, "sel kiri", "cell to the left", false),
    b(Either(K::Right, K::Tab), "→/Tab", A::Right, "sel kanan", "cell to the right", false),
    b(Printable, "b s a–f 1–6 -", A::Char(' '), "ketik jawaban", "type the answer", true),
    b(Code(K::Backspace), "⌫", A::Backspace, "kosongkan sel", "clear the cell", false),
    b(Code(K::Enter), "Enter", A::Enter, "simpan semua", "save all", true),
    b(Code(K::Esc), "Esc", A::Back, "kembali (draf tersimpan)", "back (drafts kept)", true),
];

pub fn table(ctx: Context) -> &'static [Binding] {
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
    }
}

/// Where the global keys apply: everywhere except while typing and in a yes/no question.
/// Help, language and quit keys are letters: not where letters or digits are typed.
fn has_globals(ctx: Context) -> bool {
    let typing = table(ctx).iter().any(|b| matches!(b.keys, Keys::Printable));
    !typing && !matches!(ctx, Context::Confirm | Context::Help)
}

pub fn bindings(ctx: Context) -> Vec<Binding> {
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

fn code_matches(want: KeyCode, got: KeyCode) -> bool {
    want == got
}

/// The action a key press means in this context, if any.
pub fn action(ctx: Context, key: &KeyEvent) -> Option<Action> {
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
            Keys::Code(c) => code_matches(c, key.code),
            Keys::Either(c1, c2) => code_matches(c1, key.code) || code_matches(c2, key.code),
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
pub fn footer(ctx: Context, lang: &Lang) -> Vec<(&'static str, &'static str)> {
    bindings(ctx)
        .into_iter()
        .filter(|b| b.footer)
        .map(|b| pick(b, lang))
        .collect()
}

fn pick(b: Binding, lang: &Lang) -> (&'static str, &'static str) {
    if lang.is_en() {
        (b.label.1, b.help.1)
    } else {
        (b.label.0, b.help.0)
    }
}

/// Every binding of the context, for the help.
pub fn help(ctx: Context, lang: &Lang) -> Vec<(&'static str, &'static str)> {
    bindings(ctx).into_iter().map(|b| pick(b, lang)).collect()
}

#[cfg(test)]
mod tests {
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
}
