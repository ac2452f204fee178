//! Whatever bytes a content file holds, loading reports problems and never panics or hangs.

use std::borrow::Cow;

use pijat_content::Layer;
use pijat_content::{SourceFile, load, shipped_files};
use proptest::prelude::*;

const PLACES: [&str; 4] = [
    "curriculum/x.toml",
    "quizzes/x.toml",
    "curriculum/sources.toml",
    "curriculum/safety.toml",
];

fn load_one(rel: &str, bytes: Vec<u8>) {
    let mut files = shipped_files();
    files.push(SourceFile {
        rel: rel.into(),
        path: rel.into(),
        bytes: Cow::Owned(bytes),
        layer: Layer::Trainer,
    });
    let loaded = load(&files);
    // Anything reported points inside the file it names.
    for d in &loaded.diagnostics {
        assert_eq!(d.path, rel);
    }
}

/// Fragments of real content files, so that generated files reach past the TOML parser.
fn toml_like() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("format_version = 1\n".to_string()),
        Just("id = \"x\"\n".to_string()),
        Just("order = 3\n".to_string()),
        Just("title = { id = \"a\", en = \"b\" }\n".to_string()),
        Just("[[page]]\n".to_string()),
        Just("[[question]]\n".to_string()),
        Just("[[routine]]\n[[routine.step]]\n".to_string()),
        Just("type = \"single\"\n".to_string()),
        Just("options = [{ id = \"a\" }, { en = \"b\" }]\n".to_string()),
        Just("answer = [1, 1]\n".to_string()),
        Just("figure = \"back\"\nhighlight = [\"spine\"]\n".to_string()),
        Just("module = \"technique\"\n".to_string()),
        Just("[[source]]\nkey = \"S1\"\n".to_string()),
        "[a-z_]{1,8} = [\"0-9a-z{}\\[\\], ]{0,12}\n",
        ".{0,20}",
    ];
    prop::collection::vec(piece, 0..24).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..600), place in 0..4usize) {
        load_one(PLACES[place], bytes);
    }

    #[test]
    fn content_like_text_never_panics(text in toml_like(), place in 0..4usize) {
        load_one(PLACES[place], text.into_bytes());
    }
}

#[test]
fn absurd_nesting_is_refused_quickly() {
    for open in ["[", "{a=", "[{a=["] {
        let text = format!("x = {}", open.repeat(50_000));
        let start = std::time::Instant::now();
        load_one("quizzes/x.toml", text.into_bytes());
        // A generous bound: the point is no hang and no stack overflow.
        assert!(start.elapsed().as_secs() < 10);
    }
}
