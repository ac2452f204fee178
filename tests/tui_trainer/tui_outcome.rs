//! The outcome in the trainer's screens: a father's baby's date of birth, his contact line and
//! his cadre entered from the class list, and a visit's feeding recall shown on his progress.

use super::*;

#[test]
fn the_trainer_enters_the_baby_s_birth_date_contact_and_cadre_and_the_progress_shows_them() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = class_of_three(dir.path());
    // Joko is selected; r opens his details with the family fields under name and role.
    key(&mut a, Char('r'));
    keys(&mut a, &[Tab, Tab]);
    typed(&mut a, "1/12/2099");
    key(&mut a, Enter);
    let refused = render(&a, 80, 24);
    assert!(
        refused.contains("The baby's date of birth 01/12/2099 is after today"),
        "{refused}"
    );
    for _ in 0..10 {
        key(&mut a, KeyCode::Backspace);
    }
    typed(&mut a, "1/10/2026");
    key(&mut a, Tab);
    typed(&mut a, "RT 02, rumah biru dekat masjid");
    key(&mut a, Tab);
    // The cadre: – then the class's one cadre, Siti Aminah.
    key(&mut a, KeyCode::Right);
    snap(&mut a, "participant_family");
    key(&mut a, Enter);
    let store = Store::open(dir.path()).unwrap();
    let joko = store.profile_by_name("Joko").unwrap().unwrap();
    let siti = store.profile_by_name("Siti Aminah").unwrap().unwrap();
    assert_eq!(joko.baby_born.as_deref(), Some("2026-10-01"));
    assert_eq!(
        joko.contact.as_deref(),
        Some("RT 02, rumah biru dekat masjid")
    );
    let class = store.class_by_name("Posyandu Melati").unwrap().unwrap();
    assert_eq!(
        store.cadres(&class.id).unwrap().get(&joko.id),
        Some(&siti.id)
    );
    // Opened again, the form shows what was saved.
    key(&mut a, Char('r'));
    let again = render(&a, 80, 24);
    assert!(
        again.contains("Baby's date of birth: 01/10/2026") && again.contains("rumah biru"),
        "{again}"
    );
    key(&mut a, Esc);
    // A visit on 2026-11-22 (52 days old): breast milk and water, so not exclusive; no sign.
    key(&mut a, Char('v'));
    for _ in 0..10 {
        key(&mut a, KeyCode::Backspace);
    }
    typed(&mut a, "2026-11-22");
    keys(
        &mut a,
        &[Tab, KeyCode::Right, Tab, KeyCode::Left, Tab, Tab, Tab],
    );
    key(&mut a, KeyCode::Right);
    keys(&mut a, &[Tab, KeyCode::Right]);
    for _ in 0..5 {
        keys(&mut a, &[Tab, KeyCode::Right, KeyCode::Right]);
    }
    for _ in 0..2 {
        keys(&mut a, &[Tab, KeyCode::Right, KeyCode::Right]);
    }
    key(&mut a, Enter);
    let saved = store.visits_of(&joko.id).unwrap();
    assert_eq!(saved.len(), 1, "{}", render(&a, 80, 24));
    assert_eq!(saved[0].findings.recall.unwrap().exclusive(), Some(false));
    assert!(!saved[0].findings.danger.clone().unwrap().any());
    key(&mut a, Enter);
    let progress = render(&a, 80, 24);
    common::says(
        &progress,
        &[
            "Baby born 1 October 2026",
            "Contact: RT 02, rumah biru",
            "not exclusively breastfed yesterday · 52 days old",
        ],
    );
}
