use std::time::{Duration, Instant};

/// Where the practice is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum State {
    /// A step is running.
    Running,
    /// Paused by the trainee.
    Paused,
    /// Every step is done.
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

    /// The step running now.
    pub fn current(&self) -> usize {
        self.current
    }

    /// Running, paused or finished.
    pub fn state(&self) -> State {
        self.state
    }

    /// How many steps.
    pub fn len(&self) -> usize {
        self.steps.len()
    }

    /// Whether there are no steps.
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
        let step = self.steps.get(self.current)?;
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
            let Some(planned) = self.steps.get(self.current).and_then(|s| s.planned) else {
                break;
            };
            let left = self.remaining(now).unwrap_or_default();
            let i = self.current;
            let secs = planned.as_secs() as u32;
            let Some(step) = self.steps.get_mut(i) else {
                break;
            };
            if !step.halfway_told && left <= planned / 2 {
                step.halfway_told = true;
                if !left.is_zero() && super::says_halfway(secs) {
                    events.push(Event::Halfway(i));
                }
            }
            if !step.ten_told && super::says_ten_seconds(secs) && left <= Duration::from_secs(10) {
                step.ten_told = true;
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
        if let Some(step) = self.steps.get_mut(self.current) {
            step.spent += spent;
        }
        self.visit_before = Duration::ZERO;
        if to >= self.steps.len() {
            self.state = State::Finished;
            self.since = None;
            return vec![Event::Finished];
        }
        self.current = to;
        if let Some(s) = self.steps.get_mut(to) {
            s.halfway_told = false;
            s.ten_told = false;
        }
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

    /// Pauses at `now`.
    pub fn pause(&mut self, now: Instant) {
        if self.state == State::Running {
            self.visit_before = self.visit(now);
            self.since = None;
            self.state = State::Paused;
        }
    }

    /// Goes on at `now`.
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

    /// How many times faster than real time it runs.
    pub fn speed(&self) -> f64 {
        self.speed
    }
}

#[cfg(test)]
mod tests;
