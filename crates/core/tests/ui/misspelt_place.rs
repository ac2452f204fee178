// `wrong_code` says "… Tries left: {n}."; the place is misspelt here.
fn main() {
    let left = 3;
    let _ = pijat_core::both!(classroom, wrong_code, nn = left);
}
