//! The steps the Windows smoke test runs under Wine, each a user's errand.

use super::*;

/// The DLLs pijat.exe loads are all part of Windows 10: nothing from mingw (libgcc, libssp,
/// libwinpthread) that a trainer's laptop would not have.
pub(super) fn imports_only_windows_dlls(exe: &Path) {
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
pub(super) fn lines_of(child: &mut Child) -> Receiver<String> {
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
pub(super) fn question(line: &str) -> Option<(usize, String)> {
    let rest = line.strip_prefix('[')?;
    let (n, rest) = rest.split_once('/')?;
    let (_, prompt) = rest.split_once("] ")?;
    Some((n.parse().ok()?, prompt.to_string()))
}

/// A plain-mode pre-test in the default data folder (%APPDATA%): answered up to question 6,
/// then the process is killed; run again, it goes on at question 6 with the same questions.
pub(super) fn pretest_killed_and_resumed(wine: &Wine) {
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
pub(super) fn excel_sheet(key: &str) -> Vec<u8> {
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

pub(super) fn sheets_report_export_import(wine: &Wine) {
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
    let imported =
        wine.ok(
            &[
                &common::cli::sheets_import(
                    "C:\\Data Pelatihan\\Lembar Jawaban Pre-test.csv",
                    class,
                )[..],
                &["--phase", "pre", "--data-dir", data],
            ]
            .concat(),
        );
    assert!(imported.contains("2 lembar jawaban disimpan"), "{imported}");
    assert!(imported.contains("10/10 (100%)") && imported.contains("8/10 (80%)"));

    // The report for the trainer's spreadsheet, in Indonesian: semicolons and decimal commas.
    let expect_rows = |csv: &str| {
        assert!(csv.starts_with("\u{feff}nama;peran;awal;akhir"), "{csv}");
        assert!(csv.contains("Agus Salim;ayah;100,00;"), "{csv}");
        assert!(csv.contains("\"Dewi; Lestari\";kader;80,00;"), "{csv}");
    };
    let args = [
        "report", "--format", "csv", "--class", class, "--lang", "id", "--names", "full",
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
pub(super) fn phone_test(wine: &Wine, class: &str, data: &str) {
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
    let get = |path: &str| {
        let mut s = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
        write!(
            s,
            "GET {path} HTTP/1.1\r\nHost: {listen}\r\nConnection: close\r\n\r\n"
        )
        .unwrap();
        let mut reply = String::new();
        let _ = std::io::Read::read_to_string(&mut s, &mut reply);
        reply
    };
    let page = get("/");
    assert!(
        page.starts_with("HTTP/1.1 200") && page.contains("src=\"/page.js\""),
        "{page}"
    );
    let script = get("/page.js");
    assert!(
        script.starts_with("HTTP/1.1 200") && script.contains("\"answer_button\":\"Jawab\""),
        "{script}"
    );
    drop(child.stdin.take());
    let done = wait(child, "pijat.exe classroom");
    assert!(done.status.success(), "{}", text(&done.stderr));
}

/// The audio guide made on Windows: espeak-ng found in Program Files, speech resampled and coded
/// to Ogg Opus by the mingw build of libopus, tracks named in Indonesian, as long as the routine.
pub(super) fn audio_guide(wine: &Wine) {
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
