//! Media library: pictures stored once by content hash under the media folder and
//! served at /media/{file}. (Upload and variants come with the editor.)

#[cfg(feature = "ssr")]
mod store;

#[cfg(feature = "ssr")]
pub use store::{MediaError, sniff, store};
