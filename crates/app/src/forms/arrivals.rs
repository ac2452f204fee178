//! What arrived from the phones, in order: for the trainer's screen and `pijat forms serve`'s
//! output lines.

use std::sync::Mutex;

use pijat_core::Bilingual;

/// What became of a submission.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Saved now.
    Saved,
    /// Sent before and saved then: nothing changed.
    Already,
    /// Not saved, and why.
    Refused(Bilingual),
}

/// One submission that arrived.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Arrival {
    /// `observation` or `visit`; empty when it could not be read.
    pub kind: &'static str,
    /// Whom it is about.
    pub name: String,
    /// The day observed or visited.
    pub date: String,
    /// What became of it.
    pub outcome: Outcome,
}

impl Arrival {
    /// A submission not saved.
    pub fn refused(why: Bilingual) -> Arrival {
        Arrival {
            kind: "",
            name: String::new(),
            date: String::new(),
            outcome: Outcome::Refused(why),
        }
    }

    /// One line of `pijat forms serve`'s output (a contract for scripts: a word, then the
    /// rest): `SAVED observation Budi 2026-12-07`, `RESENT visit Budi 2026-12-07`,
    /// `REFUSED why`.
    pub fn line(&self, lang: &str) -> String {
        match &self.outcome {
            Outcome::Saved => format!("SAVED {} {} {}", self.kind, self.date, self.name),
            Outcome::Already => format!("RESENT {} {} {}", self.kind, self.date, self.name),
            Outcome::Refused(why) => format!("REFUSED {}", why.get(lang)),
        }
    }

    /// What the phone is told.
    pub fn message(&self) -> Bilingual {
        let (name, date) = (&self.name, &self.date);
        match (&self.outcome, self.kind) {
            (Outcome::Saved, "observation") => {
                pijat_core::both!(odk, saved_observation, name = name, date = date)
            }
            (Outcome::Saved, _) => pijat_core::both!(odk, saved_visit, name = name, date = date),
            (Outcome::Already, _) => pijat_core::both!(odk, already_here, name = name, date = date),
            (Outcome::Refused(why), _) => pijat_core::both!(odk, refused_whole, why = *why),
        }
    }
}

/// The arrivals kept for the screen: the latest, however long a phone keeps sending.
const KEPT: usize = 500;

#[derive(Default)]
struct Kept {
    /// How many arrivals were dropped from the front.
    dropped: usize,
    latest: std::collections::VecDeque<Arrival>,
    saved: usize,
}

/// Every arrival, in order (the latest [`KEPT`] of them).
#[derive(Default)]
pub struct Log(Mutex<Kept>);

impl Log {
    fn lock(&self) -> std::sync::MutexGuard<'_, Kept> {
        self.0.lock().unwrap_or_else(|p| p.into_inner())
    }

    pub(super) fn push(&self, a: Arrival) {
        let mut k = self.lock();
        if a.outcome == Outcome::Saved {
            k.saved += 1;
        }
        k.latest.push_back(a);
        if k.latest.len() > KEPT {
            k.latest.pop_front();
            k.dropped += 1;
        }
    }

    /// The arrivals after the first `seen` (those still kept).
    pub fn since(&self, seen: usize) -> Vec<Arrival> {
        let k = self.lock();
        let skip = seen.saturating_sub(k.dropped);
        k.latest.iter().skip(skip).cloned().collect()
    }

    /// How many arrived in all.
    pub fn count(&self) -> usize {
        let k = self.lock();
        k.dropped + k.latest.len()
    }

    /// How many were saved now (not resends, not refusals).
    pub fn saved(&self) -> usize {
        self.lock().saved
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_log_keeps_the_latest_and_counts_them_all() {
        let log = Log::default();
        for i in 0..KEPT + 10 {
            log.push(Arrival {
                kind: "visit",
                name: i.to_string(),
                date: String::new(),
                outcome: if i % 2 == 0 {
                    Outcome::Saved
                } else {
                    Outcome::Already
                },
            });
        }
        assert_eq!(log.count(), KEPT + 10);
        assert_eq!(log.saved(), (KEPT + 10) / 2);
        assert_eq!(log.since(0).len(), KEPT);
        assert_eq!(log.since(0)[0].name, "10");
        assert_eq!(log.since(KEPT + 8).len(), 2);
        assert!(log.since(KEPT + 10).is_empty());
    }
}
