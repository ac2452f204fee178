//! The command line (a contract: extend it, don't rename it) and the non-interactive commands.

mod audio_guide;
mod bundle;
mod classroom;
pub mod forms;
mod history;
pub mod out;
mod print;
mod print_forms;

mod quiz;
mod recap;
mod report;
mod sheets;
mod validate;

use pijat_core::strings::cli::tr;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use pijat_app::Records;
use pijat_content::{Content, Lang, Phase, load_with};
use pijat_core::Role;

/// Exit statuses: 0 done, 1 the input was wrong (the message says where), 2 usage.
pub const EXIT_INPUT: u8 = 1;
/// The command line itself was wrong.
pub const EXIT_USAGE: u8 = 2;

/// // clap turns doc comments into help text; each option is documented by its help above it.
#[allow(missing_docs)]
#[derive(Parser, Debug)]
#[command(
    name = "pijat",
    version,
    about = "Latihan pijat oksitosin untuk program Ayah ASI · oxytocin massage training for the Ayah ASI programme"
)]
pub struct Cli {
    /// Folder for the data file (default: the user's data folder)
    #[arg(long, global = true, env = "PIJAT_DATA_DIR", value_name = "DIR")]
    pub data_dir: Option<PathBuf>,

    /// A trainer's content folder (curriculum/ and quizzes/) over the shipped content
    #[arg(long, global = true, value_name = "DIR")]
    pub content: Option<PathBuf>,

    /// Language: id (Bahasa Indonesia, default) or en (English)
    #[arg(long, global = true, env = "PIJAT_LANG", value_name = "id|en", value_parser = parse_lang)]
    pub lang: Option<Lang>,

    /// Run timed practice steps this many times faster (demonstrations, tests)
    #[arg(long, global = true, value_name = "X", default_value_t = 1.0, value_parser = parse_speed)]
    pub practice_speed: f64,

    /// Spoken guidance in the app: on or off (kept for next time)
    #[arg(long, global = true, value_name = "on|off", value_parser = ["on", "off"])]
    pub voice: Option<String>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[allow(missing_docs)]
#[derive(Subcommand, Debug)]
pub enum Command {
    /// Check content: the shipped files, or DIR on top of them; lists every problem
    Validate {
        /// A trainer's content folder holding curriculum/ and/or quizzes/
        dir: Option<PathBuf>,
    },
    /// Take a quiz; with --plain, line by line on stdin/stdout (screen readers, scripts)
    Quiz {
        /// One question per line of output, one answer per line of input
        #[arg(long)]
        plain: bool,
        #[command(flatten)]
        args: quiz::PlainArgs,
    },
    /// A paper test (items in file order, boxes to mark) or, with --key, its answer key; or one
    /// of the programme's forms
    #[command(args_conflicts_with_subcommands = true)]
    Print {
        #[command(subcommand)]
        form: Option<print_forms::Form>,
        /// The question set, e.g. knowledge
        quiz: Option<String>,
        #[arg(long, value_enum, default_value = "md")]
        format: print::Format,
        /// The answer key instead of the test
        #[arg(long)]
        key: bool,
        /// Indonesian and English together
        #[arg(long)]
        bilingual: bool,
    },
    /// A class's pre-test and post-test results and statistics, with checklist and visits
    Report {
        /// Only this class (default: everyone who took the test)
        #[arg(long, value_name = "NAME", conflicts_with = "recap")]
        class: Option<String>,
        /// The puskesmas recap instead: every class on this laptop, a row per posyandu (the
        /// class's place) and month, with totals
        #[arg(long)]
        recap: bool,
        /// With --recap: from this month on (YEAR-MONTH, e.g. 2026-07)
        #[arg(long, value_name = "YYYY-MM", requires = "recap")]
        from: Option<String>,
        /// With --recap: up to this month
        #[arg(long, value_name = "YYYY-MM", requires = "recap")]
        to: Option<String>,
        /// The question set (default: the pre/post test)
        #[arg(long, value_name = "ID")]
        quiz: Option<String>,
        #[arg(long, value_enum, default_value = "text")]
        format: report::Format,
        /// Per question: share right before and after, discrimination, McNemar (always in
        /// html, docx and xlsx)
        #[arg(long)]
        items: bool,
        /// Knowledge categories: the lowest % of "good" and of "fair" (default Arikunto's 76,56)
        #[arg(long, value_name = "GOOD,FAIR", value_parser = report::parse_cutoffs)]
        cutoffs: Option<pijat_engine::report::build::Cutoffs>,
        /// The target share (%) of visited babies under 6 months exclusively breastfed
        /// (default 80, the national target)
        #[arg(long, value_name = "PERCENT", value_parser = report::parse_percent)]
        ebf_target: Option<f64>,
        /// Write to FILE (it must not exist yet) instead of standard output
        #[arg(long, short = 'o', value_name = "FILE")]
        out: Option<PathBuf>,
        /// How participants are named: codes (R1, R2, …), initials, or full names (only with
        /// their consent)
        #[arg(long, value_enum, default_value = "codes")]
        names: report::NamesArg,
        /// With codes or initials: also write who each one is to FILE (CSV, it must not exist
        /// yet), a key for the trainer to keep, never to share
        #[arg(long, value_name = "FILE", conflicts_with = "recap")]
        names_key: Option<PathBuf>,
    },
    /// Write everything (or one class) to one bundle file, to merge on another laptop
    Export {
        /// The bundle file to write (it must not exist yet)
        file: PathBuf,
        /// Only this class's participants and their records
        #[arg(long, value_name = "NAME")]
        class: Option<String>,
        /// Names replaced by codes (P001…), trainers' names and free-text notes left out
        #[arg(long)]
        pseudonymise: bool,
    },
    /// Merge bundle files from other laptops (all of them, or none if one is damaged)
    Import {
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Typed-in paper forms: answer sheets, observation checklists and home visits of a class
    Sheets {
        #[command(subcommand)]
        command: SheetsCommand,
    },
    /// The pre-test or post-test on the fathers' phones, over the laptop's hotspot: prints
    /// `URL …` and `CODE …`, then a line per event; ends on Ctrl+C or the end of input
    Classroom {
        /// The class taking the test (made in trainer mode, with its roster)
        #[arg(long, value_name = "NAME")]
        class: String,
        #[arg(long, value_parser = parse_test_phase, value_name = "pre|post")]
        phase: Phase,
        /// The question set (default: the pre/post test)
        #[arg(long, value_name = "ID")]
        quiz: Option<String>,
        /// Listen on this loopback or private address only (default: the private addresses)
        #[arg(long, value_name = "ADDR:PORT")]
        listen: Option<std::net::SocketAddr>,
        /// Let a father not on the roster add his name from his phone
        #[arg(long)]
        allow_new_names: bool,
    },
    /// The daftar tilik and home-visit form on cadres' phones (ODK Collect)
    Forms {
        #[command(subcommand)]
        command: forms::FormsCommand,
    },
    /// A trainee's attempts, pre → post change, practice runs and observations
    History {
        /// Only this trainee (default: everyone on this laptop)
        #[arg(long, value_name = "NAME")]
        profile: Option<String>,
    },
    /// The guided practice as audio for a phone: a track per step and one complete track
    #[command(name = "audio-guide")]
    AudioGuide {
        /// The folder to write the tracks into (made if missing)
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
        /// The routine (default: the oxytocin massage)
        #[arg(long, value_name = "ID")]
        routine: Option<String>,
        /// ogg: Ogg Opus, small, for phones and WhatsApp (default); wav: large, for editing
        #[arg(long, value_name = "ogg|wav", default_value = "ogg", value_parser = audio_guide::parse_format)]
        format: audio_guide::Format,
    },
}

#[allow(missing_docs)]
#[derive(Subcommand, Debug)]
pub enum SheetsCommand {
    /// Import a CSV: answer sheets `name,role,answers` (--phase), checklists
    /// `name,observer,date,marks` (--checklist) or visits
    /// `name,date,milk_flow,comfort,massages_per_day,notes` (--visits); all rows or none
    #[command(group(clap::ArgGroup::new("kind").required(true).args(["phase", "checklist", "visits", "odk"])))]
    Import {
        /// The CSV file (UTF-8, comma or semicolon)
        file: PathBuf,
        /// The class the participants belong to: a class on this laptop (see --new-class)
        #[arg(long, value_name = "NAME")]
        class: String,
        /// Make the class when it is not on this laptop yet; everyone on the sheet joins it
        #[arg(long)]
        new_class: bool,
        /// Add people who are not on the class's roster (the summary lists them); without it a
        /// name not on the roster is refused with the nearest names
        #[arg(long)]
        add_new: bool,
        /// Answer sheets of a test: pre or post
        #[arg(long, value_parser = parse_test_phase, value_name = "pre|post")]
        phase: Option<Phase>,
        /// The question set of answer sheets (default: the pre/post test)
        #[arg(long, value_name = "ID", requires = "phase")]
        quiz: Option<String>,
        /// Observation checklists of this routine
        #[arg(long, value_name = "ROUTINE")]
        checklist: Option<String>,
        /// Follow-up visit forms
        #[arg(long)]
        visits: bool,
        /// A KoboToolbox or ODK Central CSV export of pijat's forms (`forms xlsform`)
        #[arg(long, conflicts_with_all = ["new_class", "add_new", "replace"])]
        odk: bool,
        /// Replace records typed from an earlier sheet (records made in pijat are never replaced)
        #[arg(long)]
        replace: bool,
    },
}

fn parse_test_phase(s: &str) -> Result<Phase, String> {
    match Phase::from_name(s) {
        Some(p @ (Phase::Pre | Phase::Post)) => Ok(p),
        _ => Err(format!("`{s}` is not a test: use pre or post")),
    }
}

fn parse_lang(s: &str) -> Result<Lang, String> {
    Lang::parse(s).ok_or_else(|| format!("`{s}` is not a language code: use id or en"))
}

fn parse_speed(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(x) if x.is_finite() && (0.1..=1000.0).contains(&x) => Ok(x),
        _ => Err(format!(
            "`{s}` is not a speed: use a number from 0.1 to 1000, e.g. 10"
        )),
    }
}

fn parse_phase(s: &str) -> Result<Phase, String> {
    Phase::from_name(s).ok_or_else(|| format!("`{s}` is not a phase: use pre, post or practice"))
}

fn parse_role(s: &str) -> Result<Role, String> {
    Role::parse(s)
        .ok_or_else(|| format!("`{s}` is not a role: use father, cadre, midwife or other"))
}

pub use pijat_core::local_date;

mod shell;
pub use shell::*;

/// Runs a command (not the full-screen app) and says how it ended.
pub fn run(cli: Cli, serve: &'static dyn pijat_app::classroom::Serve) -> ExitCode {
    let shell = Shell::from_cli(&cli);
    let code = match cli.command {
        Some(Command::Validate { dir }) => {
            validate::run(dir.as_deref().or(shell.content_dir.as_deref()), &shell.lang)
        }
        Some(Command::Quiz { plain, args }) => {
            if !plain {
                crate::errln!("{}", tr(&shell.lang).full_screen_quiz_app);
                return ExitCode::from(EXIT_USAGE);
            }
            let stdin = std::io::stdin();
            quiz::run(
                &shell,
                &args,
                &mut stdin.lock(),
                &mut std::io::stdout(),
                &mut std::io::stderr(),
            )
        }
        Some(Command::History { profile }) => history::run(&shell, profile.as_deref()),
        Some(Command::Classroom {
            class,
            phase,
            quiz,
            listen,
            allow_new_names,
        }) => classroom::run(
            &shell,
            &classroom::Args {
                class: &class,
                phase,
                quiz: quiz.as_deref(),
                listen,
                new_names: allow_new_names,
            },
            serve,
        ),
        Some(Command::Print {
            form: Some(form), ..
        }) => print_forms::run(&shell, &form),
        Some(Command::Print {
            form: None,
            quiz,
            format,
            key,
            bilingual,
        }) => match quiz {
            Some(quiz) => print::run(&shell, &quiz, format, key, bilingual),
            None => {
                crate::errln!("{}", tr(&shell.lang).name_question_set_e);
                EXIT_USAGE
            }
        },
        Some(Command::Sheets { command }) => sheets::run(&shell, command),
        Some(Command::Forms { command }) => forms::run(&shell, command, serve),
        Some(Command::Export {
            file,
            class,
            pseudonymise,
        }) => bundle::export(&shell, &file, class.as_deref(), pseudonymise),
        Some(Command::Import { files }) => bundle::import(&shell, &files),
        Some(Command::AudioGuide {
            out,
            routine,
            format,
        }) => audio_guide::run(&shell, &out, routine.as_deref(), format),
        Some(Command::Report {
            class,
            recap,
            from,
            to,
            quiz,
            format,
            items,
            cutoffs,
            ebf_target,
            out,
            names,
            names_key,
        }) => report::run(
            &shell,
            &report::Args {
                class: class.as_deref(),
                recap: recap.then_some((from.as_deref(), to.as_deref())),
                quiz: quiz.as_deref(),
                format,
                items,
                cutoffs,
                ebf_target,
                out,
                names: names.into(),
                names_key,
            },
        ),
        // `pijat` alone is the full-screen app, started by `main`.
        None => EXIT_USAGE,
    };
    ExitCode::from(code)
}
