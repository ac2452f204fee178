//! Printing an HTML file to PDF with headless Chromium (Debian's `chromium`) and reading the
//! PDF back with poppler's `pdfinfo` and `pdftotext`, page by page. In CI (`CI` set) both must
//! be installed (`.ci/run` does); elsewhere a test without them says so and skips this part.

use std::path::Path;
use std::process::Command;

pub struct Pdf {
    /// The text of each page.
    pub pages: Vec<String>,
    /// Every page is A4 (595 × 842 points, within a point).
    pub a4: bool,
}

fn have(tool: &str) -> bool {
    Command::new(tool).arg("--version").output().is_ok()
}

/// The printed PDF, or `None` (outside CI) when Chromium or poppler is missing.
pub fn print(html: &Path) -> Option<Pdf> {
    if !have("chromium") || !have("pdftotext") {
        super::skip::skip("chromium or pdftotext is missing (the print check)");
        return None;
    }
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("out.pdf");
    let profile = dir.path().join("profile");
    let out = Command::new("chromium")
        .args(super::CHROMIUM_FLAGS)
        .arg("--no-pdf-header-footer")
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(format!("file://{}", html.display()))
        .output()
        .unwrap();
    assert!(
        pdf.exists(),
        "chromium printed nothing: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let info = Command::new("pdfinfo")
        .args(["-f", "1", "-l", "999"])
        .arg(&pdf)
        .output()
        .unwrap();
    let info = String::from_utf8_lossy(&info.stdout).into_owned();
    let count: usize = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or(0);
    let a4 = info
        .lines()
        .filter(|l| l.starts_with("Page") && l.contains("size:"))
        .all(|l| {
            let nums: Vec<f64> = l
                .split_whitespace()
                .filter_map(|w| w.parse().ok())
                .collect();
            nums.len() >= 3 && (nums[1] - 595.0).abs() < 1.5 && (nums[2] - 842.0).abs() < 1.5
        });
    let pages = (1..=count)
        .map(|p| {
            let o = Command::new("pdftotext")
                .args(["-f", &p.to_string(), "-l", &p.to_string()])
                .arg(&pdf)
                .arg("-")
                .output()
                .unwrap();
            String::from_utf8_lossy(&o.stdout).into_owned()
        })
        .collect();
    Some(Pdf { pages, a4 })
}
