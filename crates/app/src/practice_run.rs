//! A guided practice run as it is recorded: every step's time written when a step changes,
//! when the practice is paused, and at least every few seconds while a step runs, so a crash
//! loses at most that much of the step in progress.

use super::Records;
use std::time::{Duration, Instant};

use crate::Result;

/// The longest stretch of a running step that may go unsaved.
pub const CHECKPOINT: Duration = Duration::from_secs(5);

/// Saves a running practice's step times: at changes, on pause and every few seconds.
pub struct Recorder {
    /// The run being saved.
    pub run_id: String,
    step_ids: Vec<String>,
    /// What was last written for each step, so only changes are saved.
    saved_ms: Vec<u64>,
    last_saved: Instant,
}

impl Recorder {
    /// A recorder for a run of these steps.
    pub fn new(run_id: String, step_ids: Vec<String>, now: Instant) -> Self {
        let saved_ms = vec![0; step_ids.len()];
        Recorder {
            run_id,
            step_ids,
            saved_ms,
            last_saved: now,
        }
    }

    /// Writes every step time that changed since the last save. A failure is returned (the
    /// shell shows it) and the same times are tried again at the next save.
    pub fn save(&mut self, records: &Records, spent: &[Duration], now: Instant) -> Result<()> {
        let store = records.store();
        self.last_saved = now;
        let steps = self.step_ids.iter().zip(self.saved_ms.iter_mut());
        for ((step, saved), d) in steps.zip(spent) {
            let ms = d.as_millis() as u64;
            if *saved != ms {
                store.save_step_time(&self.run_id, step, ms)?;
                *saved = ms;
            }
        }
        Ok(())
    }

    /// Saves when the last save is [`CHECKPOINT`] old; `Ok(false)` when nothing was due.
    pub fn checkpoint(
        &mut self,
        records: &Records,
        spent: &[Duration],
        now: Instant,
    ) -> Result<bool> {
        if now.saturating_duration_since(self.last_saved) < CHECKPOINT {
            return Ok(false);
        }
        self.save(records, spent, now).map(|()| true)
    }
}

/// A practice counts as done on the learning path when it was finished and no timed critical
/// step was cut short.
pub fn is_done(
    records: &Records,
    content: &pijat_content::Content,
    run: &pijat_store::PracticeRun,
) -> bool {
    let store = records.store();
    let Some(routine) = content.routine(&run.routine_id) else {
        return false;
    };
    run.finished.is_some()
        && store.practice_steps(&run.id).is_ok_and(|steps| {
            let spent = |id: &str| {
                steps
                    .iter()
                    .find(|r| r.step_id == id)
                    .map_or(0, |r| r.spent_ms)
            };
            pijat_engine::practice::cut_short(routine, spent, run.speed).is_empty()
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use pijat_store::Role;

    #[test]
    fn a_running_step_is_saved_every_five_seconds() {
        let dir = tempfile::tempdir().unwrap();
        let mut records = Records::open(dir.path()).unwrap();
        let p = records.create_profile("Budi", Role::Father).unwrap();
        let id = records
            .start_practice(&p.id, "r", 1.0, "v", &[("massage", Some(60))])
            .unwrap();
        let t0 = Instant::now();
        let mut rec = Recorder::new(id.clone(), vec!["massage".into()], t0);
        let at = |s: u64| t0 + Duration::from_secs(s);
        let spent = |s: u64| vec![Duration::from_secs(s)];
        assert!(!rec.checkpoint(&records, &spent(4), at(4)).unwrap());
        assert_eq!(records.store().practice_steps(&id).unwrap()[0].spent_ms, 0);
        assert!(rec.checkpoint(&records, &spent(5), at(5)).unwrap());
        assert_eq!(
            records.store().practice_steps(&id).unwrap()[0].spent_ms,
            5000
        );
        assert!(!rec.checkpoint(&records, &spent(9), at(9)).unwrap());
        assert!(rec.checkpoint(&records, &spent(10), at(10)).unwrap());
        assert_eq!(
            records.store().practice_steps(&id).unwrap()[0].spent_ms,
            10_000
        );
    }
}
