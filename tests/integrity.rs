//! The promises about the data, tried at their edges with the real binary: a question set that
//! changes under an unfinished test, races between windows, files that are not pijat's.

mod common;

use std::path::Path;

use common::cli::{both, run, text};
use common::tiny::Tiny;

const A: &str = "tests/fixtures/changed_set/a";
const B: &str = "tests/fixtures/changed_set/b";

fn pre_test(data: &Path, content: &str, input: &str) -> std::process::Output {
    run(
        data,
        &common::cli::plain_pre(&["--content", content], "Budi", &["--no-shuffle"]),
        input,
    )
}

/// Budi (4/4) and Siti (2/4) typed in from the class Melati's pre-test sheet of set A.
fn melati_sheet(data: &Path) {
    let sheet = data.join("lembar.csv");
    std::fs::write(
        &sheet,
        "nama,peran,jawaban\nBudi,ayah,BSBS\nSiti,kader,BBBB\n",
    )
    .unwrap();
    let s = sheet.to_str().unwrap();
    let into_melati = common::cli::sheets_import(s, "Melati");
    let args = [&["--content", A][..], &into_melati, &["--phase", "pre"]].concat();
    let o = run(data, &args, "");
    assert!(o.status.success(), "{}", both(&o));
}

/// A bundle of one laptop where Budi and Siti took the pre-test of set A (Budi 4/4, Siti 2/4).
fn exported_bundle() -> (tempfile::TempDir, serde_json::Value) {
    let dir = tempfile::tempdir().unwrap();
    melati_sheet(dir.path());
    let file = dir.path().join("out.pijat");
    let o = run(dir.path(), &["export", file.to_str().unwrap()], "");
    assert!(o.status.success(), "{}", both(&o));
    let v: serde_json::Value = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    (dir, v)
}

/// Writes `v` back as a bundle whose checksum matches its (edited) payload.
fn resealed(dir: &Path, mut v: serde_json::Value, name: &str) -> String {
    use sha2::Digest;
    let payload = serde_json::to_string(&v["payload"]).unwrap();
    let sum: String = sha2::Sha256::digest(payload.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    v["checksum"] = serde_json::Value::String(sum.clone());
    let text = format!(
        "{{\"format\":\"pijat-bundle\",\"format_version\":2,\"checksum\":\"{sum}\",\"payload\":{payload}}}"
    );
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.to_str().unwrap().to_string()
}

fn import_refused(bundle: &str, want: &[&str]) {
    let fresh = tempfile::tempdir().unwrap();
    pijat_store::Store::open(fresh.path())
        .unwrap()
        .set_pin("2468")
        .unwrap();
    let said = import_refused_into(fresh.path(), bundle, want);
    assert!(said.contains("this bundle is refused whole"), "{said}");
    let h = run(fresh.path(), &["--lang", "en", "history"], "");
    assert!(!text(&h.stdout).contains("Budi"), "nothing was imported");
}

/// `import BUNDLE` into the data folder `data` imports nothing and says each of `want`; what it
/// said.
fn import_refused_into(data: &Path, bundle: &str, want: &[&str]) -> String {
    let o = run(
        data,
        &["--lang", "en", "--content", A, "import", bundle],
        "",
    );
    let said = both(&o);
    assert_eq!(o.status.code(), Some(1), "{said}");
    assert!(said.contains("nothing was imported"), "{said}");
    for w in want {
        assert!(said.contains(w), "wanted {w:?} in: {said}");
    }
    said
}

fn budi_attempt(v: &mut serde_json::Value) -> &mut serde_json::Value {
    let budi = v["payload"]["profiles"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "Budi")
        .unwrap()["id"]
        .clone();
    v["payload"]["attempts"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|a| a["profile_id"] == budi)
        .unwrap()
}

/// The first `FILE:ROW:` a sheet import reports.
fn sheet_row(content: Option<&str>, bytes: &[u8], kind: &[&str]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let sheet = dir.path().join("lembar saya.csv");
    std::fs::write(&sheet, bytes).unwrap();
    let s = sheet.to_str().unwrap().to_string();
    let mut args: Vec<&str> = Vec::new();
    if let Some(c) = content {
        args.extend(["--content", c]);
    }
    args.extend([
        "sheets",
        "import",
        &s,
        "--class",
        "K",
        "--new-class",
        "--add-new",
    ]);
    args.extend(kind);
    let o = run(dir.path(), &args, "");
    assert_eq!(o.status.code(), Some(1), "{}", both(&o));
    let err = text(&o.stderr);
    let first = err.lines().next().unwrap_or("").to_string();
    let rest = first
        .strip_prefix(&format!("{s}:"))
        .unwrap_or_else(|| panic!("{first}"));
    rest.split(':').next().unwrap().to_string()
}

trait Lf {
    fn replace_crlf(&self) -> Vec<u8>;
}

impl Lf for [u8] {
    fn replace_crlf(&self) -> Vec<u8> {
        String::from_utf8_lossy(self)
            .replace("\r\n", "\n")
            .into_bytes()
    }
}

/// Runs pijat as a user without rights to `data` (root ignores permissions, so as root the
/// test drops to `nobody` with setpriv). `None` when that is not possible here.
fn run_without_rights(data: &Path, args: &[&str]) -> Option<std::process::Output> {
    use std::os::unix::fs::PermissionsExt;
    let bin_dir = tempfile::tempdir().unwrap();
    let bin = bin_dir.path().join("pijat");
    std::fs::copy(env!("CARGO_BIN_EXE_pijat"), &bin).unwrap();
    for p in [bin_dir.path(), bin.as_path()] {
        std::fs::set_permissions(p, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    let root = std::process::Command::new("id").arg("-u").output().ok()?;
    let mut cmd = if text(&root.stdout).trim() == "0" {
        let probe = std::process::Command::new("setpriv")
            .arg("--version")
            .output();
        if probe.is_err() {
            return None;
        }
        let mut c = std::process::Command::new("setpriv");
        c.args(["--reuid=65534", "--regid=65534", "--clear-groups"])
            .arg(&bin);
        c
    } else {
        std::process::Command::new(&bin)
    };
    let out = cmd
        .args(args)
        .env("PIJAT_DATA_DIR", data)
        .env_remove("PIJAT_LANG")
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    drop(bin_dir);
    Some(out)
}

/// Every file in a folder with its bytes, to see that looking changed nothing.
fn folder_state(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            (name, std::fs::read(e.path()).unwrap_or_default())
        })
        .collect();
    files.sort();
    files
}

#[path = "integrity/integrity_1.rs"]
mod integrity_1;
#[path = "integrity/integrity_2.rs"]
mod integrity_2;
#[path = "integrity/integrity_3.rs"]
mod integrity_3;
