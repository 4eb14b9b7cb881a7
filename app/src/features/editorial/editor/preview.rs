//! Beside the editor: the article's length and what to fix (the checks of
//! `content::check`, each a link to its block), and the preview at a phone's and a
//! desktop's width, drawn by the very components of the public article page.

use leptos::prelude::*;

use super::surface::Surface;
use crate::content::check::{Warning, reading_minutes, warnings, word_count};
use crate::content::render::DocView;
use crate::i18n::{fill, te};

fn warning_text(w: &Warning) -> String {
    let t = te();
    match w {
        Warning::PictureWithoutAlt { .. } => t.warn_no_alt.into(),
        Warning::SkippedHeading { .. } => t.warn_skipped_heading.into(),
        Warning::EmptyHeading { .. } => t.warn_empty_heading.into(),
        Warning::VagueLink { text, .. } => fill(t.warn_vague_link, &[text]),
    }
}

fn block_of(w: &Warning) -> usize {
    match w {
        Warning::PictureWithoutAlt { block, .. }
        | Warning::SkippedHeading { block }
        | Warning::EmptyHeading { block }
        | Warning::VagueLink { block, .. } => *block,
    }
}

/// The length and the warnings, as the document changes.
#[component]
pub fn Checks(s: Surface) -> impl IntoView {
    let t = te();
    let found = Memo::new(move |_| {
        s.settled.track();
        let doc = s.doc();
        let words = word_count(&doc);
        (words, reading_minutes(words), warnings(&doc))
    });
    let go = move |block: usize| {
        if let Some(root) = s.root.get_untracked() {
            let root: web_sys::Element = root.into();
            if let Some(b) = root.children().item(block as u32) {
                b.scroll_into_view();
            }
        }
    };
    view! {
        <p class="editor-length">{move || found.with(|(w, m, _)| fill(t.length, &[w, m]))}</p>
        {move || {
            let list = found.with(|(_, _, ws)| ws.clone());
            (!list.is_empty()).then(|| view! {
                <div class="editor-checks">
                    <h2>{t.checks_heading}</h2>
                    <ul>
                        {list.into_iter().map(|w| {
                            let block = block_of(&w);
                            let class = if w.blocks_submission() { "check-must" } else { "check-should" };
                            view! {
                                <li class=class>
                                    <button type="button" class="link-button" on:click=move |_| go(block)>{warning_text(&w)}</button>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </div>
            })
        }}
    }
}

/// The article as readers will see it, at a phone's or a desktop's width.
#[component]
pub fn Preview(
    s: Surface,
    title: Signal<String>,
    sapo: Signal<String>,
    close: Callback<()>,
) -> impl IntoView {
    let t = te();
    let phone = RwSignal::new(true);
    let body = move || {
        s.version.track();
        view! { <DocView doc=s.doc()/> }
    };
    view! {
        <section class="editor-preview" aria-labelledby="xem-truoc-tieu-de">
            <div class="preview-bar">
                <h2 id="xem-truoc-tieu-de">{t.preview}</h2>
                <button type="button" class="button-secondary" aria-pressed=move || phone.get().to_string()
                    on:click=move |_| phone.set(true)>{t.preview_phone}</button>
                <button type="button" class="button-secondary" aria-pressed=move || (!phone.get()).to_string()
                    on:click=move |_| phone.set(false)>{t.preview_desktop}</button>
                <button type="button" class="button-primary" on:click=move |_| close.run(())>{t.preview_close}</button>
            </div>
            <div class=move || if phone.get() { "preview-frame preview-phone" } else { "preview-frame preview-desktop" }>
                <article class="article">
                    <p class="article-title">{move || title.get()}</p>
                    <p class="sapo">{move || sapo.get()}</p>
                    <div class="article-body">{body}</div>
                </article>
            </div>
        </section>
    }
}
