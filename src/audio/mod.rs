//! The audio guide: the guided practice as sound a father can play on his phone while he
//! massages. Each step is spoken, then (for a timed step) soft pacing clicks at the rhythm of the
//! pacing circle fill the step's real time, with the halfway and ten-seconds announcements; so a
//! timed step's track lasts exactly its time. Pure but for the speech it is given: no files, no
//! programs (see `cli::audio_guide`).

use crate::content::{Cue, Lang, Routine};

/// Spoken sentences as samples at one sample rate.
pub trait Synth {
    fn rate(&self) -> u32;
    fn speak(&mut self, text: &str) -> Result<Vec<i16>, String>;
}

/// What a step's track says, for the list beside the files.
#[derive(Clone, Debug, PartialEq)]
pub struct StepTrack {
    pub number: usize,
    pub step_id: String,
    pub title: String,
    pub spoken: String,
    pub seconds: Option<u32>,
    pub samples: Vec<i16>,
}

/// The sentences of the guide, in the interface's words.
pub struct Words<'a> {
    pub step: &'a str,
    pub halfway: &'a str,
    pub ten_seconds: &'a str,
}

/// Silence after an untimed step's sentence, before the next step.
const UNTIMED_PAUSE_MS: u64 = 1500;
/// How long a pacing click lasts.
const CLICK_MS: u64 = 25;

fn ms(rate: u32, ms: u64) -> usize {
    (u64::from(rate) * ms / 1000) as usize
}

/// A soft click: a short sine burst that fades out. Two pitches: up (growing) and down.
fn click(rate: u32, up: bool) -> Vec<i16> {
    let n = ms(rate, CLICK_MS);
    let freq = if up { 880.0 } else { 660.0 };
    (0..n)
        .map(|i| {
            let t = i as f64 / f64::from(rate);
            let fade = 1.0 - i as f64 / n as f64;
            (0.22 * f64::from(i16::MAX) * fade * fade * (std::f64::consts::TAU * freq * t).sin())
                as i16
        })
        .collect()
}

/// Adds `src` into `dst` at `at`, clipped at the end.
fn mix(dst: &mut [i16], src: &[i16], at: usize) {
    for (d, s) in dst.iter_mut().skip(at).zip(src) {
        *d = d.saturating_add(*s);
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
    let half = Cue::PACE / 2;
    let mut tracks = Vec::new();
    for (i, step) in routine.steps.iter().enumerate() {
        let title = step.title.get(lang).to_string();
        let spoken = format!(
            "{} {}. {title}. {}",
            words.step,
            i + 1,
            step.instruction.get(lang)
        );
        let speech = synth.speak(&spoken)?;
        let samples = match step.seconds {
            None => {
                let mut s = speech;
                s.extend(std::iter::repeat_n(0, ms(rate, UNTIMED_PAUSE_MS)));
                s
            }
            Some(secs) => {
                let total = ms(rate, u64::from(secs) * 1000).max(speech.len() + ms(rate, 500));
                let mut buf = vec![0i16; total];
                mix(&mut buf, &speech, 0);
                // Spoken marks: halfway, and ten seconds before the end (on steps long enough).
                let mut busy = vec![(0, speech.len())];
                let mut marks = Vec::new();
                if secs >= 20 {
                    marks.push((ms(rate, u64::from(secs) * 500), words.halfway));
                }
                if secs > 20 {
                    marks.push((ms(rate, (u64::from(secs) - 10) * 1000), words.ten_seconds));
                }
                for (at, text) in marks {
                    let said = synth.speak(text)?;
                    let at = at.max(busy.last().map_or(0, |b| b.1 + ms(rate, 200)));
                    if at + said.len() <= total {
                        mix(&mut buf, &said, at);
                        busy.push((at, at + said.len()));
                    }
                }
                // Clicks on the rhythm of the pacing circle, wherever nothing is being said.
                let step = ms(rate, half.as_millis() as u64);
                let first = speech.len() + ms(rate, 500);
                let mut at = first.div_ceil(step) * step;
                let mut up = true;
                let tail = ms(rate, 300);
                while at + tail < total {
                    let quiet = busy
                        .iter()
                        .all(|(a, b)| at + ms(rate, CLICK_MS) < *a || at > *b);
                    if quiet {
                        mix(&mut buf, &click(rate, up), at);
                    }
                    up = !up;
                    at += step;
                }
                buf
            }
        };
        tracks.push(StepTrack {
            number: i + 1,
            step_id: step.id.clone(),
            title,
            spoken,
            seconds: step.seconds,
            samples,
        });
    }
    Ok(tracks)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{Step, Text};

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

    #[test]
    fn a_timed_step_lasts_its_time_with_its_marks_and_an_untimed_one_its_sentence() {
        let routine = Routine {
            id: "r".into(),
            title: Text::same("r"),
            summary: None,
            pass_percent: 80,
            steps: vec![step("ask", None), step("massage", Some(30))],
        };
        let mut voice = Tone(Vec::new());
        let words = Words {
            step: "Step",
            halfway: "Halfway.",
            ten_seconds: "Ten seconds left.",
        };
        let tracks = render(&routine, &Lang::en(), &words, &mut voice).unwrap();
        assert_eq!(tracks[0].samples.len(), 8000 + 12000);
        assert_eq!(tracks[1].samples.len(), 30 * 8000);
        assert_eq!(
            voice.0,
            [
                "Step 1. ask. do it",
                "Step 2. massage. do it",
                "Halfway.",
                "Ten seconds left."
            ]
        );
        // Clicks between the sentences: sound at 4 s (nothing said then), at the click pitch.
        let at4 = &tracks[1].samples[4 * 8000..4 * 8000 + 100];
        assert!(at4.iter().any(|s| s.abs() > 1500), "a click at 4 s");
        // The halfway sentence at 15 s.
        assert_eq!(tracks[1].samples[15 * 8000 + 10], 1000);
    }
}
