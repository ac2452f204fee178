//! The full-screen app. Turns key presses into actions, actions into engine and store calls,
//! and draws the state. Nothing below this module knows a terminal exists.

pub mod app;
pub mod keys;
pub mod screens;
pub mod theme;
pub mod view;
pub mod widgets;

mod event_loop;

pub use event_loop::{StartError, run};
