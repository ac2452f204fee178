//! Every way a result is made on one laptop — the app, a group test going round the laptop, plain
//! mode, a paper sheet, a phone, an observation and a visit in the app and from paper — is
//! exported, imported on a second laptop with a trainer PIN, and gives there the same report.

mod common;

use std::path::Path;

use common::app::{key, keys, open_app, sign_in, trainer, typed};
use common::classroom::{joined, n_of, position, serve};
use common::cli::{both, run, text};
use crossterm::event::KeyCode::{Char, Enter, Esc, Left, Right, Tab};
use pijat_content::{Lang, Phase};
use pijat_store::Store;
use pijat_tui::screens::Screen;

const CLASS: &str = "Posyandu Melati";
const NAMES: [&str; 5] = ["Adi", "Bayu", "Cahyo", "Dedi", "Eko"];

fn ok(dir: &Path, args: &[&str], input: &str) -> String {
    let o = run(dir, args, input);
    assert!(o.status.success(), "{args:?}: {}", both(&o));
    text(&o.stdout)
}

fn import_sheet(dir: &Path, name: &str, csv: &str, args: &[&str]) {
    let f = dir.join(name);
    std::fs::write(&f, csv).unwrap();
    let mut all = vec!["sheets", "import", f.to_str().unwrap(), "--class", CLASS];
    all.extend_from_slice(args);
    ok(dir, &all, "");
}

/// How many records of each mode a laptop holds: (table, mode, count).
fn modes(dir: &Path) -> Vec<(String, String, i64)> {
    let conn = rusqlite::Connection::open(dir.join("pijat.db")).unwrap();
    let mut st = conn
        .prepare(
            "SELECT 'attempt', mode, count(*) FROM attempt GROUP BY mode
             UNION ALL SELECT 'observation', mode, count(*) FROM observation GROUP BY mode
             UNION ALL SELECT 'visit', mode, count(*) FROM visit GROUP BY mode
             ORDER BY 1, 2",
        )
        .unwrap();
    st.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap()
}

/// Laptop A: a class of five made in trainer mode, and a result of every kind.
fn laptop_a(dir: &Path) {
    let mut a = trainer(dir);
    // The class, with its trainer (the observer of the observation below).
    key(&mut a, Enter);
    typed(&mut a, CLASS);
    keys(&mut a, &[Tab, Tab, Tab, Tab]);
    typed(&mut a, "Bidan Ratna");
    key(&mut a, Enter);
    for name in NAMES {
        key(&mut a, Char('a'));
        typed(&mut a, name);
        key(&mut a, Enter);
    }
    // A group test going round the laptop: Adi (first on the roster) answers every statement.
    keys(&mut a, &[Char('t'), Enter]);
    assert!(matches!(a.top(), Screen::HotSeat(_)));
    key(&mut a, Enter);
    let n = common::app::prepost_len();
    common::app::answer_n(&mut a, n, 't');
    assert!(matches!(a.top(), Screen::HandBack(_)));
    key(&mut a, Enter);
    key(&mut a, Esc);
    typed(&mut a, "2468");
    key(&mut a, Enter);
    assert!(matches!(a.top(), Screen::Class(_)));
    // An observation and a home visit in the app, of the participant selected.
    key(&mut a, Char('o'));
    key(&mut a, Enter);
    for _ in 0..14 {
        key(&mut a, Char('2'));
    }
    key(&mut a, Enter);
    key(&mut a, Enter);
    assert!(matches!(a.top(), Screen::Class(_)));
    key(&mut a, Char('v'));
    keys(&mut a, &[Tab, Right, Tab, Left, Left, Tab]);
    typed(&mut a, "2");
    key(&mut a, Tab);
    common::app::answer_the_outcome(&mut a);
    key(&mut a, Enter);
    assert!(
        a.toast.as_deref().is_some_and(|t| t.contains("is saved")),
        "{:?}\n{}",
        a.toast,
        common::app::render(&a, 80, 24)
    );
    drop(a);

    // Bayu takes the pre-test in the app on his own.
    let mut b = open_app(dir, Some(Lang::en()));
    sign_in(&mut b, "Bayu");
    key(&mut b, Enter);
    assert!(matches!(b.top(), Screen::Quiz(_)));
    common::app::answer_n(&mut b, n, 'f');
    drop(b);

    // Cahyo in plain mode; Dedi on paper.
    ok(
        dir,
        &["quiz", "--plain", "--profile", "Cahyo", "--phase", "pre"],
        // A statement answered b (true); b is also an option's letter in single-choice items.
        &"b\n".repeat(n),
    );
    let k = common::app::key_row();
    import_sheet(
        dir,
        "pre.csv",
        &format!("nama,peran,jawaban\nDedi,ayah,{k}\n"),
        &["--phase", "pre"],
    );
    // A checklist and a visit of Cahyo from paper.
    import_sheet(
        dir,
        "obs.csv",
        &format!(
            "nama,pengamat,tanggal,nilai\nCahyo,Bu Rina,2026-11-28,{}\n",
            "21222222222222"
        ),
        &["--checklist", "oxytocin-massage"],
    );
    import_sheet(
        dir,
        "visits.csv",
        "nama,tanggal,asi_lancar,nyaman,pijat_per_hari,catatan\nCahyo,2026-12-01,ragu,3,1,\n",
        &["--visits"],
    );

    // Eko takes the pre-test on his phone; then the whole class takes the post-test on phones.
    let mut s = serve(dir, CLASS, Phase::Pre, false);
    answer_on_phone(&s, "Eko", "b");
    s.stop();
    let mut s = serve(dir, CLASS, Phase::Post, false);
    for name in NAMES {
        answer_on_phone(&s, name, "b");
    }
    s.stop();
}

fn answer_on_phone(s: &common::classroom::Served, name: &str, answer: &str) {
    let p = joined(s, n_of(s, name));
    let mut r = p.state();
    while r.json()["step"] == "question" {
        let a = common::classroom::token(&r, answer);
        r = p.answer(position(&r), &a);
        assert_eq!(r.status, 200, "{r:?}");
    }
}

#[test]
fn every_way_a_result_is_made_merges_into_the_same_report_on_another_laptop() {
    let a = tempfile::tempdir().unwrap();
    laptop_a(a.path());
    let made = modes(a.path());
    let want = [
        ("attempt", "app", 2),
        ("attempt", "phone", 6),
        ("attempt", "plain", 1),
        ("attempt", "sheet", 1),
        ("observation", "app", 1),
        ("observation", "sheet", 1),
        ("visit", "app", 1),
        ("visit", "sheet", 1),
    ]
    .map(|(t, m, n)| (t.to_string(), m.to_string(), n));
    assert_eq!(made, want, "every way a result is made");

    let bundle = a.path().join("kelas.pijat");
    ok(
        a.path(),
        &["export", bundle.to_str().unwrap(), "--lang", "en"],
        "",
    );
    let b = tempfile::tempdir().unwrap();
    Store::open(b.path()).unwrap().set_pin("1357").unwrap();
    let said = ok(
        b.path(),
        &["import", bundle.to_str().unwrap(), "--lang", "en"],
        "",
    );
    assert!(said.contains("5 new trainees"), "{said}");
    assert_eq!(modes(b.path()), made, "every record arrived, with its mode");

    for format in ["json", "md", "csv"] {
        let args = [
            "report", "--class", CLASS, "--format", format, "--items", "--lang", "en",
        ];
        let here = ok(a.path(), &args, "");
        let there = ok(b.path(), &args, "");
        assert_eq!(
            here, there,
            "the {format} report differs after the round trip"
        );
    }
    let json: serde_json::Value = serde_json::from_str(&ok(
        b.path(),
        &["report", "--class", CLASS, "--format", "json"],
        "",
    ))
    .unwrap();
    assert_eq!(json["summary"]["n_paired"], 5, "{json}");
    // The history, past its first line (which names each laptop's own data file).
    let history = |dir: &Path| {
        let h = ok(dir, &["history", "--lang", "en"], "");
        h.lines().skip(1).collect::<Vec<_>>().join("\n")
    };
    assert_eq!(history(a.path()), history(b.path()));
}
