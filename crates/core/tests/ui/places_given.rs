// Every place given: builds.
fn main() {
    let (k, steps) = (3, 12);
    let _ = pijat_core::both!(messages, marks_steps, k = k, steps = steps);
    let s = pijat_core::strings::messages::tr(&pijat_core::Lang::en());
    let _ = pijat_core::fill!(messages, s, marks_steps, k = k, steps = steps);
}
