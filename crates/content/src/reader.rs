//! Reads a parsed TOML table key by key against what a content file may hold, reporting every
//! missing, unknown or mistyped key at its place instead of stopping at the first.

use std::ops::RangeInclusive;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::diag::{Bilingual, Sink};
use super::text::{Lang, Text};

mod text;
pub(crate) use text::*;

/// A value and the byte offset where it was written.
#[derive(Clone, Debug)]
pub(crate) struct At<T> {
    pub value: T,
    pub at: usize,
}

/// Parses a whole document, reporting every syntax error. `None` when there was one: the
/// recovered table would only produce follow-on noise.
pub(crate) fn parse_document<'i>(src: &'i str, sink: &mut Sink) -> Option<Spanned<DeTable<'i>>> {
    let (table, errors) = DeTable::parse_recoverable(src);
    let mut lines_seen = Vec::new();
    for e in &errors {
        let at = e.span().map_or(0, |s| s.start);
        // After the first error on a line the parser's guesses are mostly noise.
        let line = sink.position(at).0;
        if lines_seen.contains(&line) {
            continue;
        }
        lines_seen.push(line);
        let m = e.message().trim().trim_end_matches('.');
        sink.error(at, pijat_core::both!(messages, invalid_toml, m = m));
    }
    errors.is_empty().then_some(table)
}

fn type_name(v: &DeValue<'_>) -> Bilingual {
    let (id, en) = match v {
        DeValue::String(_) => ("teks", "a string"),
        DeValue::Integer(_) => ("bilangan bulat", "an integer"),
        DeValue::Float(_) => ("bilangan desimal", "a decimal number"),
        DeValue::Boolean(_) => ("true/false", "true/false"),
        DeValue::Datetime(_) => ("tanggal", "a date"),
        DeValue::Array(_) => ("daftar [ ]", "a list [ ]"),
        DeValue::Table(_) => ("tabel { }", "a table { }"),
    };
    Bilingual::new(id, en)
}

/// What a key should have held.
#[derive(Clone, Copy)]
pub(crate) enum Want {
    Table,
    Text,
    Integer,
    Bool,
    Texts,
    /// A list of tables, each a `[[name]]`.
    Tables(&'static str),
}

impl Want {
    fn words(self) -> Bilingual {
        match self {
            Want::Table => pijat_core::both!(messages, want_table),
            Want::Text => pijat_core::both!(messages, want_text),
            Want::Integer => pijat_core::both!(messages, want_integer),
            Want::Bool => pijat_core::both!(messages, want_bool),
            Want::Texts => pijat_core::both!(messages, want_texts),
            Want::Tables(name) => pijat_core::both!(messages, want_tables, name = name),
        }
    }
}

pub(crate) fn wrong_type(sink: &mut Sink, key: &str, v: &Spanned<DeValue<'_>>, want: Want) {
    let want = want.words();
    let found = type_name(v.get_ref());
    sink.error(
        v.span().start,
        pijat_core::both!(messages, must_be_not, key = key, want = want, found = found),
    );
}

fn as_int(v: &DeValue<'_>) -> Option<i64> {
    match v {
        DeValue::Integer(i) => i64::from_str_radix(i.as_str(), i.radix()).ok(),
        _ => None,
    }
}

/// Is `s` a valid id: lowercase letters, digits and `-`, at most 64 characters?
pub(crate) fn is_id(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 64
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// The keys of one table, read one by one; `finish` reports the ones nobody asked for.
pub(crate) struct Fields<'t, 'i> {
    table: &'t DeTable<'i>,
    at: usize,
    /// How the table is written in the file, for messages: `[[question]]`.
    name: &'static str,
    used: Vec<&'static str>,
}

impl<'t, 'i> Fields<'t, 'i> {
    pub(crate) fn root(doc: &'t Spanned<DeTable<'i>>) -> Self {
        Self {
            table: doc.get_ref(),
            at: 0,
            name: "",
            used: Vec::new(),
        }
    }

    /// The table written as `name` in the file, or an error if `value` is not a table.
    pub(crate) fn table(
        value: &'t Spanned<DeValue<'i>>,
        key: &str,
        name: &'static str,
        sink: &mut Sink,
    ) -> Option<Self> {
        match value.get_ref() {
            DeValue::Table(table) => Some(Self {
                table,
                at: value.span().start,
                name,
                used: Vec::new(),
            }),
            _ => {
                wrong_type(sink, key, value, Want::Table);
                None
            }
        }
    }

    pub(crate) fn at(&self) -> usize {
        self.at
    }

    fn get(&mut self, key: &'static str) -> Option<&'t Spanned<DeValue<'i>>> {
        self.used.push(key);
        self.table.get(key)
    }

    fn missing(&self, sink: &mut Sink, key: &str) {
        let name = self.name;
        if name.is_empty() {
            sink.error(self.at, pijat_core::both!(messages, missing_key, key = key));
        } else {
            sink.error(
                self.at,
                pijat_core::both!(messages, missing_key_in, key = key, name = name),
            );
        }
    }

    /// The raw value of `key`, marked as known.
    pub(crate) fn value(&mut self, key: &'static str) -> Option<&'t Spanned<DeValue<'i>>> {
        self.get(key)
    }

    pub(crate) fn string(
        &mut self,
        sink: &mut Sink,
        key: &'static str,
        required: bool,
    ) -> Option<At<String>> {
        let v = self.get(key);
        let Some(v) = v else {
            if required {
                self.missing(sink, key);
            }
            return None;
        };
        match v.get_ref() {
            DeValue::String(s) if s.trim().is_empty() => {
                sink.error(
                    v.span().start,
                    pijat_core::both!(messages, empty, key = key),
                );
                None
            }
            DeValue::String(s) => Some(At {
                value: s.to_string(),
                at: v.span().start,
            }),
            _ => {
                wrong_type(sink, key, v, Want::Text);
                None
            }
        }
    }

    /// A `[a-z0-9-]+` identifier.
    pub(crate) fn id(
        &mut self,
        sink: &mut Sink,
        key: &'static str,
        required: bool,
    ) -> Option<At<String>> {
        let s = self.string(sink, key, required)?;
        if is_id(&s.value) {
            Some(s)
        } else {
            let bad = &s.value;
            sink.error(
                s.at + 1,
                pijat_core::both!(messages, id_not_valid_use_lowercase, bad = bad),
            );
            None
        }
    }

    pub(crate) fn int(
        &mut self,
        sink: &mut Sink,
        key: &'static str,
        range: RangeInclusive<i64>,
        required: bool,
    ) -> Option<At<i64>> {
        let Some(v) = self.get(key) else {
            if required {
                self.missing(sink, key);
            }
            return None;
        };
        let Some(n) = as_int(v.get_ref()) else {
            wrong_type(sink, key, v, Want::Integer);
            return None;
        };
        if !range.contains(&n) {
            let (lo, hi) = (range.start(), range.end());
            sink.error(
                v.span().start,
                pijat_core::both!(messages, out_range_must, key = key, n = n, lo = lo, hi = hi),
            );
            return None;
        }
        Some(At {
            value: n,
            at: v.span().start,
        })
    }

    pub(crate) fn bool(&mut self, sink: &mut Sink, key: &'static str) -> Option<At<bool>> {
        let v = self.get(key)?;
        match v.get_ref() {
            DeValue::Boolean(b) => Some(At {
                value: *b,
                at: v.span().start,
            }),
            _ => {
                wrong_type(sink, key, v, Want::Bool);
                None
            }
        }
    }

    pub(crate) fn text(
        &mut self,
        sink: &mut Sink,
        key: &'static str,
        required: bool,
    ) -> Option<Text> {
        let Some(v) = self.get(key) else {
            if required {
                self.missing(sink, key);
            }
            return None;
        };
        read_text(sink, key, v)
    }

    /// A list of strings; absent is an empty list.
    pub(crate) fn strings(&mut self, sink: &mut Sink, key: &'static str) -> Vec<At<String>> {
        let Some(v) = self.get(key) else {
            return Vec::new();
        };
        let DeValue::Array(items) = v.get_ref() else {
            wrong_type(sink, key, v, Want::Texts);
            return Vec::new();
        };
        let mut out = Vec::new();
        for item in items.iter() {
            match item.get_ref() {
                DeValue::String(s) => out.push(At {
                    value: s.to_string(),
                    at: item.span().start,
                }),
                _ => wrong_type(sink, key, item, Want::Text),
            }
        }
        out
    }

    /// An array of tables (`[[page]]`); absent is an empty list.
    pub(crate) fn tables(
        &mut self,
        sink: &mut Sink,
        key: &'static str,
        name: &'static str,
    ) -> Vec<Self> {
        let Some(v) = self.get(key) else {
            return Vec::new();
        };
        let DeValue::Array(items) = v.get_ref() else {
            wrong_type(sink, key, v, Want::Tables(name));
            return Vec::new();
        };
        items
            .iter()
            .filter_map(|item| Self::table(item, key, name, sink))
            .collect()
    }

    /// Reports keys that were never read, suggesting the known key closest to a typo.
    pub(crate) fn finish(self, sink: &mut Sink) {
        for (key, _) in self.table.iter() {
            let k = key.get_ref().as_ref();
            if self.used.contains(&k) {
                continue;
            }
            let best = self
                .used
                .iter()
                .map(|u| (strsim::levenshtein(u, k), *u))
                .filter(|(d, _)| *d <= 2)
                .min();
            let at = key.span().start;
            let m = match best {
                Some((_, u)) => pijat_core::both!(messages, unknown_key_did_you_mean, k = k, u = u),
                None => {
                    let list = self.used.join(", ");
                    pijat_core::both!(messages, unknown_key_allowed, k = k, list = list)
                }
            };
            sink.error(at, m);
        }
    }
}
