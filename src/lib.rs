//! pijat: a terminal training simulator for pijat oksitosin (oxytocin massage), for the
//! Ayah ASI programme.

pub mod audio;
pub mod checklist;
pub mod cli;
pub mod content;
pub mod core;
pub mod model;
pub mod practice;
pub mod quiz;
pub mod report;
pub mod session;
pub mod speech;
pub mod store;
pub mod tui;
