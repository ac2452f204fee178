//! The class screen's keys: what each action does to the roster, the tests and the monitoring.

use super::*;

impl ClassScreen {
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
                        form: Box::new(participant_form(None, &[], None)),
                        editing: None,
                    }
                }
                Action::Rename => {
                    if let Some(p) = self.current().map(|m| m.profile.clone()) {
                        let cadres = cadres_for(&self.members, &p.id);
                        let chosen = cx.records.cadres(&self.class.id).unwrap_or_default();
                        let form = participant_form(
                            Some(&p),
                            &cadres,
                            chosen.get(&p.id).map(String::as_str),
                        );
                        self.mode = Mode::Participant {
                            form: Box::new(form),
                            editing: Some(p),
                        };
                    }
                }
                Action::Remove if n > 0 => self.mode = Mode::ConfirmRemove,
                Action::ClearCode if n > 0 => self.mode = Mode::ConfirmClearCode,
                Action::Review => {
                    // The key must not reach someone who still has the post-test to take.
                    let missing = self.members.iter().filter(|m| m.post.is_none()).count();
                    if missing > 0 {
                        self.mode = Mode::ConfirmReview { missing };
                    } else if let Some(quiz) = cx.content.prepost_quiz() {
                        return Nav::Push(Screen::Review(Box::new(
                            super::super::review::ReviewScreen::new(quiz),
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
                Action::GroupTest | Action::TypeSheets | Action::Forms if n == 0 => {
                    self.message = Some(s.roster_empty.to_string())
                }
                Action::Forms => {
                    match super::super::forms::FormsScreen::start(&self.class.name, cx) {
                        Ok(f) => return Nav::Push(Screen::Forms(Box::new(f))),
                        Err(m) => self.message = Some(m),
                    }
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
                            super::super::report::ReportScreen::load(self.class.clone(), quiz, cx);
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
                    if let Some(m) = self.current() {
                        return Nav::Push(Screen::Visit(Box::new(VisitScreen::new(
                            m.profile.clone(),
                            Some(self.class.id.clone()),
                        ))));
                    }
                }
                Action::Enter => {
                    if let Some(p) = self.current().map(|m| m.profile.clone()) {
                        return Nav::Push(Screen::Member(Box::new(MemberScreen::load(p, cx))));
                    }
                }
                _ => {}
            },
            Mode::ChooseSet { phase, selected } => {
                let k = super::super::phones::prepost_sets(cx.content).len().max(1);
                match action {
                    Action::Up => *selected = (*selected + k - 1) % k,
                    Action::Down => *selected = (*selected + 1) % k,
                    Action::Back => self.mode = Mode::View,
                    Action::Enter => {
                        let (phase, i) = (*phase, *selected);
                        self.mode = Mode::View;
                        if let Some(quiz) = super::super::phones::prepost_sets(cx.content).get(i) {
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
                    let Some(&role) = form.choice(1).and_then(|c| Role::ALL.get(c)) else {
                        return Nav::Stay;
                    };
                    let cadre = form
                        .choice(FAMILY_AT + 2)
                        .and_then(|i| i.checked_sub(1))
                        .and_then(|i| {
                            let id = editing.as_ref().map_or("", |p| p.id.as_str());
                            cadres_for(&self.members, id).get(i).map(|c| c.id.clone())
                        });
                    let today = super::super::observe::today();
                    let result = match editing {
                        Some(p) => cx
                            .records
                            .rename_profile(&p.id, &name)
                            .and_then(|p| cx.records.set_role(&p.id, role).map(|_| p))
                            .and_then(|p| {
                                cx.records
                                    .set_family(
                                        &p.id,
                                        form.value(FAMILY_AT),
                                        form.value(FAMILY_AT + 1),
                                        Some((&self.class.id, cadre.as_deref())),
                                        &today,
                                    )
                                    .map(|_| p)
                            }),
                        None => match cx.records.profile_by_name(&name) {
                            Ok(Some(existing)) => {
                                self.message = Some(pijat_core::fill!(
                                    app,
                                    s,
                                    existing_trainee_added,
                                    n = existing.name
                                ));
                                cx.records
                                    .add_member(&self.class.id, &existing.id)
                                    .map(|_| existing)
                            }
                            Ok(None) => cx.records.create_profile(&name, role).and_then(|p| {
                                cx.records.add_member(&self.class.id, &p.id).map(|_| p)
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
                if action == Action::Yes
                    && let Some(p) = self.current().map(|m| &m.profile)
                {
                    self.message = Some(match cx.records.clear_code(&p.id) {
                        Ok(()) => pijat_core::fill!(app, s, code_cleared, n = p.name),
                        Err(e) => e.message().get(cx.lang.code()).to_string(),
                    });
                }
                self.mode = Mode::View;
            }
            Mode::ConfirmReview { .. } => {
                self.mode = Mode::View;
                if action == Action::Yes
                    && let Some(quiz) = cx.content.prepost_quiz()
                {
                    return Nav::Push(Screen::Review(Box::new(
                        super::super::review::ReviewScreen::new(quiz),
                    )));
                }
            }
            Mode::ConfirmRemove => {
                if action == Action::Yes
                    && let Some(id) = self.current().map(|m| m.profile.id.clone())
                {
                    if let Err(e) = cx.records.remove_member(&self.class.id, &id) {
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

    /// Observing the selected participant (going on with an unfinished observation).
    fn observe<'c>(&self, routine: &'c Routine, cx: &mut Cx<'_, 'c>) -> Nav<'c> {
        let Some(p) = self.current().map(|m| m.profile.clone()) else {
            return Nav::Stay;
        };
        let observer = self.class.trainer.clone().unwrap_or_default();
        Nav::Push(Screen::Observe(Box::new(ObserveScreen::open(
            routine,
            p,
            Some(self.class.id.clone()),
            &observer,
            cx,
        ))))
    }
}
