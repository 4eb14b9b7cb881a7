//! The errors plain forms carry back in an address, kept honest. Without JavaScript, a
//! server function's error sends the browser back to its page with the error in the
//! query (Leptos' `__path` and `__err`), which the page's form then shows; anyone could
//! make such a link with any words in it. So a redirect the server makes gets the
//! error's keyed tag (`__ky`), and a page asked with an error but without its tag is
//! served without the error.

use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, Uri, header};
use axum::middleware::Next;
use axum::response::Response;
use toasoan_app::core::state::AppContext;
use toasoan_app::features::guard::message_tag_with as tag_of;

const ERROR: &str = "__err";
const PATH: &str = "__path";
const TAG: &str = "__ky";

/// The value of `name` in a query, as it is written there.
fn param<'a>(query: &'a str, name: &str) -> Option<&'a str> {
    query
        .split('&')
        .find_map(|pair| pair.strip_prefix(name)?.strip_prefix('='))
}

/// `location` with the tag of its error added, if it carries one.
pub fn tagged_location(location: &str, secret: &str) -> Option<String> {
    let (_, query) = location.split_once('?')?;
    let error = param(query, ERROR)?;
    Some(format!("{location}&{TAG}={}", tag_of(secret, error)))
}

/// The query without the error when its tag is missing or wrong; None when it may stay.
pub fn untrusted_query(query: &str, secret: &str) -> Option<String> {
    let error = param(query, ERROR)?;
    if param(query, TAG) == Some(tag_of(secret, error).as_str()) {
        return None;
    }
    Some(
        query
            .split('&')
            .filter(|pair| {
                let name = pair.split('=').next().unwrap_or_default();
                ![ERROR, PATH, TAG].contains(&name)
            })
            .collect::<Vec<_>>()
            .join("&"),
    )
}

/// The middleware.
pub async fn keep_honest(State(ctx): State<AppContext>, mut req: Request, next: Next) -> Response {
    let asks_page = req.method() == Method::GET || req.method() == Method::HEAD;
    let has_error = req.uri().query().is_some_and(|q| q.contains(ERROR));
    if asks_page && has_error {
        if let Ok(secret) = ctx.secret().await
            && let Some(query) = untrusted_query(req.uri().query().unwrap_or_default(), &secret)
        {
            let path = req.uri().path();
            let rebuilt = if query.is_empty() {
                path.to_string()
            } else {
                format!("{path}?{query}")
            };
            if let Ok(uri) = rebuilt.parse::<Uri>() {
                *req.uri_mut() = uri;
            }
        }
        return next.run(req).await;
    }
    let mut res = next.run(req).await;
    if !asks_page && res.status().is_redirection() {
        let location = res
            .headers()
            .get(header::LOCATION)
            .and_then(|v| v.to_str().ok())
            .filter(|l| l.contains(ERROR))
            .map(str::to_string);
        if let Some(location) = location
            && let Ok(secret) = ctx.secret().await
            && let Some(tagged) = tagged_location(&location, &secret)
            && let Ok(v) = HeaderValue::from_str(&tagged)
        {
            res.headers_mut().insert(header::LOCATION, v);
        }
    }
    res
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_stay_only_with_their_tag() {
        let to = "http://x/hoi-dap/dat-cau-hoi?a=1&__path=%2Fapi%2Fask&__err=IlRvb01hbnki";
        let tagged = tagged_location(to, "s").unwrap();
        let query = tagged.split_once('?').unwrap().1;
        assert_eq!(untrusted_query(query, "s"), None, "the server's own");
        assert_eq!(
            untrusted_query(query, "other").as_deref(),
            Some("a=1"),
            "another secret's tag"
        );
        let forged = "__path=%2Fapi%2Fask&__err=RmFrZQ&__ky=abc";
        assert_eq!(untrusted_query(forged, "s").as_deref(), Some(""));
        assert_eq!(
            untrusted_query("trang=2", "s"),
            None,
            "no error: nothing to do"
        );
        assert_eq!(tagged_location("/bai-viet/x", "s"), None);
    }
}
