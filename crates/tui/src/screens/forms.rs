//! The cadres' phone forms, for the trainer: the QR code ODK Collect's "Configure with QR code"
//! reads (server, user, password, Collect's language), the same written out for a phone set up
//! by hand, the forms served, and what has arrived from the phones. Enter or Esc stops the
//! server; so does leaving pijat.

use std::sync::Arc;
use std::time::{Duration, Instant};

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use crate::app::{Cx, Nav};
use crate::keys::{Action, Context};
use crate::view::View;
use crate::widgets::qr::Qr;
use pijat_app::classroom::{Listen, Running};
use pijat_app::forms::{Arrival, FormDesk, Outcome, USER};
use pijat_core::strings::odk::tr as s_of;

/// How often the arrivals are read again.
const REFRESH: Duration = Duration::from_millis(500);

pub struct FormsScreen {
    desk: Arc<FormDesk>,
    server: Option<Box<dyn Running>>,
    urls: Vec<String>,
    qr: Qr,
    warning: Option<pijat_core::Bilingual>,
    arrivals: Vec<Arrival>,
    next: Instant,
}

impl FormsScreen {
    /// Builds the class's forms and starts serving them; the words of what went wrong otherwise.
    pub fn start(class: &str, cx: &Cx) -> Result<Self, String> {
        let lang = cx.lang.code();
        let (serve, dir) = super::phones::serving(cx)?;
        let desk =
            Arc::new(FormDesk::open(cx.content, &dir, class).map_err(|m| m.get(lang).to_string())?);
        let server = serve
            .start_forms(desk.clone(), &Listen::Private)
            .map_err(|m| m.get(lang).to_string())?;
        let urls = server.urls();
        let qr = urls
            .first()
            .and_then(|u| Qr::new(&desk.collect_settings(u)))
            .unwrap_or_default();
        Ok(FormsScreen {
            warning: server.warning(),
            server: Some(server),
            urls,
            qr,
            arrivals: Vec::new(),
            desk,
            next: cx.now + REFRESH,
        })
    }

    pub fn context(&self) -> Context {
        Context::Forms
    }

    pub fn tick(&mut self, now: Instant) {
        if now >= self.next {
            self.arrivals = self.desk.arrivals.since(0);
            self.next = now + REFRESH;
        }
    }

    pub fn next_wake(&self) -> Option<Instant> {
        Some(self.next)
    }

    pub fn handle<'c>(&mut self, action: Action, cx: &mut Cx<'_, 'c>) -> Nav<'c> {
        match action {
            Action::Enter | Action::Back => {
                if let Some(server) = self.server.take() {
                    server.stop();
                }
                let n = self.desk.arrivals.saved();
                *cx.toast = Some(
                    pijat_core::both!(odk, serve_ended, n = n)
                        .get(cx.lang.code())
                        .to_string(),
                );
                Nav::Pop
            }
            _ => Nav::Stay,
        }
    }

    pub fn render(&self, area: Rect, buf: &mut Buffer, view: &View) {
        let s = s_of(view.lang);
        let th = view.theme;
        let lang = view.lang.code();
        // No frame: the code needs every row a 120×30 console has.
        let title = pijat_core::fill!(odk, s, serve_title, class = self.desk.class_name());
        let (fits, right) = self.qr.beside(area, buf);
        let mut lines: Vec<Line> = Vec::new();
        let mut say =
            |text: &str, style| lines.push(Line::from(Span::styled(text.to_string(), style)));
        say(&title, th.title);
        for u in &self.urls {
            say(u.trim_end_matches('/'), th.title);
        }
        say(
            &pijat_core::fill!(
                odk,
                s,
                serve_user,
                user = USER,
                password = self.desk.password()
            ),
            th.highlight,
        );
        if let Some(w) = &self.warning {
            say(w.get(lang), th.warning);
        }
        if fits {
            say(s.serve_steps, th.dim);
        } else {
            let rows = self.qr.height() + 2;
            let cols = self.qr.width() + 31;
            say(
                &pijat_core::fill!(odk, s, qr_too_small, rows = rows, cols = cols),
                th.warning,
            );
        }
        let names: Vec<&str> = self
            .desk
            .forms()
            .iter()
            .map(|f| f.form.title.get(lang))
            .collect();
        say(
            &pijat_core::fill!(odk, s, serve_forms, forms = names.join(" · ")),
            th.dim,
        );
        say(s.arrivals_heading, th.title);
        if self.arrivals.is_empty() {
            say(s.arrivals_none, th.dim);
        }
        for a in self.arrivals.iter().rev() {
            let style = match a.outcome {
                Outcome::Saved => th.accent,
                Outcome::Already => th.dim,
                Outcome::Refused(_) => th.warning,
            };
            say(a.message().get(lang), style);
        }
        Paragraph::new(lines)
            .wrap(Wrap { trim: true })
            .render(right, buf);
    }
}

impl Drop for FormsScreen {
    fn drop(&mut self) {
        if let Some(server) = self.server.take() {
            server.stop();
        }
    }
}
