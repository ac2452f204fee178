//! The one page a phone loads, in three files served from this laptop (nothing from outside):
//! the HTML, its style and its script, with the page's texts in both languages put into the
//! script where it expects them. No inline script or style, so the page's policy can forbid
//! both.

use pijat_core::strings::web::{EN, ID, Strings};

const HTML: &str = include_str!("page.html");
const CSS: &str = include_str!("page.css");
const JS: &str = include_str!("page.js");

/// The page as served.
pub(crate) struct Page {
    pub html: &'static str,
    pub css: &'static str,
    /// The script with the texts in it.
    pub js: String,
}

fn texts(s: &Strings) -> serde_json::Map<String, serde_json::Value> {
    s.entries()
        .into_iter()
        .map(|(k, v)| (k.to_string(), serde_json::Value::from(v)))
        .collect()
}

impl Page {
    pub(crate) fn new() -> Page {
        let all = serde_json::json!({ "id": texts(&ID), "en": texts(&EN) });
        // Kept safe to inline as well: a `</` in a text cannot end a script.
        let json = all.to_string().replace("</", "<\\/");
        Page {
            html: HTML,
            css: CSS,
            js: JS.replace("/*TEXTS*/", &json),
        }
    }
}
