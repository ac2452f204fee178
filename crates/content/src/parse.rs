//! Builds typed content from one file's TOML, reporting every problem in it.

use std::collections::{BTreeMap, BTreeSet};

use toml::de::DeValue;

use super::diag::Sink;
use super::figures::{Cue, Figure};
use super::reader::{At, Fields, parse_document, read_text};
use super::schema::{
    Layer, Module, Page, Purpose, Question, QuestionKind, Quiz, Routine, Safety, SafetySection,
    Source, Step,
};
use super::text::Text;

mod module;
mod quiz;
mod sources;
pub(crate) use module::*;
pub(crate) use quiz::*;
pub(crate) use sources::*;

pub(crate) const FORMAT_VERSION: i64 = 1;
const MAX_OPTIONS: usize = 6;

/// What other files define, for checking references: source keys and module ids.
#[derive(Default, Debug)]
pub(crate) struct Known {
    pub sources: BTreeSet<String>,
    pub modules: BTreeSet<String>,
}

/// Where an id was defined, for the checks of uniqueness across files.
#[derive(Clone, Debug)]
pub(crate) struct IdSite {
    pub id: String,
    pub path: String,
    pub pos: (usize, usize),
}

impl IdSite {
    fn new(sink: &Sink, id: &At<String>) -> Self {
        Self {
            id: id.value.clone(),
            path: sink.path().to_string(),
            pos: sink.position(id.at),
        }
    }
}

/// Reads `format_version`; `false` (after an error) when this pijat cannot read the file.
fn format_ok(f: &mut Fields, sink: &mut Sink) -> bool {
    let Some(v) = f.int(sink, "format_version", i64::MIN..=i64::MAX, true) else {
        return false;
    };
    let n = v.value;
    if n == FORMAT_VERSION {
        return true;
    }
    let m = if n > FORMAT_VERSION {
        pijat_core::both!(messages, format_version_newer, n = n, v = FORMAT_VERSION)
    } else {
        pijat_core::both!(messages, format_version_unknown, n = n, v = FORMAT_VERSION)
    };

    sink.error(v.at, m);
    false
}

fn check_sources(sink: &mut Sink, known: &Known, list: Vec<At<String>>) -> Vec<String> {
    let mut out = Vec::new();
    for s in list {
        if known.sources.contains(&s.value) {
            out.push(s.value);
        } else {
            let k = &s.value;
            sink.error(
                s.at,
                pijat_core::both!(messages, source_not_curriculum_sources_toml, k = k),
            );
        }
    }
    out
}

fn read_figure(f: &mut Fields, sink: &mut Sink) -> (Option<Figure>, Vec<String>) {
    let figure = f.string(sink, "figure", false);
    let highlight = f.strings(sink, "highlight");
    let fig = match &figure {
        None => None,
        Some(name) => {
            let found = Figure::from_name(&name.value);
            if found.is_none() {
                let (n, all) = (&name.value, Figure::names());
                sink.error(
                    name.at,
                    pijat_core::both!(messages, unknown_figure_app_draws, n = n, all = all),
                );
            }
            found
        }
    };
    if let (None, Some(first)) = (&figure, highlight.first()) {
        sink.error(
            first.at,
            pijat_core::both!(messages, highlight_needs_figure),
        );
        return (None, Vec::new());
    }
    let mut regions = Vec::new();
    if let Some(fig) = fig {
        for h in highlight {
            if fig.regions().contains(&h.value.as_str()) {
                regions.push(h.value);
            } else {
                let (r, n, all) = (&h.value, fig.name(), fig.regions().join(", "));
                sink.error(
                    h.at,
                    pijat_core::both!(messages, figure_has_no_region_its, n = n, r = r, all = all),
                );
            }
        }
    }
    (fig, regions)
}

fn percent(f: &mut Fields, sink: &mut Sink, default: u8) -> u8 {
    f.int(sink, "pass_percent", 0..=100, false)
        .map_or(default, |v| v.value as u8)
}

/// Reports a second use of an id inside one file.
fn unique(
    sink: &mut Sink,
    seen: &mut BTreeMap<String, (usize, usize)>,
    id: &At<String>,
    what: (&str, &str),
) {
    if let Some((line, _)) = seen.get(&id.value) {
        let what = pijat_core::Bilingual::new(what.0, what.1);
        sink.error(
            id.at,
            pijat_core::both!(
                messages,
                id_used_on_line,
                what = what,
                i = id.value,
                line = line
            ),
        );
    } else {
        seen.insert(id.value.clone(), sink.position(id.at));
    }
}
