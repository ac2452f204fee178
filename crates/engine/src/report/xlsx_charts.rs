//! The document's charts as Excel's own: each figure's numbers written as a small table under
//! its caption, and a native chart of them beside it, so the trainer can restyle it or copy it
//! into Word as a chart.

use rust_xlsxwriter::{Chart, ChartType, Format, Worksheet, XlsxError};

use super::model::{Chart as Figure, ChartKind, Sheet};

/// The sheet a figure goes on: beside the table it belongs to.
pub(super) fn sheet_of(kind: &ChartKind) -> Option<Sheet> {
    match kind {
        ChartKind::Means(..) => Some(Sheet::Summary),
        ChartKind::Dumbbell(_) => Some(Sheet::Participants),
        ChartKind::Pairs(_) => Some(Sheet::Items),
        ChartKind::Bars(_) => Some(Sheet::Monitoring),
        // One line per distinct pair of scores: no chart type of Excel's says it better than
        // the participants' table.
        ChartKind::Slope(_) => None,
    }
}

/// A series: its name and a value (or none) per category.
type Series = (String, Vec<Option<f64>>);

/// A figure's numbers: category labels and one or two series.
fn data(f: &Figure) -> (Vec<String>, Vec<Series>) {
    let (pre, post) = (f.legend.0.clone(), f.legend.1.clone());
    match &f.kind {
        ChartKind::Means(a, b) => (
            vec![pre, post],
            vec![(String::new(), vec![a.map(|e| e.value), b.map(|e| e.value)])],
        ),
        ChartKind::Dumbbell(rows) => (
            rows.iter().map(|r| r.0.clone()).collect(),
            vec![
                (pre, rows.iter().map(|r| Some(r.1)).collect()),
                (post, rows.iter().map(|r| Some(r.2)).collect()),
            ],
        ),
        ChartKind::Pairs(rows) => (
            rows.iter().map(|r| r.0.clone()).collect(),
            vec![
                (pre, rows.iter().map(|r| r.1).collect()),
                (post, rows.iter().map(|r| r.2).collect()),
            ],
        ),
        ChartKind::Bars(rows) => (
            rows.iter().map(|r| r.0.clone()).collect(),
            vec![(post, rows.iter().map(|r| r.1).collect())],
        ),
        ChartKind::Slope(_) => (Vec::new(), Vec::new()),
    }
}

/// Writes `f`'s caption and numbers from `row` on, with a native chart beside them; the first
/// row after both.
pub(super) fn write(
    ws: &mut Worksheet,
    sheet: &str,
    row: u32,
    f: &Figure,
    percent: &Format,
) -> Result<u32, XlsxError> {
    let (labels, series) = data(f);
    if labels.is_empty() {
        return Ok(row);
    }
    let bold = Format::new().set_bold();
    ws.write_string_with_format(row, 0, f.caption.to_string(), &bold)?;
    let head = row + 1;
    for (s, (name, _)) in series.iter().enumerate() {
        ws.write_string_with_format(head, s as u16 + 1, name, &bold)?;
    }
    let first = head + 1;
    for (i, label) in labels.iter().enumerate() {
        let r = first + i as u32;
        ws.write_string(r, 0, pijat_core::printable(label))?;
        for (s, (_, values)) in series.iter().enumerate() {
            if let Some(Some(v)) = values.get(i) {
                ws.write_number_with_format(r, s as u16 + 1, *v, percent)?;
            }
        }
    }
    let last = first + labels.len() as u32 - 1;
    let kind = if matches!(f.kind, ChartKind::Bars(_)) {
        ChartType::Bar
    } else {
        ChartType::Column
    };
    let mut chart = Chart::new(kind);
    for (s, (name, _)) in series.iter().enumerate() {
        let col = s as u16 + 1;
        let added = chart
            .add_series()
            .set_categories((sheet, first, 0, last, 0))
            .set_values((sheet, first, col, last, col));
        if !name.is_empty() {
            added.set_name((sheet, head, col));
        }
    }
    chart.title().set_name(&f.caption.to_string());
    chart.y_axis().set_min(0).set_max(100);
    if series.len() == 1 {
        chart.legend().set_hidden();
    }
    // Wide enough for every label of a long list, never narrower than Excel's default.
    let tall = 20 * labels.len() as u32 + 120;
    if kind == ChartType::Bar {
        chart.set_height(tall.max(288));
    } else {
        chart.set_width((24 * labels.len() as u32 + 160).clamp(480, 1400));
    }
    ws.insert_chart(row, series.len() as u16 + 2, &chart)?;
    // Rows the chart covers (20 px each), or the data, whichever reaches further.
    let chart_rows = if kind == ChartType::Bar {
        tall.max(288) / 20
    } else {
        288 / 20
    };
    Ok((last + 2).max(row + chart_rows + 2))
}
