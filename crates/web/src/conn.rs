//! Connections, so that one device cannot keep the others out:
//! - a client address holds at most [`PER_CLIENT`] connections at once, all together
//!   [`MAX_CONNECTIONS`]; one over is closed at once, without waiting for a place;
//! - a request's head must arrive whole within [`HEAD_DEADLINE`] of the connection becoming
//!   ready for it, however it trickles in, and a connection idle between requests is closed
//!   after the same time (hyper's own timer, which `axum::serve` leaves off);
//! - a connection whose reads and writes make no progress for [`STALL`] is closed (a phone that
//!   stops reading its reply).
//!
//! The body's deadline is in `routes.rs`, where the body is read.

use std::collections::HashMap;
use std::io;
use std::net::IpAddr;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use std::time::Duration;

use axum::Router;
use axum::extract::ConnectInfo;
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::watch;
use tokio::time::{Instant, Sleep, sleep};
use tower::Service;

/// Connections open at once, over every address (50 phones keep a few each; a device that takes
/// many addresses needs 86 of them to fill this).
pub(crate) const MAX_CONNECTIONS: usize = 1024;
/// Connections one address may hold at once (a phone's browser opens up to six).
pub(crate) const PER_CLIENT: usize = 12;
/// The whole head of a request, and the wait for the next request on a kept-alive connection.
pub(crate) const HEAD_DEADLINE: Duration = Duration::from_secs(10);
/// Reads and writes that make no progress for this long close the connection.
pub(crate) const STALL: Duration = Duration::from_secs(30);

/// Who holds how many connections.
#[derive(Default)]
pub(crate) struct Places {
    total: usize,
    per_client: HashMap<IpAddr, usize>,
}

/// A connection's place, given back when it closes.
struct Place {
    places: Arc<Mutex<Places>>,
    ip: IpAddr,
}

fn lock(places: &Mutex<Places>) -> std::sync::MutexGuard<'_, Places> {
    places.lock().unwrap_or_else(|p| p.into_inner())
}

impl Place {
    /// A place for a connection from `ip`, when its address and the server have one free.
    fn take(places: &Arc<Mutex<Places>>, ip: IpAddr) -> Option<Place> {
        let mut p = lock(places);
        let mine = p.per_client.get(&ip).copied().unwrap_or(0);
        if p.total >= MAX_CONNECTIONS || mine >= PER_CLIENT {
            return None;
        }
        p.total += 1;
        p.per_client.insert(ip, mine + 1);
        Some(Place {
            places: places.clone(),
            ip,
        })
    }
}

impl Drop for Place {
    fn drop(&mut self) {
        let mut p = lock(&self.places);
        p.total = p.total.saturating_sub(1);
        if let Some(n) = p.per_client.get_mut(&self.ip) {
            *n = n.saturating_sub(1);
            if *n == 0 {
                p.per_client.remove(&self.ip);
            }
        }
    }
}

/// Serves `app` on `listener` until `stopped` turns true; each request carries its client's
/// address as [`ConnectInfo`].
pub(crate) async fn serve(
    listener: TcpListener,
    app: Router,
    places: Arc<Mutex<Places>>,
    mut stopped: watch::Receiver<bool>,
) {
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(HEAD_DEADLINE)
        .keep_alive(true);
    loop {
        let accepted = tokio::select! {
            _ = stopped.wait_for(|s| *s) => return,
            a = listener.accept() => a,
        };
        let (stream, peer) = match accepted {
            Ok(a) => a,
            // Out of file handles and the like: wait a moment rather than spin.
            Err(_) => {
                sleep(Duration::from_millis(50)).await;
                continue;
            }
        };
        let Some(place) = Place::take(&places, peer.ip()) else {
            drop(stream);
            continue;
        };
        let _ = stream.set_nodelay(true);
        let app = app.clone();
        let service = hyper::service::service_fn(move |mut req: hyper::Request<_>| {
            req.extensions_mut().insert(ConnectInfo(peer));
            app.clone().call(req)
        });
        let conn = http.serve_connection(TokioIo::new(Conn::new(stream)), service);
        let mut stopped = stopped.clone();
        tokio::spawn(async move {
            let _place = place;
            let mut conn = std::pin::pin!(conn);
            let stop = async move {
                let _ = stopped.wait_for(|s| *s).await;
            };
            tokio::select! {
                _ = conn.as_mut() => {}
                () = stop => {
                    // A phone being answered gets its reply; then the connection closes.
                    conn.as_mut().graceful_shutdown();
                    let _ = conn.await;
                }
            }
        });
    }
}

/// A TCP stream closed when it makes no progress for [`STALL`].
struct Conn {
    stream: TcpStream,
    stall: Pin<Box<Sleep>>,
}

impl Conn {
    fn new(stream: TcpStream) -> Conn {
        Conn {
            stream,
            stall: Box::pin(sleep(STALL)),
        }
    }

    fn check_stall(&mut self, cx: &mut Context<'_>) -> Poll<io::Error> {
        match self.stall.as_mut().poll(cx) {
            Poll::Ready(()) => Poll::Ready(io::Error::new(io::ErrorKind::TimedOut, "stalled")),
            Poll::Pending => Poll::Pending,
        }
    }

    fn progressed(&mut self) {
        self.stall.as_mut().reset(Instant::now() + STALL);
    }
}

impl AsyncRead for Conn {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        match Pin::new(&mut self.stream).poll_read(cx, buf) {
            Poll::Ready(r) => {
                self.progressed();
                Poll::Ready(r)
            }
            Poll::Pending => self.check_stall(cx).map(Err),
        }
    }
}

impl AsyncWrite for Conn {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        match Pin::new(&mut self.stream).poll_write(cx, buf) {
            Poll::Ready(r) => {
                self.progressed();
                Poll::Ready(r)
            }
            Poll::Pending => self.check_stall(cx).map(Err),
        }
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.stream).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.stream).poll_shutdown(cx)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_address_gets_its_share_and_gives_it_back() {
        let places = Arc::new(Mutex::new(Places::default()));
        let a: IpAddr = [192, 168, 137, 20].into();
        let b: IpAddr = [192, 168, 137, 21].into();
        let held: Vec<Place> = (0..PER_CLIENT)
            .map(|_| Place::take(&places, a).unwrap())
            .collect();
        assert!(Place::take(&places, a).is_none(), "one over is refused");
        let other = Place::take(&places, b);
        assert!(other.is_some(), "another phone still gets in");
        drop(held);
        let again = Place::take(&places, a);
        assert!(again.is_some(), "a closed connection gives its place back");
        assert_eq!(lock(&places).total, 2);
    }
}
