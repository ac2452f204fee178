//! Driving the app's `update` as a trainee would, without a terminal.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use pijat_content::{Content, load_with};
use pijat_tui::app::{App, Msg};
use pijat_tui::screens::Screen;
use pijat_tui::screens::profiles::Mode;

/// The personal code every test trainee chooses.
pub const CODE: &str = "1234";

/// The shipped content, loaded once per test and kept for the app's lifetime.
pub fn content() -> &'static Content {
    Box::leak(Box::new(load_with(None).content.unwrap()))
}

/// The shipped content with the ten-statement pre/post set of `tests/fixtures/ten_statements`
/// (the first shipped set): for the trainer's screens, whose tests are not about the set.
pub fn content_ten() -> &'static Content {
    let dir = std::path::Path::new(super::cli::TEN);
    Box::leak(Box::new(load_with(Some(dir)).content.unwrap()))
}

/// The app on the data folder `dir`, in `lang`, with fixed quiz seeds.
pub fn open_app(dir: &std::path::Path, lang: Option<pijat_content::Lang>) -> App<'static> {
    open_app_with(dir, lang, content())
}

/// [`open_app`] with other content.
pub fn open_app_with(
    dir: &std::path::Path,
    lang: Option<pijat_content::Lang>,
    content: &'static Content,
) -> App<'static> {
    let store = pijat_app::Records::open(dir).unwrap();
    let theme = pijat_tui::theme::Theme::plain();
    let mut app = App::new(content, store, lang, theme, 1.0, std::time::Instant::now());
    app.seed = Some(5);
    app
}

/// The screen as text, each line without trailing spaces.
pub fn render(app: &App, w: u16, h: u16) -> String {
    let mut t = ratatui::Terminal::new(ratatui::backend::TestBackend::new(w, h)).unwrap();
    t.draw(|f| pijat_tui::view::draw(app, f.area(), f.buffer_mut()))
        .unwrap();
    let buf = t.backend().buffer();
    (0..h)
        .map(|y| {
            (0..w)
                .map(|x| buf[(x, y)].symbol())
                .collect::<String>()
                .trim_end()
                .to_string()
                + "\n"
        })
        .collect()
}

pub fn key(app: &mut App, code: KeyCode) {
    press(app, code);
}

pub fn keys(app: &mut App, codes: &[KeyCode]) {
    for c in codes {
        press(app, *c);
    }
}

pub fn typed(app: &mut App, s: &str) {
    type_text(app, s);
}

pub fn press(app: &mut App, code: KeyCode) {
    app.update(Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)));
}

pub fn type_text(app: &mut App, s: &str) {
    for c in s.chars() {
        press(app, KeyCode::Char(c));
    }
}

/// From the first screen into `name`'s learning path: a new trainee is added (the first role,
/// father) and chooses the code [`CODE`]; one already here types it.
pub fn sign_in(app: &mut App, name: &str) {
    let (welcome, known, rows) = match app.top() {
        Screen::Profiles(p) => (
            matches!(p.mode, Mode::Welcome { .. }),
            p.profiles.iter().position(|x| x.name == name),
            p.profiles.len(),
        ),
        _ => panic!("sign_in starts on the trainees' list"),
    };
    if welcome {
        press(app, KeyCode::Enter);
    } else {
        let to = known.unwrap_or(rows);
        for _ in 0..to {
            press(app, KeyCode::Down);
        }
        press(app, KeyCode::Enter);
        if known.is_some() {
            enter_code(app);
            return;
        }
    }
    type_text(app, name);
    press(app, KeyCode::Enter);
    press(app, KeyCode::Enter);
    enter_code(app);
}

/// Types [`CODE`]: once when the trainee has one, twice when he chooses it now; nothing when
/// codes are off.
fn enter_code(app: &mut App) {
    use pijat_tui::screens::profiles::CodeStep;
    let times = match app.top() {
        Screen::Profiles(p) => match &p.mode {
            Mode::Code {
                step: CodeStep::Check,
                ..
            } => 1,
            Mode::Code { .. } => 2,
            _ => 0,
        },
        _ => 0,
    };
    for _ in 0..times {
        type_text(app, CODE);
        press(app, KeyCode::Enter);
    }
}

/// A fresh laptop in English: the trainer sets the PIN 2468 and is in trainer mode.
pub fn trainer(dir: &std::path::Path) -> App<'static> {
    trainer_with(dir, content())
}

/// [`trainer`] with other content.
pub fn trainer_with(dir: &std::path::Path, content: &'static Content) -> App<'static> {
    let mut a = open_app_with(dir, Some(pijat_content::Lang::en()), content);
    // No trainee yet: the welcome leads a trainer to trainer mode.
    keys(&mut a, &[KeyCode::Down, KeyCode::Enter]);
    for _ in 0..2 {
        typed(&mut a, "2468");
        key(&mut a, KeyCode::Enter);
    }
    // The recovery code is shown once; Enter when it is written down.
    assert!(matches!(a.top(), Screen::Pin(_)));
    key(&mut a, KeyCode::Enter);
    assert!(matches!(a.top(), Screen::Trainer(_)));
    a
}

/// The shipped knowledge test's right answers as a paper-sheet row: B/S per statement in file
/// order.
pub fn key_row() -> String {
    key_row_of(content())
}

/// The key row of `content`'s pre/post set.
pub fn key_row_of(content: &Content) -> String {
    content
        .quiz("knowledge")
        .unwrap()
        .questions
        .iter()
        .map(|q| match q.kind {
            pijat_content::QuestionKind::TrueFalse { answer: true } => 'B',
            pijat_content::QuestionKind::TrueFalse { answer: false } => 'S',
            // A paper test shows options in file order: the key is the option's letter.
            pijat_content::QuestionKind::Single { answer, .. } => (b'a' + answer as u8) as char,
            _ => panic!("the pre/post test has statements and single-choice items"),
        })
        .collect()
}

/// How a test taker answers each question of the pre/post test: statements with `statement`
/// (`'t'` or `'f'`), single-choice items with the option shown first (`'a'`).
pub fn answer_shown(app: &mut App, statement: char) {
    let is_statement = match app.top() {
        Screen::Quiz(q) => matches!(
            q.run.question(&q.shown).kind,
            pijat_content::QuestionKind::TrueFalse { .. }
        ),
        _ => panic!("a question is on screen"),
    };
    let key = if is_statement { statement } else { 'a' };
    keys(app, &[KeyCode::Char(key), KeyCode::Enter]);
}

/// Answers `n` questions in a row as [`answer_shown`] does.
pub fn answer_n(app: &mut App, n: usize, statement: char) {
    for _ in 0..n {
        answer_shown(app, statement);
    }
}

/// How many questions the shipped pre/post test has.
pub fn prepost_len() -> usize {
    content().prepost_quiz().unwrap().questions.len()
}

/// On the visit form, from the notes field: the baby had breast milk yesterday and nothing
/// else (→ picks yes, → → no), and no danger sign in mother or baby.
pub fn answer_the_outcome(a: &mut App) {
    use crossterm::event::KeyCode::{Right, Tab};
    keys(a, &[Tab, Right]);
    for _ in 0..8 {
        keys(a, &[Tab, Right, Right]);
    }
}
