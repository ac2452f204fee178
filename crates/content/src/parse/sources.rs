//! The sources list and the safety texts.

use super::*;

pub(crate) fn sources(src: &str, sink: &mut Sink) -> Vec<(Source, IdSite)> {
    let Some(doc) = parse_document(src, sink) else {
        return Vec::new();
    };
    let mut f = Fields::root(&doc);
    if !format_ok(&mut f, sink) {
        return Vec::new();
    }
    let tables = f.tables(sink, "source", "[[source]]");
    f.finish(sink);
    let mut seen = BTreeMap::new();
    let mut out = Vec::new();
    for mut s in tables {
        let key = s.string(sink, "key", true);
        let title = s.string(sink, "title", true);
        let author = s.string(sink, "author", true);
        let year = s.int(sink, "year", 1000..=2100, false).map(|y| y.value);
        let url = s.string(sink, "url", true);
        let note = s.string(sink, "note", false).map(|n| n.value);
        s.finish(sink);
        let Some(key) = key else { continue };
        if !key
            .value
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-')
        {
            let k = &key.value;
            sink.error(
                key.at,
                pijat_core::both!(messages, source_key_not_valid_use, k = k),
            );
            continue;
        }
        unique(sink, &mut seen, &key, ("sumber", "source"));
        if let (Some(title), Some(author), Some(url)) = (title, author, url) {
            let site = IdSite::new(sink, &key);
            out.push((
                Source {
                    key: key.value,
                    title: title.value,
                    author: author.value,
                    year,
                    url: url.value,
                    note,
                },
                site,
            ));
        }
    }
    out
}

pub(crate) fn safety(src: &str, sink: &mut Sink, known: &Known) -> Option<Safety> {
    let doc = parse_document(src, sink)?;
    let mut f = Fields::root(&doc);
    if !format_ok(&mut f, sink) {
        return None;
    }
    let title = f.text(sink, "title", true);
    let tables = f.tables(sink, "section", "[[section]]");
    let at = f.at();
    f.finish(sink);
    if tables.is_empty() {
        sink.error(at, pijat_core::both!(messages, safety_text_has_no_section));
    }
    let mut seen = BTreeMap::new();
    let mut sections = Vec::new();
    for mut s in tables {
        let id = s.id(sink, "id", true);
        if let Some(id) = &id {
            unique(sink, &mut seen, id, ("bagian", "section"));
        }
        let title = s.text(sink, "title", true);
        let body = s.text(sink, "body", true);
        let list = s.strings(sink, "sources");
        let sources = check_sources(sink, known, list);
        s.finish(sink);
        if let (Some(id), Some(title), Some(body)) = (id, title, body) {
            sections.push(SafetySection {
                id: id.value,
                title,
                body,
                sources,
            });
        }
    }
    let title = title?;
    (!sink.has_errors()).then_some(Safety { title, sections })
}
