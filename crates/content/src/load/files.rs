//! The files to load: those built into the binary, or a trainer's folder, each read with its size checked.

use super::*;

/// The files built into the binary.
pub fn shipped_files() -> Vec<SourceFile> {
    let mut out = Vec::new();
    for (dir, name) in [(&CURRICULUM, "curriculum"), (&QUIZZES, "quizzes")] {
        for f in dir.files() {
            let rel = format!("{name}/{}", f.path().display());
            if kind_of(&rel).is_some() {
                out.push(SourceFile {
                    path: rel.clone(),
                    rel,
                    bytes: Cow::Borrowed(f.contents()),
                    layer: Layer::Shipped,
                });
            }
        }
    }
    out.sort_by(|a, b| a.rel.cmp(&b.rel));
    out
}

pub(super) fn file_problem(path: &Path, message: super::super::diag::Bilingual) -> Diagnostic {
    Diagnostic {
        path: path.display().to_string(),
        pos: None,
        severity: Severity::Error,
        message,
    }
}

/// The `.toml` files of a trainer's folder: `DIR/curriculum/*.toml` and `DIR/quizzes/*.toml`.
pub(crate) fn folder_files(dir: &Path) -> Result<Vec<SourceFile>, Vec<Diagnostic>> {
    if !dir.is_dir() {
        return Err(vec![file_problem(
            dir,
            pijat_core::both!(messages, no_such_folder),
        )]);
    }
    let mut out = Vec::new();
    let mut problems = Vec::new();
    let mut found_any = false;
    for sub in ["curriculum", "quizzes"] {
        let d = dir.join(sub);
        if !d.is_dir() {
            continue;
        }
        found_any = true;
        let entries = match std::fs::read_dir(&d) {
            Ok(e) => e,
            Err(e) => {
                let (wid, wen) = pijat_core::io_words::reason(&e);
                problems.push(file_problem(&d, msg!(id: "{wid}", en: "{wen}")));
                continue;
            }
        };
        let mut names: Vec<_> = entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "toml"))
            .collect();
        names.sort();
        for p in names {
            // Something named `.toml` that is not an ordinary file (a folder, a device, a pipe,
            // a link that leads nowhere or in a circle) is a problem to name, never read.
            match std::fs::metadata(&p) {
                Ok(m) if m.is_file() => {}
                Ok(m) if m.is_dir() => {
                    problems.push(file_problem(
                        &p,
                        pijat_core::both!(messages, folder_not_content_file_rename),
                    ));
                    continue;
                }
                Ok(_) => {
                    problems.push(file_problem(
                        &p,
                        pijat_core::both!(messages, not_ordinary_file_device_pipe),
                    ));
                    continue;
                }
                Err(e) => {
                    let link = std::fs::symlink_metadata(&p).is_ok_and(|m| m.is_symlink());
                    let m = if link {
                        pijat_core::both!(messages, link_leads_no_file_points)
                    } else {
                        let (wid, wen) = pijat_core::io_words::reason(&e);
                        msg!(id: "{wid}", en: "{wen}")
                    };
                    problems.push(file_problem(&p, m));
                    continue;
                }
            }
            if out.len() >= MAX_FILES {
                problems.push(file_problem(
                    dir,
                    pijat_core::both!(messages, too_many_content_files, max = MAX_FILES),
                ));
                return Err(problems);
            }
            let Some(name) = p.file_name().and_then(|n| n.to_str()) else {
                problems.push(file_problem(
                    &p,
                    pijat_core::both!(messages, file_name_not_utf_8),
                ));
                continue;
            };
            let rel = format!("{sub}/{name}");
            match read_limited(&p) {
                Ok(bytes) => out.push(SourceFile {
                    rel,
                    path: p.display().to_string(),
                    bytes: Cow::Owned(bytes),
                    layer: Layer::Trainer,
                }),
                Err(m) => problems.push(file_problem(&p, m)),
            }
        }
    }
    if !found_any {
        problems.push(file_problem(
            dir,
            pijat_core::both!(messages, folder_holds_no_curriculum_quizzes),
        ));
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(problems)
    }
}

pub(super) fn too_big(len: u64) -> super::super::diag::Bilingual {
    let kib = len / 1024;
    let max = MAX_FILE_BYTES / 1024;
    pijat_core::both!(messages, file_too_big_kib_content, kib = kib, max = max)
}

/// Reads a file, refusing before reading it all when it is over the size limit.
pub(super) fn read_limited(p: &Path) -> Result<Vec<u8>, super::super::diag::Bilingual> {
    use std::io::Read;
    let words = |e: std::io::Error| {
        let (id, en) = pijat_core::io_words::reason(&e);
        msg!(id: "{id}", en: "{en}")
    };
    let f = std::fs::File::open(p).map_err(words)?;
    let mut bytes = Vec::new();
    f.take(MAX_FILE_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(words)?;
    if bytes.len() > MAX_FILE_BYTES {
        let len = std::fs::metadata(p).map_or(bytes.len() as u64, |m| m.len());
        return Err(too_big(len));
    }
    Ok(bytes)
}

/// The text of a file, without a byte-order mark, or the problem with its encoding or size.
pub(super) fn decode(file: &SourceFile) -> Result<&str, Diagnostic> {
    let problem = |pos, message| Diagnostic {
        path: file.path.clone(),
        pos,
        severity: Severity::Error,
        message,
    };
    if file.bytes.len() > MAX_FILE_BYTES {
        return Err(problem(None, too_big(file.bytes.len() as u64)));
    }
    let bytes = file
        .bytes
        .strip_prefix(b"\xEF\xBB\xBF")
        .unwrap_or(&file.bytes);
    std::str::from_utf8(bytes).map_err(|e| {
        let good = e.valid_up_to();
        // The prefix up to `good` is valid UTF-8 by definition.
        let prefix = bytes
            .get(..good)
            .and_then(|b| std::str::from_utf8(b).ok())
            .unwrap_or("");
        let pos = LineIndex::new(prefix).position(good);
        problem(Some(pos), pijat_core::both!(messages, not_utf_8_text_here))
    })
}
