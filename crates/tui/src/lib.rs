//! The full-screen app. Turns key presses into actions, actions into engine and store calls,
//! and draws the state. Nothing below this module knows a terminal exists.

// The crate's API is `run` and `StartError`. These four modules are public only so the
// workspace's screen tests (tests/tui_*.rs, tests/common/app.rs) can drive the app and look at
// its state: they are hidden from the docs and are not an API.
#[doc(hidden)]
pub mod app;
mod keys;
#[doc(hidden)]
pub mod screens;
#[doc(hidden)]
pub mod theme;
#[doc(hidden)]
pub mod view;
mod widgets;

mod event_loop;
mod nav;

pub use event_loop::{StartError, run};
