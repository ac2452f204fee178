//! Finds the content files (shipped in the binary, and a trainer's folder), parses them in
//! dependency order and merges them: a trainer's module or quiz replaces the shipped one with
//! the same id.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::path::Path;

use include_dir::{Dir, include_dir};
use sha2::{Digest, Sha256};

use super::diag::{Diagnostic, LineIndex, Severity, Sink};
use super::parse::{self, IdSite, Known};
use super::schema::{Content, Layer, Module, Purpose, Quiz, Safety};
use crate::msg;

static CURRICULUM: Dir = include_dir!("$CARGO_MANIFEST_DIR/curriculum");
static QUIZZES: Dir = include_dir!("$CARGO_MANIFEST_DIR/quizzes");

/// Content files are small; anything bigger is refused before parsing.
pub const MAX_FILE_BYTES: usize = 1 << 20;
/// More files than any trainer writes; protects against pointing `--content` at a huge folder.
pub const MAX_FILES: usize = 1000;

/// One content file's bytes, where it is shown as coming from, and its layer.
#[derive(Clone, Debug)]
pub struct SourceFile {
    /// `curriculum/…` or `quizzes/…`: decides what the file holds.
    pub rel: String,
    /// How the file is named in messages.
    pub path: String,
    pub bytes: Cow<'static, [u8]>,
    pub layer: Layer,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    Sources,
    Safety,
    Module,
    Quiz,
}

fn kind_of(rel: &str) -> Option<Kind> {
    let (dir, name) = rel.split_once('/')?;
    if name.contains('/') || !name.ends_with(".toml") {
        return None;
    }
    match (dir, name) {
        ("curriculum", "sources.toml") => Some(Kind::Sources),
        ("curriculum", "safety.toml") => Some(Kind::Safety),
        ("curriculum", _) => Some(Kind::Module),
        ("quizzes", _) => Some(Kind::Quiz),
        _ => None,
    }
}

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

fn file_problem(path: &Path, message: super::diag::Bilingual) -> Diagnostic {
    Diagnostic {
        path: path.display().to_string(),
        pos: None,
        severity: Severity::Error,
        message,
    }
}

/// The `.toml` files of a trainer's folder: `DIR/curriculum/*.toml` and `DIR/quizzes/*.toml`.
pub fn folder_files(dir: &Path) -> Result<Vec<SourceFile>, Vec<Diagnostic>> {
    if !dir.is_dir() {
        return Err(vec![file_problem(
            dir,
            msg!(id: "folder tidak ditemukan", en: "no such folder"),
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
                let (wid, wen) = crate::core::io_words::reason(&e);
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
                        msg!(
                            id: "ini folder, bukan berkas konten: ganti namanya atau pindahkan",
                            en: "this is a folder, not a content file: rename or move it"
                        ),
                    ));
                    continue;
                }
                Ok(_) => {
                    problems.push(file_problem(
                        &p,
                        msg!(
                            id: "ini bukan berkas biasa (perangkat atau pipa): pindahkan dari folder konten",
                            en: "this is not an ordinary file (a device or a pipe): move it out of the content folder"
                        ),
                    ));
                    continue;
                }
                Err(e) => {
                    let link = std::fs::symlink_metadata(&p).is_ok_and(|m| m.is_symlink());
                    let m = if link {
                        msg!(
                            id: "tautan ini tidak menuju berkas (menunjuk ke tempat kosong, atau berputar): hapus atau perbaiki",
                            en: "this link leads to no file (it points nowhere, or round in a circle): remove or fix it"
                        )
                    } else {
                        let (wid, wen) = crate::core::io_words::reason(&e);
                        msg!(id: "{wid}", en: "{wen}")
                    };
                    problems.push(file_problem(&p, m));
                    continue;
                }
            }
            if out.len() >= MAX_FILES {
                problems.push(file_problem(
                    dir,
                    msg!(
                        id: "lebih dari {MAX_FILES} berkas konten: ini bukan folder konten pijat",
                        en: "more than {MAX_FILES} content files: this is not a pijat content folder"
                    ),
                ));
                return Err(problems);
            }
            let Some(name) = p.file_name().and_then(|n| n.to_str()) else {
                problems.push(file_problem(
                    &p,
                    msg!(
                        id: "nama berkas bukan teks UTF-8: ganti namanya",
                        en: "the file name is not UTF-8 text: rename it"
                    ),
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
            msg!(
                id: "folder ini tidak berisi folder curriculum/ atau quizzes/",
                en: "this folder holds no curriculum/ or quizzes/ folder"
            ),
        ));
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(problems)
    }
}

fn too_big(len: u64) -> super::diag::Bilingual {
    let kib = len / 1024;
    let max = MAX_FILE_BYTES / 1024;
    msg!(
        id: "berkas terlalu besar ({kib} KiB); berkas konten paling besar {max} KiB",
        en: "the file is too big ({kib} KiB); content files may be at most {max} KiB"
    )
}

/// Reads a file, refusing before reading it all when it is over the size limit.
fn read_limited(p: &Path) -> Result<Vec<u8>, super::diag::Bilingual> {
    use std::io::Read;
    let words = |e: std::io::Error| {
        let (id, en) = crate::core::io_words::reason(&e);
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
fn decode(file: &SourceFile) -> Result<&str, Diagnostic> {
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
        let prefix = std::str::from_utf8(&bytes[..good]).unwrap_or("");
        let pos = LineIndex::new(prefix).position(good);
        problem(
            Some(pos),
            msg!(
                id: "bukan teks UTF-8 di sini: simpan berkas sebagai UTF-8",
                en: "not UTF-8 text here: save the file as UTF-8"
            ),
        )
    })
}

/// What loading produced: the content when there was no error, every problem, and which
/// shipped files a trainer's files replaced.
#[derive(Debug)]
pub struct Loaded {
    pub content: Option<Content>,
    pub diagnostics: Vec<Diagnostic>,
    pub overrides: Vec<(String, String)>,
}

impl Loaded {
    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics.iter().filter(|d| d.is_error())
    }
}

/// The shipped content, or the shipped content with a trainer's folder over it.
pub fn load_with(dir: Option<&Path>) -> Loaded {
    let mut files = shipped_files();
    if let Some(dir) = dir {
        match folder_files(dir) {
            Ok(more) => files.extend(more),
            Err(diagnostics) => {
                return Loaded {
                    content: None,
                    diagnostics,
                    overrides: Vec::new(),
                };
            }
        }
    }
    load(&files)
}

fn duplicate(d: &mut Vec<Diagnostic>, first: &IdSite, again: &IdSite, what: (&str, &str)) {
    let (i, (wi, we)) = (&again.id, what);
    let (p, (l, c)) = (&first.path, first.pos);
    d.push(Diagnostic {
        path: again.path.clone(),
        pos: Some(again.pos),
        severity: Severity::Error,
        message: msg!(
            id: "id {wi} `{i}` sudah dipakai di {p}:{l}:{c}",
            en: "{we} id `{i}` is already used at {p}:{l}:{c}"
        ),
    });
}

/// Merges items of both layers by id: a second definition in the same layer is an error, a
/// trainer's definition replaces the shipped one.
fn merge<T>(
    items: Vec<(T, IdSite, Layer)>,
    what: (&str, &str),
    d: &mut Vec<Diagnostic>,
    overrides: &mut Vec<(String, String)>,
) -> Vec<T> {
    let mut by_id: BTreeMap<String, (T, IdSite, Layer)> = BTreeMap::new();
    for (item, site, layer) in items {
        match by_id.get(&site.id) {
            Some((_, first, l)) if *l == layer => duplicate(d, first, &site, what),
            Some((_, first, _)) => {
                overrides.push((first.path.clone(), site.path.clone()));
                by_id.insert(site.id.clone(), (item, site, layer));
            }
            None => {
                by_id.insert(site.id.clone(), (item, site, layer));
            }
        }
    }
    by_id.into_values().map(|(item, _, _)| item).collect()
}

/// Parses and merges the given files (shipped ones first, then a trainer's).
pub fn load(files: &[SourceFile]) -> Loaded {
    let mut diagnostics = Vec::new();
    let mut overrides = Vec::new();
    let mut texts = Vec::new();
    for f in files {
        let Some(kind) = kind_of(&f.rel) else {
            continue;
        };
        match decode(f) {
            Ok(text) => texts.push((kind, f, text)),
            Err(d) => diagnostics.push(d),
        }
    }
    // Sources first (everything cites them), then modules (quizzes name them).
    texts.sort_by_key(|(kind, f, _)| (*kind, f.layer == Layer::Trainer));

    let mut known = Known::default();
    let mut sources = BTreeMap::new();
    let mut safety: Option<Safety> = None;
    let mut modules = Vec::new();
    let mut quizzes = Vec::new();
    for (kind, f, text) in texts {
        let mut sink = Sink::new(&f.path, text, f.layer == Layer::Shipped);
        match kind {
            Kind::Sources => {
                for (s, _) in parse::sources(text, &mut sink) {
                    known.sources.insert(s.key.clone());
                    sources.insert(s.key.clone(), s);
                }
            }
            Kind::Safety => {
                if let Some(s) = parse::safety(text, &mut sink, &known) {
                    safety = Some(s);
                }
            }
            Kind::Module => {
                let (id, parsed) = parse::module(text, &mut sink, &known, f.layer);
                if let Some(id) = id {
                    known.modules.insert(id);
                }
                if let Some(p) = parsed {
                    modules.push((p.module, p.id_site, p.routine_sites, f.layer));
                }
            }
            Kind::Quiz => {
                if let Some(p) = parse::quiz(text, &mut sink, &known, f.layer) {
                    quizzes.push((p.quiz, p.id_site, f.layer));
                }
            }
        }
        diagnostics.extend(sink.diagnostics);
    }

    let mut routine_sites: Vec<(String, IdSite)> = Vec::new();
    let module_items: Vec<(Module, IdSite, Layer)> = modules
        .into_iter()
        .map(|(m, site, routines, layer)| {
            routine_sites.extend(routines.into_iter().map(|r| (m.id.clone(), r)));
            (m, site, layer)
        })
        .collect();
    let mut modules = merge(
        module_items,
        ("modul", "module"),
        &mut diagnostics,
        &mut overrides,
    );
    modules.sort_by(|a, b| (a.order, &a.id).cmp(&(b.order, &b.id)));
    check_routine_ids(&modules, &routine_sites, &mut diagnostics);

    let mut quizzes: Vec<Quiz> = merge(quizzes, ("kuis", "quiz"), &mut diagnostics, &mut overrides);
    quizzes.sort_by_key(|q| (q.purpose != Purpose::PrePost, q.id.clone()));

    if safety.is_none() && !diagnostics.iter().any(|d| d.path.ends_with("safety.toml")) {
        diagnostics.push(Diagnostic {
            path: "curriculum/safety.toml".into(),
            pos: None,
            severity: Severity::Error,
            message: msg!(id: "teks keselamatan tidak ada", en: "the safety text is missing"),
        });
    }
    diagnostics.sort_by(|a, b| (&a.path, a.pos).cmp(&(&b.path, b.pos)));
    let has_errors = diagnostics.iter().any(Diagnostic::is_error);
    let content = match (has_errors, safety) {
        (false, Some(safety)) => Some(Content {
            modules,
            quizzes,
            sources,
            safety,
            version: version(files),
        }),
        _ => None,
    };
    Loaded {
        content,
        diagnostics,
        overrides,
    }
}

/// Routine ids must be unique over the merged modules: checklists and practice runs name them.
fn check_routine_ids(modules: &[Module], sites: &[(String, IdSite)], d: &mut Vec<Diagnostic>) {
    let mut first: BTreeMap<&str, &IdSite> = BTreeMap::new();
    for m in modules {
        let own = sites
            .iter()
            .filter(|(owner, s)| *owner == m.id && s.path == m.path);
        for (_, site) in own {
            match first.get(site.id.as_str()) {
                Some(f) => duplicate(d, f, site, ("rutinitas", "routine")),
                None => {
                    first.insert(&site.id, site);
                }
            }
        }
    }
}

/// A short fingerprint of exactly the files loaded, saved with each attempt.
fn version(files: &[SourceFile]) -> String {
    let mut h = Sha256::new();
    for f in files {
        h.update(f.rel.as_bytes());
        h.update([0]);
        h.update((f.bytes.len() as u64).to_le_bytes());
        h.update(&f.bytes);
    }
    let digest = h.finalize();
    digest.iter().take(6).map(|b| format!("{b:02x}")).collect()
}
