//! Sign-in page `/dang-nhap`, account page `/tai-khoan`, and the header's user box.

use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::api::{ChangePassword, SignIn, SignOut, get_account};
use super::model::SignedIn;
use crate::components::meta::page_head;
use crate::components::{form_error, page_loader};
use crate::i18n::{fill, t, tm};

/// `/dang-nhap`
#[component]
pub fn SignInPage() -> impl IntoView {
    let query = use_query_map();
    let next = move || query.read().get("tiep").unwrap_or_default();
    let action = ServerAction::<SignIn>::new();
    let pending = action.pending();
    // the header's account link learns who signed in (the page may stay in the browser)
    Effect::new(move |_| {
        if let Some(Ok(_)) = action.value().get() {
            refresh_session_user();
        }
    });
    view! {
        {page_head(format!("{} - {}", t().sign_in, tm().product_name), "noindex")}
        <section class="form-page">
            <h1>{t().sign_in}</h1>
            {move || (query.read().get("ly-do").as_deref() == Some("het-phien")).then(|| view! {
                <p class="notice notice-warn" role="status">
                    {tm().session_ended}
                </p>
            })}
            <p class="form-intro">{t().sign_in_intro}</p>
            <ActionForm action attr:class="stacked-form">
                <input type="hidden" name="next" prop:value=next/>
                <label for="username">{t().username}</label>
                <input id="username" name="username" type="text" autocomplete="username" required
                    autocapitalize="none" spellcheck="false"/>
                <label for="password">{t().password}</label>
                <input id="password" name="password" type="password" autocomplete="current-password" required/>
                {form_error(action.value())}
                <button type="submit" class="button-primary" disabled=move || pending.get()>
                    {move || if pending.get() { t().signing_in } else { t().sign_in }}
                </button>
            </ActionForm>
        </section>
    }
}

/// `/tai-khoan`: who I am, what I may do, change password, sign out.
#[component]
pub fn AccountPage() -> impl IntoView {
    let data = Resource::new(|| (), |_| get_account());
    let change = ServerAction::<ChangePassword>::new();
    let sign_out = ServerAction::<SignOut>::new();
    view! {
        {page_loader(data, move |_site, data| {
                let done = move || match change.value().get() {
                    Some(Ok(msg)) => Some(view! { <p class="form-ok" role="status">{msg}</p> }),
                    _ => None,
                };
                view! {
                    {page_head(format!("{} - {}", t().account, data.user.display_name), "noindex")}
                    <section class="form-page">
                        <h1>{data.user.display_name.clone()}</h1>
                        <dl class="facts">
                            <dt>{t().username}</dt><dd>{data.user.username.clone()}</dd>
                            <dt>{t().role}</dt><dd>{data.role_label.clone()}</dd>
                            <dt>{t().permissions}</dt>
                            <dd><ul>{data.permissions.iter().map(|p| view! { <li>{p.clone()}</li> }).collect_view()}</ul></dd>
                        </dl>
                        <h2>{t().change_password}</h2>
                        <ActionForm action=change attr:class="stacked-form">
                            <label for="current">{t().current_password}</label>
                            <input id="current" name="current" type="password" autocomplete="current-password" required/>
                            <label for="new">{t().new_password}</label>
                            <input id="new" name="new" type="password" autocomplete="new-password" required minlength="10"/>
                            <label for="confirm">{t().confirm_password}</label>
                            <input id="confirm" name="confirm" type="password" autocomplete="new-password" required minlength="10"/>
                            {form_error(change.value())}
                            {done}
                            <button type="submit" class="button-primary">{t().change_password}</button>
                        </ActionForm>
                        <ActionForm action=sign_out attr:class="sign-out-form">
                            <button type="submit" class="button-secondary">{t().sign_out}</button>
                        </ActionForm>
                    </section>
                }
            })}
    }
}

/// The signed-in user as the islands of a page know it (None when signed out or not
/// yet known): asked of the server once per page, by the first island that needs it,
/// and shared by the header's user box and the idle watch.
pub fn session_user() -> RwSignal<Option<SignedIn>> {
    #[cfg(all(feature = "hydrate", not(feature = "ssr")))]
    {
        RwSignal::from(page_session(true))
    }
    #[cfg(not(all(feature = "hydrate", not(feature = "ssr"))))]
    {
        // pages are the same for every visitor: the server never knows who reads
        RwSignal::new(None)
    }
}

/// The page's session signal; the first call asks the server when `ask` is set.
#[cfg(all(feature = "hydrate", not(feature = "ssr")))]
fn page_session(ask: bool) -> ArcRwSignal<Option<SignedIn>> {
    thread_local! {
        static USER: std::cell::OnceCell<ArcRwSignal<Option<SignedIn>>> = const { std::cell::OnceCell::new() };
    }
    USER.with(|cell| {
        cell.get_or_init(|| {
            let user = ArcRwSignal::new(None);
            if ask {
                ask_for(user.clone());
            }
            user
        })
        .clone()
    })
}

#[cfg(all(feature = "hydrate", not(feature = "ssr")))]
fn ask_for(user: ArcRwSignal<Option<SignedIn>>) {
    leptos::task::spawn_local(async move {
        if let Ok(u) = super::api::get_signed_in().await {
            user.set(u);
        }
    });
}

/// Asks the server again who is signed in (after signing in on a page that stays).
pub fn refresh_session_user() {
    #[cfg(all(feature = "hydrate", not(feature = "ssr")))]
    ask_for(page_session(false));
}

/// The header's account link. Filled in by the client after hydration: pages stay the
/// same for every visitor (cacheable), and the signed-in name never lands in them.
#[island]
pub fn UserBox() -> impl IntoView {
    let user = session_user();
    view! {
        <span class="user-box">
            {move || match user.get() {
                Some(u) => view! {
                    {u.admin.then(|| view! { <a href="/quan-tri" class="user-link">{tm().admin_link}</a> })}
                    <a href="/tai-khoan" class="user-link">{u.display_name}</a>
                }.into_any(),
                None => view! { <a href="/dang-nhap" class="user-link">{t().sign_in}</a> }.into_any(),
            }}
        </span>
    }
}

/// Milliseconds since the epoch in the browser (0 on the server).
fn now_ms() -> f64 {
    #[cfg(feature = "hydrate")]
    {
        web_sys::js_sys::Date::now()
    }
    #[cfg(not(feature = "hydrate"))]
    {
        0.0
    }
}

/// The idle warning: after the portal's idle time without activity a signed-in user
/// sees "Bạn đã không sử dụng Site…" with a live 60-second countdown. "Ở lại" keeps the
/// session; when the countdown ends the session ends on the server and the sign-in
/// page opens (forms keep what was typed in the browser, see the editing form). While
/// the user is active the page tells the server now and then, so a long stretch of
/// typing does not end the session.
#[component]
pub fn IdleWatch() -> impl IntoView {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicU64, Ordering};
    let user = session_user();
    // Some(seconds left) while the dialog is open
    let remaining: RwSignal<Option<i64>> = RwSignal::new(None);
    let last_activity = Arc::new(AtomicU64::new(now_ms() as u64));
    let last_ping = Arc::new(AtomicU64::new(now_ms() as u64));
    let deadline = Arc::new(AtomicU64::new(0));
    let stay_button = NodeRef::<leptos::html::Button>::new();

    let site = crate::components::use_site();
    let idle_minutes = move || {
        site.get_untracked()
            .and_then(Result::ok)
            .map(|s| s.config.session_idle_minutes)
            .unwrap_or(20)
            .max(1) as f64
    };

    {
        let last_activity = last_activity.clone();
        let last_ping = last_ping.clone();
        let deadline = deadline.clone();
        Effect::new(move |started: Option<()>| {
            if started.is_some() {
                return;
            }
            for name in [
                "pointerdown",
                "keydown",
                "scroll",
                "touchstart",
                "mousemove",
                "input",
            ] {
                let last_activity = last_activity.clone();
                let handle = window_event_listener_untyped(name, move |_| {
                    if remaining.get_untracked().is_none() {
                        last_activity.store(now_ms() as u64, Ordering::Relaxed);
                    }
                });
                // the listeners live as long as the page
                std::mem::forget(handle);
            }
            let last_activity = last_activity.clone();
            let last_ping = last_ping.clone();
            let deadline = deadline.clone();
            let tick = move || {
                let now = now_ms();
                // nobody signed in, or not known yet (the page has just loaded): no
                // warning; the idle time still runs from the last activity, so a
                // session known a moment late is watched from the page's start
                if user.get_untracked().is_none() {
                    if remaining.get_untracked().is_some() {
                        remaining.set(None);
                    }
                    return;
                }
                match remaining.get_untracked() {
                    None => {
                        let last = last_activity.load(Ordering::Relaxed) as f64;
                        if now - last >= idle_minutes() * 60_000.0 {
                            deadline.store((now + 60_000.0) as u64, Ordering::Relaxed);
                            remaining.set(Some(60));
                        } else if last > last_ping.load(Ordering::Relaxed) as f64
                            && now - last_ping.load(Ordering::Relaxed) as f64 >= 120_000.0
                        {
                            last_ping.store(now as u64, Ordering::Relaxed);
                            leptos::task::spawn_local(async move {
                                if let Ok(false) = super::admin_api::keep_session_alive().await {
                                    user.set(None);
                                }
                            });
                        }
                    }
                    Some(_) => {
                        let left = ((deadline.load(Ordering::Relaxed) as f64 - now) / 1000.0).ceil()
                            as i64;
                        if left > 0 {
                            remaining.set(Some(left));
                        } else {
                            remaining.set(None);
                            user.set(None);
                            let next = crate::components::browser::here();
                            leptos::task::spawn_local(async move {
                                let _ = super::api::end_idle_session().await;
                                crate::components::browser::go_to(&format!(
                                    "/dang-nhap?ly-do=het-phien&tiep={}",
                                    crate::components::urlencode(&next)
                                ));
                            });
                        }
                    }
                }
            };
            // runs as long as the page does
            let _ = set_interval_with_handle(tick, std::time::Duration::from_secs(1));
        });
    }
    // the button takes the focus when the dialog opens
    Effect::new(move |_| {
        if remaining.get().is_some()
            && let Some(b) = stay_button.get()
        {
            let _ = b.focus();
        }
    });
    let stay = {
        let last_activity = last_activity.clone();
        let last_ping = last_ping.clone();
        move |_| {
            let now = now_ms() as u64;
            last_activity.store(now, Ordering::Relaxed);
            last_ping.store(now, Ordering::Relaxed);
            remaining.set(None);
            leptos::task::spawn_local(async move {
                if let Ok(false) = super::admin_api::keep_session_alive().await {
                    user.set(None);
                }
            });
        }
    };
    let minutes = move || idle_minutes() as i64;
    view! {
        <Show when=move || remaining.get().is_some()>
            <div class="idle-backdrop">
                <div class="idle-dialog" role="alertdialog" aria-modal="true"
                    aria-labelledby="idle-title" aria-describedby="idle-text">
                    <h2 id="idle-title">{move || fill(tm().idle_title, &[&minutes()])}</h2>
                    <p id="idle-text">
                        {tm().idle_text_before}
                        <strong class="idle-seconds" aria-live="polite">{move || remaining.get().unwrap_or(0)}</strong>
                        {tm().idle_text_after}
                    </p>
                    <button type="button" class="button-primary" node_ref=stay_button on:click=stay.clone()>
                        {tm().stay_signed_in}
                    </button>
                </div>
            </div>
        </Show>
    }
}
