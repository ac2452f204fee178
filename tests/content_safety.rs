//! What a father does after stopping the massage, and the baby's danger signs: in the safety
//! text (so the practice's safety screen, the leaflet and the audio guide say it), the massage
//! step, the check step and module 3, in both languages, sourced.

mod common;

use pijat_content::{Lang, load_with};

fn both(text: &pijat_content::Text) -> [String; 2] {
    [
        text.get(&Lang::id()).to_string(),
        text.get(&Lang::en()).to_string(),
    ]
}

/// The words that must be there, Indonesian and English.
const AFTER_STOPPING: [[&str; 7]; 2] = [
    [
        "berbaring",
        "temani",
        "pingsan",
        "perdarahan",
        "pandangannya kabur",
        "sesak napas",
        "beberapa menit",
    ],
    [
        "lie down",
        "stay with her",
        "faints",
        "bleeds heavily",
        "blurred vision",
        "short of breath",
        "a few minutes",
    ],
];
const DANGER_SIGNS: [[&str; 7]; 2] = [
    [
        "menyusu",
        "kejang",
        "disentuh",
        "60 kali",
        "dadanya tertarik",
        "37,5 °C",
        "kuning",
    ],
    [
        "feed",
        "fits",
        "touched",
        "60 breaths",
        "chest pulling in",
        "37.5 °C",
        "yellow palms",
    ],
];

fn has_all(text: &[String; 2], words: &[[&str; 7]; 2], what: &str) {
    for (lang, (t, want)) in text.iter().zip(words).enumerate() {
        for w in want {
            assert!(
                t.contains(w),
                "{what} ({}) lacks “{w}”: {t}",
                ["id", "en"][lang]
            );
        }
    }
}

/// The page of module 3 (duration and safety) with this English title.
fn module_3_page<'c>(c: &'c pijat_content::Content, title: &str) -> &'c pijat_content::Page {
    let module = c
        .modules
        .iter()
        .find(|m| m.id == "duration-safety")
        .unwrap();
    module
        .pages
        .iter()
        .find(|p| p.title.get(&Lang::en()) == title)
        .unwrap_or_else(|| panic!("module 3 has a page “{title}”"))
}

#[test]
fn after_stopping_the_father_knows_what_to_do_and_when_to_call() {
    let c = load_with(None).content.unwrap();
    let stop = c
        .safety
        .sections
        .iter()
        .find(|s| s.id == "when-to-stop")
        .unwrap();
    has_all(&both(&stop.body), &AFTER_STOPPING, "safety: when to stop");
    assert!(stop.sources.iter().any(|s| s == "S72"));
    let routine = c.routine("oxytocin-massage").unwrap();
    let massage = routine.steps.iter().find(|s| s.id == "massage").unwrap();
    has_all(
        &both(&massage.instruction),
        &AFTER_STOPPING,
        "the massage step",
    );
    let page = module_3_page(&c, "When to stop");
    has_all(&both(&page.body), &AFTER_STOPPING, "module 3: when to stop");
}

#[test]
fn the_babys_danger_signs_are_taught_and_sent_to_the_midwife_now() {
    let c = load_with(None).content.unwrap();
    let section = c
        .safety
        .sections
        .iter()
        .find(|s| s.id == "baby-danger-signs")
        .expect("a safety section on the baby's danger signs");
    has_all(
        &both(&section.body),
        &DANGER_SIGNS,
        "safety: the baby's danger signs",
    );
    for key in ["S70", "S71", "S72"] {
        assert!(section.sources.iter().any(|s| s == key), "{key}");
        assert!(c.sources.contains_key(key), "{key} is listed");
    }
    let page = module_3_page(&c, "Danger signs in the baby");
    has_all(&both(&page.body), &DANGER_SIGNS, "module 3: danger signs");
    // The check step sends the baby on, and asks first about a rash on her back.
    let routine = c.routine("oxytocin-massage").unwrap();
    let check = routine.steps.iter().find(|s| s.id == "check-safe").unwrap();
    let [id, en] = both(&check.instruction);
    assert!(
        id.contains("kejang") && id.contains("ruam atau infeksi kulit"),
        "{id}"
    );
    assert!(
        en.contains("has fits") && en.contains("rash or skin infection"),
        "{en}"
    );
}

#[test]
fn the_leaflet_carries_the_danger_signs_in_both_languages() {
    let dir = tempfile::tempdir().unwrap();
    for (lang, title) in [
        ("id", "Tanda bahaya pada bayi"),
        ("en", "Danger signs in the baby"),
    ] {
        let o = common::cli::run(
            dir.path(),
            &["--lang", lang, "print", "leaflet", "oxytocin-massage"],
            "",
        );
        assert!(o.status.success(), "{}", common::cli::both(&o));
        let out = common::cli::text(&o.stdout);
        assert!(out.contains(title), "{out}");
        assert!(
            out.contains(if lang == "id" { "kejang" } else { "fits" }),
            "{out}"
        );
    }
}
