//! Text put into HTML: the one escaping every page pijat writes uses (reports, paper tests and
//! forms, charts).

/// `s` safe as HTML text and inside a double-quoted attribute.
pub fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    #[test]
    fn markup_and_quotes_become_text() {
        assert_eq!(
            super::esc(r#"<b>"Budi" & Siti</b>"#),
            "&lt;b&gt;&quot;Budi&quot; &amp; Siti&lt;/b&gt;"
        );
    }
}
