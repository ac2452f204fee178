//! Reading a sheet file as a spreadsheet saved it: UTF-8 with or without a byte-order mark,
//! LF or CRLF, comma or semicolon, quoted fields with line breaks inside. Row numbers are the
//! ones a spreadsheet shows (blank lines counted, a quoted line break not), so `FILE:ROW` points
//! where the trainer looks. A file larger than any class's sheet is refused before it is read.

use std::io::Read;
use std::path::Path;

use pijat_content::Bilingual;

/// A class's sheet is a few kilobytes; 1 MB holds some thirty thousand rows.
pub const MAX_SHEET_BYTES: u64 = 1 << 20;

/// The file's bytes, or a message for the trainer (`FILE: …`).
pub fn read_limited(file: &Path) -> Result<Vec<u8>, Bilingual> {
    let shown = file.display();
    let meta = std::fs::metadata(file).map_err(|e| pijat_core::io_words::io_problem(file, &e))?;
    if !meta.is_file() {
        return Err(pijat_core::both!(
            messages,
            sheet_not_ordinary_file,
            shown = shown
        ));
    }
    let too_big = || {
        let mb = MAX_SHEET_BYTES >> 20;
        pijat_core::both!(messages, larger_than_mb_class_sheet, shown = shown, mb = mb)
    };
    if meta.len() > MAX_SHEET_BYTES {
        return Err(too_big());
    }
    let f = std::fs::File::open(file).map_err(|e| pijat_core::io_words::io_problem(file, &e))?;
    let mut bytes = Vec::with_capacity(meta.len() as usize + 1);
    f.take(MAX_SHEET_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| pijat_core::io_words::io_problem(file, &e))?;
    if bytes.len() as u64 > MAX_SHEET_BYTES {
        return Err(too_big());
    }
    Ok(bytes)
}

/// Where each spreadsheet row starts: `starts[i]` is the byte offset of row `i + 1`.
pub struct Rows {
    starts: Vec<usize>,
    /// Offsets of line-break bytes outside quotes, to step over.
    breaks: std::collections::BTreeSet<usize>,
    /// The row where a quote opens and never closes, if any.
    pub unclosed_quote: Option<u64>,
}

impl Rows {
    /// The rows of a sheet's text.
    pub fn of(text: &[u8]) -> Rows {
        let mut starts = vec![0];
        let mut breaks = std::collections::BTreeSet::new();
        let mut quoted = false;
        let mut quote_row = 0;
        let mut i = 0;
        while let Some(&byte) = text.get(i) {
            match byte {
                b'"' => {
                    if !quoted {
                        quote_row = starts.len() as u64;
                    }
                    quoted = !quoted;
                }
                b'\r' if !quoted => {
                    breaks.insert(i);
                    if text.get(i + 1) == Some(&b'\n') {
                        i += 1;
                        breaks.insert(i);
                    }
                    starts.push(i + 1);
                }
                b'\n' if !quoted => {
                    breaks.insert(i);
                    starts.push(i + 1);
                }
                _ => {}
            }
            i += 1;
        }
        Rows {
            starts,
            breaks,
            unclosed_quote: quoted.then_some(quote_row),
        }
    }

    /// The spreadsheet row (1-based) holding byte `offset`. A record's position may be given
    /// at the line break before it (the CSV reader stops after `\r` of a CRLF): the breaks
    /// are stepped over, so it counts on the row where its text begins.
    pub fn row_at(&self, offset: usize) -> u64 {
        let mut at = offset;
        while self.breaks.contains(&at) {
            at += 1;
        }
        self.starts.partition_point(|s| *s <= at) as u64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_are_counted_as_a_spreadsheet_shows_them() {
        let lf = b"a,b\nx,1\n\ny,2\n";
        let crlf = b"a,b\r\nx,1\r\n\r\ny,2\r\n";
        for text in [&lf[..], &crlf[..]] {
            let rows = Rows::of(text);
            let y = text.windows(1).position(|w| w == b"y").unwrap();
            assert_eq!(rows.row_at(0), 1);
            assert_eq!(rows.row_at(y), 4, "the blank line is row 3");
            let x = text.iter().position(|b| *b == b'x').unwrap();
            assert_eq!(
                rows.row_at(x - 1),
                2,
                "a position given at the break before a row"
            );
        }
        let quoted = b"a,b\n\"two\nlines\",1\nz,2\n";
        let z = quoted.iter().position(|b| *b == b'z').unwrap();
        assert_eq!(
            Rows::of(quoted).row_at(z),
            3,
            "a quoted line break is not a row"
        );
        assert_eq!(Rows::of(b"a,b\nx,\"open\ny,2\n").unclosed_quote, Some(2));
    }
}
