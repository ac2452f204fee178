use std::time::{Duration, Instant};

/// Where the practice is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum State {
    Running,
    Paused,
    Finished,
}

/// What happened since the last call, for the shell to announce (bell, speech).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Event {
    /// A new step began (by its timer, or by `next`/`prev`).
    StepStarted(usize),
    /// Half of a timed step has passed.
    Halfway(usize),
    /// Ten seconds of a timed step are left.
    TenSecondsLeft(usize),
    /// The last step ended.
    Finished,
}

#[derive(Clone, Debug)]
struct StepTime {
    /// The step's length in routine time, when timed.
    planned: Option<Duration>,
    /// Active (unpaused) wall time spent on the step, over every visit.
    spent: Duration,
    halfway_told: bool,
    ten_told: bool,
}

/// A routine being practised. `speed` shortens every timed step for demonstrations and tests:
/// at speed 10 a 150 s step lasts 15 s of wall time.
#[derive(Clone, Debug)]
pub struct Practice {
    steps: Vec<StepTime>,
    current: usize,
    state: State,
    speed: f64,
    /// When the current visit's running time began (absent while paused or finished).
    since: Option<Instant>,
    /// Active time of the current visit before the last pause.
    visit_before: Duration,
}

impl Practice {
    /// `seconds[i]` is step i's length, or `None` for a step that waits for a key press.
    pub fn new(seconds: &[Option<u32>], speed: f64, now: Instant) -> Self {
        let speed = if speed.is_finite() && speed > 0.0 {
            speed
        } else {
            1.0
        };
        Practice {
            steps: seconds
                .iter()
                .map(|s| StepTime {
                    planned: s.map(|s| Duration::from_secs(u64::from(s))),
                    spent: Duration::ZERO,
                    halfway_told: false,
                    ten_told: false,
                })
                .collect(),
            current: 0,
            state: if seconds.is_empty() {
                State::Finished
            } else {
                State::Running
            },
            speed,
            since: Some(now),
            visit_before: Duration::ZERO,
        }
    }

    pub fn current(&self) -> usize {
        self.current
    }

    pub fn state(&self) -> State {
        self.state
    }

    pub fn len(&self) -> usize {
        self.steps.len()
    }

    pub fn is_empty(&self) -> bool {
        self.steps.is_empty()
    }

    /// Wall time of this visit to the current step, without pauses.
    fn visit(&self, now: Instant) -> Duration {
        self.visit_before
            + self
                .since
                .map_or(Duration::ZERO, |s| now.saturating_duration_since(s))
    }

    /// The current step's wall-clock length.
    fn wall_len(&self) -> Option<Duration> {
        self.steps
            .get(self.current)?
            .planned
            .map(|p| p.div_f64(self.speed))
    }

    /// Routine time left on the current timed step (what the countdown shows).
    pub fn remaining(&self, now: Instant) -> Option<Duration> {
        if self.state == State::Finished {
            return None;
        }
        let len = self.wall_len()?;
        Some(len.saturating_sub(self.visit(now)).mul_f64(self.speed))
    }

    /// Share of the current timed step done, 0.0–1.0.
    pub fn step_progress(&self, now: Instant) -> Option<f64> {
        let len = self.wall_len()?;
        Some((self.visit(now).as_secs_f64() / len.as_secs_f64()).clamp(0.0, 1.0))
    }

    /// When the current step's timer runs out, while running.
    pub fn deadline(&self) -> Option<Instant> {
        let since = self.since?;
        Some(since + self.wall_len()?.saturating_sub(self.visit_before))
    }

    /// When something next happens by itself: the halfway or ten-second mark or the deadline.
    /// The shell sleeps until then (or a key), never spinning.
    pub fn next_wake(&self) -> Option<Instant> {
        let since = self.since?;
        let len = self.wall_len()?;
        let step = &self.steps[self.current];
        let at = |routine_left: Duration| -> Option<Instant> {
            let wall_left = routine_left.div_f64(self.speed);
            let mark = len.checked_sub(wall_left)?;
            Some(since + mark.saturating_sub(self.visit_before))
        };
        let planned = step.planned?;
        let mut marks = Vec::new();
        if !step.halfway_told {
            marks.extend(at(planned / 2));
        }
        if !step.ten_told && planned > Duration::from_secs(20) {
            marks.extend(at(Duration::from_secs(10)));
        }
        marks.extend(self.deadline());
        marks.into_iter().min()
    }

    /// Moves time forward: announces marks and ends timed steps whose deadline has passed,
    /// starting the next step at the exact deadline.
    pub fn tick(&mut self, now: Instant) -> Vec<Event> {
        let mut events = Vec::new();
        while self.state == State::Running {
            let Some(planned) = self.steps[self.current].planned else {
                break;
            };
            let left = self.remaining(now).unwrap_or_default();
            let i = self.current;
            let secs = planned.as_secs() as u32;
            if !self.steps[i].halfway_told && left <= planned / 2 {
                self.steps[i].halfway_told = true;
                if !left.is_zero() && super::says_halfway(secs) {
                    events.push(Event::Halfway(i));
                }
            }
            if !self.steps[i].ten_told
                && super::says_ten_seconds(secs)
                && left <= Duration::from_secs(10)
            {
                self.steps[i].ten_told = true;
                if !left.is_zero() {
                    events.push(Event::TenSecondsLeft(i));
                }
            }
            match self.deadline() {
                Some(d) if d <= now => events.extend(self.leave(d, i + 1)),
                _ => break,
            }
        }
        events
    }

    /// Ends the current visit at `at` and starts step `to` there (or finishes).
    fn leave(&mut self, at: Instant, to: usize) -> Vec<Event> {
        let spent = self.visit(at);
        self.steps[self.current].spent += spent;
        self.visit_before = Duration::ZERO;
        if to >= self.steps.len() {
            self.state = State::Finished;
            self.since = None;
            return vec![Event::Finished];
        }
        self.current = to;
        let s = &mut self.steps[to];
        s.halfway_told = false;
        s.ten_told = false;
        if self.state == State::Running {
            self.since = Some(at);
        }
        vec![Event::StepStarted(to)]
    }

    /// `n`: the next step now (a key-press step moves on only this way).
    pub fn next(&mut self, now: Instant) -> Vec<Event> {
        if self.state == State::Finished {
            return Vec::new();
        }
        let mut events = self.tick(now);
        if self.state != State::Finished
            && !events
                .iter()
                .any(|e| matches!(e, Event::StepStarted(_) | Event::Finished))
        {
            events.extend(self.leave(now, self.current + 1));
        }
        events
    }

    /// `p`: back to the previous step, its timer starting again from the full length.
    pub fn prev(&mut self, now: Instant) -> Vec<Event> {
        if self.state == State::Finished || self.current == 0 {
            return Vec::new();
        }
        self.leave(now, self.current - 1)
    }

    pub fn pause(&mut self, now: Instant) {
        if self.state == State::Running {
            self.visit_before = self.visit(now);
            self.since = None;
            self.state = State::Paused;
        }
    }

    pub fn resume(&mut self, now: Instant) {
        if self.state == State::Paused {
            self.since = Some(now);
            self.state = State::Running;
        }
    }

    /// Space: pause when running, resume when paused.
    pub fn toggle_pause(&mut self, now: Instant) {
        match self.state {
            State::Running => self.pause(now),
            State::Paused => self.resume(now),
            State::Finished => {}
        }
    }

    /// Active wall time spent on each step so far (the current visit included).
    pub fn spent(&self, now: Instant) -> Vec<Duration> {
        let mut out: Vec<Duration> = self.steps.iter().map(|s| s.spent).collect();
        if self.state != State::Finished
            && let Some(cur) = out.get_mut(self.current)
        {
            *cur += self.visit(now);
        }
        out
    }

    /// The routine time of the whole routine's timed steps, for the overall progress bar.
    pub fn routine_progress(&self, now: Instant) -> f64 {
        if self.state == State::Finished {
            return 1.0;
        }
        let n = self.steps.len() as f64;
        let within = self.step_progress(now).unwrap_or(0.0);
        ((self.current as f64 + within) / n).clamp(0.0, 1.0)
    }

    pub fn speed(&self) -> f64 {
        self.speed
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const S: Duration = Duration::from_secs(1);

    #[test]
    fn a_120_second_step_ends_at_120_seconds_within_one_tick() {
        let t0 = Instant::now();
        let mut p = Practice::new(&[Some(120), None], 1.0, t0);
        assert_eq!(p.remaining(t0), Some(120 * S));
        // Ticks every 100 ms, as a slow laptop might deliver them.
        let tick = Duration::from_millis(100);
        let mut t = t0;
        let mut changed_at = None;
        while changed_at.is_none() {
            t += tick;
            if p.tick(t).contains(&Event::StepStarted(1)) {
                changed_at = Some(t);
            }
        }
        let at = changed_at.unwrap() - t0;
        assert!(at >= 120 * S && at < 120 * S + tick, "{at:?}");
        assert_eq!(p.deadline(), None, "a key-press step has no deadline");
        assert_eq!(
            p.spent(t)[0],
            120 * S,
            "the step's time is its deadline, not the late tick"
        );
    }

    #[test]
    fn paused_time_does_not_count() {
        let t0 = Instant::now();
        let mut p = Practice::new(&[Some(60)], 1.0, t0);
        p.pause(t0 + 20 * S);
        assert_eq!(p.state(), State::Paused);
        assert!(p.tick(t0 + 500 * S).is_empty(), "nothing ends while paused");
        assert_eq!(p.remaining(t0 + 500 * S), Some(40 * S));
        p.resume(t0 + 500 * S);
        assert_eq!(p.deadline(), Some(t0 + 540 * S));
        assert_eq!(
            p.tick(t0 + 509 * S),
            vec![],
            "40 s left at the resume, 31 s now"
        );
        assert_eq!(p.tick(t0 + 510 * S), vec![Event::Halfway(0)]);
        assert_eq!(
            p.tick(t0 + 540 * S),
            vec![Event::Finished],
            "no warning at the very end"
        );
        assert_eq!(p.spent(t0 + 600 * S), vec![60 * S]);
    }

    #[test]
    fn halfway_and_ten_seconds_are_announced_once_each() {
        let t0 = Instant::now();
        let mut p = Practice::new(&[Some(60)], 1.0, t0);
        assert_eq!(p.next_wake(), Some(t0 + 30 * S));
        assert_eq!(p.tick(t0 + 30 * S), vec![Event::Halfway(0)]);
        assert_eq!(p.next_wake(), Some(t0 + 50 * S));
        assert_eq!(p.tick(t0 + 50 * S), vec![Event::TenSecondsLeft(0)]);
        assert_eq!(p.tick(t0 + 55 * S), vec![]);
        assert_eq!(p.next_wake(), Some(t0 + 60 * S));
        assert_eq!(p.tick(t0 + 60 * S), vec![Event::Finished]);
    }

    #[test]
    fn a_short_step_has_no_ten_second_warning_nor_halfway() {
        let t0 = Instant::now();
        let mut p = Practice::new(&[Some(15)], 1.0, t0);
        assert_eq!(
            p.tick(t0 + 10 * S),
            vec![],
            "15 s: too short for either mark"
        );
        assert_eq!(p.tick(t0 + 15 * S), vec![Event::Finished]);
    }

    #[test]
    fn steps_chain_on_deadlines_so_a_late_wake_does_not_shift_the_next_step() {
        let t0 = Instant::now();
        let mut p = Practice::new(&[Some(10), Some(10), Some(10)], 1.0, t0);
        // The shell wakes 3 s late for every deadline.
        let events = p.tick(t0 + 13 * S);
        assert!(events.contains(&Event::StepStarted(1)));
        assert_eq!(p.deadline(), Some(t0 + 20 * S));
        p.tick(t0 + 23 * S);
        assert_eq!(p.deadline(), Some(t0 + 30 * S));
        // Waking very late jumps over whole steps, each ended at its own deadline.
        let mut q = Practice::new(&[Some(10), Some(10), Some(10)], 1.0, t0);
        let all = q.tick(t0 + 100 * S);
        assert_eq!(all.last(), Some(&Event::Finished));
        assert_eq!(q.spent(t0 + 100 * S), vec![10 * S; 3]);
    }

    #[test]
    fn next_and_previous_move_by_hand_and_restart_the_timer() {
        let t0 = Instant::now();
        let mut p = Practice::new(&[None, Some(30), None], 1.0, t0);
        assert_eq!(p.remaining(t0), None, "a key-press step shows no countdown");
        assert_eq!(p.next(t0 + 5 * S), vec![Event::StepStarted(1)]);
        assert_eq!(p.remaining(t0 + 15 * S), Some(20 * S));
        assert_eq!(p.prev(t0 + 15 * S), vec![Event::StepStarted(0)]);
        assert_eq!(p.next(t0 + 16 * S), vec![Event::StepStarted(1)]);
        assert_eq!(
            p.remaining(t0 + 16 * S),
            Some(30 * S),
            "a new visit starts in full"
        );
        assert_eq!(p.next(t0 + 20 * S), vec![Event::StepStarted(2)]);
        assert_eq!(p.next(t0 + 21 * S), vec![Event::Finished]);
        assert_eq!(p.state(), State::Finished);
        // Step 1 was visited twice: 10 s, then 4 s.
        assert_eq!(p.spent(t0 + 30 * S), vec![6 * S, 14 * S, S]);
        assert_eq!(p.next(t0 + 40 * S), vec![]);
    }

    #[test]
    fn speed_shortens_wall_time_but_the_countdown_shows_routine_time() {
        let t0 = Instant::now();
        let mut p = Practice::new(&[Some(150)], 10.0, t0);
        assert_eq!(p.remaining(t0 + 5 * S), Some(100 * S));
        assert_eq!(p.tick(t0 + 15 * S), vec![Event::Finished]);
        assert_eq!(p.spent(t0 + 15 * S), vec![15 * S], "spent is wall time");
    }
}

#[cfg(test)]
mod spoken_marks {
    use super::*;

    /// The events of running a single step of `secs` to its end, ticking every 100 ms.
    fn marks(secs: u32) -> Vec<Event> {
        let t0 = Instant::now();
        let mut p = Practice::new(&[Some(secs)], 1.0, t0);
        let mut out = Vec::new();
        for k in 1..=(secs * 10 + 1) {
            out.extend(p.tick(t0 + Duration::from_millis(u64::from(k) * 100)));
        }
        out
    }

    #[test]
    fn halfway_is_said_on_steps_of_twenty_seconds_or_more_as_in_the_audio_guide() {
        assert!(
            !marks(10).contains(&Event::Halfway(0)),
            "a 10 s step says no halfway"
        );
        assert!(marks(20).contains(&Event::Halfway(0)));
        assert!(!marks(20).contains(&Event::TenSecondsLeft(0)));
        assert!(marks(30).contains(&Event::TenSecondsLeft(0)));
        assert!(
            crate::engine::practice::says_halfway(20) && !crate::engine::practice::says_halfway(19)
        );
    }
}
