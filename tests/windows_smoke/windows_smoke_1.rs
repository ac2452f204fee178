//! Tests of `windows_smoke.rs`, part 1.

use super::*;

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
