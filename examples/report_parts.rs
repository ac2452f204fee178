//! Times the parts of a big report (for tuning): `cargo run --release --example report_parts DIR`.
use std::time::Instant;

fn main() {
    let dir = std::env::args()
        .nth(1)
        .expect("a data folder made by the report_import bench");
    let store = pijat::store::Store::open(std::path::Path::new(&dir)).unwrap();
    let class = store.class_by_name("Kabupaten").unwrap().unwrap();
    let t = Instant::now();
    let r = store.test_results("knowledge", Some(&class.id)).unwrap();
    println!("test_results {} rows {:?}", r.len(), t.elapsed());
    let t = Instant::now();
    let m = store
        .class_marks("oxytocin-massage", Some(&class.id))
        .unwrap();
    println!("class_marks {} rows {:?}", m.len(), t.elapsed());
    let t = Instant::now();
    let v = store.class_visits(Some(&class.id)).unwrap();
    println!("class_visits {} rows {:?}", v.len(), t.elapsed());
    let t = Instant::now();
    let p = store.members(&class.id).unwrap();
    println!("members {} {:?}", p.len(), t.elapsed());
    let content = pijat::content::load_with(None).content.unwrap();
    let quiz = content.quiz("knowledge").unwrap();
    let lang = pijat::content::Lang::en();
    let t = Instant::now();
    let input = pijat::session::report_data::report_input(
        &store,
        quiz,
        Some("Kabupaten"),
        true,
        &lang,
        content.routines().next(),
    )
    .unwrap()
    .unwrap();
    println!("report_input {:?}", t.elapsed());
    let t = Instant::now();
    let rep = pijat::report::build(&input);
    println!("build {:?}", t.elapsed());
    let t = Instant::now();
    let txt = pijat::report::render::text(&rep, "x", &lang);
    println!("text {:?} ({} bytes)", t.elapsed(), txt.len());
    let t = Instant::now();
    let js = pijat::report::render::json(&rep);
    println!("json {:?} ({} bytes)", t.elapsed(), js.len());
}
