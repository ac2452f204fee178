//! A form as an ODK XForm (the ODK XForms specification): the model with its instance, binds
//! and the Indonesian and English texts (itext, Collect's language switch), then the body.

use std::collections::BTreeMap;
use std::fmt::Write;

use super::form::{Form, Item, Kind, Question};
use pijat_core::Bilingual;
use pijat_core::html::esc;

/// The language names Collect shows in its "Change language" menu; Indonesian first, the
/// default.
pub(crate) const LANGUAGES: [(&str, bool); 2] = [(DEFAULT_LANGUAGE, false), ("English (en)", true)];
/// The form's default language.
pub(crate) const DEFAULT_LANGUAGE: &str = "Bahasa Indonesia (id)";

/// Where each field sits in a submission: `/data/name` or `/data/group/name`.
fn paths(form: &Form) -> BTreeMap<String, String> {
    form.questions()
        .map(|(g, q)| {
            let path = match g {
                Some(g) => format!("/data/{g}/{}", q.name),
                None => format!("/data/{}", q.name),
            };
            (q.name.clone(), path)
        })
        .collect()
}

/// An XLSForm expression (`${field}`) with each field replaced by its path.
pub(crate) fn resolve(expr: &str, paths: &BTreeMap<String, String>) -> String {
    let mut out = String::new();
    let mut rest = expr;
    while let Some(start) = rest.find("${") {
        out.push_str(rest.get(..start).unwrap_or_default());
        let after = rest.get(start + 2..).unwrap_or_default();
        match after.find('}') {
            Some(end) => {
                let name = after.get(..end).unwrap_or_default();
                out.push_str(paths.get(name).map_or(name, String::as_str));
                rest = after.get(end + 1..).unwrap_or_default();
            }
            None => {
                out.push_str("${");
                out.push_str(after);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// The texts of one language, by itext id.
struct Texts(Vec<(String, Bilingual)>);

impl Texts {
    fn add(&mut self, id: String, b: &Bilingual) -> String {
        let r = format!("jr:itext('{id}')");
        self.0.push((id, b.clone()));
        r
    }
}

fn body_question(q: &Question, path: &str, texts: &mut Texts, out: &mut String) {
    let label = texts.add(format!("{path}:label"), &q.label);
    let hint = q
        .hint
        .as_ref()
        .map(|h| format!("<hint ref=\"{}\"/>", texts.add(format!("{path}:hint"), h)))
        .unwrap_or_default();
    match &q.kind {
        Kind::Select(_, choices) => {
            let appearance = q
                .appearance
                .map(|a| format!(" appearance=\"{}\"", esc(a)))
                .unwrap_or_default();
            let _ = write!(
                out,
                "<select1 ref=\"{path}\"{appearance}><label ref=\"{label}\"/>{hint}"
            );
            for (i, c) in choices.iter().enumerate() {
                let l = texts.add(format!("{path}/{i}:label"), &c.label);
                let _ = write!(
                    out,
                    "<item><label ref=\"{l}\"/><value>{}</value></item>",
                    esc(&c.value)
                );
            }
            out.push_str("</select1>\n");
        }
        _ => {
            let _ = writeln!(
                out,
                "<input ref=\"{path}\"><label ref=\"{label}\"/>{hint}</input>"
            );
        }
    }
}

fn bind(q: &Question, path: &str, paths: &BTreeMap<String, String>, texts: &mut Texts) -> String {
    let kind = match q.kind {
        Kind::Integer => "int",
        Kind::Today => "date",
        Kind::Text | Kind::Note | Kind::Select(..) => "string",
    };
    let mut b = format!("<bind nodeset=\"{path}\" type=\"{kind}\"");
    if q.required {
        b.push_str(" required=\"true()\"");
    }
    if q.kind == Kind::Note {
        b.push_str(" readonly=\"true()\"");
    }
    if let Some(r) = &q.relevant {
        let _ = write!(b, " relevant=\"{}\"", esc(&resolve(r, paths)));
    }
    if let Some((c, m)) = &q.constraint {
        let msg = texts.add(format!("{path}:constraintMsg"), m);
        let _ = write!(
            b,
            " constraint=\"{}\" jr:constraintMsg=\"{}\"",
            esc(&resolve(c, paths)),
            esc(&msg)
        );
    }
    b.push_str("/>\n");
    b
}

/// The form as an XForm document, UTF-8 text.
pub fn xform(form: &Form) -> String {
    let paths = paths(form);
    let mut texts = Texts(Vec::new());
    let mut instance = String::new();
    let mut binds = String::new();
    let mut body = String::new();
    let mut setvalues = String::new();
    for item in &form.items {
        let (group, questions) = match item {
            Item::Question(q) => (None, std::slice::from_ref(q)),
            Item::Group { name, label, items } => (Some((name, label)), items.as_slice()),
        };
        if let Some((name, label)) = group {
            let gpath = format!("/data/{name}");
            let l = texts.add(format!("{gpath}:label"), label);
            let _ = writeln!(
                body,
                "<group ref=\"{gpath}\" appearance=\"field-list\"><label ref=\"{l}\"/>"
            );
            let _ = write!(instance, "<{name}>");
        }
        for q in questions {
            let path = paths.get(&q.name).cloned().unwrap_or_default();
            let _ = write!(instance, "<{}/>", q.name);
            binds.push_str(&bind(q, &path, &paths, &mut texts));
            body_question(q, &path, &mut texts, &mut body);
            if q.kind == Kind::Today {
                let _ = writeln!(
                    setvalues,
                    "<setvalue event=\"odk-instance-first-load\" ref=\"{path}\" value=\"today()\"/>"
                );
            }
        }
        if let Some((name, _)) = group {
            let _ = write!(instance, "</{name}>");
            body.push_str("</group>\n");
        }
    }
    let (who, day) = &form.instance_name;
    let who = paths.get(who).cloned().unwrap_or_default();
    let day = paths.get(day).cloned().unwrap_or_default();
    let mut itext = String::new();
    for (lang, en) in LANGUAGES {
        let default = if en { "" } else { " default=\"true()\"" };
        let _ = writeln!(itext, "<translation lang=\"{lang}\"{default}>");
        for (id, b) in &texts.0 {
            let t = if en { &b.en } else { &b.id };
            let _ = writeln!(
                itext,
                "<text id=\"{}\"><value>{}</value></text>",
                esc(id),
                esc(t)
            );
        }
        itext.push_str("</translation>\n");
    }
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
<h:html xmlns=\"http://www.w3.org/2002/xforms\" xmlns:h=\"http://www.w3.org/1999/xhtml\" \
xmlns:jr=\"http://openrosa.org/javarosa\" xmlns:odk=\"http://www.opendatakit.org/xforms\" \
xmlns:orx=\"http://openrosa.org/xforms\">\n\
<h:head>\n<h:title>{title}</h:title>\n<model odk:xforms-version=\"1.0.0\">\n<itext>\n{itext}</itext>\n\
<instance>\n<data id=\"{id}\" version=\"{version}\">{instance}<meta><instanceID/><instanceName/></meta></data>\n</instance>\n\
{binds}<bind nodeset=\"/data/meta/instanceID\" type=\"string\" readonly=\"true()\" jr:preload=\"uid\"/>\n\
<bind nodeset=\"/data/meta/instanceName\" type=\"string\" calculate=\"concat(jr:choice-name({who}, '{who}'), ' ', {day})\"/>\n\
{setvalues}</model>\n</h:head>\n<h:body>\n{body}</h:body>\n</h:html>\n",
        title = esc(&form.title.id),
        id = esc(&form.id),
        version = esc(&form.version),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_in_expressions_become_their_paths() {
        let mut p = BTreeMap::new();
        p.insert("a".to_string(), "/data/g/a".to_string());
        assert_eq!(
            resolve("${a} = '2' or ${a} = '1'", &p),
            "/data/g/a = '2' or /data/g/a = '1'"
        );
        assert_eq!(resolve(". <= today()", &p), ". <= today()");
        assert_eq!(resolve("${unclosed", &p), "${unclosed");
    }
}
