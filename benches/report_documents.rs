//! The laporan documents at scale: html, docx and xlsx of a class of 30 (target ≤ 200 ms each)
//! and of 10,000 participants (target ≤ 2 s each), from the built report (document model and
//! writer; for Word also the charts drawn as PNG). The system font list Word's charts are drawn
//! with is loaded once per run of pijat and timed on its own.
//!
//! `cargo bench --bench report_documents`

use std::time::{Duration, Instant};

use pijat_core::feeding::Ebf;
use pijat_engine::report::build::{Input, ParticipantInput};
use pijat_engine::report::outcome::VisitOutcome;
use pijat_engine::report::{build, render};

fn median(mut xs: Vec<Duration>) -> Duration {
    xs.sort();
    xs[xs.len() / 2]
}

/// A class of `n`: ten questions, both tests, one observation of 14 steps and a visit each (with its feeding recall and danger signs).
fn class(n: usize) -> Input {
    let participants = (0..n)
        .map(|i| {
            let answers = |bias: usize| (0..10).map(|q| (i * 7 + q * 3) % 10 < bias).collect();
            ParticipantInput {
                name: format!("Peserta {i:05}"),
                role: if i % 4 == 0 { "cadre" } else { "father" }.into(),
                pre: Some(answers(3 + i % 4)),
                post: (i % 17 != 0).then(|| answers(6 + i % 4)),
                observations: vec![(
                    (0..14).map(|k| Some(((i + k) % 3) as u8)).collect(),
                    Some(70.0 + (i % 30) as f64),
                    i % 3 == 0,
                )],
                visits: vec![(i % 2 == 0, (1 + i % 5) as u8)],
                outcome: vec![VisitOutcome {
                    visited_on: "2026-11-20".into(),
                    ebf: [Ebf::Exclusive, Ebf::NotExclusive, Ebf::SixMonthsOrOlder][i % 3],
                    mother_sign: i % 11 == 0,
                    baby_sign: i % 13 == 0,
                    referred: i % 22 == 0,
                    danger_asked: true,
                }],
            }
        })
        .collect();
    Input {
        class: None,
        quiz: "knowledge".into(),
        questions: (1..=10).map(|q| format!("q{q}")).collect(),
        labels: (1..=10)
            .map(|q| format!("Pernyataan nomor {q} tentang pijat oksitosin dan refleks oksitosin."))
            .collect(),
        steps: (1..=14).map(|s| format!("s{s}")).collect(),
        step_labels: (1..=14).map(|s| format!("Langkah {s}")).collect(),
        participants,
        items: true,
        pass_percent: 70,
        year: Some(2026),
        ..Input::default()
    }
}

fn time(runs: usize, mut f: impl FnMut() -> usize) -> Duration {
    median(
        (0..runs)
            .map(|_| {
                let t = Instant::now();
                assert!(f() > 0);
                t.elapsed()
            })
            .collect(),
    )
}

fn main() {
    if !std::env::args().any(|a| a == "--bench") {
        return;
    }
    let lang = pijat_content::Lang::id();
    let t = Instant::now();
    let mut db = resvg::usvg::fontdb::Database::new();
    db.load_system_fonts();
    let fonts = std::sync::Arc::new(db);
    println!(
        "system fonts for the charts: {} faces loaded in {:?}",
        fonts.len(),
        t.elapsed()
    );
    for (n, runs, target) in [(30, 9, 200), (10_000, 3, 2000)] {
        let r = build(&class(n));
        let html = time(runs, || render::html(&r, "Tes pengetahuan", &lang).len());
        let docx = time(runs, || {
            render::docx(&r, "Tes pengetahuan", &lang, &fonts, "2026-11-28T09:00:00Z")
                .unwrap()
                .len()
        });
        let xlsx = time(runs, || {
            render::xlsx(&r, "Tes pengetahuan", &lang).unwrap().len()
        });
        println!(
            "class of {n}: html {html:?}, docx {docx:?}, xlsx {xlsx:?} (target ≤ {target} ms each)"
        );
    }
}
