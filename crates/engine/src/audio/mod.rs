//! The audio guide: the guided practice as sound a father can play on his phone while he
//! massages. Each step is spoken; a timed step then fills its real time, so its track lasts
//! exactly that time. The massage itself (a step with a pacing cue) gets soft clicks at the rhythm
//! of the pacing circle; any other timed step (preparing the room, washing hands…) is a quiet wait
//! with a soft tick every 10 s, so it never sounds like massage time. Both get the halfway and
//! ten-seconds announcements and end with "next step". Pure but for the speech it is given: no
//! files, no programs (see `cli::audio_guide`); `ogg_opus` turns samples into the phone's format.

pub mod ogg_opus;
pub mod resample;

use crate::practice::{says_halfway, says_ten_seconds};
use pijat_content::{Cue, Lang, Routine};

/// Spoken sentences as samples at one sample rate.
pub trait Synth {
    /// The sample rate of what it speaks.
    fn rate(&self) -> u32;
    /// The audio of `text`.
    fn speak(&mut self, text: &str) -> Result<Vec<i16>, String>;
}

/// What a step's track says, for the list beside the files.
#[derive(Clone, Debug, PartialEq)]
pub struct StepTrack {
    /// Its number in the list.
    pub number: usize,
    /// The step it speaks.
    pub step_id: String,
    /// The step's title.
    pub title: String,
    /// What is said.
    pub spoken: String,
    /// The step's time, for a timed step.
    pub seconds: Option<u32>,
    /// Pacing clicks (the massage) rather than a quiet wait with ticks.
    pub paced: bool,
    /// The audio.
    pub samples: Vec<i16>,
}

/// The sentences of the guide, in the interface's words.
pub struct Words<'a> {
    /// Said when a step begins.
    pub step: &'a str,
    /// Said halfway through a timed step.
    pub halfway: &'a str,
    /// Said ten seconds before a timed step ends.
    pub ten_seconds: &'a str,
    /// Said as a timed step's time runs out, when another step follows.
    pub next_step: &'a str,
}

/// Silence after an untimed step's sentence, before the next step.
const UNTIMED_PAUSE_MS: u64 = 1500;
/// How long a pacing click lasts.
const CLICK_MS: u64 = 25;
/// The quiet wait's tick: shorter, higher and much softer than a click.
const TICK_MS: u64 = 12;
/// A tick every this many seconds of a quiet wait.
pub const TICK_EVERY_SECONDS: u32 = 10;
/// Quiet kept at the end of a timed step, after "next step".
const TAIL_MS: u64 = 300;

fn ms(rate: u32, ms: u64) -> usize {
    (u64::from(rate) * ms / 1000) as usize
}

/// A short sine burst that fades out, at `level` of full scale.
fn burst(rate: u32, millis: u64, freq: f64, level: f64) -> Vec<i16> {
    let n = ms(rate, millis);
    (0..n)
        .map(|i| {
            let t = i as f64 / f64::from(rate);
            let fade = 1.0 - i as f64 / n as f64;
            (level * f64::from(i16::MAX) * fade * fade * (std::f64::consts::TAU * freq * t).sin())
                as i16
        })
        .collect()
}

/// A soft click of the pacing rhythm. Two pitches: up (growing) and down.
fn click(rate: u32, up: bool) -> Vec<i16> {
    burst(rate, CLICK_MS, if up { 880.0 } else { 660.0 }, 0.22)
}

/// The quiet wait's tick.
fn tick(rate: u32) -> Vec<i16> {
    burst(rate, TICK_MS, 1320.0, 0.08)
}

/// Adds `src` into `dst` at `at`, clipped at the end.
fn mix(dst: &mut [i16], src: &[i16], at: usize) {
    for (d, s) in dst.iter_mut().skip(at).zip(src) {
        *d = d.saturating_add(*s);
    }
}

/// A timed step's sound: what is said where, and the clicks or ticks wherever nothing is said.
struct Timed {
    rate: u32,
    buf: Vec<i16>,
    /// Sample ranges where something is said, in order.
    busy: Vec<(usize, usize)>,
}

impl Timed {
    /// Says `said` from `at`, or as soon after the last sentence as there is room; left out when
    /// it would not end before `end`.
    fn say(&mut self, said: &[i16], at: usize, end: usize) {
        let gap = ms(self.rate, 200);
        let at = at.max(self.busy.last().map_or(0, |b| b.1 + gap));
        if at + said.len() <= end {
            mix(&mut self.buf, said, at);
            self.busy.push((at, at + said.len()));
        }
    }

    fn quiet(&self, at: usize, len: usize) -> bool {
        self.busy.iter().all(|(a, b)| at + len < *a || at > *b)
    }

    /// `sound` at every `every` samples from `first` on, where nothing is said; `sound(k)` gives
    /// the k-th one.
    fn repeat(&mut self, first: usize, every: usize, sound: impl Fn(usize) -> Vec<i16>) {
        let end = self.buf.len().saturating_sub(ms(self.rate, TAIL_MS));
        let mut at = first;
        let mut k = 0;
        while at < end {
            let s = sound(k);
            if self.quiet(at, s.len()) {
                mix(&mut self.buf, &s, at);
            }
            k += 1;
            at += every;
        }
    }
}

/// Renders every step of the routine.
pub fn render(
    routine: &Routine,
    lang: &Lang,
    words: &Words,
    synth: &mut dyn Synth,
) -> Result<Vec<StepTrack>, String> {
    let rate = synth.rate();
    let mut tracks = Vec::new();
    let count = routine.steps.len();
    for (i, step) in routine.steps.iter().enumerate() {
        let title = step.title.get(lang).to_string();
        let spoken = format!(
            "{} {}. {title}. {}",
            words.step,
            i + 1,
            step.instruction.get(lang)
        );
        let speech = synth.speak(&spoken)?;
        let paced = step.seconds.is_some() && step.cue.is_some();
        let samples = match step.seconds {
            None => {
                let mut s = speech;
                s.extend(std::iter::repeat_n(0, ms(rate, UNTIMED_PAUSE_MS)));
                s
            }
            Some(secs) => {
                let total = ms(rate, u64::from(secs) * 1000).max(speech.len() + ms(rate, 500));
                let mut t = Timed {
                    rate,
                    buf: vec![0i16; total],
                    busy: Vec::new(),
                };
                t.say(&speech, 0, total);
                let at_secs = |s: u32| ms(rate, u64::from(s) * 1000);
                if says_halfway(secs) {
                    t.say(
                        &synth.speak(words.halfway)?,
                        ms(rate, u64::from(secs) * 500),
                        total,
                    );
                }
                if says_ten_seconds(secs) {
                    t.say(&synth.speak(words.ten_seconds)?, at_secs(secs - 10), total);
                }
                if i + 1 < count {
                    let said = synth.speak(words.next_step)?;
                    let end = total - ms(rate, TAIL_MS);
                    t.say(&said, end.saturating_sub(said.len()), end);
                }
                if paced {
                    // Clicks on the rhythm of the pacing circle, from just after the sentence.
                    let every = ms(rate, (Cue::PACE / 2).as_millis() as u64);
                    let first = (speech.len() + ms(rate, 500)).div_ceil(every) * every;
                    t.repeat(first, every, |k| click(rate, k % 2 == 0));
                } else {
                    let every = at_secs(TICK_EVERY_SECONDS);
                    t.repeat(every, every, |_| tick(rate));
                }
                t.buf
            }
        };
        tracks.push(StepTrack {
            number: i + 1,
            step_id: step.id.clone(),
            title,
            spoken,
            seconds: step.seconds,
            paced,
            samples,
        });
    }
    Ok(tracks)
}

/// Test signals shared by the audio modules' tests.
#[cfg(test)]
pub(crate) mod test_signal {
    /// `secs` of a sine at `freq`, at `amp` of full scale.
    pub(crate) fn tone(rate: u32, freq: f64, secs: f64, amp: f64) -> Vec<i16> {
        let n = (f64::from(rate) * secs) as usize;
        (0..n)
            .map(|i| {
                let t = i as f64 / f64::from(rate);
                (amp * 32767.0 * (std::f64::consts::TAU * freq * t).sin()) as i16
            })
            .collect()
    }

    pub(crate) fn rms(s: &[i16]) -> f64 {
        (s.iter().map(|x| f64::from(*x).powi(2)).sum::<f64>() / s.len().max(1) as f64).sqrt()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use pijat_content::{Step, Text};

    /// A "voice" that says one second of a tone per sentence, and remembers what it said.
    struct Tone(Vec<String>);

    impl Synth for Tone {
        fn rate(&self) -> u32 {
            8000
        }
        fn speak(&mut self, text: &str) -> Result<Vec<i16>, String> {
            self.0.push(text.to_string());
            Ok(vec![1000; 8000])
        }
    }

    fn step(id: &str, seconds: Option<u32>) -> Step {
        Step {
            id: id.into(),
            title: Text::same(id),
            instruction: Text::same("do it"),
            why: None,
            note: None,
            seconds,
            cue: None,
            critical: false,
            figure: None,
            highlight: Vec::new(),
            sources: Vec::new(),
        }
    }

    fn routine(steps: Vec<Step>) -> Routine {
        Routine {
            id: "r".into(),
            title: Text::same("r"),
            summary: None,
            pass_percent: 80,
            steps,
        }
    }

    fn timed(id: &str, seconds: u32, cue: Option<Cue>) -> Step {
        Step {
            cue,
            ..step(id, Some(seconds))
        }
    }

    #[test]
    fn a_timed_step_lasts_its_time_with_its_marks_and_an_untimed_one_its_sentence() {
        let routine = routine(vec![
            step("ask", None),
            timed("room", 30, None),
            timed("massage", 30, Some(Cue::Circle)),
        ]);
        let mut voice = Tone(Vec::new());
        let words = Words {
            step: "Step",
            halfway: "Halfway.",
            ten_seconds: "Ten seconds left.",
            next_step: "Next step.",
        };
        let tracks = render(&routine, &Lang::en(), &words, &mut voice).unwrap();
        assert_eq!(tracks[0].samples.len(), 8000 + 12000);
        assert_eq!(tracks[1].samples.len(), 30 * 8000);
        assert_eq!(tracks[2].samples.len(), 30 * 8000);
        assert_eq!(
            voice.0,
            [
                "Step 1. ask. do it",
                "Step 2. room. do it",
                "Halfway.",
                "Ten seconds left.",
                "Next step.",
                "Step 3. massage. do it",
                "Halfway.",
                "Ten seconds left.",
            ],
            "no \"next step\" after the last step"
        );
        let at = |t: &StepTrack, from_ms: usize, to_ms: usize| {
            t.samples[from_ms * 8..to_ms * 8]
                .iter()
                .map(|s| s.unsigned_abs())
                .max()
                .unwrap_or(0)
        };
        // The massage: clicks between the sentences (at 4 s, nothing said then), the halfway
        // sentence at 15 s with no click over it.
        let massage = &tracks[2];
        assert!(massage.paced);
        assert!(at(massage, 4000, 4025) > 1500, "a click at 4 s");
        assert_eq!(massage.samples[15 * 8000 + 10], 1000);
        // The room: no clicks, a soft tick at 10 s (and none at 20 s, under "ten seconds
        // left"), "next step" ending 0.3 s before the end.
        let room = &tracks[1];
        assert!(!room.paced);
        assert_eq!(
            at(room, 1000, 10_000),
            0,
            "quiet between the sentence and 10 s"
        );
        let tick = at(room, 10_000, 10_020);
        assert!(tick > 300 && tick < 3000, "a soft tick at 10 s: {tick}");
        assert_eq!(at(room, 10_100, 15_000), 0, "quiet after the tick");
        assert_eq!(
            at(room, 21_000, 28_700),
            0,
            "no tick under the spoken marks"
        );
        assert_eq!(room.samples[29_000 * 8], 1000, "next step said at the end");
        assert_eq!(at(room, 29_700, 30_000), 0);
    }

    #[test]
    fn marks_follow_the_shared_rule_and_never_run_past_the_step() {
        let routine = routine(vec![timed("short", 19, None), timed("long", 20, None)]);
        let mut voice = Tone(Vec::new());
        let words = Words {
            step: "Step",
            halfway: "Halfway.",
            ten_seconds: "Ten.",
            next_step: "Next.",
        };
        let tracks = render(&routine, &Lang::en(), &words, &mut voice).unwrap();
        assert_eq!(
            voice.0,
            [
                "Step 1. short. do it",
                "Next.",
                "Step 2. long. do it",
                "Halfway."
            ]
        );
        assert_eq!(tracks[0].samples.len(), 19 * 8000);
        assert_eq!(tracks[1].samples.len(), 20 * 8000);
    }
}
