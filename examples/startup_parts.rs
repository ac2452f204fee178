//! Times the parts of start-up on a fresh data folder (for tuning start-up).
use std::time::Instant;

fn main() {
    let t = Instant::now();
    let loaded = pijat_content::load_with(None);
    let content = t.elapsed();
    assert!(loaded.content.is_some());
    let dir = std::env::temp_dir().join(format!("pijat-startup-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let t = Instant::now();
    let store = pijat_store::Store::open(&dir).unwrap();
    let open_fresh = t.elapsed();
    let t = Instant::now();
    let _ = store.profiles_recent().unwrap();
    let profiles = t.elapsed();
    drop(store);
    let t = Instant::now();
    let store = pijat_store::Store::open(&dir).unwrap();
    let open_again = t.elapsed();
    drop(store);
    let _ = std::fs::remove_dir_all(&dir);
    println!(
        "content {content:?}  store fresh {open_fresh:?}  profiles {profiles:?}  store existing {open_again:?}"
    );
}
