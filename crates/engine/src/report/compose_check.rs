//! Tests of the document a laporan gets: which test is primary and why, the exact and the
//! asymptotic Wilcoxon, a perfect pre-test left out of the individual gain, and no "-0".

use super::build::{Input, ParticipantInput, build};
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
                outcome: Vec::new(),
            })
            .collect(),
        items: true,
        pass_percent: 70,
        year: Some(2026),
        ..Input::default()
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
    assert!(
        s.contains("tidak berdistribusi normal (W = ")
            && s.contains("sehingga digunakan uji Wilcoxon signed-rank (Wilcoxon, 1945)."),
        "{s}"
    );
    // Z as SPSS gives it, figures apart with `;` (the comma is the decimal mark), no "eksak".
    assert!(s.contains("Hasil uji menunjukkan Z = −"), "{s}");
    assert!(
        s.contains("; p < 0,001, artinya terdapat kenaikan skor"),
        "{s}"
    );
    assert!(!s.contains("eksak"), "{s}");
    assert!(
        s.contains("30 peserta yang mengikuti kedua tes naik dari 30,0% menjadi 53,3%, yaitu naik 23,3 poin (77,8%)"),
        "{s}"
    );
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
    assert!(
        s.contains("showed the score differences to be normally distributed (W = ")
            && s.contains("so the paired t-test was used. The test gave t(5) = "),
        "{s}"
    );
}

#[test]
fn all_the_same_change_cannot_test_normality_and_no_minus_zero_is_shown() {
    let input = class(5, |_| 5, |_| 5);
    let doc = compose(&build(&input), "Tes", &Lang::id());
    let s = doc.lead.join(" ");
    assert!(
        s.contains("Rata-rata skor pengetahuan 5 peserta yang mengikuti kedua tes tetap 50,0%."),
        "{s}"
    );
    assert!(
        s.contains("tidak dapat diuji karena semua selisih sama, sehingga digunakan uji Wilcoxon"),
        "{s}"
    );
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
