//! Printing an HTML file to PDF with headless Chromium (Debian's `chromium`), or a Word file or
//! workbook with headless LibreOffice (`soffice`), and reading the PDF back with poppler's
//! `pdfinfo` and `pdftotext`, page by page. Where every tool is required (`.ci/run`, which
//! installs them) they must be there; elsewhere a test without them says so and skips this part.

use std::path::Path;
use std::process::Command;

pub struct Pdf {
    /// The text of each page.
    pub pages: Vec<String>,
    /// Every page is A4 (595 × 842 points, within a point, upright or on its side).
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
    Some(read(&pdf))
}

/// A Word file or workbook as LibreOffice prints it, or `None` (outside CI) when LibreOffice or
/// poppler is missing.
pub fn render(document: &Path) -> Option<Pdf> {
    if !have("soffice") || !have("pdftotext") {
        super::skip::skip("soffice (LibreOffice) or pdftotext is missing (the render check)");
        return None;
    }
    let dir = tempfile::tempdir().unwrap();
    // A profile of its own: two renders at once never share one.
    let profile = format!(
        "-env:UserInstallation=file://{}/profile",
        dir.path().display()
    );
    let out = Command::new("soffice")
        .args([&profile, "--headless", "--convert-to", "pdf", "--outdir"])
        .arg(dir.path())
        .arg(document)
        .output()
        .unwrap();
    let pdf = dir
        .path()
        .join(document.file_stem().unwrap())
        .with_extension("pdf");
    assert!(
        pdf.exists(),
        "LibreOffice rendered nothing: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    Some(read(&pdf))
}

/// A PDF's pages as text, and whether they are all A4.
fn read(pdf: &Path) -> Pdf {
    let info = Command::new("pdfinfo")
        .args(["-f", "1", "-l", "999"])
        .arg(pdf)
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
            // Upright, or on its side (a wide sheet printed landscape).
            let near = |a: f64, b: f64| (a - b).abs() < 1.5;
            nums.len() >= 3
                && ((near(nums[1], 595.0) && near(nums[2], 842.0))
                    || (near(nums[1], 842.0) && near(nums[2], 595.0)))
        });
    let pages = (1..=count)
        .map(|p| {
            let o = Command::new("pdftotext")
                .args(["-f", &p.to_string(), "-l", &p.to_string()])
                .arg(pdf)
                .arg("-")
                .output()
                .unwrap();
            String::from_utf8_lossy(&o.stdout).into_owned()
        })
        .collect();
    Pdf { pages, a4 }
}
