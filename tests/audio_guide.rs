//! `pijat audio-guide` with the real espeak-ng: the tracks decoded back (Ogg Opus, the default)
//! and checked for length (within 1 % of the routine), sound (not silent), and where the clicks
//! are (only in the massage step; the other timed steps tick softly every 10 s); the shipped
//! routine's complete track under 2 MB; WAV with `--format wav`. espeak-ng is needed: `.ci/run`
//! installs it and sets PIJAT_REQUIRE_ALL=1; on a machine without it these tests say so and
//! do nothing else.

mod common;

use std::path::Path;
use std::process::{Command, Output};

use pijat_engine::audio::ogg_opus::{RATE, decode};

const MODULE: &str = r#"format_version = 1
id = "guide-test"
order = 9
title = { id = "Uji panduan", en = "Guide test" }
sources = ["S1"]

[[page]]
title = { id = "Halaman", en = "Page" }
body = { id = "Teks.", en = "Text." }
sources = ["S1"]

[[routine]]
id = "guide-short"
title = { id = "Pijat singkat", en = "Short massage" }

[[routine.step]]
id = "warm-up"
title = { id = "Hangatkan", en = "Warm up" }
do = { id = "Gosok telapak tangan.", en = "Rub your palms together." }
seconds = 20

[[routine.step]]
id = "circles"
title = { id = "Lingkaran kecil", en = "Small circles" }
do = { id = "Buat lingkaran kecil dengan ibu jari.", en = "Make small circles with your thumbs." }
seconds = 25
cue = "circle"
"#;

fn espeak_installed() -> bool {
    let there = Command::new("espeak-ng")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !there {
        common::skip::skip("espeak-ng is not installed (the audio guide)");
    }
    there
}

/// The short routine as a content folder in `dir`.
fn content(dir: &Path) -> std::path::PathBuf {
    let content = dir.join("content");
    std::fs::create_dir_all(content.join("curriculum")).unwrap();
    std::fs::write(content.join("curriculum/09-guide-test.toml"), MODULE).unwrap();
    content
}

fn guide(dir: &Path, args: &[&str], content: Option<&Path>) -> Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_pijat"));
    c.arg("audio-guide").args(args).env("PIJAT_DATA_DIR", dir);
    if let Some(content) = content {
        c.arg("--content").arg(content);
    }
    c.output().unwrap()
}

/// The short routine's guide in `lang` into `out`, with `extra` arguments.
fn short(dir: &Path, out: &Path, lang: &str, extra: &[&str]) -> Output {
    let content = content(dir);
    let mut args = vec!["--routine", "guide-short", "--lang", lang, "--out"];
    args.push(out.to_str().unwrap());
    args.extend_from_slice(extra);
    guide(dir, &args, Some(&content))
}

fn succeeded(run: &Output) {
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
}

fn ogg(path: &Path) -> Vec<i16> {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    decode(&bytes)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .samples
}

fn secs(samples: &[i16]) -> f64 {
    samples.len() as f64 / f64::from(RATE)
}

fn rms(samples: &[i16]) -> f64 {
    (samples.iter().map(|s| f64::from(*s).powi(2)).sum::<f64>() / samples.len().max(1) as f64)
        .sqrt()
}

/// Where short sounds stand alone (a click or a tick, not speech): at most 60 ms of sound with
/// at least 300 ms of quiet before and after. Their starts, in seconds.
fn lone_bursts(samples: &[i16]) -> Vec<f64> {
    let frame = RATE as usize / 100; // 10 ms
    let loud: Vec<bool> = samples.chunks(frame).map(|f| rms(f) > 150.0).collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < loud.len() {
        if !loud[i] {
            i += 1;
            continue;
        }
        let start = i;
        while i < loud.len() && loud[i] {
            i += 1;
        }
        let quiet_before = start >= 30 && !loud[start - 30..start].iter().any(|l| *l);
        let quiet_after = i + 30 <= loud.len() && !loud[i..i + 30].iter().any(|l| *l);
        if i - start <= 6 && quiet_before && quiet_after {
            out.push(start as f64 / 100.0);
        }
    }
    out
}

/// Every burst on a multiple of `every` seconds from the start of the step (within 30 ms).
fn on_grid(bursts: &[f64], every: f64) -> bool {
    bursts.iter().all(|t| {
        let off = t % every;
        off < 0.03 || every - off < 0.03
    })
}

/// Clicks only where the massage is: a paced step clicks on the 2 s grid all through; another
/// timed step has at most a tick every 10 s.
fn check_sounds(name: &str, samples: &[i16], seconds: u32, paced: bool) {
    let bursts = lone_bursts(samples);
    if paced {
        assert!(
            bursts.len() as u32 >= seconds / 4,
            "{name}: pacing clicks all through: {bursts:?}"
        );
        assert!(
            on_grid(&bursts, 2.0),
            "{name}: clicks every 2 s: {bursts:?}"
        );
    } else {
        assert!(
            bursts.len() as u32 <= seconds / 10,
            "{name}: no pacing clicks, at most a tick every 10 s: {bursts:?}"
        );
        assert!(
            on_grid(&bursts, 10.0),
            "{name}: ticks on the 10 s: {bursts:?}"
        );
    }
}

#[test]
fn the_guide_is_ogg_opus_named_in_its_language_as_long_as_the_routine_with_clicks_only_in_the_massage()
 {
    if !espeak_installed() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("guide");
    let names = [
        (
            "id",
            "daftar-trek.txt",
            ["hangatkan", "lingkaran-kecil", "pijat-singkat"],
        ),
        (
            "en",
            "tracks.txt",
            ["warm-up", "small-circles", "short-massage"],
        ),
    ];
    for (lang, list, [name1, name2, name0]) in names {
        succeeded(&short(dir.path(), &out, lang, &[]));
        let step1 = ogg(&out.join(format!("01-{name1}-{lang}.ogg")));
        let step2 = ogg(&out.join(format!("02-{name2}-{lang}.ogg")));
        let whole = ogg(&out.join(format!("00-{name0}-{lang}.ogg")));
        for (name, s) in [("step 1", &step1), ("step 2", &step2), ("whole", &whole)] {
            assert!(rms(s) > 100.0, "{lang} {name} is silent");
        }
        // Each timed step lasts its time, and so the whole track the routine's 45 s, within 1 %.
        assert!((secs(&step1) - 20.0).abs() <= 0.2, "{}", secs(&step1));
        assert!((secs(&step2) - 25.0).abs() <= 0.25, "{}", secs(&step2));
        assert!((secs(&whole) - 45.0).abs() <= 0.45, "{}", secs(&whole));
        check_sounds("warm up", &step1, 20, false);
        check_sounds("small circles", &step2, 25, true);
        check_sounds(
            "whole, massage part",
            &whole[20 * RATE as usize..],
            25,
            true,
        );
        let listed = std::fs::read_to_string(out.join(list)).unwrap();
        let first = if lang == "en" {
            "Step 1. Warm up"
        } else {
            "Langkah 1. Hangatkan"
        };
        assert!(listed.contains(first), "{listed}");
        // The size with the reader's decimal mark: 0,1 MB in Indonesian, 0.1 MB in English.
        let mark = if lang == "en" { "." } else { "," };
        assert!(
            listed.contains(&format!("00-{name0}-{lang}.ogg  (0:45, 0{mark}")),
            "{listed}"
        );
        assert!(listed.contains("Ogg Opus, 24 kbit/s"), "{listed}");
    }
    let names: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        !names
            .iter()
            .any(|n| n.contains("circles-id") || n.ends_with(".part")),
        "file names from the titles, nothing half-written: {names:?}"
    );
}

#[test]
fn the_shipped_routine_fits_whatsapp_under_2_mb_and_lasts_the_routine() {
    if !espeak_installed() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("guide");
    let run = guide(dir.path(), &["--out", out.to_str().unwrap()], None);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let loaded = pijat_content::load_with(None).content.unwrap();
    let routine = loaded.routine("oxytocin-massage").unwrap();
    let mut tracks: Vec<_> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "ogg"))
        .collect();
    tracks.sort();
    assert_eq!(tracks.len(), routine.steps.len() + 1, "{tracks:?}");
    let whole = &tracks[0];
    assert!(
        whole.ends_with("00-latihan-pijat-oksitosin-id.ogg"),
        "{}",
        whole.display()
    );
    let size = std::fs::metadata(whole).unwrap().len();
    assert!(size <= 2_000_000, "the complete track is {size} bytes");
    // The routine's length: its timed steps' seconds, and each untimed step as long as said.
    let mut expected = 0.0;
    for (step, path) in routine.steps.iter().zip(&tracks[1..]) {
        let samples = ogg(path);
        match step.seconds {
            Some(s) => {
                assert!(
                    (secs(&samples) - f64::from(s)).abs() <= f64::from(s) * 0.01,
                    "{}: {} s",
                    path.display(),
                    secs(&samples)
                );
                check_sounds(&step.id, &samples, s, step.cue.is_some());
                expected += f64::from(s);
            }
            None => expected += secs(&samples),
        }
    }
    let samples = ogg(whole);
    assert!(rms(&samples) > 100.0, "the complete track is silent");
    assert!(
        (secs(&samples) - expected).abs() <= expected * 0.01,
        "{} s, the routine {expected} s",
        secs(&samples)
    );
    // The massage step is the only one with clicks: the shipped routine has one.
    assert_eq!(routine.steps.iter().filter(|s| s.cue.is_some()).count(), 1);
}

#[test]
fn with_format_wav_the_guide_is_22_khz_wav() {
    if !espeak_installed() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("guide");
    succeeded(&short(dir.path(), &out, "en", &["--format", "wav"]));
    let mut r = hound::WavReader::open(out.join("00-short-massage-en.wav")).unwrap();
    assert_eq!(r.spec().sample_rate, 22_050);
    let samples: Vec<i16> = r.samples::<i16>().map(Result::unwrap).collect();
    assert!((samples.len() as f64 / 22_050.0 - 45.0).abs() <= 0.45);
    assert!(rms(&samples) > 100.0);
    let run = guide(
        dir.path(),
        &["--format", "mp3", "--out", out.to_str().unwrap()],
        None,
    );
    assert_eq!(run.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&run.stderr).contains("Ogg Opus"));
}

#[test]
fn without_espeak_the_guide_names_what_to_install() {
    let dir = tempfile::tempdir().unwrap();
    let run = Command::new(env!("CARGO_BIN_EXE_pijat"))
        .args(["audio-guide", "--lang", "en", "--out"])
        .arg(dir.path().join("guide"))
        .env("PIJAT_DATA_DIR", dir.path())
        .env("PATH", dir.path())
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(1));
    let err = String::from_utf8_lossy(&run.stderr);
    assert!(
        err.contains("The audio guide needs espeak-ng") && err.contains("apt install espeak-ng"),
        "{err}"
    );
    assert!(!dir.path().join("guide").exists(), "nothing written");
}

#[test]
fn an_out_that_is_a_file_or_a_folder_in_a_tracks_place_leaves_nothing_half_written() {
    if !espeak_installed() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let run_at = |out: &Path| short(dir.path(), out, "en", &[]);
    // --out names a file.
    let file = dir.path().join("notes.txt");
    std::fs::write(&file, "mine").unwrap();
    let run = run_at(&file);
    let err = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(1), "{err}");
    assert!(
        err.contains("is a file, not a folder") && !err.contains("os error"),
        "{err}"
    );
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "mine");
    // A folder stands where the complete track goes.
    let out = dir.path().join("guide");
    std::fs::create_dir_all(out.join("00-short-massage-en.ogg")).unwrap();
    let run = run_at(&out);
    let err = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(1), "{err}");
    assert!(
        err.contains("00-short-massage-en.ogg") && !err.contains("os error"),
        "{err}"
    );
    let parts: Vec<_> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".part"))
        .collect();
    assert!(parts.is_empty(), "no partial file: {parts:?}");
}
