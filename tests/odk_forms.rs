//! The cadres' phone forms as ODK Collect uses them, over a socket on loopback: the form list,
//! each form's download, the Digest challenge, `HEAD` and the multipart submission, a resend,
//! and what was saved. ODK Validate (JavaRosa, the engine inside Collect) must accept every
//! served form, and pyxform must convert the XLSForm: both are required under CI.

#[path = "odk_forms/attack.rs"]
mod attack;
mod common;
#[path = "odk_forms/export.rs"]
mod export;
#[path = "odk_forms/validate.rs"]
mod validate;

use common::classroom::class_with;
use common::collect::{FormServer, filled};
use pijat_app::forms::FormDesk;
use pijat_engine::odk::Kind;

pub const CLASS: &str = "Posyandu Melati";

/// The roster id a form offers for `name`.
pub fn id_of(desk: &FormDesk, name: &str) -> String {
    let form = &desk.forms()[0].form;
    let (_, q) = form.questions().next().unwrap();
    let Kind::Select(_, choices) = &q.kind else {
        panic!("the first question picks the participant")
    };
    choices
        .iter()
        .find(|c| c.label.id == name)
        .unwrap()
        .value
        .clone()
}

/// A visit's answers, every field of the form.
pub fn visit_answers(family: &str, date: &str) -> Vec<(&'static str, String)> {
    let mut a: Vec<(&str, String)> = vec![
        ("family", family.into()),
        ("date", date.into()),
        ("milk_flow", "yes".into()),
        ("comfort", "4".into()),
        ("massages_per_day", "2".into()),
        ("fed_breast_milk", "yes".into()),
        ("danger_mother", "no".into()),
        ("danger_baby", "yes".into()),
        ("referred_to", "Puskesmas Sukamaju".into()),
        ("notes", "Ibu &amp; bayi tenang".into()),
    ];
    for f in [
        "fed_water",
        "fed_formula",
        "fed_other_milk",
        "fed_drinks",
        "fed_food",
        "fed_medicine",
    ] {
        a.push((f, "no".into()));
    }
    a
}

pub fn borrowed<'a>(a: &'a [(&'static str, String)]) -> Vec<(&'a str, &'a str)> {
    a.iter().map(|(k, v)| (*k, v.as_str())).collect()
}

pub fn visits_of(dir: &std::path::Path, name: &str) -> Vec<pijat_store::VisitRecord> {
    let store = pijat_store::Store::open(dir).unwrap();
    let p = store.profile_by_name(name).unwrap().unwrap();
    store.visits_of(&p.id).unwrap()
}

#[test]
fn collect_lists_downloads_and_sends_a_visit_and_a_resend_is_saved_once() {
    let dir = tempfile::tempdir().unwrap();
    class_with(dir.path(), CLASS, &["Budi", "Agus"]);
    let s = FormServer::start(dir.path(), CLASS);
    let mut phone = s.phone();

    let first = phone.send_once("GET", "/formList", &[], b"");
    assert_eq!(first.status, 401, "credentials first: {first:?}");
    let challenge = first.header("www-authenticate").unwrap();
    assert!(
        challenge.starts_with("Digest ") && challenge.contains("qop=\"auth\""),
        "{challenge}"
    );
    assert_eq!(first.header("x-openrosa-version"), Some("1.0"));

    let list = phone.get("/formList");
    assert_eq!(list.status, 200, "{list:?}");
    assert_eq!(list.header("x-openrosa-version"), Some("1.0"));
    assert!(list.header("date").is_some());
    assert!(
        list.body
            .contains("<xforms xmlns=\"http://openrosa.org/xforms/xformsList\">")
    );
    for served in s.desk.forms() {
        let f = &served.form;
        assert!(
            list.body.contains(&format!("<formID>{}</formID>", f.id)),
            "{}",
            list.body
        );
        assert!(
            list.body
                .contains(&format!("<version>{}</version>", f.version))
        );
        let url = format!(
            "<downloadUrl>http://{}/forms/{}.xml</downloadUrl>",
            s.addr, f.id
        );
        assert!(list.body.contains(&url), "{}", list.body);
        let got = phone.get(&format!("/forms/{}.xml", f.id));
        assert_eq!(got.status, 200);
        let md5: String = <md5::Md5 as md5::Digest>::digest(got.body.as_bytes())
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        assert!(
            list.body.contains(&format!("<hash>md5:{md5}</hash>")),
            "the list's hash is the file's"
        );
        assert!(got.body.contains("<translation lang=\"English (en)\">"));
    }
    assert_eq!(
        list.body.matches("<xform>").count(),
        2,
        "a daftar tilik and the visit form"
    );

    let visit = s.desk.form("pijat_visit").unwrap().xml.clone();
    let budi = id_of(&s.desk, "Budi");
    let answers = visit_answers(&budi, "2026-12-01");
    let xml = filled(
        &visit,
        &borrowed(&answers),
        "8b1c3e52-7d1f-4c55-9e0a-2f6b1d9c4a77",
    );
    let sent = phone.submit(&xml);
    assert_eq!(sent.status, 201, "{sent:?}");
    assert!(
        sent.body
            .contains("<OpenRosaResponse xmlns=\"http://openrosa.org/http/response\">")
    );
    assert!(
        sent.body.contains("Tersimpan: kunjungan ke Budi"),
        "{}",
        sent.body
    );
    assert!(sent.header("x-openrosa-accept-content-length").is_some());

    let again = phone.submit(&xml);
    assert_eq!(
        again.status, 201,
        "a resend is answered as received: {again:?}"
    );
    assert!(
        again.body.contains("tidak disimpan dua kali"),
        "{}",
        again.body
    );

    let v = visits_of(dir.path(), "Budi");
    assert_eq!(v.len(), 1, "saved once");
    let v = &v[0];
    assert_eq!(
        v.id, "8b1c3e52-7d1f-4c55-9e0a-2f6b1d9c4a77",
        "the record's id is the instance id"
    );
    assert_eq!(v.mode, pijat_core::Mode::Phone);
    assert_eq!(v.visited_on, "2026-12-01");
    let f = &v.findings;
    assert_eq!(
        (f.milk_flow, f.comfort, f.massages_per_day),
        (pijat_core::MilkFlow::Yes, 4, Some(2))
    );
    assert_eq!(f.notes.as_deref(), Some("Ibu & bayi tenang"));
    assert_eq!(
        f.recall.unwrap().exclusive(),
        Some(true),
        "breast milk only: {:?}",
        f.recall
    );
    let d = f.danger.as_ref().unwrap();
    assert!(!d.mother && d.baby);
    assert_eq!(d.referred_to.as_deref(), Some("Puskesmas Sukamaju"));
    assert!(visits_of(dir.path(), "Agus").is_empty());

    let lines: Vec<String> = s
        .desk
        .arrivals
        .since(0)
        .iter()
        .map(|a| a.line("en"))
        .collect();
    assert_eq!(
        lines,
        [
            "SAVED visit 2026-12-01 Budi",
            "RESENT visit 2026-12-01 Budi"
        ]
    );
}

#[test]
fn a_daftar_tilik_from_a_phone_keeps_each_mark_note_and_the_seconds_seen() {
    let dir = tempfile::tempdir().unwrap();
    class_with(dir.path(), CLASS, &["Budi"]);
    let s = FormServer::start(dir.path(), CLASS);
    let content = common::app::content();
    let routine = pijat_app::monitoring::main_routine(content).unwrap();
    let served = s.desk.form(&format!("pijat_tilik_{}", routine.id)).unwrap();
    let budi = id_of(&s.desk, "Budi");
    let mut answers: Vec<(String, String)> = vec![
        ("participant".into(), budi.clone()),
        ("observer".into(), "Bu Sari".into()),
        ("date".into(), "2026-12-02".into()),
    ];
    for (i, step) in routine.steps.iter().enumerate() {
        let mark = ["2", "1", "0", "na"][i % 4];
        answers.push((format!("mark_{}", step.id), mark.into()));
        if step.seconds.is_some() && (mark == "2" || mark == "1") {
            answers.push((format!("seconds_{}", step.id), "95".into()));
        }
        if i == 0 {
            answers.push((format!("note_{}", step.id), "tekanan terlalu keras".into()));
        }
    }
    let pairs: Vec<(&str, &str)> = answers
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let xml = filled(&served.xml, &pairs, "d2a6f1e0-3b4c-4d5e-8f90-a1b2c3d4e5f6");
    let r = s.phone().submit(&xml);
    assert_eq!(r.status, 201, "{r:?}");
    assert!(r.body.contains("Tersimpan: pengamatan Budi"), "{}", r.body);

    let store = pijat_store::Store::open(dir.path()).unwrap();
    let p = store.profile_by_name("Budi").unwrap().unwrap();
    let obs = store.observations_of(&p.id, Some(&routine.id)).unwrap();
    assert_eq!(obs.len(), 1);
    assert_eq!(
        (obs[0].observer.as_str(), obs[0].observed_on.as_str()),
        ("Bu Sari", "2026-12-02")
    );
    assert_eq!(obs[0].mode, pijat_core::Mode::Phone);
    assert!(
        obs[0].finished.is_some(),
        "a sent form is a finished observation"
    );
    let marks = store.marks(&obs[0].id).unwrap();
    assert_eq!(marks.len(), routine.steps.len());
    for (i, (m, step)) in marks.iter().zip(&routine.steps).enumerate() {
        assert_eq!(m.step_id, step.id);
        assert_eq!(m.mark, [Some(2), Some(1), Some(0), None][i % 4], "step {i}");
        let timed = step.seconds.is_some() && i % 4 < 2;
        assert_eq!(m.timed_ms, timed.then_some(95_000), "step {i}");
    }
    assert_eq!(marks[0].note.as_deref(), Some("tekanan terlalu keras"));
    assert!(marks[1].note.is_none());
}
