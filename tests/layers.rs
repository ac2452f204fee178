//! The layers of DESIGN.md, kept by the crate graph: each layer is a crate, and the compiler
//! refuses a path to a crate that is not a dependency. This test reads `cargo metadata` and fails
//! on any dependency between pijat's crates that is not an allowed arrow, naming the two crates.

use std::collections::{BTreeMap, BTreeSet};
use std::process::Command;

/// Which of pijat's crates each crate may depend on (normal dependencies; the tests of the
/// binary package may use any crate).
const ARROWS: &[(&str, &[&str])] = &[
    ("pijat-core", &[]),
    ("pijat-content", &["pijat-core"]),
    ("pijat-engine", &["pijat-content", "pijat-core"]),
    ("pijat-store", &["pijat-core"]),
    ("pijat-speech", &["pijat-core"]),
    (
        "pijat-app",
        &["pijat-engine", "pijat-store", "pijat-content", "pijat-core"],
    ),
    (
        "pijat-documents",
        &["pijat-app", "pijat-engine", "pijat-content", "pijat-core"],
    ),
    ("pijat-cli", SHELL),
    ("pijat-tui", SHELL),
    ("pijat-web", SHELL),
    (
        "pijat",
        &["pijat-app", "pijat-cli", "pijat-tui", "pijat-web"],
    ),
];

/// What a shell may use: the use cases, the documents, the rules, the content, the shared
/// words and the voice; never the store or another shell.
const SHELL: &[&str] = &[
    "pijat-app",
    "pijat-documents",
    "pijat-engine",
    "pijat-content",
    "pijat-core",
    "pijat-speech",
];

/// Each of pijat's packages and its normal dependencies among pijat's packages.
fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let out = Command::new(env!("CARGO"))
        .args([
            "metadata",
            "--format-version",
            "1",
            "--no-deps",
            "--offline",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo metadata runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let meta: serde_json::Value = serde_json::from_slice(&out.stdout).expect("metadata is JSON");
    let mut graph = BTreeMap::new();
    for package in meta["packages"].as_array().expect("packages") {
        let name = package["name"].as_str().expect("name").to_string();
        let deps = package["dependencies"]
            .as_array()
            .expect("dependencies")
            .iter()
            .filter(|d| d["kind"].is_null())
            .filter_map(|d| d["name"].as_str())
            .filter(|n| *n == "pijat" || n.starts_with("pijat-"))
            .map(str::to_string)
            .collect();
        graph.insert(name, deps);
    }
    graph
}

/// The edges of `graph` that no arrow allows, as "from → to".
fn forbidden(graph: &BTreeMap<String, BTreeSet<String>>) -> Vec<String> {
    let mut wrong = Vec::new();
    for (krate, deps) in graph {
        let allowed = ARROWS
            .iter()
            .find(|(c, _)| c == krate)
            .map(|(_, a)| *a)
            .unwrap_or_default();
        for dep in deps {
            if !allowed.contains(&dep.as_str()) {
                wrong.push(format!("{krate} → {dep}"));
            }
        }
    }
    wrong
}

#[test]
fn every_dependency_between_layers_is_an_allowed_arrow() {
    let graph = graph();
    let known: BTreeSet<&str> = ARROWS.iter().map(|(c, _)| *c).collect();
    let found: BTreeSet<&str> = graph.keys().map(String::as_str).collect();
    assert_eq!(
        found, known,
        "the workspace's crates are the layers of DESIGN.md"
    );
    let wrong = forbidden(&graph);
    assert!(
        wrong.is_empty(),
        "arrows the layers forbid: {}",
        wrong.join(", ")
    );
}

#[test]
fn the_store_is_reached_through_app_only() {
    let graph = graph();
    let users: Vec<&String> = graph
        .iter()
        .filter(|(_, deps)| deps.contains("pijat-store"))
        .map(|(k, _)| k)
        .collect();
    assert_eq!(users, ["pijat-app"]);
}

#[test]
fn a_shell_reaching_the_store_or_another_shell_is_caught() {
    let mut graph = graph();
    let tui = graph.get_mut("pijat-tui").expect("the tui crate");
    tui.insert("pijat-store".into());
    tui.insert("pijat-cli".into());
    assert_eq!(
        forbidden(&graph),
        ["pijat-tui → pijat-cli", "pijat-tui → pijat-store"]
    );
}
