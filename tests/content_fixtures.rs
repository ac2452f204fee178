//! Every broken content file in `tests/fixtures/invalid/` must give exactly the problems in its
//! `.expected` file (English), each at `path:line:column`, and must stop the content loading.
//! Set `PIJAT_BLESS=1` to write missing `.expected` files (then read them before committing).

use std::borrow::Cow;
use std::path::Path;

use pijat_content::{Layer, Loaded};
use pijat_content::{SourceFile, load, shipped_files};

/// Where a fixture would sit in a trainer's folder, from its name.
fn rel_for(name: &str) -> String {
    if name.starts_with("quiz-") {
        format!("quizzes/{name}")
    } else if name.starts_with("sources-") {
        "curriculum/sources.toml".into()
    } else if name.starts_with("safety-") {
        "curriculum/safety.toml".into()
    } else {
        format!("curriculum/{name}")
    }
}

fn load_over_shipped(path: &str, rel: String, bytes: Vec<u8>) -> Loaded {
    let mut files = shipped_files();
    files.push(SourceFile {
        rel,
        path: path.to_string(),
        bytes: Cow::Owned(bytes),
        layer: Layer::Trainer,
    });
    load(&files)
}

fn render(loaded: &Loaded, lang: &str) -> String {
    loaded
        .diagnostics
        .iter()
        .map(|d| d.render(lang) + "\n")
        .collect()
}

#[test]
fn every_invalid_fixture_gives_its_expected_messages() {
    let dir = Path::new("tests/fixtures/invalid");
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.ends_with(".toml"))
        .collect();
    names.sort();
    assert!(names.len() >= 25, "only {} invalid fixtures", names.len());
    let bless = std::env::var_os("PIJAT_BLESS").is_some();
    let mut failures = Vec::new();
    for name in &names {
        let path = format!("tests/fixtures/invalid/{name}");
        let bytes = std::fs::read(&path).unwrap();
        let loaded = load_over_shipped(&path, rel_for(name), bytes);
        let got = render(&loaded, "en");
        assert!(
            loaded.content.is_none(),
            "{name}: loaded without an error:\n{got}"
        );
        assert!(
            loaded.diagnostics.iter().all(|d| d.path == path),
            "{name}: a problem was reported in another file:\n{got}"
        );
        // Every message exists in Indonesian too, and says something different from English.
        let indonesian = render(&loaded, "id");
        assert_ne!(indonesian, got, "{name}: Indonesian messages are missing");
        let expected_path = dir.join(name.replace(".toml", ".expected"));
        match std::fs::read_to_string(&expected_path) {
            Ok(expected) if expected == got => {}
            Ok(expected) => failures.push(format!("{name}\n  expected:\n{expected}  got:\n{got}")),
            Err(_) if bless => std::fs::write(&expected_path, &got).unwrap(),
            Err(_) => failures.push(format!("{name}: no .expected file; got:\n{got}")),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn a_file_over_the_size_limit_is_refused_without_parsing() {
    let mut bytes = b"format_version = 1\n".to_vec();
    bytes.extend(std::iter::repeat_n(b'#', pijat_content::MAX_FILE_BYTES));
    let loaded = load_over_shipped("big.toml", "quizzes/big.toml".into(), bytes);
    assert!(loaded.content.is_none());
    assert_eq!(
        render(&loaded, "en"),
        "big.toml: the file is too big (1024 KiB); content files may be at most 1024 KiB\n"
    );
}

#[test]
fn a_byte_order_mark_from_windows_notepad_is_accepted() {
    let text = std::fs::read_to_string("quizzes/knowledge.toml").unwrap();
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend(text.as_bytes());
    let loaded = load_over_shipped("bom.toml", "quizzes/knowledge.toml".into(), bytes);
    assert!(loaded.content.is_some(), "{}", render(&loaded, "en"));
}
