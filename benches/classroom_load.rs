//! The phone classroom under a full hall: 50 phones join at once and answer 10 questions each,
//! with random reconnects (a reload, a reply lost on the way and the answer sent again).
//! Checks that no answer is lost or doubled, and reports the answer latency (p50, p99; target
//! p99 ≤ 50 ms on 2 cores) and the server's CPU time and peak memory (the real `pijat
//! classroom` process, read from /proc).
//!
//! `cargo bench --bench classroom_load`

#[path = "../tests/common/headless.rs"]
mod headless;
#[path = "../tests/common/http.rs"]
#[allow(dead_code)]
mod http;

use std::sync::{Arc, Barrier};
use std::time::{Duration, Instant};

use http::Phone;
use pijat_core::Role;
use rand::{Rng, RngExt, SeedableRng};

const PHONES: usize = 50;
const CLASS: &str = "Aula Posyandu";

fn proc_field(pid: u32, file: &str, key: &str) -> Option<u64> {
    let text = std::fs::read_to_string(format!("/proc/{pid}/{file}")).ok()?;
    text.lines()
        .find_map(|l| l.strip_prefix(key))
        .and_then(|v| v.split_whitespace().next()?.parse().ok())
}

/// User + system CPU seconds of a process so far.
fn cpu_seconds(pid: u32) -> Option<f64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let after = stat.rsplit_once(')')?.1;
    let f: Vec<&str> = after.split_whitespace().collect();
    let ticks: u64 = f.get(11)?.parse::<u64>().ok()? + f.get(12)?.parse::<u64>().ok()?;
    Some(ticks as f64 / 100.0)
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    {
        let store = pijat_store::Store::open(dir.path()).unwrap();
        let c = store.ensure_class(CLASS).unwrap();
        for i in 0..PHONES {
            let p = store
                .create_profile(&format!("Ayah {i:02}"), Role::Father)
                .unwrap();
            store.add_member(&c.id, &p.id).unwrap();
        }
    }
    let mut h = headless::start(
        dir.path(),
        &[
            "--class",
            CLASS,
            "--phase",
            "pre",
            "--listen",
            "127.0.0.1:0",
        ],
    );
    let (pid, addr, code) = (h.child.id(), h.addrs[0], h.code.clone());
    let cpu_before = cpu_seconds(pid).unwrap_or(0.0);

    let start = Arc::new(Barrier::new(PHONES));
    let began = Instant::now();
    let handles: Vec<_> = (0..PHONES)
        .map(|i| {
            let (start, code) = (start.clone(), code.clone());
            std::thread::spawn(move || phone(i, addr, &code, &start))
        })
        .collect();
    let mut latencies = Vec::new();
    let mut intended = Vec::new();
    let (mut reloads, mut resent) = (0, 0);
    for h in handles {
        let r = h.join().unwrap();
        latencies.extend(r.latencies);
        intended.push(r.answers);
        reloads += r.reloads;
        resent += r.resent;
    }
    let wall = began.elapsed();
    let cpu = cpu_seconds(pid).unwrap_or(0.0) - cpu_before;
    let peak_kb = proc_field(pid, "status", "VmHWM:").unwrap_or(0);
    drop(h.child.stdin.take());
    let _ = h.child.wait();
    // Kept until here, so the event lines were read all along and the server never blocked.
    let events = h.lines.try_iter().count();

    // What the data file holds: each phone's 10 answers, as first given, none twice.
    let store = pijat_store::Store::open(dir.path()).unwrap();
    let (mut lost, mut doubled, mut differ) = (0, 0, 0);
    for (i, want) in intended.iter().enumerate() {
        let p = store
            .profile_by_name(&format!("Ayah {i:02}"))
            .unwrap()
            .unwrap();
        let attempts = store.attempts_of(&p.id).unwrap();
        doubled += attempts.len().saturating_sub(1);
        let got: Vec<String> = attempts
            .first()
            .map(|a| {
                store
                    .answers(&a.id)
                    .unwrap()
                    .into_iter()
                    .map(|r| r.response)
                    .collect()
            })
            .unwrap_or_default();
        lost += want.len().saturating_sub(got.len());
        doubled += got.len().saturating_sub(want.len());
        differ += got.iter().zip(want).filter(|(g, w)| g != w).count();
    }
    latencies.sort();
    let pct = |p: f64| latencies[((latencies.len() as f64 * p) as usize).min(latencies.len() - 1)];
    println!(
        "classroom_load: {PHONES} phones × 10 answers in {:.2} s ({reloads} reloads, {resent} answers sent twice)",
        wall.as_secs_f64()
    );
    println!(
        "  answers: {} timed, lost {lost}, doubled {doubled}, differing {differ}; {events} event lines",
        latencies.len()
    );
    println!(
        "  latency: p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms",
        ms(pct(0.50)),
        ms(pct(0.99)),
        ms(pct(1.0))
    );
    println!(
        "  server: CPU {cpu:.2} s ({:.0}% of one core over the run), peak memory {:.1} MB",
        100.0 * cpu / wall.as_secs_f64(),
        peak_kb as f64 / 1024.0
    );
    assert_eq!(
        (lost, doubled, differ),
        (0, 0, 0),
        "every answer saved once, as given"
    );
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

struct Run {
    latencies: Vec<Duration>,
    answers: Vec<String>,
    reloads: usize,
    resent: usize,
}

fn phone(i: usize, addr: std::net::SocketAddr, code: &str, start: &Barrier) -> Run {
    let mut rng = rand::rngs::ChaCha8Rng::seed_from_u64(i as u64);
    start.wait();
    let p = Phone::open(addr);
    assert_eq!(p.code(code).status, 200);
    let roster = p.state().json();
    let n = roster["roster"]
        .as_array()
        .unwrap()
        .iter()
        .position(|e| e["name"] == format!("Ayah {i:02}"))
        .unwrap();
    let mut state = p.join(n).json();
    let mut run = Run {
        latencies: Vec::new(),
        answers: Vec::new(),
        reloads: 0,
        resent: 0,
    };
    while state["step"] == "question" {
        if rng.random_bool(0.2) {
            // A reload: the page again, then where he stands.
            run.reloads += 1;
            assert_eq!(p.get("/").status, 200);
            state = p.state().json();
        }
        let position = state["question"]["position"].as_u64().unwrap();
        let answer = if rng.next_u32() % 2 == 0 { "b" } else { "s" };
        let t = Instant::now();
        let r = p.answer(position, answer);
        run.latencies.push(t.elapsed());
        assert_eq!(r.status, 200, "{r:?}");
        run.answers
            .push(if answer == "b" { "true" } else { "false" }.to_string());
        state = r.json();
        if rng.random_bool(0.15) {
            // The reply was lost on the way: the page sends the same answer again.
            run.resent += 1;
            let again = p.answer(position, answer);
            assert_eq!(again.status, 200, "{again:?}");
            state = again.json();
        }
    }
    assert_eq!(state["step"], "done", "{state}");
    run
}
