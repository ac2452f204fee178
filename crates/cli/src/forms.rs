//! `pijat forms`: the cadres' phone forms. `serve` is the ODK Collect server without the
//! full-screen app: it prints `URL …`, `USER …` and `PASSWORD …`, then a line per submission
//! (`SAVED …`, `RESENT …`, `REFUSED …`) until its input ends, Ctrl+C or SIGTERM. `xlsform`
//! writes the same forms as XLSForm workbooks for KoboToolbox or ODK Central.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use clap::Subcommand;

use super::{EXIT_INPUT, Shell};
use crate::{errln, outln};
use pijat_app::classroom::{Listen, Serve};
use pijat_app::forms::{FormDesk, USER};

#[allow(missing_docs)]
#[derive(Subcommand, Debug)]
pub enum FormsCommand {
    /// Serve a class's daftar tilik and home-visit form to ODK Collect on cadres' phones over
    /// the laptop's hotspot: prints `URL …`, `USER …`, `PASSWORD …`, then a line per form
    /// received; ends on Ctrl+C or the end of input
    Serve {
        /// The class (its roster is the forms' list of participants)
        #[arg(long, value_name = "NAME")]
        class: String,
        /// Listen on this loopback or private address only (default: the private addresses)
        #[arg(long, value_name = "ADDR:PORT")]
        listen: Option<SocketAddr>,
    },
    /// Write the same forms as XLSForm workbooks, one per form (FILE-<form id>.xlsx), for a
    /// puskesmas that runs KoboToolbox or ODK Central; their CSV exports come back with
    /// `sheets import FILE --odk`
    Xlsform {
        /// The class (its roster is the forms' list of participants)
        #[arg(long, value_name = "NAME")]
        class: String,
        /// Where to write: FILE.xlsx becomes FILE-pijat_visit.xlsx and so on
        #[arg(short = 'o', long = "out", value_name = "FILE.xlsx")]
        out: PathBuf,
    },
}

pub(crate) fn run(shell: &Shell, command: FormsCommand, serve: &dyn Serve) -> u8 {
    match command {
        FormsCommand::Serve { class, listen } => run_serve(shell, &class, listen, serve),
        FormsCommand::Xlsform { class, out } => run_xlsform(shell, &class, &out),
    }
}

fn run_serve(shell: &Shell, class: &str, listen: Option<SocketAddr>, serve: &dyn Serve) -> u8 {
    let lang = shell.lang.code();
    let Ok(content) = shell.content_or_exit() else {
        return EXIT_INPUT;
    };
    let dir = match shell.data_dir() {
        Ok(d) => d,
        Err(m) => {
            errln!("{m}");
            return EXIT_INPUT;
        }
    };
    let desk = match FormDesk::open(&content, &dir, class) {
        Ok(d) => Arc::new(d),
        Err(m) => {
            errln!("{}", m.get(lang));
            return EXIT_INPUT;
        }
    };
    let listen = listen.map_or(Listen::Private, Listen::At);
    let Some(server) = super::classroom::announced(serve.start_forms(desk.clone(), &listen), lang)
    else {
        return EXIT_INPUT;
    };
    outln!("USER {USER}");
    outln!("PASSWORD {}", desk.password());
    for s in desk.forms() {
        outln!("FORM {} {}", s.form.id, s.form.version);
    }
    errln!("{}", pijat_core::both!(odk, serve_stop).get(lang));
    let input = super::classroom::inputs();
    let mut seen = 0;
    loop {
        for a in desk.arrivals.since(seen) {
            seen += 1;
            outln!("{}", a.line(lang));
        }
        match input.recv_timeout(Duration::from_millis(200)) {
            Ok(super::classroom::Input::Stop)
            | Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => break,
            _ => {}
        }
    }
    server.stop();
    for a in desk.arrivals.since(seen) {
        outln!("{}", a.line(lang));
    }
    let n = desk.arrivals.saved();
    errln!("{}", pijat_core::both!(odk, serve_ended, n = n).get(lang));
    0
}

/// `FILE.xlsx` with `-<form id>` before the extension.
fn named(out: &Path, form_id: &str) -> PathBuf {
    let stem = out
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    out.with_file_name(format!("{stem}-{form_id}.xlsx"))
}

fn run_xlsform(shell: &Shell, class: &str, out: &Path) -> u8 {
    let lang = shell.lang.code();
    let Ok(content) = shell.content_or_exit() else {
        return EXIT_INPUT;
    };
    let records = match shell.store_to_read() {
        Ok(r) => r,
        Err(m) => {
            errln!("{m}");
            return EXIT_INPUT;
        }
    };
    let books = match pijat_app::forms::xlsforms(&records, &content, class) {
        Ok(b) => b,
        Err(m) => {
            errln!("{}", m.get(lang));
            return EXIT_INPUT;
        }
    };
    let files: Vec<(PathBuf, Vec<u8>)> = books
        .into_iter()
        .map(|(id, b)| (named(out, &id), b))
        .collect();
    for (f, _) in &files {
        if f.exists() {
            let shown = f.display().to_string();
            errln!(
                "{}",
                pijat_core::both!(messages, already_exists_choose_another_file, shown = shown)
                    .get(lang)
            );
            return EXIT_INPUT;
        }
    }
    for (f, bytes) in &files {
        if let Err(m) = pijat_app::out_file::write_new(f, bytes) {
            errln!("{}", m.get(lang));
            return EXIT_INPUT;
        }
        outln!("{}", f.display());
    }
    let path = out.display().to_string();
    let forms = files.len();
    errln!(
        "{}",
        pijat_core::both!(odk, xlsform_written, path = path, forms = forms).get(lang)
    );
    0
}
