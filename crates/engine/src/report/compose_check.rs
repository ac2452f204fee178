//! Tests of the document a laporan gets: which test is primary and why, the exact and the
//! asymptotic Wilcoxon, a perfect pre-test left out of the individual gain, and no "-0".

use super::build::{Cutoffs, Input, ParticipantInput, build};
use super::compose::compose;
use super::model::{Block, Cell};
use pijat_content::Lang;

/// `n` people with a pre-test of `pre(i)` and a post-test of `post(i)` right out of 10.
fn class(n: usize, pre: impl Fn(usize) -> usize, post: impl Fn(usize) -> usize) -> Input {
    let answers = |k: usize| Some((0..10).map(|q| q < k).collect());
    Input {
        class: None,
        quiz: "knowledge".into(),
        questions: (1..=10).map(|q| format!("q{q}")).collect(),
        labels: Vec::new(),
        steps: Vec::new(),
        step_labels: Vec::new(),
        participants: (0..n)
            .map(|i| ParticipantInput {
                name: format!("P{i}"),
                role: "father".into(),
                pre: answers(pre(i)),
                post: answers(post(i)),
                observations: Vec::new(),
                visits: Vec::new(),
            })
            .collect(),
        items: true,
        regraded: 0,
        pass_percent: 70,
        cutoffs: Cutoffs::default(),
        names: Default::default(),
    }
}

fn lead(input: &Input, lang: &Lang) -> String {
    compose(&build(input), "Tes", lang).lead.join(" ")
}

// Not normal (Shapiro–Wilk p < 0.05), as scipy also finds:
// python3 -c "from scipy import stats; print(stats.shapiro([10]*20+[50]*10).pvalue)"
#[test]
fn many_unequal_differences_read_the_asymptotic_wilcoxon() {
    let input = class(30, |_| 3, |i| if i < 20 { 4 } else { 8 });
    let r = build(&input);
    assert!(r.summary.shapiro.p.0.unwrap() < 0.05);
    assert!(
        r.summary.wilcoxon_exact_p.0.is_err(),
        "30 differences: more than 25"
    );
    let s = lead(&input, &Lang::id());
    assert!(s.contains("Uji utama adalah uji Wilcoxon"), "{s}");
    assert!(
        s.contains("tidak berdistribusi normal") && s.contains("(asimtotik)"),
        "{s}"
    );
    assert!(s.contains("naik dari 30 menjadi 53,3 (n = 30"), "{s}");
}

#[test]
fn normal_differences_read_the_t_test_and_a_perfect_pre_test_is_left_out() {
    let input = class(
        6,
        |i| if i == 0 { 10 } else { 4 },
        |i| if i == 0 { 10 } else { 5 + i % 3 },
    );
    let r = build(&input);
    assert_eq!((r.gain.individual_n, r.gain.perfect_pre_left_out), (5, 1));
    let s = lead(&input, &Lang::en());
    assert!(s.contains("The primary test is the paired t-test, because the differences look normally distributed"), "{s}");
}

#[test]
fn all_the_same_change_cannot_test_normality_and_no_minus_zero_is_shown() {
    let input = class(5, |_| 5, |_| 5);
    let doc = compose(&build(&input), "Tes", &Lang::id());
    let s = doc.lead.join(" ");
    assert!(s.contains("Rata-rata skor pengetahuan tetap 50"), "{s}");
    assert!(s.contains("normalitas tidak dapat diuji"), "{s}");
    for b in doc.sections.iter().flat_map(|s| &s.blocks) {
        if let Block::Table(t) = b {
            for c in t.rows.iter().flat_map(|r| &r.cells) {
                let shown = c.shown(&Lang::id());
                assert!(
                    !shown.starts_with("-0") && !shown.starts_with("+0,0"),
                    "{shown} in {}",
                    t.caption
                );
                if let Cell::Num { value, .. } = c {
                    assert!(value.is_finite());
                }
            }
        }
    }
}
