//! The block editor (bàn soạn thảo): the article's body edited as the typed document
//! itself, in the staff's client, with its fields beside it. One module per concern:
//! `state` the commands on the document (pure, unit-tested), `dom` the document drawn
//! and the selection read, `surface` the handle the handlers share, `input` the
//! browser's events (typing, IME composition, Unikey, paste), `toolbar` and
//! `blocks_ui` the buttons and the blocks' own fields, `autosave` the local copy and
//! the saving, `preview` the checks and the preview.

mod autosave;
mod blocks_ui;
mod commands;
mod cover;
mod doc_ref;
mod dom;
mod fields;
mod handle;
mod input;
mod preview;
pub mod state;
mod surface;
mod tags;
mod toolbar;

use leptos::prelude::*;
use leptos_router::components::A;

use self::autosave::{SaveState, Saver};
use self::input::Ask;
use self::surface::Surface;
use self::toolbar::{PictureFor, Toolbar};
use super::lock::Lock;
use super::model::{ArticleFormData, Draft, desk_href};
use crate::content::Doc;
use crate::features::media::model::MediaItem;
use crate::features::media::picker::MediaPicker;
use crate::i18n::{fill, ta, te};

/// The editor on an article (`form.draft.id` none: a new one).
#[component]
pub fn ArticleEditor(form: ArticleFormData) -> impl IntoView {
    let t = te();
    let opened = form.draft.clone();
    let s = Surface::new(form.draft.doc.clone());
    let lock = RwSignal::new(None::<Lock>);
    let saver = Saver::new(opened.clone(), lock);
    let held = move || matches!(lock.get(), Some(Lock::Held { .. }));
    let take_over = lock_keeper(saver, lock);
    // the fields beside the body; the body is the surface's
    let fields = RwSignal::new(Draft {
        doc: Doc::default(),
        ..opened.clone()
    });
    let draft_now = move || Draft {
        doc: s.doc(),
        ..fields.get_untracked()
    };
    let menu = RwSignal::new(false);
    let link = RwSignal::new(false);
    let picture = RwSignal::new(None::<PictureFor>);
    let notice = RwSignal::new(None::<String>);
    let previewing = RwSignal::new(false);
    let offer = RwSignal::new(None::<Draft>);
    let save_error = RwSignal::new(None::<String>);

    // drawn once the area is on the page; what this browser kept is offered back
    Effect::new(move |_| {
        if s.root.get().is_some() {
            s.repaint();
        }
    });
    {
        let opened = opened.clone();
        Effect::new(move |_| {
            if let Some(k) = autosave::kept(opened.id)
                && k.draft.differs(&opened)
            {
                offer.set(Some(k.draft));
            }
        });
    }
    // every change: kept here at once, saved after a pause
    Effect::new(move |first: Option<()>| {
        s.version.track();
        fields.track();
        if first.is_some() && offer.get_untracked().is_none() {
            saver.changed(draft_now());
        }
    });
    // leaving with changes not on the server yet: the browser asks first (not when
    // the session ended: the copy kept here is offered back after signing in)
    let leaving = window_event_listener(leptos::ev::beforeunload, move |ev| {
        if saver.unsaved() && !crate::components::browser::leaving_on_purpose() {
            ev.prevent_default();
            ev.set_return_value("1");
        }
    });
    // the page goes (closed, reloaded, the session ended): the local copy written now
    let going = window_event_listener(leptos::ev::pagehide, move |_| saver.flush());
    on_cleanup(move || {
        leaving.remove();
        going.remove();
        saver.flush();
    });

    let restore = move |_| {
        if let Some(d) = offer.get_untracked() {
            offer.set(None);
            let doc = d.doc.clone();
            fields.set(Draft {
                doc: Doc::default(),
                id: fields.get_untracked().id,
                base_revision: fields.get_untracked().base_revision,
                ..d
            });
            s.reset(doc);
        }
    };
    let discard = move |_| {
        autosave::forget_kept(fields.get_untracked().id);
        offer.set(None);
    };
    let navigate = leptos_router::hooks::use_navigate();
    let save_now = move |_| {
        save_error.set(None);
        let navigate = navigate.clone();
        saver.changed(draft_now());
        saver.save(Some(Callback::new(
            move |r: Result<super::model::Saved, _>| match r {
                Ok(saved) => navigate(&desk_href(saved.id), Default::default()),
                Err(e) => save_error.set(Some(crate::core::error::AppError::to_string(&e))),
            },
        )));
    };
    let ask = move |a: Ask| match a {
        Ask::Link => link.set(true),
        Ask::BlockMenu => menu.set(true),
    };
    let state_text = move || match saver.state.get() {
        SaveState::Opened => String::new(),
        SaveState::Changed => t.state_changed.into(),
        SaveState::Saving => t.state_saving.into(),
        SaveState::Saved { hour, minute } => {
            fill(t.state_saved, &[&format!("{hour:02}:{minute:02}")])
        }
        SaveState::Offline => t.state_offline.into(),
        SaveState::Refused(why) => fill(t.state_refused, &[&why]),
        SaveState::Conflict => t.state_conflict.into(),
        SaveState::Locked => t.state_locked.into(),
    };
    let back = match form.draft.id {
        Some(id) => desk_href(id),
        None => "/quan-tri/bai-viet".into(),
    };
    let heading = if form.draft.id.is_some() {
        ta().desk_edit
    } else {
        ta().nav_new_article
    };
    let title = Signal::derive(move || fields.with(|f| f.title.clone()));
    let sapo = Signal::derive(move || fields.with(|f| f.sapo.clone()));
    view! {
        <p class="admin-back"><A href=back>{ta().form_back}</A></p>
        <h1>{heading}</h1>
        {move || offer.get().map(|_| view! {
            <div class="notice notice-info" role="status">
                <p>{ta().form_local_kept}</p>
                <button type="button" class="button-primary" on:click=restore>{ta().form_restore_local}</button>
                " "
                <button type="button" class="button-secondary" on:click=discard>{ta().form_discard_local}</button>
            </div>
        })}
        {move || match lock.get() {
            Some(Lock::Held { by, since, can_take }) => Some(view! {
                <div class="notice notice-warn" role="alert">
                    <p>{fill(t.lock_held, &[&by, &since])}</p>
                    {can_take.then(|| view! {
                        <button type="button" class="button-primary" on:click=move |_| take_over.run(())>{t.lock_take}</button>
                    })}
                </div>
            }),
            _ => None,
        }}
        <Show when=move || saver.state.get() == SaveState::Conflict>
            <fields::Conflict s saver fields/>
        </Show>
        <fieldset class="editor-fieldset" disabled=held>
        <legend class="visually-hidden">{heading}</legend>
        <div class="editor-page">
            <div class="editor-main">
                <fields::TitleFields fields/>
                <p class="label" id="noi-dung-nhan">{t.body}</p>
                <Toolbar s menu link picture/>
                <div class="editor-frame">
                <handle::DragHandle s/>
                <div id="noi-dung-bai" class="editor-area article-body" role="textbox"
                    contenteditable=move || if held() { "false" } else { "true" } aria-readonly=move || held().to_string()
                    aria-multiline="true" aria-labelledby="noi-dung-nhan" aria-describedby="noi-dung-goi-y"
                    spellcheck="true" lang="vi" node_ref=s.root
                    on:beforeinput=move |ev| input::before_input(s, ev)
                    on:input=move |ev| if !blocks_ui::field_input(s, &ev) { input::input(s, ev) }
                    on:compositionstart=move |ev| input::composition_start(s, ev)
                    on:compositionend=move |ev| input::composition_end(s, ev)
                    on:keydown=move |ev| input::key_down(s, ev, ask)
                    on:keyup=move |_| s.selection_changed()
                    on:pointerup=move |_| s.selection_changed()
                    on:focus=move |_| s.selection_changed()
                    on:paste=move |ev| input::paste(s, ev, notice)
                    on:dragover=move |ev| blocks_ui::drag_over(&ev)
                    on:drop=move |ev| blocks_ui::drop(s, &ev, notice)
                    on:click=move |ev| blocks_ui::click(s, &ev, picture)></div>
                </div>
                <p class="hint" id="noi-dung-goi-y">{t.body_hint}</p>
                {move || notice.get().map(|n| view! { <p class="notice notice-info" role="status">{n}</p> })}
            </div>
            <aside class="editor-side" aria-label=t.side>
                <p class="save-state" role="status" aria-live="polite">{state_text}</p>
                <p class="editor-actions">
                    <button type="button" class="button-primary" on:click=save_now
                        disabled=move || saver.state.get() == SaveState::Saving>{ta().form_save}</button>
                    " "
                    <button type="button" class="button-secondary" aria-expanded=move || previewing.get().to_string()
                        on:click=move |_| previewing.update(|p| *p = !*p)>{t.preview}</button>
                </p>
                {move || save_error.get().map(|e| view! { <p class="form-error" role="alert">{e}</p> })}
                <preview::Checks s/>
                <cover::CoverField s fields/>
                <fields::SideFields fields categories=form.categories.clone() topics=form.topics.clone()
                    known_tags=form.known_tags.clone() can_feature=form.can_feature/>
                <fields::SeoFields fields address=form.address.clone()/>
            </aside>
        </div>
        </fieldset>
        {move || previewing.get().then(|| view! {
            <preview::Preview s title sapo close=Callback::new(move |_| previewing.set(false))/>
        })}
        {move || picture.get().map(|target| view! {
            <MediaPicker pick=move |item: MediaItem| {
                picture.set(None);
                blocks_ui::picked(s, target, item);
            } close=move |_| picture.set(None)/>
        })}
    }
}

/// Holds the article's lock while the editor is open (from its first save for a new
/// one): taken, beaten every `BEAT_SECONDS`, let go when the editor closes or the page
/// goes. Gives the chief's take-over.
fn lock_keeper(saver: Saver, lock: RwSignal<Option<Lock>>) -> Callback<()> {
    use super::lock::{BEAT_SECONDS, ReleaseLock, hold_lock, release_lock};
    use std::sync::atomic::{AtomicI64, Ordering};
    use std::sync::{Arc, Mutex};
    let held_id = Arc::new(AtomicI64::new(0));
    let timer = Arc::new(Mutex::new(None::<IntervalHandle>));
    let beat = move |id: i64, take: bool| {
        leptos::task::spawn_local(async move {
            if let Ok(l) = hold_lock(id, take).await {
                let mine = l == Lock::Mine;
                lock.set(Some(l));
                if mine {
                    saver.resume();
                }
            }
        })
    };
    {
        let (held_id, timer) = (held_id.clone(), timer.clone());
        Effect::new(move |_| {
            let Some(id) = saver.base.get().0 else {
                return;
            };
            if held_id.swap(id, Ordering::Relaxed) == id {
                return;
            }
            beat(id, false);
            let every = std::time::Duration::from_secs(BEAT_SECONDS);
            if let Ok(h) = set_interval_with_handle(move || beat(id, false), every)
                && let Ok(mut t) = timer.lock()
            {
                *t = Some(h);
            }
        });
    }
    // the page goes (closed, reloaded): a beacon lets the lock go
    let gone = {
        let held_id = held_id.clone();
        window_event_listener(leptos::ev::pagehide, move |_| {
            let id = held_id.load(Ordering::Relaxed);
            if id == 0 {
                return;
            }
            use leptos::server_fn::ServerFn;
            if let Ok(params) = web_sys::UrlSearchParams::new_with_str(&format!("article_id={id}"))
            {
                let _ = window()
                    .navigator()
                    .send_beacon_with_opt_url_search_params(ReleaseLock::PATH, Some(&params));
            }
        })
    };
    {
        let held_id = held_id.clone();
        on_cleanup(move || {
            gone.remove();
            if let Some(h) = timer.lock().ok().and_then(|mut t| t.take()) {
                h.clear();
            }
            let id = held_id.load(Ordering::Relaxed);
            if id != 0 {
                leptos::task::spawn_local(async move {
                    let _ = release_lock(id).await;
                });
            }
        });
    }
    Callback::new(move |_| {
        let id = held_id.load(Ordering::Relaxed);
        if id != 0 {
            beat(id, true);
        }
    })
}
