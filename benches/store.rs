//! Store benchmarks, with percentiles (divan and criterion report no p99):
//! - saving one answer durably (WAL, synchronous = FULL), beside a bare SQLite
//!   insert-and-commit with the same settings; target: median ≤ 2× the bare insert;
//! - loading the history of a profile with 10,000 attempts; target ≤ 50 ms.
//!
//! Run with `cargo bench --bench store`.

use std::time::{Duration, Instant};

use pijat_content::Phase;
use pijat_store::{NewAttempt, Role, Store};
use rusqlite::{Connection, params};

const SAMPLES: usize = 2000;

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i]
}

fn report(name: &str, mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    let median = percentile(&samples, 0.5);
    println!(
        "{name:<40} median {:>9.3} ms   p99 {:>9.3} ms   ({} samples)",
        median.as_secs_f64() * 1e3,
        percentile(&samples, 0.99).as_secs_f64() * 1e3,
        samples.len()
    );
    median
}

fn save_answer() -> Duration {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let p = store.create_profile("Bench", Role::Father).unwrap();
    let a = store
        .start_attempt(&NewAttempt {
            profile_id: &p.id,
            class_id: None,
            quiz_id: "knowledge",
            phase: Phase::Practice,
            seed: 1,
            shuffle: true,
            question_count: SAMPLES as u32,
            content_version: "bench",
            mode: pijat_core::Mode::App,
        })
        .unwrap();
    let samples = (0..SAMPLES)
        .map(|i| {
            let q = format!("q{i}");
            let t = Instant::now();
            store
                .save_answer(&a.id, &q, i as u32, "true", true)
                .unwrap();
            t.elapsed()
        })
        .collect();
    report("store.save_answer (durable)", samples)
}

fn bare_insert() -> Duration {
    let dir = tempfile::tempdir().unwrap();
    let conn = Connection::open(dir.path().join("bare.db")).unwrap();
    conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get::<_, String>(0))
        .unwrap();
    conn.pragma_update(None, "synchronous", "FULL").unwrap();
    conn.execute_batch(
        "CREATE TABLE answer (attempt_id TEXT, question_id TEXT, position INTEGER, response TEXT,
         correct INTEGER, answered TEXT, PRIMARY KEY (attempt_id, question_id));",
    )
    .unwrap();
    let mut st = conn
        .prepare("INSERT INTO answer VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
        .unwrap();
    let samples = (0..SAMPLES)
        .map(|i| {
            let q = format!("q{i}");
            let t = Instant::now();
            st.execute(params![
                "a",
                q,
                i as i64,
                "true",
                true,
                "2026-01-01T00:00:00.000Z"
            ])
            .unwrap();
            t.elapsed()
        })
        .collect();
    report("bare SQLite insert + commit (same pragmas)", samples)
}

fn history_10k() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let p = store.create_profile("Busy", Role::Cadre).unwrap();
    // Filled in one transaction: 10,000 fsyncs would only measure the disk.
    {
        let mut conn = Connection::open(store.path()).unwrap();
        let tx = conn.transaction().unwrap();
        for i in 0..10_000 {
            let id = format!("attempt-{i:05}");
            let phase = ["pre", "post", "practice"][i % 3];
            tx.execute(
                "INSERT INTO attempt (id, profile_id, quiz_id, phase, seed, shuffle, question_count,
                 content_version, app_version, mode, started, finished, right_count)
                 VALUES (?1, ?2, ?3, ?4, 1, 1, 10, 'v', 'v', 'bench', ?5, ?5, 7)",
                params![id, p.id, format!("quiz-{}", i % 7), phase, format!("2026-01-01T00:00:{:02}.{:03}Z", i % 60, i % 1000)],
            )
            .unwrap();
            for q in 0..10 {
                tx.execute(
                    "INSERT INTO answer VALUES (?1, ?2, ?3, 'true', 1, '2026-01-01T00:00:00.000Z')",
                    params![id, format!("q{q}"), q],
                )
                .unwrap();
            }
        }
        tx.commit().unwrap();
    }
    let samples = (0..30)
        .map(|_| {
            let t = Instant::now();
            let attempts = store.attempts_of(&p.id).unwrap();
            assert_eq!(attempts.len(), 10_000);
            for q in 0..7 {
                pijat_app::progress::prepost_from(&attempts, &format!("quiz-{q}"));
            }
            t.elapsed()
        })
        .collect();
    report("history of a profile with 10,000 attempts", samples);
}

fn main() {
    // `cargo test` runs benches with --bench absent: keep that quick.
    if !std::env::args().any(|a| a == "--bench") {
        return;
    }
    let bare = bare_insert();
    let store = save_answer();
    println!(
        "save_answer / bare insert (medians): {:.2}×",
        store.as_secs_f64() / bare.as_secs_f64()
    );
    history_10k();
}
