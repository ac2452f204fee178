//! When a practice counts: a timed critical step must run its time.

use pijat_content::Routine;

/// The share of a timed step's planned time that counts as running it whole: a little slack
/// (2 %) for the moment the step changed.
const WHOLE: f64 = 0.98;

/// The timed critical steps of `routine` (their indices) that did not run their time at the
/// run's `speed`; `spent_ms(step_id)` is the wall time a step took. A run with any is not a
/// practice done.
pub fn cut_short(routine: &Routine, spent_ms: impl Fn(&str) -> u64, speed: f64) -> Vec<usize> {
    let speed = if speed.is_finite() && speed > 0.0 {
        speed
    } else {
        1.0
    };
    routine
        .steps
        .iter()
        .enumerate()
        .filter(|(_, st)| st.critical)
        .filter_map(|(i, st)| {
            let planned = f64::from(st.seconds?) * 1000.0 / speed;
            ((spent_ms(&st.id) as f64) < planned * WHOLE).then_some(i)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_massage_skipped_after_4_seconds_is_cut_short() {
        let content = pijat_content::load_with(None).content.unwrap();
        let r = content.routine("oxytocin-massage").unwrap();
        let massage = r.steps.iter().find(|s| s.seconds == Some(150)).unwrap();
        let at = r.steps.iter().position(|s| s.id == massage.id).unwrap();
        // Every other step ran its time at the speed; the massage ran `ms`.
        let spent = |ms: u64, speed: f64| {
            move |id: &str| {
                let st = r.steps.iter().find(|s| s.id == id).unwrap();
                if st.id == massage.id {
                    ms
                } else {
                    (f64::from(st.seconds.unwrap_or(1)) * 1000.0 / speed) as u64
                }
            }
        };
        assert_eq!(cut_short(r, spent(4_000, 1.0), 1.0), vec![at]);
        assert!(cut_short(r, spent(150_000, 1.0), 1.0).is_empty());
        // 2 % short still counts; 3 % does not.
        assert!(cut_short(r, spent(147_000, 1.0), 1.0).is_empty());
        assert_eq!(cut_short(r, spent(145_500, 1.0), 1.0), vec![at]);
        // At speed 20 the massage runs 7.5 s of real time.
        assert!(cut_short(r, spent(7_500, 20.0), 20.0).is_empty());
        assert_eq!(cut_short(r, spent(4_000, 20.0), 20.0), vec![at]);
    }
}
