//! `pijat audio-guide` with the real espeak-ng: a short routine rendered to WAV, the files there,
//! not silent, and the complete track as long as the routine. espeak-ng is needed: `.ci/run`
//! installs it and sets PIJAT_REQUIRE_ESPEAK=1; on a machine without it this test says so and
//! does nothing else.

use std::path::Path;
use std::process::Command;

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
    Command::new("espeak-ng")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

fn wav(path: &Path) -> (u32, Vec<i16>) {
    let mut r = hound::WavReader::open(path).unwrap();
    let rate = r.spec().sample_rate;
    (rate, r.samples::<i16>().map(Result::unwrap).collect())
}

fn rms(samples: &[i16]) -> f64 {
    (samples.iter().map(|s| f64::from(*s).powi(2)).sum::<f64>() / samples.len().max(1) as f64)
        .sqrt()
}

#[test]
fn the_audio_guide_is_spoken_not_silent_and_as_long_as_the_routine() {
    if !espeak_installed() {
        assert!(
            std::env::var_os("PIJAT_REQUIRE_ESPEAK").is_none(),
            "espeak-ng is required here"
        );
        eprintln!("espeak-ng is not installed: the audio guide test is skipped");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    std::fs::create_dir_all(content.join("curriculum")).unwrap();
    std::fs::write(content.join("curriculum/09-guide-test.toml"), MODULE).unwrap();
    let out = dir.path().join("guide");
    for (lang, list) in [("id", "daftar-trek.txt"), ("en", "tracks.txt")] {
        let run = Command::new(env!("CARGO_BIN_EXE_pijat"))
            .args(["audio-guide", "--routine", "guide-short", "--out"])
            .arg(&out)
            .args(["--lang", lang, "--content"])
            .arg(&content)
            .env("PIJAT_DATA_DIR", dir.path())
            .output()
            .unwrap();
        assert!(
            run.status.success(),
            "{}",
            String::from_utf8_lossy(&run.stderr)
        );
        let step1 = out.join(format!("01-warm-up-{lang}.wav"));
        let step2 = out.join(format!("02-circles-{lang}.wav"));
        let whole = out.join(format!("00-guide-short-{lang}.wav"));
        for f in [&step1, &step2, &whole] {
            let (rate, samples) = wav(f);
            assert!(rate >= 8000, "{}", f.display());
            assert!(rms(&samples) > 100.0, "{} is silent", f.display());
        }
        // Each timed step, and so the whole track, lasts the routine's time (45 s) within 5 %.
        let (rate, samples) = wav(&whole);
        let secs = samples.len() as f64 / f64::from(rate);
        assert!((secs - 45.0).abs() <= 45.0 * 0.05, "{secs} s");
        let (_, step2) = wav(&step2);
        assert!((step2.len() as f64 / f64::from(rate) - 25.0).abs() < 0.5);
        // After the sentence, the clicks: sound in the last seconds, at the click's level.
        let tail = &step2[step2.len() - 6 * rate as usize..];
        assert!(rms(tail) > 20.0, "pacing clicks in the last seconds");
        let listed = std::fs::read_to_string(out.join(list)).unwrap();
        let first = if lang == "en" {
            "Step 1. Warm up"
        } else {
            "Langkah 1. Hangatkan"
        };
        assert!(listed.contains(first), "{listed}");
        assert!(
            listed.contains(&format!("00-guide-short-{lang}.wav  (0:45)")),
            "{listed}"
        );
    }
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
        eprintln!("espeak-ng is not installed: skipped");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    std::fs::create_dir_all(content.join("curriculum")).unwrap();
    std::fs::write(content.join("curriculum/09-guide-test.toml"), MODULE).unwrap();
    let guide = |out: &Path| {
        Command::new(env!("CARGO_BIN_EXE_pijat"))
            .args([
                "audio-guide",
                "--routine",
                "guide-short",
                "--lang",
                "en",
                "--out",
            ])
            .arg(out)
            .arg("--content")
            .arg(&content)
            .env("PIJAT_DATA_DIR", dir.path())
            .output()
            .unwrap()
    };
    // --out names a file.
    let file = dir.path().join("notes.txt");
    std::fs::write(&file, "mine").unwrap();
    let run = guide(&file);
    let err = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(1), "{err}");
    assert!(
        err.contains("is a file, not a folder") && !err.contains("os error"),
        "{err}"
    );
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "mine");
    // A folder stands where the complete track goes.
    let out = dir.path().join("guide");
    std::fs::create_dir_all(out.join("00-guide-short-en.wav")).unwrap();
    let run = guide(&out);
    let err = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(1), "{err}");
    assert!(
        err.contains("00-guide-short-en.wav") && !err.contains("os error"),
        "{err}"
    );
    let parts: Vec<_> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".part"))
        .collect();
    assert!(parts.is_empty(), "no partial file: {parts:?}");
}
