//! `pijat classroom`: the test on phones without the full-screen app. Prints `URL …` and
//! `CODE …`, then one line per event, and stops on Ctrl+C, SIGTERM or the end of standard
//! input, printing who finished (`FINISHED name`). A name typed on a phone (`ASKED name`) is
//! accepted by the line `yes name` (`ya`) on standard input, refused by `no name` (`tidak`).

use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, channel};
use std::time::Duration;

use super::{EXIT_INPUT, Shell};
use crate::{errln, outln};
use pijat_app::classroom::{Classroom, Listen, Running, Serve, Setup};
use pijat_core::Phase;

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
    let Some(server) = announced(serve.start(room.clone(), &listen), lang) else {
        return EXIT_INPUT;
    };
    outln!("CODE {}", room.code());
    errln!("{}", pijat_core::both!(classroom, headless_stop).get(lang));
    if args.new_names {
        errln!(
            "{}",
            pijat_core::both!(classroom, headless_answer).get(lang)
        );
    }
    let input = inputs();
    let mut seen = 0;
    'serving: loop {
        for e in room.events.since(seen, Duration::from_millis(200)) {
            seen += 1;
            outln!("{}", e.line());
        }
        while let Ok(i) = input.try_recv() {
            match i {
                Input::Stop => break 'serving,
                Input::Yes(name) => {
                    if let Err(m) = room.accept(&name) {
                        errln!("{}", m.get(lang));
                    }
                }
                Input::No(name) => {
                    if !room.decline(&name) {
                        errln!(
                            "{}",
                            pijat_core::both!(classroom, not_asked, n = name).get(lang)
                        );
                    }
                }
                Input::Unknown(l) => {
                    errln!(
                        "{}",
                        pijat_core::both!(classroom, headless_unknown, l = l).get(lang)
                    );
                }
            }
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
    errln!(
        "{}",
        pijat_core::both!(classroom, live_ended, n = n).get(lang)
    );
    0
}

/// A server started, its warning and `URL …` lines printed; `None` after saying why it could
/// not start.
pub(crate) fn announced(
    started: Result<Box<dyn Running>, pijat_core::Bilingual>,
    lang: &str,
) -> Option<Box<dyn Running>> {
    let server = match started {
        Ok(s) => s,
        Err(m) => {
            errln!("{}", m.get(lang));
            return None;
        }
    };
    if let Some(w) = server.warning() {
        errln!("{}", w.get(lang));
    }
    for url in server.urls() {
        outln!("URL {url}");
    }
    Some(server)
}

/// What the trainer typed, or a signal to end.
pub(crate) enum Input {
    Stop,
    Yes(String),
    No(String),
    Unknown(String),
}

impl Input {
    fn of(line: &str) -> Option<Input> {
        let line = line.trim();
        if line.is_empty() {
            return None;
        }
        let (word, rest) = line.split_once(char::is_whitespace).unwrap_or((line, ""));
        let name = rest.trim().to_string();
        Some(match word.to_lowercase().as_str() {
            "yes" | "ya" if !name.is_empty() => Input::Yes(name),
            "no" | "tidak" if !name.is_empty() => Input::No(name),
            _ => Input::Unknown(line.to_string()),
        })
    }
}

/// The trainer's lines, then `Stop` when the test should end: standard input closed, Ctrl+C,
/// or SIGTERM.
pub(crate) fn inputs() -> Receiver<Input> {
    let (tx, rx) = channel();
    let on_eof = tx.clone();
    std::thread::spawn(move || {
        use std::io::BufRead;
        for line in std::io::stdin().lock().lines() {
            let Ok(line) = line else { break };
            if let Some(i) = Input::of(&line)
                && on_eof.send(i).is_err()
            {
                return;
            }
        }
        let _ = on_eof.send(Input::Stop);
    });
    std::thread::spawn(move || {
        let Ok(rt) = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
        else {
            return;
        };
        rt.block_on(signal());
        let _ = tx.send(Input::Stop);
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
