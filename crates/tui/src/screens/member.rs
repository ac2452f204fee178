//! One participant's progress for the trainer: tests, observations first to latest with what
//! improved and what to coach, home visits, and whether another visit is due.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::observe::{mark_label, mark_style};
use crate::app::{Cx, Nav};
use crate::keys::{Action, Context};
use crate::view::{View, framed, render_scrolled};
use crate::widgets::prose::wrap;
use pijat_app::monitoring::{Monitoring, main_routine};
use pijat_app::progress::{Participant, participant};
use pijat_app::{MilkFlow, Profile};
use pijat_core::feeding::{Ebf, age_days};
use pijat_core::records::VisitRecord;
use pijat_core::strings::{Strings, outcome};
use pijat_engine::quiz::{Score, format_change_in};

pub struct MemberScreen {
    pub profile: Profile,
    pub pre: Option<Score>,
    pub post: Option<Score>,
    pub monitoring: Monitoring,
    pub scroll: usize,
    /// How far the text scrolls, as last drawn.
    pub limit: crate::view::ScrollLimit,
}

pub fn milk_word(m: MilkFlow, s: &Strings) -> &'static str {
    match m {
        MilkFlow::Yes => s.milk_yes,
        MilkFlow::No => s.milk_no,
        MilkFlow::Unsure => s.milk_unsure,
    }
}

impl MemberScreen {
    pub fn load(profile: Profile, cx: &Cx) -> Self {
        let Participant { result, monitoring } = participant(cx.records, cx.content, &profile.id);
        MemberScreen {
            profile,
            pre: result.pre,
            post: result.post,
            monitoring,
            scroll: 0,
            limit: Default::default(),
        }
    }

    /// The baby's birth and age today, and the contact line, when entered.
    fn family_line(&self, lang: &pijat_core::Lang) -> String {
        let o = outcome::tr(lang);
        let today = super::observe::today();
        let born = self.profile.baby_born.as_deref();
        let mut parts = vec![match born.and_then(|b| Some((b, age_days(b, &today)?))) {
            Some((b, days)) => {
                let born = pijat_core::dates::show_day(b, lang);
                pijat_core::fill!(outcome, o, baby_age, born = born, days = days)
            }
            None => o.baby_born_unknown.to_string(),
        }];
        if let Some(c) = &self.profile.contact {
            parts.push(pijat_core::fill!(outcome, o, contact_line, contact = c));
        }
        parts.join(" · ")
    }

    pub fn context(&self) -> Context {
        Context::Reader
    }

    pub fn handle<'c>(&mut self, action: Action, _cx: &mut Cx<'_, 'c>) -> Nav<'c> {
        super::read_only(action, &mut self.scroll, &self.limit)
    }

    pub fn render(&self, area: Rect, buf: &mut Buffer, view: &View) {
        let th = view.theme;
        let s = view.s;
        let title = pijat_core::fill!(app, s, progress_title, n = self.profile.name);
        let inner = framed(&title, area, buf, th);
        let pct = |x: Option<Score>| {
            x.map_or("–".to_string(), |s| {
                format!("{}%", s.display_in(view.lang))
            })
        };
        let change = match (self.pre, self.post) {
            (Some(a), Some(b)) => format!(
                " ({})",
                format_change_in(b.percent() - a.percent(), view.lang)
            ),
            _ => String::new(),
        };
        let mut lines = vec![Line::from(Span::styled(
            self.profile.role.label().get(view.lang.code()).to_string(),
            th.dim,
        ))];
        lines.extend(wrap(
            &self.family_line(view.lang),
            inner.width as usize,
            th.dim,
        ));
        lines.extend([
            Line::from(format!(
                "{} {} → {} {}{change}",
                s.item_pretest,
                pct(self.pre),
                s.item_posttest,
                pct(self.post)
            )),
            Line::default(),
        ]);
        let routine = main_routine(view.content);
        let step = |i: usize| routine.map_or(format!("{}", i + 1), |r| r.step_label(i, view.lang));
        let heading = match routine {
            Some(r) => format!("{} — {}", s.checklist_heading, r.title.get(view.lang)),
            None => s.checklist_heading.to_string(),
        };
        lines.push(Line::from(Span::styled(heading, th.title)));
        let m = &self.monitoring;
        if m.observations.is_empty() {
            lines.push(Line::from(Span::styled(format!("  {}", s.not_yet), th.dim)));
        }
        for o in &m.observations {
            let v = &o.verdict;
            let verdict = if v.competent {
                Span::styled(s.verdict_competent, th.correct)
            } else {
                Span::styled(s.verdict_not_yet, th.wrong)
            };
            lines.push(Line::from(vec![
                Span::styled(format!("  {}  ", o.row.observed_on), th.dim),
                Span::raw(format!("{:>6}  ", v.percent_text(view.lang))),
                verdict,
                Span::styled(format!("  ({} {})", s.observed_by, o.row.observer), th.dim),
            ]));
        }
        if let Some(latest) = m.latest()
            && !latest.verdict.to_coach.is_empty()
        {
            lines.push(Line::from(Span::styled(
                format!("  {}", s.to_coach),
                th.title,
            )));
            for &i in &latest.verdict.to_coach {
                let Some(&mark) = latest.marks.get(i) else {
                    continue;
                };
                lines.push(Line::from(vec![
                    Span::raw(format!("    {}  ", step(i))),
                    Span::styled(mark_label(mark, s), mark_style(mark, th)),
                ]));
                if let Some(Some(n)) = latest.notes.get(i) {
                    lines.push(Line::from(Span::styled(format!("       {n}"), th.dim)));
                }
            }
        }
        if let Some(improved) = m.improved_text(step, s.none_improved) {
            lines.push(Line::from(Span::styled(
                format!("  {}", s.improved_since),
                th.title,
            )));
            lines.extend(
                wrap(&improved, inner.width.saturating_sub(4) as usize, th.text)
                    .into_iter()
                    .map(|l| {
                        let mut spans = vec![Span::raw("    ")];
                        spans.extend(l.spans);
                        Line::from(spans)
                    }),
            );
        }
        lines.push(Line::default());
        lines.push(Line::from(Span::styled(s.visits_heading, th.title)));
        if m.visits.is_empty() {
            lines.push(Line::from(Span::styled(format!("  {}", s.not_yet), th.dim)));
        }
        for v in &m.visits {
            let mut parts = vec![
                format!("{}: {}", s.milk_flowed, milk_word(v.findings.milk_flow, s)),
                format!("{} {}/5", s.comfort_word, v.findings.comfort),
            ];
            if let Some(k) = v.findings.massages_per_day {
                parts.push(format!("{k} {}", s.per_day));
            }
            let bad = pijat_app::monitoring::visit_found_a_problem(
                v.findings.milk_flow,
                v.findings.comfort,
            );
            lines.push(Line::from(vec![
                Span::styled(format!("  {}  ", v.visited_on), th.dim),
                Span::styled(parts.join(" · "), if bad { th.warning } else { th.text }),
            ]));
            if let Some((text, flag)) = outcome_line(&self.profile, v, view.lang) {
                let style = if flag { th.warning } else { th.text };
                let width = (inner.width as usize).saturating_sub(7);
                lines.extend(wrap(&text, width, style).into_iter().map(|l| {
                    let mut spans = vec![Span::raw("       ")];
                    spans.extend(l.spans);
                    Line::from(spans)
                }));
            }
            if let Some(n) = &v.findings.notes {
                lines.push(Line::from(Span::styled(format!("       {n}"), th.dim)));
            }
        }
        lines.push(Line::default());
        lines.push(if m.needs_visit() {
            Line::from(Span::styled(s.needs_visit_yes, th.warning))
        } else {
            Line::from(Span::styled(s.needs_visit_no, th.correct))
        });
        let w = inner.width as usize;
        lines.extend(wrap(s.needs_visit_rule, w, th.dim));
        lines.extend(wrap(s.progress_keys, w, th.dim));
        self.limit
            .set(render_scrolled(lines, self.scroll, inner, buf));
    }
}

/// A visit's outcome in words: exclusive breastfeeding yesterday and the baby's age, the danger
/// signs and the referral; and whether it is a red flag. `None` for a visit from before pijat
/// asked them.
pub fn outcome_line(
    p: &Profile,
    v: &VisitRecord,
    lang: &pijat_core::Lang,
) -> Option<(String, bool)> {
    let o = outcome::tr(lang);
    let born = p.baby_born.as_deref();
    let ebf = Ebf::of(born, &v.visited_on, v.findings.recall.as_ref());
    let mut parts = Vec::new();
    let mut flag = false;
    match ebf {
        Ebf::NotAsked => {}
        Ebf::Exclusive => parts.push(o.ebf_yes.to_string()),
        Ebf::NotExclusive => {
            flag = true;
            parts.push(o.ebf_no.to_string());
        }
        Ebf::Unknown => parts.push(o.ebf_open.to_string()),
        Ebf::SixMonthsOrOlder => parts.push(o.ebf_six_months.to_string()),
        Ebf::NoBirthDate => parts.push(o.ebf_no_birth.to_string()),
    }
    if let Some(days) = born.and_then(|b| age_days(b, &v.visited_on)) {
        parts.push(pijat_core::fill!(outcome, o, day_old, days = days));
    }
    if let Some(d) = v.findings.danger.as_ref().filter(|d| d.any()) {
        flag = true;
        let who: Vec<&str> = [(d.mother, o.mother_word), (d.baby, o.baby_word)]
            .into_iter()
            .filter_map(|(yes, w)| yes.then_some(w))
            .collect();
        let who = who.join(", ");
        parts.push(pijat_core::fill!(outcome, o, danger_signs_seen, who = who));
        parts.push(match &d.referred_to {
            Some(place) => pijat_core::fill!(outcome, o, danger_referred, place = place),
            None => o.danger_not_referred.to_string(),
        });
    } else if let Some(place) = v
        .findings
        .danger
        .as_ref()
        .and_then(|d| d.referred_to.as_ref())
    {
        parts.push(pijat_core::fill!(
            outcome,
            o,
            danger_referred,
            place = place
        ));
    }
    (!parts.is_empty()).then(|| (parts.join(" · "), flag))
}
