//! What drawing needs besides a screen's own state, and the frame around every screen.

use std::time::Instant;

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget, Wrap};

use super::app::{App, Confirm, Overlay};
use super::keys::{self, Context};
use super::screens::Screen;
use super::theme::Theme;
use crate::widgets::prose::ellipsize;
use pijat_app::Profile;
use pijat_content::{Content, Lang};
use pijat_core::strings::{Strings, tr};

/// The smallest window pijat draws in; smaller, it asks for a bigger one.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 12;
/// Whether a window of `size` is below the smallest pijat draws in (it shows only a message).
pub fn too_small(size: Rect) -> bool {
    size.width < MIN_WIDTH || size.height < MIN_HEIGHT
}

/// Below this height the footer gives its line to the screen.
pub const FOOTER_MIN_HEIGHT: u16 = 14;

pub struct View<'a> {
    pub lang: &'a Lang,
    pub theme: &'a Theme,
    pub now: Instant,
    pub content: &'a Content,
    pub s: &'static Strings,
}

/// The screen's share of a window: all but the header and (when there is room) the footer.
pub fn body_area(size: Rect) -> Rect {
    let footer = u16::from(size.height >= FOOTER_MIN_HEIGHT);
    Rect::new(
        size.x,
        size.y + 1,
        size.width,
        size.height.saturating_sub(1 + footer),
    )
}

/// Draws the whole app: header, the screen on top, footer, and any overlay.
pub fn draw(app: &App, area: Rect, buf: &mut Buffer) {
    let view = View {
        lang: &app.lang,
        theme: &app.theme,
        now: app.now,
        content: app.content,
        s: tr(&app.lang),
    };
    let parts = Parts {
        top: app.top(),
        profile: app.profile.as_ref(),
        overlay: app.overlay,
        toast: app.toast.as_deref(),
    };
    draw_parts(&parts, &view, area, buf);
}

/// What a frame shows besides the view: the screen on top and what lies around and over it.
pub struct Parts<'a, 'c> {
    pub top: &'a Screen<'c>,
    pub profile: Option<&'a Profile>,
    pub overlay: Option<Overlay>,
    pub toast: Option<&'a str>,
}

pub fn draw_parts(parts: &Parts, view: &View, area: Rect, buf: &mut Buffer) {
    if too_small(area) {
        draw_too_small(area, buf, view);
        return;
    }
    let footer_h = u16::from(area.height >= FOOTER_MIN_HEIGHT);
    let [header, body, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(footer_h),
    ])
    .areas(area);
    draw_header(parts.profile, header, buf, view);
    parts.top.render(body, buf, view);
    let context = match parts.overlay {
        Some(Overlay::Help(_)) => Context::Help,
        Some(Overlay::Confirm(_)) => Context::Confirm,
        None => parts.top.context(),
    };
    if footer_h > 0 {
        draw_footer(context, footer, buf, view);
    }
    if let Some(toast) = parts.toast {
        // Inside the panel's borders, as many lines as its words need (never cut mid-word).
        let room = area.width.saturating_sub(4).max(1);
        let lines = textwrap::wrap(toast, usize::from(room));
        let w = lines
            .iter()
            .map(|l| unicode_width::UnicodeWidthStr::width(l.as_ref()) as u16)
            .max()
            .unwrap_or(0)
            .saturating_add(2)
            .min(area.width.saturating_sub(2));
        let h = (lines.len() as u16).min(body.height.saturating_sub(2).max(1));
        let r = Rect::new(
            area.x + (area.width - w) / 2,
            body.bottom().saturating_sub(1 + h),
            w,
            h,
        );
        Clear.render(r, buf);
        let text: Vec<Line> = lines.iter().map(|l| Line::from(format!(" {l} "))).collect();
        Paragraph::new(text)
            .style(view.theme.selected)
            .render(r, buf);
    }
    match parts.overlay {
        Some(Overlay::Help(ctx)) => draw_help(ctx, body, buf, view),
        Some(Overlay::Confirm(c)) => draw_confirm(c, body, buf, view),
        None => {}
    }
}

fn draw_too_small(area: Rect, buf: &mut Buffer, view: &View) {
    let text = format!(
        "{} {MIN_WIDTH}×{MIN_HEIGHT} ({}×{}). {}",
        view.s.enlarge_window, area.width, area.height, view.s.too_small_quit
    );
    Paragraph::new(text)
        .wrap(Wrap { trim: true })
        .style(view.theme.warning)
        .render(area, buf);
}

fn draw_header(profile: Option<&Profile>, area: Rect, buf: &mut Buffer, view: &View) {
    let lang = format!("[{}]", view.lang.code().to_uppercase());
    // The left part never runs into the language mark: what does not fit ends in `…`.
    let room = usize::from(area.width).saturating_sub(lang.len() + 1);
    let mut spans = vec![Span::styled("pijat", view.theme.title)];
    if let Some(p) = profile {
        let role = format!(" ({})", p.role.label().get(view.lang.code()));
        let fixed = "pijat · ".chars().count();
        let name_room = room.saturating_sub(fixed + role.chars().count());
        spans.push(Span::raw(" · "));
        if name_room >= 4 {
            spans.push(Span::styled(
                ellipsize(&p.name, name_room),
                view.theme.accent,
            ));
            spans.push(Span::styled(role, view.theme.dim));
        } else {
            spans.push(Span::styled(
                ellipsize(&p.name, room.saturating_sub(fixed)),
                view.theme.accent,
            ));
        }
    }
    let left = Rect::new(area.x, area.y, room.min(usize::from(area.width)) as u16, 1);
    Paragraph::new(Line::from(spans)).render(left, buf);
    let w = lang.len() as u16;
    if area.width > w {
        let r = Rect::new(area.right() - w, area.y, w, 1);
        Paragraph::new(lang).style(view.theme.dim).render(r, buf);
    }
}

/// The keys of the screen, as many as fit, from the key table.
pub fn draw_footer(ctx: Context, area: Rect, buf: &mut Buffer, view: &View) {
    let width = area.width as usize;
    let items = keys::footer(ctx, view.lang);
    // When not all fit, `?` (the help with every key) keeps its place at the end; so does the
    // way back (Esc) on screens read page by page (lessons, a practice), where no Enter leads
    // on. Where Enter answers or chooses, the screen's own keys come first.
    let keep_esc = !items.iter().any(|(label, _)| *label == "Enter");
    let shown = footer_fit(&items, width, keep_esc, view.s.more_keys);
    let mut spans = Vec::new();
    for item in shown {
        spans.push(Span::styled(item.0, view.theme.key));
        spans.push(Span::styled(format!(" {}  ", item.1), view.theme.key_hint));
    }
    Paragraph::new(Line::from(spans)).render(area, buf);
}

/// The footer's keys in `width` columns: all of them when they fit; else the table's order (the
/// most needed first) as far as there is room, then the kept ones (Esc when `keep_esc`, and
/// `?` as "more keys").
fn footer_fit<'a>(
    items: &[(&'a str, &'a str)],
    width: usize,
    keep_esc: bool,
    more_keys: &'a str,
) -> Vec<(&'a str, &'a str)> {
    let piece = |(label, help): &(&str, &str)| label.chars().count() + help.chars().count() + 3;
    // The last key's two trailing spaces may fall off the edge.
    let width = width + 2;
    if items.iter().map(piece).sum::<usize>() <= width {
        return items.to_vec();
    }
    let kept = |label: &str| label == "?" || (keep_esc && label == "Esc");
    let tail: Vec<(&str, &str)> = items
        .iter()
        .filter(|(label, _)| kept(label))
        .map(|&(label, help)| {
            if label == "?" {
                (label, more_keys)
            } else {
                (label, help)
            }
        })
        .collect();
    let room = width.saturating_sub(tail.iter().map(piece).sum());
    let mut used = 0;
    let mut out: Vec<(&str, &str)> = items
        .iter()
        .filter(|(label, _)| !kept(label))
        .take_while(|item| {
            used += piece(item);
            used <= room
        })
        .copied()
        .collect();
    out.extend(tail.into_iter().filter(|t| piece(t) <= width));
    out
}

/// A `width` × `height` box in the middle of `area` (smaller when `area` is).
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let w = width.min(area.width);
    let h = height.min(area.height);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

fn draw_help(ctx: Context, area: Rect, buf: &mut Buffer, view: &View) {
    let rows = keys::help(ctx, view.lang);
    let lines: Vec<Line> = rows
        .iter()
        .map(|(k, h)| {
            Line::from(vec![
                Span::styled(format!("{k:>7}  "), view.theme.key),
                Span::raw(*h),
            ])
        })
        .collect();
    let r = centered(area, 52, lines.len() as u16 + 2);
    Clear.render(r, buf);
    Paragraph::new(lines)
        .block(panel(view.s.help_title, view.theme))
        .render(r, buf);
}

fn draw_confirm(c: Confirm, area: Rect, buf: &mut Buffer, view: &View) {
    let s = view.s;
    let (question, note) = match c {
        Confirm::Quit => (s.confirm_quit, s.saved_reassurance),
        Confirm::LeavePractice => (s.confirm_leave_practice, s.saved_reassurance),
        Confirm::LeaveQuiz => (s.confirm_leave_quiz, s.saved_reassurance),
        Confirm::CodesOff => (s.confirm_codes_off, s.codes_off_means),
    };
    // As tall as its wrapped text, so the y / n line is always inside the box.
    let width = 50.min(area.width);
    let inner = usize::from(width.saturating_sub(2)).max(1);
    let rows = |t: &str| textwrap::wrap(t, inner).len() as u16;
    let r = centered(area, width, rows(question) + rows(note) + 3);
    Clear.render(r, buf);
    let keys = Line::from(vec![
        Span::styled("y", view.theme.key),
        Span::raw(format!(" {}   ", s.yes)),
        Span::styled("n", view.theme.key),
        Span::raw(format!(" {}", s.no)),
    ]);
    let block = panel(s.confirm_title, view.theme);
    let text_area = block.inner(r);
    block.render(r, buf);
    // The keys take the last row inside the box; the words wrap above them.
    let [words, keys_row] =
        Layout::vertical([Constraint::Min(0), Constraint::Length(1)]).areas(text_area);
    Paragraph::new(vec![
        Line::from(question),
        Line::from(Span::styled(note, view.theme.dim)),
    ])
    .wrap(Wrap { trim: true })
    .render(words, buf);
    Paragraph::new(keys).render(keys_row, buf);
}

/// A bordered block with a title, in the theme's colours.
pub fn panel<'a>(title: &'a str, theme: &Theme) -> Block<'a> {
    Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border)
        .title(Span::styled(format!(" {title} "), theme.title))
}

/// Draws a titled panel over `area` and returns the area inside it.
/// A title too long for the panel ends in `…` instead of a word cut at the border.
pub fn framed(title: &str, area: Rect, buf: &mut Buffer, theme: &Theme) -> Rect {
    // The border's two corners and the title's space on each side.
    let room = usize::from(area.width).saturating_sub(4);
    let fitted = ellipsize(title, room);
    let block = panel(&fitted, theme);
    let inner = block.inner(area);
    block.render(area, buf);
    inner
}

/// A list row: `▸ text` when selected (the marker works without colour), `  text` otherwise.
pub fn row<'a>(selected: bool, spans: Vec<Span<'a>>, theme: &Theme) -> Line<'a> {
    let mut out = vec![Span::raw(if selected { "▸ " } else { "  " })];
    out.extend(spans);
    let line = Line::from(out);
    if selected {
        line.style(theme.selected)
    } else {
        line.style(Style::default())
    }
}

/// Scroll offset that keeps `selected` of `len` rows visible in `height` rows.
pub fn scroll_for(selected: usize, height: usize) -> usize {
    if height == 0 {
        0
    } else {
        selected.saturating_sub(height - 1)
    }
}

/// Marks on the panel border to the right of a list that does not show every row: `↑` beside
/// its first row when rows are hidden above, `↓` beside its last when rows are hidden below.
pub fn more_marks(list: Rect, skip: usize, total: usize, buf: &mut Buffer, theme: &Theme) {
    let x = list.right();
    if list.height == 0 || x >= buf.area.right() {
        return;
    }
    let shown = usize::from(list.height);
    let mut mark = |y: u16, symbol: &str| {
        if let Some(cell) = buf.cell_mut((x, y)) {
            cell.set_symbol(symbol).set_style(theme.key);
        }
    };
    if skip > 0 {
        mark(list.y, "↑");
    }
    if skip + shown < total {
        mark(list.bottom() - 1, "↓");
    }
}

/// Draws `lines` scrolled down by `scroll` (kept within the text); returns the furthest the
/// text can scroll at this size (more is below while `scroll` is less).
pub fn render_scrolled(lines: Vec<Line>, scroll: usize, area: Rect, buf: &mut Buffer) -> usize {
    let max = lines.len().saturating_sub(area.height as usize);
    let scroll = scroll.min(max);
    let shown = lines.into_iter().skip(scroll).collect::<Vec<_>>();
    Paragraph::new(crate::widgets::prose::fit_lines(shown, area.width)).render(area, buf);
    max
}

/// How far a scrolled text may go, as last drawn: ratatui's stateful widgets keep their offset
/// the same way. Down stops at the end, so Up moves at once.
#[derive(Debug, Default)]
pub struct ScrollLimit(std::cell::Cell<Option<usize>>);

impl ScrollLimit {
    pub fn set(&self, max: usize) {
        self.0.set(Some(max));
    }

    /// `scroll + by`, no further than the text goes (unbounded before the first draw).
    pub fn down(&self, scroll: usize, by: usize) -> usize {
        let next = scroll.saturating_add(by);
        self.0.get().map_or(next, |max| next.min(max))
    }

    /// The scroll after ↑ ↓ PgUp PgDn (a page is `page` lines); `None` for any other action.
    pub fn after(&self, scroll: usize, action: super::keys::Action, page: usize) -> Option<usize> {
        use super::keys::Action;
        match action {
            Action::Down => Some(self.down(scroll, 1)),
            Action::Up => Some(scroll.saturating_sub(1)),
            Action::PageDown => Some(self.down(scroll, page)),
            Action::PageUp => Some(scroll.saturating_sub(page)),
            _ => None,
        }
    }
}
