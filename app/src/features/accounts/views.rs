//! Sign-in page `/dang-nhap`, account page `/tai-khoan`, and the header's user box.

use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

use super::api::{ChangePassword, SignIn, SignOut, get_account, get_current_user};
use super::model::CurrentUser;
use crate::components::{form_error, page_loader};
use crate::i18n::t;

/// `/dang-nhap`
#[component]
pub fn SignInPage() -> impl IntoView {
    let query = use_query_map();
    let next = move || query.read().get("tiep").unwrap_or_default();
    let action = ServerAction::<SignIn>::new();
    let pending = action.pending();
    view! {
        <leptos_meta::Title text=format!("{} - Tòa Soạn", t().sign_in)/>
        <leptos_meta::Meta name="robots" content="noindex"/>
        <section class="form-page">
            <h1>{t().sign_in}</h1>
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
        <leptos_meta::Meta name="robots" content="noindex"/>
        {page_loader(data, move |_site, data| {
                let done = move || match change.value().get() {
                    Some(Ok(msg)) => Some(view! { <p class="form-ok" role="status">{msg}</p> }),
                    _ => None,
                };
                view! {
                    <leptos_meta::Title text=format!("{} - {}", t().account, data.user.display_name)/>
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

/// The header's account link. Filled in by the client after hydration: pages stay the
/// same for every visitor (cacheable), and the signed-in name never lands in them.
#[component]
pub fn UserBox() -> impl IntoView {
    let user: RwSignal<Option<CurrentUser>> = RwSignal::new(None);
    let location = leptos_router::hooks::use_location();
    // asked again after every navigation: signing in or out ends on another page
    Effect::new(move |_| {
        // `.get()`, not `.track()`: tracking alone did not subscribe to the memo here
        let _path = location.pathname.get();
        leptos::task::spawn_local(async move {
            if let Ok(u) = get_current_user().await {
                user.set(u);
            }
        });
    });
    view! {
        <span class="user-box">
            {move || match user.get() {
                Some(u) => view! { <A href="/tai-khoan" attr:class="user-link">{u.display_name}</A> }.into_any(),
                None => view! { <A href="/dang-nhap" attr:class="user-link">{t().sign_in}</A> }.into_any(),
            }}
        </span>
    }
}
