//! Sharing an article: Zalo and Facebook links (no third-party script is loaded: each
//! opens the service only when pressed), copy link and the phone's own share sheet
//! (Web Share API) once the page has hydrated, the article's QR code (an SVG made by
//! the server at /qr/bai-viet/{slug}) and the print view.

pub mod views;

pub use views::qr_href;
