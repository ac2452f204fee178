//! `pijat print checklist ROUTINE | visit | attendance --class NAME | leaflet ROUTINE |
//! certificate --class NAME`: the programme's paper forms, in Markdown or as HTML that prints on
//! A4, in Indonesian, English or both. The checklist and the visit form are laid out in the
//! order `sheets import --checklist` and `--visits` read them back. The documents are made by
//! `pijat_documents`; this shell fetches what they need and writes them out.

use super::print::Format;
use super::{EXIT_INPUT, EXIT_USAGE, Shell};
use pijat_content::{Content, Lang};
use pijat_core::strings::cli::tr;
use pijat_documents::ClassPaper;

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
    /// A cadre's home-visit list: each father with his contact, the baby's age, the last visit
    /// and its findings, red flags and the steps to coach. Personal data: for the cadre only
    Visits {
        /// Only the families due a visit
        #[arg(long)]
        due: bool,
        /// Only this class (default: every class)
        #[arg(long, value_name = "NAME")]
        class: Option<String>,
        /// Only the families this cadre visits (chosen on the class screen)
        #[arg(long, value_name = "NAME")]
        cadre: Option<String>,
        #[arg(long, value_enum, default_value = "md")]
        format: Format,
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
            Ok(r) => Ok(pijat_documents::checklist(
                r,
                &pijat_documents::langs(&shell.lang, paper.bilingual),
                paper.format.into(),
            )),
            Err(code) => return code,
        },
        Form::Visit { paper } => Ok(pijat_documents::visit(
            &pijat_documents::langs(&shell.lang, paper.bilingual),
            paper.format.into(),
        )),
        Form::Leaflet { routine, paper } => match routine_or_exit(&content, routine, lang) {
            Ok(r) => Ok(pijat_documents::leaflet(
                r,
                &content,
                &shell.lang,
                paper.bilingual,
                paper.format.into(),
            )),
            Err(code) => return code,
        },
        Form::Visits {
            due,
            class,
            cadre,
            format,
        } => visits(
            shell,
            &content,
            *due,
            (class.as_deref(), cadre.as_deref()),
            *format,
        ),
        Form::Attendance { class, paper } => class_paper(shell, &content, class, paper)
            .and_then(|c| pijat_documents::attendance(c, paper.format.into())),
        Form::Certificate { class, paper } => class_paper(shell, &content, class, paper)
            .and_then(|c| pijat_documents::certificate(c, paper.format.into())),
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

/// The cadre's visit list, or what to say instead.
fn visits(
    shell: &Shell,
    content: &Content,
    due_only: bool,
    (class, cadre): (Option<&str>, Option<&str>),
    format: Format,
) -> Result<String, String> {
    let lang = &shell.lang;
    let store = shell.store_to_read()?;
    let today = chrono::Local::now().format("%Y-%m-%d").to_string();
    let wanted = pijat_app::visit_list::Wanted {
        class,
        cadre,
        due_only,
        today: &today,
    };
    match pijat_app::visit_list::visit_list(&store, content, lang, wanted) {
        Ok(list) => Ok(pijat_documents::visit_list(&list, lang, format.into())),
        Err(pijat_app::visit_list::ListError::NotHere(m)) => Err(m.get(lang.code()).to_string()),
        Err(pijat_app::visit_list::ListError::Records(e)) => {
            Err(e.message().get(lang.code()).to_string())
        }
    }
}

pub(crate) fn class_paper(
    shell: &Shell,
    content: &Content,
    class: &str,
    paper: &Paper,
) -> Result<ClassPaper, String> {
    let input = class_input(shell, content, class)?;
    let info = input.class.clone().unwrap_or_default();
    let l = pijat_documents::langs(&shell.lang, paper.bilingual);
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
        Ok(None) => Err(pijat_core::fill!(
            cli,
            pijat_core::strings::cli::tr(lang),
            no_class,
            class = class
        )),
        Err(e) => Err(e.message().get(lang.code()).to_string()),
    }
}
