//! Pasting into the editor: what the clipboard holds (its HTML, else its plain text)
//! goes to the server, whose one converter (`content::html`) makes blocks of it, so the
//! browser's client carries no HTML parser. Staff who write only; the pictures the
//! paste held are counted for the editor, which uploads the pasted files itself.

use leptos::prelude::*;
use leptos::server_fn::codec::Json;
use serde::{Deserialize, Serialize};

use crate::content::Doc;
use crate::core::error::AppError;

/// The most a paste may weigh (HTML and text together), in MB: a long Word document
/// copied whole is a few hundred KB of HTML.
pub const MAX_PASTE_MB: usize = 1;

/// A paste made into blocks.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Pasted {
    pub doc: Doc,
    /// Pictures the paste held, not kept (the editor uploads the clipboard's files).
    pub pictures: usize,
    /// Other things left out: scripts, forms, frames, objects.
    pub other: usize,
    /// Text in TCVN3 or VNI was made Unicode.
    pub legacy: bool,
}

/// Converts a paste: `html` when the clipboard had it, else `text`. Sent as JSON (not
/// a form, whose encoding would treble Vietnamese text).
#[server(input = Json)]
pub async fn convert_paste(html: String, text: String) -> Result<Pasted, AppError> {
    use crate::features::accounts::{Permission, auth};
    use crate::i18n::{fill, ta};
    auth::require(Permission::WriteOwnDrafts).await?;
    if html.len() + text.len() > MAX_PASTE_MB * 1024 * 1024 {
        return Err(AppError::Invalid(fill(
            ta().paste_too_large,
            &[&MAX_PASTE_MB],
        )));
    }
    // parsing a long document is work for a blocking thread, not the async ones
    tokio::task::spawn_blocking(move || {
        let c = if html.trim().is_empty() {
            crate::content::html::doc_from_text(&text)
        } else {
            crate::content::html::doc_from_html(&html)
        };
        Pasted {
            doc: c.doc,
            pictures: c.pictures,
            other: c.other,
            legacy: c.legacy.is_some(),
        }
    })
    .await
    .map_err(|e| AppError::internal("paste", e))
}
