fn main() {
    for _ in 0..300 {
        std::hint::black_box(pijat::content::load_with(None));
    }
}
