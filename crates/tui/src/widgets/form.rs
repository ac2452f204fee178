//! A small form: text fields and choices, moved through with Tab or arrows.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use crate::keys::Action;
use crate::view::View;

pub enum Kind {
    Text,
    /// The choices, (id, en).
    Choice(&'static [(&'static str, &'static str)]),
    /// Choices that read the same in both languages: people's names.
    Names(Vec<String>),
}

impl Kind {
    /// How many choices, for a choice.
    fn count(&self) -> Option<usize> {
        match self {
            Kind::Text => None,
            Kind::Choice(c) => Some(c.len()),
            Kind::Names(n) => Some(n.len()),
        }
    }
}

pub struct Field {
    pub label: (&'static str, &'static str),
    pub value: String,
    pub choice: usize,
    /// A choice nobody has made yet shows none as chosen (an answer nobody gave is not saved).
    pub chosen: bool,
    pub kind: Kind,
}

impl Field {
    pub fn text(label: (&'static str, &'static str), value: &str) -> Self {
        Field {
            label,
            value: value.to_string(),
            choice: 0,
            chosen: true,
            kind: Kind::Text,
        }
    }

    pub fn choice(
        label: (&'static str, &'static str),
        choices: &'static [(&'static str, &'static str)],
        choice: usize,
    ) -> Self {
        Field {
            label,
            value: String::new(),
            choice,
            chosen: true,
            kind: Kind::Choice(choices),
        }
    }

    /// A choice among names, `choice` chosen.
    pub fn names(label: (&'static str, &'static str), names: Vec<String>, choice: usize) -> Self {
        Field {
            label,
            value: String::new(),
            choice,
            chosen: true,
            kind: Kind::Names(names),
        }
    }

    /// A choice with nothing chosen until the person chooses.
    pub fn unchosen(
        label: (&'static str, &'static str),
        choices: &'static [(&'static str, &'static str)],
    ) -> Self {
        Field {
            chosen: false,
            ..Self::choice(label, choices, 0)
        }
    }
}

pub struct Form {
    pub title: (&'static str, &'static str),
    pub fields: Vec<Field>,
    pub focus: usize,
    pub error: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    Editing,
    Submit,
    Cancel,
}

impl Outcome {
    /// Where the screen goes: nowhere while editing, back on Esc, `submit` on Enter.
    pub fn then<'c>(self, submit: impl FnOnce() -> crate::app::Nav<'c>) -> crate::app::Nav<'c> {
        use crate::app::Nav;
        match self {
            Outcome::Editing => Nav::Stay,
            Outcome::Cancel => Nav::Pop,
            Outcome::Submit => submit(),
        }
    }
}

impl Form {
    /// Draws the form inside a panel titled `title`.
    pub fn render_in(&self, title: &str, area: Rect, buf: &mut Buffer, view: &View) {
        let block = crate::view::panel(title, view.theme);
        let inner = block.inner(area);
        block.render(area, buf);
        self.render(inner, buf, view);
    }

    pub fn new(title: (&'static str, &'static str), fields: Vec<Field>) -> Self {
        Form {
            title,
            fields,
            focus: 0,
            error: None,
        }
    }

    /// The text typed in field `i` (empty for a choice, or when there is no such field).
    pub fn value(&self, i: usize) -> &str {
        self.fields.get(i).map_or("", |f| f.value.as_str())
    }

    /// The choice made in field `i`; `None` while nobody has chosen (or there is no such field).
    pub fn choice(&self, i: usize) -> Option<usize> {
        self.fields.get(i).filter(|f| f.chosen).map(|f| f.choice)
    }

    pub fn handle(&mut self, action: Action) -> Outcome {
        match action {
            Action::Enter => return Outcome::Submit,
            Action::Back => return Outcome::Cancel,
            _ => {}
        }
        let n = self.fields.len();
        let Some(f) = self.fields.get_mut(self.focus) else {
            return Outcome::Editing;
        };
        match (action, f.kind.count()) {
            (Action::Down, _) => self.focus = (self.focus + 1) % n,
            (Action::Up, _) => self.focus = (self.focus + n - 1) % n,
            (Action::Char(c), None) if f.value.chars().count() < 80 => {
                f.value.push(c);
            }
            (Action::Backspace, None) => {
                f.value.pop();
            }
            (_, Some(0)) => {}
            (Action::Right | Action::Char(' '), Some(_)) if !f.chosen => {
                f.chosen = true;
                f.choice = 0;
            }
            (Action::Left, Some(k)) if !f.chosen => {
                f.chosen = true;
                f.choice = k - 1;
            }
            (Action::Right | Action::Char(' '), Some(k)) => f.choice = (f.choice + 1) % k,
            (Action::Left, Some(k)) => f.choice = (f.choice + k - 1) % k,
            _ => {}
        }
        self.error = None;
        Outcome::Editing
    }

    pub fn render(&self, area: Rect, buf: &mut Buffer, view: &View) {
        let th = view.theme;
        let pick = |p| pijat_core::strings::pick(p, view.lang);
        let mut lines = vec![
            Line::from(Span::styled(pick(self.title), th.title)),
            Line::default(),
        ];
        for (i, f) in self.fields.iter().enumerate() {
            let focused = i == self.focus;
            let lead = if focused { "▸ " } else { "  " };
            let mut spans = vec![
                Span::raw(lead),
                Span::styled(label_lead(pick(f.label)), th.title),
            ];
            match &f.kind {
                Kind::Text => {
                    spans.push(Span::raw(f.value.clone()));
                    if focused {
                        spans.push(Span::styled("▏", th.key));
                    }
                }
                Kind::Choice(_) | Kind::Names(_) => {
                    let labels: Vec<&str> = match &f.kind {
                        Kind::Choice(c) => c.iter().map(|c| pick(*c)).collect(),
                        Kind::Names(n) => n.iter().map(String::as_str).collect(),
                        Kind::Text => Vec::new(),
                    };
                    for (k, label) in labels.into_iter().enumerate() {
                        let style = if f.chosen && k == f.choice {
                            th.selected
                        } else {
                            th.dim
                        };
                        spans.push(Span::styled(format!(" {label} "), style));
                    }
                    if focused {
                        spans.push(Span::styled("  ←→", th.key));
                    }
                }
            }
            lines.push(Line::from(spans));
        }
        // The error stays in sight under the fields, however far the form has scrolled.
        let w = usize::from(area.width.max(1));
        // Rows a line takes once wrapped at word boundaries, as the paragraph wraps it.
        let rows = |l: &Line, w: usize| {
            let text: String = l.spans.iter().map(|s| s.content.as_ref()).collect();
            textwrap::wrap(&text, textwrap::Options::new(w).break_words(true))
                .len()
                .max(1)
        };
        let mut area = area;
        if let Some(e) = &self.error {
            let error = Line::from(Span::styled(format!("✗ {e}"), th.wrong));
            let height = (rows(&error, w) + 1).min(usize::from(area.height) / 2) as u16;
            let [body, bottom] = ratatui::layout::Layout::vertical([
                ratatui::layout::Constraint::Min(1),
                ratatui::layout::Constraint::Length(height),
            ])
            .areas(area);
            let [_, text] = ratatui::layout::Layout::vertical([
                ratatui::layout::Constraint::Length(1),
                ratatui::layout::Constraint::Min(1),
            ])
            .areas(bottom);
            Paragraph::new(error)
                .wrap(Wrap { trim: false })
                .render(text, buf);
            area = body;
        }
        // In a small window, scroll so the field being typed in can be seen, and say with ↑ and
        // ↓ in the right edge that there is more above or below.
        let height = usize::from(area.height);
        let over = |w: usize| lines.iter().map(|l| rows(l, w)).sum::<usize>() > height;
        // A form taller than the window keeps its last column for the marks.
        let marks = over(w) && area.width > 1;
        if marks {
            area.width -= 1;
        }
        let w = usize::from(area.width);
        let focus_line = 2 + self.focus;
        let upto: usize = lines.iter().take(focus_line + 1).map(|l| rows(l, w)).sum();
        let all: usize = lines.iter().map(|l| rows(l, w)).sum();
        let skip = upto.saturating_sub(height);
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .scroll((skip as u16, 0))
            .render(area, buf);
        let edge = area.right();
        if marks && skip > 0 {
            buf.set_string(edge, area.top(), "↑", th.key);
        }
        if marks && all > skip + height && area.height > 1 {
            buf.set_string(edge, area.bottom().saturating_sub(1), "↓", th.key);
        }
    }
}

/// A field's label before its value: a colon after a name, none after a question.
fn label_lead(label: &str) -> String {
    if label.ends_with('?') {
        format!("{label} ")
    } else {
        format!("{label}: ")
    }
}
