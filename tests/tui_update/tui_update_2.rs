//! Tests of `tui_update.rs`, part 2.

use super::*;

/// A window made too small in the practice (30×10): the practice pauses instead of going on
/// unseen, no invisible help takes keys, and q quits. Big enough again, it says it paused.
#[test]
fn a_too_small_window_pauses_the_practice_and_only_q_acts() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = logged_in(dir.path(), "Rina", Some(Lang::en()));
    app.voice = false;
    let t0 = app.now;
    keys(&mut app, &[Down, Down, Enter, Enter, Char('n'), Char('n')]);
    let current = |app: &App| match app.top() {
        Screen::Practice(p) => p.engine.as_ref().unwrap().current(),
        _ => panic!("the practice"),
    };
    let step = current(&app);
    key(&mut app, Char('?'));
    assert!(app.overlay.is_some());
    app.update(Msg::Resize(30, 10));
    assert!(
        app.overlay.is_none(),
        "the help closes: nothing unseen is open"
    );
    // Ten minutes pass while the window is small: the step is where it was.
    app.update(Msg::Tick(t0 + Duration::from_secs(600)));
    assert_eq!(current(&app), step, "the practice did not go on unseen");
    // Keys other than q do nothing unseen: Space would resume, n would skip a step.
    keys(&mut app, &[Char(' '), Char('n'), Char('?')]);
    assert!(app.overlay.is_none());
    assert_eq!(current(&app), step);
    let small = common::app::render(&app, 30, 10);
    assert!(small.contains("q: quit"), "{small}");
    // Big enough again: still paused, and it says why.
    app.update(Msg::Resize(80, 24));
    let screen = common::app::render(&app, 80, 24);
    assert!(
        screen.contains("Practice paused: the window was too small. Space: go on."),
        "{screen}"
    );
    app.update(Msg::Tick(t0 + Duration::from_secs(1200)));
    assert_eq!(current(&app), step);
    key(&mut app, Char(' '));
    // Small again: q quits at once (no question that could not be seen).
    app.update(Msg::Resize(30, 10));
    key(&mut app, Char('q'));
    assert!(app.quit);
}

/// The reflex figure beside the text is taller than an 80×24 window: its last labels are not
/// lost, the figure says where they are, and the end of the page's text lists every label (the
/// baby, (5), too).
#[test]
fn a_figure_taller_than_the_window_keeps_every_label_in_the_text() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = logged_in(dir.path(), "Budi", Some(Lang::en()));
    app.update(Msg::Resize(80, 24));
    keys(&mut app, &[Down, Enter, Enter]);
    assert!(matches!(app.top(), Screen::Lesson(_)));
    let top = common::app::render(&app, 80, 24);
    assert!(top.contains("↓ all labels: end of the text"), "{top}");
    for _ in 0..80 {
        key(&mut app, Down);
    }
    let end = common::app::render(&app, 80, 24);
    assert!(
        end.contains("The figure's labels:") && end.contains("(5)"),
        "{end}"
    );
}

/// At 40×12 every row of the learning path is seen or marked: ↑ from the first row lands on
/// the last one (Switch trainee) and the screen shows it selected; a long name in the header
/// ends in … and leaves the language mark whole.
#[test]
fn at_40x12_the_row_the_cursor_is_on_is_always_seen() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = logged_in(dir.path(), "Slamet Riyadi Wibowo Kusumo", Some(Lang::en()));
    app.update(Msg::Resize(40, 12));
    key(&mut app, KeyCode::Up);
    let screen = common::app::render(&app, 40, 12);
    assert!(screen.contains("▸   Switch trainee"), "{screen}");
    let header = screen.lines().next().unwrap();
    assert!(header.ends_with("[EN]") && header.contains('…'), "{header}");
    assert!(!header.contains("(father[EN]"), "{header}");
}

/// The last page of a module says what comes next.
#[test]
fn the_last_page_of_a_module_says_what_comes_next() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = logged_in(dir.path(), "Budi", Some(Lang::en()));
    keys(&mut app, &[Down, Enter, Enter]);
    for _ in 0..10 {
        key(&mut app, KeyCode::Right);
    }
    for _ in 0..80 {
        key(&mut app, Down);
    }
    let screen = common::app::render(&app, 80, 24);
    assert!(
        screen.contains("This is the module's last page. Esc:")
            && screen.contains("back to the list of modules"),
        "{screen}"
    );
}

/// One number formatter per language: the results screen's pre→post line writes percentages
/// with the reader's decimal mark, as its score line does (an 18-item test gives 44,4%).
#[test]
fn the_results_screen_writes_every_percentage_with_the_readers_decimal_mark() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = logged_in(dir.path(), "Eko", None);
    let n = common::app::prepost_len();
    key(&mut app, Enter);
    common::app::answer_n(&mut app, n, 't');
    key(&mut app, Enter);
    let to_post = match app.top() {
        Screen::Home(h) => 3usize.saturating_sub(h.selected),
        _ => panic!("the learning path"),
    };
    for _ in 0..to_post {
        key(&mut app, Down);
    }
    key(&mut app, Enter);
    common::app::answer_n(&mut app, n, 'f');
    assert!(matches!(app.top(), Screen::Results(_)));
    let screen = common::app::render(&app, 80, 24);
    let change = screen
        .lines()
        .find(|l| l.contains('→'))
        .unwrap_or_else(|| panic!("{screen}"));
    assert!(change.contains(','), "{change}");
    assert!(
        !change.chars().any(|c| c == '.'),
        "no decimal point in Indonesian: {change}"
    );
}
