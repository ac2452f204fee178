//! A bilingual text table and its checks.

use super::*;
use pijat_core::both;

/// A text table `{ id = "…", en = "…" }`; a missing id or en is an error in shipped files and a
/// warning in a trainer's.
pub(crate) fn read_text(sink: &mut Sink, key: &str, v: &Spanned<DeValue<'_>>) -> Option<Text> {
    let DeValue::Table(t) = v.get_ref() else {
        let found = type_name(v.get_ref());
        sink.error(
            v.span().start,
            pijat_core::both!(messages, must_be_text_table, key = key, found = found),
        );
        return None;
    };
    let mut entries = Vec::new();
    let mut ok = true;
    for (code, value) in t.iter() {
        let c = code.get_ref().as_ref();
        if Lang::parse(c).is_none_or(|l| l.code() != c) {
            sink.error(
                code.span().start,
                pijat_core::both!(messages, not_language_code_use_two, c = c),
            );
            ok = false;
            continue;
        }
        match value.get_ref() {
            DeValue::String(s) if s.trim().is_empty() => {
                sink.error(
                    value.span().start,
                    pijat_core::both!(messages, text_empty, key = key, c = c),
                );
                ok = false;
            }
            DeValue::String(s) => entries.push((c.to_string(), s.to_string())),
            _ => {
                wrong_type(sink, &format!("{key}.{c}"), value, Want::Text);
                ok = false;
            }
        }
    }
    if !ok {
        return None;
    }
    let at = v.span().start;
    if entries.is_empty() {
        sink.error(at, pijat_core::both!(messages, holds_no_text, key = key));
        return None;
    }
    let text = Text::new(entries);
    for (code, language) in [
        ("id", pijat_core::both!(messages, language_indonesian)),
        ("en", pijat_core::both!(messages, language_english)),
    ] {
        if !text.has(code) {
            let m = both!(
                messages,
                no_language_text,
                key = key,
                language = language,
                code = code
            );
            if sink.strict_languages {
                sink.error(at, m);
            } else {
                sink.warn(at, m);
            }
        }
    }
    Some(text)
}
