//! The core layer: what every feature stands on and that knows no feature — the one
//! error type, the request context, time, text folding, pagination, the portal's
//! settings and the addresses several layers link to. Strings live in `crate::i18n`,
//! which belongs to this layer too.

pub mod error;
#[cfg(any(feature = "ssr", feature = "staff"))]
pub mod fold;
#[cfg(feature = "ssr")]
pub mod lease;
pub mod links;
#[cfg(feature = "ssr")]
pub mod memo;
pub mod paging;
#[cfg(feature = "ssr")]
pub mod rate_limit;
#[cfg(feature = "ssr")]
pub mod recount;
pub mod site;
#[cfg(feature = "ssr")]
pub mod state;
#[cfg(feature = "ssr")]
pub mod text;
#[cfg(feature = "ssr")]
pub mod time;
pub mod tracking_code;
#[cfg(feature = "ssr")]
pub mod view_counts;
#[cfg(feature = "ssr")]
pub mod visits;
