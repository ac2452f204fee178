//! Typing in paper answer sheets: rows are participants, columns the questions in paper order.
//! A statement or a single choice moves on after one key; several letters or an order go in a
//! cell until →/Tab. Each row is kept as a draft as it is typed; Enter checks every row and
//! saves them all or none. The answer key is never shown here.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use crate::app::{Cx, Nav};
use crate::keys::{Action, Context};
use crate::view::{View, framed};
use pijat_app::sheets::{PAPER_SEED, paper_layout, read_answers};
use pijat_app::{ClassRecord, Profile, SheetImport, SheetRow};
use pijat_content::{Phase, QuestionKind, Quiz};
use pijat_core::strings::tr;
use pijat_engine::quiz::{Layout as QuizLayout, parse_token};

mod draw;

pub struct GridRow {
    pub profile: Profile,
    pub cells: Vec<String>,
    /// Already has a result for this test: not typed again here.
    pub locked: bool,
    pub error: Option<String>,
}

pub struct GridScreen<'c> {
    pub class: ClassRecord,
    pub quiz: &'c Quiz,
    pub phase: Phase,
    pub paper: QuizLayout,
    pub rows: Vec<GridRow>,
    pub row: usize,
    pub col: usize,
    pub message: Option<String>,
}

/// How a draft row is kept: cells separated by spaces, `.` for an empty one.
fn encode(cells: &[String]) -> String {
    if cells.iter().all(String::is_empty) {
        return String::new();
    }
    cells
        .iter()
        .map(|c| if c.is_empty() { "." } else { c.as_str() })
        .collect::<Vec<_>>()
        .join(" ")
}

fn decode(s: &str, n: usize) -> Vec<String> {
    let mut cells: Vec<String> = s
        .split(' ')
        .map(|c| {
            if c == "." {
                String::new()
            } else {
                c.to_string()
            }
        })
        .collect();
    cells.resize(n, String::new());
    cells
}

impl<'c> GridScreen<'c> {
    pub fn load(class: ClassRecord, quiz: &'c Quiz, phase: Phase, cx: &Cx) -> Self {
        let paper = paper_layout(quiz);
        let n = paper.shown.len();
        let drafts = cx
            .records
            .drafts(&class.id, &quiz.id, phase)
            .unwrap_or_default();
        let rows: Vec<GridRow> = cx
            .records
            .members(&class.id)
            .unwrap_or_default()
            .into_iter()
            .map(|profile| {
                let locked = cx
                    .records
                    .attempts_at(&profile.id, &quiz.id, phase)
                    .is_ok_and(|a| a.iter().any(|x| x.is_finished()));
                let cells = drafts
                    .get(&profile.id)
                    .map_or_else(|| vec![String::new(); n], |d| decode(d, n));
                GridRow {
                    profile,
                    cells,
                    locked,
                    error: None,
                }
            })
            .collect();
        // The cursor waits at the first cell still to be typed.
        let (row, col) = rows
            .iter()
            .enumerate()
            .filter(|(_, r)| !r.locked)
            .find_map(|(i, r)| r.cells.iter().position(String::is_empty).map(|c| (i, c)))
            .unwrap_or((0, 0));
        GridScreen {
            class,
            quiz,
            phase,
            paper,
            rows,
            row,
            col,
            message: None,
        }
    }

    pub fn context(&self) -> Context {
        Context::Grid
    }

    /// The kind of the question in paper column `col`.
    fn kind(&self, col: usize) -> Option<&'c QuestionKind> {
        let shown = self.paper.shown.get(col)?;
        self.quiz.questions.get(shown.question).map(|q| &q.kind)
    }

    /// The cell under the cursor.
    fn cell_mut(&mut self) -> Option<&mut String> {
        self.rows.get_mut(self.row)?.cells.get_mut(self.col)
    }

    /// Puts `token` in the cell under the cursor, keeps the row's draft and moves on.
    fn enter(&mut self, token: String, cx: &Cx) {
        if let Some(cell) = self.cell_mut() {
            *cell = token;
            self.save_draft(cx);
            self.advance();
        }
    }

    fn advance(&mut self) {
        let n = self.paper.shown.len();
        if self.col + 1 < n {
            self.col += 1;
        } else if self.row + 1 < self.rows.len() {
            self.row += 1;
            self.col = 0;
        }
    }

    fn save_draft(&self, cx: &Cx) {
        let Some(r) = self.rows.get(self.row) else {
            return;
        };
        // A lost draft only means typing a row again from its paper sheet.
        let _ = cx.records.save_draft(
            &self.class.id,
            &self.quiz.id,
            self.phase,
            &r.profile.id,
            &encode(&r.cells),
        );
    }

    pub fn handle(&mut self, action: Action, cx: &mut Cx<'_, 'c>) -> Nav<'c> {
        let s = tr(cx.lang);
        self.message = None;
        let n = self.paper.shown.len();
        let rows = self.rows.len();
        // No row under the cursor (an empty roster): there is only the way back.
        let Some(current) = self.rows.get(self.row) else {
            return if action == Action::Back {
                Nav::Pop
            } else {
                Nav::Stay
            };
        };
        match action {
            Action::Up => self.row = (self.row + rows - 1) % rows,
            Action::Down => self.row = (self.row + 1) % rows,
            Action::Left => self.col = self.col.saturating_sub(1),
            Action::Right => self.col = (self.col + 1).min(n - 1),
            Action::Back => return Nav::Pop,
            Action::Enter => return self.save(cx),
            Action::Backspace if !current.locked => {
                if let Some(cell) = self.cell_mut() {
                    if cell.chars().count() > 1 {
                        cell.pop();
                    } else {
                        cell.clear();
                    }
                    self.save_draft(cx);
                }
            }
            Action::Char(_) if current.locked => {
                self.message = Some(pijat_core::fill!(
                    app,
                    s,
                    row_has_result,
                    n = current.profile.name
                ));
            }
            Action::Char(c) => {
                let c = c.to_ascii_lowercase();
                let (Some(shown), Some(kind)) =
                    (self.paper.shown.get(self.col), self.kind(self.col))
                else {
                    return Nav::Stay;
                };
                match kind {
                    _ if c == '-' => self.enter("-".into(), cx),
                    QuestionKind::TrueFalse { .. } | QuestionKind::Single { .. } => {
                        match parse_token(kind, shown, &c.to_string()) {
                            Ok(_) => {
                                let token = match (kind, c) {
                                    (QuestionKind::TrueFalse { .. }, 'b' | 't' | 'y') => {
                                        "B".to_string()
                                    }
                                    (QuestionKind::TrueFalse { .. }, _) => "S".to_string(),
                                    _ => c.to_string(),
                                };
                                self.enter(token, cx);
                            }
                            Err(e) => {
                                self.message = Some(
                                    e.message(shown.options.len())
                                        .get(cx.lang.code())
                                        .to_string(),
                                )
                            }
                        }
                    }
                    QuestionKind::Multiple { .. } | QuestionKind::Order { .. } => {
                        if c.is_ascii_alphanumeric()
                            && let Some(cell) = self.cell_mut()
                            && cell.chars().count() < 6
                        {
                            cell.push(c);
                            self.save_draft(cx);
                        }
                    }
                }
            }
            _ => {}
        }
        Nav::Stay
    }

    /// Checks every typed row; saves them all, or none and marks what is wrong.
    fn save(&mut self, cx: &mut Cx<'_, 'c>) -> Nav<'c> {
        let s = tr(cx.lang);
        let n = self.paper.shown.len();
        let mut good = Vec::new();
        let mut bad = 0;
        for r in &mut self.rows {
            r.error = None;
            let filled = r.cells.iter().filter(|c| !c.is_empty()).count();
            if r.locked || filled == 0 {
                continue;
            }
            if filled < n {
                r.error = Some(pijat_core::fill!(
                    app,
                    s,
                    row_incomplete,
                    k = filled.to_string(),
                    n = n.to_string()
                ));
                bad += 1;
                continue;
            }
            match read_answers(self.quiz, &self.paper, &r.cells.join(" ")) {
                Ok((answers, right)) => good.push(SheetRow {
                    name: r.profile.name.clone(),
                    role: r.profile.role,
                    answers,
                    right,
                }),
                Err(m) => {
                    r.error = Some(m.get(cx.lang.code()).to_string());
                    bad += 1;
                }
            }
        }
        if bad > 0 {
            self.message = Some(pijat_core::fill!(app, s, rows_to_fix, n = bad.to_string()));
            return Nav::Stay;
        }
        if good.is_empty() {
            self.message = Some(s.nothing_typed.to_string());
            return Nav::Stay;
        }
        let import = SheetImport {
            class_name: &self.class.name,
            quiz_id: &self.quiz.id,
            phase: self.phase,
            question_count: self.quiz.questions.len() as u32,
            content_version: &cx.content.version,
            seed: PAPER_SEED,
            rows: &good,
            replace: false,
            // The grid's rows are the roster: a trainee taken off it meanwhile is refused.
            roster: Default::default(),
        };
        match cx.records.import_sheet(&import) {
            Ok(k) => {
                *cx.toast = Some(pijat_core::fill!(app, s, sheets_saved, n = k.to_string()));
                let reloaded = GridScreen::load(self.class.clone(), self.quiz, self.phase, cx);
                self.rows = reloaded.rows;
            }
            Err(e) => self.message = Some(e.message().get(cx.lang.code()).to_string()),
        }
        Nav::Stay
    }
}
