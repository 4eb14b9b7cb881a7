//! Server functions of accounts: sign in, sign out, who am I, change password.

use leptos::prelude::*;

use super::model::{CurrentUser, SignedIn};
use crate::core::error::AppError;
#[cfg(feature = "ssr")]
use crate::i18n::tm;

/// Sign-in failures allowed per account and per address in the window.
#[cfg(feature = "ssr")]
pub use crate::core::state::{
    ACCOUNT_FAILURES, ADDRESS_FAILURES, SIGN_IN_WINDOW_SECONDS as LIMIT_WINDOW_SECONDS,
};

/// Where to go after signing in: a local path only.
pub fn safe_next(next: Option<&str>) -> String {
    match next.map(str::trim) {
        Some(p)
            if p.starts_with('/') && !p.starts_with("//") && !p.contains('\\') && p.len() < 500 =>
        {
            p.to_string()
        }
        _ => "/tai-khoan".to_string(),
    }
}

/// Signs in with a user name and password; sets the session cookie and goes to `next`.
#[server]
pub async fn sign_in(
    username: String,
    password: String,
    next: Option<String>,
) -> Result<(), AppError> {
    use super::{auth, store};
    let ctx = crate::core::state::app_context()?;
    let now = crate::core::time::now();
    let username = username.trim().to_lowercase();
    if username.is_empty() || password.is_empty() {
        return Err(AppError::Invalid(tm().sign_in_missing.into()));
    }
    // failures count, per account and per address; successes do not (a whole office
    // behind one address signs in at eight o'clock)
    let account_key = format!("u:{username}");
    let address_key = format!("ip:{}", crate::core::state::client_addr());
    if ctx.sign_in_limits.is_blocked(&account_key, now).await?
        || ctx.address_limits.is_blocked(&address_key, now).await?
    {
        return Err(AppError::TooMany);
    }
    let found = store::find_for_sign_in(&ctx.pool, &username).await?;
    let hash = found
        .as_ref()
        .map(|(_, h)| h.as_str())
        .unwrap_or_else(|| auth::dummy_hash());
    let password_ok = auth::verify_password(&password, hash);
    let user = match found {
        Some((user, _)) if password_ok => user,
        _ => {
            ctx.sign_in_limits.hit(&account_key, now).await?;
            ctx.address_limits.hit(&address_key, now).await?;
            return Err(AppError::Invalid(tm().sign_in_wrong.into()));
        }
    };
    if !user.active {
        return Err(AppError::Invalid(tm().account_locked.into()));
    }
    ctx.sign_in_limits.clear(&account_key).await?;
    auth::start_session(&ctx, user.id, now).await?;
    tracing::info!(user = %user.username, "signed in");
    leptos_axum::redirect(&safe_next(next.as_deref()));
    Ok(())
}

/// Ends the session and goes to the home page.
#[server]
pub async fn sign_out() -> Result<(), AppError> {
    use super::{auth, store};
    let ctx = crate::core::state::app_context()?;
    if let Some(token) = auth::request_token() {
        store::delete_session(&ctx.pool, &auth::token_hash(&token)).await?;
    }
    crate::core::state::set_cookie(&auth::clear_cookie(ctx.secure_cookies));
    leptos_axum::redirect("/");
    Ok(())
}

/// Ends the session after the idle warning ran out, without leaving the page (the
/// client then opens the sign-in page itself).
#[server]
pub async fn end_idle_session() -> Result<(), AppError> {
    use super::{auth, store};
    let ctx = crate::core::state::app_context()?;
    if let Some(token) = auth::request_token() {
        store::delete_session(&ctx.pool, &auth::token_hash(&token)).await?;
        tracing::info!("session ended after the idle warning");
    }
    crate::core::state::set_cookie(&auth::clear_cookie(ctx.secure_cookies));
    Ok(())
}

/// The signed-in user, if any (never cached: the client asks after hydration).
#[server]
pub async fn get_current_user() -> Result<Option<CurrentUser>, AppError> {
    super::auth::current_user().await
}

/// Who is signed in, in short (the header's account link, the idle watch).
#[server]
pub async fn get_signed_in() -> Result<Option<SignedIn>, AppError> {
    Ok(super::auth::current_user()
        .await?
        .as_ref()
        .map(SignedIn::of))
}

/// What the account page shows.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct AccountPageData {
    pub user: CurrentUser,
    pub role_label: String,
    pub permissions: Vec<String>,
}

/// The signed-in user's account page.
#[server]
pub async fn get_account() -> Result<AccountPageData, AppError> {
    use super::model::{Permission, Role};
    let user = super::auth::current_user()
        .await?
        .ok_or(AppError::SignInRequired)?;
    let permissions = Permission::ALL
        .iter()
        .filter(|p| user.can(**p))
        .map(|p| p.label().to_string())
        .collect();
    Ok(AccountPageData {
        role_label: Role::label(user.role).to_string(),
        permissions,
        user,
    })
}

/// Changes the signed-in user's password; their other sessions end.
#[server]
pub async fn change_password(
    current: String,
    new: String,
    confirm: String,
) -> Result<String, AppError> {
    use super::{auth, model::check_new_password, store};
    let ctx = crate::core::state::app_context()?;
    let user = auth::current_user()
        .await?
        .ok_or(AppError::SignInRequired)?;
    let (_, hash) = store::find_for_sign_in(&ctx.pool, &user.username)
        .await?
        .ok_or(AppError::SignInRequired)?;
    if !auth::verify_password(&current, &hash) {
        return Err(AppError::Invalid(tm().current_password_wrong.into()));
    }
    if new != confirm {
        return Err(AppError::Invalid(tm().new_passwords_differ.into()));
    }
    check_new_password(&new).map_err(|m| AppError::Invalid(m.into()))?;
    let keep = auth::request_token().map(|t| auth::token_hash(&t));
    store::set_password(
        &ctx.pool,
        user.id,
        &auth::hash_password(&new)?,
        keep.as_deref(),
        crate::core::time::now(),
    )
    .await?;
    Ok(tm().password_changed.into())
}

#[cfg(test)]
mod tests {
    use super::safe_next;

    #[test]
    fn next_is_always_a_local_path() {
        assert_eq!(safe_next(Some("/bai-viet/x")), "/bai-viet/x");
        assert_eq!(safe_next(Some("//evil.example")), "/tai-khoan");
        assert_eq!(safe_next(Some("https://evil.example")), "/tai-khoan");
        assert_eq!(safe_next(Some("/\\evil.example")), "/tai-khoan");
        assert_eq!(safe_next(None), "/tai-khoan");
    }
}
