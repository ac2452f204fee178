//! The Windows build, run for real: the release `pijat.exe` (x86_64-pc-windows-gnu) under Wine,
//! with the commands a trainer runs on a Windows laptop. One Wine prefix, made fresh in a
//! temporary folder, serves the whole suite (its first boot takes seconds).
//!
//! Wine 8 (Debian 12) lacks `bcryptprimitives.dll`, which Rust's standard library needs on
//! Windows 10 and later (`ProcessPrng`); real Windows 10/11 has it. The harness builds a
//! one-function stand-in with mingw (`tests/windows/bcryptprimitives.c`) into the prefix, and
//! a stand-in espeak-ng (`tests/windows/fake-espeak-ng.c`) where its installer puts it.
//!
//! Needs `wine` (Debian: wine and wine64) and mingw. `.ci/run` installs both, builds the exe once
//! and passes it in `PIJAT_WINDOWS_EXE`, with `PIJAT_REQUIRE_ALL=1`. Without Wine this test says
//! it is skipped; with Wine and no `PIJAT_WINDOWS_EXE` it builds the exe itself.

mod common;

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

const TARGET: &str = "x86_64-pc-windows-gnu";
/// The longest any one command may take under Wine (a start takes about a second).
const COMMAND_TIMEOUT: Duration = Duration::from_secs(90);

fn installed(program: &str, arg: &str) -> bool {
    Command::new(program)
        .arg(arg)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// Skips (saying so) or, where every tool is required, fails.
fn skip(why: &str) {
    common::skip::skip(&format!(
        "{why} (the Windows smoke test, pijat.exe under Wine)"
    ));
}

/// The release pijat.exe: `PIJAT_WINDOWS_EXE`, or built here.
fn windows_exe() -> Result<PathBuf, String> {
    if let Some(exe) = std::env::var_os("PIJAT_WINDOWS_EXE") {
        let exe = PathBuf::from(exe);
        return if exe.is_file() {
            Ok(exe)
        } else {
            Err(format!("PIJAT_WINDOWS_EXE={} is not a file", exe.display()))
        };
    }
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    eprintln!("building the release pijat.exe ({TARGET}); PIJAT_WINDOWS_EXE skips this");
    let built = Command::new(cargo)
        .args(["build", "--release", "--bin", "pijat", "--target", TARGET])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .status()
        .map_err(|e| format!("cargo: {e}"))?;
    if !built.success() {
        return Err(format!(
            "the Windows build failed (is the target installed? rustup target add {TARGET})"
        ));
    }
    // target/debug/pijat → target/
    let target_dir = Path::new(env!("CARGO_BIN_EXE_pijat"))
        .parent()
        .and_then(Path::parent)
        .ok_or("no target folder")?;
    Ok(target_dir.join(TARGET).join("release").join("pijat.exe"))
}

/// Everything `pipe` gives until it closes, on a thread.
fn read_all(pipe: Option<impl std::io::Read + Send + 'static>) -> Receiver<Vec<u8>> {
    let (tx, rx) = channel();
    std::thread::spawn(move || {
        let mut all = Vec::new();
        if let Some(mut p) = pipe {
            let _ = p.read_to_end(&mut all);
        }
        let _ = tx.send(all);
    });
    rx
}

/// Waits for `child` and its output for at most `COMMAND_TIMEOUT`; kills it after that. A
/// process Wine starts on the side could hold the pipes open: that fails too, never hangs.
fn wait(mut child: Child, what: &str) -> Output {
    let deadline = Instant::now() + COMMAND_TIMEOUT;
    let stdout = read_all(child.stdout.take());
    let stderr = read_all(child.stderr.take());
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("{what}: no answer after {COMMAND_TIMEOUT:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let collect = |rx: Receiver<Vec<u8>>| {
        rx.recv_timeout(deadline.saturating_duration_since(Instant::now()) + Duration::from_secs(5))
            .unwrap_or_else(|_| panic!("{what}: ended, but its output was held open"))
    };
    Output {
        status,
        stdout: collect(stdout),
        stderr: collect(stderr),
    }
}

/// `df`'s word on the free space where `path` is, for a failure's message.
fn free_space(path: &Path) -> String {
    Command::new("df")
        .args(["-h", "--output=avail"])
        .arg(path)
        .output()
        .map(|o| {
            text(&o.stdout)
                .split_whitespace()
                .last()
                .unwrap_or("?")
                .to_owned()
        })
        .unwrap_or_else(|e| format!("df: {e}"))
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// A Wine prefix with pijat.exe in `C:\Pelatihan Ayah ASI\`. Dropping it stops its Wine
/// server and removes the folder.
struct Wine {
    prefix: tempfile::TempDir,
    exe: PathBuf,
}

impl Wine {
    fn start(exe: &Path) -> Wine {
        let prefix = tempfile::Builder::new()
            .prefix("pijat-wine-")
            .tempdir()
            .unwrap();
        let wine = Wine {
            exe: prefix.path().join("drive_c/Pelatihan Ayah ASI/pijat.exe"),
            prefix,
        };
        // One server for the whole suite, kept until the end; its output goes nowhere, so it
        // holds no test's pipes open.
        let server = wine
            .command("wineserver", &["-p"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .unwrap();
        assert!(server.success(), "wineserver -p");
        // The services wineboot starts live on with whatever output it had: give them a file
        // (read back if the boot fails), never this test's pipes.
        let log = wine.prefix.path().join("wineboot.log");
        let boot = wine
            .command("wine", &["wineboot", "-i"])
            .stdout(Stdio::null())
            .stderr(std::fs::File::create(&log).unwrap())
            .spawn()
            .unwrap();
        let booted = wait(boot, "wineboot -i").status;
        assert!(
            booted.success(),
            "wineboot -i: {booted:?} ({} free where the prefix is)\n{}",
            free_space(wine.prefix.path()),
            std::fs::read_to_string(&log).unwrap_or_default()
        );
        wine.install_shim();
        std::fs::create_dir_all(wine.exe.parent().unwrap()).unwrap();
        std::fs::copy(exe, &wine.exe).unwrap();
        // pijat.bat beside it, as in the release zip (CRLF, as scripts/release.sh writes it).
        let bat = std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/release/pijat.bat"),
        )
        .unwrap();
        let bat: String = bat.lines().map(|l| format!("{l}\r\n")).collect();
        std::fs::write(wine.exe.with_file_name("pijat.bat"), bat).unwrap();
        // A trainer's content folder beside the exe, with the ten-statement pre/post set (the
        // plain quiz, sheet and report checks below read its size); a folder name with a space,
        // as on a real laptop.
        let quizzes = wine.c("Pelatihan Ayah ASI\\konten kelas\\quizzes");
        std::fs::create_dir_all(&quizzes).unwrap();
        std::fs::copy(
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("tests/fixtures/ten_statements/quizzes/knowledge.toml"),
            quizzes.join("knowledge.toml"),
        )
        .unwrap();
        wine
    }

    /// Builds `tests/windows/SOURCE` with mingw into `C:\PLACE`.
    fn mingw(&self, source: &str, place: &str, args: &[&str]) {
        let built = self.prefix.path().join(source).with_extension("bin");
        let source = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/windows")
            .join(source);
        let out = Command::new("x86_64-w64-mingw32-gcc")
            .args(["-O2", "-s", "-o"])
            .arg(&built)
            .arg(&source)
            .args(args)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}: {}",
            source.display(),
            text(&out.stderr)
        );
        let place = self.c(place);
        std::fs::create_dir_all(place.parent().unwrap()).unwrap();
        std::fs::copy(&built, place).unwrap();
    }

    fn install_shim(&self) {
        self.mingw(
            "bcryptprimitives.c",
            "windows\\system32\\bcryptprimitives.dll",
            &["-shared", "-ladvapi32"],
        );
        // For the audio guide: where espeak-ng's installer puts it (not on the PATH).
        self.mingw(
            "fake-espeak-ng.c",
            "Program Files\\eSpeak NG\\espeak-ng.exe",
            &[],
        );
    }

    /// A Wine program in this prefix: no debug chatter, no Mono or Gecko installers, no
    /// display, none of pijat's settings from the environment; stdin closed, output kept.
    fn command(&self, program: &str, args: &[&str]) -> Command {
        let mut c = Command::new(program);
        c.args(args)
            .current_dir(self.prefix.path())
            .env("WINEPREFIX", self.prefix.path())
            .env("WINEDEBUG", "-all")
            .env("WINEDLLOVERRIDES", "mscoree,mshtml=")
            .env_remove("DISPLAY")
            .env_remove("WAYLAND_DISPLAY")
            .env_remove("PIJAT_DATA_DIR")
            .env_remove("PIJAT_LANG")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        c
    }

    fn pijat(&self, args: &[&str]) -> Command {
        let mut all = vec![
            self.exe.to_str().unwrap(),
            "--content",
            "C:\\Pelatihan Ayah ASI\\konten kelas",
        ];
        all.extend_from_slice(args);
        let mut c = self.command("wine", &all);
        // Started from C:\, as from a shortcut on the laptop.
        c.current_dir(self.c(""));
        c
    }

    /// `pijat.exe ARGS`, which must succeed; its standard output.
    fn ok(&self, args: &[&str]) -> String {
        let out = wait(self.pijat(args).spawn().unwrap(), &args.join(" "));
        assert!(
            out.status.success(),
            "pijat.exe {}: {:?}\n{}{}",
            args.join(" "),
            out.status,
            text(&out.stdout),
            text(&out.stderr)
        );
        text(&out.stdout)
    }

    /// Where `C:\rest` is on this machine.
    fn c(&self, rest: &str) -> PathBuf {
        let mut p = self.prefix.path().join("drive_c");
        for part in rest.split('\\').filter(|s| !s.is_empty()) {
            p.push(part);
        }
        p
    }
}

impl Drop for Wine {
    fn drop(&mut self) {
        let _ = self
            .command("wineserver", &["-k"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status();
    }
}

#[path = "windows_smoke/steps.rs"]
mod steps;
use steps::*;

#[path = "windows_smoke/windows_smoke_1.rs"]
mod windows_smoke_1;
