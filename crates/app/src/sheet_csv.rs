//! A sheet file's rows under the columns it must have (and those it may have), each with the
//! row number a spreadsheet shows.

use super::sheets::RowError;

/// The rows of a sheet file: `name,role,answers` (or `nama,peran,jawaban`), comma or semicolon,
/// UTF-8 with or without a byte-order mark, LF or CRLF. Blank lines are skipped but counted:
/// every row number is the one a spreadsheet shows.
pub fn read_csv(
    bytes: &[u8],
    columns: &[(&str, &str)],
) -> Result<Vec<(u64, Vec<String>)>, RowError> {
    read_csv_with(bytes, columns, &[])
}

/// The separator a spreadsheet saved the sheet with: a semicolon when the first line has
/// semicolons and no comma (Excel in an Indonesian locale, KoboToolbox), else a comma.
pub(crate) fn delimiter(text: &str) -> u8 {
    let first = text.lines().next().unwrap_or("");
    if first.contains(';') && !first.contains(',') {
        b';'
    } else {
        b','
    }
}

/// As [`read_csv`], with `optional` columns after the required ones: a sheet made before they
/// existed reads, its cells in them empty.
pub fn read_csv_with(
    bytes: &[u8],
    columns: &[(&str, &str)],
    optional: &[(&str, &str)],
) -> Result<Vec<(u64, Vec<String>)>, RowError> {
    use super::sheet_file::Rows;
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let rows_at = Rows::of(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| RowError {
        line: rows_at.row_at(e.valid_up_to()),
        message: pijat_core::both!(messages, not_utf_8_text_save),
    })?;
    if let Some(line) = rows_at.unclosed_quote {
        return Err(RowError {
            line,
            message: pijat_core::both!(messages, quote_opens_row_never_closed),
        });
    }
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter(text))
        .has_headers(true)
        .flexible(true)
        .from_reader(text.as_bytes());
    let csv_problem = |e: csv::Error| {
        let line = e
            .position()
            .map_or(1, |p| rows_at.row_at(p.byte() as usize));
        let m = e.to_string();
        RowError {
            line,
            message: pijat_core::both!(messages, row_cannot_read, m = m),
        }
    };
    let header: Vec<String> = reader
        .headers()
        .map_err(csv_problem)?
        .iter()
        .map(|h| h.trim().to_lowercase())
        .collect();
    // The header is the first row with text (blank rows before it are stepped over).
    let header_line = rows_at.row_at(0);
    let mut index = Vec::new();
    for (en, id) in columns {
        match header.iter().position(|h| h == en || h == id) {
            Some(i) => index.push(i),
            None => {
                let want: Vec<&str> = columns.iter().map(|(e, _)| *e).collect();
                let want = want.join(",");
                return Err(RowError {
                    line: header_line,
                    message: pijat_core::both!(
                        messages,
                        no_column_first_line_must,
                        en = en,
                        want = want
                    ),
                });
            }
        }
    }
    let mut index: Vec<Option<usize>> = index.into_iter().map(Some).collect();
    index.extend(
        optional
            .iter()
            .map(|(en, id)| header.iter().position(|h| h == en || h == id)),
    );
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(csv_problem)?;
        let line = record
            .position()
            .map_or(0, |p| rows_at.row_at(p.byte() as usize));
        let fields: Vec<String> = index
            .iter()
            .map(|i| i.and_then(|i| record.get(i)).unwrap_or("").to_string())
            .collect();
        if fields.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        rows.push((line, fields));
    }
    Ok(rows)
}
