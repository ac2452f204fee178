//! Drawing pieces shared by screens.

pub mod art;
pub mod chart;
pub mod countdown;
pub mod figure;
pub mod form;
pub mod prose;
pub mod qr;
