//! The observation checklist (daftar tilik): a routine's steps marked 2 (done well), 1 (needs
//! practice), 0 (not done) or – (not observed), and the verdict. Pure: content types only.

use pijat_content::Routine;

/// A checklist mark.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    /// 0: not done.
    NotDone = 0,
    /// 1: needs practice.
    NeedsPractice = 1,
    /// 2: done well.
    DoneWell = 2,
    /// Not observed (–).
    NotObserved = 3,
}

impl Mark {
    /// `2`, `1`, `0` or `-` (also `–`), as on the paper form.
    pub fn parse(token: &str) -> Option<Mark> {
        match token.trim() {
            "2" => Some(Mark::DoneWell),
            "1" => Some(Mark::NeedsPractice),
            "0" => Some(Mark::NotDone),
            "-" | "–" => Some(Mark::NotObserved),
            _ => None,
        }
    }

    /// The mark as a sheet writes it: `0`, `1`, `2`, `-`.
    pub fn token(self) -> &'static str {
        match self {
            Mark::DoneWell => "2",
            Mark::NeedsPractice => "1",
            Mark::NotDone => "0",
            Mark::NotObserved => "-",
        }
    }

    /// Points, for an observed step.
    pub fn points(self) -> Option<u32> {
        match self {
            Mark::NotObserved => None,
            m => Some(m as u32),
        }
    }

    /// As stored: 0, 1, 2, or none for not observed.
    pub fn stored(self) -> Option<i64> {
        self.points().map(i64::from)
    }

    /// A mark as saved (none: not observed).
    pub fn from_stored(v: Option<i64>) -> Mark {
        match v {
            Some(2) => Mark::DoneWell,
            Some(1) => Mark::NeedsPractice,
            Some(0) => Mark::NotDone,
            _ => Mark::NotObserved,
        }
    }
}

/// What the marks say.
#[derive(Clone, Debug, PartialEq)]
pub struct Verdict {
    /// Whether the trainee is competent.
    pub competent: bool,
    /// Points of the observed steps as a share of their maximum (2 each); `None` when no step
    /// was observed.
    pub percent: Option<f64>,
    /// Step indexes to coach: observed and not done well, then essential steps not observed.
    pub to_coach: Vec<usize>,
    /// Essential (critical) steps not done well or not observed.
    pub critical_missed: Vec<usize>,
}

impl Verdict {
    /// The score as the reader's language writes it (`92,3%`), or `–` when nothing was observed.
    pub fn percent_text(&self, lang: &pijat_content::Lang) -> String {
        self.percent.map_or("–".to_string(), |p| {
            format!("{}%", crate::quiz::format_percent_in(p, lang))
        })
    }
}

/// Competent when every critical step is done well and the observed steps reach the routine's
/// pass mark of their maximum; otherwise not yet, with the steps to coach.
pub fn verdict(routine: &Routine, marks: &[Mark]) -> Verdict {
    let mark = |i: usize| marks.get(i).copied().unwrap_or(Mark::NotObserved);
    let (mut points, mut max) = (0u32, 0u32);
    for i in 0..routine.steps.len() {
        if let Some(p) = mark(i).points() {
            points += p;
            max += 2;
        }
    }
    let percent = (max > 0).then(|| 100.0 * f64::from(points) / f64::from(max));
    let critical_missed: Vec<usize> = routine
        .steps
        .iter()
        .enumerate()
        .filter(|(i, s)| s.critical && mark(*i) != Mark::DoneWell)
        .map(|(i, _)| i)
        .collect();
    let mut to_coach: Vec<usize> = (0..routine.steps.len())
        .filter(|i| matches!(mark(*i), Mark::NotDone | Mark::NeedsPractice))
        .collect();
    to_coach.extend(
        critical_missed
            .iter()
            .filter(|i| mark(**i) == Mark::NotObserved),
    );
    let passes = percent.is_some_and(|p| p + 1e-9 >= f64::from(routine.pass_percent));
    Verdict {
        competent: critical_missed.is_empty() && passes,
        percent,
        to_coach,
        critical_missed,
    }
}

/// A timed step timed by the observer for less than half its planned time is not done well,
/// whatever it was marked: the massage kept for 4 s of 150 s is a step to coach. Returns the
/// marks that count, and the steps cut short.
pub fn apply_timing(
    routine: &Routine,
    marks: &[Mark],
    timed_ms: &[Option<u64>],
) -> (Vec<Mark>, Vec<usize>) {
    let mut out = marks.to_vec();
    let mut cut = Vec::new();
    for (i, step) in routine.steps.iter().enumerate() {
        let (Some(planned), Some(Some(ms))) = (step.seconds, timed_ms.get(i)) else {
            continue;
        };
        if *ms * 2 < u64::from(planned) * 1000 {
            cut.push(i);
            if let Some(m) = out.get_mut(i).filter(|m| **m == Mark::DoneWell) {
                *m = Mark::NeedsPractice;
            }
        }
    }
    (out, cut)
}

/// Steps marked better in `latest` than in `first` (not observed counts as nothing known).
pub fn improved(first: &[Mark], latest: &[Mark]) -> Vec<usize> {
    first
        .iter()
        .zip(latest)
        .enumerate()
        .filter(|(_, (a, b))| matches!((a.points(), b.points()), (Some(x), Some(y)) if y > x))
        .map(|(i, _)| i)
        .collect()
}

#[cfg(test)]
mod timing_tests {
    use super::*;

    #[test]
    fn a_massage_timed_for_4_seconds_of_150_is_not_done_well() {
        let content = pijat_content::load_with(None).content.unwrap();
        let r = content.routine("oxytocin-massage").unwrap();
        let massage = r.steps.iter().position(|s| s.seconds == Some(150)).unwrap();
        let marks = vec![Mark::DoneWell; r.steps.len()];
        let mut timed = vec![None; r.steps.len()];
        timed[massage] = Some(4_000);
        assert!(verdict(r, &marks).competent, "by the marks alone");
        let (counted, cut) = apply_timing(r, &marks, &timed);
        assert_eq!(cut, vec![massage]);
        let v = verdict(r, &counted);
        assert!(!v.competent, "a critical step cut short is not done well");
        assert!(v.to_coach.contains(&massage));
        // Timed for 75 s, half its time: it counts as marked.
        timed[massage] = Some(75_000);
        let (counted, cut) = apply_timing(r, &marks, &timed);
        assert!(cut.is_empty() && verdict(r, &counted).competent);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use pijat_content::{Step, Text};

    fn routine(critical: &[bool], pass: u8) -> Routine {
        Routine {
            id: "r".into(),
            title: Text::same("r"),
            summary: None,
            pass_percent: pass,
            steps: critical
                .iter()
                .enumerate()
                .map(|(i, c)| Step {
                    id: format!("s{i}"),
                    title: Text::same("s"),
                    instruction: Text::same("do"),
                    why: None,
                    note: None,
                    seconds: None,
                    cue: None,
                    critical: *c,
                    figure: None,
                    highlight: vec![],
                    sources: vec![],
                })
                .collect(),
        }
    }

    use Mark::{DoneWell as W, NeedsPractice as P, NotDone as N, NotObserved as X};

    #[test]
    fn every_critical_step_done_well_and_the_pass_mark_reached_is_competent() {
        let r = routine(&[true, false, false, false, false], 80);
        let v = verdict(&r, &[W, W, W, W, P]);
        assert_eq!(v.percent, Some(90.0));
        assert!(v.competent);
        assert_eq!(v.to_coach, vec![4]);
    }

    #[test]
    fn a_critical_step_marked_1_or_not_observed_is_not_yet_competent() {
        let r = routine(&[true, false, false], 50);
        let v = verdict(&r, &[P, W, W]);
        assert!(!v.competent, "83% but the essential step needs practice");
        assert_eq!(v.critical_missed, vec![0]);
        let v = verdict(&r, &[X, W, W]);
        assert!(!v.competent, "the essential step was not observed");
        assert_eq!(
            v.percent,
            Some(100.0),
            "only observed steps count in the percentage"
        );
        assert_eq!(v.to_coach, vec![0]);
    }

    #[test]
    fn percentages_leave_out_steps_not_observed() {
        let r = routine(&[false, false, false, false], 80);
        // Observed: 2 + 1 + 0 of 6 → 50 %.
        let v = verdict(&r, &[W, P, N, X]);
        assert_eq!(v.percent, Some(50.0));
        assert!(!v.competent);
        assert_eq!(v.to_coach, vec![1, 2]);
        let none = verdict(&r, &[X, X, X, X]);
        assert_eq!(none.percent, None);
        assert!(!none.competent, "nothing observed is not competent");
        // The pass mark is inclusive: exactly 80 % passes.
        let r5 = routine(&[false; 5], 80);
        assert!(verdict(&r5, &[W, W, W, P, P]).competent);
    }

    #[test]
    fn marks_read_like_the_paper_form_and_improvements_are_found() {
        assert_eq!(Mark::parse("2"), Some(W));
        assert_eq!(Mark::parse("–"), Some(X));
        assert_eq!(Mark::parse("3"), None);
        assert_eq!(improved(&[N, P, W, X], &[W, P, W, W]), vec![0]);
        assert_eq!(Mark::from_stored(W.stored()), W);
        assert_eq!(Mark::from_stored(X.stored()), X);
    }
}
