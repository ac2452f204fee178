//! A curriculum module file: pages, figures and routines.

use super::*;

pub(crate) struct ParsedModule {
    pub module: Module,
    pub id_site: IdSite,
    pub routine_sites: Vec<IdSite>,
}

/// Parses a module file. The id comes back even when the module has errors, so that quizzes
/// naming it are not reported as well.
pub(crate) fn module(
    src: &str,
    sink: &mut Sink,
    known: &Known,
    layer: Layer,
) -> (Option<String>, Option<ParsedModule>) {
    let Some(doc) = parse_document(src, sink) else {
        return (None, None);
    };
    let mut f = Fields::root(&doc);
    if !format_ok(&mut f, sink) {
        return (None, None);
    }
    let id = f.id(sink, "id", true);
    let id_name = id.as_ref().map(|i| i.value.clone());
    (id_name, module_rest(f, id, sink, known, layer))
}

pub(super) fn module_rest(
    mut f: Fields,
    id: Option<At<String>>,
    sink: &mut Sink,
    known: &Known,
    layer: Layer,
) -> Option<ParsedModule> {
    let order = f.int(sink, "order", 0..=9999, true);
    let title = f.text(sink, "title", true);
    let summary = f.text(sink, "summary", false);
    let sources = f.strings(sink, "sources");
    let sources = check_sources(sink, known, sources);
    let page_tables = f.tables(sink, "page", "[[page]]");
    let routine_tables = f.tables(sink, "routine", "[[routine]]");
    let at = f.at();
    f.finish(sink);

    if page_tables.is_empty() {
        sink.error(at, pijat_core::both!(messages, module_has_no_page));
    }
    let mut pages = Vec::new();
    for mut p in page_tables {
        let title = p.text(sink, "title", true);
        let body = p.text(sink, "body", true);
        let (figure, highlight) = read_figure(&mut p, sink);
        let list = p.strings(sink, "sources");
        let sources = check_sources(sink, known, list);
        p.finish(sink);
        if let (Some(title), Some(body)) = (title, body) {
            pages.push(Page {
                title,
                body,
                figure,
                highlight,
                sources,
            });
        }
    }

    let mut routines = Vec::new();
    let mut routine_sites = Vec::new();
    for r in routine_tables {
        if let Some((routine, site)) = routine(r, sink, known) {
            routines.push(routine);
            routine_sites.push(site);
        }
    }

    let (id, order, title) = (id?, order?, title?);
    if sink.has_errors() {
        return None;
    }
    Some(ParsedModule {
        id_site: IdSite::new(sink, &id),
        routine_sites,
        module: Module {
            id: id.value,
            order: order.value,
            title,
            summary,
            sources,
            pages,
            routines,
            path: sink.path().to_string(),
            layer,
        },
    })
}

pub(super) fn routine(mut r: Fields, sink: &mut Sink, known: &Known) -> Option<(Routine, IdSite)> {
    let id = r.id(sink, "id", true);
    let title = r.text(sink, "title", true);
    let summary = r.text(sink, "summary", false);
    let pass_percent = percent(&mut r, sink, 80);
    let step_tables = r.tables(sink, "step", "[[routine.step]]");
    let at = r.at();
    r.finish(sink);
    if step_tables.is_empty() {
        sink.error(at, pijat_core::both!(messages, routine_has_no_routine_step));
    }
    let mut seen = BTreeMap::new();
    let mut steps = Vec::new();
    for mut s in step_tables {
        let sid = s.id(sink, "id", true);
        if let Some(sid) = &sid {
            unique(sink, &mut seen, sid, ("langkah", "step"));
        }
        let title = s.text(sink, "title", true);
        let instruction = s.text(sink, "do", true);
        let why = s.text(sink, "why", false);
        let note = s.text(sink, "note", false);
        let seconds = s
            .int(sink, "seconds", 1..=3600, false)
            .map(|v| v.value as u32);
        let cue = s.string(sink, "cue", false).and_then(|c| {
            let found = Cue::from_name(&c.value);
            if found.is_none() {
                let n = &c.value;
                sink.error(
                    c.at,
                    pijat_core::both!(messages, unknown_cue_known_cues_circle, n = n),
                );
            }
            found
        });
        let critical = s.bool(sink, "critical").is_some_and(|b| b.value);
        let (figure, highlight) = read_figure(&mut s, sink);
        let list = s.strings(sink, "sources");
        let sources = check_sources(sink, known, list);
        s.finish(sink);
        if let (Some(sid), Some(title), Some(instruction)) = (sid, title, instruction) {
            steps.push(Step {
                id: sid.value,
                title,
                instruction,
                why,
                note,
                seconds,
                cue,
                critical,
                figure,
                highlight,
                sources,
            });
        }
    }
    let (id, title) = (id?, title?);
    let site = IdSite::new(sink, &id);
    Some((
        Routine {
            id: id.value,
            title,
            summary,
            pass_percent,
            steps,
        },
        site,
    ))
}
