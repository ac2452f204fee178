//! A text's `{places}` are checked while building: a missing or misspelt place does not build.

#[test]
fn a_missing_or_misspelt_place_does_not_build() {
    let t = trybuild::TestCases::new();
    t.pass("tests/ui/places_given.rs");
    t.compile_fail("tests/ui/misspelt_place.rs");
    t.compile_fail("tests/ui/missing_place.rs");
}
