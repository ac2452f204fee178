//! `pijat audio-guide --out DIR [--routine ID]`: the guided practice as WAV files for a phone,
//! spoken by espeak-ng: one file per step, one complete track as long as the routine, and a
//! list of what each says. Files are written aside and renamed into place, so a stopped run
//! leaves no half-written track.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use super::{EXIT_INPUT, EXIT_USAGE, Shell, t};
use crate::audio::{StepTrack, Synth, Words, render};
use crate::speech::{espeak_program, pcm_from_wav, synthesize_wav};

struct Espeak {
    program: PathBuf,
    lang: String,
    rate: u32,
}

impl Synth for Espeak {
    fn rate(&self) -> u32 {
        self.rate
    }

    fn speak(&mut self, text: &str) -> Result<Vec<i16>, String> {
        let (rate, samples) = pcm_from_wav(&synthesize_wav(&self.program, text, &self.lang)?)?;
        if rate != self.rate {
            return Err(format!(
                "espeak-ng changed its sample rate ({rate} Hz, not {} Hz)",
                self.rate
            ));
        }
        Ok(samples)
    }
}

/// A file problem in the user's words, with the path.
fn io_msg(path: &Path, e: &std::io::Error, lang: &crate::content::Lang) -> String {
    crate::core::io_words::io_problem(path, e)
        .get(lang.code())
        .to_string()
}

fn write_wav(
    path: &Path,
    rate: u32,
    samples: &[i16],
    lang: &crate::content::Lang,
) -> Result<(), String> {
    let aside = path.with_extension("wav.part");
    let done = write_wav_at(&aside, rate, samples)
        .and_then(|()| std::fs::rename(&aside, path))
        .map_err(|e| io_msg(path, &e, lang));
    if done.is_err() {
        // No partial track is left behind.
        let _ = std::fs::remove_file(&aside);
    }
    done
}

fn write_wav_at(aside: &Path, rate: u32, samples: &[i16]) -> std::io::Result<()> {
    let spec = hound::WavSpec {
        channels: 1,
        sample_rate: rate,
        bits_per_sample: 16,
        sample_format: hound::SampleFormat::Int,
    };
    let io = |e: hound::Error| match e {
        hound::Error::IoError(e) => e,
        other => std::io::Error::other(other.to_string()),
    };
    let mut w = hound::WavWriter::create(aside, spec).map_err(io)?;
    for s in samples {
        w.write_sample(*s).map_err(io)?;
    }
    w.finalize().map_err(io)
}

fn duration(samples: usize, rate: u32) -> String {
    let secs = (samples as u64 + u64::from(rate) / 2) / u64::from(rate);
    format!("{}:{:02}", secs / 60, secs % 60)
}

pub fn run(shell: &Shell, out: &Path, routine_id: Option<&str>) -> u8 {
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
            t(lang, "tidak ada rutinitas", "no routine"),
            routine_id.unwrap_or(""),
            ids.join(", ")
        );
        return EXIT_USAGE;
    };
    let Some(program) = espeak_program() else {
        crate::errln!(
            "{}",
            t(
                lang,
                "Panduan audio perlu espeak-ng, yang belum terpasang. Debian/Ubuntu: sudo apt install espeak-ng; Windows: pasang espeak-ng dari https://github.com/espeak-ng/espeak-ng/releases.",
                "The audio guide needs espeak-ng, which is not installed. Debian/Ubuntu: sudo apt install espeak-ng; Windows: install espeak-ng from https://github.com/espeak-ng/espeak-ng/releases."
            )
        );
        return EXIT_INPUT;
    };
    let s = crate::tui::text::tr(lang);
    let words = Words {
        step: s.say_step,
        halfway: s.say_halfway,
        ten_seconds: s.say_ten_seconds,
    };
    let probe = synthesize_wav(&program, "a", lang.code()).and_then(|w| pcm_from_wav(&w));
    let rate = match probe {
        Ok((rate, _)) => rate,
        Err(e) => {
            crate::errln!("{e}");
            return EXIT_INPUT;
        }
    };
    let mut synth = Espeak {
        program,
        lang: lang.code().to_string(),
        rate,
    };
    let tracks = match render(routine, lang, &words, &mut synth) {
        Ok(t) => t,
        Err(e) => {
            crate::errln!("{e}");
            return EXIT_INPUT;
        }
    };
    match write_all(out, routine, &tracks, rate, lang) {
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

fn write_all(
    out: &Path,
    routine: &crate::content::Routine,
    tracks: &[StepTrack],
    rate: u32,
    lang: &crate::content::Lang,
) -> Result<Vec<String>, String> {
    if out.exists() && !out.is_dir() {
        let o = out.display();
        return Err(if lang.is_en() {
            format!(
                "{o} is a file, not a folder: name a folder for the audio guide (it is made if it does not exist)"
            )
        } else {
            format!(
                "{o} adalah berkas, bukan folder: sebutkan folder untuk panduan suara (folder dibuat bila belum ada)"
            )
        });
    }
    std::fs::create_dir_all(out).map_err(|e| io_msg(out, &e, lang))?;
    let code = lang.code();
    let mut list = String::new();
    let title = routine.title.get(lang);
    let _ = writeln!(list, "{title} — pijat");
    let _ = writeln!(list);
    let mut all: Vec<i16> = Vec::new();
    let mut printed = Vec::new();
    for tr in tracks {
        let name = format!("{:02}-{}-{code}.wav", tr.number, tr.step_id);
        write_wav(&out.join(&name), rate, &tr.samples, lang)?;
        let _ = writeln!(
            list,
            "{name}  ({})  {}",
            duration(tr.samples.len(), rate),
            tr.spoken
        );
        all.extend_from_slice(&tr.samples);
    }
    let complete = format!("00-{}-{code}.wav", routine.id);
    write_wav(&out.join(&complete), rate, &all, lang)?;
    let total = duration(all.len(), rate);
    let intro = if lang.is_en() {
        format!(
            "\n{complete}  ({total})  the whole routine in one track: each step spoken, then soft clicks at the pace of the strokes for the step's time, with \"halfway\" and \"ten seconds left\".\n"
        )
    } else {
        format!(
            "\n{complete}  ({total})  seluruh rutinitas dalam satu trek: tiap langkah dibacakan, lalu bunyi klik pelan seirama pijatan selama waktu langkah itu, dengan \"setengah waktu\" dan \"sepuluh detik lagi\".\n"
        )
    };
    list.push_str(&intro);
    let list_name = if lang.is_en() {
        "tracks.txt"
    } else {
        "daftar-trek.txt"
    };
    let list_path = out.join(list_name);
    let aside = list_path.with_extension("txt.part");
    let written = std::fs::write(&aside, list).and_then(|()| std::fs::rename(&aside, &list_path));
    if let Err(e) = written {
        let _ = std::fs::remove_file(&aside);
        return Err(io_msg(&list_path, &e, lang));
    }
    printed.push(format!(
        "{}: {} {} + {complete} ({total}), {list_name}",
        out.display(),
        tracks.len(),
        if lang.is_en() {
            "step tracks"
        } else {
            "trek langkah"
        }
    ));
    Ok(printed)
}
