//! Rendering the audio guide of the shipped routine, without espeak-ng's own time (a stand-in
//! voice says a tone as long as the sentence would take): the timeline, the resampling of
//! espeak-ng's 22 kHz speech, and the Ogg Opus encoding of the complete track (10 minutes).
//! Target: the whole guide in under 5 s on a trainer's old laptop, so in under 2 s here.
//! `cargo bench --bench audio_guide`

use pijat_content::{Content, Lang, load_with};
use pijat_engine::audio::ogg_opus::{self, RATE, Tags};
use pijat_engine::audio::resample::Resample;
use pijat_engine::audio::{StepTrack, Synth, Words, render};

fn main() {
    divan::main();
}

/// espeak-ng's pace, about 150 words a minute: a word in 0.4 s, said as a soft tone.
struct Voice(u32);

impl Synth for Voice {
    fn rate(&self) -> u32 {
        self.0
    }
    fn speak(&mut self, text: &str) -> Result<Vec<i16>, String> {
        let n = text.split_whitespace().count() * self.0 as usize * 2 / 5;
        Ok((0..n)
            .map(|i| ((i as f64 * 0.07).sin() * 6000.0) as i16)
            .collect())
    }
}

fn content() -> &'static Content {
    Box::leak(Box::new(load_with(None).content.unwrap()))
}

const WORDS: Words = Words {
    step: "Langkah",
    halfway: "Setengah waktu.",
    ten_seconds: "Sepuluh detik lagi.",
    next_step: "Langkah berikutnya.",
};

fn tracks() -> Vec<StepTrack> {
    let routine = content().routine("oxytocin-massage").unwrap();
    render(routine, &Lang::id(), &WORDS, &mut Voice(RATE)).unwrap()
}

#[divan::bench]
fn timeline_of_the_routine(b: divan::Bencher) {
    let routine = content().routine("oxytocin-massage").unwrap();
    b.bench(|| render(routine, &Lang::id(), &WORDS, &mut Voice(RATE)).unwrap());
}

#[divan::bench]
fn resample_a_minute_of_speech(b: divan::Bencher) {
    let minute = Voice(22_050).speak(&"kata ".repeat(150)).unwrap();
    let mut r = Resample::new(22_050, RATE).unwrap();
    b.bench_local(|| r.clip(&minute).unwrap());
}

#[divan::bench(sample_count = 10)]
fn encode_the_complete_track(b: divan::Bencher) {
    let all: Vec<i16> = tracks().into_iter().flat_map(|t| t.samples).collect();
    let tags = Tags {
        title: "Latihan pijat oksitosin",
        album: "Latihan pijat oksitosin",
        language: "id",
    };
    b.bench(|| ogg_opus::encode(&all, RATE, &tags).unwrap());
}
