//! One class, for its trainer: the roster with each participant's pre-test and post-test, who
//! still has to take what; adding, renaming and removing participants; starting a group test or
//! typing in paper sheets. Also the class details form.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::Screen;
use super::grid::GridScreen;
use super::hotseat::HotSeatScreen;
use super::member::MemberScreen;
use super::observe::ObserveScreen;
use super::phones::PhonesScreen;
use super::projector::ProjectorScreen;
use super::visit::VisitScreen;
use crate::app::monitoring::monitoring;
use crate::app::progress::prepost_from;
use crate::content::{Phase, Quiz, Routine};
use crate::core::strings::tr;
use crate::engine::quiz::{Score, format_change_in};
use crate::store::{ClassDetails, ClassRow, Profile, Role};
use crate::tui::app::{Cx, Nav};
use crate::tui::keys::{Action, Context};
use crate::tui::view::{View, panel, row, scroll_for};
use crate::tui::widgets::form::{Field, Form, Outcome};

const ROLES: &[(&str, &str)] = &[
    ("ayah", "father"),
    ("kader", "cadre"),
    ("bidan", "midwife"),
    ("lainnya", "other"),
];

pub fn details_form(c: Option<&ClassRow>) -> Form {
    let v = |f: Option<&Option<String>>| f.and_then(|x| x.clone()).unwrap_or_default();
    Form::new(
        ("Data kelas", "Class details"),
        vec![
            Field::text(
                ("Nama kelas", "Class name"),
                c.map_or("", |c| c.name.as_str()),
            ),
            Field::text(("Tempat", "Place"), &v(c.map(|c| &c.place))),
            Field::text(
                ("Mulai (tanggal)", "Starts (date)"),
                &v(c.map(|c| &c.starts)),
            ),
            Field::text(("Selesai (tanggal)", "Ends (date)"), &v(c.map(|c| &c.ends))),
            Field::text(("Pelatih", "Trainer"), &v(c.map(|c| &c.trainer))),
        ],
    )
}

/// Creating a class or editing its details.
pub struct ClassFormScreen {
    pub id: Option<String>,
    pub form: Form,
}

impl ClassFormScreen {
    pub fn context(&self) -> Context {
        Context::Form
    }

    pub fn handle<'c>(&mut self, action: Action, cx: &mut Cx<'_, 'c>) -> Nav<'c> {
        match self.form.handle(action) {
            Outcome::Editing => Nav::Stay,
            Outcome::Cancel => Nav::Pop,
            Outcome::Submit => {
                let opt = |i: usize| Some(self.form.value(i).to_string());
                let d = ClassDetails {
                    name: self.form.value(0).to_string(),
                    place: opt(1),
                    starts: opt(2),
                    ends: opt(3),
                    trainer: opt(4),
                };
                match cx.store.save_class(self.id.as_deref(), &d) {
                    Ok(c) if self.id.is_none() => {
                        Nav::Replace(Screen::Class(Box::new(ClassScreen::load(c, cx))))
                    }
                    Ok(_) => Nav::Pop,
                    Err(e) => {
                        self.form.error = Some(e.message().get(cx.lang.code()).to_string());
                        Nav::Stay
                    }
                }
            }
        }
    }

    pub fn render(&self, area: Rect, buf: &mut Buffer, view: &View) {
        let block = panel(view.s.trainer_mode, view.theme);
        let inner = block.inner(area);
        block.render(area, buf);
        self.form.render(inner, buf, view);
    }
}

/// A participant, their tests and where their monitoring stands.
pub struct Member {
    pub profile: Profile,
    pub pre: Option<Score>,
    pub post: Option<Score>,
    /// The latest observation's verdict; `None` when never observed.
    pub competent: Option<bool>,
    pub needs_visit: bool,
    /// Observed at least once: before that no visit is due, and none is shown as done.
    pub observed: bool,
}

pub enum Mode {
    View,
    /// Adding (no profile) or renaming a participant.
    Participant {
        form: Box<Form>,
        editing: Option<Profile>,
    },
    ConfirmRemove,
    /// The trainer clears the selected participant's forgotten personal code.
    ConfirmClearCode,
    /// Which test, for a group test or for typing sheets.
    ChoosePhase {
        purpose: Purpose,
        selected: usize,
    },
    /// Which routine to observe, when the content has more than one.
    ChooseRoutine {
        selected: usize,
    },
    /// Which pre/post set for the phones, when the content has more than one.
    ChooseSet {
        phase: Phase,
        selected: usize,
    },
}

/// What the chosen test is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    GroupTest,
    Sheets,
    /// Shown on a projector for a test on paper.
    Project,
    /// Answered on the participants' phones.
    Phones,
}

pub struct ClassScreen {
    pub class: ClassRow,
    pub members: Vec<Member>,
    pub selected: usize,
    pub mode: Mode,
    pub message: Option<String>,
}

fn participant_form(p: Option<&Profile>) -> Form {
    let role = p.map_or(0, |p| {
        Role::ALL.iter().position(|r| *r == p.role).unwrap_or(0)
    });
    Form::new(
        if p.is_some() {
            ("Ubah peserta", "Edit participant")
        } else {
            ("Tambah peserta", "Add a participant")
        },
        vec![
            Field::text(("Nama", "Name"), p.map_or("", |p| p.name.as_str())),
            Field::choice(("Peran", "Role"), ROLES, role),
        ],
    )
}

impl ClassScreen {
    pub fn load(class: ClassRow, cx: &Cx) -> Self {
        let mut s = ClassScreen {
            class,
            members: Vec::new(),
            selected: 0,
            mode: Mode::View,
            message: None,
        };
        s.reload(cx);
        s
    }

    fn reload(&mut self, cx: &Cx) {
        let quiz = cx
            .content
            .prepost_quiz()
            .map(|q| q.id.clone())
            .unwrap_or_default();
        self.class = cx
            .store
            .class(&self.class.id)
            .ok()
            .flatten()
            .unwrap_or_else(|| self.class.clone());
        self.members = cx
            .store
            .members(&self.class.id)
            .unwrap_or_default()
            .into_iter()
            .map(|profile| {
                let attempts = cx.store.attempts_of(&profile.id).unwrap_or_default();
                let pp = prepost_from(&attempts, &quiz);
                let m = monitoring(cx.store, cx.content, &profile.id).unwrap_or_default();
                Member {
                    profile,
                    pre: pp.pre,
                    post: pp.post,
                    competent: m.latest().map(|o| o.verdict.competent),
                    needs_visit: m.needs_visit(),
                    observed: m.latest().is_some(),
                }
            })
            .collect();
        self.selected = self.selected.min(self.members.len().saturating_sub(1));
    }

    pub fn refresh(&mut self, cx: &mut Cx) {
        self.reload(cx);
    }

    pub fn context(&self) -> Context {
        match self.mode {
            Mode::View => Context::ClassView,
            Mode::Participant { .. } => Context::Form,
            Mode::ConfirmRemove | Mode::ConfirmClearCode => Context::Confirm,
            Mode::ChoosePhase { .. } | Mode::ChooseRoutine { .. } | Mode::ChooseSet { .. } => {
                Context::List
            }
        }
    }

    pub fn handle<'c>(&mut self, action: Action, cx: &mut Cx<'_, 'c>) -> Nav<'c> {
        let s = tr(cx.lang);
        self.message = None;
        let n = self.members.len();
        match &mut self.mode {
            Mode::View => match action {
                Action::Up if n > 0 => self.selected = (self.selected + n - 1) % n,
                Action::Down if n > 0 => self.selected = (self.selected + 1) % n,
                Action::Back => return Nav::Pop,
                Action::Add => {
                    self.mode = Mode::Participant {
                        form: Box::new(participant_form(None)),
                        editing: None,
                    }
                }
                Action::Rename if n > 0 => {
                    let p = self.members[self.selected].profile.clone();
                    self.mode = Mode::Participant {
                        form: Box::new(participant_form(Some(&p))),
                        editing: Some(p),
                    };
                }
                Action::Remove if n > 0 => self.mode = Mode::ConfirmRemove,
                Action::ClearCode if n > 0 => self.mode = Mode::ConfirmClearCode,
                Action::Review => {
                    if let Some(quiz) = cx.content.prepost_quiz() {
                        return Nav::Push(Screen::Review(Box::new(
                            super::review::ReviewScreen::new(quiz),
                        )));
                    }
                }
                Action::Edit => {
                    return Nav::Push(Screen::ClassForm(ClassFormScreen {
                        id: Some(self.class.id.clone()),
                        form: details_form(Some(&self.class)),
                    }));
                }
                Action::Project => {
                    self.mode = Mode::ChoosePhase {
                        purpose: Purpose::Project,
                        selected: 0,
                    }
                }
                Action::GroupTest | Action::TypeSheets if n == 0 => {
                    self.message = Some(s.roster_empty.to_string())
                }
                Action::Phones => {
                    self.mode = Mode::ChoosePhase {
                        purpose: Purpose::Phones,
                        selected: 0,
                    }
                }
                Action::GroupTest => {
                    self.mode = Mode::ChoosePhase {
                        purpose: Purpose::GroupTest,
                        selected: 0,
                    }
                }
                Action::Stats => {
                    if let Some(quiz) = cx.content.prepost_quiz() {
                        let report =
                            super::report::ReportScreen::load(self.class.clone(), quiz, cx);
                        return Nav::Push(Screen::Report(Box::new(report)));
                    }
                }
                Action::TypeSheets => {
                    self.mode = Mode::ChoosePhase {
                        purpose: Purpose::Sheets,
                        selected: 0,
                    }
                }
                Action::Observe | Action::Visit | Action::Enter if n == 0 => {
                    self.message = Some(s.roster_empty.to_string())
                }
                Action::Observe if cx.content.routines().count() > 1 => {
                    self.mode = Mode::ChooseRoutine { selected: 0 }
                }
                Action::Observe => {
                    if let Some(r) = cx.content.routines().next() {
                        return self.observe(r, cx);
                    }
                }
                Action::Visit => {
                    let p = self.members[self.selected].profile.clone();
                    return Nav::Push(Screen::Visit(Box::new(VisitScreen::new(
                        p,
                        Some(self.class.id.clone()),
                    ))));
                }
                Action::Enter => {
                    let p = self.members[self.selected].profile.clone();
                    return Nav::Push(Screen::Member(Box::new(MemberScreen::load(p, cx))));
                }
                _ => {}
            },
            Mode::ChooseSet { phase, selected } => {
                let k = super::phones::prepost_sets(cx.content).len().max(1);
                match action {
                    Action::Up => *selected = (*selected + k - 1) % k,
                    Action::Down => *selected = (*selected + 1) % k,
                    Action::Back => self.mode = Mode::View,
                    Action::Enter => {
                        let (phase, i) = (*phase, *selected);
                        self.mode = Mode::View;
                        if let Some(quiz) = super::phones::prepost_sets(cx.content).get(i) {
                            return self.phones(quiz, phase, cx);
                        }
                    }
                    _ => {}
                }
            }
            Mode::ChooseRoutine { selected } => {
                let k = cx.content.routines().count().max(1);
                match action {
                    Action::Up => *selected = (*selected + k - 1) % k,
                    Action::Down => *selected = (*selected + 1) % k,
                    Action::Back => self.mode = Mode::View,
                    Action::Enter => {
                        let i = *selected;
                        self.mode = Mode::View;
                        if let Some(r) = cx.content.routines().nth(i) {
                            return self.observe(r, cx);
                        }
                    }
                    _ => {}
                }
            }
            Mode::Participant { form, editing } => match form.handle(action) {
                Outcome::Editing => {}
                Outcome::Cancel => self.mode = Mode::View,
                Outcome::Submit => {
                    let name = form.value(0).to_string();
                    let role = Role::ALL[form.fields[1].choice];
                    let result = match editing {
                        Some(p) => cx
                            .store
                            .rename_profile(&p.id, &name)
                            .and_then(|p| cx.store.set_role(&p.id, role).map(|_| p)),
                        None => match cx.store.profile_by_name(&name) {
                            Ok(Some(existing)) => {
                                self.message =
                                    Some(s.existing_trainee_added.replace("{n}", &existing.name));
                                cx.store
                                    .add_member(&self.class.id, &existing.id)
                                    .map(|_| existing)
                            }
                            Ok(None) => cx.store.create_profile(&name, role).and_then(|p| {
                                cx.store.add_member(&self.class.id, &p.id).map(|_| p)
                            }),
                            Err(e) => Err(e),
                        },
                    };
                    match result {
                        Ok(p) => {
                            self.mode = Mode::View;
                            self.reload(cx);
                            self.selected = self
                                .members
                                .iter()
                                .position(|m| m.profile.id == p.id)
                                .unwrap_or(0);
                        }
                        Err(e) => form.error = Some(e.message().get(cx.lang.code()).to_string()),
                    }
                }
            },
            Mode::ConfirmClearCode => {
                if action == Action::Yes {
                    let p = &self.members[self.selected].profile;
                    self.message = Some(match cx.store.clear_code(&p.id) {
                        Ok(()) => s.code_cleared.replace("{n}", &p.name),
                        Err(e) => e.message().get(cx.lang.code()).to_string(),
                    });
                }
                self.mode = Mode::View;
            }
            Mode::ConfirmRemove => {
                if action == Action::Yes {
                    let id = self.members[self.selected].profile.id.clone();
                    if let Err(e) = cx.store.remove_member(&self.class.id, &id) {
                        self.message = Some(e.message().get(cx.lang.code()).to_string());
                    }
                    self.reload(cx);
                }
                self.mode = Mode::View;
            }
            Mode::ChoosePhase { purpose, selected } => match action {
                Action::Up | Action::Down => *selected = 1 - *selected,
                Action::Back => self.mode = Mode::View,
                Action::Enter => {
                    let phase = if *selected == 0 {
                        Phase::Pre
                    } else {
                        Phase::Post
                    };
                    let purpose = *purpose;
                    self.mode = Mode::View;
                    if purpose == Purpose::Phones {
                        return self.phones_set(phase, cx);
                    }
                    let Some(quiz) = cx.content.prepost_quiz() else {
                        return Nav::Stay;
                    };
                    let class = self.class.clone();
                    return Nav::Push(match purpose {
                        Purpose::Sheets => {
                            Screen::Grid(Box::new(GridScreen::load(class, quiz, phase, cx)))
                        }
                        Purpose::GroupTest => {
                            Screen::HotSeat(Box::new(HotSeatScreen::load(class, quiz, phase, cx)))
                        }
                        Purpose::Project => Screen::Projector(Box::new(ProjectorScreen::new(
                            class, quiz, phase, cx,
                        ))),
                        Purpose::Phones => return Nav::Stay,
                    });
                }
                _ => {}
            },
        }
        Nav::Stay
    }

    /// The phone test of `phase`: the set is asked for when there is more than one.
    fn phones_set<'c>(&mut self, phase: Phase, cx: &mut Cx<'_, 'c>) -> Nav<'c> {
        let sets = super::phones::prepost_sets(cx.content);
        match sets.as_slice() {
            [one] => self.phones(one, phase, cx),
            [] => Nav::Stay,
            _ => {
                self.mode = Mode::ChooseSet { phase, selected: 0 };
                Nav::Stay
            }
        }
    }

    fn phones<'c>(&mut self, quiz: &Quiz, phase: Phase, cx: &mut Cx<'_, 'c>) -> Nav<'c> {
        match PhonesScreen::start(&self.class.name, quiz, phase, cx) {
            Ok(p) => Nav::Push(Screen::Phones(Box::new(p))),
            Err(m) => {
                self.message = Some(m);
                Nav::Stay
            }
        }
    }

    /// Observing the selected participant (going on with an unfinished observation).
    fn observe<'c>(&self, routine: &'c Routine, cx: &mut Cx<'_, 'c>) -> Nav<'c> {
        let p = self.members[self.selected].profile.clone();
        let observer = self.class.trainer.clone().unwrap_or_default();
        Nav::Push(Screen::Observe(Box::new(ObserveScreen::open(
            routine,
            p,
            Some(self.class.id.clone()),
            &observer,
            cx,
        ))))
    }

    pub fn render(&self, area: Rect, buf: &mut Buffer, view: &View) {
        let th = view.theme;
        let s = view.s;
        let c = &self.class;
        let block = panel(&c.name, th);
        let inner = block.inner(area);
        block.render(area, buf);
        match &self.mode {
            Mode::Participant { form, .. } => return form.render(inner, buf, view),
            Mode::ChoosePhase { selected, purpose } => {
                let title = match purpose {
                    Purpose::Sheets => s.type_sheets_for,
                    Purpose::GroupTest => s.group_test_for,
                    Purpose::Project => s.project_for,
                    Purpose::Phones => crate::core::strings::classroom::tr(view.lang).live_title,
                };
                let lines = vec![
                    Line::from(Span::styled(title, th.title)),
                    Line::default(),
                    row(*selected == 0, vec![Span::raw(s.item_pretest)], th),
                    row(*selected == 1, vec![Span::raw(s.item_posttest)], th),
                ];
                return Paragraph::new(lines).render(inner, buf);
            }
            Mode::ChooseSet { selected, .. } => {
                let sets: Vec<String> = view
                    .content
                    .quizzes
                    .iter()
                    .filter(|q| q.purpose == crate::content::Purpose::PrePost)
                    .map(|q| q.title.get(view.lang).to_string())
                    .collect();
                return super::phones::render_sets(&sets, *selected, inner, buf, view);
            }
            Mode::ChooseRoutine { selected } => {
                let mut lines = vec![
                    Line::from(Span::styled(s.choose_routine, th.title)),
                    Line::default(),
                ];
                for (i, r) in view.content.routines().enumerate() {
                    lines.push(row(
                        i == *selected,
                        vec![Span::raw(r.title.get(view.lang).to_string())],
                        th,
                    ));
                }
                return Paragraph::new(lines).render(inner, buf);
            }
            _ => {}
        }
        let mut info: Vec<String> = Vec::new();
        info.extend(c.place.clone());
        match (&c.starts, &c.ends) {
            (Some(a), Some(b)) => info.push(format!("{a} – {b}")),
            (Some(a), None) => info.push(a.clone()),
            _ => {}
        }
        if let Some(t) = &c.trainer {
            info.push(format!("{} {t}", s.trainer_word));
        }
        let todo_pre = self.members.iter().filter(|m| m.pre.is_none()).count();
        let todo_post = self.members.iter().filter(|m| m.post.is_none()).count();
        let [head, table, foot] = Layout::vertical([
            Constraint::Length(2),
            Constraint::Min(2),
            Constraint::Length(3),
        ])
        .areas(inner);
        Paragraph::new(vec![
            Line::from(Span::styled(info.join(" · "), th.dim)),
            Line::from(vec![
                Span::styled(format!("{:<22}", s.name_col), th.title),
                Span::styled(
                    format!(
                        "{:<8}{:>6}{:>7}{:>7}  {:<11}{:<10}{}",
                        s.role_col,
                        s.item_pretest_short,
                        s.item_posttest_short,
                        s.change_col,
                        s.todo_col,
                        s.check_col,
                        s.visit_col
                    ),
                    th.title,
                ),
            ]),
        ])
        .render(head, buf);
        if self.members.is_empty() {
            Paragraph::new(s.roster_empty)
                .style(th.dim)
                .wrap(Wrap { trim: true })
                .render(table, buf);
        } else {
            let pct = |x: Option<Score>| {
                x.map_or("–".to_string(), |s| {
                    format!("{}%", s.display_in(view.lang))
                })
            };
            let lines: Vec<Line> = self
                .members
                .iter()
                .enumerate()
                .map(|(i, m)| {
                    let change = match (m.pre, m.post) {
                        (Some(a), Some(b)) => {
                            format_change_in(b.percent() - a.percent(), view.lang)
                        }
                        _ => "–".to_string(),
                    };
                    let todo = match (m.pre.is_some(), m.post.is_some()) {
                        (false, false) => s.todo_both,
                        (false, true) => s.item_pretest_short,
                        (true, false) => s.item_posttest_short,
                        (true, true) => "✓",
                    };
                    let name = crate::tui::widgets::prose::fit(&m.profile.name, 19) + " ";
                    let role: String = m
                        .profile
                        .role
                        .label()
                        .get(view.lang.code())
                        .chars()
                        .take(7)
                        .collect();
                    let (check, check_style) = match m.competent {
                        Some(true) => (s.competent_short, th.correct),
                        Some(false) => (s.not_yet_short, th.warning),
                        None => ("–", th.dim),
                    };
                    let (visit, visit_style) = if m.needs_visit {
                        (s.visit_due, th.warning)
                    } else if m.observed {
                        ("✓", th.correct)
                    } else {
                        ("–", th.dim)
                    };
                    let selected = i == self.selected;
                    let pick = |st| if selected { th.selected } else { st };
                    row(
                        selected,
                        vec![
                            Span::raw(format!(
                                "{name}{role:<8}{:>6}{:>7}{:>7}  {todo:<11}",
                                pct(m.pre),
                                pct(m.post),
                                change
                            )),
                            Span::styled(format!("{check:<10}"), pick(check_style)),
                            Span::styled(visit, pick(visit_style)),
                        ],
                        th,
                    )
                })
                .collect();
            let skip = scroll_for(self.selected, table.height as usize);
            Paragraph::new(lines.into_iter().skip(skip).collect::<Vec<_>>()).render(table, buf);
        }
        let competent = self
            .members
            .iter()
            .filter(|m| m.competent == Some(true))
            .count();
        let due = self.members.iter().filter(|m| m.needs_visit).count();
        let mut foot_lines = vec![
            Line::from(Span::styled(
                s.still_to_take
                    .replace("{a}", &todo_pre.to_string())
                    .replace("{b}", &todo_post.to_string()),
                th.dim,
            )),
            Line::from(Span::styled(
                format!(
                    "{}: {}",
                    s.checklist_heading,
                    s.class_monitoring
                        .replace("{c}", &competent.to_string())
                        .replace("{n}", &due.to_string())
                ),
                th.dim,
            )),
        ];
        match (&self.mode, &self.message) {
            (Mode::ConfirmRemove, _) => {
                let name = &self.members[self.selected].profile.name;
                foot_lines.push(Line::from(Span::styled(
                    s.confirm_remove.replace("{n}", name),
                    th.warning,
                )));
            }
            (Mode::ConfirmClearCode, _) => {
                let name = &self.members[self.selected].profile.name;
                foot_lines.push(Line::from(Span::styled(
                    s.confirm_clear_code.replace("{n}", name),
                    th.warning,
                )));
            }
            (_, Some(m)) => foot_lines.push(Line::from(Span::styled(m.clone(), th.warning))),
            _ => {}
        }
        Paragraph::new(foot_lines)
            .wrap(Wrap { trim: true })
            .render(foot, buf);
    }
}
