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
use crate::msg;

pub const FORMAT_VERSION: i64 = 1;
const MAX_OPTIONS: usize = 6;

/// What other files define, for checking references: source keys and module ids.
#[derive(Default, Debug)]
pub struct Known {
    pub sources: BTreeSet<String>,
    pub modules: BTreeSet<String>,
}

/// Where an id was defined, for the checks of uniqueness across files.
#[derive(Clone, Debug)]
pub struct IdSite {
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
        msg!(
            id: "format_version {n} ditulis untuk pijat yang lebih baru; pijat ini membaca format_version {FORMAT_VERSION}: perbarui pijat",
            en: "format_version {n} is for a newer pijat; this pijat reads format_version {FORMAT_VERSION}: update pijat"
        )
    } else {
        msg!(
            id: "format_version {n} tidak dikenal: tulis format_version = {FORMAT_VERSION}",
            en: "format_version {n} is not known: write format_version = {FORMAT_VERSION}"
        )
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
                msg!(
                    id: "sumber `{k}` tidak ada di curriculum/sources.toml: tambahkan di sana atau perbaiki kodenya",
                    en: "source `{k}` is not in curriculum/sources.toml: add it there or fix the key"
                ),
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
                    msg!(
                        id: "gambar `{n}` tidak dikenal; gambar yang ada: {all}",
                        en: "unknown figure `{n}`; the app draws: {all}"
                    ),
                );
            }
            found
        }
    };
    if figure.is_none() && !highlight.is_empty() {
        sink.error(
            highlight[0].at,
            msg!(id: "`highlight` perlu `figure`", en: "`highlight` needs a `figure`"),
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
                    msg!(
                        id: "gambar `{n}` tidak punya bagian `{r}`; bagiannya: {all}",
                        en: "figure `{n}` has no region `{r}`; its regions: {all}"
                    ),
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
        let (i, (wi, we)) = (&id.value, what);
        sink.error(
            id.at,
            msg!(
                id: "id {wi} `{i}` sudah dipakai di baris {line}",
                en: "{we} id `{i}` is already used on line {line}"
            ),
        );
    } else {
        seen.insert(id.value.clone(), sink.position(id.at));
    }
}

pub struct ParsedModule {
    pub module: Module,
    pub id_site: IdSite,
    pub routine_sites: Vec<IdSite>,
}

/// Parses a module file. The id comes back even when the module has errors, so that quizzes
/// naming it are not reported as well.
pub fn module(
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

fn module_rest(
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
        sink.error(
            at,
            msg!(id: "modul tidak punya [[page]]", en: "the module has no [[page]]"),
        );
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

fn routine(mut r: Fields, sink: &mut Sink, known: &Known) -> Option<(Routine, IdSite)> {
    let id = r.id(sink, "id", true);
    let title = r.text(sink, "title", true);
    let summary = r.text(sink, "summary", false);
    let pass_percent = percent(&mut r, sink, 80);
    let step_tables = r.tables(sink, "step", "[[routine.step]]");
    let at = r.at();
    r.finish(sink);
    if step_tables.is_empty() {
        sink.error(
            at,
            msg!(id: "rutinitas tidak punya [[routine.step]]", en: "the routine has no [[routine.step]]"),
        );
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
                    msg!(
                        id: "isyarat (`cue`) `{n}` tidak dikenal; yang ada: circle",
                        en: "unknown cue `{n}`; known cues: circle"
                    ),
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

pub struct ParsedQuiz {
    pub quiz: Quiz,
    pub id_site: IdSite,
}

pub fn quiz(src: &str, sink: &mut Sink, known: &Known, layer: Layer) -> Option<ParsedQuiz> {
    let doc = parse_document(src, sink)?;
    let mut f = Fields::root(&doc);
    if !format_ok(&mut f, sink) {
        return None;
    }
    let id = f.id(sink, "id", true);
    let title = f.text(sink, "title", true);
    let purpose = f.string(sink, "purpose", true).and_then(|p| {
        let found = Purpose::from_name(&p.value);
        if found.is_none() {
            let n = &p.value;
            sink.error(
                p.at,
                msg!(
                    id: "`purpose` `{n}` tidak dikenal; pilih prepost, module atau review",
                    en: "unknown purpose `{n}`; choose prepost, module or review"
                ),
            );
        }
        found
    });
    let module = f.id(sink, "module", false);
    let shuffle = f.bool(sink, "shuffle").is_none_or(|b| b.value);
    let pass_percent = percent(&mut f, sink, 70);
    let question_tables = f.tables(sink, "question", "[[question]]");
    let at = f.at();
    f.finish(sink);

    match (&purpose, &module) {
        (Some(Purpose::Module), None) => sink.error(
            at,
            msg!(
                id: "kuis dengan purpose = \"module\" perlu `module` = id modul yang diuji",
                en: "a quiz with purpose = \"module\" needs `module` = the id of the module it checks"
            ),
        ),
        (Some(Purpose::PrePost | Purpose::Review), Some(m)) => sink.error(
            m.at,
            msg!(
                id: "hanya kuis dengan purpose = \"module\" yang menyebut `module`",
                en: "only a quiz with purpose = \"module\" names a `module`"
            ),
        ),
        _ => {}
    }
    if let Some(m) = &module {
        check_module(sink, known, m);
    }
    if question_tables.is_empty() {
        sink.error(
            at,
            msg!(id: "kuis tidak punya [[question]]", en: "the quiz has no [[question]]"),
        );
    }
    let mut seen = BTreeMap::new();
    let mut questions = Vec::new();
    for q in question_tables {
        if let Some(q) = question(q, sink, known, &mut seen) {
            questions.push(q);
        }
    }
    let (id, title, purpose) = (id?, title?, purpose?);
    if sink.has_errors() {
        return None;
    }
    Some(ParsedQuiz {
        id_site: IdSite::new(sink, &id),
        quiz: Quiz {
            id: id.value,
            title,
            purpose,
            module: module.map(|m| m.value),
            shuffle,
            pass_percent,
            questions,
            path: sink.path().to_string(),
            layer,
        },
    })
}

fn check_module(sink: &mut Sink, known: &Known, m: &At<String>) -> bool {
    if known.modules.contains(&m.value) {
        return true;
    }
    let (n, all) = (
        &m.value,
        known.modules.iter().cloned().collect::<Vec<_>>().join(", "),
    );
    sink.error(
        m.at,
        msg!(
            id: "modul `{n}` tidak ada; modul yang ada: {all}",
            en: "no module `{n}`; the modules are: {all}"
        ),
    );
    false
}

fn question(
    mut q: Fields,
    sink: &mut Sink,
    known: &Known,
    seen: &mut BTreeMap<String, (usize, usize)>,
) -> Option<Question> {
    let id = q.id(sink, "id", true);
    if let Some(id) = &id {
        unique(sink, seen, id, ("pertanyaan", "question"));
    }
    let module = q.id(sink, "module", true);
    let module_ok = module
        .as_ref()
        .is_some_and(|m| check_module(sink, known, m));
    let kind_name = q.string(sink, "type", true);
    let prompt = q.text(sink, "prompt", true);
    let options = q.value("options");
    let answer = q.value("answer");
    let explain = q.text(sink, "explain", false);
    let list = q.strings(sink, "sources");
    let sources = check_sources(sink, known, list);
    let at = q.at();
    q.finish(sink);

    if explain.is_none() {
        let m = msg!(
            id: "pertanyaan tanpa `explain`: peserta tidak melihat penjelasan setelah post-test",
            en: "question without `explain`: learners see no explanation after the post-test"
        );
        if sink.strict_languages {
            sink.error(at, m)
        } else {
            sink.warn(at, m)
        }
    }
    if sources.is_empty() && sink.strict_languages {
        sink.error(
            at,
            msg!(id: "pertanyaan tanpa `sources`", en: "question without `sources`"),
        );
    }

    let kind = kind_name.and_then(|k| answer_kind(sink, &k, at, options, answer));
    let (id, module, prompt, kind) = (id?, module?, prompt?, kind?);
    if !module_ok {
        return None;
    }
    Some(Question {
        id: id.value,
        module: module.value,
        prompt,
        kind,
        explain,
        sources,
    })
}

type Value<'t, 'i> = Option<&'t toml::Spanned<DeValue<'i>>>;

fn answer_kind(
    sink: &mut Sink,
    kind: &At<String>,
    at: usize,
    options: Value,
    answer: Value,
) -> Option<QuestionKind> {
    let k = kind.value.as_str();
    match k {
        "true_false" => {
            if let Some(o) = options {
                sink.error(
                    o.span().start,
                    msg!(
                        id: "pertanyaan true_false tidak memakai `options`",
                        en: "a true_false question has no `options`"
                    ),
                );
            }
            let a = need_answer(sink, at, answer, k)?;
            match a.get_ref() {
                DeValue::Boolean(b) => Some(QuestionKind::TrueFalse { answer: *b }),
                _ => {
                    sink.error(
                        a.span().start,
                        msg!(
                            id: "jawaban true_false harus true atau false",
                            en: "the answer of a true_false question must be true or false"
                        ),
                    );
                    None
                }
            }
        }
        "single" | "multiple" | "order" => {
            let opts = read_options(sink, at, options, k);
            if k == "order" {
                if let Some(a) = answer {
                    sink.error(
                        a.span().start,
                        msg!(
                            id: "pertanyaan order tidak memakai `answer`: urutan `options` adalah urutan yang benar",
                            en: "an order question takes no `answer`: the `options` are written in the right order"
                        ),
                    );
                    return None;
                }
                return opts.map(|items| QuestionKind::Order { items });
            }
            let a = need_answer(sink, at, answer, k)?;
            let n = opts.as_ref().map(Vec::len);
            if k == "single" {
                let choice = answer_number(sink, a, n)?;
                return Some(QuestionKind::Single {
                    options: opts?,
                    answer: choice,
                });
            }
            let DeValue::Array(items) = a.get_ref() else {
                sink.error(
                    a.span().start,
                    msg!(
                        id: "jawaban multiple harus daftar nomor pilihan, misalnya [1, 3]",
                        en: "the answer of a multiple question must be a list of option numbers, e.g. [1, 3]"
                    ),
                );
                return None;
            };
            if items.is_empty() {
                sink.error(
                    a.span().start,
                    msg!(
                        id: "jawaban multiple kosong: sebutkan minimal satu nomor pilihan",
                        en: "the answer of a multiple question is empty: give at least one option number"
                    ),
                );
                return None;
            }
            let mut answers = Vec::new();
            let mut ok = true;
            for item in items.iter() {
                match answer_number(sink, item, n) {
                    Some(i) if answers.contains(&i) => {
                        let num = i + 1;
                        sink.error(
                            item.span().start,
                            msg!(id: "pilihan {num} disebut dua kali", en: "option {num} is listed twice"),
                        );
                        ok = false;
                    }
                    Some(i) => answers.push(i),
                    None => ok = false,
                }
            }
            answers.sort_unstable();
            (ok).then_some(QuestionKind::Multiple {
                options: opts?,
                answers,
            })
        }
        _ => {
            sink.error(
                kind.at,
                msg!(
                    id: "`type` `{k}` tidak dikenal; pilih true_false, single, multiple atau order",
                    en: "unknown type `{k}`; choose true_false, single, multiple or order"
                ),
            );
            None
        }
    }
}

fn need_answer<'t, 'i>(
    sink: &mut Sink,
    at: usize,
    answer: Value<'t, 'i>,
    k: &str,
) -> Value<'t, 'i> {
    if answer.is_none() {
        sink.error(
            at,
            msg!(
                id: "kunci `answer` tidak ada di [[question]] ({k})",
                en: "missing key `answer` in [[question]] ({k})"
            ),
        );
    }
    answer
}

fn read_options(sink: &mut Sink, at: usize, options: Value, k: &str) -> Option<Vec<Text>> {
    let Some(o) = options else {
        sink.error(
            at,
            msg!(
                id: "kunci `options` tidak ada di [[question]] ({k})",
                en: "missing key `options` in [[question]] ({k})"
            ),
        );
        return None;
    };
    let DeValue::Array(items) = o.get_ref() else {
        sink.error(
            o.span().start,
            msg!(
                id: "`options` harus daftar teks: [ {{ id = \"…\", en = \"…\" }}, … ]",
                en: "`options` must be a list of texts: [ {{ id = \"…\", en = \"…\" }}, … ]"
            ),
        );
        return None;
    };
    let n = items.len();
    if !(2..=MAX_OPTIONS).contains(&n) {
        sink.error(
            o.span().start,
            msg!(
                id: "{k} perlu 2–{MAX_OPTIONS} pilihan (tombol 1–6 / a–f), ada {n}",
                en: "{k} needs 2–{MAX_OPTIONS} options (keys 1–6 / a–f), found {n}"
            ),
        );
        return None;
    }
    let texts: Vec<Option<Text>> = items
        .iter()
        .map(|i| read_text(sink, "options", i))
        .collect();
    texts.into_iter().collect()
}

/// A 1-based option number from the file, returned 0-based.
fn answer_number(
    sink: &mut Sink,
    v: &toml::Spanned<DeValue<'_>>,
    options: Option<usize>,
) -> Option<usize> {
    let n = match v.get_ref() {
        DeValue::Integer(i) => i64::from_str_radix(i.as_str(), i.radix()).ok(),
        _ => None,
    };
    let Some(n) = n else {
        sink.error(
            v.span().start,
            msg!(
                id: "jawaban harus nomor pilihan (mulai dari 1)",
                en: "the answer must be an option number (counting from 1)"
            ),
        );
        return None;
    };
    let max = options?;
    if n < 1 || n as usize > max {
        sink.error(
            v.span().start,
            msg!(
                id: "jawaban {n} di luar batas: pertanyaan ini punya {max} pilihan (1–{max})",
                en: "answer {n} is out of range: this question has {max} options (1–{max})"
            ),
        );
        return None;
    }
    Some(n as usize - 1)
}

pub fn sources(src: &str, sink: &mut Sink) -> Vec<(Source, IdSite)> {
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
                msg!(
                    id: "kode sumber `{k}` tidak sah: pakai huruf, angka dan -",
                    en: "source key `{k}` is not valid: use letters, digits and -"
                ),
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

pub fn safety(src: &str, sink: &mut Sink, known: &Known) -> Option<Safety> {
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
        sink.error(
            at,
            msg!(id: "teks keselamatan tidak punya [[section]]", en: "the safety text has no [[section]]"),
        );
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
