//! Parses the command line and hands off: `pijat` alone to the full-screen app, a command to
//! the command line; the web shell (the test on phones) is handed to both. The one place that
//! knows every shell.

use std::process::ExitCode;

use clap::Parser;
use pijat_cli::{Cli, EXIT_INPUT, Shell};

fn main() -> ExitCode {
    let cli = Cli::parse();
    if cli.command.is_some() {
        return pijat_cli::run(cli, &pijat_web::Web);
    }
    let shell = Shell::from_cli(&cli);
    let new_data_folder = shell
        .data_dir()
        .is_ok_and(|d| pijat_app::Records::is_new(&d));
    let started = pijat_tui::run(
        || shell.content_or_lines(),
        || shell.store(),
        new_data_folder,
        cli.lang.clone(),
        cli.practice_speed,
        cli.voice.as_deref().map(|v| v == "on"),
        &pijat_web::Web,
    );
    match started {
        Ok(()) => ExitCode::SUCCESS,
        Err(pijat_tui::StartError::Prepare(m)) => {
            pijat_cli::errln!("{m}");
            ExitCode::from(EXIT_INPUT)
        }
        Err(pijat_tui::StartError::Terminal(e)) => {
            pijat_cli::errln!("pijat: {e}");
            ExitCode::from(EXIT_INPUT)
        }
    }
}
