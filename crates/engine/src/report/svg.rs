//! The report's charts as SVG text: plain rectangles, lines and text, so a browser prints them
//! and resvg turns them into PNG for Word. Before and after differ by shape and fill (hollow
//! and solid), not by colour alone, so they read in black and white.

use std::fmt::Write as _;

use super::model::{Chart, ChartKind, Estimate};
use super::words::short;
use pijat_content::Lang;

/// A chart's width in SVG units.
pub const WIDTH: f64 = 640.0;
const FONT: &str = "DejaVu Sans, Liberation Sans, Arial, Helvetica, sans-serif";
const PRE: &str = "#8c96a0";
const POST: &str = "#1f4e79";

pub use pijat_core::html::esc;

fn clip(s: &str, n: usize) -> String {
    if s.chars().count() > n {
        s.chars().take(n - 1).collect::<String>() + "…"
    } else {
        s.to_string()
    }
}

struct Canvas {
    body: String,
    height: f64,
}

impl Canvas {
    fn text(&mut self, x: f64, y: f64, anchor: &str, size: f64, s: &str) {
        let _ = write!(
            self.body,
            r#"<text x="{x:.1}" y="{y:.1}" text-anchor="{anchor}" font-size="{size}">{}</text>"#,
            esc(s)
        );
    }
    fn line(&mut self, x1: f64, y1: f64, x2: f64, y2: f64, stroke: &str, w: f64) {
        let _ = write!(
            self.body,
            r#"<line x1="{x1:.1}" y1="{y1:.1}" x2="{x2:.1}" y2="{y2:.1}" stroke="{stroke}" stroke-width="{w:.1}"/>"#
        );
    }
    fn rect(&mut self, x: f64, y: f64, w: f64, h: f64, fill: &str, stroke: &str) {
        let _ = write!(
            self.body,
            r#"<rect x="{x:.1}" y="{y:.1}" width="{:.1}" height="{h:.1}" fill="{fill}" stroke="{stroke}"/>"#,
            w.max(0.0)
        );
    }
    fn dot(&mut self, x: f64, y: f64, solid: bool) {
        let (fill, stroke) = if solid {
            (POST, POST)
        } else {
            ("#ffffff", PRE)
        };
        let _ = write!(
            self.body,
            r#"<circle cx="{x:.1}" cy="{y:.1}" r="4.5" fill="{fill}" stroke="{stroke}" stroke-width="2"/>"#
        );
    }
    /// A legend: a hollow (or light) mark for the first series, a solid one for the second.
    fn legend(&mut self, (a, b): &(String, String), bars: bool) {
        let mut x = 10.0;
        for (i, name) in [a, b].into_iter().enumerate() {
            if name.is_empty() {
                continue;
            }
            if bars {
                let (fill, stroke) = if i == 0 {
                    ("#d9dee3", PRE)
                } else {
                    (POST, POST)
                };
                self.rect(x, 6.0, 14.0, 10.0, fill, stroke);
            } else {
                self.dot(x + 6.0, 11.0, i == 1);
            }
            self.text(x + 20.0, 15.0, "start", 11.0, name);
            x += 30.0 + 7.0 * name.chars().count() as f64;
        }
    }
    /// Vertical grid lines for 0–100 % between `x0` and `x1`, labelled under `bottom`.
    fn grid_x(&mut self, x0: f64, x1: f64, top: f64, bottom: f64, lang: &Lang) {
        for k in 0..=5 {
            let v = f64::from(k) * 20.0;
            let x = x0 + (x1 - x0) * v / 100.0;
            self.line(x, top, x, bottom, "#dddddd", 1.0);
            self.text(
                x,
                bottom + 13.0,
                "middle",
                10.0,
                &format!("{}%", short(v, 0, lang)),
            );
        }
    }
    fn finish(self, title: &str) -> String {
        format!(
            r##"<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{h:.0}" viewBox="0 0 {WIDTH} {h:.0}" font-family="{FONT}" role="img"><title>{}</title><rect width="100%" height="100%" fill="#ffffff"/>{}</svg>"##,
            esc(title),
            self.body,
            h = self.height
        )
    }
}

fn dumbbell(c: &mut Canvas, rows: &[(String, f64, f64)], lang: &Lang) {
    let (x0, x1, top, step) = (170.0, WIDTH - 20.0, 30.0, 18.0);
    let bottom = top + step * rows.len().max(1) as f64;
    c.grid_x(x0, x1, top, bottom, lang);
    let sx = |v: f64| x0 + (x1 - x0) * v / 100.0;
    for (i, (name, a, b)) in rows.iter().enumerate() {
        let y = top + step * (i as f64 + 0.5);
        c.text(x0 - 8.0, y + 4.0, "end", 10.5, &clip(name, 26));
        c.line(sx(*a), y, sx(*b), y, "#555555", 2.0);
        c.dot(sx(*a), y, false);
        c.dot(sx(*b), y, true);
    }
    c.height = bottom + 22.0;
}

fn slope(c: &mut Canvas, lines: &[(f64, f64, usize)], legend: &(String, String), lang: &Lang) {
    let (xa, xb, top, h) = (160.0, 480.0, 34.0, 300.0);
    let sy = |v: f64| top + h * (1.0 - v / 100.0);
    for k in 0..=5 {
        let v = f64::from(k) * 20.0;
        c.line(xa, sy(v), xb, sy(v), "#eeeeee", 1.0);
        c.text(
            xa - 10.0,
            sy(v) + 4.0,
            "end",
            10.0,
            &format!("{}%", short(v, 0, lang)),
        );
    }
    c.line(xa, top, xa, top + h, "#333333", 1.0);
    c.line(xb, top, xb, top + h, "#333333", 1.0);
    let most = lines.iter().map(|l| l.2).max().unwrap_or(1) as f64;
    for (a, b, n) in lines {
        let w = 0.8 + 6.0 * (*n as f64 / most).sqrt();
        let colour = if b >= a { POST } else { PRE };
        c.line(xa, sy(*a), xb, sy(*b), colour, w);
    }
    c.text(xa, top + h + 18.0, "middle", 11.0, &legend.0);
    c.text(xb, top + h + 18.0, "middle", 11.0, &legend.1);
    c.height = top + h + 30.0;
}

fn means(
    c: &mut Canvas,
    pre: Option<Estimate>,
    post: Option<Estimate>,
    legend: &(String, String),
    lang: &Lang,
) {
    let (left, top, h) = (80.0, 30.0, 220.0);
    let sy = |v: f64| top + h * (1.0 - v.clamp(0.0, 100.0) / 100.0);
    for k in 0..=5 {
        let v = f64::from(k) * 20.0;
        c.line(left, sy(v), WIDTH - 40.0, sy(v), "#eeeeee", 1.0);
        c.text(
            left - 8.0,
            sy(v) + 4.0,
            "end",
            10.0,
            &format!("{}%", short(v, 0, lang)),
        );
    }
    for (i, (e, name)) in [(pre, &legend.0), (post, &legend.1)]
        .into_iter()
        .enumerate()
    {
        let x = left + 110.0 + 240.0 * i as f64;
        c.text(x + 40.0, top + h + 18.0, "middle", 11.0, name);
        let Some(e) = e else { continue };
        let (fill, stroke) = if i == 0 {
            ("#d9dee3", PRE)
        } else {
            (POST, POST)
        };
        c.rect(x, sy(e.value), 80.0, top + h - sy(e.value), fill, stroke);
        if let Some((lo, hi)) = e.ci {
            c.line(x + 40.0, sy(lo), x + 40.0, sy(hi), "#000000", 1.5);
            c.line(x + 30.0, sy(lo), x + 50.0, sy(lo), "#000000", 1.5);
            c.line(x + 30.0, sy(hi), x + 50.0, sy(hi), "#000000", 1.5);
        }
        let label_y = e.ci.map_or(sy(e.value), |(_, hi)| sy(hi)) - 6.0;
        c.text(x + 40.0, label_y, "middle", 11.0, &short(e.value, 1, lang));
    }
    c.height = top + h + 30.0;
}

fn bars(
    c: &mut Canvas,
    rows: &[(String, Option<f64>, Option<f64>)],
    two: bool,
    label_w: f64,
    lang: &Lang,
) {
    let (x0, x1, top) = (label_w, WIDTH - 50.0, 30.0);
    let bar = 8.0;
    let step = if two { 2.0 * bar + 8.0 } else { bar + 8.0 };
    let bottom = top + step * rows.len().max(1) as f64;
    c.grid_x(x0, x1, top, bottom, lang);
    let sx = |v: f64| (x1 - x0) * v.clamp(0.0, 100.0) / 100.0;
    let chars = ((label_w - 10.0) / 6.0) as usize;
    for (i, (label, a, b)) in rows.iter().enumerate() {
        let y = top + step * i as f64 + 4.0;
        c.text(
            x0 - 6.0,
            y + if two { bar + 3.0 } else { bar - 1.0 },
            "end",
            10.0,
            &clip(label, chars),
        );
        let series: Vec<(Option<f64>, usize)> = if two {
            vec![(*a, 0), (*b, 1)]
        } else {
            vec![(*a, 1)]
        };
        for (k, (v, which)) in series.into_iter().enumerate() {
            let yy = y + k as f64 * bar;
            let (fill, stroke) = if which == 0 {
                ("#d9dee3", PRE)
            } else {
                (POST, POST)
            };
            match v {
                Some(v) => {
                    c.rect(x0, yy, sx(v), bar, fill, stroke);
                    c.text(
                        x0 + sx(v) + 4.0,
                        yy + bar - 1.0,
                        "start",
                        9.0,
                        &format!("{}%", short(v, 0, lang)),
                    );
                }
                None => c.text(x0 + 4.0, yy + bar - 1.0, "start", 9.0, "–"),
            }
        }
    }
    c.height = bottom + 22.0;
}

/// The chart as a complete SVG document.
pub fn svg(chart: &Chart, lang: &Lang) -> String {
    let mut c = Canvas {
        body: String::new(),
        height: 100.0,
    };
    match &chart.kind {
        ChartKind::Dumbbell(rows) => {
            c.legend(&chart.legend, false);
            dumbbell(&mut c, rows, lang);
        }
        ChartKind::Slope(lines) => slope(&mut c, lines, &chart.legend, lang),
        ChartKind::Means(a, b) => means(&mut c, *a, *b, &chart.legend, lang),
        ChartKind::Pairs(rows) => {
            c.legend(&chart.legend, true);
            bars(&mut c, rows, true, 60.0, lang);
        }
        ChartKind::Bars(rows) => {
            c.legend(&chart.legend, true);
            let rows: Vec<(String, Option<f64>, Option<f64>)> =
                rows.iter().map(|(l, v)| (l.clone(), *v, None)).collect();
            bars(&mut c, &rows, false, 270.0, lang);
        }
    }
    c.finish(&chart.caption.to_string())
}
