//! `pijat classroom`: the test on phones without the full-screen app. Prints `URL …` and
//! `CODE …`, then one line per event, and stops on Ctrl+C, SIGTERM or the end of standard
//! input, printing who finished (`FINISHED name`).

use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, channel};
use std::time::Duration;

use super::{EXIT_INPUT, Shell};
use crate::{errln, outln};
use pijat_app::classroom::{Classroom, Listen, Serve, Setup};
use pijat_core::Phase;
use pijat_core::strings::classroom::both;

pub(crate) struct Args<'a> {
    pub class: &'a str,
    pub phase: Phase,
    pub quiz: Option<&'a str>,
    pub listen: Option<SocketAddr>,
    pub new_names: bool,
}

pub(crate) fn run(shell: &Shell, args: &Args, serve: &dyn Serve) -> u8 {
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
    let setup = Setup {
        data_dir: &dir,
        class: args.class,
        phase: args.phase,
        quiz: args.quiz,
        new_names: args.new_names,
    };
    let room = match Classroom::open(&content, &setup) {
        Ok(r) => Arc::new(r),
        Err(m) => {
            errln!("{}", m.get(lang));
            return EXIT_INPUT;
        }
    };
    let listen = args.listen.map_or(Listen::Private, Listen::At);
    let server = match serve.start(room.clone(), &listen) {
        Ok(s) => s,
        Err(m) => {
            errln!("{}", m.get(lang));
            return EXIT_INPUT;
        }
    };
    if let Some(w) = server.warning() {
        errln!("{}", w.get(lang));
    }
    for url in server.urls() {
        outln!("URL {url}");
    }
    outln!("CODE {}", room.code());
    errln!("{}", both(|s| s.headless_stop, &[]).get(lang));
    let stop = stop_signals();
    let mut seen = 0;
    loop {
        for e in room.events.since(seen, Duration::from_millis(200)) {
            seen += 1;
            outln!("{}", e.line());
        }
        if stop.try_recv().is_ok() {
            break;
        }
    }
    let finished = room.end();
    server.stop();
    for e in room.events.since(seen, Duration::ZERO) {
        outln!("{}", e.line());
    }
    for name in &finished {
        outln!("FINISHED {name}");
    }
    let n = finished.len().to_string();
    errln!("{}", both(|s| s.live_ended, &[("n", &n)]).get(lang));
    0
}

/// A message when the test should end: standard input closed, Ctrl+C, or SIGTERM.
fn stop_signals() -> Receiver<()> {
    let (tx, rx) = channel();
    let on_eof = tx.clone();
    std::thread::spawn(move || {
        let mut sink = std::io::sink();
        let _ = std::io::copy(&mut std::io::stdin().lock(), &mut sink);
        let _ = on_eof.send(());
    });
    std::thread::spawn(move || {
        let Ok(rt) = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
        else {
            return;
        };
        rt.block_on(signal());
        let _ = tx.send(());
    });
    rx
}

#[cfg(unix)]
async fn signal() {
    use tokio::signal::unix::{SignalKind, signal};
    match signal(SignalKind::terminate()) {
        Ok(mut term) => tokio::select! {
            _ = tokio::signal::ctrl_c() => {}
            _ = term.recv() => {}
        },
        Err(_) => {
            let _ = tokio::signal::ctrl_c().await;
        }
    }
}

#[cfg(not(unix))]
async fn signal() {
    let _ = tokio::signal::ctrl_c().await;
}
