//! What the server hands every server function: the database pool, the portal's
//! configuration and the rate limits; plus the request facts server functions read
//! (client address) and write (cookies). Provided as Leptos context by the server.

use std::sync::Arc;

use leptos::prelude::use_context;

use crate::error::AppError;
use crate::features::portal::SiteConfig;
use crate::rate_limit::RateLimiter;

/// Shared server state.
#[derive(Clone)]
pub struct AppContext {
    pub pool: sqlx::AnyPool,
    pub site: Arc<SiteConfig>,
    /// Sign-in failures per account.
    pub sign_in_limits: Arc<RateLimiter>,
    /// Sign-in attempts per client address.
    pub address_limits: Arc<RateLimiter>,
    /// Cookies get `Secure` when the portal is served over https.
    pub secure_cookies: bool,
}

impl AppContext {
    pub fn new(pool: sqlx::AnyPool, site: SiteConfig) -> Self {
        use crate::features::accounts::api::{
            ACCOUNT_FAILURES, ADDRESS_ATTEMPTS, LIMIT_WINDOW_SECONDS,
        };
        let secure_cookies = site.base_url.starts_with("https://");
        AppContext {
            pool,
            site: Arc::new(site),
            sign_in_limits: Arc::new(RateLimiter::new(ACCOUNT_FAILURES, LIMIT_WINDOW_SECONDS)),
            address_limits: Arc::new(RateLimiter::new(ADDRESS_ATTEMPTS, LIMIT_WINDOW_SECONDS)),
            secure_cookies,
        }
    }
}

/// The client's address, put into each request's extensions by the server.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClientAddr(pub String);

/// The client address of the current request ("unknown" when the server gave none).
pub fn client_addr() -> String {
    use_context::<http::request::Parts>()
        .and_then(|p| p.extensions.get::<ClientAddr>().map(|a| a.0.clone()))
        .unwrap_or_else(|| "unknown".into())
}

/// Adds a Set-Cookie header to the current response.
pub fn set_cookie(value: &str) {
    if let Some(res) = use_context::<leptos_axum::ResponseOptions>()
        && let Ok(v) = http::HeaderValue::from_str(value)
    {
        res.append_header(http::header::SET_COOKIE, v);
    }
}

/// The server state of the current request.
pub fn app_context() -> Result<AppContext, AppError> {
    use_context::<AppContext>()
        .ok_or_else(|| AppError::internal("context", "AppContext is not provided"))
}
