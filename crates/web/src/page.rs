//! The one page a phone loads: HTML with its style and script inline (nothing from outside),
//! and the page's texts in both languages put in where the script expects them.

use pijat_core::strings::web::{EN, ID, Strings};

const PAGE: &str = include_str!("page.html");

fn texts(s: &Strings) -> serde_json::Map<String, serde_json::Value> {
    s.entries()
        .into_iter()
        .map(|(k, v)| (k.to_string(), serde_json::Value::from(v)))
        .collect()
}

/// The page as served.
pub fn page_html() -> String {
    let all = serde_json::json!({ "id": texts(&ID), "en": texts(&EN) });
    // Inside <script>, a `</` in a text must not end the script.
    let json = all.to_string().replace("</", "<\\/");
    PAGE.replace("/*TEXTS*/", &json)
}
