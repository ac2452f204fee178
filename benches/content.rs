//! Loading and validating all shipped content happens at every start. Target: under 5 ms.

fn main() {
    divan::main();
}

#[divan::bench]
fn load_and_validate_shipped_content() -> bool {
    let loaded = pijat_content::load_with(None);
    divan::black_box(loaded.content.is_some())
}
