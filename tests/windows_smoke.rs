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
        // The services wineboot starts live on with whatever output it had: give it none.
        let boot = wine
            .command("wine", &["wineboot", "-i"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        assert!(wait(boot, "wineboot -i").status.success(), "wineboot -i");
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

/// The DLLs pijat.exe loads are all part of Windows 10: nothing from mingw (libgcc, libssp,
/// libwinpthread) that a trainer's laptop would not have.
fn imports_only_windows_dlls(exe: &Path) {
    let dump = Command::new("x86_64-w64-mingw32-objdump")
        .arg("-p")
        .arg(exe)
        .output()
        .unwrap();
    assert!(dump.status.success());
    let dlls: Vec<String> = text(&dump.stdout)
        .lines()
        .filter_map(|l| l.trim().strip_prefix("DLL Name: "))
        .map(str::to_ascii_lowercase)
        .collect();
    let windows = [
        "kernel32.dll",
        "user32.dll",
        "ntdll.dll",
        "msvcrt.dll",
        "advapi32.dll",
        "bcryptprimitives.dll",
        "combase.dll",
        "ole32.dll",
        "oleaut32.dll",
        "propsys.dll",
        "shell32.dll",
        "userenv.dll",
        "ws2_32.dll",
        // The IP Helper API (in Windows since XP): the phone classroom lists the laptop's
        // network addresses with it.
        "iphlpapi.dll",
    ];
    let foreign: Vec<&String> = dlls
        .iter()
        .filter(|d| !windows.contains(&d.as_str()) && !d.starts_with("api-ms-win-"))
        .collect();
    assert!(!dlls.is_empty(), "no imports read from {}", exe.display());
    assert!(
        foreign.is_empty(),
        "DLLs a Windows laptop lacks: {foreign:?}"
    );
}

/// Lines of a child's standard output, as they come.
fn lines_of(child: &mut Child) -> Receiver<String> {
    let out = child.stdout.take().unwrap();
    let (tx, rx) = channel();
    std::thread::spawn(move || {
        for line in BufReader::new(out).lines() {
            let Ok(line) = line else { break };
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    rx
}

/// `[6/10] The statement…` → (6, the statement).
fn question(line: &str) -> Option<(usize, String)> {
    let rest = line.strip_prefix('[')?;
    let (n, rest) = rest.split_once('/')?;
    let (_, prompt) = rest.split_once("] ")?;
    Some((n.parse().ok()?, prompt.to_string()))
}

/// A plain-mode pre-test in the default data folder (%APPDATA%): answered up to question 6,
/// then the process is killed; run again, it goes on at question 6 with the same questions.
fn pretest_killed_and_resumed(wine: &Wine) {
    let args = [
        "quiz",
        "--plain",
        "--profile",
        "Siti Aminah",
        "--phase",
        "pre",
        "--lang",
        "en",
    ];
    let mut child = wine.pijat(&args).stdin(Stdio::piped()).spawn().unwrap();
    let lines = lines_of(&mut child);
    let mut stdin = child.stdin.take().unwrap();
    let mut first = Vec::new();
    let deadline = Instant::now() + COMMAND_TIMEOUT;
    while first.len() < 6 {
        let left = deadline.saturating_duration_since(Instant::now());
        let line = lines
            .recv_timeout(left)
            .unwrap_or_else(|_| panic!("plain quiz stopped after {first:?}"));
        if let Some((n, prompt)) = question(&line) {
            assert_eq!(n, first.len() + 1, "{line}");
            first.push(prompt);
            if n <= 5 {
                stdin.write_all(b"b\n").unwrap();
            }
        }
    }
    // Question 6 is on the screen, so answer 5 was saved: the laptop dies here.
    child.kill().unwrap();
    let _ = child.wait();
    drop(stdin);

    let mut child = wine.pijat(&args).stdin(Stdio::piped()).spawn().unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"s\ns\ns\ns\ns\n")
        .unwrap();
    let out = wait(child, "the resumed quiz");
    let shown = text(&out.stdout);
    assert!(out.status.success(), "{shown}{}", text(&out.stderr));
    assert!(
        shown.contains("Continuing an unfinished attempt: 5 of 10 answered"),
        "{shown}"
    );
    let second: Vec<(usize, String)> = shown.lines().filter_map(question).collect();
    let numbers: Vec<usize> = second.iter().map(|q| q.0).collect();
    assert_eq!(numbers, [6, 7, 8, 9, 10], "{shown}");
    assert_eq!(
        second[0].1, first[5],
        "the same question 6 after the restart"
    );
    let mut all: Vec<&String> = first[..5]
        .iter()
        .chain(second.iter().map(|q| &q.1))
        .collect();
    all.sort();
    all.dedup();
    assert_eq!(all.len(), 10, "ten different questions, none asked twice");
    assert!(shown.contains("score "), "{shown}");

    // The data file is where Windows keeps a user's application data.
    let users = wine.c("users");
    let db: Vec<PathBuf> = std::fs::read_dir(&users)
        .unwrap()
        .map(|u| {
            u.unwrap()
                .path()
                .join("AppData/Roaming/pijat/data/pijat.db")
        })
        .filter(|p| p.is_file())
        .collect();
    assert_eq!(db.len(), 1, "pijat.db under %APPDATA%\\pijat\\data: {db:?}");
    let history = wine.ok(&["history", "--profile", "Siti Aminah", "--lang", "en"]);
    assert!(
        history.contains("AppData\\Roaming\\pijat\\data\\pijat.db") && history.contains("pre-test"),
        "{history}"
    );
}

/// A sheet as Excel on a Windows laptop in Indonesia saves it: UTF-8 with a byte-order mark,
/// CRLF line ends, semicolons (the comma is the decimal mark there), a quoted cell.
fn excel_sheet(key: &str) -> Vec<u8> {
    let wrong_two: String = key
        .chars()
        .enumerate()
        .map(|(i, c)| match (i, c) {
            (8 | 9, 'B') => 'S',
            (8 | 9, _) => 'B',
            (_, c) => c,
        })
        .collect();
    let mut b = vec![0xEF, 0xBB, 0xBF];
    b.extend_from_slice(
        format!(
            "nama;peran;jawaban\r\nAgus Salim;ayah;{key}\r\n\"Dewi; Lestari\";kader;{wrong_two}\r\n"
        )
        .as_bytes(),
    );
    b
}

fn sheets_report_export_import(wine: &Wine) {
    let key_page = wine.ok(&["print", "knowledge", "--key", "--lang", "en"]);
    let key = key_page
        .split("For answer sheets: `")
        .nth(1)
        .and_then(|r| r.split('`').next())
        .unwrap_or_else(|| panic!("no key row: {key_page}"))
        .to_string();
    assert_eq!(key.len(), 10, "{key}");
    let folder = wine.c("Data Pelatihan");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::write(
        folder.join("Lembar Jawaban Pre-test.csv"),
        excel_sheet(&key),
    )
    .unwrap();
    let class = "Posyandu Melati";
    let data = "C:\\Data Pelatihan\\data kelas";
    let imported = wine.ok(&[
        "sheets",
        "import",
        "C:\\Data Pelatihan\\Lembar Jawaban Pre-test.csv",
        "--class",
        class,
        "--new-class",
        "--add-new",
        "--phase",
        "pre",
        "--data-dir",
        data,
    ]);
    assert!(imported.contains("2 lembar jawaban disimpan"), "{imported}");
    assert!(imported.contains("10/10 (100%)") && imported.contains("8/10 (80%)"));

    // The report for the trainer's spreadsheet, in Indonesian: semicolons and decimal commas.
    let expect_rows = |csv: &str| {
        assert!(csv.starts_with("\u{feff}nama;peran;awal;akhir"), "{csv}");
        assert!(csv.contains("Agus Salim;ayah;100,00;"), "{csv}");
        assert!(csv.contains("\"Dewi; Lestari\";kader;80,00;"), "{csv}");
    };
    let args = [
        "report", "--format", "csv", "--class", class, "--lang", "id",
    ];
    let report = wine.ok(&[&args[..], &["--data-dir", data]].concat());
    expect_rows(&report);

    // To another laptop: export to a file, import it into a second data folder.
    std::fs::create_dir_all(wine.c("Pindah ke laptop lain")).unwrap();
    let bundle = "C:\\Pindah ke laptop lain\\posyandu melati.pijat";
    let exported = wine.ok(&["export", bundle, "--class", class, "--data-dir", data]);
    assert!(exported.contains("2 peserta"), "{exported}");
    assert!(
        wine.c("Pindah ke laptop lain\\posyandu melati.pijat")
            .is_file()
    );
    let second = "C:\\laptop dua\\data";
    // A laptop that takes in other people's records has a trainer PIN first.
    pijat_store::Store::open(&wine.c("laptop dua\\data"))
        .unwrap()
        .set_pin("2468")
        .unwrap();
    let merged = wine.ok(&["import", bundle, "--data-dir", second]);
    assert!(merged.contains("2 peserta baru"), "{merged}");
    assert!(wine.c("laptop dua\\data\\pijat.db").is_file());
    expect_rows(&wine.ok(&[&args[..], &["--data-dir", second]].concat()));
    phone_test(wine, class, data);
}

/// `pijat.exe classroom`: it listens, serves the phone page, and ends with its input.
fn phone_test(wine: &Wine, class: &str, data: &str) {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let listen = format!("127.0.0.1:{port}");
    let args = [
        "classroom",
        "--class",
        class,
        "--phase",
        "post",
        "--listen",
        &listen,
        "--data-dir",
        data,
    ];
    let mut child = wine.pijat(&args).stdin(Stdio::piped()).spawn().unwrap();
    let (tx, rx) = channel();
    let out = child.stdout.take().unwrap();
    std::thread::spawn(move || {
        for l in BufReader::new(out).lines().map_while(Result::ok) {
            let _ = tx.send(l);
        }
    });
    let line = || {
        rx.recv_timeout(COMMAND_TIMEOUT)
            .expect("pijat.exe classroom printed nothing")
    };
    assert_eq!(line(), format!("URL http://{listen}/"));
    assert!(line().starts_with("CODE "));
    let mut s = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
    write!(
        s,
        "GET / HTTP/1.1\r\nHost: {listen}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut page = String::new();
    let _ = std::io::Read::read_to_string(&mut s, &mut page);
    assert!(
        page.starts_with("HTTP/1.1 200") && page.contains("\"answer_button\":\"Jawab\""),
        "{page}"
    );
    drop(child.stdin.take());
    let done = wait(child, "pijat.exe classroom");
    assert!(done.status.success(), "{}", text(&done.stderr));
}

/// The audio guide made on Windows: espeak-ng found in Program Files, speech resampled and coded
/// to Ogg Opus by the mingw build of libopus, tracks named in Indonesian, as long as the routine.
fn audio_guide(wine: &Wine) {
    let made = wine.ok(&["audio-guide", "--out", "C:\\Panduan Suara"]);
    assert!(made.contains("00-latihan-pijat-oksitosin-id.ogg"), "{made}");
    let folder = wine.c("Panduan Suara");
    let mut tracks: Vec<PathBuf> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "ogg"))
        .collect();
    tracks.sort();
    let routine = pijat_content::load_with(None).content.unwrap();
    let routine = routine.routine("oxytocin-massage").unwrap();
    assert_eq!(tracks.len(), routine.steps.len() + 1, "{tracks:?}");
    assert!(folder.join("03-siapkan-ruangan-id.ogg").is_file());
    assert!(folder.join("daftar-trek.txt").is_file());
    let secs = |p: &Path| {
        let decoded = pijat_engine::audio::ogg_opus::decode(&std::fs::read(p).unwrap()).unwrap();
        let loud = decoded.samples.iter().any(|s| s.unsigned_abs() > 1000);
        assert!(loud, "{} is silent", p.display());
        decoded.samples.len() as f64 / f64::from(pijat_engine::audio::ogg_opus::RATE)
    };
    let mut steps = 0.0;
    for (step, track) in routine.steps.iter().zip(&tracks[1..]) {
        let s = secs(track);
        if let Some(planned) = step.seconds {
            let planned = f64::from(planned);
            assert!(
                (s - planned).abs() <= planned * 0.01,
                "{}: {s} s",
                track.display()
            );
        }
        steps += s;
    }
    let whole = secs(&tracks[0]);
    assert!(
        (whole - steps).abs() <= steps * 0.01,
        "{whole} s, steps {steps} s"
    );
}

#[test]
fn pijat_exe_runs_on_windows_under_wine() {
    if !installed("wine", "--version") {
        return skip("Wine is not installed");
    }
    if !installed("x86_64-w64-mingw32-gcc", "--version") {
        return skip("mingw (x86_64-w64-mingw32-gcc) is not installed");
    }
    let exe = match windows_exe() {
        Ok(exe) => exe,
        Err(why) => return skip(&why),
    };
    imports_only_windows_dlls(&exe);
    let started = Instant::now();
    let wine = Wine::start(&exe);
    eprintln!("Wine prefix ready in {:?}", started.elapsed());

    let valid = wine.ok(&["validate"]);
    assert!(valid.contains("Konten sah"), "{valid}");
    // What a trainer double-clicks: pijat.bat, in a folder with spaces, passing its arguments on.
    let bat = "C:\\Pelatihan Ayah ASI\\pijat.bat";
    let out = wait(
        wine.command("wine", &["cmd", "/c", bat, "--lang", "en", "validate"])
            .spawn()
            .unwrap(),
        "pijat.bat",
    );
    assert!(
        out.status.success() && text(&out.stdout).contains("Content is valid"),
        "pijat.bat: {}{}",
        text(&out.stdout),
        text(&out.stderr)
    );
    pretest_killed_and_resumed(&wine);
    sheets_report_export_import(&wine);
    audio_guide(&wine);
    eprintln!("pijat.exe smoke suite under Wine: {:?}", started.elapsed());
}
