use super::*;

fn class(dir: &Path, names: &[&str]) {
    let store = Store::open(dir).unwrap();
    let c = store.ensure_class("Melati").unwrap();
    for n in names {
        let p = store.create_profile(n, Role::Father).unwrap();
        store.add_member(&c.id, &p.id).unwrap();
    }
}

#[test]
fn a_form_s_version_follows_its_roster_and_content_and_the_password_is_kept() {
    let content = pijat_content::load_with(None).content.unwrap();
    let dir = tempfile::tempdir().unwrap();
    class(dir.path(), &["Budi"]);
    let first = FormDesk::open(&content, dir.path(), "Melati").unwrap();
    let again = FormDesk::open(&content, dir.path(), "Melati").unwrap();
    let versions = |d: &FormDesk| {
        d.forms()
            .iter()
            .map(|f| f.form.version.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        versions(&first),
        versions(&again),
        "nothing changed, nothing to download"
    );
    assert_eq!(
        first.password(),
        again.password(),
        "a phone set up once keeps working"
    );
    assert_eq!(first.forms()[0].hash, again.forms()[0].hash);
    class(dir.path(), &["Agus"]);
    let grown = FormDesk::open(&content, dir.path(), "Melati").unwrap();
    for (a, b) in versions(&first).iter().zip(versions(&grown)) {
        assert_ne!(*a, b, "a new name on the roster is a new version");
    }
    let mut changed = content.clone();
    let routine = changed.routines().next().unwrap().id.clone();
    let steps = &mut changed
        .modules
        .iter_mut()
        .flat_map(|m| m.routines.iter_mut())
        .find(|r| r.id == routine)
        .unwrap()
        .steps;
    steps.pop();
    let shorter = FormDesk::open(&changed, dir.path(), "Melati").unwrap();
    assert_ne!(
        shorter.forms()[0].form.version,
        grown.forms()[0].form.version,
        "a changed routine is a new version"
    );
    assert_eq!(
        shorter.forms()[1].form.version,
        grown.forms()[1].form.version,
        "the visit form did not change"
    );
}

#[test]
fn the_qr_code_carries_the_server_user_and_password_for_collect() {
    let content = pijat_content::load_with(None).content.unwrap();
    let dir = tempfile::tempdir().unwrap();
    class(dir.path(), &["Budi"]);
    let desk = FormDesk::open(&content, dir.path(), "Melati").unwrap();
    let payload = desk.collect_settings("http://192.168.137.1:8080/");
    let s = collect_settings::Settings::decode(&payload).unwrap();
    assert_eq!(
        s.general.server_url.as_deref(),
        Some("http://192.168.137.1:8080")
    );
    assert_eq!(s.general.username.as_deref(), Some(USER));
    assert_eq!(s.general.password.as_deref(), Some(desk.password()));
    assert!(
        payload.len() <= 192,
        "small enough for a 120×30 console: {}",
        payload.len()
    );
}

#[test]
fn an_empty_class_has_no_forms_to_serve() {
    let content = pijat_content::load_with(None).content.unwrap();
    let dir = tempfile::tempdir().unwrap();
    class(dir.path(), &[]);
    let e = FormDesk::open(&content, dir.path(), "Melati")
        .err()
        .unwrap();
    assert!(e.en.contains("nobody on its roster"), "{e:?}");
    assert!(
        FormDesk::open(&content, dir.path(), "Mawar")
            .err()
            .unwrap()
            .en
            .contains("Mawar")
    );
}
