//! Where a trainer would want a file to go: a flash drive when one is plugged in, else the
//! Documents folder.

use std::path::PathBuf;

/// Removable drives that are mounted now, writable ones first found first.
pub fn removable_drives() -> Vec<PathBuf> {
    #[cfg(windows)]
    {
        windows_removable()
    }
    #[cfg(not(windows))]
    {
        // Desktop Linux mounts a flash drive under /media/USER or /run/media/USER.
        let user = std::env::var("USER").unwrap_or_default();
        let mut out = Vec::new();
        for base in [format!("/media/{user}"), format!("/run/media/{user}")] {
            if user.is_empty() {
                break;
            }
            if let Ok(entries) = std::fs::read_dir(&base) {
                let mut found: Vec<PathBuf> = entries
                    .flatten()
                    .map(|e| e.path())
                    .filter(|p| p.is_dir())
                    .collect();
                found.sort();
                out.extend(found);
            }
        }
        out
    }
}

#[cfg(windows)]
fn windows_removable() -> Vec<PathBuf> {
    use windows_sys::Win32::Storage::FileSystem::GetDriveTypeW;
    const DRIVE_REMOVABLE: u32 = 2;
    (b'D'..=b'Z')
        .filter_map(|letter| {
            let root: Vec<u16> = format!("{}:\\", letter as char)
                .encode_utf16()
                .chain(Some(0))
                .collect();
            // SAFETY: `root` is a NUL-terminated UTF-16 string that lives through the call.
            let kind = unsafe { GetDriveTypeW(root.as_ptr()) };
            (kind == DRIVE_REMOVABLE).then(|| PathBuf::from(format!("{}:\\", letter as char)))
        })
        .collect()
}

/// The folder a new export is suggested in: the first flash drive, else Documents, else home.
pub fn export_folder() -> PathBuf {
    if let Some(d) = removable_drives().into_iter().next() {
        return d;
    }
    directories::UserDirs::new()
        .and_then(|u| {
            u.document_dir()
                .map(PathBuf::from)
                .or_else(|| Some(u.home_dir().to_path_buf()))
        })
        .unwrap_or_else(|| PathBuf::from("."))
}

/// The folders a bundle from another laptop is looked for in, each once: the data folder, the
/// flash drives, Downloads (where WhatsApp and browsers put files), Documents, the desktop and
/// home.
pub fn import_folders(data_dir: &std::path::Path) -> Vec<PathBuf> {
    let mut out = vec![data_dir.to_path_buf()];
    out.extend(removable_drives());
    if let Some(u) = directories::UserDirs::new() {
        out.extend(u.download_dir().map(PathBuf::from));
        out.extend(u.document_dir().map(PathBuf::from));
        out.extend(u.desktop_dir().map(PathBuf::from));
        out.push(u.home_dir().to_path_buf());
    }
    let mut seen = std::collections::HashSet::new();
    out.retain(|p| seen.insert(p.clone()));
    out
}
