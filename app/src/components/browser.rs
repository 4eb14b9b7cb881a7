//! What an island needs of the page it lives on, the same on the server (from the
//! request) and in the browser (from `window.location`): islands hydrate without the
//! router, so they do not use its hooks; and how data made late joins its island.

/// Runs `make` as part of the island it is called in, if any. An island's data
/// (resources) is sent with the page only when made while the island renders; what a
/// route or a `Suspense` makes after an `.await` runs later, so it asks for this again
/// (the server and the browser then number the data alike). Outside islands (the
/// reader's pages, rendered for the server only) it just runs `make`.
pub fn in_island<T: 'static>(make: impl FnOnce() -> T + 'static) -> T {
    use leptos::prelude::use_context;
    use leptos::reactive::owner::{IsHydrating, Owner};
    if use_context::<IsHydrating>().is_some_and(|h| h.0) {
        Owner::with_hydration(make)
    } else {
        make()
    }
}

/// The value of `name` in the page address's query, if any.
pub fn query_param(name: &str) -> Option<String> {
    #[cfg(feature = "ssr")]
    {
        use leptos::prelude::*;
        use_context::<http::request::Parts>().and_then(|parts| {
            let query = parts.uri.query()?;
            form_value(query, name)
        })
    }
    #[cfg(all(feature = "hydrate", not(feature = "ssr")))]
    {
        let search = leptos::prelude::window().location().search().ok()?;
        web_sys::UrlSearchParams::new_with_str(&search)
            .ok()?
            .get(name)
    }
    #[cfg(not(any(feature = "ssr", feature = "hydrate")))]
    {
        let _ = name;
        None
    }
}

/// The first value of `name` in an `application/x-www-form-urlencoded` string.
#[cfg(any(feature = "ssr", test))]
fn form_value(query: &str, name: &str) -> Option<String> {
    query.split('&').find_map(|pair| {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        (decode(key) == name).then(|| decode(value))
    })
}

#[cfg(any(feature = "ssr", test))]
fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok();
                match hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                    Some(b) => {
                        out.push(b);
                        i += 2;
                    }
                    None => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The page's path and query ("/bai-viet/x?y=1"), to come back to.
pub fn here() -> String {
    #[cfg(all(feature = "hydrate", not(feature = "ssr")))]
    {
        let location = leptos::prelude::window().location();
        format!(
            "{}{}",
            location.pathname().unwrap_or_default(),
            location.search().unwrap_or_default()
        )
    }
    #[cfg(not(all(feature = "hydrate", not(feature = "ssr"))))]
    {
        String::new()
    }
}

/// Set when the page is left by `go_to`: the program's own leaving (a session that
/// ended), which a page's "leave with unsaved changes?" question lets go, its work kept.
static LEFT_ON_PURPOSE: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// True once `go_to` is taking the page away.
pub fn leaving_on_purpose() -> bool {
    LEFT_ON_PURPOSE.load(std::sync::atomic::Ordering::Relaxed)
}

/// Opens `href` as a whole page (the islands' way to navigate).
pub fn go_to(href: &str) {
    LEFT_ON_PURPOSE.store(true, std::sync::atomic::Ordering::Relaxed);
    #[cfg(all(feature = "hydrate", not(feature = "ssr")))]
    {
        let _ = leptos::prelude::window().location().assign(href);
    }
    #[cfg(not(all(feature = "hydrate", not(feature = "ssr"))))]
    {
        let _ = href;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_form_encoded_query() {
        let q = "tra-loi=12&tiep=%2Fquan-tri%3Fa%3Db&ten=Nguy%E1%BB%85n+An&x";
        assert_eq!(form_value(q, "tra-loi").as_deref(), Some("12"));
        assert_eq!(form_value(q, "tiep").as_deref(), Some("/quan-tri?a=b"));
        assert_eq!(form_value(q, "ten").as_deref(), Some("Nguyễn An"));
        assert_eq!(form_value(q, "x").as_deref(), Some(""));
        assert_eq!(form_value(q, "khong"), None);
        assert_eq!(decode("100%"), "100%");
        assert_eq!(decode("%zz"), "%zz");
        assert_eq!(decode("%ễ"), "%ễ");
    }
}
