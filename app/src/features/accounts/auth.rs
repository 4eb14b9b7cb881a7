//! Passwords (argon2id), session tokens (random, stored as SHA-256), the session
//! cookie, and the one check every server function uses: `require(permission)`.

use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, SaltString};
use argon2::{Argon2, PasswordHasher, PasswordVerifier};
use sha2::{Digest, Sha256};

use super::model::{CurrentUser, Permission};
use super::store;
use crate::core::error::AppError;

/// Name of the session cookie.
pub const COOKIE: &str = "toasoan_phien";
/// How long the idle warning counts down before the session ends.
pub const COUNTDOWN_SECONDS: i64 = 60;

/// A session ends on the server after this long without a request: the idle time of
/// the warning, its countdown, and a minute's grace. The open page keeps it alive
/// while the user is active (`keep_session_alive`).
pub fn session_lifetime(site: &crate::core::site::SiteConfig) -> i64 {
    site.session_idle_minutes.max(1) as i64 * 60 + COUNTDOWN_SECONDS + 60
}

/// Starts a session for `user_id` and sets its cookie.
pub async fn start_session(
    ctx: &crate::core::state::AppContext,
    user_id: i64,
    now: i64,
) -> Result<(), AppError> {
    let token = new_token();
    store::create_session(
        &ctx.pool,
        &token_hash(&token),
        user_id,
        now,
        now + session_lifetime(&ctx.site),
    )
    .await?;
    crate::core::state::set_cookie(&session_cookie(&token, ctx.secure_cookies));
    Ok(())
}

/// An argon2id hash of a password, as a PHC string.
pub fn hash_password(password: &str) -> Result<String, AppError> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| AppError::internal("argon2", e))
}

/// Checks a password against a stored hash.
pub fn verify_password(password: &str, hash: &str) -> bool {
    PasswordHash::new(hash).is_ok_and(|parsed| {
        Argon2::default()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok()
    })
}

/// A hash that no password matches, verified when the user does not exist so that
/// both cases take the same time.
pub fn dummy_hash() -> &'static str {
    static HASH: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    HASH.get_or_init(|| hash_password("khong-co-tai-khoan-nay").unwrap_or_default())
}

pub use crate::core::text::new_token;

/// What is stored for a token.
pub fn token_hash(token: &str) -> String {
    format!("{:x}", Sha256::digest(token.as_bytes()))
}

/// The Set-Cookie value that starts a session.
pub fn session_cookie(token: &str, secure: bool) -> String {
    let secure = if secure { "; Secure" } else { "" };
    format!("{COOKIE}={token}; Path=/; HttpOnly; SameSite=Lax{secure}")
}

/// The Set-Cookie value that ends one.
pub fn clear_cookie(secure: bool) -> String {
    let secure = if secure { "; Secure" } else { "" };
    format!("{COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0{secure}")
}

/// The session token in a Cookie header, if any.
pub fn token_from_cookies(header: &str) -> Option<String> {
    header.split(';').find_map(|part| {
        let (name, value) = part.trim().split_once('=')?;
        (name == COOKIE && value.len() == 64 && value.chars().all(|c| c.is_ascii_hexdigit()))
            .then(|| value.to_string())
    })
}

/// The session token of the current request.
pub fn request_token() -> Option<String> {
    let parts = leptos::prelude::use_context::<http::request::Parts>()?;
    token_of(&parts.headers)
}

fn token_of(headers: &http::HeaderMap) -> Option<String> {
    headers
        .get_all(http::header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(token_from_cookies)
}

/// The signed-in user of the current request, if any. Expired sessions and disabled
/// users are refused at once.
pub async fn current_user() -> Result<Option<CurrentUser>, AppError> {
    let Some(token) = request_token() else {
        return Ok(None);
    };
    let ctx = crate::core::state::app_context()?;
    user_of_token(&ctx, &token).await
}

/// The signed-in user of a request the server handles itself (an upload), from its
/// headers, as `current_user` for server functions.
pub async fn user_of_headers(
    ctx: &crate::core::state::AppContext,
    headers: &http::HeaderMap,
) -> Result<Option<CurrentUser>, AppError> {
    match token_of(headers) {
        Some(token) => user_of_token(ctx, &token).await,
        None => Ok(None),
    }
}

async fn user_of_token(
    ctx: &crate::core::state::AppContext,
    token: &str,
) -> Result<Option<CurrentUser>, AppError> {
    let now = crate::core::time::now();
    let hash = token_hash(token);
    let Some((user, last_seen)) = store::session_user(&ctx.pool, &hash, now).await? else {
        return Ok(None);
    };
    if now - last_seen >= 60 {
        store::touch_session(&ctx.pool, &hash, now, now + session_lifetime(&ctx.site)).await?;
    }
    Ok(Some(user))
}

/// The signed-in user if they hold `permission`; otherwise 401 (not signed in) or 403.
pub async fn require(permission: Permission) -> Result<CurrentUser, AppError> {
    match current_user().await? {
        None => Err(AppError::SignInRequired),
        Some(user) if user.can(permission) => Ok(user),
        Some(_) => Err(AppError::Forbidden),
    }
}

/// A members-only page (at `here`) asked for by a reader: a signed-in member or staff
/// reads it; anyone else is sent to the sign-in page (303), which brings them back
/// to `here`, and the answer is kept by no cache (the page cache keeps only `200`s).
pub async fn members_gate(here: &str) -> Result<(), AppError> {
    if current_user().await?.is_some() {
        return Ok(());
    }
    if let Some(res) = leptos::prelude::use_context::<leptos_axum::ResponseOptions>() {
        let to = crate::components::page::sign_in_href(here);
        if let Ok(to) = http::HeaderValue::from_str(&to) {
            res.insert_header(http::header::LOCATION, to);
            res.set_status(http::StatusCode::SEE_OTHER);
        }
    }
    crate::core::state::keep_private();
    Err(AppError::SignInRequired)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_hash_with_argon2id_and_verify() {
        let h = hash_password("mat-khau-2026").unwrap();
        assert!(h.starts_with("$argon2id$"), "{h}");
        assert!(verify_password("mat-khau-2026", &h));
        assert!(!verify_password("mat-khau-2027", &h));
        assert!(!verify_password("mat-khau-2026", "not a hash"));
        assert_ne!(hash_password("mat-khau-2026").unwrap(), h, "salted");
    }

    #[test]
    fn tokens_and_cookies() {
        let t = new_token();
        assert_eq!(t.len(), 64);
        assert_ne!(t, new_token());
        assert_ne!(token_hash(&t), t);
        let cookie = session_cookie(&t, true);
        assert!(
            cookie.contains("HttpOnly")
                && cookie.contains("SameSite=Lax")
                && cookie.ends_with("Secure")
        );
        assert!(!session_cookie(&t, false).contains("Secure"));
        assert_eq!(
            token_from_cookies(&format!("a=1; {COOKIE}={t}; b=2")),
            Some(t.clone())
        );
        assert_eq!(token_from_cookies(&format!("{COOKIE}=abc")), None);
        assert_eq!(token_from_cookies("a=1"), None);
    }
}
