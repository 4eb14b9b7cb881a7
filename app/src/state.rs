//! What the server hands every server function: the database pool and the portal's
//! configuration. Provided as Leptos context by the server crate.

use std::sync::Arc;

use leptos::prelude::use_context;

use crate::error::AppError;
use crate::features::portal::SiteConfig;

/// Shared server state.
#[derive(Clone)]
pub struct AppContext {
    pub pool: sqlx::AnyPool,
    pub site: Arc<SiteConfig>,
}

/// The server state of the current request.
pub fn app_context() -> Result<AppContext, AppError> {
    use_context::<AppContext>()
        .ok_or_else(|| AppError::internal("context", "AppContext is not provided"))
}
