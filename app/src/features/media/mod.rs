//! Media library: pictures and documents stored once by content hash under the media
//! folder and served at /media/{file}: pictures the importer brings and files staff
//! upload (the server's media pipeline checks them and makes each picture's narrower
//! copies). Its admin page (`views`) finds, describes and deletes them; its uploader
//! sends files one request each, with progress; its picker is what the article form
//! opens to choose a picture.

pub mod api;
pub mod model;
pub mod picker;
pub mod uploader;
pub mod views;

#[cfg(feature = "ssr")]
mod library;
#[cfg(feature = "ssr")]
mod store;

#[cfg(feature = "ssr")]
pub use library::{members_only_file, refresh_search_text, set_article_media};
pub use model::{MediaLimits, picture_head};
#[cfg(feature = "ssr")]
pub use store::{
    MediaError, NewUpload, Stored, Variant, by_hash, copies_of, count_waiting, insert_upload,
    remake_all, set_prepared, sniff, store, variants, waiting,
};
