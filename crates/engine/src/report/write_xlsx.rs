//! The document as an Excel workbook: a sheet each for the summary, the participants, the
//! questions and the monitoring. Numbers are stored as numbers with a number format (so an
//! Indonesian Excel shows decimal commas by itself), people's names as strings (never a
//! formula), and each sheet's first header row stays in view.

use pijat_core::strings::report::tr;
use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};

use super::model::{Block, Cell, Doc, Sheet, Style, Table};

fn number_format(decimals: usize, style: Style) -> String {
    let digits = if decimals == 0 {
        "0".to_string()
    } else {
        format!("0.{}", "0".repeat(decimals))
    };
    match style {
        Style::Plain => digits,
        Style::Percent => format!("{digits}\"%\""),
        Style::Signed => format!("+{digits};-{digits};{digits}"),
        Style::P => "0.000".into(),
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
}

impl Writer<'_> {
    fn text(&mut self, col: u16, s: &str, f: Option<&Format>) -> Result<(), XlsxError> {
        match f {
            Some(f) => self.ws.write_string_with_format(self.row, col, s, f)?,
            None => self.ws.write_string(self.row, col, s)?,
        };
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
                        self.widen(c, s.chars().count());
                        let f = (s.chars().count() > 60).then_some(&wrap);
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
                            let f = Format::new().set_num_format(number_format(*decimals, *style));
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
        for n in &tb.notes {
            self.text(0, n, None)?;
            self.row += 1;
        }
        let _ = doc;
        self.row += 1;
        Ok(())
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
    let ws = wb.add_worksheet();
    ws.set_name(sheet_name(which, doc))?;
    let mut w = Writer {
        ws,
        row: 0,
        frozen: false,
        widths: Vec::new(),
    };
    if which == Sheet::Summary {
        let bold = Format::new().set_bold().set_font_size(13);
        w.text(0, &doc.title, Some(&bold))?;
        w.row += 1;
        for (k, v) in &doc.facts {
            w.text(0, &format!("{k}: {v}"), None)?;
            w.row += 1;
        }
        for s in doc.lead.iter().chain(&doc.notes) {
            w.text(0, s, None)?;
            w.row += 1;
        }
        w.row += 1;
    }
    for tb in tables {
        w.table(tb, doc)?;
    }
    for (c, width) in w.widths.clone().into_iter().enumerate() {
        w.ws.set_column_width(c as u16, width as f64 + 2.0)?;
    }
    Ok(())
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
