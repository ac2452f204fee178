// `marks_steps` needs `{k}` and `{steps}`; `steps` is missing here.
fn main() {
    let k = 3;
    let s = pijat_core::strings::messages::tr(&pijat_core::Lang::en());
    let _ = pijat_core::fill!(messages, s, marks_steps, k = k);
}
