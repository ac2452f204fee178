//! Paper tests and typed-in answer sheets. A paper test shows the questions and options in file
//! order (order items in a fixed mixed order, the same on every copy and in the key), so a
//! sheet's answers are read against that one layout.

use super::Records;
use std::collections::BTreeMap;
use std::path::Path;

use pijat_content::{Bilingual, Phase, Quiz};
use pijat_engine::quiz::{Layout, Response, grade, layout, parse_token};
use pijat_store::{Role, Roster, SheetAnswer, SheetImport, SheetRow, clean_name};

use super::roster::{RosterPlan, RosterProblems, check_roster};

/// The seed of every paper copy of a test: only order items are mixed, always the same way.
pub const PAPER_SEED: u64 = 0x5041_5045_525f_0001;

/// The one layout every paper test and answer sheet uses (no shuffle, a fixed seed).
pub fn paper_layout(quiz: &Quiz) -> Layout {
    layout(quiz, PAPER_SEED, false)
}

/// One row's answers read against the paper layout: the answers to save and how many are right.
pub fn read_answers(
    quiz: &Quiz,
    paper: &Layout,
    field: &str,
) -> Result<(Vec<SheetAnswer>, u32), Bilingual> {
    let n = paper.shown.len();
    let field = field.trim();
    let tokens: Vec<String> = if field.chars().any(char::is_whitespace) {
        field.split_whitespace().map(str::to_string).collect()
    } else if field.chars().count() == n {
        field.chars().map(|c| c.to_string()).collect()
    } else if field.is_empty() {
        Vec::new()
    } else {
        let k = field.chars().count();
        return Err(pijat_core::both!(
            messages,
            characters_questions_write_one_character,
            k = k,
            n = n
        ));
    };
    if tokens.len() != n {
        let k = tokens.len();
        return Err(pijat_core::both!(messages, answers_questions, k = k, n = n));
    }
    let mut out = Vec::with_capacity(n);
    let mut graded = Vec::with_capacity(n);
    for (i, (shown, token)) in paper.shown.iter().zip(&tokens).enumerate() {
        let Some(q) = quiz.questions.get(shown.question) else {
            continue;
        };
        let r = parse_token(&q.kind, shown, token).map_err(|e| {
            let m = e.message(shown.options.len());
            pijat_core::both!(messages, question_problem, num = i + 1, m = m)
        })?;
        out.push(SheetAnswer {
            question_id: q.id.clone(),
            position: i as u32,
            response: r.encode(),
            correct: r.is_right(&q.kind),
        });
        graded.push((q, r));
    }
    let score = grade(n, graded.iter().map(|(q, r)| (*q, r)));
    Ok((out, score.right))
}

/// A problem on one line of a sheet file (line 1 is the header).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowError {
    /// The sheet's line.
    pub line: u64,
    /// What is wrong.
    pub message: Bilingual,
}

pub use super::sheet_csv::{read_csv, read_csv_with};

/// Checks every row of an answer sheet: names, roles, answers, names given twice.
pub fn check_rows(quiz: &Quiz, rows: &[(u64, Vec<String>)]) -> (Vec<SheetRow>, Vec<RowError>) {
    let paper = paper_layout(quiz);
    let mut good = Vec::new();
    let mut errors = Vec::new();
    let mut seen: BTreeMap<String, u64> = BTreeMap::new();
    for (line, f) in rows {
        let line = *line;
        let mut problem = |m: Bilingual| errors.push(RowError { line, message: m });
        let [name_cell, role_cell, answers_cell] = f.as_slice() else {
            problem(pijat_core::both!(messages, row_incomplete_columns, n = 3));
            continue;
        };
        let name = match clean_name(name_cell) {
            Ok(n) => n,
            Err(e) => {
                problem(e.message());
                continue;
            }
        };
        let key = pijat_store::name_key(&name);
        if let Some(first) = seen.get(&key) {
            problem(pijat_core::both!(
                messages,
                already_line,
                name = name,
                first = first
            ));
            continue;
        }
        seen.insert(key, line);
        let role_text = role_cell.trim();
        let role = match Role::parse(role_text) {
            Some(r) => r,
            None => {
                problem(pijat_core::both!(
                    messages,
                    role_not_known_write_father,
                    role_text = role_text
                ));
                continue;
            }
        };
        match read_answers(quiz, &paper, answers_cell) {
            Ok((answers, right)) => good.push(SheetRow {
                name,
                role,
                answers,
                right,
            }),
            Err(m) => problem(m),
        }
    }
    (good, errors)
}

/// What an answer sheet import saved.
pub struct Imported {
    /// The rows saved.
    pub rows: Vec<SheetRow>,
    /// The questions each row answered.
    pub total: u32,
    /// A new class, or who joined the roster.
    pub roster: RosterPlan,
}

/// How a sheet may change what is here: replace earlier sheet results, and who may join.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SheetRules {
    /// Rows replace what was saved before.
    pub replace: bool,
    /// Who may join the class.
    pub roster: Roster,
}

/// The roster check as an importer uses it: the plan, the class's own problem as the whole
/// answer (`Err`), or names off the roster added to the row problems (then the plan is empty).
pub(super) fn roster_rows(
    store: &pijat_store::Store,
    class: &str,
    rules: SheetRules,
    names: &[(u64, &str)],
    errors: &mut Vec<RowError>,
    lang: &str,
) -> Result<RosterPlan, Vec<String>> {
    match check_roster(store, class, rules.roster, names) {
        Ok(plan) => Ok(plan),
        Err(RosterProblems::Class(m)) => Err(vec![m.get(lang).to_string()]),
        Err(RosterProblems::Rows(rows)) => {
            errors.extend(rows);
            Ok(RosterPlan::default())
        }
    }
}

/// Where an earlier record was made, as a refusal names it: the class, or none.
pub(super) fn where_text(store: &pijat_store::Store, class_id: Option<&str>) -> Bilingual {
    let class = class_id.and_then(|id| store.class(id).ok().flatten());
    match class {
        Some(c) => {
            let name = pijat_core::printable(&c.name);
            pijat_core::both!(messages, in_class, class = name)
        }
        None => pijat_core::both!(messages, in_no_class),
    }
}

/// Reads, checks and saves an answer-sheet file for a class. Every problem is returned as
/// `FILE:LINE: message` and then nothing is saved.
#[allow(clippy::too_many_arguments)]
pub fn import_answer_sheet(
    records: &mut Records,
    quiz: &Quiz,
    content_version: &str,
    file: &Path,
    class: &str,
    phase: Phase,
    rules: SheetRules,
    lang: &str,
) -> Result<Imported, Vec<String>> {
    let replace = rules.replace;
    let store = records.store_mut();
    let shown = file.display();
    let bytes = super::sheet_file::read_limited(file).map_err(|m| vec![m.get(lang).to_string()])?;
    let rows = read_csv(
        &bytes,
        &[("name", "nama"), ("role", "peran"), ("answers", "jawaban")],
    )
    .map_err(|e| vec![format!("{shown}:{}: {}", e.line, e.message.get(lang))])?;
    let (good, mut errors) = check_rows(quiz, &rows);
    let names: Vec<String> = good.iter().map(|r| r.name.clone()).collect();
    let line_of = |name: &str| {
        rows.iter()
            .find(|(_, f)| {
                f.first()
                    .is_some_and(|c| clean_name(c).is_ok_and(|n| n == name))
            })
            .map_or(0, |(l, _)| *l)
    };
    let lined: Vec<(u64, &str)> = names.iter().map(|n| (line_of(n), n.as_str())).collect();
    let plan = roster_rows(store, class, rules, &lined, &mut errors, lang)?;
    let conflicts = store
        .sheet_conflicts(&quiz.id, phase, &names, replace)
        .map_err(|e| vec![e.message().get(lang).to_string()])?;
    for c in conflicts {
        let when = pijat_core::local_date(
            c.existing
                .finished
                .as_deref()
                .unwrap_or(&c.existing.started),
        );
        let who = &c.name;
        let place = where_text(store, c.existing.class_id.as_deref());
        let place = place.get(lang);
        let message = if c.replaceable {
            pijat_core::both!(messages, already_has_result_typed_from, who = who, when = when, where = place)
        } else {
            pijat_core::both!(messages, already_took_test_pijat_result, who = who, when = when, where = place)
        };
        errors.push(RowError {
            line: line_of(&c.name),
            message,
        });
    }
    if good.is_empty() && errors.is_empty() {
        errors.push(RowError {
            line: 1,
            message: pijat_core::both!(messages, sheet_has_no_answer_rows),
        });
    }
    if !errors.is_empty() {
        errors.sort_by_key(|e| e.line);
        return Err(errors
            .iter()
            .map(|e| format!("{shown}:{}: {}", e.line, e.message.get(lang)))
            .collect());
    }
    let import = SheetImport {
        class_name: class,
        quiz_id: &quiz.id,
        phase,
        question_count: quiz.questions.len() as u32,
        content_version,
        seed: PAPER_SEED,
        rows: &good,
        replace,
        roster: rules.roster,
    };
    store
        .import_sheet(&import)
        .map_err(|e| vec![e.message().get(lang).to_string()])?;
    Ok(Imported {
        rows: good,
        total: quiz.questions.len() as u32,
        roster: plan,
    })
}

/// A stored answer as the sheet token that gives it back (for the grid and the key).
pub fn token_for(quiz: &Quiz, paper: &Layout, position: usize, r: &Response) -> String {
    let Some((shown, q)) = paper
        .shown
        .get(position)
        .and_then(|s| Some((s, quiz.questions.get(s.question)?)))
    else {
        return "-".into();
    };
    let place = |file: usize| shown.options.iter().position(|o| *o == file).unwrap_or(0);
    match r {
        Response::Skipped => "-".into(),
        Response::TrueFalse(true) => "B".into(),
        Response::TrueFalse(false) => "S".into(),
        Response::Single(i) => ((b'a' + place(*i) as u8) as char).to_string(),
        Response::Multiple(v) => v.iter().map(|i| (b'a' + place(*i) as u8) as char).collect(),
        Response::Order(v) => {
            let _ = q;
            v.iter().map(|i| (place(*i) + 1).to_string()).collect()
        }
    }
}

impl super::Records {
    super::records::pass_through! {
        /// Saves one row of the answer grid as typed so far (an empty row removes the draft).
        fn save_draft(&self, class_id: &str, quiz_id: &str, phase: Phase, profile_id: &str, answers: &str) -> crate::Result<()>;
        /// The grid rows typed so far and not yet saved, by profile id.
        fn drafts(&self, class_id: &str, quiz_id: &str, phase: Phase) -> crate::Result<std::collections::BTreeMap<String, String>>;
        /// Saves a whole typed sheet; returns how many attempts were written.
        fn import_sheet(&self, s: &SheetImport) -> crate::Result<usize>;
    }
}
