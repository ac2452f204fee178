//! Reports and merging at scale:
//! - a report with items for a class of 10,000 participants (pre, post, an observation and a
//!   visit each): target ≤ 1 s;
//! - importing 100 bundles of 30 participants each: target ≤ 2 s.
//!
//! `cargo bench --bench report_import`

use std::time::{Duration, Instant};

#[path = "common/seed.rs"]
mod seed;

use pijat_app::bundles::import_from;
use pijat_app::report_data::report_input;
use pijat_content::load_with;
use pijat_engine::report::{build, render};
use pijat_store::Store;
use rusqlite::{Connection, params};

fn median(mut xs: Vec<Duration>) -> Duration {
    xs.sort();
    xs[xs.len() / 2]
}

/// A class of `n` with a finished pre-test and post-test each, written in one transaction.
fn big_class(dir: &std::path::Path, n: usize, questions: &[String], steps: &[String]) {
    let store = Store::open(dir).unwrap();
    let class = store.ensure_class("Kabupaten").unwrap();
    let path = store.path().to_path_buf();
    drop(store);
    let mut conn = Connection::open(path).unwrap();
    let tx = conn.transaction().unwrap();
    for i in 0..n {
        let pid = format!("p{i:05}");
        seed::participant(&tx, (&pid, i, "father"), &class.id, questions, None);
    }
    // One observation (every step marked) and one visit each.
    for i in 0..n {
        let pid = format!("p{i:05}");
        seed::observation(&tx, (&pid, i), &class.id, "2026-12-01", steps);
        tx.execute(
            "INSERT INTO visit (id, profile_id, class_id, visited_on, milk_flow, comfort, mode, created)
             VALUES (?1, ?2, ?3, '2026-12-02', 'yes', 4, 'sheet', 'x')",
            params![format!("{pid}-visit"), pid, class.id],
        )
        .unwrap();
    }
    tx.commit().unwrap();
}

fn main() {
    if !std::env::args().any(|a| a == "--bench") {
        return;
    }
    let content = load_with(None).content.unwrap();
    let quiz = content.quiz("knowledge").unwrap();
    let ids: Vec<String> = quiz.questions.iter().map(|q| q.id.clone()).collect();
    // Every answer "true": right where the key is true. Bundles are checked against the key.
    let keys: Vec<bool> = quiz
        .questions
        .iter()
        .map(|q| {
            matches!(
                q.kind,
                pijat_content::QuestionKind::TrueFalse { answer: true }
            )
        })
        .collect();
    let right_true = keys.iter().filter(|k| **k).count() as i64;
    let lang = pijat_content::Lang::en();

    let dir = tempfile::tempdir().unwrap();
    if let Ok(keep) = std::env::var("KEEP_REPORT_DATA") {
        println!("data folder kept at {keep}");
    }
    let steps: Vec<String> = content
        .routine("oxytocin-massage")
        .unwrap()
        .steps
        .iter()
        .map(|s| s.id.clone())
        .collect();
    big_class(dir.path(), 10_000, &ids, &steps);
    if let Ok(keep) = std::env::var("KEEP_REPORT_DATA") {
        let _ = std::fs::create_dir_all(&keep);
        std::fs::copy(
            dir.path().join("pijat.db"),
            std::path::Path::new(&keep).join("pijat.db"),
        )
        .unwrap();
    }
    let store = pijat_app::Records::open(dir.path()).unwrap();
    let times: Vec<Duration> = (0..5)
        .map(|_| {
            let t = Instant::now();
            let input = report_input(
                &store,
                quiz,
                Some("Kabupaten"),
                true,
                &lang,
                content.routines().next(),
            )
            .unwrap()
            .unwrap();
            let r = build(&input);
            let out = render::text(&r, "x", &lang) + &render::json(&r);
            assert!(r.summary.n_paired == 10_000 && !out.is_empty());
            t.elapsed()
        })
        .collect();
    println!(
        "report --items, class of 10,000 with an observation and a visit each (gather + statistics + text + JSON): median {:?}",
        median(times)
    );
    let exe = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/release/pijat");
    if exe.exists() {
        let times: Vec<Duration> = (0..3)
            .map(|_| {
                let t = Instant::now();
                let out = std::process::Command::new(&exe)
                    .args([
                        "report",
                        "--class",
                        "Kabupaten",
                        "--items",
                        "--format",
                        "json",
                    ])
                    .env("PIJAT_DATA_DIR", dir.path())
                    .output()
                    .unwrap();
                assert!(out.status.success());
                t.elapsed()
            })
            .collect();
        println!(
            "  the same with the real binary (`pijat report`, process included): median {:?}",
            median(times)
        );
    }

    // 100 laptops' bundles of 30 participants each.
    let bundles = tempfile::tempdir().unwrap();
    let mut files = Vec::new();
    for b in 0..100 {
        let src = tempfile::tempdir().unwrap();
        let store = pijat_app::Records::open(src.path()).unwrap();
        let path = store.path().to_path_buf();
        drop(store);
        {
            let mut conn = Connection::open(&path).unwrap();
            let tx = conn.transaction().unwrap();
            let cid = format!("class-{b}");
            tx.execute(
                "INSERT INTO class (id, name, name_key, created) VALUES (?1, ?2, ?3, '2026-11-01T00:00:00.000Z')",
                params![cid, format!("Kelas {b}"), format!("kelas {b}")],
            )
            .unwrap();
            for i in 0..30 {
                let pid = format!("b{b}-p{i}");
                tx.execute(
                    "INSERT INTO profile (id, name, name_key, role, created, last_used) VALUES (?1, ?2, ?3, 'cadre', '2026-11-01T00:00:00.000Z', '2026-11-01T00:00:00.000Z')",
                    params![pid, format!("Orang {b}-{i}"), format!("orang {b}-{i}")],
                )
                .unwrap();
                tx.execute(
                    "INSERT INTO class_member (class_id, profile_id, added) VALUES (?1, ?2, 'x')",
                    params![cid, pid],
                )
                .unwrap();
                for phase in ["pre", "post"] {
                    let aid = format!("{pid}-{phase}");
                    tx.execute(
                        "INSERT INTO attempt (id, profile_id, class_id, quiz_id, phase, seed, shuffle, question_count,
                         content_version, app_version, mode, started, finished, right_count)
                         VALUES (?1, ?2, ?3, 'knowledge', ?4, 1, 0, ?5, 'v', 'v', 'sheet', '2026-11-01T00:00:00.000Z', '2026-11-01T00:00:00.000Z', ?6)",
                        params![aid, pid, cid, phase, ids.len() as i64, right_true],
                    )
                    .unwrap();
                    for (q, qid) in ids.iter().enumerate() {
                        tx.execute(
                            "INSERT INTO answer VALUES (?1, ?2, ?3, 'true', ?4, '2026-11-01T00:00:00.000Z')",
                            params![aid, qid, q as i64, keys[q]],
                        )
                        .unwrap();
                    }
                }
            }
            tx.commit().unwrap();
        }
        let store = pijat_app::Records::open(src.path()).unwrap();
        let file = bundles.path().join(format!("laptop-{b:03}.json"));
        pijat_app::bundles::export_to(&store, &file, None, false, "v").unwrap();
        files.push(file);
    }
    let times: Vec<Duration> = (0..3)
        .map(|_| {
            let target = tempfile::tempdir().unwrap();
            let mut store = pijat_app::Records::open(target.path()).unwrap();
            let t = Instant::now();
            let m = import_from(&mut store, &content, &files, "en").unwrap();
            let d = t.elapsed();
            assert_eq!(m.profiles_new, 3000);
            assert_eq!(m.attempts_new, 6000);
            d
        })
        .collect();
    println!(
        "import of 100 bundles x 30 participants (read, check, merge in one transaction): median {:?}",
        median(times)
    );
}
