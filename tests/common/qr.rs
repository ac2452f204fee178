//! Reading back a QR code drawn on the terminal with half blocks, as a phone's camera would:
//! each character is two modules (upper and lower half), dark where the block is drawn.

/// The text of the QR code in `screen`'s first `width` columns, if it decodes.
pub fn read(screen: &str, width: usize) -> Option<String> {
    let rows: Vec<Vec<char>> = screen
        .lines()
        .map(|l| l.chars().take(width).collect::<Vec<char>>())
        .filter(|l| l.iter().any(|c| matches!(c, '█' | '▀' | '▄')))
        .collect();
    let cols = rows.iter().map(Vec::len).max()?;
    let (scale, margin) = (6, 24);
    let (w, h) = (
        cols * scale + 2 * margin,
        rows.len() * 2 * scale + 2 * margin,
    );
    let dark = |x: usize, y: usize| -> bool {
        if x < margin || y < margin || x >= w - margin || y >= h - margin {
            return false;
        }
        let (col, module_row) = ((x - margin) / scale, (y - margin) / scale);
        let c = rows[module_row / 2].get(col).copied().unwrap_or(' ');
        if module_row % 2 == 0 {
            matches!(c, '█' | '▀')
        } else {
            matches!(c, '█' | '▄')
        }
    };
    let mut img =
        rqrr::PreparedImage::prepare_from_greyscale(w, h, |x, y| if dark(x, y) { 0 } else { 255 });
    let grids = img.detect_grids();
    let (_, text) = grids.first()?.decode().ok()?;
    Some(text)
}
