//! Problems found in content files, with their place and a message in both languages.

use std::fmt;

pub use pijat_core::Bilingual;

/// How bad a problem is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The content cannot be used until it is fixed.
    Error,
    /// Worth fixing; the content still loads.
    Warning,
}

/// One problem: the file, where in it (1-based line and column) and what is wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// The file, as named in messages.
    pub path: String,
    /// Line and column (1-based), when the problem has a place.
    pub pos: Option<(usize, usize)>,
    /// Error or warning.
    pub severity: Severity,
    /// What is wrong, in both languages.
    pub message: Bilingual,
}

impl Diagnostic {
    /// Whether it stops the content from loading.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// `path:line:column: message`, warnings marked as such, in the given language.
    pub fn render(&self, lang: &str) -> String {
        let mut out = self.path.clone();
        if let Some((line, col)) = self.pos {
            out.push_str(&format!(":{line}:{col}"));
        }
        out.push_str(": ");
        if self.severity == Severity::Warning {
            out.push_str(pijat_core::both!(messages, warning_prefix).get(lang));
        }
        out.push_str(self.message.get(lang));
        out
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render("en"))
    }
}

/// Turns byte offsets of one file into line and column (columns count characters).
pub(crate) struct LineIndex<'s> {
    src: &'s str,
    starts: Vec<usize>,
}

impl<'s> LineIndex<'s> {
    pub(crate) fn new(src: &'s str) -> Self {
        let mut starts = vec![0];
        starts.extend(src.match_indices('\n').map(|(i, _)| i + 1));
        Self { src, starts }
    }

    pub(crate) fn position(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.src.len());
        // `starts` begins with 0, so at least one start is at or before `offset`.
        let line = self
            .starts
            .partition_point(|&s| s <= offset)
            .saturating_sub(1);
        let start = self.starts.get(line).copied().unwrap_or(0);
        let col = self
            .src
            .get(start..offset)
            .map_or(offset - start, |s| s.chars().count());
        (line + 1, col + 1)
    }
}

/// Collects the problems of one file.
pub(crate) struct Sink<'s> {
    path: String,
    index: LineIndex<'s>,
    pub diagnostics: Vec<Diagnostic>,
    /// Missing languages are errors in shipped content and warnings in a trainer's files.
    pub strict_languages: bool,
}

impl<'s> Sink<'s> {
    pub(crate) fn new(path: impl Into<String>, src: &'s str, strict_languages: bool) -> Self {
        Self {
            path: path.into(),
            index: LineIndex::new(src),
            diagnostics: Vec::new(),
            strict_languages,
        }
    }

    pub(crate) fn path(&self) -> &str {
        &self.path
    }

    pub(crate) fn error(&mut self, offset: usize, message: Bilingual) {
        self.push(offset, Severity::Error, message);
    }

    pub(crate) fn warn(&mut self, offset: usize, message: Bilingual) {
        self.push(offset, Severity::Warning, message);
    }

    fn push(&mut self, offset: usize, severity: Severity, message: Bilingual) {
        let pos = Some(self.index.position(offset));
        self.diagnostics.push(Diagnostic {
            path: self.path.clone(),
            pos,
            severity,
            message,
        });
    }

    pub(crate) fn position(&self, offset: usize) -> (usize, usize) {
        self.index.position(offset)
    }

    pub(crate) fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_lines_and_characters_from_one() {
        let idx = LineIndex::new("ab\nçé x\n");
        assert_eq!(idx.position(0), (1, 1));
        assert_eq!(idx.position(3), (2, 1));
        // "çé " is 5 bytes but 3 characters.
        assert_eq!(idx.position(3 + 5), (2, 4));
        assert_eq!(idx.position(999), (3, 1));
    }

    #[test]
    fn render_marks_warnings_in_the_chosen_language() {
        let d = Diagnostic {
            path: "q.toml".into(),
            pos: Some((3, 7)),
            severity: Severity::Warning,
            message: Bilingual::new("tidak ada teks en", "no en text"),
        };
        assert_eq!(d.render("en"), "q.toml:3:7: warning: no en text");
        assert_eq!(d.render("id"), "q.toml:3:7: peringatan: tidak ada teks en");
    }
}
