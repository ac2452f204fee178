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
use pijat_core::msg;

mod files;
pub use files::*;

static CURRICULUM: Dir = include_dir!("$CARGO_MANIFEST_DIR/../../curriculum");
static QUIZZES: Dir = include_dir!("$CARGO_MANIFEST_DIR/../../quizzes");

/// Content files are small; anything bigger is refused before parsing.
pub const MAX_FILE_BYTES: usize = 1 << 20;
/// More files than any trainer writes; protects against pointing `--content` at a huge folder.
pub(crate) const MAX_FILES: usize = 1000;

/// One content file's bytes, where it is shown as coming from, and its layer.
#[derive(Clone, Debug)]
pub struct SourceFile {
    /// `curriculum/…` or `quizzes/…`: decides what the file holds.
    pub rel: String,
    /// How the file is named in messages.
    pub path: String,
    /// Its bytes as read.
    pub bytes: Cow<'static, [u8]>,
    /// Shipped in the binary or from a trainer's folder.
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

/// What loading produced: the content when there was no error, every problem, and which
/// shipped files a trainer's files replaced.
#[derive(Debug)]
pub struct Loaded {
    /// The content, when no problem was an error.
    pub content: Option<Content>,
    /// Every problem found, errors and warnings.
    pub diagnostics: Vec<Diagnostic>,
    /// Shipped files a trainer's files replaced: (shipped, theirs).
    pub overrides: Vec<(String, String)>,
}

impl Loaded {
    /// The problems that stopped the content from loading.
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
    let what = pijat_core::Bilingual::new(what.0, what.1);
    let (p, (l, c)) = (&first.path, first.pos);
    d.push(Diagnostic {
        path: again.path.clone(),
        pos: Some(again.pos),
        severity: Severity::Error,
        message: pijat_core::both!(
            messages,
            id_used_at,
            what = what,
            i = again.id,
            p = p,
            l = l,
            c = c
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
            message: pijat_core::both!(messages, safety_text_missing),
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
