//! A text put into a spreadsheet cell is never read as a formula: a cell that starts with `=`,
//! `+`, `-`, `@`, a tab or a carriage return gets a leading `'`, as OWASP advises for CSV.
//! Numbers are written by their own writer and stay numbers.

/// `s` as a spreadsheet cell that is never read as a formula.
pub fn text_cell(s: &str) -> String {
    match s.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{s}"),
        _ => s.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised_and_plain_text_is_kept() {
        assert_eq!(
            text_cell("=HYPERLINK(\"http://x\",\"y\")"),
            "'=HYPERLINK(\"http://x\",\"y\")"
        );
        assert_eq!(text_cell("-2+3"), "'-2+3");
        assert_eq!(text_cell("+62 812"), "'+62 812");
        assert_eq!(text_cell("@SUM(1)"), "'@SUM(1)");
        assert_eq!(text_cell("\tx"), "'\tx");
        assert_eq!(text_cell("Budi"), "Budi");
        assert_eq!(text_cell(""), "");
    }
}
