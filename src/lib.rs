//! pijat: a terminal training simulator for pijat oksitosin (oxytocin massage), for the
//! Ayah ASI programme.

pub mod app;
pub mod cli;
pub mod content;
pub mod core;
pub mod engine;
pub mod speech;
pub mod store;
pub mod tui;
pub mod web;
