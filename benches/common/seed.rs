//! Rows written straight into a data file for the benchmarks at scale: a participant with a
//! finished pre-test and post-test, and a finished observation of every step.

use rusqlite::{Transaction, params};

/// Participant `i` (`pid`, a father or `role`) on the roster of `class`, with a pre-test and
/// post-test of `questions` (about 30 % and 70 % right) and the baby's date of birth `born`.
pub fn participant(
    tx: &Transaction,
    (pid, i, role): (&str, usize, &str),
    class: &str,
    questions: &[String],
    born: Option<&str>,
) {
    tx.execute(
        "INSERT INTO profile (id, name, name_key, role, created, last_used, baby_born) VALUES (?1, ?2, ?3, ?4, 'x', 'x', ?5)",
        params![pid, format!("Peserta {i:05}"), format!("peserta {i:05}"), role, born],
    )
    .unwrap();
    tx.execute(
        "INSERT INTO class_member (class_id, profile_id, added) VALUES (?1, ?2, 'x')",
        params![class, pid],
    )
    .unwrap();
    for (phase, bias, day) in [("pre", 3, 1), ("post", 7, 2)] {
        let aid = format!("{pid}-{phase}");
        tx.execute(
            "INSERT INTO attempt (id, profile_id, class_id, quiz_id, phase, seed, shuffle, question_count,
             content_version, app_version, mode, started, finished, right_count)
             VALUES (?1, ?2, ?3, 'knowledge', ?4, 1, 0, 10, 'v', 'v', 'sheet', ?5, ?5, 0)",
            params![aid, pid, class, phase, format!("2026-01-0{day}T00:00:00.000Z")],
        )
        .unwrap();
        for (q, qid) in questions.iter().enumerate() {
            tx.execute(
                "INSERT INTO answer VALUES (?1, ?2, ?3, 'true', ?4, 'x')",
                params![aid, qid, q as i64, (i * 7 + q * 3) % 10 < bias],
            )
            .unwrap();
        }
    }
}

/// A finished observation of participant `i` on `day`, every one of `steps` marked.
pub fn observation(
    tx: &Transaction,
    (pid, i): (&str, usize),
    class: &str,
    day: &str,
    steps: &[String],
) {
    let oid = format!("{pid}-obs");
    tx.execute(
        "INSERT INTO observation (id, profile_id, class_id, routine_id, observer, observed_on, mode, created, finished)
         VALUES (?1, ?2, ?3, 'oxytocin-massage', 'Kader', ?4, 'sheet', 'x', 'x')",
        params![oid, pid, class, day],
    )
    .unwrap();
    for (k, step) in steps.iter().enumerate() {
        tx.execute(
            "INSERT INTO observation_mark (observation_id, step_id, position, mark) VALUES (?1, ?2, ?3, ?4)",
            params![oid, step, k as i64, ((i + k) % 3) as i64],
        )
        .unwrap();
    }
}
