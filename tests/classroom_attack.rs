//! The phone classroom against hostile devices on the hotspot, one module per kind of finding
//! of the red-team (`phone-server-attack.md`): connections and requests (F1, F9), answers
//! (F2), codes and the device table (F3–F5), seats and new names (F6, F7). All on loopback;
//! every wait is bounded.

mod common;

use std::io::{Read, Write};
use std::net::{IpAddr, TcpStream};
use std::time::{Duration, Instant};

use common::classroom::room;
use common::http::{Phone, connect_from, held_open, next_address, raw_from};
use pijat_core::Phase;

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
