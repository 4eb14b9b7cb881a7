//! Media library: pictures stored once by content hash under the media folder and
//! served at /media/{file}: pictures the importer brings and files staff upload (the
//! server's media pipeline checks them and makes each picture's narrower copies).

#[cfg(feature = "ssr")]
mod store;

#[cfg(feature = "ssr")]
pub use store::{
    MediaError, NewUpload, Stored, Variant, by_hash, count_waiting, insert_upload, remake_all,
    set_prepared, sniff, store, variants, waiting,
};
