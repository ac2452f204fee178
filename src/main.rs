use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = pijat::cli::Cli::parse();
    pijat::cli::run(cli)
}
