//! The command line (a contract: extend it, don't rename it) and the non-interactive commands.

mod validate;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::content::Lang;

/// Exit statuses: 0 done, 1 the input was wrong (the message says where), 2 usage.
pub const EXIT_INPUT: u8 = 1;

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

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Check content: the shipped files, or DIR on top of them; lists every problem
    Validate {
        /// A trainer's content folder holding curriculum/ and/or quizzes/
        dir: Option<PathBuf>,
    },
}

fn parse_lang(s: &str) -> Result<Lang, String> {
    Lang::parse(s).ok_or_else(|| format!("`{s}` is not a language code: use id or en"))
}

impl Cli {
    pub fn lang(&self) -> Lang {
        self.lang.clone().unwrap_or_else(Lang::id)
    }
}

pub fn run(cli: Cli) -> ExitCode {
    let lang = cli.lang();
    match &cli.command {
        Some(Command::Validate { dir }) => {
            validate::run(dir.as_deref().or(cli.content.as_deref()), &lang)
        }
        None => {
            use clap::CommandFactory;
            let _ = Cli::command().print_help();
            ExitCode::SUCCESS
        }
    }
}
