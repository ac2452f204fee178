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
            (Outcome::Refused(why), _) => {
                let why = why.clone();
                Bilingual::new(
                    pijat_core::both!(odk, refused_whole, why = why.id).id,
                    pijat_core::both!(odk, refused_whole, why = why.en).en,
                )
            }
        }
    }
}

/// Every arrival, in order.
#[derive(Default)]
pub struct Log(Mutex<Vec<Arrival>>);

impl Log {
    pub(super) fn push(&self, a: Arrival) {
        self.0.lock().unwrap_or_else(|p| p.into_inner()).push(a);
    }

    /// The arrivals after the first `seen`.
    pub fn since(&self, seen: usize) -> Vec<Arrival> {
        let all = self.0.lock().unwrap_or_else(|p| p.into_inner());
        all.get(seen..).map(<[Arrival]>::to_vec).unwrap_or_default()
    }

    /// How many were saved now (not resends, not refusals).
    pub fn saved(&self) -> usize {
        let all = self.0.lock().unwrap_or_else(|p| p.into_inner());
        all.iter().filter(|a| a.outcome == Outcome::Saved).count()
    }
}
