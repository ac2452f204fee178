//! A class with a roster in a fresh data folder, and the phone classroom served in-process on
//! loopback, as the trainer's screen starts it.

use std::net::SocketAddr;
use std::path::Path;
use std::sync::Arc;

use pijat_app::classroom::{Classroom, Listen, Running, Serve, Setup};
use pijat_core::{Phase, Role};

/// Makes class `class` with these participants (fathers).
pub fn class_with(dir: &Path, class: &str, names: &[&str]) {
    let store = pijat_store::Store::open(dir).unwrap();
    let c = store.ensure_class(class).unwrap();
    for n in names {
        let p = store.create_profile(n, Role::Father).unwrap();
        store.add_member(&c.id, &p.id).unwrap();
    }
}

pub struct Served {
    pub room: Arc<Classroom>,
    pub server: Option<Box<dyn Running>>,
    pub addr: SocketAddr,
}

impl Served {
    pub fn stop(&mut self) {
        if let Some(s) = self.server.take() {
            s.stop();
        }
    }
}

/// Serves the class's test of the shipped pre/post set on 127.0.0.1 on a free port.
pub fn serve(dir: &Path, class: &str, phase: Phase, new_names: bool) -> Served {
    serve_set(dir, class, phase, new_names, super::app::content(), None)
}

/// The same with `content` and its set `quiz`.
pub fn serve_set(
    dir: &Path,
    class: &str,
    phase: Phase,
    new_names: bool,
    content: &pijat_content::Content,
    quiz: Option<&str>,
) -> Served {
    let setup = Setup {
        data_dir: dir,
        class,
        phase,
        quiz,
        new_names,
    };
    let room = Arc::new(Classroom::open(content, &setup).unwrap());
    let server = pijat_web::Web
        .start(room.clone(), &Listen::At("127.0.0.1:0".parse().unwrap()))
        .unwrap();
    let addr = address(server.as_ref());
    Served {
        room,
        server: Some(server),
        addr,
    }
}

/// One saved attempt: phase, mode, class id, and (question id, response) in the order shown.
pub type Saved = (String, String, Option<String>, Vec<(String, String)>);

/// The answers saved for `name`'s attempts.
pub fn saved(dir: &Path, name: &str) -> Vec<Saved> {
    let store = pijat_store::Store::open(dir).unwrap();
    let p = store.profile_by_name(name).unwrap().unwrap();
    store
        .attempts_of(&p.id)
        .unwrap()
        .into_iter()
        .map(|a| {
            let answers = store
                .answers(&a.id)
                .unwrap()
                .into_iter()
                .map(|r| (r.question_id, r.response))
                .collect();
            (
                a.phase.name().to_string(),
                a.mode.name().to_string(),
                a.class_id,
                answers,
            )
        })
        .collect()
}

/// The class every phone test uses.
pub const CLASS: &str = "Posyandu Melati";

/// A class of `names` with its `phase` test served.
pub fn room(names: &[&str], phase: Phase, new_names: bool) -> (tempfile::TempDir, Served) {
    let dir = tempfile::tempdir().unwrap();
    class_with(dir.path(), CLASS, names);
    let s = serve(dir.path(), CLASS, phase, new_names);
    (dir, s)
}

/// A phone let in with the code and holding participant `n`.
pub fn joined(s: &Served, n: usize) -> super::http::Phone {
    let p = super::http::Phone::open(s.addr);
    assert_eq!(p.code(s.room.code()).status, 200);
    let r = p.join(n);
    assert_eq!(r.status, 200, "{r:?}");
    p
}

impl Served {
    /// A phone whose requests go straight to the room's routes (no socket), as the server on
    /// `addr` answers them.
    pub fn phone(&self) -> super::http::Phone {
        let router = pijat_web::router(self.room.clone(), &[self.addr]);
        super::http::Phone::open_via(router, self.addr)
    }
}

/// Where `name` is on the roster (it is in alphabetical order).
pub fn n_of(s: &Served, name: &str) -> usize {
    s.room.live().iter().position(|r| r.name == name).unwrap()
}

pub fn position(r: &super::http::Reply) -> u64 {
    r.json()["question"]["position"].as_u64().unwrap()
}

/// A trainer's pre/post set with every kind of question, in file order.
pub const MIXED: &str = r#"format_version = 1
id = "mixed"
title = { id = "Tes campuran", en = "Mixed test" }
purpose = "prepost"
shuffle = false
pass_percent = 70

[[question]]
id = "steps"
module = "technique"
type = "order"
prompt = { id = "Urutkan langkahnya.", en = "Put the steps in order." }
options = [ { id = "Satu", en = "One" }, { id = "Dua", en = "Two" }, { id = "Tiga", en = "Three" }, { id = "Empat", en = "Four" } ]
explain = { id = "Satu dulu.", en = "One first." }
sources = ["S1"]

[[question]]
id = "position"
module = "technique"
type = "single"
prompt = { id = "Posisi ibu?", en = "The mother's position?" }
options = [ { id = "Berbaring", en = "Lying" }, { id = "Duduk condong", en = "Sitting, leaning" }, { id = "Berdiri", en = "Standing" } ]
answer = 2
explain = { id = "Duduk.", en = "Sitting." }
sources = ["S1"]

[[question]]
id = "signs"
module = "anatomy"
type = "multiple"
prompt = { id = "Tanda refleks?", en = "Signs of the reflex?" }
options = [ { id = "Kesemutan", en = "Tingling" }, { id = "Dingin", en = "Cold" }, { id = "ASI menetes", en = "Milk drips" } ]
answer = [1, 3]
explain = { id = "Kesemutan dan menetes.", en = "Tingling and dripping." }
sources = ["S58"]

[[question]]
id = "statement"
module = "anatomy"
type = "true_false"
prompt = { id = "Pijat dihentikan bila ibu pusing.", en = "The massage stops if she feels dizzy." }
answer = true
explain = { id = "Ya.", en = "Yes." }
sources = ["S3"]
"#;

/// The shipped content with the [`MIXED`] set added, as a trainer's folder adds it.
pub fn mixed_content() -> &'static pijat_content::Content {
    let own = tempfile::tempdir().unwrap();
    std::fs::create_dir(own.path().join("quizzes")).unwrap();
    std::fs::write(own.path().join("quizzes/mixed.toml"), MIXED).unwrap();
    let loaded = pijat_content::load_with(Some(own.path()));
    Box::leak(Box::new(loaded.content.expect("the mixed set loads")))
}

/// The answer a phone sends to the question in `r`: `statement` (`"b"` or `"s"`) to a
/// true/false statement, the first option shown (`"a"`) to a single-choice item.
pub fn token(r: &super::http::Reply, statement: &str) -> String {
    if r.json()["question"]["kind"] == "true_false" {
        statement.to_string()
    } else {
        "a".to_string()
    }
}

/// The address of a server started on loopback.
pub fn address(server: &dyn Running) -> SocketAddr {
    let url = server.urls()[0].clone();
    url.trim_start_matches("http://")
        .trim_end_matches('/')
        .parse()
        .unwrap()
}
