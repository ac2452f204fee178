use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = pijat::cli::Cli::parse();
    // The web shell is handed to the others here, so no shell imports another.
    pijat::cli::run(cli, &pijat::web::Web)
}
