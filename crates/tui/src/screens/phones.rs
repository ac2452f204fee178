//! The test on phones, for the trainer: the QR code and address the fathers open, the class
//! code they type, and a live table of who has joined, how far each is and who is done. `r`
//! frees a participant from his phone, `n` allows names typed on a phone, `a`/`x` accept or
//! refuse the oldest such name, Enter ends (asking first while someone is not done). Leaving this screen, or pijat, stops the server.

use std::sync::Arc;
use std::time::{Duration, Instant};

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use crate::app::{Cx, Nav};
use crate::keys::{Action, Context};
use crate::view::{View, panel, row, scroll_for};
use crate::widgets::qr::Qr;
use pijat_app::classroom::{Classroom, Listen, LiveRow, Running, Serve, Setup};
use pijat_content::{Phase, Quiz};

/// How often the live table is read again.
const REFRESH: Duration = Duration::from_millis(500);

pub struct PhonesScreen {
    room: Arc<Classroom>,
    server: Option<Box<dyn Running>>,
    urls: Vec<String>,
    qr: Qr,
    warning: Option<pijat_core::Bilingual>,
    rows: Vec<LiveRow>,
    /// Names typed on phones, waiting for a yes.
    asked: Vec<String>,
    new_names: bool,
    selected: usize,
    asking: bool,
    message: Option<String>,
    next: Instant,
}

use pijat_core::strings::classroom::tr as s_of;

/// The pre/post sets of the content, in their order.
pub fn prepost_sets(content: &pijat_content::Content) -> Vec<&Quiz> {
    content
        .quizzes
        .iter()
        .filter(|q| q.purpose == pijat_content::Purpose::PrePost)
        .collect()
}

/// The choice of a set, when there is more than one.
pub fn render_sets(sets: &[String], selected: usize, area: Rect, buf: &mut Buffer, view: &View) {
    let th = view.theme;
    let mut lines = vec![
        Line::from(Span::styled(s_of(view.lang).choose_set, th.title)),
        Line::default(),
    ];
    for (i, t) in sets.iter().enumerate() {
        lines.push(row(i == selected, vec![Span::raw(t.clone())], th));
    }
    Paragraph::new(lines).render(area, buf);
}

/// The web server `main` handed down and the data folder, for a screen that serves phones.
pub fn serving(cx: &Cx) -> Result<(&'static dyn Serve, std::path::PathBuf), String> {
    let serve = cx.serve.ok_or_else(|| {
        pijat_core::both!(classroom, server_failed, m = "-")
            .get(cx.lang.code())
            .to_string()
    })?;
    let dir = cx.records.path().parent().map(std::path::Path::to_path_buf);
    Ok((serve, dir.unwrap_or_default()))
}

impl PhonesScreen {
    /// Opens the room and starts serving it; the words of what went wrong otherwise.
    pub fn start(class: &str, quiz: &Quiz, phase: Phase, cx: &Cx) -> Result<Self, String> {
        let lang = cx.lang.code();
        let (serve, dir) = serving(cx)?;
        let setup = Setup {
            data_dir: &dir,
            class,
            phase,
            quiz: Some(&quiz.id),
            new_names: false,
        };
        let room =
            Arc::new(Classroom::open(cx.content, &setup).map_err(|m| m.get(lang).to_string())?);
        let server = serve
            .start(room.clone(), &Listen::Private)
            .map_err(|m| m.get(lang).to_string())?;
        let urls = server.urls();
        let qr = urls.first().and_then(|u| Qr::new(u)).unwrap_or_default();
        let rows = room.live();
        Ok(PhonesScreen {
            warning: server.warning(),
            server: Some(server),
            urls,
            qr,
            rows,
            asked: room.asked(),
            new_names: room.new_names(),
            room,
            selected: 0,
            asking: false,
            message: None,
            next: cx.now + REFRESH,
        })
    }

    pub fn context(&self) -> Context {
        if self.asking {
            Context::Confirm
        } else {
            Context::Phones
        }
    }

    pub fn tick(&mut self, now: Instant) {
        if now >= self.next {
            self.rows = self.room.live();
            self.asked = self.room.asked();
            self.next = now + REFRESH;
        }
    }

    pub fn next_wake(&self) -> Option<Instant> {
        Some(self.next)
    }

    fn end<'c>(&mut self, cx: &mut Cx<'_, 'c>) -> Nav<'c> {
        let finished = self.room.end();
        if let Some(server) = self.server.take() {
            server.stop();
        }
        let n = finished.len().to_string();
        *cx.toast = Some(
            pijat_core::both!(classroom, live_ended, n = n)
                .get(cx.lang.code())
                .to_string(),
        );
        Nav::Pop
    }

    pub fn handle<'c>(&mut self, action: Action, cx: &mut Cx<'_, 'c>) -> Nav<'c> {
        let s = s_of(cx.lang);
        self.message = None;
        if self.asking {
            self.asking = false;
            return if action == Action::Yes {
                self.end(cx)
            } else {
                Nav::Stay
            };
        }
        let n = self.rows.len();
        match action {
            Action::Up if n > 0 => self.selected = (self.selected + n - 1) % n,
            Action::Down if n > 0 => self.selected = (self.selected + 1) % n,
            Action::Release => {
                if let Some(row) = self.rows.get(self.selected) {
                    let name = &row.name;
                    self.message = Some(if self.room.release(self.selected) {
                        pijat_core::fill!(classroom, s, live_released, n = name)
                    } else {
                        pijat_core::fill!(classroom, s, live_not_bound, n = name)
                    });
                    self.rows = self.room.live();
                }
            }
            Action::NewNames => {
                self.new_names = !self.new_names;
                self.room.set_new_names(self.new_names);
            }
            Action::Add | Action::Remove => {
                if let Some(name) = self.room.asked().into_iter().next() {
                    self.message = Some(if action == Action::Add {
                        match self.room.accept(&name) {
                            Ok(()) => pijat_core::fill!(classroom, s, live_accepted, n = name),
                            Err(m) => m.get(cx.lang.code()).to_string(),
                        }
                    } else {
                        self.room.decline(&name);
                        pijat_core::fill!(classroom, s, live_declined, n = name)
                    });
                }
                self.rows = self.room.live();
                self.asked = self.room.asked();
            }
            Action::Enter | Action::Back => {
                self.rows = self.room.live();
                if self.room.not_done() > 0 {
                    self.asking = true;
                } else {
                    return self.end(cx);
                }
            }
            _ => {}
        }
        Nav::Stay
    }

    pub fn render(&self, area: Rect, buf: &mut Buffer, view: &View) {
        let s = s_of(view.lang);
        let th = view.theme;
        let phase = if self.room.phase() == Phase::Post {
            view.s.item_posttest
        } else {
            view.s.item_pretest
        };
        let title = format!("{} · {} · {phase}", s.live_title, self.room.class_name());
        let block = panel(&title, th);
        let inner = block.inner(area);
        block.render(area, buf);
        let (fits, right) = self.qr.beside(inner, buf);
        let width = usize::from(right.width.max(10));
        let mut lines: Vec<Line> = Vec::new();
        // Wrapped here, so the table below starts after the last line of text.
        let mut say = |text: &str, style| {
            for l in textwrap::wrap(text, width) {
                lines.push(Line::from(Span::styled(l.into_owned(), style)));
            }
        };
        if !fits {
            say(s.live_too_small, th.warning);
        }
        say(s.live_scan, th.dim);
        for u in &self.urls {
            say(u, th.title);
        }
        say(
            &format!("{} {}", s.live_code, self.room.code()),
            th.highlight,
        );
        // What the trainer must act on comes before the notes, so a small window shows it.
        if let Some(name) = self.asked.first() {
            say(
                &pijat_core::fill!(classroom, s, live_asked, n = name),
                th.warning,
            );
        }
        if let Some(m) = &self.message {
            say(m, th.accent);
        }
        if let Some(w) = &self.warning {
            say(w.get(view.lang.code()), th.warning);
        }
        say(
            if self.new_names {
                s.live_new_names_on
            } else {
                s.live_new_names_off
            },
            th.dim,
        );
        if self.asking {
            let left = self.room.not_done().to_string();
            say(
                &pijat_core::fill!(classroom, s, live_end_ask, n = left),
                th.warning,
            );
            lines.push(Line::from(vec![
                Span::styled("y", th.key),
                Span::raw(format!(" {}   ", view.s.yes)),
                Span::styled("n", th.key),
                Span::raw(format!(" {}", view.s.no)),
            ]));
        }
        let head = lines.len() as u16;
        let [top, table] =
            Layout::vertical([Constraint::Length(head), Constraint::Min(1)]).areas(right);
        Paragraph::new(lines)
            .wrap(Wrap { trim: true })
            .render(top, buf);
        self.render_table(table, buf, view);
    }

    fn render_table(&self, area: Rect, buf: &mut Buffer, view: &View) {
        let s = s_of(view.lang);
        let th = view.theme;
        let mut lines = vec![Line::from(Span::styled(
            format!(
                "  {:<18} {:>5} {:>8} {:>7}",
                s.live_name, s.live_joined, s.live_answered, s.live_done
            ),
            th.dim,
        ))];
        if self.rows.is_empty() {
            lines.push(Line::from(s.live_none));
        }
        let body = area.height.saturating_sub(1) as usize;
        let skip = scroll_for(self.selected, body);
        for (i, r) in self.rows.iter().enumerate().skip(skip).take(body) {
            let name: String = r.name.chars().take(18).collect();
            let mark = |b: bool| if b { "✓" } else { "·" };
            let text = format!(
                "{name:<18} {:>5} {:>8} {:>7}",
                mark(r.joined),
                format!("{}/{}", r.answered, r.total),
                mark(r.done)
            );
            lines.push(row(i == self.selected, vec![Span::raw(text)], th));
        }
        Paragraph::new(lines).render(area, buf);
    }
}

impl Drop for PhonesScreen {
    fn drop(&mut self) {
        // Quitting pijat from here: the phones are told the test has ended, the server stops.
        if let Some(server) = self.server.take() {
            self.room.end();
            server.stop();
        }
    }
}
