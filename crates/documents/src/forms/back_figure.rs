//! The back seen from behind as SVG, for the leaflet: where the thumbs go (both sides of the
//! spine, not on it), which way (from the base of the neck down) and where to stop (the
//! shoulder-blade tips, about rib 7). The words are the app's figure legend.

use pijat_content::Lang;
use pijat_core::strings::cli::tr;

pub(super) fn svg(lang: &Lang) -> String {
    let mut o = String::from(
        r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 500 380" width="100%" font-family="DejaVu Sans, Liberation Sans, Arial, sans-serif" font-size="13" role="img">"##,
    );
    // Head, neck and back.
    o.push_str(r##"<circle cx="150" cy="38" r="26" fill="#f2f2f2" stroke="#000"/>"##);
    o.push_str(r##"<rect x="137" y="62" width="26" height="24" fill="#f2f2f2" stroke="#000"/>"##);
    o.push_str(r##"<path d="M150 84 C110 86 70 88 58 100 L52 140 C60 220 80 300 95 362 L205 362 C220 300 240 220 248 140 L242 100 C230 88 190 86 150 84 Z" fill="#f2f2f2" stroke="#000" stroke-width="1.5"/>"##);
    // Shoulder blades, the spine, the lower back.
    o.push_str(r##"<path d="M92 116 L134 120 L122 204 Z M208 116 L166 120 L178 204 Z" fill="#dcdcdc" stroke="#555"/>"##);
    o.push_str(r##"<line x1="150" y1="86" x2="150" y2="352" stroke="#555" stroke-width="3" stroke-dasharray="5 4"/>"##);
    o.push_str(r##"<rect x="96" y="262" width="108" height="88" fill="none" stroke="#888" stroke-dasharray="3 3"/>"##);
    // The thumbs' lines: small circles from the base of the neck down, an arrow, the stop line.
    for x in [137.0, 163.0] {
        let mut y = 94.0;
        while y < 196.0 {
            o.push_str(&format!(r##"<circle cx="{x}" cy="{y}" r="4.5" fill="none" stroke="#1f4e79" stroke-width="1.6"/>"##));
            y += 15.0;
        }
        o.push_str(&format!(
            r##"<path d="M{} 200 L{} 200 L{x} 210 Z" fill="#1f4e79"/>"##,
            x - 5.0,
            x + 5.0
        ));
    }
    o.push_str(
        r##"<line x1="104" y1="212" x2="196" y2="212" stroke="#c00000" stroke-width="2"/>"##,
    );
    // Labels with leader lines.
    let labels = [
        (86.0, 150.0, tr(lang).base_neck_start_here),
        (112.0, 163.0, tr(lang).thumb_lines_left_right),
        (142.0, 163.0, tr(lang).small_circles_neck_downward),
        (172.0, 150.0, tr(lang).spine_do_not_press),
        (212.0, 196.0, tr(lang).stop_shoulder_blade_tips),
        (300.0, 204.0, tr(lang).lower_back_not_massaged),
    ];
    for (y, from, words) in labels {
        o.push_str(&format!(
            r##"<line x1="{from}" y1="{y}" x2="256" y2="{y}" stroke="#777" stroke-width="0.8"/><text x="260" y="{}">{}</text>"##,
            y + 4.0,
            maud::html! { (words) }.into_string()
        ));
    }
    o.push_str("</svg>");
    o
}
