//! The block menu's form that cites a document of the library: its number typed, the
//! document looked up on the server, its card added as a block (what the card shows is
//! the library's, copied again when the article is saved).

use leptos::prelude::*;

use crate::content::Block;
use crate::features::documents::api::find_document_ref;
use crate::i18n::te;

#[component]
pub fn DocumentRefForm(#[prop(into)] add: Callback<Block>) -> impl IntoView {
    let t = te();
    let number = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let find = Action::new(move |n: &String| find_document_ref(n.clone()));
    Effect::new(move |_| match find.value().get() {
        Some(Ok(r)) => add.run(Block::DocumentRef(r)),
        Some(Err(e)) => error.set(Some(e.to_string())),
        None => {}
    });
    view! {
        <form class="editor-video" on:submit=move |ev| {
            ev.prevent_default();
            let n = number.get_untracked();
            if !n.trim().is_empty() {
                find.dispatch(n);
            }
        }>
            <label for="so-hieu-van-ban">{t.document_number}</label>
            <input id="so-hieu-van-ban" type="text" prop:value=number
                aria-invalid=move || error.with(Option::is_some).to_string() aria-describedby="so-hieu-van-ban-loi"
                on:input=move |ev| { number.set(event_target_value(&ev)); error.set(None); }/>
            <button type="submit" class="button-secondary" disabled=move || find.pending().get()>{t.document_add}</button>
            <p id="so-hieu-van-ban-loi" class="field-error" role="alert">{move || error.get()}</p>
        </form>
    }
}
