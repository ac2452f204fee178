//! A paper test with numbered items in file order and boxes to mark, or its answer key, in
//! Markdown or as HTML that prints on A4.

use crate::langs::{Langs, texts};
use crate::page_breaks::{head, page_starts};
use pijat_app::sheets::{paper_layout, token_for};
use pijat_content::{QuestionKind, Quiz, Text};
use pijat_core::html::esc;
use pijat_engine::quiz::{Response, Shown, answer_text};

/// A question's options in the order shown, with their place (0 for the first).
fn in_order<'q>(shown: &Shown, options: &'q [Text]) -> impl Iterator<Item = (usize, &'q Text)> {
    shown
        .options
        .iter()
        .filter_map(|f| options.get(*f))
        .enumerate()
}

/// The right answer as a sheet token and in words, per question in paper order.
fn key_rows(quiz: &Quiz, langs: &Langs) -> Vec<(usize, String, String, Option<String>)> {
    let paper = paper_layout(quiz);
    paper
        .shown
        .iter()
        .enumerate()
        .filter_map(|(i, shown)| {
            let q = quiz.questions.get(shown.question)?;
            let right = match &q.kind {
                QuestionKind::TrueFalse { answer } => Response::TrueFalse(*answer),
                QuestionKind::Single { answer, .. } => Response::Single(*answer),
                QuestionKind::Multiple { answers, .. } => Response::Multiple(answers.clone()),
                QuestionKind::Order { items } => Response::Order((0..items.len()).collect()),
            };
            let token = token_for(quiz, &paper, i, &right);
            let words = answer_text(q, &langs.first);
            let explain = q.explain.as_ref().map(|e| e.get(&langs.first).to_string());
            Some((i + 1, token, words, explain))
        })
        .collect()
}

/// The key as one answer-sheet line: tokens written together when each is one character.
fn sheet_tokens(rows: &[(usize, String, String, Option<String>)]) -> String {
    let all: Vec<&str> = rows.iter().map(|r| r.1.as_str()).collect();
    let one_char = all.iter().all(|t| t.chars().count() == 1);
    all.join(if one_char { "" } else { " " })
}

/// The test (or its key) in Markdown.
pub fn markdown(quiz: &Quiz, langs: &Langs, key: bool) -> String {
    let (title, title2) = texts(&quiz.title, langs);
    let mut out = String::new();
    if key {
        out.push_str(&format!("# {} — {}\n\n", langs.t(|s| s.answer_key), title));
        let rows = key_rows(quiz, langs);
        let tokens = sheet_tokens(&rows);
        out.push_str(&format!(
            "{}: `{}`\n\n",
            langs.t(|s| s.answer_sheets),
            tokens
        ));
        out.push_str(&format!(
            "| {} | {} | {} |\n| --- | --- | --- |\n",
            langs.t(|s| s.no),
            langs.t(|s| s.answer),
            langs.t(|s| s.explanation)
        ));
        for (n, token, words, explain) in rows {
            out.push_str(&format!(
                "| {n} | **{token}** {} | {} |\n",
                words.replace('|', "/"),
                explain.unwrap_or_default().replace('|', "/")
            ));
        }
        return out;
    }
    out.push_str(&format!("# {title}\n\n"));
    if let Some(t2) = title2 {
        out.push_str(&format!("*{t2}*\n\n"));
    }
    out.push_str(&format!("{}\n\n", head(langs, false).join("\n\n")));
    out.push_str(&format!(
        "{}\n\n",
        langs.t(|s| s.instructions_answer_alone_without)
    ));
    let paper = paper_layout(quiz);
    for (i, shown) in paper.shown.iter().enumerate() {
        let Some(q) = quiz.questions.get(shown.question) else {
            continue;
        };
        let (prompt, prompt2) = texts(&q.prompt, langs);
        out.push_str(&format!("**{}.** {prompt}", i + 1));
        if let Some(p2) = prompt2 {
            out.push_str(&format!(" *{p2}*"));
        }
        out.push_str("\n\n");
        let options = q.kind.options();
        match &q.kind {
            QuestionKind::TrueFalse { .. } => {
                out.push_str(&format!(
                    "☐ {}    ☐ {}\n\n",
                    langs.t(|s| s.true_word),
                    langs.t(|s| s.false_word)
                ));
            }
            QuestionKind::Single { .. } | QuestionKind::Multiple { .. } => {
                if matches!(q.kind, QuestionKind::Multiple { .. }) {
                    out.push_str(&format!("*{}*\n\n", langs.t(|s| s.tick_every_right_option)));
                }
                for (place, option) in in_order(shown, options) {
                    let (o, o2) = texts(option, langs);
                    let letter = (b'a' + place as u8) as char;
                    out.push_str(&format!("- ☐ {letter}) {o}"));
                    if let Some(o2) = o2 {
                        out.push_str(&format!(" *{o2}*"));
                    }
                    out.push('\n');
                }
                out.push('\n');
            }
            QuestionKind::Order { .. } => {
                for (place, option) in in_order(shown, options) {
                    let (o, o2) = texts(option, langs);
                    out.push_str(&format!("- {}) {o}", place + 1));
                    if let Some(o2) = o2 {
                        out.push_str(&format!(" *{o2}*"));
                    }
                    out.push('\n');
                }
                let blanks = vec!["____"; shown.options.len()].join(" ");
                out.push_str(&format!("\n{}: {blanks}\n\n", langs.t(|s| s.order)));
            }
        }
    }
    out
}

const CSS: &str = "@page { size: A4; margin: 16mm 18mm; }
body { font-family: 'Noto Sans', 'DejaVu Sans', Arial, sans-serif; font-size: 11.5pt; line-height: 1.35; color: #000; }
h1 { font-size: 16pt; margin: 0 0 4pt; }
.sub { font-style: italic; margin: 0 0 10pt; }
.head { border: 1px solid #000; padding: 6pt 8pt; margin: 0 0 10pt; }
.field { display: inline-block; white-space: nowrap; margin-right: 14pt; }
.line { display: inline-block; border-bottom: 1px solid #000; min-width: 48mm; }
.q { break-inside: avoid; page-break-inside: avoid; margin: 0 0 9pt; }
.new-page { break-before: page; page-break-before: always; }
.head div { margin: 2pt 0; }
.opt { display: inline-block; white-space: nowrap; margin-right: 14pt; }
.n { font-weight: bold; }
.tr { font-style: italic; color: #333; }
.opts { list-style: none; margin: 3pt 0 0 14pt; padding: 0; }
.box { display: inline-block; width: 10pt; height: 10pt; border: 1px solid #000; margin-right: 5pt; vertical-align: -1pt; }
table { border-collapse: collapse; width: 100%; }
td, th { border: 1px solid #000; padding: 3pt 5pt; vertical-align: top; text-align: left; }
.token { font-family: monospace; font-size: 13pt; letter-spacing: 2pt; }
@media screen { body { max-width: 180mm; margin: 10mm auto; } }";

/// The test (or its key) as HTML that prints on A4.
pub fn html(quiz: &Quiz, langs: &Langs, key: bool) -> String {
    let (title, title2) = texts(&quiz.title, langs);
    let lang_attr = langs.first.code();
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"{lang_attr}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>\n{CSS}\n</style>\n</head>\n<body>\n",
        esc(&title)
    );
    let tr = |s: Option<String>| {
        s.map_or(String::new(), |t| {
            format!(" <span class=\"tr\">{}</span>", esc(&t))
        })
    };
    if key {
        out.push_str(&format!(
            "<h1>{} — {}</h1>\n",
            esc(&langs.t(|s| s.answer_key)),
            esc(&title)
        ));
        let rows = key_rows(quiz, langs);
        let tokens = sheet_tokens(&rows);
        out.push_str(&format!(
            "<p>{}: <span class=\"token\">{}</span></p>\n<table>\n<tr><th>{}</th><th>{}</th><th>{}</th></tr>\n",
            esc(&langs.t(|s| s.answer_sheets)),
            esc(&tokens),
            esc(&langs.t(|s| s.no)),
            esc(&langs.t(|s| s.answer)),
            esc(&langs.t(|s| s.explanation)),
        ));
        for (n, token, words, explain) in rows {
            out.push_str(&format!(
                "<tr><td>{n}</td><td><b>{}</b> {}</td><td>{}</td></tr>\n",
                esc(&token),
                esc(&words),
                esc(&explain.unwrap_or_default())
            ));
        }
        out.push_str("</table>\n</body>\n</html>\n");
        return out;
    }
    out.push_str(&format!("<h1>{}</h1>\n", esc(&title)));
    if let Some(t2) = title2 {
        out.push_str(&format!("<p class=\"sub\">{}</p>\n", esc(&t2)));
    }
    let b = "<span class=\"box\"></span>";
    out.push_str(&format!(
        "<div class=\"head\">{}</div>\n",
        head(langs, true)
            .iter()
            .map(|l| format!("<div>{l}</div>"))
            .collect::<String>()
    ));
    out.push_str(&format!(
        "<p>{}</p>\n",
        esc(&langs.t(|s| s.instructions_answer_alone_without))
    ));
    let paper = paper_layout(quiz);
    let starts = page_starts(quiz, langs);
    for (i, shown) in paper.shown.iter().enumerate() {
        let Some(q) = quiz.questions.get(shown.question) else {
            continue;
        };
        let (prompt, prompt2) = texts(&q.prompt, langs);
        let class = if starts.contains(&i) {
            "q new-page"
        } else {
            "q"
        };
        out.push_str(&format!(
            "<div class=\"{class}\"><span class=\"n\">{}.</span> {}{}\n<ul class=\"opts\">\n",
            i + 1,
            esc(&prompt),
            tr(prompt2)
        ));
        let options = q.kind.options();
        match &q.kind {
            QuestionKind::TrueFalse { .. } => out.push_str(&format!(
                "<li>{b}{} &nbsp; &nbsp; {b}{}</li>\n",
                esc(&langs.t(|s| s.true_word)),
                esc(&langs.t(|s| s.false_word))
            )),
            QuestionKind::Single { .. } | QuestionKind::Multiple { .. } => {
                if matches!(q.kind, QuestionKind::Multiple { .. }) {
                    out.push_str(&format!(
                        "<li class=\"tr\">{}</li>\n",
                        esc(&langs.t(|s| s.tick_every_right_option))
                    ));
                }
                for (place, option) in in_order(shown, options) {
                    let (o, o2) = texts(option, langs);
                    let letter = (b'a' + place as u8) as char;
                    out.push_str(&format!("<li>{b}{letter}) {}{}</li>\n", esc(&o), tr(o2)));
                }
            }
            QuestionKind::Order { .. } => {
                for (place, option) in in_order(shown, options) {
                    let (o, o2) = texts(option, langs);
                    out.push_str(&format!("<li>{}) {}{}</li>\n", place + 1, esc(&o), tr(o2)));
                }
                let blanks = vec![
                    "<span class=\"line\" style=\"min-width:10mm\"></span>";
                    shown.options.len()
                ]
                .join(" ");
                out.push_str(&format!(
                    "<li>{}: {blanks}</li>\n",
                    esc(&langs.t(|s| s.order))
                ));
            }
        }
        out.push_str("</ul></div>\n");
    }
    out.push_str("</body>\n</html>\n");
    out
}
