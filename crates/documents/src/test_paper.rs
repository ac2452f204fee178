//! A paper test with numbered items in file order and boxes to mark, or its answer key, in
//! Markdown or as HTML that prints on A4.

use maud::{Markup, PreEscaped, html};

use crate::langs::{Langs, texts};
use crate::page::{html_page, joined, translation};
use crate::page_breaks::{head_html, head_md, page_starts};
use pijat_app::sheets::{paper_layout, token_for};
use pijat_content::{QuestionKind, Quiz, Text};
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
    out.push_str(&format!("{}\n\n", head_md(langs).join("\n\n")));
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

/// The answer key as HTML.
fn key_html(quiz: &Quiz, langs: &Langs, title: &str) -> Markup {
    let rows = key_rows(quiz, langs);
    let tokens = sheet_tokens(&rows);
    html! {
        h1 { (langs.t(|s| s.answer_key)) " — " (title) } "\n"
        p { (langs.t(|s| s.answer_sheets)) ": " span.token { (tokens) } } "\n"
        table {
            "\n"
            tr {
                th { (langs.t(|s| s.no)) }
                th { (langs.t(|s| s.answer)) }
                th { (langs.t(|s| s.explanation)) }
            }
            "\n"
            @for (n, token, words, explain) in rows {
                tr {
                    td { (n) }
                    td { b { (token) } " " (words) }
                    td { (explain.unwrap_or_default()) }
                }
                "\n"
            }
        }
        "\n"
    }
}

/// One question with its boxes.
fn question_html(q: &pijat_content::Question, shown: &Shown, langs: &Langs) -> Markup {
    let options = q.kind.options();
    html! {
        @match &q.kind {
            QuestionKind::TrueFalse { .. } => {
                li {
                    span.box {} (langs.t(|s| s.true_word))
                    (PreEscaped(" &nbsp; &nbsp; "))
                    span.box {} (langs.t(|s| s.false_word))
                }
                "\n"
            }
            QuestionKind::Single { .. } | QuestionKind::Multiple { .. } => {
                @if matches!(q.kind, QuestionKind::Multiple { .. }) {
                    li.tr { (langs.t(|s| s.tick_every_right_option)) } "\n"
                }
                @for (place, option) in in_order(shown, options) {
                    @let (o, o2) = texts(option, langs);
                    li { span.box {} ((b'a' + place as u8) as char) ") " (o) (translation(o2)) } "\n"
                }
            }
            QuestionKind::Order { .. } => {
                @for (place, option) in in_order(shown, options) {
                    @let (o, o2) = texts(option, langs);
                    li { (place + 1) ") " (o) (translation(o2)) } "\n"
                }
                li {
                    (langs.t(|s| s.order)) ": "
                    (joined(
                        shown.options.iter().map(|_| html! { span.line style="min-width:10mm" {} }),
                        " ",
                    ))
                }
                "\n"
            }
        }
    }
}

/// The test (or its key) as HTML that prints on A4.
pub fn html(quiz: &Quiz, langs: &Langs, key: bool) -> String {
    let (title, title2) = texts(&quiz.title, langs);
    if key {
        return html_page(&title, &langs.first, CSS, key_html(quiz, langs, &title));
    }
    let paper = paper_layout(quiz);
    let starts = page_starts(quiz, langs);
    let body = html! {
        h1 { (title) } "\n"
        @if let Some(t2) = title2 { p.sub { (t2) } "\n" }
        div.head { @for line in head_html(langs) { div { (line) } } } "\n"
        p { (langs.t(|s| s.instructions_answer_alone_without)) } "\n"
        @for (i, shown) in paper.shown.iter().enumerate() {
            @if let Some(q) = quiz.questions.get(shown.question) {
                @let (prompt, prompt2) = texts(&q.prompt, langs);
                div class=(if starts.contains(&i) { "q new-page" } else { "q" }) {
                    span.n { (i + 1) "." } " " (prompt) (translation(prompt2)) "\n"
                    ul.opts { "\n" (question_html(q, shown, langs)) }
                }
                "\n"
            }
        }
    };
    html_page(&title, &langs.first, CSS, body)
}
