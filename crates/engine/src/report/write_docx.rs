//! The document as a Word file (docx) on A4: the same headings, real Word tables whose rows do
//! not split across pages, the charts as pictures drawn from the same SVG, and numbered captions
//! ("Tabel 1" above a table, "Gambar 1" under a figure).

use docx_rs::{
    AlignmentType, Docx, PageMargin, Paragraph, Pic, Run, RunFonts, Shading, Style, StyleType,
    Table as WTable, TableCell, TableRow, WidthType,
};

use super::model::{Block, Doc, Table};
use super::png::{Fonts, SCALE, png};
use super::svg::svg;

/// A4 in twentieths of a point, with 2.5 cm margins.
const PAGE: (u32, u32) = (11906, 16838);
const MARGIN: i32 = 1418;
const EMU_PER_TWIP: u32 = 635;

fn styles(d: Docx) -> Docx {
    d.add_style(
        Style::new("Heading1", StyleType::Paragraph)
            .name("heading 1")
            .size(28)
            .bold()
            .outline_lvl(0),
    )
    .add_style(
        Style::new("Heading2", StyleType::Paragraph)
            .name("heading 2")
            .size(24)
            .bold()
            .outline_lvl(1),
    )
    .add_style(
        Style::new("Caption", StyleType::Paragraph)
            .name("caption")
            .size(20)
            .bold(),
    )
}

fn para(text: &str) -> Paragraph {
    Paragraph::new().add_run(Run::new().add_text(text))
}

fn cell(text: &str, right: bool, bold: bool, size: usize) -> TableCell {
    let mut run = Run::new().add_text(text).size(size);
    if bold {
        run = run.bold();
    }
    let mut p = Paragraph::new().add_run(run);
    if right {
        p = p.align(AlignmentType::Right);
    }
    TableCell::new().add_paragraph(p)
}

fn table(tb: &Table, doc: &Doc) -> Vec<docx_rs::DocumentChild> {
    let shown = tb.shown_columns();
    let numeric: Vec<bool> = shown.iter().map(|(i, _)| tb.numeric(*i)).collect();
    let mut rows = vec![
        TableRow::new(
            shown
                .iter()
                .zip(&numeric)
                .map(|((_, c), n)| {
                    cell(&c.title, *n, true, 18).shading(Shading::new().fill("EEF1F4"))
                })
                .collect(),
        )
        .cant_split(),
    ];
    for r in &tb.rows {
        rows.push(
            TableRow::new(
                shown
                    .iter()
                    .zip(&numeric)
                    .map(|((i, _), n)| cell(&r.cell(*i).shown(&doc.lang), *n, r.strong, 18))
                    .collect(),
            )
            .cant_split(),
        );
    }
    let width = (PAGE.0 as i32 - 2 * MARGIN) as usize;
    let mut out = vec![docx_rs::DocumentChild::Paragraph(Box::new(
        para(&tb.caption).style("Caption").keep_next(true),
    ))];
    out.push(docx_rs::DocumentChild::Table(Box::new(
        WTable::new(rows).width(width, WidthType::Dxa),
    )));
    for n in &tb.notes {
        out.push(docx_rs::DocumentChild::Paragraph(Box::new(
            Paragraph::new().add_run(Run::new().add_text(n).size(18).italic()),
        )));
    }
    out
}

/// The chart as a picture the width of the text, or its caption alone if it cannot be drawn.
fn chart(svg_text: &str, fonts: &Fonts) -> Option<Paragraph> {
    let (bytes, w, h) = png(svg_text, fonts)?;
    let text_width_emu = (PAGE.0 - 2 * MARGIN as u32) * EMU_PER_TWIP;
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

pub(super) fn docx(doc: &Doc, fonts: &Fonts) -> Result<Vec<u8>, String> {
    let mut d = styles(Docx::new())
        .page_size(PAGE.0, PAGE.1)
        .page_margin(
            PageMargin::new()
                .top(MARGIN)
                .bottom(MARGIN)
                .left(MARGIN)
                .right(MARGIN),
        )
        .default_fonts(
            RunFonts::new()
                .ascii("Times New Roman")
                .hi_ansi("Times New Roman")
                .cs("Times New Roman"),
        )
        .default_size(24);
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
        d = d.add_paragraph(Paragraph::new().add_run(Run::new().add_text(n).italic()));
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
                    if let Some(p) = chart(&svg(c, &doc.lang), fonts) {
                        d = d.add_paragraph(p.align(AlignmentType::Center));
                    }
                    d = d.add_paragraph(para(&c.caption).style("Caption"));
                }
            }
        }
    }
    let mut buf = std::io::Cursor::new(Vec::new());
    d.build().pack(&mut buf).map_err(|e| e.to_string())?;
    Ok(buf.into_inner())
}
