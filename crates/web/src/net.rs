//! Which addresses the classroom may listen on (loopback and the private ranges a hotspot
//! uses, nothing reachable from the internet), the laptop's own private addresses, and binding
//! them all on one port.

use std::net::{IpAddr, Ipv4Addr, SocketAddr, TcpListener};

use pijat_core::Bilingual;

/// The port tried first: short to type, and what the trainer's how-to shows.
pub(crate) const PREFERRED_PORT: u16 = 8080;

/// Loopback, 10/8, 172.16/12 and 192.168/16: IPv4 only (a hotspot hands out IPv4).
pub(crate) fn allowed(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => v4.is_loopback() || v4.is_private(),
        IpAddr::V6(_) => false,
    }
}

/// The laptop's private IPv4 addresses, the Windows hotspot's (192.168.137.x) first.
pub(crate) fn private_addresses() -> Vec<Ipv4Addr> {
    let mut out: Vec<Ipv4Addr> = if_addrs::get_if_addrs()
        .unwrap_or_default()
        .into_iter()
        .filter_map(|i| match i.ip() {
            IpAddr::V4(v4) if v4.is_private() => Some(v4),
            _ => None,
        })
        .collect();
    out.sort_by_key(|a| (a.octets()[..3] != [192, 168, 137], *a));
    out.dedup();
    out
}

fn bind_all(ips: &[Ipv4Addr], port: u16) -> std::io::Result<Vec<TcpListener>> {
    let Some((head, rest)) = ips.split_first() else {
        return Ok(Vec::new());
    };
    let first = TcpListener::bind(SocketAddr::from((*head, port)))?;
    let port = first.local_addr()?.port();
    let mut all = vec![first];
    for ip in rest {
        all.push(TcpListener::bind(SocketAddr::from((*ip, port)))?);
    }
    Ok(all)
}

/// Listeners on the laptop's private addresses (or only loopback when it has none, with a
/// warning), all on one port: 8080 when free, else one the system picks.
pub(crate) fn bind_private() -> Result<(Vec<TcpListener>, Option<Bilingual>), Bilingual> {
    let mut ips = private_addresses();
    let warning = ips
        .is_empty()
        .then(|| pijat_core::both!(classroom, no_network));
    if ips.is_empty() {
        ips.push(Ipv4Addr::LOCALHOST);
    }
    let mut last = None;
    for port in [PREFERRED_PORT, 0, 0, 0] {
        match bind_all(&ips, port) {
            Ok(l) => return Ok((l, warning)),
            Err(e) => last = Some(e),
        }
    }
    let m = last.map(|e| e.to_string()).unwrap_or_default();
    Err(pijat_core::both!(
        classroom,
        listen_failed,
        a = ips.first().copied().unwrap_or(Ipv4Addr::LOCALHOST),
        m = m
    ))
}

/// One listener on an address the trainer gave (already checked by [`parse_listen`]).
pub(crate) fn bind_one(addr: SocketAddr) -> Result<TcpListener, Bilingual> {
    if !allowed(addr.ip()) {
        return Err(pijat_core::both!(
            classroom,
            listen_public,
            a = addr.ip().to_string()
        ));
    }
    TcpListener::bind(addr).map_err(|e| {
        pijat_core::both!(
            classroom,
            listen_failed,
            a = addr.to_string(),
            m = e.to_string()
        )
    })
}

/// The `Host` values a request may carry: each bound address, and `localhost` for loopback.
/// Anything else is a name some other server resolved to us (DNS rebinding), refused.
pub(crate) fn host_names(addrs: &[SocketAddr]) -> Vec<String> {
    let mut out = Vec::new();
    for a in addrs {
        out.push(a.to_string());
        if a.ip().is_loopback() {
            out.push(format!("localhost:{}", a.port()));
        }
        if a.port() == 80 {
            out.push(a.ip().to_string());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_loopback_and_private_ranges_are_allowed() {
        for ok in [
            "127.0.0.1:1",
            "10.1.2.3:80",
            "172.16.0.1:8080",
            "172.31.255.1:1",
            "192.168.137.1:8080",
        ] {
            assert!(allowed(ok.parse::<SocketAddr>().unwrap().ip()), "{ok}");
        }
        for bad in [
            "0.0.0.0:8080",
            "8.8.8.8:80",
            "172.32.0.1:80",
            "169.254.1.1:80",
            "[::]:80",
            "[::1]:80",
        ] {
            let e = bind_one(bad.parse().unwrap()).unwrap_err();
            assert!(
                e.id.contains("bukan alamat jaringan pribadi"),
                "{bad}: {e:?}"
            );
        }
    }

    #[test]
    fn a_loopback_server_answers_to_localhost_too_and_port_80_without_a_port() {
        let a: SocketAddr = "127.0.0.1:8080".parse().unwrap();
        let b: SocketAddr = "192.168.1.2:80".parse().unwrap();
        assert_eq!(
            host_names(&[a, b]),
            [
                "127.0.0.1:8080",
                "localhost:8080",
                "192.168.1.2:80",
                "192.168.1.2"
            ]
        );
    }
}
