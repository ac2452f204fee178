//! How a shell that shows the room (the trainer's screen, `pijat classroom`) asks for it to be
//! served to phones, without knowing who serves it: the web shell implements this, and `main`
//! hands it over. So the terminal shells never import the web shell.

use std::net::SocketAddr;
use std::sync::Arc;

use super::Classroom;
use pijat_core::Bilingual;

/// Where to listen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Listen {
    /// The laptop's private addresses (its hotspot), on one free port.
    Private,
    /// One address, checked to be loopback or private.
    At(SocketAddr),
}

/// Serves a room to phones (the web shell); handed down by `main` so app and the screens need no server of their own.
pub trait Serve: Sync {
    /// Starts serving `room`; returns once phones can connect.
    fn start(&self, room: Arc<Classroom>, listen: &Listen) -> Result<Box<dyn Running>, Bilingual>;
    /// Starts serving a class's forms to ODK Collect (OpenRosa); returns once phones can
    /// connect.
    fn start_forms(
        &self,
        desk: Arc<crate::forms::FormDesk>,
        listen: &Listen,
    ) -> Result<Box<dyn Running>, Bilingual>;
}

/// A server that is running; dropping it stops it too.
pub trait Running: Send {
    /// The addresses phones open, `http://192.168.137.1:8080/`, best first.
    fn urls(&self) -> Vec<String>;
    /// Said to the trainer when phones may not reach it (no hotspot found).
    fn warning(&self) -> Option<Bilingual>;
    /// Stops listening and closes every connection; returns when it is done.
    fn stop(self: Box<Self>);
}
