//! The one way a test skips for a missing tool or right: it says why, and where every tool is
//! required it fails instead, so a green CI never hides a test that did not run. Every tool is
//! required under `PIJAT_REQUIRE_ALL` (set by `.ci/run`) and under any CI that sets `CI`.

/// Fails when every tool is required; otherwise says the test is skipped and why.
pub fn skip(why: &str) {
    let required = ["PIJAT_REQUIRE_ALL", "CI"]
        .into_iter()
        .find(|v| std::env::var_os(v).is_some());
    if let Some(var) = required {
        panic!("{var} is set, so every tool is required, but {why}: this test cannot run here");
    }
    eprintln!("skipped: {why}");
}
