//! The web shell: the phone classroom over HTTP on the laptop's hotspot. Routing, request
//! shape and size, `Host` checks, cookies, connection limits, the page and its JSON; the rules
//! are all in `app::classroom`. Imports app and core, never the store or another shell.

mod conn;
mod digest;
mod net;
mod openrosa;
mod page;
mod reply;
mod routes;

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::sync::watch;

use pijat_app::classroom::{Classroom, Listen, Running, Serve};
use pijat_app::forms::FormDesk;
use pijat_core::Bilingual;

pub use routes::MAX_BODY;

/// The routes of a room without a socket: what the server answers on `addrs`, for tests that
/// send requests straight to it (`tower::ServiceExt::oneshot`) and need no connection.
pub fn router(room: Arc<Classroom>, addrs: &[SocketAddr]) -> axum::Router {
    // Without a socket every request comes from one phone on loopback, unless the test says
    // which address it comes from (a `ConnectInfo` extension).
    routes::router(Arc::new(routes::Site {
        room,
        hosts: net::host_names(addrs),
        page: page::Page::new(),
    }))
    .layer(axum::extract::connect_info::MockConnectInfo(
        SocketAddr::from(([127, 0, 0, 1], 0)),
    ))
}

fn openrosa_router(desk: Arc<FormDesk>, hosts: &[String]) -> axum::Router {
    let guard = digest::Guard::new(pijat_app::forms::USER, desk.password());
    openrosa::router(Arc::new(openrosa::Forms {
        desk,
        hosts: hosts.to_vec(),
        guard,
    }))
}

/// The web server, as the terminal shells receive it from `main`.
pub struct Web;

/// A running server: its own small runtime on background threads.
struct Server {
    runtime: Option<tokio::runtime::Runtime>,
    stop: watch::Sender<bool>,
    tasks: Vec<tokio::task::JoinHandle<()>>,
    urls: Vec<String>,
    warning: Option<Bilingual>,
}

fn failed(e: impl std::fmt::Display) -> Bilingual {
    pijat_core::both!(classroom, server_failed, m = e.to_string())
}

impl Serve for Web {
    fn start(&self, room: Arc<Classroom>, listen: &Listen) -> Result<Box<dyn Running>, Bilingual> {
        spawn(listen, |addrs| {
            routes::router(Arc::new(routes::Site {
                room,
                hosts: net::host_names(addrs),
                page: page::Page::new(),
            }))
        })
    }

    fn start_forms(
        &self,
        desk: Arc<FormDesk>,
        listen: &Listen,
    ) -> Result<Box<dyn Running>, Bilingual> {
        spawn(listen, |addrs| {
            openrosa_router(desk, &net::host_names(addrs))
        })
    }
}

/// Listens where asked and serves the router `make` builds for the bound addresses, each
/// connection under the limits of `conn`.
fn spawn(
    listen: &Listen,
    make: impl FnOnce(&[SocketAddr]) -> axum::Router,
) -> Result<Box<dyn Running>, Bilingual> {
    let (listeners, warning) = match listen {
        Listen::Private => net::bind_private()?,
        Listen::At(addr) => (vec![net::bind_one(*addr)?], None),
    };
    let addrs: Vec<SocketAddr> = listeners
        .iter()
        .map(|l| l.local_addr())
        .collect::<Result<_, _>>()
        .map_err(failed)?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .thread_name("pijat-web")
        .enable_all()
        .build()
        .map_err(failed)?;
    let app = make(&addrs);
    let (stop, stopped) = watch::channel(false);
    let places = Arc::new(Mutex::new(conn::Places::default()));
    let mut tasks = Vec::new();
    for l in listeners {
        l.set_nonblocking(true).map_err(failed)?;
        let places = places.clone();
        let stopped = stopped.clone();
        let listener = {
            let _enter = runtime.enter();
            tokio::net::TcpListener::from_std(l).map_err(failed)?
        };
        tasks.push(runtime.spawn(conn::serve(listener, app.clone(), places, stopped)));
    }
    Ok(Box::new(Server {
        runtime: Some(runtime),
        stop,
        tasks,
        urls: addrs.iter().map(|a| format!("http://{a}/")).collect(),
        warning,
    }))
}

impl Server {
    fn shut(&mut self) {
        let _ = self.stop.send(true);
        if let Some(rt) = self.runtime.take() {
            let tasks = std::mem::take(&mut self.tasks);
            rt.block_on(async {
                // Phones holding a connection open get a moment to be answered, no more.
                let _ = tokio::time::timeout(Duration::from_secs(2), async {
                    for t in tasks {
                        let _ = t.await;
                    }
                })
                .await;
            });
            rt.shutdown_timeout(Duration::from_secs(1));
        }
    }
}

impl Running for Server {
    fn urls(&self) -> Vec<String> {
        self.urls.clone()
    }

    fn warning(&self) -> Option<Bilingual> {
        self.warning.clone()
    }

    fn stop(mut self: Box<Self>) {
        self.shut();
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.shut();
    }
}
