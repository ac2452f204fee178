//! Dates as a user reads them.

/// A stored UTC time shown in the laptop's local time: `2026-11-28 10:02`.
pub fn local_date(stored: &str) -> String {
    chrono::DateTime::parse_from_rfc3339(stored)
        .map(|d| {
            d.with_timezone(&chrono::Local)
                .format("%Y-%m-%d %H:%M")
                .to_string()
        })
        .unwrap_or_else(|_| stored.to_string())
}
