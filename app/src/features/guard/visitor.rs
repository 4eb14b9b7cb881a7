//! Who a reader is, without an account: the visitor cookie (a random id the server
//! gives at the first rating or comment), else a hash of the address and browser.
//! Signed-in users are their account. Also tells robots from readers by user agent.

use crate::core::error::AppError;

/// The visitor cookie's name; its value is 32 hex characters.
pub const COOKIE: &str = "toasoan_khach";

/// A reader as ratings, comments and views know them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Visitor {
    /// "u:<account id>", "k:<cookie id>" or "a:<address hash>".
    pub key: String,
    /// "a:<address hash>": the fallback key, also kept to replace a vote this browser
    /// gave before it had the cookie.
    pub address_key: String,
    /// The client address, for per-address limits (memory only, never stored).
    pub address: String,
}

/// The visitor id in a Cookie header, if well-formed.
pub fn id_from_cookies(header: &str) -> Option<String> {
    header.split(';').find_map(|part| {
        let (name, value) = part.trim().split_once('=')?;
        (name == COOKIE && value.len() == 32 && value.chars().all(|c| c.is_ascii_hexdigit()))
            .then(|| value.to_ascii_lowercase())
    })
}

/// A fresh visitor id.
pub fn new_id() -> String {
    crate::core::text::new_token()[..32].to_string()
}

/// The Set-Cookie value that gives a visitor its id for a year.
pub fn cookie(id: &str, secure: bool) -> String {
    let secure = if secure { "; Secure" } else { "" };
    format!("{COOKIE}={id}; Path=/; Max-Age=31536000; HttpOnly; SameSite=Lax{secure}")
}

/// A keyed hash of the address and browser: the same reader on the same network gets
/// the same value; the address itself is never stored.
pub fn address_hash(secret: &str, address: &str, user_agent: &str) -> String {
    crate::core::text::short_hash(&[secret, address, user_agent], 16)
}

/// True for crawlers, link previews, monitors and scripts: their page views do not count.
pub fn is_bot(user_agent: &str) -> bool {
    // asked for every article view, mostly for the same few browsers: the last answer
    // of this thread is kept, keyed by the whole user agent
    thread_local! {
        static LAST: std::cell::RefCell<(String, bool)> = const { std::cell::RefCell::new((String::new(), false)) };
    }
    LAST.with(|last| {
        let mut last = last.borrow_mut();
        if last.0 != user_agent || last.0.is_empty() {
            *last = (user_agent.to_string(), looks_like_a_bot(user_agent));
        }
        last.1
    })
}

fn looks_like_a_bot(user_agent: &str) -> bool {
    const MARKS: &[&str] = &[
        "bot",
        "crawl",
        "spider",
        "slurp",
        "preview",
        "headless",
        "facebookexternalhit",
        "zalo",
        "lighthouse",
        "monitor",
        "curl",
        "wget",
        "python",
        "java/",
        "go-http",
        "okhttp",
        "axios",
        "node-fetch",
        "httpclient",
        "reqwest",
        "scrapy",
        "phantomjs",
        "feedfetcher",
        "rss",
    ];
    let ua = user_agent.to_ascii_lowercase();
    ua.len() < 10 || !ua.starts_with("mozilla/") || MARKS.iter().any(|m| ua.contains(m))
}

/// The visitor of the current request. With `give_cookie`, a browser without the
/// visitor cookie gets one now (its first rating or comment).
pub async fn current(give_cookie: bool) -> Result<Visitor, AppError> {
    use http::header::{COOKIE as COOKIE_HEADER, USER_AGENT};
    let ctx = crate::core::state::app_context()?;
    let address = crate::core::state::client_addr();
    let secret = ctx.secret().await?;
    let agent = crate::core::state::request_header(USER_AGENT);
    let address_key = format!("a:{}", address_hash(&secret, &address, &agent));
    let key = if let Some(user) = crate::features::accounts::auth::current_user().await? {
        format!("u:{}", user.id)
    } else if let Some(id) = id_from_cookies(&crate::core::state::request_header(COOKIE_HEADER)) {
        format!("k:{id}")
    } else {
        if give_cookie {
            crate::core::state::set_cookie(&cookie(&new_id(), ctx.secure_cookies));
        }
        address_key.clone()
    };
    Ok(Visitor {
        key,
        address_key,
        address,
    })
}

/// Who is reading the current page, cheaply (no database): the visitor cookie, else the
/// address hash. None for robots.
pub async fn reader_key() -> Result<Option<String>, AppError> {
    use http::header::{COOKIE as COOKIE_HEADER, USER_AGENT};
    let secret = crate::core::state::app_context()?.secret().await?;
    Ok(reader_key_of(
        &crate::core::state::request_header(USER_AGENT),
        &crate::core::state::request_header(COOKIE_HEADER),
        &crate::core::state::client_addr(),
        &secret,
    ))
}

/// The reader key from a request's user agent, Cookie header and address: "k:<cookie
/// id>", else "a:<address hash>"; None for robots. Also used in front of the page cache.
pub fn reader_key_of(
    user_agent: &str,
    cookies: &str,
    address: &str,
    secret: &str,
) -> Option<String> {
    if is_bot(user_agent) {
        return None;
    }
    Some(match id_from_cookies(cookies) {
        Some(id) => format!("k:{id}"),
        None => format!("a:{}", address_hash(secret, address, user_agent)),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cookie_ids_are_checked() {
        let id = new_id();
        assert_eq!(id.len(), 32);
        let header = format!("a=b; {COOKIE}={id}; c=d");
        assert_eq!(id_from_cookies(&header), Some(id.clone()));
        assert_eq!(id_from_cookies(&format!("{COOKIE}=xyz")), None);
        assert_eq!(id_from_cookies(&format!("{COOKIE}={id}'--")), None);
        assert!(cookie(&id, true).contains("HttpOnly") && cookie(&id, true).contains("Secure"));
    }

    #[test]
    fn address_hashes_are_keyed_and_stable() {
        let a = address_hash("s1", "10.0.0.1", "Mozilla/5.0");
        assert_eq!(a, address_hash("s1", "10.0.0.1", "Mozilla/5.0"));
        assert_ne!(a, address_hash("s2", "10.0.0.1", "Mozilla/5.0"));
        assert_ne!(a, address_hash("s1", "10.0.0.2", "Mozilla/5.0"));
        assert!(!a.contains("10.0.0.1"));
    }

    #[test]
    fn robots_are_told_from_readers() {
        let chrome = "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36";
        assert!(!is_bot(chrome));
        assert!(!is_bot(
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Version/17.0 Mobile/15E148 Safari/604.1"
        ));
        assert!(is_bot(
            "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"
        ));
        assert!(is_bot("facebookexternalhit/1.1"));
        assert!(is_bot("curl/8.5.0"));
        assert!(is_bot(""));
        assert!(is_bot(
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/120.0 Safari/537.36"
        ));
    }
}
