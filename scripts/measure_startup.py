#!/usr/bin/env python3
"""Measures, in a pseudo-terminal of 80x24:
- time to first frame of pijat on a fresh data folder, beside a bare ratatui app that draws one
  screen (examples/bare.rs), as medians over several runs (target: pijat within 1.5x);
- CPU used while pijat sits idle on a screen, and while a practice step animates its pacing
  circle (target: near zero when idle: no busy loop).

Run after `cargo build --release --example bare` and `cargo build --release`:
    python3 scripts/measure_startup.py

To compare with other builds in the same run (the runs are interleaved, so a busy machine slows
every program alike), name them: PIJAT_BEFORE=/path/to/old/pijat BARE_BEFORE=/path/to/old/bare.
"""
import os, pty, select, signal, statistics, subprocess, sys, tempfile, time, fcntl, termios, struct

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PIJAT = os.path.join(ROOT, "target/release/pijat")
BARE = os.path.join(ROOT, "target/release/examples/bare")
RUNS = int(os.environ.get("RUNS", "15"))


def spawn(argv, env):
    pid, fd = pty.fork()
    if pid == 0:
        # The size is set before the program starts, as a real terminal would have it.
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        os.execve(argv[0], argv, env)
    return pid, fd


def read_until(fd, marker, timeout=10.0):
    seen = b""
    end = time.monotonic() + timeout
    while marker not in seen:
        left = end - time.monotonic()
        if left <= 0:
            raise TimeoutError(marker)
        r, _, _ = select.select([fd], [], [], left)
        if r:
            try:
                seen += os.read(fd, 65536)
            except OSError:
                break
    return seen


def stop(pid, fd):
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    os.waitpid(pid, 0)
    os.close(fd)


def first_frame(argv, marker, env):
    t = time.monotonic()
    pid, fd = spawn(argv, env)
    read_until(fd, marker)
    dt = time.monotonic() - t
    stop(pid, fd)
    return dt


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as f:
        parts = f.read().rsplit(")", 1)[1].split()
    ticks = int(parts[11]) + int(parts[12])
    return ticks / os.sysconf("SC_CLK_TCK")


def drain(fd, seconds):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        r, _, _ = select.select([fd], [], [], 0.1)
        if r:
            try:
                os.read(fd, 65536)
            except OSError:
                return


def main():
    env = dict(os.environ, TERM="xterm-256color", PIJAT_LANG="en")
    # Markers at the end of each first frame: the bottom-right corner, the footer's last word.
    programs = [("bare ratatui", BARE, "┘".encode()), ("pijat", PIJAT, b"quit")]
    if os.environ.get("BARE_BEFORE"):
        programs.append(("bare ratatui (before)", os.environ["BARE_BEFORE"], "┘".encode()))
    if os.environ.get("PIJAT_BEFORE"):
        programs.append(("pijat (before)", os.environ["PIJAT_BEFORE"], b"quit"))
    times = {label: [] for label, _, _ in programs}
    for _ in range(RUNS):
        for label, path, marker in programs:
            with tempfile.TemporaryDirectory() as d:
                times[label].append(first_frame([path], marker, dict(env, PIJAT_DATA_DIR=d)))
    median = {label: statistics.median(t) for label, t in times.items()}
    for label, _, _ in programs:
        print(f"first frame, {label}: median {median[label]*1000:.1f} ms over {RUNS} runs")
    mb = median["bare ratatui"]
    print(f"ratio: {median['pijat']/mb:.2f}x (target <= 1.5x), pijat (fresh data folder) / bare")
    if "pijat (before)" in median:
        base = median.get("bare ratatui (before)", mb)
        print(f"ratio before: {median['pijat (before)']/base:.2f}x, the same measured in this run")
    existing = []
    with tempfile.TemporaryDirectory() as d:
        subprocess.run([PIJAT, "history"], env=dict(env, PIJAT_DATA_DIR=d), stdout=subprocess.DEVNULL)
        for _ in range(RUNS):
            existing.append(first_frame([PIJAT], b"quit", dict(env, PIJAT_DATA_DIR=d)))
    me = statistics.median(existing)
    print(f"first frame, pijat (existing data file): median {me*1000:.1f} ms, {me/mb:.2f}x")

    with tempfile.TemporaryDirectory() as d:
        pid, fd = spawn([PIJAT, "--practice-speed", "0.1"], dict(env, PIJAT_DATA_DIR=d))
        read_until(fd, b"quit")
        drain(fd, 1)
        c0 = cpu_seconds(pid)
        drain(fd, 10)
        idle = cpu_seconds(pid) - c0
        print(f"CPU while idle on a screen: {idle:.3f} s in 10 s ({idle*10:.2f}% of a core)")
        for keys in [b"Budi", b"\r", b"\r", b"\x1b[B", b"\x1b[B", b"\r", b"\r"] + [b"n"] * 9:
            os.write(fd, keys)
            drain(fd, 0.15)
        drain(fd, 1)
        c0 = cpu_seconds(pid)
        drain(fd, 10)
        busy = cpu_seconds(pid) - c0
        print(f"CPU during a timed step with the pacing circle: {busy:.3f} s in 10 s ({busy*10:.2f}% of a core)")
        stop(pid, fd)


if __name__ == "__main__":
    sys.exit(main())
