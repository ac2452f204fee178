//! A question set file: each question, its kind and its answer.

use super::*;

pub(crate) struct ParsedQuiz {
    pub quiz: Quiz,
    pub id_site: IdSite,
}

pub(crate) fn quiz(src: &str, sink: &mut Sink, known: &Known, layer: Layer) -> Option<ParsedQuiz> {
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
                pijat_core::both!(messages, unknown_purpose_choose_prepost_module, n = n),
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
            pijat_core::both!(messages, quiz_purpose_module_needs_module),
        ),
        (Some(Purpose::PrePost | Purpose::Review), Some(m)) => sink.error(
            m.at,
            pijat_core::both!(messages, only_quiz_purpose_module_names),
        ),
        _ => {}
    }
    if let Some(m) = &module {
        check_module(sink, known, m);
    }
    if question_tables.is_empty() {
        sink.error(at, pijat_core::both!(messages, quiz_has_no_question));
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

pub(super) fn check_module(sink: &mut Sink, known: &Known, m: &At<String>) -> bool {
    if known.modules.contains(&m.value) {
        return true;
    }
    let (n, all) = (
        &m.value,
        known.modules.iter().cloned().collect::<Vec<_>>().join(", "),
    );
    sink.error(
        m.at,
        pijat_core::both!(messages, no_module_modules, n = n, all = all),
    );
    false
}

pub(super) fn question(
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
        let m = pijat_core::both!(messages, question_without_explain_learners_see);
        if sink.strict_languages {
            sink.error(at, m)
        } else {
            sink.warn(at, m)
        }
    }
    if sources.is_empty() && sink.strict_languages {
        sink.error(at, pijat_core::both!(messages, question_without_sources));
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

pub(super) type Value<'t, 'i> = Option<&'t toml::Spanned<DeValue<'i>>>;

pub(super) fn answer_kind(
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
                    pijat_core::both!(messages, true_false_question_has_no),
                );
            }
            let a = need_answer(sink, at, answer, k)?;
            match a.get_ref() {
                DeValue::Boolean(b) => Some(QuestionKind::TrueFalse { answer: *b }),
                _ => {
                    sink.error(
                        a.span().start,
                        pijat_core::both!(messages, answer_true_false_question_must),
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
                        pijat_core::both!(messages, order_question_takes_no_answer),
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
                    pijat_core::both!(messages, answer_multiple_question_must_list),
                );
                return None;
            };
            if items.is_empty() {
                sink.error(
                    a.span().start,
                    pijat_core::both!(messages, answer_multiple_question_empty_give),
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
                            pijat_core::both!(messages, option_listed_twice, num = num),
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
                pijat_core::both!(messages, unknown_type_choose_true_false, k = k),
            );
            None
        }
    }
}

pub(super) fn need_answer<'t, 'i>(
    sink: &mut Sink,
    at: usize,
    answer: Value<'t, 'i>,
    k: &str,
) -> Value<'t, 'i> {
    if answer.is_none() {
        sink.error(
            at,
            pijat_core::both!(messages, missing_key_answer_question, k = k),
        );
    }
    answer
}

pub(super) fn read_options(
    sink: &mut Sink,
    at: usize,
    options: Value,
    k: &str,
) -> Option<Vec<Text>> {
    let Some(o) = options else {
        sink.error(
            at,
            pijat_core::both!(messages, missing_key_options_question, k = k),
        );
        return None;
    };
    let DeValue::Array(items) = o.get_ref() else {
        sink.error(
            o.span().start,
            pijat_core::both!(messages, options_must_be_list),
        );
        return None;
    };
    let n = items.len();
    if !(2..=MAX_OPTIONS).contains(&n) {
        sink.error(
            o.span().start,
            pijat_core::both!(messages, options_count, k = k, max = MAX_OPTIONS, n = n),
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
pub(super) fn answer_number(
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
            pijat_core::both!(messages, answer_must_option_number_counting),
        );
        return None;
    };
    let max = options?;
    if n < 1 || n as usize > max {
        sink.error(
            v.span().start,
            pijat_core::both!(messages, answer_out_range_question_has, n = n, max = max),
        );
        return None;
    }
    Some(n as usize - 1)
}
