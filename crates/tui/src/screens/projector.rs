//! Projector mode for a test on paper: one item at a time in text big enough to read from the
//! back of a posyandu hall: the item's number very large, the statement wrapped big, never the
//! answer. Arrows move, `r` reads the item aloud (`a`: automatically at each item); after the
//! last item the answer-sheet grid is offered.

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};
use tui_big_text::{BigText, PixelSize};

use super::Screen;
use super::grid::GridScreen;
use super::quiz::spoken_question;
use crate::app::{Cx, Nav};
use crate::keys::{Action, Context};
use crate::view::{View, framed};
use pijat_app::ClassRecord;
use pijat_app::sheets::paper_layout;
use pijat_content::{Lang, Phase, Question, QuestionKind, Quiz};
use pijat_core::strings::tr;
use pijat_engine::quiz::{Layout as QuizLayout, Shown};

pub struct ProjectorScreen<'c> {
    pub class: ClassRecord,
    pub quiz: &'c Quiz,
    pub phase: Phase,
    /// Items in paper order, as printed.
    pub paper: QuizLayout,
    /// The item shown; one past the last is the closing page.
    pub index: usize,
}

/// The size of one character cell block of a pixel size: (columns, rows) per letter.
fn cell(size: PixelSize) -> (u16, u16) {
    match size {
        PixelSize::Full => (8, 8),
        PixelSize::HalfHeight => (8, 4),
        PixelSize::Quadrant => (4, 4),
        _ => (4, 4),
    }
}

impl<'c> ProjectorScreen<'c> {
    pub fn new(class: ClassRecord, quiz: &'c Quiz, phase: Phase, cx: &mut Cx<'_, 'c>) -> Self {
        let s = ProjectorScreen {
            class,
            quiz,
            phase,
            paper: paper_layout(quiz),
            index: 0,
        };
        s.auto_read(cx);
        s
    }

    pub fn context(&self) -> Context {
        if self.index >= self.count() {
            Context::ProjectorEnd
        } else {
            Context::Projector
        }
    }

    fn count(&self) -> usize {
        self.paper.shown.len()
    }

    /// The item shown, with its question; `None` on the closing page.
    fn item(&self) -> Option<(&Shown, &'c Question)> {
        let shown = self.paper.shown.get(self.index)?;
        Some((shown, self.quiz.questions.get(shown.question)?))
    }

    /// The item as it is read aloud.
    fn spoken(&self, lang: &Lang) -> Option<String> {
        let (shown, q) = self.item()?;
        Some(format!(
            "{} {}. {}",
            tr(lang).question_word,
            self.index + 1,
            spoken_question(q, &shown.options, lang)
        ))
    }

    fn auto_read(&self, cx: &mut Cx) {
        match self.spoken(cx.lang) {
            Some(text) if *cx.auto_read => cx.say_now(text),
            _ => cx.hush(),
        }
    }

    pub fn handle(&mut self, action: Action, cx: &mut Cx<'_, 'c>) -> Nav<'c> {
        let n = self.count();
        match action {
            Action::Next | Action::Right | Action::Space if self.index < n => {
                self.index += 1;
                self.auto_read(cx);
            }
            Action::Prev | Action::Left if self.index > 0 => {
                self.index -= 1;
                self.auto_read(cx);
            }
            Action::ReadAloud => {
                if let Some(text) = self.spoken(cx.lang) {
                    cx.say_now(text);
                }
            }
            Action::AutoRead => {
                let on = cx.toggle_auto_read();
                if on {
                    self.auto_read(cx);
                }
            }
            Action::Enter if self.index >= n => {
                cx.hush();
                return Nav::Replace(Screen::Grid(Box::new(GridScreen::load(
                    self.class.clone(),
                    self.quiz,
                    self.phase,
                    cx,
                ))));
            }
            Action::Back => {
                cx.hush();
                return Nav::Pop;
            }
            _ => {}
        }
        Nav::Stay
    }

    /// The item's words: the statement, then any options (never which one is right).
    fn words(&self, lang: &Lang) -> Vec<String> {
        let Some((shown, q)) = self.item() else {
            return Vec::new();
        };
        let mut out = vec![q.prompt.get(lang).trim().to_string()];
        let options = match &q.kind {
            QuestionKind::Single { options, .. } | QuestionKind::Multiple { options, .. } => {
                Some(options)
            }
            QuestionKind::Order { items } => Some(items),
            QuestionKind::TrueFalse { .. } => None,
        };
        if let Some(options) = options {
            for (place, &file) in shown.options.iter().enumerate() {
                let Some(option) = options.get(file) else {
                    continue;
                };
                let mark = match q.kind {
                    QuestionKind::Order { .. } => format!("{}.", place + 1),
                    _ => format!("{})", (b'a' + place as u8) as char),
                };
                out.push(format!("{mark} {}", option.get(lang)));
            }
        }
        out
    }

    pub fn render(&self, area: Rect, buf: &mut Buffer, view: &View) {
        let th = view.theme;
        let s = view.s;
        let n = self.count();
        let title = format!(
            "{} · {} · {}/{n}",
            s.projector_title,
            self.quiz.title.get(view.lang),
            (self.index + 1).min(n)
        );
        let inner = framed(&title, area, buf, th);
        if self.index >= n {
            let lines = vec![
                Line::default(),
                Line::from(Span::styled(
                    pijat_core::fill!(app, s, projector_end, n = n.to_string()),
                    th.title,
                )),
                Line::default(),
                Line::from(Span::styled(s.projector_to_grid, th.key)),
            ];
            Paragraph::new(lines)
                .alignment(Alignment::Center)
                .wrap(Wrap { trim: true })
                .render(inner, buf);
            return;
        }
        let number = (self.index + 1).to_string();
        let words = self.words(view.lang);
        // The largest letters with which the number and the words fit.
        let fits = |num: PixelSize, text: PixelSize| -> Option<(u16, Vec<String>)> {
            let (nw, nh) = cell(num);
            let (tw, th_) = cell(text);
            if nw * number.len() as u16 > inner.width {
                return None;
            }
            let per_line = (inner.width / tw) as usize;
            if per_line < 8 {
                return None;
            }
            let mut lines = Vec::new();
            for w in &words {
                lines.extend(
                    textwrap::wrap(w, per_line)
                        .into_iter()
                        .map(|l| l.into_owned()),
                );
            }
            let longest = lines.iter().map(|l| l.chars().count()).max().unwrap_or(0);
            (longest <= per_line && nh + 1 + th_ * lines.len() as u16 <= inner.height)
                .then_some((nh, lines))
        };
        let choice = [
            (PixelSize::Full, PixelSize::Full),
            (PixelSize::Full, PixelSize::HalfHeight),
            (PixelSize::HalfHeight, PixelSize::HalfHeight),
            (PixelSize::Full, PixelSize::Quadrant),
            (PixelSize::HalfHeight, PixelSize::Quadrant),
        ]
        .into_iter()
        .find_map(|(num, text)| fits(num, text).map(|(nh, lines)| (num, nh, text, lines)));
        let big = th.title.add_modifier(Modifier::BOLD);
        match choice {
            Some((num, nh, text, lines)) => {
                let [top, _, rest] = Layout::vertical([
                    Constraint::Length(nh),
                    Constraint::Length(1),
                    Constraint::Min(1),
                ])
                .areas(inner);
                BigText::builder()
                    .pixel_size(num)
                    .style(th.accent)
                    .lines(vec![Line::from(number)])
                    .build()
                    .render(top, buf);
                BigText::builder()
                    .pixel_size(text)
                    .style(big)
                    .lines(lines.into_iter().map(Line::from).collect::<Vec<_>>())
                    .build()
                    .render(rest, buf);
            }
            None => {
                // Too long for big letters here: the number big, the words in plain bold text.
                let nh = if inner.height >= 12 { 4 } else { 1 };
                let [top, _, rest] = Layout::vertical([
                    Constraint::Length(nh),
                    Constraint::Length(1),
                    Constraint::Min(1),
                ])
                .areas(inner);
                if nh == 4 {
                    BigText::builder()
                        .pixel_size(PixelSize::HalfHeight)
                        .style(th.accent)
                        .lines(vec![Line::from(number)])
                        .build()
                        .render(top, buf);
                } else {
                    Paragraph::new(number).style(th.accent).render(top, buf);
                }
                let lines: Vec<Line> = words.into_iter().map(|w| Line::styled(w, big)).collect();
                Paragraph::new(lines)
                    .wrap(Wrap { trim: true })
                    .render(rest, buf);
            }
        }
    }
}
