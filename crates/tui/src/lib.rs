//! The full-screen app. Turns key presses into actions, actions into engine and store calls,
//! and draws the state. Nothing below this module knows a terminal exists.

// Not yet met here (issue 24 goes on): the workspace denies these lints, this crate allows them
// until its items are documented and its indexing goes through `get`.
#![allow(missing_docs, clippy::indexing_slicing)]

pub mod app;
mod keys;
pub mod screens;
pub mod theme;
pub mod view;
mod widgets;

mod event_loop;
mod nav;

pub use event_loop::{StartError, run};
