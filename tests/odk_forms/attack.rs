//! The form server under a hostile or broken client: no password or a wrong one, another
//! server's name, oversized and malformed submissions, entities, forms that do not match, a
//! participant who is not on the roster, a full disk. Each gets its reason and nothing is
//! saved; only a right submission is.

use super::common;
use super::common::classroom::class_with;
use super::common::collect::{Collect, FormServer, filled};
use super::{CLASS, borrowed, id_of, visit_answers, visits_of};

const ID: &str = "5e0c2b1a-9d8f-4e7a-b6c5-d4e3f2a1b0c9";

fn visit_xml(s: &FormServer, family: &str, date: &str, change: &[(&'static str, &str)]) -> String {
    let mut answers = visit_answers(family, date);
    for (k, v) in change {
        answers.retain(|(a, _)| a != k);
        answers.push((k, v.to_string()));
    }
    filled(
        &s.desk.form("pijat_visit").unwrap().xml,
        &borrowed(&answers),
        ID,
    )
}

#[test]
fn a_wrong_password_another_host_or_no_credentials_reach_nothing() {
    let dir = tempfile::tempdir().unwrap();
    class_with(dir.path(), CLASS, &["Budi"]);
    let s = FormServer::start(dir.path(), CLASS);
    let mut thief = Collect::new(s.addr, "kader", "wrong-guess");
    let r = thief.get("/formList");
    assert_eq!(r.status, 401, "{r:?}");
    assert!(r.body.contains("kata sandi salah"), "{}", r.body);
    assert!(!r.body.contains("Budi"));
    let mut other_user = Collect::new(s.addr, "admin", s.desk.password());
    assert_eq!(other_user.get("/formList").status, 401);
    for path in ["/forms/pijat_visit.xml", "/submission"] {
        assert_eq!(
            s.phone().send_once("GET", path, &[], b"").status,
            401,
            "{path}"
        );
    }
    // Ten wrong answers from one address, and it waits.
    let mut guesses = Collect::new(s.addr, "kader", "again-wrong");
    guesses.from = [127, 0, 0, 9].into();
    let mut last = 0;
    for _ in 0..12 {
        last = guesses.get("/formList").status;
    }
    assert_eq!(last, 429, "too many wrong passwords from one address");
    let mut right_there = s.phone();
    right_there.from = [127, 0, 0, 9].into();
    assert_eq!(
        right_there.get("/formList").status,
        429,
        "even the right one waits"
    );
    assert_eq!(
        s.phone().get("/formList").status,
        200,
        "another phone is not kept out"
    );

    let mut rebound = s.phone();
    rebound.host = Some("evil.example:80".into());
    let r = rebound.get("/formList");
    assert_eq!(r.status, 421, "{r:?}");
    assert!(visits_of(dir.path(), "Budi").is_empty());
}

#[test]
fn broken_or_mismatched_submissions_are_refused_with_a_reason_and_nothing_is_saved() {
    let dir = tempfile::tempdir().unwrap();
    class_with(dir.path(), CLASS, &["Budi"]);
    let s = FormServer::start(dir.path(), CLASS);
    let budi = id_of(&s.desk, "Budi");
    let good = visit_xml(&s, &budi, "2026-12-01", &[]);
    let tomorrow = (chrono::Local::now() + chrono::Days::new(1))
        .format("%Y-%m-%d")
        .to_string();
    let cases: Vec<(String, u16, &str)> = vec![
        (
            good.replace("id=\"pijat_visit\"", "id=\"another_form\""),
            400,
            "bukan formulir kelas ini",
        ),
        (
            good.replace("<comfort>4</comfort>", "<comfort>9</comfort>"),
            400,
            "nyaman",
        ),
        (
            good.replace("<milk_flow>yes</milk_flow>", ""),
            400,
            "milk_flow",
        ),
        (
            good.replace(&budi, "00000000-0000-4000-8000-000000000000"),
            400,
            "tidak ada di daftar kelas",
        ),
        (
            good.replace(
                "<date>2026-12-01</date>",
                &format!("<date>{tomorrow}</date>"),
            ),
            400,
            "sesudah hari ini",
        ),
        (
            good.replace(&format!("uuid:{ID}"), "uuid:not-a-uuid"),
            400,
            "instanceID",
        ),
        (
            format!(
                "<!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>{}",
                good.replace("<notes>", "<notes>&x;")
            ),
            400,
            "bukan formulir yang utuh",
        ),
        (
            "<data id=\"pijat_visit\"><family>".to_string(),
            400,
            "bukan formulir yang utuh",
        ),
        (
            format!("{}<!-- {} -->", good, "x".repeat(300 * 1024)),
            413,
            "terlalu besar",
        ),
    ];
    let mut phone = s.phone();
    for (xml, status, says) in &cases {
        let r = phone.submit(xml);
        assert_eq!(r.status, *status, "{says}: {r:?}");
        assert!(r.body.contains(says), "{says}: {}", r.body);
        assert!(
            r.body.starts_with("<?xml"),
            "an OpenRosaResponse: {}",
            r.body
        );
    }
    let not_multipart = phone.send(
        "POST",
        "/submission",
        &[("Content-Type", "text/xml".into())],
        good.as_bytes(),
    );
    assert_eq!(not_multipart.status, 400, "{not_multipart:?}");
    assert!(
        visits_of(dir.path(), "Budi").is_empty(),
        "nothing was saved"
    );
    assert_eq!(
        phone.submit(&good).status,
        201,
        "the right one still goes in"
    );
    assert_eq!(visits_of(dir.path(), "Budi").len(), 1);
    let refusals = s
        .desk
        .arrivals
        .since(0)
        .iter()
        .filter(|a| a.line("en").starts_with("REFUSED"))
        .count();
    assert_eq!(
        refusals,
        cases.len() - 1,
        "each refused form is listed for the trainer (the oversized one never reached it)"
    );
}

#[test]
fn a_visit_already_typed_from_paper_is_a_conflict_and_an_older_form_is_read_by_name() {
    let dir = tempfile::tempdir().unwrap();
    class_with(dir.path(), CLASS, &["Budi"]);
    let s = FormServer::start(dir.path(), CLASS);
    let budi = id_of(&s.desk, "Budi");
    let older = visit_xml(&s, &budi, "2026-12-01", &[]).replace(
        &format!(
            "version=\"{}\"",
            s.desk.form("pijat_visit").unwrap().form.version
        ),
        "version=\"0000000000\"",
    );
    let chunked = [("Transfer-Encoding", "chunked".to_string())];
    let r = s.phone().submit_with(&older, &chunked);
    assert_eq!(
        r.status, 201,
        "every field is there, so an older version reads (sent in chunks): {r:?}"
    );
    let mut again = visit_xml(&s, &budi, "2026-12-01", &[]);
    again = again.replace(ID, "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee");
    let r = s.phone().submit(&again);
    assert_eq!(
        r.status, 409,
        "the same father and day from another form: {r:?}"
    );
    assert!(r.body.contains("Budi"), "{}", r.body);
    assert_eq!(visits_of(dir.path(), "Budi").len(), 1);
}

#[test]
fn on_a_full_disk_the_phone_is_told_to_send_again_later_and_nothing_is_half_saved() {
    let Some(tiny) = common::tiny::Tiny::mount(800) else {
        return;
    };
    let data = tiny.0.path().join("data");
    class_with(&data, CLASS, &["Budi"]);
    let s = FormServer::start(&data, CLASS);
    let budi = id_of(&s.desk, "Budi");
    let xml = visit_xml(
        &s,
        &budi,
        "2026-12-01",
        &[("notes", &"catatan panjang ".repeat(2000))],
    );
    let mut filler = std::fs::File::create(tiny.0.path().join("filler")).unwrap();
    let block = vec![0u8; 4096];
    while std::io::Write::write_all(&mut filler, &block).is_ok() {}
    drop(filler);
    let r = s.phone().submit(&xml);
    assert_eq!(r.status, 503, "{r:?}");
    assert!(r.body.contains("Formulir tetap di HP"), "{}", r.body);
    std::fs::remove_file(tiny.0.path().join("filler")).unwrap();
    let r = s.phone().submit(&xml);
    assert_eq!(r.status, 201, "sent again once there is room: {r:?}");
    drop(s);
    assert_eq!(visits_of(&data, "Budi").len(), 1);
}

#[test]
fn an_instance_id_used_for_another_record_a_cadre_as_a_family_or_a_year_long_past_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    class_with(dir.path(), CLASS, &["Budi", "Agus"]);
    {
        let store = pijat_store::Store::open(dir.path()).unwrap();
        let class = store.class_by_name(CLASS).unwrap().unwrap();
        let siti = store
            .create_profile("Siti", pijat_core::Role::Cadre)
            .unwrap();
        store.add_member(&class.id, &siti.id).unwrap();
    }
    let siti = pijat_store::Store::open(dir.path())
        .unwrap()
        .profile_by_name("Siti")
        .unwrap()
        .unwrap()
        .id;
    let s = FormServer::start(dir.path(), CLASS);
    let (budi, agus) = (id_of(&s.desk, "Budi"), id_of(&s.desk, "Agus"));
    let mut phone = s.phone();
    assert_eq!(
        phone
            .submit(&visit_xml(&s, &budi, "2026-12-01", &[]))
            .status,
        201
    );
    let same_id_other_family = visit_xml(&s, &agus, "2026-11-30", &[]);
    let r = phone.submit(&same_id_other_family);
    assert_eq!(
        r.status, 409,
        "not a resend: another family under the same id: {r:?}"
    );
    assert!(
        r.body.contains("sudah dipakai untuk catatan lain"),
        "{}",
        r.body
    );
    assert!(visits_of(dir.path(), "Agus").is_empty());

    let fresh = |xml: String| xml.replace(ID, "99999999-8888-4777-8666-555555555555");
    let cadre = fresh(visit_xml(&s, &siti, "2026-12-01", &[]));
    let r = phone.submit(&cadre);
    assert_eq!(r.status, 400, "the visit form lists fathers only: {r:?}");
    assert!(r.body.contains("tidak ada di daftar kelas"), "{}", r.body);
    let long_ago = fresh(visit_xml(&s, &agus, "2016-12-01", &[]));
    let r = phone.submit(&long_ago);
    assert_eq!(r.status, 400, "{r:?}");
    assert!(r.body.contains("lebih dari 3 tahun"), "{}", r.body);
    let same_day = fresh(visit_xml(&s, &budi, "2026-12-01", &[]));
    let r = phone.submit(&same_day);
    assert_eq!(r.status, 409, "{r:?}");
    assert!(
        r.body
            .contains("Budi sudah punya kunjungan tanggal 01/12/2026"),
        "{}",
        r.body
    );
    assert_eq!(visits_of(dir.path(), "Budi").len(), 1);
}
