//! Drawing pieces shared by screens.

pub(crate) mod art;
pub(crate) mod chart;
pub(crate) mod countdown;
pub(crate) mod figure;
pub(crate) mod form;
pub(crate) mod prose;
pub(crate) mod qr;
