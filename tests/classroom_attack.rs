//! The phone classroom against hostile devices on the hotspot, one module per kind of finding
//! of the red-team (`phone-server-attack.md`): connections and requests (F1, F9), answers
//! (F2), codes and the device table (F3–F5), seats and new names (F6, F7). All on loopback;
//! every wait is bounded.

mod common;

use std::io::{ErrorKind, Read, Write};
use std::net::{IpAddr, TcpStream};
use std::time::{Duration, Instant};

use common::classroom::room;
use common::http::{Phone, connect_from, next_address, raw_from};
use pijat_core::Phase;

/// Whether the server still holds this connection open (nothing to read, not closed).
fn held_open(c: &TcpStream) -> bool {
    c.set_nonblocking(true).unwrap();
    let mut b = [0u8; 256];
    let open = match (&*c).read(&mut b) {
        Err(e) => e.kind() == ErrorKind::WouldBlock,
        Ok(_) => false,
    };
    c.set_nonblocking(false).unwrap();
    open
}

/// Opens `n` connections from `from`; the ones the kernel refused are left out.
fn open_many(from: IpAddr, addr: std::net::SocketAddr, n: usize) -> Vec<TcpStream> {
    (0..n)
        .filter_map(|_| connect_from(from, addr).ok())
        .collect()
}

#[path = "classroom_attack/answers.rs"]
mod answers;
#[path = "classroom_attack/codes.rs"]
mod codes;
#[path = "classroom_attack/connections.rs"]
mod connections;
#[path = "classroom_attack/markdown.rs"]
mod markdown;
#[path = "classroom_attack/seats.rs"]
mod seats;
