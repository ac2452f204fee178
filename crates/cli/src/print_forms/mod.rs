//! `pijat print checklist ROUTINE | visit | attendance --class NAME | leaflet ROUTINE |
//! certificate --class NAME`: the programme's paper forms, in Markdown or as HTML that prints on
//! A4, in Indonesian, English or both. The checklist and the visit form are laid out in the
//! order `sheets import --checklist` and `--visits` read them back.

mod attendance;
mod back_figure;
mod certificate;
mod checklist;
mod leaflet;
mod visit;

use super::print::{Format, Langs};
use super::{EXIT_INPUT, EXIT_USAGE, Shell};
use pijat_content::{Content, Lang};
use pijat_core::strings::cli::tr;

#[derive(clap::Args, Debug, Clone)]
pub struct Paper {
    #[arg(long, value_enum, default_value = "md")]
    pub format: Format,
    /// Indonesian and English together
    #[arg(long)]
    pub bilingual: bool,
}

#[derive(clap::Subcommand, Debug)]
pub enum Form {
    /// The observation checklist (daftar tilik) of a routine: a row per step, boxes 2/1/0/–
    Checklist {
        /// The routine, e.g. oxytocin-massage
        routine: String,
        #[command(flatten)]
        paper: Paper,
    },
    /// The home-visit form, in the columns `sheets import --visits` reads
    Visit {
        #[command(flatten)]
        paper: Paper,
    },
    /// The attendance list (daftar hadir) of a class: names, roles, a signature per meeting
    Attendance {
        #[arg(long, value_name = "NAME")]
        class: String,
        #[command(flatten)]
        paper: Paper,
    },
    /// One A4 page for fathers to take home: the steps, the back, when not to massage, when to stop
    Leaflet {
        /// The routine, e.g. oxytocin-massage
        routine: String,
        #[command(flatten)]
        paper: Paper,
    },
    /// A certificate for each participant of a class judged competent at their latest observation
    Certificate {
        #[arg(long, value_name = "NAME")]
        class: String,
        #[command(flatten)]
        paper: Paper,
    },
}

pub(crate) use pijat_core::html::esc;

/// The paper's languages: the chosen one, or Indonesian with English.
pub(crate) fn langs(shell: &Shell, bilingual: bool) -> Langs {
    Langs {
        first: if bilingual {
            Lang::id()
        } else {
            shell.lang.clone()
        },
        second: bilingual.then(Lang::en),
    }
}

pub(crate) const FORM_CSS: &str = "@page { size: A4; margin: 14mm 15mm; }
body { font-family: 'Noto Sans', 'DejaVu Sans', 'Liberation Sans', Arial, sans-serif; font-size: 10.5pt; line-height: 1.35; color: #000; margin: 0; }
h1 { font-size: 15pt; margin: 0 0 4pt; }
h2 { font-size: 12pt; margin: 8pt 0 3pt; }
p { margin: 0 0 5pt; }
.fields { border: 1px solid #000; padding: 5pt 7pt; margin: 0 0 8pt; line-height: 2; }
.field { display: inline-block; margin-right: 16pt; white-space: nowrap; }
.line { display: inline-block; border-bottom: 1px solid #000; min-width: 45mm; height: 1em; vertical-align: -2pt; }
.short { min-width: 25mm; }
.opt { display: inline-block; white-space: nowrap; margin-right: 12pt; }
.box { display: inline-block; width: 10pt; height: 10pt; border: 1px solid #000; margin-right: 4pt; vertical-align: -1pt; }
table { border-collapse: collapse; width: 100%; }
.fields, table { box-sizing: border-box; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th, td { border: 1px solid #000; padding: 3pt 4pt; vertical-align: top; text-align: left; }
th { background: #eee; }
td.c, th.c { text-align: center; width: 9mm; }
td.tall { height: 11mm; }
.small { font-size: 9pt; }
.tr { font-style: italic; color: #333; }
.page { break-after: page; page-break-after: always; }
.page:last-child { break-after: auto; page-break-after: auto; }
@media screen { body { max-width: 180mm; margin: 10mm auto; } }";

/// A complete HTML document of one or more pages.
pub(crate) fn html_page(title: &str, lang: &Lang, css: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>\n{css}\n</style>\n</head>\n<body>\n{body}</body>\n</html>\n",
        lang.code(),
        esc(title)
    )
}

/// `☐ word` for Markdown, a box then the word (kept together) for HTML.
pub(crate) fn option(word: &str, html: bool) -> String {
    if html {
        format!(
            "<span class=\"opt\"><span class=\"box\"></span>{}</span>",
            esc(word)
        )
    } else {
        format!("☐ {word}")
    }
}

/// `Label: ______` for Markdown, a label and a line to write on for HTML.
pub(crate) fn field(label: &str, html: bool, short: bool) -> String {
    if html {
        let class = if short { "line short" } else { "line" };
        format!(
            "<span class=\"field\">{}: <span class=\"{class}\"></span></span>",
            esc(label)
        )
    } else {
        let line = if short {
            "__________"
        } else {
            "______________________"
        };
        format!("{label}: {line}")
    }
}

fn routine_or_exit<'c>(
    content: &'c Content,
    id: &str,
    lang: &Lang,
) -> Result<&'c pijat_content::Routine, u8> {
    content.routine(id).ok_or_else(|| {
        let ids: Vec<&str> = content.routines().map(|r| r.id.as_str()).collect();
        crate::errln!("{} `{id}`: {}", tr(lang).no_such_routine, ids.join(", "));
        EXIT_USAGE
    })
}

pub(crate) fn run(shell: &Shell, form: &Form) -> u8 {
    let content = match shell.content_or_exit() {
        Ok(c) => c,
        Err(code) => return code,
    };
    let lang = &shell.lang;
    let out = match form {
        Form::Checklist { routine, paper } => match routine_or_exit(&content, routine, lang) {
            Ok(r) => Ok(checklist::render(
                r,
                &langs(shell, paper.bilingual),
                paper.format,
            )),
            Err(code) => return code,
        },
        Form::Visit { paper } => Ok(visit::render(&langs(shell, paper.bilingual), paper.format)),
        Form::Leaflet { routine, paper } => match routine_or_exit(&content, routine, lang) {
            Ok(r) => Ok(leaflet::render(r, &content, shell, paper)),
            Err(code) => return code,
        },
        Form::Attendance { class, paper } => {
            class_paper(shell, &content, class, paper).and_then(|c| attendance::render(c, paper))
        }
        Form::Certificate { class, paper } => {
            class_paper(shell, &content, class, paper).and_then(|c| certificate::render(c, paper))
        }
    };
    match out {
        Ok(text) => {
            crate::out!("{text}");
            0
        }
        Err(message) => {
            crate::errln!("{message}");
            EXIT_INPUT
        }
    }
}

/// What a class's paper (attendance, certificate) is made from.
pub(crate) struct ClassPaper {
    pub input: pijat_engine::report::Input,
    pub l: Langs,
    pub info: pijat_engine::report::types::ClassInfo,
}

pub(crate) fn class_paper(
    shell: &Shell,
    content: &Content,
    class: &str,
    paper: &Paper,
) -> Result<ClassPaper, String> {
    let input = class_input(shell, content, class)?;
    let info = input.class.clone().unwrap_or_default();
    let l = langs(shell, paper.bilingual);
    Ok(ClassPaper { input, l, info })
}

/// A class's details and members (with their latest observation), or what to say instead.
pub(crate) fn class_input(
    shell: &Shell,
    content: &Content,
    class: &str,
) -> Result<pijat_engine::report::Input, String> {
    let lang = &shell.lang;
    let store = shell.store_to_read()?;
    let quiz = content
        .prepost_quiz()
        .ok_or_else(|| tr(lang).no_pre_post_question.to_string())?;
    let routine = pijat_app::monitoring::main_routine(content);
    match pijat_app::report_data::report_input(&store, quiz, Some(class), false, lang, routine) {
        Ok(Some(i)) => Ok(i),
        Ok(None) => Err(pijat_core::strings::fill(
            pijat_core::strings::cli::tr(lang).no_class,
            &[("class", &class)],
        )),
        Err(e) => Err(e.message().get(lang.code()).to_string()),
    }
}

pub(crate) use pijat_core::dates::paper_day as date;
