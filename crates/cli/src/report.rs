//! `pijat report [--class NAME] [--quiz ID] [--format text|csv|md|json|html|docx|xlsx] [--items]
//! [--cutoffs GOOD,FAIR] [--out FILE] [--names codes|initials|full] [--names-key FILE]`.

use pijat_core::strings::cli::tr;
use std::io::IsTerminal;
use std::path::PathBuf;
use std::sync::Arc;

use super::{EXIT_INPUT, EXIT_USAGE, Shell};
use pijat_app::report_data::report_input;
use pijat_engine::report::build::Cutoffs;
use pijat_engine::report::names::{KeyRow, Names, disguise};
use pijat_engine::report::png::Fonts;
use pijat_engine::report::{build, render};

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Text,
    Csv,
    Md,
    Json,
    Html,
    Docx,
    Xlsx,
}

impl Format {
    fn binary(self) -> bool {
        matches!(self, Format::Docx | Format::Xlsx)
    }

    /// The documents for a laporan always carry the per-question table and chart.
    fn document(self) -> bool {
        matches!(self, Format::Html | Format::Docx | Format::Xlsx)
    }

    fn extension(self) -> &'static str {
        match self {
            Format::Text => "txt",
            Format::Csv => "csv",
            Format::Md => "md",
            Format::Json => "json",
            Format::Html => "html",
            Format::Docx => "docx",
            Format::Xlsx => "xlsx",
        }
    }
}

/// `--names`: how participants are named in the report.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum NamesArg {
    Codes,
    Initials,
    Full,
}

impl From<NamesArg> for Names {
    fn from(n: NamesArg) -> Names {
        match n {
            NamesArg::Codes => Names::Codes,
            NamesArg::Initials => Names::Initials,
            NamesArg::Full => Names::Full,
        }
    }
}

/// `76,56`: the lowest scores (%) of "good" and of "fair".
pub(crate) fn parse_cutoffs(s: &str) -> Result<Cutoffs, String> {
    let parts: Vec<Option<f64>> = s.split(',').map(|p| p.trim().parse::<f64>().ok()).collect();
    match parts.as_slice() {
        [Some(good), Some(fair)] if 0.0 < *fair && fair < good && *good <= 100.0 => Ok(Cutoffs {
            good: *good,
            fair: *fair,
        }),
        _ => Err(format!(
            "`{s}` is not two cut-offs: write GOOD,FAIR with 0 < FAIR < GOOD ≤ 100, e.g. 76,56"
        )),
    }
}

/// A share in % from 0 to 100, as `--ebf-target` takes it.
pub(crate) fn parse_percent(s: &str) -> Result<f64, String> {
    match s.trim().replace(',', ".").parse::<f64>() {
        Ok(p) if (0.0..=100.0).contains(&p) => Ok(p),
        _ => Err(format!("`{s}` is not a percentage from 0 to 100, e.g. 80")),
    }
}

pub(crate) struct Args<'a> {
    pub class: Option<&'a str>,
    /// `--recap`, with its months as typed.
    pub recap: Option<(Option<&'a str>, Option<&'a str>)>,
    pub quiz: Option<&'a str>,
    pub format: Format,
    pub items: bool,
    pub cutoffs: Option<Cutoffs>,
    pub ebf_target: Option<f64>,
    pub out: Option<PathBuf>,
    pub names: Names,
    pub names_key: Option<PathBuf>,
}

/// The fonts Word's pictures of the charts are drawn with: the system's own, none embedded.
pub(crate) fn system_fonts() -> Fonts {
    let mut db = resvg::usvg::fontdb::Database::new();
    db.load_system_fonts();
    Arc::new(db)
}

pub(crate) fn run(shell: &Shell, a: &Args) -> u8 {
    let lang = &shell.lang;
    if a.names == Names::Full && a.names_key.is_some() {
        crate::errln!("{}", tr(lang).names_key_without_codes);
        return EXIT_USAGE;
    }
    if a.format.binary() && a.out.is_none() && std::io::stdout().is_terminal() {
        let ext = a.format.extension();
        crate::errln!(
            "{}",
            pijat_core::fill!(
                cli,
                pijat_core::strings::cli::tr(lang),
                file_not_screen_add,
                ext = ext
            )
        );
        return EXIT_USAGE;
    }
    let content = match shell.content_or_exit() {
        Ok(c) => c,
        Err(code) => return code,
    };
    let quiz = match a.quiz {
        Some(id) => content.quiz(id),
        None => content.prepost_quiz(),
    };
    let Some(quiz) = quiz else {
        crate::errln!("{}", tr(lang).no_such_quiz);
        return EXIT_USAGE;
    };
    let store = match shell.store_to_read() {
        Ok(s) => s,
        Err(m) => {
            crate::errln!("{m}");
            return EXIT_INPUT;
        }
    };
    let items = a.items || a.format.document();
    let routine = pijat_app::monitoring::main_routine(&content);
    if let Some((from, to)) = a.recap {
        let bytes = match super::recap::bytes(&store, quiz, routine, lang, (from, to), a) {
            Ok(b) => b,
            Err((code, m)) => {
                crate::errln!("{m}");
                return code;
            }
        };
        return finish(&bytes, a, &[], lang);
    }
    let mut input = match report_input(&store, quiz, a.class, items, lang, routine) {
        Ok(Some(i)) => i,
        Ok(None) => {
            let names: Vec<String> = store
                .classes()
                .unwrap_or_default()
                .into_iter()
                .map(|c| c.name)
                .collect();
            let list = if names.is_empty() {
                "–".to_string()
            } else {
                names.join(", ")
            };
            let name = a.class.unwrap_or_default();
            crate::errln!(
                "{}",
                pijat_core::fill!(
                    cli,
                    pijat_core::strings::cli::tr(lang),
                    no_class_classes,
                    name = name,
                    list = list
                )
            );
            return EXIT_INPUT;
        }
        Err(e) => {
            crate::errln!("{}", e.message().get(lang.code()));
            return EXIT_INPUT;
        }
    };
    if let Some(c) = a.cutoffs {
        input.cutoffs = c;
    }
    input.ebf_target = a.ebf_target;
    let key = disguise(&mut input, a.names);
    let report = build(&input);
    let title = quiz.title.get(lang);
    let bytes: Result<Vec<u8>, String> = match a.format {
        Format::Text => Ok(render::text(&report, title, lang).into_bytes()),
        Format::Csv => Ok(render::csv(&report, lang).into_bytes()),
        Format::Md => Ok(render::markdown(&report, title, lang).into_bytes()),
        Format::Json => Ok(render::json(&report).into_bytes()),
        Format::Html => Ok(render::html(&report, title, lang).into_bytes()),
        Format::Docx => {
            let now = chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string();
            render::docx(&report, title, lang, &system_fonts(), &now)
        }
        Format::Xlsx => render::xlsx(&report, title, lang),
    };
    let bytes = match bytes {
        Ok(b) => b,
        Err(e) => {
            crate::errln!("pijat: {e}");
            return EXIT_INPUT;
        }
    };
    finish(&bytes, a, &key, lang)
}

/// Writes the trainer's key of names (when asked) and then the report, to its file or standard
/// output; the exit code.
fn finish(bytes: &[u8], a: &Args, key: &[KeyRow], lang: &pijat_content::Lang) -> u8 {
    // The key first: if the report cannot be written after it, the key is taken back, so a
    // failed run leaves neither.
    if let Some(file) = &a.names_key {
        let bytes = render::name_key(key, lang);
        if let Err(m) = write(file, bytes.as_bytes(), lang) {
            crate::errln!("{m}");
            return EXIT_INPUT;
        }
        let file = file.display();
        crate::outln!(
            "{}",
            pijat_core::fill!(cli, tr(lang), names_key_written, file = file)
        );
    }
    let written = match &a.out {
        Some(file) => write(file, bytes, lang).map(|()| {
            let file = file.display();
            crate::outln!(
                "{}",
                pijat_core::fill!(cli, tr(lang), report_written, file = file)
            );
        }),
        None => {
            super::out::write_bytes(bytes);
            Ok(())
        }
    };
    match written {
        Ok(()) => 0,
        Err(m) => {
            if let Some(file) = &a.names_key {
                let _ = std::fs::remove_file(file);
            }
            crate::errln!("{m}");
            EXIT_INPUT
        }
    }
}

/// Writes a new file, or says why not.
fn write(file: &std::path::Path, bytes: &[u8], lang: &pijat_content::Lang) -> Result<(), String> {
    pijat_app::out_file::write_new(file, bytes).map_err(|m| m.get(lang.code()).to_string())
}
