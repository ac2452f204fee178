//! The puskesmas recap at scale: 10,000 participants over 200 classes at 20 posyandu across 12
//! months (pre-test, post-test, an observation of every step and a home visit with its feeding
//! recall each), gathered from the data file and built (target ≤ 2 s), then written as text,
//! xlsx and docx. Beside it, for scale, the report of everyone (the same 10,000 people as one class).
//!
//! `cargo bench --bench recap`

use std::time::{Duration, Instant};

#[path = "common/seed.rs"]
mod seed;

use pijat_app::recap::recap_input;
use pijat_app::report_data::report_input;
use pijat_content::{Lang, load_with};
use pijat_engine::report::recap::recap;
use pijat_engine::report::render::{self, TextFormat};
use pijat_store::Store;
use rusqlite::{Connection, params};

fn median(mut xs: Vec<Duration>) -> Duration {
    xs.sort();
    xs[xs.len() / 2]
}

const CLASSES: usize = 200;
const EACH: usize = 50;

/// 200 classes of 50, every row written in one transaction.
fn seed(dir: &std::path::Path, questions: &[String], steps: &[String]) {
    let store = Store::open(dir).unwrap();
    let path = store.path().to_path_buf();
    drop(store);
    let mut conn = Connection::open(path).unwrap();
    let tx = conn.transaction().unwrap();
    let recall = ["yes", "no", "no", "no", "no", "no", "no"];
    for c in 0..CLASSES {
        let cid = format!("c{c:03}");
        let month = 1 + c % 12;
        tx.execute(
            "INSERT INTO class (id, name, name_key, place, starts, ends, created) VALUES (?1, ?2, ?3, ?4, ?5, ?5, 'x')",
            params![cid, format!("Kelas {c:03}"), format!("kelas {c:03}"), format!("Posyandu {:02}", c % 20), format!("2026-{month:02}-10")],
        )
        .unwrap();
        for k in 0..EACH {
            let i = c * EACH + k;
            let pid = format!("p{i:05}");
            let role = if k % 10 == 0 { "cadre" } else { "father" };
            let born = format!("2026-{month:02}-01");
            seed::participant(&tx, (&pid, i, role), &cid, questions, Some(&born));
            let day = format!("2026-{month:02}-12");
            seed::observation(&tx, (&pid, i), &cid, &day, steps);
            let water = if i.is_multiple_of(3) {
                "yes"
            } else {
                recall[1]
            };
            tx.execute(
                "INSERT INTO visit (id, profile_id, class_id, visited_on, milk_flow, comfort, mode, created,
                 fed_breast_milk, fed_water, fed_formula, fed_other_milk, fed_drinks, fed_food, fed_medicine,
                 danger_mother, danger_baby, referred_to)
                 VALUES (?1, ?2, ?3, ?4, 'yes', 4, 'sheet', 'x', ?5, ?6, ?7, ?8, ?9, ?10, ?11, 0, ?12, ?13)",
                params![
                    format!("{pid}-visit"), pid, cid, format!("2026-{month:02}-20"),
                    recall[0], water, recall[2], recall[3], recall[4], recall[5], recall[6],
                    i.is_multiple_of(17), i.is_multiple_of(34).then_some("Puskesmas")
                ],
            )
            .unwrap();
        }
    }
    tx.commit().unwrap();
}

fn time<T>(runs: usize, mut f: impl FnMut() -> T) -> (Duration, T) {
    let mut last = None;
    let times = (0..runs)
        .map(|_| {
            let t = Instant::now();
            last = Some(f());
            t.elapsed()
        })
        .collect();
    (median(times), last.unwrap())
}

fn main() {
    if !std::env::args().any(|a| a == "--bench") {
        return;
    }
    let content = load_with(None).content.unwrap();
    let quiz = content.quiz("knowledge").unwrap();
    let ids: Vec<String> = quiz.questions.iter().map(|q| q.id.clone()).collect();
    let routine = content.routine("oxytocin-massage").unwrap();
    let steps: Vec<String> = routine.steps.iter().map(|s| s.id.clone()).collect();
    let lang = Lang::id();
    let dir = tempfile::tempdir().unwrap();
    seed(dir.path(), &ids, &steps);
    let records = pijat_app::Records::open(dir.path()).unwrap();

    let (gather, r) = time(5, || {
        let input = recap_input(&records, quiz, Some(routine), &lang, None, None).unwrap();
        recap(&input)
    });
    assert_eq!(r.total.participants, CLASSES * EACH);
    assert_eq!(r.total.visits, CLASSES * EACH);
    println!(
        "recap of {} participants in {CLASSES} classes ({} rows): gathered and built in {:.0} ms (target ≤ 2000 ms)",
        r.total.participants,
        r.rows.len(),
        gather.as_secs_f64() * 1000.0
    );
    let fonts: pijat_engine::report::png::Fonts = std::sync::Arc::new({
        let mut db = resvg::usvg::fontdb::Database::new();
        db.load_system_fonts();
        db
    });
    let (text, _) = time(5, || render::recap_text(&r, &lang, TextFormat::Text));
    let (xlsx, _) = time(5, || render::recap_xlsx(&r, &lang).unwrap());
    let (docx, _) = time(5, || {
        render::recap_docx(&r, &lang, &fonts, "2026-12-07T00:00:00Z").unwrap()
    });
    println!(
        "  written: text {:.1} ms, xlsx {:.1} ms, docx {:.1} ms",
        text.as_secs_f64() * 1000.0,
        xlsx.as_secs_f64() * 1000.0,
        docx.as_secs_f64() * 1000.0
    );
    let (class, _) = time(5, || {
        report_input(&records, quiz, None, false, &lang, Some(routine)).unwrap()
    });
    println!(
        "  beside it: the report data of all 10,000 as one class gathered in {:.0} ms (the recap takes {:.2}× that)",
        class.as_secs_f64() * 1000.0,
        gather.as_secs_f64() / class.as_secs_f64()
    );
}
