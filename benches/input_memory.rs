//! Peak memory while pijat reads the largest inputs anyone can hand it: a 50 MB "sheet", the
//! largest sheet it accepts, a bundle at its size limit, and a content folder with a 50 MB
//! file. Target: ≤ 200 MB for any input file. Measured with a counting allocator (every byte
//! pijat asks for, at its highest point), so the figure does not depend on the machine.
//!
//! `cargo bench --bench input_memory`

use std::alloc::{GlobalAlloc, Layout, System};
use std::io::Write;
use std::sync::atomic::{AtomicUsize, Ordering};

use pijat_content::{Phase, load_with};

struct Counting;

static NOW: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(l) };
        if !p.is_null() {
            let now = NOW.fetch_add(l.size(), Ordering::Relaxed) + l.size();
            PEAK.fetch_max(now, Ordering::Relaxed);
        }
        p
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        unsafe { System.dealloc(p, l) };
        NOW.fetch_sub(l.size(), Ordering::Relaxed);
    }
}

#[global_allocator]
static A: Counting = Counting;

/// Peak bytes above what was held before `f` ran.
fn peak_of<T>(f: impl FnOnce() -> T) -> (T, usize) {
    let base = NOW.load(Ordering::Relaxed);
    PEAK.store(base, Ordering::Relaxed);
    let out = f();
    (out, PEAK.load(Ordering::Relaxed) - base)
}

fn mb(b: usize) -> String {
    format!("{:.1} MB", b as f64 / 1e6)
}

fn sheet(path: &std::path::Path, bytes: usize, answers: &str) {
    let mut f = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    writeln!(f, "nama,peran,jawaban").unwrap();
    let mut written = 0;
    let mut i = 0;
    while written < bytes {
        let line = format!("Peserta Nomor {i},ayah,{answers}\n");
        written += line.len();
        f.write_all(line.as_bytes()).unwrap();
        i += 1;
    }
}

fn main() {
    let content = load_with(None).content.unwrap();
    let quiz = content.prepost_quiz().unwrap();
    let answers: String = quiz.questions.iter().map(|_| 'B').collect();
    let dir = tempfile::tempdir().unwrap();
    let mut store = pijat_app::Records::open(dir.path()).unwrap();
    let mut worst = 0;

    for (label, size) in [
        ("a 50 MB sheet (refused: too large)", 50_000_000),
        (
            "the largest sheet accepted",
            pijat_app::sheet_file::MAX_SHEET_BYTES as usize - 100,
        ),
    ] {
        let file = dir.path().join("sheet.csv");
        sheet(&file, size, &answers);
        let (result, peak) = peak_of(|| {
            pijat_app::sheets::import_answer_sheet(
                &mut store,
                quiz,
                &content.version,
                &file,
                "Besar",
                Phase::Pre,
                pijat_app::sheets::SheetRules {
                    replace: true,
                    roster: pijat_app::Roster {
                        new_class: true,
                        add_new: true,
                    },
                },
                "en",
            )
        });
        let said = match &result {
            Ok(i) => format!("{} rows saved", i.rows.len()),
            Err(e) => e.first().cloned().unwrap_or_default(),
        };
        println!("{label}: peak {} ({said})", mb(peak));
        worst = worst.max(peak);
    }

    // A bundle just under its size limit: the same record many times over, as text.
    let limit = pijat_app::bundles::MAX_BUNDLE_BYTES as usize;
    let file = dir.path().join("big.pijat");
    {
        let mut text = String::from(
            r#"{"app_version":"0","content_version":"v","created":"2026-11-01T00:00:00.000Z","pseudonymised":false,"class":null,"profiles":["#,
        );
        let mut i = 0;
        while text.len() < limit - 4096 {
            if i > 0 {
                text.push(',');
            }
            text.push_str(&format!(
                r#"{{"id":"p{i}","name":"Peserta {i}","role":"father","lang":null,"created":"2026-11-01T00:00:00.000Z","last_used":"2026-11-01T00:00:00.000Z"}}"#
            ));
            i += 1;
        }
        text.push_str(r#"],"classes":[],"attempts":[],"practice_runs":[]}"#);
        use sha2::Digest;
        let sum: String = sha2::Sha256::digest(text.as_bytes())
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        let whole = format!(
            r#"{{"format":"pijat-bundle","format_version":2,"checksum":"{sum}","payload":{text}}}"#
        );
        std::fs::write(&file, whole).unwrap();
    }
    let (result, peak) = peak_of(|| {
        pijat_app::bundles::import_from(&mut store, &content, std::slice::from_ref(&file), "en")
    });
    let said = match result {
        Ok(m) => format!("{} trainees merged", m.profiles_new),
        Err(e) => e.join(" "),
    };
    println!(
        "a bundle at its {} limit (read, checked, merged): peak {} ({said})",
        mb(limit),
        mb(peak)
    );
    worst = worst.max(peak);
    let huge = dir.path().join("huge.pijat");
    std::fs::write(&huge, vec![b' '; 50_000_000]).unwrap();
    let (_, peak) = peak_of(|| {
        pijat_app::bundles::import_from(&mut store, &content, std::slice::from_ref(&huge), "en")
    });
    println!(
        "a 50 MB file given as a bundle (refused: too large): peak {}",
        mb(peak)
    );
    worst = worst.max(peak);

    // A trainer's content folder holding a 50 MB "quiz".
    let folder = dir.path().join("content");
    std::fs::create_dir_all(folder.join("quizzes")).unwrap();
    std::fs::write(folder.join("quizzes/big.toml"), vec![b'#'; 50_000_000]).unwrap();
    let (loaded, peak) = peak_of(|| load_with(Some(&folder)));
    println!(
        "a content folder with a 50 MB file (refused, {} problem): peak {}",
        loaded.errors().count(),
        mb(peak)
    );
    worst = worst.max(peak);
    println!(
        "worst peak over all inputs: {} (target ≤ 200 MB)",
        mb(worst)
    );
}
