//! Changing a clip's sample rate: espeak-ng speaks at 22,050 Hz, and Opus takes 8, 12, 16, 24 or
//! 48 kHz. rubato's sinc resampler with cubic interpolation, on a whole clip (its quality is
//! that of rubato's FFT resampler: the anti-aliasing filter keeps everything below the new
//! rate's band edge, and nothing above it folds down).

use rubato::audioadapter_buffers::direct::InterleavedSlice;
use rubato::{
    Async, FixedAsync, Resampler, SincInterpolationParameters, SincInterpolationType,
    WindowFunction,
};

/// A resampler from one rate to another, made once and used for every sentence.
pub struct Resample {
    sinc: Option<Async<f32>>,
}

impl Resample {
    /// A resampler from one rate to another.
    pub fn new(from: u32, to: u32) -> Result<Self, String> {
        if from == to {
            return Ok(Resample { sinc: None });
        }
        let filter = SincInterpolationParameters {
            sinc_len: 128,
            f_cutoff: None,
            interpolation: SincInterpolationType::Cubic,
            oversampling_factor: 128,
            window: WindowFunction::BlackmanHarris2,
        };
        let ratio = f64::from(to) / f64::from(from);
        Async::new_sinc(ratio, 1.0, &filter, 1024, 1, FixedAsync::Input)
            .map(|r| Resample { sinc: Some(r) })
            .map_err(|e| format!("resampling {from} Hz to {to} Hz: {e}"))
    }

    /// `clip` at the new rate: as long in time, give or take a sample.
    pub fn clip(&mut self, clip: &[i16]) -> Result<Vec<i16>, String> {
        let Some(sinc) = self.sinc.as_mut() else {
            return Ok(clip.to_vec());
        };
        if clip.is_empty() {
            return Ok(Vec::new());
        }
        let input: Vec<f32> = clip.iter().map(|s| f32::from(*s) / 32768.0).collect();
        let adapter = InterleavedSlice::new(&input, 1, input.len()).map_err(|e| e.to_string())?;
        let out = sinc
            .process_all(&adapter, input.len(), None)
            .map_err(|e| e.to_string())?;
        Ok(out
            .take_data()
            .into_iter()
            .map(|s| (s * 32768.0).round().clamp(-32768.0, 32767.0) as i16)
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::audio::test_signal::{rms, tone};

    #[test]
    fn a_clip_keeps_its_length_and_its_speech_band_and_loses_what_the_new_rate_cannot_hold() {
        let mut r = Resample::new(22_050, 16_000).unwrap();
        let speech = r.clip(&tone(22_050, 1000.0, 2.0, 0.25)).unwrap();
        assert!(
            (speech.len() as i64 - 32_000).abs() <= 1,
            "{}",
            speech.len()
        );
        let level = rms(&speech[1000..31_000]) / rms(&tone(16_000, 1000.0, 2.0, 0.25));
        assert!((0.95..1.05).contains(&level), "1 kHz kept: {level}");
        // 10 kHz is above 8 kHz, the band edge at 16 kHz: filtered out, not folded down.
        let high = r.clip(&tone(22_050, 10_000.0, 2.0, 0.25)).unwrap();
        assert!(rms(&high) < 100.0, "{}", rms(&high));
        assert!(r.clip(&[]).unwrap().is_empty());
        assert_eq!(
            Resample::new(16_000, 16_000)
                .unwrap()
                .clip(&[1, 2])
                .unwrap(),
            [1, 2]
        );
    }
}
