//! A small file system that fills up, mounted for a test (root only).

/// A small file system that fills up, mounted for the test (root only); `None` elsewhere.
pub struct Tiny(pub tempfile::TempDir);

impl Tiny {
    /// The small disk, or `None` with a line saying the test was skipped; under CI (`CI` set, as
    /// `.ci/run` runs) a disk that cannot be mounted fails the test instead of skipping it.
    pub fn mount(kb: u32) -> Option<Tiny> {
        let tiny = Self::try_mount(kb);
        if tiny.is_none() {
            assert!(
                std::env::var_os("CI").is_none(),
                "CI must test the full disk: mounting a {kb} KiB tmpfs failed (run as root)"
            );
            eprintln!("skipped: cannot mount a small file system here (not root?)");
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
