//! Rules the shipped content keeps (issue 12): the massage step itself says when to stop, the
//! pre/post test is an instrument that can show change, and PP 33/2012 is never cited as if it
//! were the current law. Each failure names the step, question or text that breaks the rule.

use std::collections::{BTreeMap, BTreeSet};

use pijat_content::{Content, Cue, Lang, QuestionKind, Text, load_with};

fn shipped() -> Content {
    let loaded = load_with(None);
    let problems: Vec<String> = loaded.diagnostics.iter().map(|d| d.render("en")).collect();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    loaded.content.expect("shipped content loads")
}

fn lower(text: &Text, lang: &Lang) -> String {
    text.get(lang).to_lowercase()
}

/// The text with every character that is not a letter, digit or hyphen made a space, padded
/// with spaces, so that ` word ` finds whole words and phrases.
fn words(s: &str) -> String {
    let cleaned: String = s
        .to_lowercase()
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' {
                c
            } else {
                ' '
            }
        })
        .collect();
    let joined = cleaned.split_whitespace().collect::<Vec<_>>().join(" ");
    format!(" {joined} ")
}

fn has_word(s: &str, word: &str) -> bool {
    words(s).contains(&format!(" {word} "))
}

/// The massage step(s) of the routine: the paced step, and any long timed step.
#[test]
fn the_massage_step_itself_says_stop_at_pain_or_dizziness() {
    let c = shipped();
    let r = c
        .routine("oxytocin-massage")
        .expect("routine oxytocin-massage");
    let massage: Vec<_> = r
        .steps
        .iter()
        .filter(|s| s.cue == Some(Cue::Circle) || s.seconds.is_some_and(|n| n >= 120))
        .collect();
    assert!(
        !massage.is_empty(),
        "routine oxytocin-massage has no paced (cue = \"circle\") or long timed massage step"
    );
    for s in massage {
        let id = lower(&s.instruction, &Lang::id());
        assert!(
            (id.contains("berhenti") || id.contains("hentikan"))
                && (id.contains("nyeri") || id.contains("sakit"))
                && id.contains("pusing"),
            "step `{}`: its Indonesian `do` text must say to stop (berhenti/hentikan) at pain \
             (sakit/nyeri) or dizziness (pusing): {id}",
            s.id
        );
        let en = lower(&s.instruction, &Lang::en());
        assert!(
            en.contains("stop") && en.contains("pain") && en.contains("dizz"),
            "step `{}`: its English `do` text must say to stop at pain or dizziness: {en}",
            s.id
        );
    }
}

/// Words that give a true/false statement away ("all", "never"…), whole words or phrases.
const GIVEAWAY_ID: &[&str] = &[
    "semua",
    "semuanya",
    "seluruh",
    "seluruhnya",
    "selalu",
    "tidak pernah",
    "tak pernah",
    "pasti",
    "tentu",
    "hanya",
    "harus",
    "wajib",
    "sama sekali",
    "mustahil",
    "satu-satunya",
    "selamanya",
];
const GIVEAWAY_EN: &[&str] = &[
    "all",
    "always",
    "never",
    "only",
    "must",
    "every",
    "none",
    "nothing",
    "completely",
    "entirely",
    "definitely",
    "certainly",
    "impossible",
];

/// Joiners that put a second claim into one statement.
const JOINERS_ID: &[&str] = &["sedangkan", "tetapi", "namun", "melainkan"];
const JOINERS_EN: &[&str] = &["while", "whereas", "but", "although"];

/// A statement is one sentence: no `.`, `?` or `!` followed by a space before its end, no `;`.
fn sentences_inside(s: &str) -> bool {
    let body = s.trim().trim_end_matches(['.', '?', '!']);
    body.contains(';') || [". ", "? ", "! "].iter().any(|end| body.contains(end))
}

#[test]
fn the_prepost_test_is_fifteen_to_twenty_single_claims_balanced_and_sourced() {
    let c = shipped();
    let q = c.quiz("knowledge").expect("the knowledge set");
    let n = q.questions.len();
    assert!(
        (15..=20).contains(&n),
        "the knowledge set has {n} questions; it needs 15–20"
    );

    // A mix of statements and single-choice items with plausible options.
    let (mut trues, mut statements, mut singles, mut key_longest) = (0, 0, 0, 0);
    for x in &q.questions {
        match &x.kind {
            QuestionKind::TrueFalse { answer } => {
                statements += 1;
                trues += usize::from(*answer);
            }
            QuestionKind::Single { options, answer } => {
                singles += 1;
                assert!(
                    (3..=5).contains(&options.len()),
                    "knowledge question `{}` has {} options",
                    x.id,
                    options.len()
                );
                let len = |i: usize| options[i].get(&Lang::id()).chars().count();
                let key = *answer;
                if (0..options.len()).all(|i| i == key || len(i) < len(key)) {
                    key_longest += 1;
                }
            }
            other => panic!(
                "knowledge question `{}` is {}; items are true_false or single",
                x.id,
                other.type_name()
            ),
        }
    }
    assert!(
        statements >= 5 && singles >= 5,
        "knowledge set: {statements} statements and {singles} single-choice items; five or more of each"
    );
    let falses = statements - trues;
    assert!(
        trues > 0
            && falses > 0
            && trues * 100 <= statements * 60
            && falses * 100 <= statements * 60,
        "knowledge set: {trues} true and {falses} false statements; neither side may be over 60 %"
    );
    assert!(
        key_longest * 2 <= singles,
        "knowledge set: the key is the longest option in {key_longest} of {singles} single-choice items"
    );

    let mut per_module: BTreeMap<&str, usize> =
        c.modules.iter().map(|m| (m.id.as_str(), 0)).collect();
    for x in &q.questions {
        *per_module.entry(x.module.as_str()).or_default() += 1;
    }
    for (module, count) in &per_module {
        assert!(
            *count >= 2,
            "knowledge set: module `{module}` has {count} question(s); each module needs two or more"
        );
    }

    for x in &q.questions {
        assert!(
            !x.sources.is_empty(),
            "knowledge question `{}` cites no source",
            x.id
        );
        for key in &x.sources {
            assert!(
                c.sources.contains_key(key),
                "knowledge question `{}` cites `{key}`, which is not in curriculum/sources.toml",
                x.id
            );
        }
        let explain = x.explain.as_ref();
        assert!(
            explain.is_some_and(|e| e.has("id") && e.has("en")),
            "knowledge question `{}` needs an `explain` in id and en",
            x.id
        );

        for (code, giveaways, joiners) in [
            ("id", GIVEAWAY_ID, JOINERS_ID),
            ("en", GIVEAWAY_EN, JOINERS_EN),
        ] {
            assert!(
                x.prompt.has(code),
                "knowledge question `{}` has no {code} prompt",
                x.id
            );
            let lang = Lang::parse(code).unwrap();
            let prompt = x.prompt.get(&lang);
            for w in giveaways {
                assert!(
                    !has_word(prompt, w),
                    "knowledge question `{}` ({code}): the giveaway word `{w}` is in: {prompt}",
                    x.id
                );
            }
            for w in joiners {
                assert!(
                    !has_word(prompt, w),
                    "knowledge question `{}` ({code}): `{w}` joins two claims in: {prompt}",
                    x.id
                );
            }
            assert!(
                !sentences_inside(prompt),
                "knowledge question `{}` ({code}): one statement, one sentence: {prompt}",
                x.id
            );
        }
    }
}

/// Every text the content shows, with where it is, for messages.
fn all_texts(c: &Content) -> Vec<(String, &Text)> {
    let mut out: Vec<(String, &Text)> = Vec::new();
    for m in &c.modules {
        out.push((format!("module `{}` title", m.id), &m.title));
        if let Some(s) = &m.summary {
            out.push((format!("module `{}` summary", m.id), s));
        }
        for (i, p) in m.pages.iter().enumerate() {
            out.push((format!("module `{}` page {} title", m.id, i + 1), &p.title));
            out.push((format!("module `{}` page {} body", m.id, i + 1), &p.body));
        }
        for r in &m.routines {
            out.push((format!("routine `{}` title", r.id), &r.title));
            if let Some(s) = &r.summary {
                out.push((format!("routine `{}` summary", r.id), s));
            }
            for s in &r.steps {
                let at = format!("routine `{}` step `{}`", r.id, s.id);
                out.push((format!("{at} title"), &s.title));
                out.push((format!("{at} do"), &s.instruction));
                if let Some(t) = &s.why {
                    out.push((format!("{at} why"), t));
                }
                if let Some(t) = &s.note {
                    out.push((format!("{at} note"), t));
                }
            }
        }
    }
    for q in &c.quizzes {
        out.push((format!("quiz `{}` title", q.id), &q.title));
        for x in &q.questions {
            let at = format!("quiz `{}` question `{}`", q.id, x.id);
            out.push((format!("{at} prompt"), &x.prompt));
            if let Some(e) = &x.explain {
                out.push((format!("{at} explain"), e));
            }
            for (i, o) in x.kind.options().iter().enumerate() {
                out.push((format!("{at} option {}", i + 1), o));
            }
        }
    }
    out.push(("safety title".to_string(), &c.safety.title));
    for s in &c.safety.sections {
        out.push((format!("safety section `{}` title", s.id), &s.title));
        out.push((format!("safety section `{}` body", s.id), &s.body));
    }
    out
}

const OLD_LAW: &[&str] = &[
    "pp 33/2012",
    "pp no. 33/2012",
    "pp nomor 33/2012",
    "pp 33 tahun 2012",
    "pp no. 33 tahun 2012",
    "pp nomor 33 tahun 2012",
];
const NEW_LAW: &[&str] = &[
    "pp 28/2024",
    "pp no. 28/2024",
    "pp nomor 28/2024",
    "pp 28 tahun 2024",
    "pp no. 28 tahun 2024",
    "pp nomor 28 tahun 2024",
];

/// PP 33/2012 may be listed as no longer in force (content-facts.md): wherever a paragraph
/// names it, the same paragraph names PP 28/2024 too.
#[test]
fn pp_33_2012_is_never_cited_without_pp_28_2024_beside_it() {
    let c = shipped();
    for (at, text) in all_texts(&c) {
        for code in text.languages() {
            let lang = Lang::parse(code).expect("a language code");
            let body = text.get(&lang).to_lowercase();
            for (i, para) in body.split("\n\n").enumerate() {
                let old = OLD_LAW.iter().any(|s| para.contains(*s));
                let new = NEW_LAW.iter().any(|s| para.contains(*s));
                assert!(
                    !old || new,
                    "{at} ({code}), paragraph {}: names PP 33/2012 without PP 28/2024 in the \
                     same paragraph: {para}",
                    i + 1
                );
            }
        }
    }
}

/// The content words of a text (four letters or more), lower-cased.
fn content_words(text: &str) -> BTreeSet<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 4)
        .map(str::to_lowercase)
        .collect()
}

/// No pre/post item is rehearsed in another set: a prompt that shares most of its content words
/// with a prompt of a module set or the review set (in either language) is a twin, and the
/// pre→post change would show practice of the statement, not learning.
#[test]
fn no_prepost_claim_reappears_in_another_set() {
    let c = shipped();
    let q = c.quiz("knowledge").unwrap();
    let mut twins = Vec::new();
    for other in c.quizzes.iter().filter(|o| o.id != q.id) {
        for x in &q.questions {
            for y in &other.questions {
                for lang in [Lang::id(), Lang::en()] {
                    let (a, b) = (
                        content_words(x.prompt.get(&lang)),
                        content_words(y.prompt.get(&lang)),
                    );
                    let shared = a.intersection(&b).count();
                    let smaller = a.len().min(b.len()).max(1);
                    if shared * 100 > smaller * 60 {
                        twins.push(format!(
                            "knowledge `{}` and {} `{}` ({}): {shared} of {smaller} words shared",
                            x.id,
                            other.id,
                            y.id,
                            lang.code()
                        ));
                    }
                }
            }
        }
    }
    assert!(twins.is_empty(), "{}", twins.join("\n"));
}

/// The twin rule finds a twin: the statement the first pre/post test shared almost word for
/// word with the supply-demand set.
#[test]
fn the_twin_rule_finds_a_rehearsed_statement() {
    let a =
        content_words("Penelitian sudah membuktikan bahwa pijat oksitosin menambah jumlah ASI.");
    let b =
        content_words("Penelitian sudah membuktikan bahwa pijat oksitosin menambah produksi ASI.");
    let shared = a.intersection(&b).count();
    assert!(shared * 100 > a.len().min(b.len()) * 60);
}
