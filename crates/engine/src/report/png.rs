//! A chart's SVG drawn as PNG (for Word), with the fonts the caller found on the system. With
//! no font at all the text is missing from the picture, but the chart is still drawn.

use std::sync::Arc;

use resvg::tiny_skia::{Pixmap, Transform};
use resvg::usvg::{self, fontdb};

/// The fonts charts are drawn with.
pub type Fonts = Arc<fontdb::Database>;

/// Pixels per SVG unit: 2 gives a sharp picture on paper at the chart's printed size.
pub const SCALE: f32 = 2.0;

/// `(png, width, height)` in pixels, or `None` if the SVG cannot be read.
pub fn png(svg: &str, fonts: &Fonts) -> Option<(Vec<u8>, u32, u32)> {
    let opt = usvg::Options {
        fontdb: Arc::clone(fonts),
        font_family: "DejaVu Sans".into(),
        ..usvg::Options::default()
    };
    let tree = usvg::Tree::from_str(svg, &opt).ok()?;
    let size = tree.size();
    let (w, h) = (
        (size.width() * SCALE).ceil() as u32,
        (size.height() * SCALE).ceil() as u32,
    );
    let mut pixmap = Pixmap::new(w, h)?;
    resvg::render(
        &tree,
        Transform::from_scale(SCALE, SCALE),
        &mut pixmap.as_mut(),
    );
    Some((pixmap.encode_png().ok()?, w, h))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_chart_renders_without_any_font() {
        let none: Fonts = Arc::new(fontdb::Database::new());
        let svg = r##"<svg xmlns="http://www.w3.org/2000/svg" width="100" height="50"><rect width="60" height="20" fill="#1f4e79"/><text x="5" y="40">Tes awal</text></svg>"##;
        let (bytes, w, h) = png(svg, &none).unwrap();
        assert_eq!((w, h), (200, 100));
        assert!(bytes.starts_with(&[137, 80, 78, 71]));
    }
}
