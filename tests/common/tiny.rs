//! A small file system that fills up, mounted for a test (root only).

/// A small file system that fills up, mounted for the test (root only); `None` elsewhere.
pub struct Tiny(pub tempfile::TempDir);

impl Tiny {
    /// The small disk, or `None` after [`super::skip::skip`] (a failure where every tool is
    /// required).
    pub fn mount(kb: u32) -> Option<Tiny> {
        let tiny = Self::try_mount(kb);
        if tiny.is_none() {
            super::skip::skip(&format!("cannot mount a {kb} KiB tmpfs here (not root?)"));
        }
        tiny
    }

    fn try_mount(kb: u32) -> Option<Tiny> {
        let dir = tempfile::tempdir().unwrap();
        let ok = std::process::Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={kb}k"), "tmpfs"])
            .arg(dir.path())
            .stderr(std::process::Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        ok.then_some(Tiny(dir))
    }
}

impl Drop for Tiny {
    fn drop(&mut self) {
        let _ = std::process::Command::new("umount")
            .arg(self.0.path())
            .status();
    }
}
