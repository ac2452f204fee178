//! Writing to standard output and error the way command-line tools do: when the reader has gone
//! (`pijat report | head -1`, a closed pipe) pijat stops quietly with status 0 instead of
//! panicking, as ripgrep does. The work was already done; only what was left to print is lost.

use std::io::Write;

/// `outln!`'s body: writes and flushes, and on a closed pipe ends the process quietly.
pub fn write_out(args: std::fmt::Arguments, newline: bool) {
    let mut out = std::io::stdout().lock();
    let done = out
        .write_fmt(args)
        .and_then(|()| {
            if newline {
                out.write_all(b"\n")
            } else {
                Ok(())
            }
        })
        .and_then(|()| out.flush());
    if let Err(e) = done {
        gone(&e);
    }
}

/// Bytes (a Word or Excel file) to standard output, with the same care as `write_out`.
pub fn write_bytes(bytes: &[u8]) {
    let mut out = std::io::stdout().lock();
    if let Err(e) = out.write_all(bytes).and_then(|()| out.flush()) {
        gone(&e);
    }
}

/// Standard error: a message that cannot be written is dropped (there is no one to read it).
pub fn write_err(args: std::fmt::Arguments) {
    let mut err = std::io::stderr().lock();
    let _ = err.write_fmt(args).and_then(|()| err.write_all(b"\n"));
}

fn gone(e: &std::io::Error) -> ! {
    // A closed pipe is the reader's choice; any other failure to print (a full disk behind a
    // redirect) is reported where it can be.
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        std::process::exit(0);
    }
    write_err(format_args!("pijat: {}", pijat_core::io_words::reason(e).1));
    std::process::exit(1);
}

/// `println!` that never panics on a closed pipe.
#[macro_export]
macro_rules! outln {
    () => { $crate::out::write_out(format_args!(""), true) };
    ($($arg:tt)*) => { $crate::out::write_out(format_args!($($arg)*), true) };
}

/// `print!` that never panics on a closed pipe.
#[macro_export]
macro_rules! out {
    ($($arg:tt)*) => { $crate::out::write_out(format_args!($($arg)*), false) };
}

/// `eprintln!` that never panics on a closed standard error.
#[macro_export]
macro_rules! errln {
    ($($arg:tt)*) => { $crate::out::write_err(format_args!($($arg)*)) };
}
