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
use crate::components::admin_content;
use crate::components::{form_done, form_error, page_loader};

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
                    <p class="muted">"Liên kết dùng được một lần, trong 24 giờ. Hãy gửi cho đúng người qua kênh an toàn."</p>
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
        "Hoạt động"
    } else {
        "Đã khóa"
    };
    view! {
        <li class="user-item">
            <details>
                <summary>
                    <strong>{u.display_name.clone()}</strong>
                    <span class="muted">{format!(" ({})", u.username)}</span>
                    " · " {u.role.label()} " · "
                    <span class=if u.active { "state-on" } else { "state-off" }>{state}</span>
                    {is_me.then_some(" · bạn")}
                </summary>
                <ActionForm action=update attr:class="stacked-form user-form">
                    <input type="hidden" name="user_id" value=id.to_string()/>
                    <label for=p("ten")>"Họ và tên"</label>
                    <input id=p("ten") name="display_name" type="text" required maxlength="100" value=u.display_name.clone()/>
                    <label for=p("email")>"Email"</label>
                    <input id=p("email") name="email" type="email" maxlength="200" value=u.email.clone()/>
                    <label for=p("vai-tro")>"Vai trò"</label>
                    <select id=p("vai-tro") name="role">{role_options(u.role)}</select>
                    <label class="check"><input type="checkbox" name="active" checked=u.active/>" Đang hoạt động (bỏ chọn để khóa tài khoản)"</label>
                    <button type="submit" class="button-primary">"Lưu thay đổi"</button>
                </ActionForm>
                <ActionForm action=reset attr:class="action-form">
                    <input type="hidden" name="user_id" value=id.to_string()/>
                    <button type="submit" class="button-secondary">"Cấp liên kết đặt lại mật khẩu"</button>
                </ActionForm>
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
    let data = Resource::new(
        move || (create.version().get(), update.version().get()),
        |_| get_users(),
    );
    admin_content("Người dùng", data, move |users| {
        view! {
            <h1>"Người dùng"</h1>
            {shown_link(create.value(), "Đã tạo tài khoản. Người dùng mở liên kết sau để tự đặt mật khẩu:")}
            {shown_link(reset.value(), "Liên kết đặt lại mật khẩu (các phiên đăng nhập cũ sẽ kết thúc khi dùng):")}
            {form_error(update.value())}
            {form_error(reset.value())}
            {form_done(update.value(), "Đã lưu thay đổi tài khoản.")}
            <ul class="user-list">
                {users.into_iter().map(|u| user_row(u, update, reset)).collect_view()}
            </ul>
            <section class="desk-section" aria-labelledby="tao-tai-khoan">
                <h2 id="tao-tai-khoan">"Tạo tài khoản"</h2>
                <ActionForm action=create attr:class="stacked-form">
                    <label for="tk-ten-dang-nhap">"Tên đăng nhập"</label>
                    <input id="tk-ten-dang-nhap" name="username" type="text" required autocapitalize="none" spellcheck="false"
                        pattern="[a-z0-9][a-z0-9._\\-]{2,39}" title="3–40 chữ thường không dấu, chữ số, . - _"/>
                    <label for="tk-ten">"Họ và tên"</label>
                    <input id="tk-ten" name="display_name" type="text" required maxlength="100"/>
                    <label for="tk-email">"Email (không bắt buộc)"</label>
                    <input id="tk-email" name="email" type="email" maxlength="200"/>
                    <label for="tk-vai-tro">"Vai trò"</label>
                    <select id="tk-vai-tro" name="role">{role_options(Role::Contributor)}</select>
                    {form_error(create.value())}
                    <button type="submit" class="button-primary">"Tạo tài khoản"</button>
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
        <leptos_meta::Meta name="robots" content="noindex, nofollow"/>
        <leptos_meta::Title text="Thiết lập quản trị viên - Tòa Soạn"/>
        {page_loader(data, move |_site, info| {
            if info != LinkInfo::SetupAdmin {
                return view! { <p class="form-error" role="alert">"Liên kết này không dùng để thiết lập cổng."</p> }.into_any();
            }
            view! {
                <section class="form-page">
                    <h1>"Thiết lập quản trị viên đầu tiên"</h1>
                    <p class="form-intro">"Tạo tài khoản quản trị hệ thống. Liên kết này chỉ dùng được một lần."</p>
                    <ActionForm action attr:class="stacked-form">
                        <input type="hidden" name="token" value=token()/>
                        <label for="tl-ten-dang-nhap">"Tên đăng nhập"</label>
                        <input id="tl-ten-dang-nhap" name="username" type="text" required autocomplete="username" autocapitalize="none" spellcheck="false"/>
                        <label for="tl-ten">"Họ và tên"</label>
                        <input id="tl-ten" name="display_name" type="text" required maxlength="100"/>
                        <label for="tl-email">"Email (không bắt buộc)"</label>
                        <input id="tl-email" name="email" type="email" maxlength="200"/>
                        {new_password_fields("tl", "Mật khẩu (ít nhất 10 ký tự)", "Nhập lại mật khẩu")}
                        {form_error(action.value())}
                        <button type="submit" class="button-primary">"Tạo tài khoản quản trị"</button>
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
        <leptos_meta::Meta name="robots" content="noindex, nofollow"/>
        <leptos_meta::Title text="Đặt mật khẩu - Tòa Soạn"/>
        {page_loader(data, move |_site, info| {
            let LinkInfo::SetPassword { username, display_name } = info else {
                return view! { <p class="form-error" role="alert">"Liên kết này không dùng để đặt mật khẩu."</p> }.into_any();
            };
            view! {
                <section class="form-page">
                    <h1>"Đặt mật khẩu"</h1>
                    <p class="form-intro">{format!("Tài khoản {display_name} ({username}). Liên kết này chỉ dùng được một lần.")}</p>
                    <ActionForm action attr:class="stacked-form">
                        <input type="hidden" name="token" value=token()/>
                        <input type="text" value=username.clone() autocomplete="username" hidden/>
                        {new_password_fields("dmk", "Mật khẩu mới (ít nhất 10 ký tự)", "Nhập lại mật khẩu mới")}
                        {form_error(action.value())}
                        <button type="submit" class="button-primary">"Lưu mật khẩu"</button>
                    </ActionForm>
                </section>
            }.into_any()
        })}
    }
}
