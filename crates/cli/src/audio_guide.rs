//! `pijat audio-guide --out DIR [--routine ID] [--format ogg|wav]`: the guided practice as audio
//! for a phone, spoken by espeak-ng: one file per step, one complete track as long as the
//! routine, and a list of what each says. Ogg Opus by default (small enough for WhatsApp; see
//! `audio::ogg_opus`), 22 kHz WAV with `--format wav`. File names follow the language of the
//! guide. Files are written aside and renamed into place, so a stopped run leaves no
//! half-written track.

use pijat_core::strings::cli::tr;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use unicode_normalization::UnicodeNormalization;

use super::{EXIT_INPUT, EXIT_USAGE, Shell};
use pijat_content::{Lang, Routine};
use pijat_engine::audio::resample::Resample;
use pijat_engine::audio::{StepTrack, Synth, Words, ogg_opus, render};
use pijat_speech::{espeak_program, pcm_from_wav, synthesize_wav};

/// The file format of the guide.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Ogg Opus: what WhatsApp's voice notes use; every Android phone plays it.
    Ogg,
    /// 16-bit WAV at espeak-ng's rate: large, for editing.
    Wav,
}

impl Format {
    fn ext(self) -> &'static str {
        match self {
            Format::Ogg => "ogg",
            Format::Wav => "wav",
        }
    }
}

/// `--format`: ogg or wav. MP3 is named in the contract as a possible choice; pijat writes Ogg
/// Opus instead, and says why.
pub(crate) fn parse_format(s: &str) -> Result<Format, String> {
    match s.to_ascii_lowercase().as_str() {
        "ogg" | "opus" => Ok(Format::Ogg),
        "wav" => Ok(Format::Wav),
        "mp3" => Err(
            "pijat writes Ogg Opus, not MP3: it is smaller at the same clearness of speech and plays on every Android phone and in WhatsApp; use --format ogg (or wav)".into(),
        ),
        _ => Err(format!("`{s}` is not an audio format: use ogg or wav")),
    }
}

struct Espeak {
    program: PathBuf,
    lang: String,
    /// espeak-ng's own rate, and the change to the guide's rate.
    spoken_rate: u32,
    resample: Resample,
    rate: u32,
}

impl Synth for Espeak {
    fn rate(&self) -> u32 {
        self.rate
    }

    fn speak(&mut self, text: &str) -> Result<Vec<i16>, String> {
        let (rate, samples) = pcm_from_wav(&synthesize_wav(&self.program, text, &self.lang)?)?;
        if rate != self.spoken_rate {
            return Err(format!(
                "espeak-ng changed its sample rate ({rate} Hz, not {} Hz)",
                self.spoken_rate
            ));
        }
        self.resample.clip(&samples)
    }
}

/// A file problem in the user's words, with the path.
fn io_msg(path: &Path, e: &std::io::Error, lang: &Lang) -> String {
    pijat_core::io_words::io_problem(path, e)
        .get(lang.code())
        .to_string()
}

/// Writes `bytes` to `path` through `path.part`, renamed into place when complete; no partial
/// file is left behind on failure.
fn write_aside(path: &Path, bytes: &[u8], lang: &Lang) -> Result<(), String> {
    let mut aside = path.as_os_str().to_owned();
    aside.push(".part");
    let aside = PathBuf::from(aside);
    let done = std::fs::write(&aside, bytes)
        .and_then(|()| std::fs::rename(&aside, path))
        .map_err(|e| io_msg(path, &e, lang));
    if done.is_err() {
        let _ = std::fs::remove_file(&aside);
    }
    done
}

fn wav_bytes(rate: u32, samples: &[i16]) -> Result<Vec<u8>, String> {
    let spec = hound::WavSpec {
        channels: 1,
        sample_rate: rate,
        bits_per_sample: 16,
        sample_format: hound::SampleFormat::Int,
    };
    let mut out = std::io::Cursor::new(Vec::new());
    let mut w = hound::WavWriter::new(&mut out, spec).map_err(|e| e.to_string())?;
    for s in samples {
        w.write_sample(*s).map_err(|e| e.to_string())?;
    }
    w.finalize().map_err(|e| e.to_string())?;
    Ok(out.into_inner())
}

fn duration(samples: usize, rate: u32) -> String {
    let secs = (samples as u64 + u64::from(rate) / 2) / u64::from(rate);
    format!("{}:{:02}", secs / 60, secs % 60)
}

/// The longest name part of a file: long titles are cut at a word.
const SLUG_MAX: usize = 40;

/// A title as a file name part: ASCII letters and digits, lowercase, words joined by hyphens
/// ("Cuci tangan" → `cuci-tangan`, "Réunion" → `reunion`); `fallback` when nothing is left.
pub(crate) fn slug(title: &str, fallback: &str) -> String {
    let mut s = String::new();
    for c in title.nfkd() {
        if c.is_ascii_alphanumeric() {
            s.push(c.to_ascii_lowercase());
        } else if matches!(c, '\'' | '’') || unicode_normalization::char::is_combining_mark(c) {
            // "mother's" → `mothers`, "é" → `e`.
        } else if !s.is_empty() && !s.ends_with('-') {
            s.push('-');
        }
    }
    if s.len() > SLUG_MAX {
        let cut = s[..=SLUG_MAX].rfind('-').unwrap_or(SLUG_MAX);
        s.truncate(cut);
    }
    let s = s.trim_end_matches('-').to_string();
    if s.is_empty() {
        fallback.to_string()
    } else {
        s
    }
}

pub(crate) fn run(shell: &Shell, out: &Path, routine_id: Option<&str>, format: Format) -> u8 {
    let lang = &shell.lang;
    let content = match shell.content_or_exit() {
        Ok(c) => c,
        Err(code) => return code,
    };
    let routine = match routine_id {
        Some(id) => content.routine(id),
        None => content.routines().next(),
    };
    let Some(routine) = routine else {
        let ids: Vec<&str> = content.routines().map(|r| r.id.as_str()).collect();
        crate::errln!(
            "{} `{}`: {}",
            tr(lang).no_routine,
            routine_id.unwrap_or(""),
            ids.join(", ")
        );
        return EXIT_USAGE;
    };
    let Some(program) = espeak_program() else {
        crate::errln!("{}", tr(lang).audio_guide_needs_espeak);
        return EXIT_INPUT;
    };
    let s = pijat_core::strings::tr(lang);
    let words = Words {
        step: s.say_step,
        halfway: s.say_halfway,
        ten_seconds: s.say_ten_seconds,
        next_step: tr(lang).next_step,
    };
    let probe = synthesize_wav(&program, "a", lang.code()).and_then(|w| pcm_from_wav(&w));
    let spoken_rate = match probe {
        Ok((rate, _)) => rate,
        Err(e) => {
            crate::errln!("{e}");
            return EXIT_INPUT;
        }
    };
    let rate = match format {
        Format::Ogg => ogg_opus::RATE,
        Format::Wav => spoken_rate,
    };
    let resample = match Resample::new(spoken_rate, rate) {
        Ok(r) => r,
        Err(e) => {
            crate::errln!("{e}");
            return EXIT_INPUT;
        }
    };
    let mut synth = Espeak {
        program,
        lang: lang.code().to_string(),
        spoken_rate,
        resample,
        rate,
    };
    let tracks = match render(routine, lang, &words, &mut synth) {
        Ok(t) => t,
        Err(e) => {
            crate::errln!("{e}");
            return EXIT_INPUT;
        }
    };
    match write_all(out, routine, &tracks, rate, lang, format) {
        Ok(lines) => {
            for l in lines {
                crate::outln!("{l}");
            }
            0
        }
        Err(e) => {
            crate::errln!("{e}");
            EXIT_INPUT
        }
    }
}

/// A track as the bytes of its file.
fn file_bytes(
    format: Format,
    rate: u32,
    samples: &[i16],
    title: &str,
    album: &str,
    lang: &Lang,
) -> Result<Vec<u8>, String> {
    match format {
        Format::Wav => wav_bytes(rate, samples),
        Format::Ogg => ogg_opus::encode(
            samples,
            rate,
            &ogg_opus::Tags {
                title,
                album,
                language: lang.code(),
            },
        ),
    }
}

fn megabytes(bytes: usize, lang: &Lang) -> String {
    format!("{} MB", lang.decimal(bytes as f64 / 1_000_000.0, 1))
}

fn write_all(
    out: &Path,
    routine: &Routine,
    tracks: &[StepTrack],
    rate: u32,
    lang: &Lang,
    format: Format,
) -> Result<Vec<String>, String> {
    if out.exists() && !out.is_dir() {
        let o = out.display();
        return Err(pijat_core::fill!(
            cli,
            pijat_core::strings::cli::tr(lang),
            file_not_folder_name,
            o = o
        ));
    }
    std::fs::create_dir_all(out).map_err(|e| io_msg(out, &e, lang))?;
    let code = lang.code();
    let ext = format.ext();
    let mut list = String::new();
    let title = routine.title.get(lang);
    let _ = writeln!(list, "{title} — pijat");
    let _ = writeln!(list);
    let all: Vec<i16> = tracks
        .iter()
        .flat_map(|t| t.samples.iter().copied())
        .collect();
    let complete = format!("00-{}-{code}.{ext}", slug(title, &routine.id));
    // The complete track is half the encoding: it is made on a second core meanwhile.
    let bytes = std::thread::scope(|scope| {
        let whole = scope.spawn(|| file_bytes(format, rate, &all, title, title, lang));
        for tr in tracks {
            let name = format!(
                "{:02}-{}-{code}.{ext}",
                tr.number,
                slug(&tr.title, &tr.step_id)
            );
            let label = format!("{}. {}", tr.number, tr.title);
            let bytes = file_bytes(format, rate, &tr.samples, &label, title, lang)?;
            write_aside(&out.join(&name), &bytes, lang)?;
            let _ = writeln!(
                list,
                "{name}  ({})  {}",
                duration(tr.samples.len(), rate),
                tr.spoken
            );
        }
        whole
            .join()
            .unwrap_or_else(|_| Err("pijat: encoding the complete track failed".into()))
    })?;
    write_aside(&out.join(&complete), &bytes, lang)?;
    let total = duration(all.len(), rate);
    let kind = match format {
        Format::Ogg => pijat_core::fill!(
            cli,
            tr(lang),
            ogg_plays_on_phones,
            kbit = (ogg_opus::BITRATE / 1000)
        ),
        Format::Wav => format!("WAV, {rate} Hz"),
    };
    let size = megabytes(bytes.len(), lang);
    let intro = pijat_core::fill!(
        cli,
        tr(lang),
        complete_track_intro,
        complete = complete,
        total = total,
        size = size,
        kind = kind
    );
    list.push_str(&intro);
    let list_name = tr(lang).tracks_txt;
    write_aside(&out.join(list_name), list.as_bytes(), lang)?;
    Ok(vec![format!(
        "{}: {} {} + {complete} ({total}, {}), {list_name}",
        out.display(),
        tracks.len(),
        tr(lang).step_tracks,
        megabytes(bytes.len(), lang)
    )])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_title_becomes_a_short_ascii_file_name_part() {
        assert_eq!(
            slug("Cek apakah pijat cocok", "check-safe"),
            "cek-apakah-pijat-cocok"
        );
        assert_eq!(slug("The mother's position", "x"), "the-mothers-position");
        assert_eq!(slug("  Réunion — café!  ", "x"), "reunion-cafe");
        assert_eq!(slug("ꦥꦶꦗꦠ꧀", "massage"), "massage");
        let long = slug("Di kedua sisi tulang belakang, bukan di tulangnya", "x");
        assert_eq!(long, "di-kedua-sisi-tulang-belakang-bukan-di");
        assert!(long.len() <= SLUG_MAX);
    }

    #[test]
    fn mp3_is_refused_with_the_reason_and_ogg_and_wav_are_formats() {
        assert_eq!(parse_format("ogg"), Ok(Format::Ogg));
        assert_eq!(parse_format("WAV"), Ok(Format::Wav));
        assert!(parse_format("mp3").unwrap_err().contains("WhatsApp"));
        assert!(parse_format("flac").is_err());
    }
}
