//! The document as an Excel workbook: a sheet each for the summary, the participants, the
//! questions and the monitoring. Numbers are stored as numbers with a number format (so an
//! Indonesian Excel shows decimal commas by itself; a p below 0,001 shows as "<0,001"), people's
//! names as strings (never a formula), and each sheet's first header row stays in view. Each
//! sheet prints on A4, fitted to the page's width (landscape where wide), its header rows
//! repeated; long texts wrap in rows tall enough for them; the charts are Excel's own
//! (`xlsx_charts`).

use pijat_core::strings::report::tr;
use rust_xlsxwriter::{Format, FormatAlign, Workbook, Worksheet, XlsxError};

use super::xlsx_charts;

use super::model::{Block, Cell, Doc, Sheet, Style, Table};

/// A4 in Excel's paper sizes.
const A4: u8 = 9;
/// Characters a wrapped note spans: the table's width, or this many at least.
const NOTE_WIDTH: usize = 90;
/// Points per line of 11 pt text.
const LINE: f64 = 15.0;

fn number_format(decimals: usize, style: Style, lang: &pijat_content::Lang) -> String {
    let digits = if decimals == 0 {
        "0".to_string()
    } else {
        format!("0.{}", "0".repeat(decimals))
    };
    match style {
        Style::Plain => digits,
        Style::Percent => format!("{digits}\"%\""),
        Style::Signed => format!("+{digits};-{digits};{digits}"),
        // Never "0,000": a p below 0.001 is written as the documents write it.
        Style::P => format!(
            "[<0.001]\"<{}\";0.000",
            lang.decimal_mark("0.001".to_string())
        ),
    }
}

fn sheet_name(s: Sheet, doc: &Doc) -> &'static str {
    let l = &doc.lang;
    match s {
        Sheet::Summary => tr(l).summary_sheet,
        Sheet::Participants => tr(l).participants,
        Sheet::Items => tr(l).questions,
        Sheet::Monitoring => tr(l).monitoring,
    }
}

struct Writer<'a> {
    ws: &'a mut Worksheet,
    row: u32,
    frozen: bool,
    widths: Vec<usize>,
    /// Wrapped texts: (row, first column, last column, characters), for the rows' heights.
    wrapped: Vec<(u32, usize, usize, usize)>,
}

impl Writer<'_> {
    fn text(&mut self, col: u16, s: &str, f: Option<&Format>) -> Result<(), XlsxError> {
        match f {
            Some(f) => self.ws.write_string_with_format(self.row, col, s, f)?,
            None => self.ws.write_string(self.row, col, s)?,
        };
        Ok(())
    }

    /// A long text across columns `0..=last`, wrapped, on a row of its own.
    fn note(&mut self, s: &str, last: usize) -> Result<(), XlsxError> {
        let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);
        let chars = s.chars().count();
        if last == 0 {
            self.ws.write_string_with_format(self.row, 0, s, &wrap)?;
        } else {
            self.ws
                .merge_range(self.row, 0, self.row, last as u16, s, &wrap)?;
        }
        self.wrapped.push((self.row, 0, last, chars));
        self.row += 1;
        Ok(())
    }

    /// Sets each row with wrapped text tall enough for its lines, once the widths are known.
    fn heights(&mut self) -> Result<(), XlsxError> {
        let mut tallest: Vec<(u32, usize)> = Vec::new();
        for (row, first, last, chars) in &self.wrapped {
            let width: usize = (*first..=*last)
                .map(|c| self.widths.get(c).copied().unwrap_or(6) + 2)
                .sum::<usize>()
                .max(1);
            let lines = chars.div_ceil(width).max(1);
            match tallest.iter_mut().find(|(r, _)| r == row) {
                Some((_, l)) => *l = (*l).max(lines),
                None => tallest.push((*row, lines)),
            }
        }
        for (row, lines) in tallest {
            if lines > 1 {
                self.ws.set_row_height(row, LINE * lines as f64)?;
            }
        }
        Ok(())
    }

    fn widen(&mut self, col: usize, chars: usize) {
        if self.widths.len() <= col {
            self.widths.resize(col + 1, 6);
        }
        if let Some(w) = self.widths.get_mut(col) {
            *w = (*w).max(chars.min(60));
        }
    }

    fn table(&mut self, tb: &Table, doc: &Doc) -> Result<(), XlsxError> {
        let bold = Format::new().set_bold();
        let head = Format::new()
            .set_bold()
            .set_text_wrap()
            .set_background_color("EEF1F4");
        let wrap = Format::new().set_text_wrap();
        self.text(0, &tb.caption.to_string(), Some(&bold))?;
        self.row += 1;
        let cols = tb.shown_columns();
        for (c, (_, column)) in cols.iter().enumerate() {
            self.text(c as u16, &column.title, Some(&head))?;
            self.widen(c, column.title.chars().count().min(16));
        }
        if !self.frozen {
            self.ws.set_freeze_panes(self.row + 1, 0)?;
            self.frozen = true;
        }
        self.row += 1;
        let mut formats: Vec<((usize, Style), Format)> = Vec::new();
        for r in &tb.rows {
            for (c, (i, _)) in cols.iter().enumerate() {
                let col = c as u16;
                match r.cell(*i) {
                    Cell::Text(s) => {
                        let chars = s.chars().count();
                        self.widen(c, chars);
                        let f = (chars > 60).then_some(&wrap);
                        if f.is_some() {
                            self.wrapped.push((self.row, c, c, chars));
                        }
                        self.text(col, s, f)?;
                    }
                    Cell::Name(s) => {
                        let s = pijat_core::printable(s);
                        self.widen(c, s.chars().count());
                        self.text(col, &s, None)?;
                    }
                    Cell::Count(n) => {
                        self.ws.write_number(self.row, col, *n as f64)?;
                    }
                    Cell::Num {
                        value,
                        decimals,
                        style,
                    } => {
                        let key = (*decimals, *style);
                        if !formats.iter().any(|(k, _)| *k == key) {
                            let code = number_format(*decimals, *style, &doc.lang);
                            let f = Format::new().set_num_format(code);
                            formats.push((key, f));
                        }
                        if let Some((_, f)) = formats.iter().find(|(k, _)| *k == key) {
                            self.ws.write_number_with_format(self.row, col, *value, f)?;
                        }
                    }
                    Cell::Missing(_) => {}
                }
            }
            self.row += 1;
        }
        let last = self.note_columns(cols.len());
        for n in &tb.notes {
            self.note(n, last)?;
        }
        self.row += 1;
        Ok(())
    }

    /// The last column a note under a table of `columns` spans: the table's, or enough for
    /// [`NOTE_WIDTH`] characters.
    fn note_columns(&self, columns: usize) -> usize {
        let mut width = 0;
        let mut last = 0;
        while last < columns.max(1) || (width < NOTE_WIDTH && last < 12) {
            width += self.widths.get(last).copied().unwrap_or(10) + 2;
            last += 1;
        }
        last.saturating_sub(1)
    }
}

fn sheet(wb: &mut Workbook, which: Sheet, doc: &Doc) -> Result<(), XlsxError> {
    let tables: Vec<&Table> = doc
        .sections
        .iter()
        .flat_map(|s| &s.blocks)
        .filter_map(|b| match b {
            Block::Table(tb) if tb.sheet == which => Some(tb),
            _ => None,
        })
        .collect();
    if tables.is_empty() && which != Sheet::Summary {
        return Ok(());
    }
    let name = sheet_name(which, doc);
    let ws = wb.add_worksheet();
    ws.set_name(name)?;
    ws.set_paper_size(A4);
    ws.set_print_fit_to_pages(1, 0);
    if doc.landscape || which != Sheet::Summary {
        ws.set_landscape();
    }
    if which != Sheet::Summary {
        // The first (here the only) table's caption and header on every printed page.
        ws.set_repeat_rows(0, 1)?;
    }
    let mut w = Writer {
        ws,
        row: 0,
        frozen: false,
        widths: Vec::new(),
        wrapped: Vec::new(),
    };
    if which == Sheet::Summary {
        let bold = Format::new().set_bold().set_font_size(13);
        w.text(0, &doc.title, Some(&bold))?;
        w.row += 1;
        let last = w.note_columns(6);
        for (k, v) in &doc.facts {
            w.note(&format!("{k}: {v}"), last)?;
        }
        for s in doc.lead.iter().chain(&doc.notes) {
            w.note(s, last)?;
        }
        w.row += 1;
    }
    for tb in tables {
        w.table(tb, doc)?;
    }
    let percent = Format::new().set_num_format(number_format(1, Style::Percent, &doc.lang));
    let figures = doc
        .sections
        .iter()
        .flat_map(|s| &s.blocks)
        .filter_map(|b| match b {
            Block::Chart(c) if xlsx_charts::sheet_of(&c.kind) == Some(which) => Some(c),
            _ => None,
        });
    for f in figures {
        w.row = xlsx_charts::write(w.ws, name, w.row, f, &percent)?;
    }
    for (c, width) in w.widths.clone().into_iter().enumerate() {
        w.ws.set_column_width(c as u16, width as f64 + 2.0)?;
    }
    w.heights()
}

pub(super) fn xlsx(doc: &Doc) -> Result<Vec<u8>, String> {
    let mut wb = Workbook::new();
    for s in [
        Sheet::Summary,
        Sheet::Participants,
        Sheet::Items,
        Sheet::Monitoring,
    ] {
        sheet(&mut wb, s, doc).map_err(|e| e.to_string())?;
    }
    wb.save_to_buffer().map_err(|e| e.to_string())
}
