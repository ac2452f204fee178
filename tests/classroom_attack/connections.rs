//! F1 and F9: connections held open by trickling or silence, bodies that never end, a target
//! naming another host, a doubled `Host`.

use super::*;

#[test]
fn one_device_holding_three_hundred_slow_or_silent_connections_does_not_stop_the_class() {
    let (_dir, s) = room(&["Budi", "Agus"], Phase::Pre, false);
    let attacker = next_address();
    let cookie = Phone::open_from(s.addr, attacker).cookie.unwrap();
    let host = s.addr.to_string();
    let mut conns = open_many(attacker, s.addr, 300);
    assert!(conns.len() >= 250, "{} opened", conns.len());
    // Half trickle a request head that never ends; half a body that never ends (within the
    // 1 KiB limit, so it is not refused by its length).
    for (i, c) in conns.iter_mut().enumerate() {
        let start = if i % 2 == 0 {
            format!("GET /api/state HTTP/1.1\r\nHost: {host}\r\n")
        } else {
            format!(
                "POST /api/code HTTP/1.1\r\nHost: {host}\r\nCookie: {cookie}\r\nContent-Type: application/json\r\nContent-Length: 900\r\n\r\n{{"
            )
        };
        let _ = c.write_all(start.as_bytes());
    }
    std::thread::sleep(Duration::from_millis(500));
    let open = conns.iter().filter(|c| held_open(c)).count();
    assert!(
        open <= 12,
        "one address holds at most 12 connections, not {open}"
    );

    // Phones from other addresses are served at once, twice over while the trickle goes on.
    for _ in 0..2 {
        let t = Instant::now();
        let p = Phone::open(s.addr);
        assert_eq!(p.code(s.room.code()).status, 200);
        assert_eq!(p.state().json()["step"], "name");
        assert!(t.elapsed() < Duration::from_secs(2), "{:?}", t.elapsed());
        for c in conns.iter_mut() {
            let _ = c.write_all(b"X");
        }
        std::thread::sleep(Duration::from_secs(3));
    }

    // A trickle does not extend the deadlines: heads are dropped by 10 s, bodies by 5 s.
    let deadline = Instant::now() + Duration::from_secs(9);
    while Instant::now() < deadline {
        for c in conns.iter_mut() {
            let _ = c.write_all(b"X");
        }
        std::thread::sleep(Duration::from_secs(2));
    }
    let still = conns.iter().filter(|c| held_open(c)).count();
    assert_eq!(still, 0, "every trickling connection is closed by now");
}

#[test]
fn an_idle_connection_is_closed_after_ten_seconds_and_a_body_that_never_ends_gets_408() {
    let (_dir, s) = room(&["Budi"], Phase::Pre, false);
    let from = next_address();
    let cookie = Phone::open_from(s.addr, from).cookie.unwrap();
    let idle = connect_from(from, s.addr).unwrap();
    let t = Instant::now();
    let mut slow = connect_from(from, s.addr).unwrap();
    slow.write_all(
        format!(
            "POST /api/code HTTP/1.1\r\nHost: {}\r\nCookie: {cookie}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{{",
            s.addr
        )
        .as_bytes(),
    )
    .unwrap();
    slow.set_read_timeout(Some(Duration::from_secs(15)))
        .unwrap();
    let mut reply = String::new();
    let _ = slow.read_to_string(&mut reply);
    assert!(reply.starts_with("HTTP/1.1 408"), "{reply}");
    assert!(reply.contains("too_slow"), "{reply}");
    let waited = t.elapsed();
    assert!(
        (Duration::from_secs(4)..Duration::from_secs(8)).contains(&waited),
        "{waited:?}"
    );
    std::thread::sleep(
        Duration::from_secs(10).saturating_sub(t.elapsed()) + Duration::from_secs(2),
    );
    assert!(
        !held_open(&idle),
        "a silent connection is closed after 10 s"
    );
}

#[test]
fn a_declared_length_over_the_limit_is_refused_before_the_body_arrives() {
    let (_dir, s) = room(&["Budi"], Phase::Pre, false);
    let from = next_address();
    let cookie = Phone::open_from(s.addr, from).cookie.unwrap();
    let t = Instant::now();
    let r = raw_from(
        from,
        s.addr,
        format!(
            "POST /api/code HTTP/1.1\r\nHost: {}\r\nCookie: {cookie}\r\nContent-Type: application/json\r\nContent-Length: 1000000000000\r\n\r\n{{",
            s.addr
        )
        .as_bytes(),
    );
    assert_eq!((r.status, r.error().as_str()), (413, "too_big"), "{r:?}");
    assert!(t.elapsed() < Duration::from_secs(2), "{:?}", t.elapsed());
}

#[test]
fn a_target_naming_another_host_or_a_doubled_host_is_refused_without_a_cookie() {
    let (_dir, s) = room(&["Budi"], Phase::Pre, false);
    let here = s.addr.to_string();
    let cases = [
        format!("GET http://evil.example/ HTTP/1.1\r\nHost: {here}\r\nConnection: close\r\n\r\n"),
        format!("GET http://{here}/ HTTP/1.1\r\nHost: {here}\r\nConnection: close\r\n\r\n"),
        format!(
            "GET / HTTP/1.1\r\nHost: {here}\r\nHost: evil.example\r\nConnection: close\r\n\r\n"
        ),
        format!("GET / HTTP/1.1\r\nHost: {here}\r\nHost: {here}\r\nConnection: close\r\n\r\n"),
    ];
    for req in &cases {
        let r = raw_from(next_address(), s.addr, req.as_bytes());
        assert_eq!(
            (r.status, r.error().as_str()),
            (400, "bad_request"),
            "{req}"
        );
        assert!(r.header("set-cookie").is_none(), "{req}");
        assert_eq!(
            r.json()["message"]["id"],
            "Permintaan harus punya tepat satu Host dan alamat biasa."
        );
    }
    let fine = raw_from(
        next_address(),
        s.addr,
        format!("GET / HTTP/1.1\r\nHost: {here}\r\nConnection: close\r\n\r\n").as_bytes(),
    );
    assert_eq!(fine.status, 200);
}
