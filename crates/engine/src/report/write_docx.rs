//! The document as a Word file (docx) that behaves like Word: A4 with a laporan's 4-3-3-3 cm
//! margins (a 14 cm text block, which tables and pictures fit); captions numbered by Word's own
//! fields (`SEQ Tabel`, `SEQ Gambar`), so a *Daftar Tabel* and cross-references work and the
//! numbers follow the laporan's own once fields are updated; tables whose header row repeats on
//! each page, whose rows do not split and whose caption stays with them; column widths set from
//! what each column holds. The language, title, author and date are in the file's properties
//! (see `docx_parts`, which also gives every picture its own id).

use docx_rs::{
    AlignmentType, Docx, FieldCharType, InstrText, LineSpacing, PageMargin, Paragraph, Pic, Run,
    RunFonts, Shading, Style, StyleType, Table as WTable, TableCell, TableLayoutType, TableRow,
    VertAlignType, WidthType,
};

use super::docx_parts::{Meta, finish};
use super::docx_widths::widths;
use super::model::{Block, Caption, Doc, Table};
use super::png::{Fonts, SCALE, png};
use super::svg::svg;

/// A4 in twentieths of a point.
const PAGE: (u32, u32) = (11906, 16838);
/// The laporan's margins: 4 cm on the left (binding), 3 cm elsewhere.
const LEFT: i32 = 2268;
const OTHER: i32 = 1701;
/// The page of a document, width first: A4 upright, or on its side for a wide one.
fn page(doc: &Doc) -> (u32, u32) {
    if doc.landscape {
        (PAGE.1, PAGE.0)
    } else {
        PAGE
    }
}

/// The text block of a document's page: 14 cm upright, 22.7 cm on its side.
fn text_width(doc: &Doc) -> usize {
    page(doc).0 as usize - LEFT as usize - OTHER as usize
}
const EMU_PER_TWIP: u32 = 635;
/// Table text: 9 pt, or 8 pt for a table whose columns do not fit at 9.
const TABLE_SIZE: usize = 18;
const SMALL_SIZE: usize = 16;
/// Tables this short are kept on one page whole; longer ones keep their header with the first
/// rows.
const KEEP_WHOLE: usize = 12;
const KEEP_FIRST: usize = 2;

fn styles(d: Docx) -> Docx {
    let space = |before| LineSpacing::new().before(before).after(120);
    d.add_style(
        Style::new("Heading1", StyleType::Paragraph)
            .name("heading 1")
            .size(28)
            .bold()
            .outline_lvl(0)
            .line_spacing(space(240)),
    )
    .add_style(
        Style::new("Heading2", StyleType::Paragraph)
            .name("heading 2")
            .size(24)
            .bold()
            .outline_lvl(1)
            .line_spacing(space(360)),
    )
    .add_style(
        Style::new("Caption", StyleType::Paragraph)
            .name("caption")
            .size(20)
            .bold()
            .line_spacing(space(120)),
    )
}

/// Runs for `text`, with `d_z` written as *d* with a subscript z.
fn runs(text: &str, size: Option<usize>, bold: bool, italic: bool) -> Vec<Run> {
    let style = |r: Run| {
        let r = match size {
            Some(s) => r.size(s),
            None => r,
        };
        let r = if bold { r.bold() } else { r };
        if italic { r.italic() } else { r }
    };
    let mut out = Vec::new();
    let mut parts = text.split("d_z").peekable();
    while let Some(part) = parts.next() {
        if !part.is_empty() {
            out.push(style(Run::new().add_text(part)));
        }
        if parts.peek().is_some() {
            out.push(style(Run::new().add_text("d").italic()));
            let mut z = Run::new().add_text("z");
            z.run_property = z.run_property.vert_align(VertAlignType::SubScript);
            out.push(style(z));
        }
    }
    out
}

fn para(text: &str) -> Paragraph {
    styled(text, None, false, false)
}

fn styled(text: &str, size: Option<usize>, bold: bool, italic: bool) -> Paragraph {
    runs(text, size, bold, italic)
        .into_iter()
        .fold(Paragraph::new(), Paragraph::add_run)
}

/// "Tabel 3. …" with the number as Word's `SEQ Tabel` field (its last result shown until the
/// fields are updated).
fn caption(c: &Caption) -> Paragraph {
    Paragraph::new()
        .style("Caption")
        .add_run(Run::new().add_text(format!("{} ", c.word)))
        .add_run(Run::new().add_field_char(FieldCharType::Begin, false))
        .add_run(Run::new().add_instr_text(InstrText::Unsupported(format!(
            " SEQ {} \\* ARABIC ",
            c.word
        ))))
        .add_run(Run::new().add_field_char(FieldCharType::Separate, false))
        .add_run(Run::new().add_text(c.number.to_string()))
        .add_run(Run::new().add_field_char(FieldCharType::End, false))
        .add_run(Run::new().add_text(format!(". {}", c.text)))
}

/// A cell; its width is the table grid's (a fixed layout), so a long table is quick to write
/// and to open.
fn cell(text: &str, right: bool, bold: bool, keep: bool, size: usize) -> TableCell {
    let mut p = styled(text, Some(size), bold, false).keep_next(keep);
    if right {
        p = p.align(AlignmentType::Right);
    }
    TableCell::new().add_paragraph(p)
}

fn table(tb: &Table, doc: &Doc) -> Vec<docx_rs::DocumentChild> {
    let shown = tb.shown_columns();
    let numeric: Vec<bool> = shown.iter().map(|(i, _)| tb.numeric(*i)).collect();
    let texts = tb.shown_cells(&doc.lang);
    let titles: Vec<&str> = shown.iter().map(|(_, c)| c.title.as_str()).collect();
    let width = text_width(doc);
    let (grid, size) = match widths(&titles, &texts, width, TABLE_SIZE) {
        (grid, true) => (grid, TABLE_SIZE),
        _ => (widths(&titles, &texts, width, SMALL_SIZE).0, SMALL_SIZE),
    };
    let kept = if tb.rows.len() <= KEEP_WHOLE {
        tb.rows.len().saturating_sub(1)
    } else {
        KEEP_FIRST
    };
    let mut rows = vec![
        TableRow::new(
            titles
                .iter()
                .zip(&numeric)
                .map(|(t, n)| cell(t, *n, true, true, size).shading(Shading::new().fill("EEF1F4")))
                .collect(),
        )
        .cant_split(),
    ];
    for (i, (r, cells)) in tb.rows.iter().zip(&texts).enumerate() {
        rows.push(
            TableRow::new(
                cells
                    .iter()
                    .zip(&numeric)
                    .map(|(t, n)| cell(t, *n, r.strong, i < kept, size))
                    .collect(),
            )
            .cant_split(),
        );
    }
    let mut out = vec![docx_rs::DocumentChild::Paragraph(Box::new(
        caption(&tb.caption).keep_next(true),
    ))];
    out.push(docx_rs::DocumentChild::Table(Box::new(
        WTable::new(rows)
            .set_grid(grid)
            .layout(TableLayoutType::Fixed)
            .width(width, WidthType::Dxa),
    )));
    for n in &tb.notes {
        out.push(docx_rs::DocumentChild::Paragraph(Box::new(styled(
            n,
            Some(TABLE_SIZE),
            false,
            true,
        ))));
    }
    out
}

/// The chart as a picture at most the width of the text, or nothing if it cannot be drawn.
fn chart(svg_text: &str, fonts: &Fonts, width: usize) -> Option<Paragraph> {
    let (bytes, w, h) = png(svg_text, fonts)?;
    let text_width_emu = width as u32 * EMU_PER_TWIP;
    let shown_w = (w as f32 / SCALE) as u32;
    // An SVG unit is a CSS pixel, 9525 EMU.
    let emu_w = text_width_emu.min(shown_w * 9525);
    let emu_h = (emu_w as f64 * f64::from(h) / f64::from(w)) as u32;
    let pic = Pic::new_with_dimensions(bytes, w, h).size(emu_w, emu_h);
    Some(
        Paragraph::new()
            .add_run(Run::new().add_image(pic))
            .keep_next(true),
    )
}

/// The Word file; `created` is the moment it is written (W3CDTF, `2026-11-28T09:00:00Z`).
pub(super) fn docx(doc: &Doc, fonts: &Fonts, created: &str) -> Result<Vec<u8>, String> {
    let (w, h) = page(doc);
    let mut d = styles(Docx::new()).page_size(w, h);
    if doc.landscape {
        d = d.page_orient(docx_rs::PageOrientationType::Landscape);
    }
    let mut d = d
        .page_margin(
            PageMargin::new()
                .top(OTHER)
                .bottom(OTHER)
                .left(LEFT)
                .right(OTHER),
        )
        .default_fonts(
            RunFonts::new()
                .ascii("Times New Roman")
                .hi_ansi("Times New Roman")
                .cs("Times New Roman"),
        )
        .default_size(24)
        .created_at(created)
        .updated_at(created);
    d = d.add_paragraph(para(&doc.title).style("Heading1"));
    for (k, v) in &doc.facts {
        d = d.add_paragraph(
            Paragraph::new()
                .add_run(Run::new().add_text(format!("{k}: ")).bold())
                .add_run(Run::new().add_text(v)),
        );
    }
    for s in &doc.lead {
        d = d.add_paragraph(para(s));
    }
    for n in &doc.notes {
        d = d.add_paragraph(styled(n, None, false, true));
    }
    for sec in &doc.sections {
        d = d.add_paragraph(para(&sec.heading).style("Heading2").keep_next(true));
        for b in &sec.blocks {
            match b {
                Block::Para(p) => d = d.add_paragraph(para(p)),
                Block::Table(tb) => {
                    for child in table(tb, doc) {
                        d = match child {
                            docx_rs::DocumentChild::Paragraph(p) => d.add_paragraph(*p),
                            docx_rs::DocumentChild::Table(t) => d.add_table(*t),
                            _ => d,
                        };
                    }
                    d = d.add_paragraph(Paragraph::new());
                }
                Block::Chart(c) => {
                    if let Some(p) = chart(&svg(c, &doc.lang), fonts, text_width(doc)) {
                        d = d.add_paragraph(p.align(AlignmentType::Center));
                    }
                    d = d.add_paragraph(caption(&c.caption));
                }
            }
        }
    }
    let mut buf = std::io::Cursor::new(Vec::new());
    d.build().pack(&mut buf).map_err(|e| e.to_string())?;
    finish(
        &buf.into_inner(),
        &Meta {
            title: &doc.title,
            author: doc.author.as_deref(),
            lang: doc.lang.code(),
        },
    )
}
