//! Editorial notes on an article, seen only in the admin area.

use leptos::form::ActionForm;
use leptos::prelude::*;

use super::model::*;
use crate::components::form_error;
use crate::core::error::AppError;
use crate::i18n::ta;

/// Leaves an editorial note on an article (seen only in the admin area).
#[server]
pub async fn add_note(article_id: i64, body: String) -> Result<(), AppError> {
    use super::model::MAX_NOTE_CHARS;
    use super::store;
    use crate::i18n::fill;
    let ctx = crate::core::state::app_context()?;
    let user = super::server::desk_user().await?;
    let body = crate::core::text::nfc(body.trim());
    if body.is_empty() {
        return Err(AppError::Invalid(ta().notes_empty.into()));
    }
    if body.chars().count() > MAX_NOTE_CHARS {
        return Err(AppError::Invalid(fill(
            ta().notes_too_long,
            &[&MAX_NOTE_CHARS],
        )));
    }
    super::server::visible_head(&ctx.pool, &user, article_id).await?;
    store::add_note(
        &ctx.pool,
        article_id,
        user.id,
        &body,
        crate::core::time::now(),
    )
    .await?;
    Ok(())
}

/// The notes of article `id` and the form that adds one (`action`, owned by the page
/// so that a new note reloads it).
#[component]
pub fn NotesSection(id: i64, notes: Vec<NoteView>, action: ServerAction<AddNote>) -> impl IntoView {
    let note = action;
    view! {
    <section class="desk-section" aria-labelledby="ghi-chu">
        <h2 id="ghi-chu">{ta().notes_heading}</h2>
        <p class="muted">{ta().notes_private}</p>
        <ul class="notes">
            {notes.into_iter().map(|n| view! {
                <li>
                    <p class="note-head"><strong>{n.author.unwrap_or_default()}</strong>" · "<span class="when">{n.at}</span></p>
                    <p class="note-body">{n.body}</p>
                </li>
            }).collect_view()}
        </ul>
        <ActionForm action=note attr:class="stacked-form">
            <input type="hidden" name="article_id" value=id.to_string()/>
            <label for="ghi-chu-moi">{ta().notes_add}</label>
            <textarea id="ghi-chu-moi" name="body" rows="3" required maxlength="4000"></textarea>
            {form_error(note.value())}
            <button type="submit" class="button-secondary">{ta().notes_save}</button>
        </ActionForm>
    </section>
    }
}
