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
        assert!(crate::practice::says_halfway(20) && !crate::practice::says_halfway(19));
    }
}
