//! Time to first frame, pijat beside a bare ratatui app, measured side by side in one run: each
//! program is started in an 80×24 pseudo-terminal and timed until the end of its first frame
//! has been written (the bare app's bottom-right corner, the end of pijat's footer). The runs interleave,
//! so a busy machine slows both alike. Target: pijat on a fresh data folder within 1.5× the bare
//! app. `cargo bench --bench first_frame` (RUNS=… to change the 21 runs).
//!
//! The bare app is this benchmark's own executable started with `PIJAT_BENCH_BARE=1`: it opens
//! the terminal, draws one bordered paragraph and waits, as `examples/bare.rs` does.

use std::io::Read;
use std::path::Path;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

const PIJAT: &str = env!("CARGO_BIN_EXE_pijat");

fn main() {
    if std::env::var_os("PIJAT_BENCH_BARE").is_some() {
        bare();
        return;
    }
    let runs: usize = std::env::var("RUNS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(21);
    let me = std::env::current_exe().expect("the benchmark's own path");
    let existing = tempfile::tempdir().expect("a folder");
    let made = std::process::Command::new(PIJAT)
        .arg("history")
        .env("PIJAT_DATA_DIR", existing.path())
        .output()
        .expect("pijat runs");
    assert!(made.status.success(), "pijat history makes a data file");

    let (mut bare_t, mut fresh_t, mut existing_t) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..runs {
        bare_t.push(first_frame(&me, None, "┘", true));
        let fresh = tempfile::tempdir().expect("a folder");
        fresh_t.push(first_frame(
            Path::new(PIJAT),
            Some(fresh.path()),
            "quit",
            false,
        ));
        existing_t.push(first_frame(
            Path::new(PIJAT),
            Some(existing.path()),
            "quit",
            false,
        ));
    }
    let (b, f, e) = (median(bare_t), median(fresh_t), median(existing_t));
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!("first frame over {runs} interleaved runs (medians), 80×24:");
    println!("  bare ratatui                     {:6.2} ms", ms(b));
    println!(
        "  pijat, fresh data folder         {:6.2} ms  {:.2}× bare (target ≤ 1.50×)",
        ms(f),
        ms(f) / ms(b)
    );
    println!(
        "  pijat, existing data file        {:6.2} ms  {:.2}× bare",
        ms(e),
        ms(e) / ms(b)
    );
}

/// The time from starting `exe` until `marker` has been written to its terminal.
fn first_frame(exe: &Path, data: Option<&Path>, marker: &str, bare: bool) -> Duration {
    let pty = native_pty_system()
        // The default size is 80×24.
        .openpty(PtySize::default())
        .expect("a pseudo-terminal");
    let mut cmd = CommandBuilder::new(exe);
    cmd.env("TERM", "xterm-256color");
    cmd.env("PIJAT_LANG", "en");
    if let Some(d) = data {
        cmd.env("PIJAT_DATA_DIR", d);
    }
    if bare {
        cmd.env("PIJAT_BENCH_BARE", "1");
    }
    let mut reader = pty.master.try_clone_reader().expect("a reader");
    let (tx, rx) = mpsc::channel();
    let marker = marker.as_bytes().to_vec();
    let started = Instant::now();
    let mut child = pty.slave.spawn_command(cmd).expect("the program starts");
    std::thread::spawn(move || {
        let mut seen = Vec::new();
        let mut buf = [0u8; 65536];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 {
                break;
            }
            seen.extend_from_slice(buf.get(..n).unwrap_or_default());
            if seen.windows(marker.len()).any(|w| w == marker) {
                let _ = tx.send(Instant::now());
                return;
            }
        }
    });
    let done = rx
        .recv_timeout(Duration::from_secs(20))
        .unwrap_or_else(|_| {
            panic!("no first frame from {} within 20 s", exe.display());
        });
    let _ = child.kill();
    let _ = child.wait();
    done - started
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v.get(v.len() / 2).copied().unwrap_or_default()
}

/// The yardstick: a ratatui app that draws one screen and waits for a key.
fn bare() {
    use ratatui::widgets::{Block, Paragraph};
    let Ok(mut terminal) = ratatui::try_init() else {
        return;
    };
    let _ = terminal.draw(|f| {
        f.render_widget(
            Paragraph::new("bare ratatui first frame").block(Block::bordered()),
            f.area(),
        );
    });
    while !matches!(
        crossterm::event::read(),
        Ok(crossterm::event::Event::Key(_)) | Err(_)
    ) {}
    ratatui::restore();
}
