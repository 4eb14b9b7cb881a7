//! Account pages of the admin area (`/quan-tri/nguoi-dung`) and the one-time link
//! pages: `/thiet-lap` (first admin) and `/dat-mat-khau` (choose a password).

use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::admin_api::{
    CompleteSetup, CreateAccount, IssuePasswordLink, SetPasswordByLink, UpdateAccount, get_link,
    get_users,
};
use super::model::{LinkInfo, Role, UserAdminRow};
use super::rights::takes_grants;
use crate::components::admin_content;
use crate::components::{form_done, form_error, page_loader};
use crate::i18n::{fill, ta};

fn role_options(selected: Role) -> impl IntoView {
    Role::ALL
        .iter()
        .map(|r| {
            let is = *r == selected;
            view! { <option value=r.as_str() selected=is>{r.label()}</option> }
        })
        .collect_view()
}

/// A link shown once, to hand to its owner.
fn shown_link(
    value: MappedSignal<Option<Result<String, crate::core::error::AppError>>>,
    intro: &'static str,
) -> impl IntoView {
    move || {
        value.get().and_then(Result::ok).map(|link| {
            view! {
                <div class="notice notice-info" role="status">
                    <p>{intro}</p>
                    <p><code class="one-time-link">{link}</code></p>
                    <p class="muted">{ta().users_link_once}</p>
                </div>
            }
        })
    }
}

fn user_row(
    row: UserAdminRow,
    update: ServerAction<UpdateAccount>,
    reset: ServerAction<IssuePasswordLink>,
) -> impl IntoView {
    let UserAdminRow { user: u, is_me } = row;
    let id = u.id;
    let p = move |f: &str| format!("nd-{id}-{f}");
    let state = if u.active {
        ta().users_active
    } else {
        ta().users_locked
    };
    view! {
        <li class="user-item">
            <details>
                <summary>
                    <strong>{u.display_name.clone()}</strong>
                    <span class="muted">{format!(" ({})", u.username)}</span>
                    " · " {u.role.label()} " · "
                    <span class=if u.active { "state-on" } else { "state-off" }>{state}</span>
                    {is_me.then_some(ta().users_you)}
                </summary>
                <ActionForm action=update attr:class="stacked-form user-form">
                    <input type="hidden" name="user_id" value=id.to_string()/>
                    <label for=p("ten")>{ta().users_full_name}</label>
                    <input id=p("ten") name="display_name" type="text" required maxlength="100" value=u.display_name.clone()/>
                    <label for=p("email")>"Email"</label>
                    <input id=p("email") name="email" type="email" maxlength="200" value=u.email.clone()/>
                    <label for=p("vai-tro")>{ta().users_role}</label>
                    <select id=p("vai-tro") name="role">{role_options(u.role)}</select>
                    <label class="check"><input type="checkbox" name="active" checked=u.active/>{ta().users_active_check}</label>
                    <button type="submit" class="button-primary">{ta().users_save}</button>
                </ActionForm>
                <ActionForm action=reset attr:class="action-form">
                    <input type="hidden" name="user_id" value=id.to_string()/>
                    <button type="submit" class="button-secondary">{ta().users_reset_link}</button>
                </ActionForm>
                {takes_grants(u.role).then(|| view! {
                    <p><a href=format!("/quan-tri/nguoi-dung/{id}/quyen")>{ta().users_grants_link}</a></p>
                })}
            </details>
        </li>
    }
}

/// `/quan-tri/nguoi-dung` (admin).
#[component]
pub fn UsersPage() -> impl IntoView {
    let create = ServerAction::<CreateAccount>::new();
    let update = ServerAction::<UpdateAccount>::new();
    let reset = ServerAction::<IssuePasswordLink>::new();
    let data = crate::components::admin::page_data(
        module_path!(),
        move || (create.version().get(), update.version().get()),
        |_| get_users(),
    );
    admin_content(ta().nav_users, data, move |users| {
        view! {
            <h1>{ta().nav_users}</h1>
            <p><a href="/quan-tri/nguoi-dung/nhap">{ta().import_nav}</a></p>
            {shown_link(create.value(), ta().users_created_link)}
            {shown_link(reset.value(), ta().users_reset_link_intro)}
            {form_error(update.value())}
            {form_error(reset.value())}
            {form_done(update.value(), ta().users_saved)}
            <ul class="user-list">
                {users.into_iter().map(|u| user_row(u, update, reset)).collect_view()}
            </ul>
            <section class="desk-section" aria-labelledby="tao-tai-khoan">
                <h2 id="tao-tai-khoan">{ta().users_create}</h2>
                <ActionForm action=create attr:class="stacked-form">
                    <label for="tk-ten-dang-nhap">{ta().users_username}</label>
                    <input id="tk-ten-dang-nhap" name="username" type="text" required autocapitalize="none" spellcheck="false"
                        pattern="[a-z0-9][a-z0-9._\\-]{2,39}" title=ta().users_username_rule/>
                    <label for="tk-ten">{ta().users_full_name}</label>
                    <input id="tk-ten" name="display_name" type="text" required maxlength="100"/>
                    <label for="tk-email">{ta().users_email_optional}</label>
                    <input id="tk-email" name="email" type="email" maxlength="200"/>
                    <label for="tk-vai-tro">{ta().users_role}</label>
                    <select id="tk-vai-tro" name="role">{role_options(Role::Contributor)}</select>
                    {form_error(create.value())}
                    <button type="submit" class="button-primary">{ta().users_create}</button>
                </ActionForm>
            </section>
        }
    })
}

/// A new password typed twice (`password`, `confirm`), ids prefixed with `prefix`.
fn new_password_fields(prefix: &str, label: &'static str, again: &'static str) -> impl IntoView {
    let (first, second) = (format!("{prefix}-mat-khau"), format!("{prefix}-nhap-lai"));
    view! {
        <label for=first.clone()>{label}</label>
        <input id=first name="password" type="password" required minlength="10" autocomplete="new-password"/>
        <label for=second.clone()>{again}</label>
        <input id=second name="confirm" type="password" required minlength="10" autocomplete="new-password"/>
    }
}

fn token_param() -> impl Fn() -> String + Copy + Send + Sync + 'static {
    let query = use_query_map();
    move || query.read().get("ma").unwrap_or_default()
}

/// `/thiet-lap?ma=…`: the first admin chooses their account.
#[component]
pub fn SetupPage() -> impl IntoView {
    let token = token_param();
    let data = Resource::new(token, get_link);
    let action = ServerAction::<CompleteSetup>::new();
    view! {
        {crate::components::meta::page_head(ta().users_setup_page_title.to_string(), "noindex, nofollow")}
        {page_loader(data, move |_site, info| {
            if info != LinkInfo::SetupAdmin {
                return view! { <p class="form-error" role="alert">{ta().users_setup_wrong_link}</p> }.into_any();
            }
            view! {
                <section class="form-page">
                    <h1>{ta().users_setup_heading}</h1>
                    <p class="form-intro">{ta().users_setup_intro}</p>
                    <ActionForm action attr:class="stacked-form">
                        <input type="hidden" name="token" value=token()/>
                        <label for="tl-ten-dang-nhap">{ta().users_username}</label>
                        <input id="tl-ten-dang-nhap" name="username" type="text" required autocomplete="username" autocapitalize="none" spellcheck="false"/>
                        <label for="tl-ten">{ta().users_full_name}</label>
                        <input id="tl-ten" name="display_name" type="text" required maxlength="100"/>
                        <label for="tl-email">{ta().users_email_optional}</label>
                        <input id="tl-email" name="email" type="email" maxlength="200"/>
                        {new_password_fields("tl", ta().users_password_min, ta().users_password_again)}
                        {form_error(action.value())}
                        <button type="submit" class="button-primary">{ta().users_setup_submit}</button>
                    </ActionForm>
                </section>
            }.into_any()
        })}
    }
}

/// `/dat-mat-khau?ma=…`: the owner of an account chooses a new password.
#[component]
pub fn SetPasswordPage() -> impl IntoView {
    let token = token_param();
    let data = Resource::new(token, get_link);
    let action = ServerAction::<SetPasswordByLink>::new();
    view! {
        {crate::components::meta::page_head(ta().users_password_page_title.to_string(), "noindex, nofollow")}
        {page_loader(data, move |_site, info| {
            let LinkInfo::SetPassword { username, display_name } = info else {
                return view! { <p class="form-error" role="alert">{ta().users_password_wrong_link}</p> }.into_any();
            };
            view! {
                <section class="form-page">
                    <h1>{ta().users_password_heading}</h1>
                    <p class="form-intro">{fill(ta().users_password_intro, &[&display_name, &username])}</p>
                    <ActionForm action attr:class="stacked-form">
                        <input type="hidden" name="token" value=token()/>
                        <input type="text" value=username.clone() autocomplete="username" hidden/>
                        {new_password_fields("dmk", ta().users_new_password_min, ta().users_new_password_again)}
                        {form_error(action.value())}
                        <button type="submit" class="button-primary">{ta().users_password_save}</button>
                    </ActionForm>
                </section>
            }.into_any()
        })}
    }
}
