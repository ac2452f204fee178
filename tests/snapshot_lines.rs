//! Every accepted screen snapshot read as a user reads it: no word is cut at a panel's border
//! without `…` (a word against the border that is only the start of a word pijat writes), and
//! no question box lacks its answer keys.

use std::collections::HashSet;
use std::path::Path;

/// Every word pijat can put on a screen: its strings tables, its shipped content and the test
/// names, lower-cased.
fn vocabulary() -> HashSet<String> {
    let mut texts = Vec::new();
    for dir in ["crates/core/src/strings", "curriculum", "quizzes", "tests"] {
        for e in std::fs::read_dir(dir).unwrap().flatten() {
            let p = e.path();
            if p.is_file() {
                texts.push(std::fs::read_to_string(&p).unwrap_or_default());
            }
        }
    }
    texts
        .iter()
        .flat_map(|t| words(t).map(str::to_lowercase).collect::<Vec<_>>())
        .collect()
}

fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .filter(|w| !w.is_empty())
}

/// The screen lines of a snapshot file (after its header).
fn screen(text: &str) -> Vec<&str> {
    let mut parts = text.splitn(3, "---\n");
    parts.next();
    parts.next();
    parts.next().unwrap_or("").lines().collect()
}

/// The word a line's text ends in just inside a right border `│`, if it touches it.
fn word_at_border(line: &str) -> Option<&str> {
    let inside = line.strip_suffix('│')?;
    let last = inside.chars().last()?;
    if !last.is_alphanumeric() {
        return None;
    }
    let start = inside
        .char_indices()
        .rev()
        .find(|(_, c)| !(c.is_alphanumeric() || *c == '\'' || *c == '’'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    Some(&inside[start..])
}

#[test]
fn no_snapshot_cuts_a_word_at_a_border_or_shows_a_question_without_its_keys() {
    let vocabulary = vocabulary();
    let mut problems = Vec::new();
    let mut read = 0;
    for e in std::fs::read_dir(Path::new("tests/snapshots"))
        .unwrap()
        .flatten()
    {
        let path = e.path();
        if path.extension().is_none_or(|x| x != "snap") {
            continue;
        }
        read += 1;
        let text = std::fs::read_to_string(&path).unwrap();
        let lines = screen(&text);
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        for (i, line) in lines.iter().enumerate() {
            let Some(word) = word_at_border(line) else {
                continue;
            };
            let lower = word.to_lowercase();
            let cut = !vocabulary.contains(&lower)
                && lower.chars().count() >= 2
                && vocabulary
                    .iter()
                    .any(|v| v.len() > lower.len() && v.starts_with(&lower));
            if cut {
                problems.push(format!(
                    "{name}:{}: “{word}” is cut at the border: {line}",
                    i + 1
                ));
            }
        }
        // A question box shows its answer keys inside the box.
        let screen = lines.join("\n");
        for (title, keys) in [("┌ Yakin? ", "y ya"), ("┌ Are you sure? ", "y yes")] {
            if let Some(at) = screen.find(title) {
                let after = &screen[at..];
                let end = after.find('└').unwrap_or(after.len());
                if !after[..end].contains(keys) {
                    problems.push(format!("{name}: the question has no “{keys}” line"));
                }
            }
        }
    }
    assert!(read > 100, "the snapshots were read: {read}");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_reader_knows_a_cut_word_from_a_whole_one() {
    let v: HashSet<String> = ["meletakkan", "untuk", "pelatih"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    let cut = |line: &str| {
        word_at_border(line).is_some_and(|w| {
            !v.contains(&w.to_lowercase()) && v.iter().any(|x| x.starts_with(&w.to_lowercase()))
        })
    };
    assert!(cut("│Spasi lagi untuk meletakka│"));
    assert!(!cut("│Spasi lagi untuk│"));
    assert!(cut("│Desa Sukamaju · pel│"));
    assert!(!cut("│Desa Sukamaju · pel…│"));
    assert!(!cut("│text and a space   │"));
}
