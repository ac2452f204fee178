//! The layers of DESIGN.md, kept by a test: every `crate::…` path in `src/` (grouped
//! `use crate::{…}` and `super::` paths that climb to the crate root included) must follow an
//! allowed arrow. A failure names file:line and the arrow.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Which layers each layer may use (besides itself).
const ARROWS: &[(&str, &[&str])] = &[
    ("core", &[]),
    ("content", &["core"]),
    ("engine", &["content", "core"]),
    ("store", &["core"]),
    ("speech", &["core"]),
    ("app", &["engine", "store", "content", "core"]),
    ("cli", &["app", "engine", "content", "core", "speech"]),
    ("tui", &["app", "engine", "content", "core", "speech"]),
    ("web", &["app", "engine", "content", "core", "speech"]),
];

/// Macros exported at the crate root, by the layer that defines them.
const ROOT_MACROS: &[(&str, &str)] = &[
    ("msg", "core"),
    ("outln", "cli"),
    ("out", "cli"),
    ("errln", "cli"),
];

fn layer_of_segment(seg: &str) -> Option<&'static str> {
    if let Some((_, l)) = ROOT_MACROS.iter().find(|(m, _)| *m == seg) {
        return Some(l);
    }
    ARROWS.iter().map(|(l, _)| *l).find(|l| *l == seg)
}

/// The module path of a file below `src/`: `store/mod.rs` → `[store]`, `tui/screens/quiz.rs` →
/// `[tui, screens, quiz]`.
fn module_path(rel: &Path) -> Vec<String> {
    let mut parts: Vec<String> = rel
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    let last = parts.pop().unwrap_or_default();
    let stem = last.trim_end_matches(".rs");
    if stem != "mod" && stem != "lib" && stem != "main" {
        parts.push(stem.to_string());
    }
    parts
}

/// Strips `//` comments and the contents of string literals, keeping line numbers.
fn code_only(src: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut in_str = false;
    for line in src.lines() {
        let mut kept = String::new();
        let mut chars = line.chars().peekable();
        while let Some(c) = chars.next() {
            if in_str {
                if c == '\\' {
                    chars.next();
                } else if c == '"' {
                    in_str = false;
                    kept.push('"');
                }
                continue;
            }
            if c == '/' && chars.peek() == Some(&'/') {
                break;
            }
            if c == '\'' {
                // A char literal such as '"' or '\'' must not open a string.
                let rest: String = chars.clone().take(3).collect();
                if rest.starts_with("\\") || rest.chars().nth(1) == Some('\'') {
                    kept.push(c);
                    continue;
                }
            }
            if c == '"' {
                in_str = true;
            }
            kept.push(c);
        }
        out.push(kept);
    }
    out
}

/// The layers a line of code names, each with the path as written.
fn named_layers(code: &str, module: &[String]) -> Vec<(String, &'static str)> {
    let mut found = Vec::new();
    let bytes = code.as_bytes();
    let is_ident = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    let mut i = 0;
    while i < code.len() {
        let at_word = i == 0 || !is_ident(bytes[i - 1]);
        if at_word && code[i..].starts_with("crate::") {
            let rest = &code[i + 7..];
            for seg in first_segments(rest) {
                if let Some(l) = layer_of_segment(&seg) {
                    found.push((format!("crate::{seg}"), l));
                }
            }
            i += 7;
            continue;
        }
        if at_word && code[i..].starts_with("super::") {
            let mut rest = &code[i..];
            let mut ups = 0;
            while let Some(r) = rest.strip_prefix("super::") {
                ups += 1;
                rest = r;
            }
            // `super` from a file's module: its parent is one up, so `ups` supers climb to the
            // root when they reach past every module segment.
            if ups >= module.len() {
                for seg in first_segments(rest) {
                    if let Some(l) = layer_of_segment(&seg) {
                        found.push((format!("{}{seg}", "super::".repeat(ups)), l));
                    }
                }
            }
            i += 7 * ups;
            continue;
        }
        i += code[i..].chars().next().map_or(1, char::len_utf8);
    }
    found
}

/// The first path segment after `crate::`, or every first segment of a group `{a::b, c}`.
fn first_segments(rest: &str) -> Vec<String> {
    let rest = rest.trim_start();
    if let Some(group) = rest.strip_prefix('{') {
        let mut segs = Vec::new();
        let mut depth = 0;
        let mut item = String::new();
        for c in group.chars() {
            match c {
                '{' => {
                    depth += 1;
                    item.push(c);
                }
                '}' if depth == 0 => break,
                '}' => {
                    depth -= 1;
                    item.push(c);
                }
                ',' if depth == 0 => {
                    segs.push(std::mem::take(&mut item));
                }
                _ => item.push(c),
            }
        }
        segs.push(item);
        segs.iter().filter_map(|s| ident_prefix(s.trim())).collect()
    } else {
        ident_prefix(rest).into_iter().collect()
    }
}

fn ident_prefix(s: &str) -> Option<String> {
    let id: String = s
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect();
    (!id.is_empty()).then_some(id)
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).expect("src is readable") {
        let p = e.expect("a directory entry").path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// Every arrow outside the list, as `file:line: from → to (path)`.
fn violations(src: &Path) -> Vec<String> {
    let mut files = Vec::new();
    rust_files(src, &mut files);
    files.sort();
    let mut bad = Vec::new();
    for file in files {
        let rel = file.strip_prefix(src).expect("below src");
        let module = module_path(rel);
        let Some(from) = module.first().and_then(|m| layer_of_segment(m)) else {
            continue; // lib.rs and main.rs wire the layers together
        };
        let allowed: BTreeSet<&str> = ARROWS
            .iter()
            .find(|(l, _)| *l == from)
            .map(|(_, to)| to.iter().copied().collect())
            .unwrap_or_default();
        let text = std::fs::read_to_string(&file).expect("a source file");
        // A grouped `use crate::{…}` may span lines: join each statement before reading it.
        let lines = code_only(&text);
        let mut n = 0;
        while n < lines.len() {
            let mut stmt = lines[n].clone();
            let start = n;
            if stmt.contains("crate::{") || stmt.contains("super::{") {
                while !balanced(&stmt) && n + 1 < lines.len() {
                    n += 1;
                    stmt.push(' ');
                    stmt.push_str(&lines[n]);
                }
            }
            for (path, to) in named_layers(&stmt, &module) {
                if to != from && !allowed.contains(to) {
                    bad.push(format!(
                        "src/{}:{}: {from} → {to} ({path})",
                        rel.display(),
                        start + 1
                    ));
                }
            }
            n += 1;
        }
    }
    bad
}

fn balanced(s: &str) -> bool {
    s.matches('{').count() <= s.matches('}').count()
}

#[test]
fn every_arrow_in_src_points_down() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let bad = violations(&src);
    assert!(
        bad.is_empty(),
        "{} imports break the layers of DESIGN.md:\n{}",
        bad.len(),
        bad.join("\n")
    );
}

#[test]
fn the_check_sees_every_way_of_writing_an_arrow() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path();
    std::fs::create_dir_all(src.join("store")).unwrap();
    std::fs::create_dir_all(src.join("tui/screens")).unwrap();
    std::fs::create_dir_all(src.join("engine/quiz")).unwrap();
    std::fs::write(
        src.join("store/mod.rs"),
        "use crate::core::Lang;\n// use crate::tui::App;\nconst S: &str = \"crate::cli::x\";\n",
    )
    .unwrap();
    std::fs::write(
        src.join("tui/screens/quiz.rs"),
        "use crate::{\n    app::QuizRun,\n    store::Store,\n};\nfn f() { let _ = crate::cli::t; }\n",
    )
    .unwrap();
    std::fs::write(
        src.join("engine/quiz/grade.rs"),
        "use super::super::super::store::Store;\nuse super::layout::Layout;\nuse crate::msg;\n",
    )
    .unwrap();
    let bad = violations(src);
    assert_eq!(
        bad,
        [
            "src/engine/quiz/grade.rs:1: engine → store (super::super::super::store)",
            "src/tui/screens/quiz.rs:1: tui → store (crate::store)",
            "src/tui/screens/quiz.rs:5: tui → cli (crate::cli)",
        ],
        "comments and strings are not arrows; grouped and climbing paths are"
    );
}
