//! The in-process cache of the pages anonymous readers get (DESIGN §9): the home page,
//! category, article, topic and tag pages are rendered once per change and kept
//! compressed ahead of time (brotli and gzip), so a reader's request costs a map
//! look-up. An accepted state-changing request makes stale what it says it changed
//! (`CHANGED_HEADER`: nothing, or one article's pages) or else every kept page, as does
//! every written batch of views; a kept page is also rendered again at least every
//! `max_age` (scheduled publication, the date in the header). A page grown old, whose
//! article was rated or whose view counts were written is rendered again by one
//! request while the others get the previous copy (stale while revalidate); a page
//! whose content changed, or one not kept yet, is rendered once for all who ask at the
//! same time (single flight), so a publication shows to the very next reader. Kept pages carry an ETag (a `304` for a browser that has the page)
//! and a Cache-Control a proxy can honour. Signed-in users, other query strings and
//! anything but a plain 200 HTML page always get a fresh render, never kept by a proxy.
//! Views of articles served from here are counted here, as the render would have.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::io::Write;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant};

use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderName, HeaderValue, Method, StatusCode, Uri, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use toasoan_app::core::memo::Memo;
use toasoan_app::core::state::{AppContext, ClientAddr};
use toasoan_app::core::view_counts::{ARTICLE_HEADER, CHANGED_HEADER, Changed};
use toasoan_app::i18n::Lang;

/// Pages kept at most (each a few tens of KB in three encodings).
pub const MAX_PAGES: usize = 2_000;
/// How long a kept page may be served without a change before it is rendered again.
pub const MAX_AGE: Duration = Duration::from_secs(60);
/// Pages bigger than this are served but not kept.
const MAX_BODY: usize = 2 << 20;
/// Tells operators (and tests) whether a page came from the cache.
const CACHE_HEADER: HeaderName = HeaderName::from_static("x-cache");
/// What a proxy in front may do with a kept page: keep it as long as this cache does,
/// and ask again (the ETag makes that cheap) in browsers.
const PUBLIC_CACHE_CONTROL: &str = "public, max-age=0, s-maxage=60";
/// Pages of signed-in users: never kept by anyone.
const PRIVATE_CACHE_CONTROL: &str = "private, no-store";
/// How long a request waits for another's render of the same page before it renders
/// the page itself.
const FLIGHT_WAIT: Duration = Duration::from_secs(10);

/// Kept pages and the generation that makes them stale.
pub struct PageCache {
    generation: AtomicU64,
    soft_generation: AtomicU64,
    pages: RwLock<HashMap<String, Arc<Page>>>,
    max_pages: usize,
    max_age: Duration,
    /// Pages being rendered now, with who waits for them.
    flights: Mutex<HashMap<String, Arc<tokio::sync::Notify>>>,
    /// Renders made for the cache (tests and operators).
    renders: AtomicU64,
    /// The content version this server wrote last.
    own_version: Mutex<Option<String>>,
    /// The application's short-lived answers, forgotten with the pages.
    memo: Option<Arc<Memo>>,
}

/// One rendered page in every encoding it is sent in.
pub(crate) struct Page {
    generation: u64,
    soft_generation: u64,
    made: Instant,
    /// The render's own headers (content type and any others), replayed on hits.
    headers: HeaderMap,
    /// The article the page shows, whose views a hit counts.
    article: Option<i64>,
    /// Made stale by a change of its article.
    stale: AtomicBool,
    /// A weak validator of the page's content (the same in every coding).
    etag: HeaderValue,
    plain: Bytes,
    gzip: Bytes,
    brotli: Bytes,
}

/// How a kept page stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Freshness {
    Fresh,
    /// Old enough, its article rated, or views written since: served while rendered again.
    Old,
    /// Its content changed: rendered again before anyone gets it.
    Changed,
}

/// A content coding a client accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Brotli,
    Gzip,
    Identity,
}

impl PageCache {
    pub fn new(max_pages: usize, max_age: Duration) -> Self {
        PageCache {
            generation: AtomicU64::new(0),
            soft_generation: AtomicU64::new(0),
            pages: RwLock::new(HashMap::new()),
            max_pages,
            max_age,
            flights: Mutex::new(HashMap::new()),
            renders: AtomicU64::new(0),
            own_version: Mutex::new(None),
            memo: None,
        }
    }

    /// Makes `invalidate` forget `memo`'s answers too: they come from the same content.
    pub fn forgetting(mut self, memo: Arc<Memo>) -> Self {
        self.memo = Some(memo);
        self
    }

    /// Makes stale what a request says it changed.
    pub fn changed(&self, what: Changed) {
        match what {
            Changed::Nothing => {}
            Changed::Article(id) => {
                let pages = self.pages.read().unwrap_or_else(|e| e.into_inner());
                for page in pages.values().filter(|p| p.article == Some(id)) {
                    page.stale.store(true, Ordering::SeqCst);
                }
            }
        }
    }

    /// The kept page at `key`, if still fresh.
    #[cfg(test)]
    fn fresh(&self, key: &str) -> Option<Arc<Page>> {
        self.lookup(key)
            .and_then(|(p, f)| (f == Freshness::Fresh).then_some(p))
    }

    /// Remembers the content version this server wrote, which its watch then passes
    /// over (it made its own pages stale already).
    pub fn note_own_version(&self, version: String) {
        *self.own_version.lock().unwrap_or_else(|e| e.into_inner()) = Some(version);
    }

    /// Whether `version` is the one this server wrote last.
    pub fn is_own_version(&self, version: Option<&str>) -> bool {
        let own = self.own_version.lock().unwrap_or_else(|e| e.into_inner());
        own.as_deref().is_some_and(|v| Some(v) == version)
    }

    /// How many renders the cache has asked for.
    pub fn renders(&self) -> u64 {
        self.renders.load(Ordering::SeqCst)
    }

    /// Makes every kept page stale: something they show may have changed. Until a page
    /// is rendered again, readers wait for that one render rather than get the old copy
    /// (a publication shows to the next reader).
    pub fn invalidate(&self) {
        self.generation.fetch_add(1, Ordering::SeqCst);
        if let Some(memo) = &self.memo {
            memo.forget_all();
        }
    }

    /// Makes every kept page stale for a change readers need not see at once (written
    /// view counts): the old copy is served while one request renders the page again.
    pub fn invalidate_soft(&self) {
        self.soft_generation.fetch_add(1, Ordering::SeqCst);
    }

    fn generation(&self) -> u64 {
        self.generation.load(Ordering::SeqCst)
    }

    /// The kept page at `key`, and how fresh it is.
    pub(crate) fn lookup(&self, key: &str) -> Option<(Arc<Page>, Freshness)> {
        let pages = self.pages.read().unwrap_or_else(|e| e.into_inner());
        let page = pages.get(key)?;
        Some((page.clone(), self.freshness(page)))
    }

    fn freshness(&self, page: &Page) -> Freshness {
        if page.generation != self.generation() {
            Freshness::Changed
        } else if page.soft_generation != self.soft_generation.load(Ordering::SeqCst)
            || page.stale.load(Ordering::SeqCst)
            || page.made.elapsed() >= self.max_age
        {
            Freshness::Old
        } else {
            Freshness::Fresh
        }
    }

    /// Takes the render of `key` for this request: `Ok` with a guard that ends the flight
    /// when dropped, or `Err` with what to wait on while another request renders it.
    fn take_flight(&self, key: &str) -> Result<Flight<'_>, Arc<tokio::sync::Notify>> {
        let mut flights = self.flights.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(n) = flights.get(key) {
            return Err(n.clone());
        }
        flights.insert(key.to_string(), Arc::new(tokio::sync::Notify::new()));
        Ok(Flight {
            cache: self,
            key: key.to_string(),
        })
    }

    /// Keeps `page` at `key`. When full, stale pages go first; if it is still full, the
    /// page is not kept.
    fn keep(&self, key: String, page: Page) -> Arc<Page> {
        let page = Arc::new(page);
        let current = self.generation();
        let mut pages = self.pages.write().unwrap_or_else(|e| e.into_inner());
        if pages.len() >= self.max_pages && !pages.contains_key(&key) {
            let max_age = self.max_age;
            pages.retain(|_, p| {
                p.generation == current
                    && !p.stale.load(Ordering::SeqCst)
                    && p.made.elapsed() < max_age
            });
        }
        if pages.len() < self.max_pages || pages.contains_key(&key) {
            pages.insert(key, page.clone());
        }
        page
    }

    /// Forgets the page kept at `key`, if any.
    fn forget(&self, key: &str) {
        let mut pages = self.pages.write().unwrap_or_else(|e| e.into_inner());
        pages.remove(key);
    }

    /// How many pages are kept (fresh or not).
    pub fn len(&self) -> usize {
        self.pages.read().unwrap_or_else(|e| e.into_inner()).len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// One request's render of a page; the others asking for it meanwhile wait for it.
struct Flight<'a> {
    cache: &'a PageCache,
    key: String,
}

impl Drop for Flight<'_> {
    fn drop(&mut self) {
        let mut flights = self.cache.flights.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(n) = flights.remove(&self.key) {
            n.notify_waiters();
        }
    }
}

impl Default for PageCache {
    fn default() -> Self {
        PageCache::new(MAX_PAGES, MAX_AGE)
    }
}

/// The pages kept: the public reading pages.
fn kept_path(path: &str) -> bool {
    const PREFIXES: &[&str] = &["/chuyen-muc/", "/bai-viet/", "/chuyen-de/", "/the/"];
    // the documents' list and pages (not their files, sent by their own route)
    let document = path
        .strip_prefix("/van-ban")
        .is_some_and(|rest| match rest.strip_prefix('/') {
            None => rest.is_empty(),
            Some(slug) => !slug.is_empty() && !slug.contains('/'),
        });
    // the published questions' list and pages (not the forms of asking and following)
    let question = path
        .strip_prefix("/hoi-dap")
        .is_some_and(|rest| match rest.strip_prefix('/') {
            None => rest.is_empty(),
            Some(slug) => {
                !slug.is_empty()
                    && !slug.contains('/')
                    && !matches!(slug, "dat-cau-hoi" | "theo-doi")
            }
        });
    path == "/"
        || document
        || question
        || PREFIXES
            .iter()
            .any(|p| path.len() > p.len() && path.starts_with(p))
}

/// The query of a kept page: none, a page number (`trang=N`), a language
/// (`hl=vi|en`), or both; the page number as it reads, if any.
fn kept_query(query: Option<&str>) -> Option<Option<&str>> {
    let Some(q) = query else {
        return Some(None);
    };
    let (mut page, mut language) = (None, false);
    for pair in q.split('&') {
        match pair.split_once('=') {
            Some(("trang", n))
                if page.is_none()
                    && (1..=5).contains(&n.len())
                    && n.bytes().all(|b| b.is_ascii_digit()) =>
            {
                page = Some(n)
            }
            Some((name, code))
                if name == toasoan_app::i18n::LANG_PARAM
                    && !language
                    && Lang::parse(code).is_some() =>
            {
                language = true
            }
            _ => return None,
        }
    }
    Some(page)
}

/// The cache key of a request whose page may be kept and served from the cache: a GET
/// of a reading page, with no query or only a page number and a language, from a
/// reader who is not signed in, in the language the request was given (`lang`: from
/// `?hl=` or the language cookie). None for everything else.
pub fn cache_key(method: &Method, uri: &Uri, headers: &HeaderMap, lang: Lang) -> Option<String> {
    if method != Method::GET || !kept_path(uri.path()) {
        return None;
    }
    let page = kept_query(uri.query());
    let query_ok = page.is_some();
    (query_ok && !has_session(headers)).then(|| {
        let page = page
            .flatten()
            .map(|n| format!("?trang={n}"))
            .unwrap_or_default();
        format!("{}:{}{page}", lang.code(), uri.path())
    })
}

/// The best coding the Accept-Encoding header allows: brotli, else gzip, else none.
pub fn preferred_encoding(accept: &str) -> Encoding {
    let accepts = |name: &str| {
        accept.split(',').any(|item| {
            let mut parts = item.split(';');
            let coding = parts.next().unwrap_or("").trim();
            let q = parts
                .filter_map(|p| p.trim().strip_prefix("q="))
                .find_map(|q| q.trim().parse::<f32>().ok())
                .unwrap_or(1.0);
            coding.eq_ignore_ascii_case(name) && q > 0.0
        })
    };
    if accepts("br") {
        Encoding::Brotli
    } else if accepts("gzip") {
        Encoding::Gzip
    } else {
        Encoding::Identity
    }
}

/// What the middleware needs: the cache and the application state (for view counts).
#[derive(Clone)]
pub struct CacheState {
    pub pages: Arc<PageCache>,
    /// Shared, not copied: the middleware's state is cloned for every request.
    pub ctx: Arc<AppContext>,
}

/// The middleware: answers from the cache, keeps what it may, and marks the cache stale
/// after every accepted state-changing request.
pub async fn serve(State(state): State<CacheState>, req: Request, next: Next) -> Response {
    let method = req.method().clone();
    if !matches!(method, Method::GET | Method::HEAD | Method::OPTIONS) {
        let mut res = next.run(req).await;
        // a refused request changed nothing; an accepted one (or a form's redirect)
        // changed what it says, else maybe any page
        let changed = res
            .headers_mut()
            .remove(CHANGED_HEADER)
            .and_then(|v| Changed::parse(v.to_str().ok()?));
        if res.status().is_success() || res.status().is_redirection() {
            match changed {
                Some(what) => state.pages.changed(what),
                None => {
                    state.pages.invalidate();
                    // and the other servers on this database (written before the
                    // answer, so it never races the same client's next write)
                    let bumped = async {
                        let mut conn = state.ctx.pool.acquire().await?;
                        toasoan_app::core::state::bump_content_version(&mut conn).await
                    };
                    match bumped.await {
                        Ok(version) => state.pages.note_own_version(version),
                        Err(e) => tracing::warn!("không ghi được dấu thay đổi nội dung: {e}"),
                    }
                }
            }
        }
        res.headers_mut().remove(ARTICLE_HEADER);
        return res;
    }
    let lang = req.extensions().get::<Lang>().copied().unwrap_or_default();
    let Some(key) = cache_key(&method, req.uri(), req.headers(), lang) else {
        let signed_in = has_session(req.headers());
        // a page no copy is kept of (signed in, a search) counts when it is one
        let path = req.uri().path();
        let page = method == Method::GET
            && path != toasoan_app::features::stats::model::FRAGMENT_PATH
            && !["/pkg/", "/media/", "/api/", "/qr/"]
                .iter()
                .any(|p| path.starts_with(p));
        let asked = page.then(|| Asked::of(&req));
        let mut res = next.run(req).await;
        if let Some(asked) = asked
            && res.status() == StatusCode::OK
            && is_html(res.headers())
        {
            count(&state.ctx, &asked, None).await;
        }
        res.headers_mut().remove(ARTICLE_HEADER);
        res.headers_mut().remove(CHANGED_HEADER);
        if signed_in && !res.headers().contains_key(header::CACHE_CONTROL) {
            res.headers_mut().insert(
                header::CACHE_CONTROL,
                HeaderValue::from_static(PRIVATE_CACHE_CONTROL),
            );
        }
        return res;
    };
    let asked = Asked::of(&req);
    let mut waited = false;
    loop {
        let flight = match state.pages.lookup(&key) {
            Some((page, Freshness::Fresh)) => {
                return answer(&state, &asked, &page, "hit").await;
            }
            Some((page, Freshness::Old)) => match state.pages.take_flight(&key) {
                Ok(flight) => flight,
                // another request is rendering it: the previous copy meanwhile
                Err(_) => return answer(&state, &asked, &page, "stale").await,
            },
            Some((_, Freshness::Changed)) | None => match state.pages.take_flight(&key) {
                Ok(flight) => flight,
                Err(notify) if !waited => {
                    waited = true;
                    let rendered = notify.notified();
                    tokio::pin!(rendered);
                    rendered.as_mut().enable();
                    // the render may have ended between the look-up and now
                    let rendered_now = state
                        .pages
                        .lookup(&key)
                        .is_some_and(|(_, f)| f != Freshness::Changed);
                    if !rendered_now {
                        let _ = tokio::time::timeout(FLIGHT_WAIT, rendered).await;
                    }
                    continue;
                }
                // waited once already and the page changed meanwhile: the copy made
                // while this request waited (it is as new as the request), not one
                // render per waiting reader
                Err(_) => match state.pages.lookup(&key) {
                    Some((page, _)) => return answer(&state, &asked, &page, "stale").await,
                    None => return counted_render(&state, &asked, key, req, next).await,
                },
            },
        };
        // a render that ended between the look-up and taking the flight
        if let Some((page, Freshness::Fresh)) = state.pages.lookup(&key) {
            drop(flight);
            return answer(&state, &asked, &page, "hit").await;
        }
        let res = counted_render(&state, &asked, key, req, next).await;
        drop(flight);
        return res;
    }
}

/// A page rendered (and kept), counted as the kept copies are.
async fn counted_render(
    state: &CacheState,
    asked: &Asked,
    key: String,
    req: Request,
    next: Next,
) -> Response {
    let res = render(state, key, req, next, asked.encoding).await;
    if res.status() == StatusCode::OK && is_html(res.headers()) {
        count(&state.ctx, asked, None).await;
    }
    res
}

fn is_html(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|t| t.starts_with("text/html"))
}

/// True when the request carries a session cookie.
fn has_session(headers: &HeaderMap) -> bool {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .any(|c| {
            c.trim()
                .split_once('=')
                .is_some_and(|(name, _)| name == toasoan_app::features::accounts::auth::COOKIE)
        })
}

/// A kept page for this request: `304` when the browser has it, else the page; a view
/// of its article is counted either way.
pub(crate) async fn answer(
    state: &CacheState,
    asked: &Asked,
    page: &Page,
    cache: &'static str,
) -> Response {
    count(&state.ctx, asked, page.article).await;
    let ours = page.etag.to_str().unwrap_or("").trim_start_matches("W/");
    let known = asked.if_none_match.split(',').any(|tag| {
        let tag = tag.trim();
        tag == "*" || (!tag.is_empty() && tag.trim_start_matches("W/") == ours)
    });
    if known {
        let mut res = StatusCode::NOT_MODIFIED.into_response();
        validators(res.headers_mut(), page, cache);
        return res;
    }
    respond(page, asked.encoding, cache)
}

/// What a request for a kept page asks, read before any waiting.
pub(crate) struct Asked {
    encoding: Encoding,
    /// The browser's copies (`If-None-Match`), "" when none.
    if_none_match: String,
    reader: (String, String, String),
    /// The host of an outside page that linked here.
    referrer: Option<String>,
    /// A page a reader asked for (GET, not the admin area): counted in the statistics.
    counted: bool,
}

impl Asked {
    pub(crate) fn of(req: &Request) -> Asked {
        let encoding = preferred_encoding(
            req.headers()
                .get(header::ACCEPT_ENCODING)
                .and_then(|v| v.to_str().ok())
                .unwrap_or(""),
        );
        Asked {
            encoding,
            if_none_match: req
                .headers()
                .get_all(header::IF_NONE_MATCH)
                .iter()
                .filter_map(|v| v.to_str().ok())
                .collect::<Vec<_>>()
                .join(","),
            reader: reader_of(req),
            referrer: outside_referrer(req.headers()),
            counted: req.method() == Method::GET && !req.uri().path().starts_with("/quan-tri"),
        }
    }
}

/// Renders the page plain (compression happens once, here), keeps it, and answers.
async fn render(
    state: &CacheState,
    key: String,
    mut req: Request,
    next: Next,
    encoding: Encoding,
) -> Response {
    let generation = state.pages.generation();
    let soft_generation = state.pages.soft_generation.load(Ordering::SeqCst);
    state.pages.renders.fetch_add(1, Ordering::SeqCst);
    req.headers_mut().remove(header::ACCEPT_ENCODING);
    let res = next.run(req).await;
    let (mut parts, body) = res.into_parts();
    parts.headers.remove(CHANGED_HEADER);
    let article = parts
        .headers
        .remove(ARTICLE_HEADER)
        .and_then(|v| v.to_str().ok()?.parse::<i64>().ok());
    let is_html = parts
        .headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|t| t.starts_with("text/html"));
    let keepable = parts.status == StatusCode::OK
        && is_html
        && !parts.headers.contains_key(header::SET_COOKIE)
        && !parts.headers.contains_key(header::CONTENT_ENCODING);
    if !keepable {
        // what the page answers now (gone, for members only, an error) replaces the
        // copy kept before: no reader waiting on this render is handed that copy
        state.pages.forget(&key);
        return Response::from_parts(parts, body);
    }
    let plain = match axum::body::to_bytes(body, usize::MAX).await {
        Ok(bytes) => bytes,
        Err(e) => {
            tracing::error!("lỗi đọc trang để lưu đệm: {e}");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    if plain.len() > MAX_BODY {
        return Response::from_parts(parts, Body::from(plain));
    }
    parts.headers.remove(header::CONTENT_LENGTH);
    let headers = parts.headers;
    let page =
        tokio::task::spawn_blocking(move || Page::compress(generation, headers, article, plain))
            .await;
    match page {
        Ok(mut page) => {
            page.soft_generation = soft_generation;
            let page = state.pages.keep(key, page);
            respond(&page, encoding, "miss")
        }
        Err(e) => {
            tracing::error!("lỗi nén trang: {e}");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

/// What a view needs to know of the reader: user agent, Cookie header, address.
pub(crate) fn reader_of(req: &Request) -> (String, String, String) {
    let text = |name: header::HeaderName| {
        req.headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_string()
    };
    let address = req
        .extensions()
        .get::<ClientAddr>()
        .map(|a| a.0.clone())
        .unwrap_or_else(|| "unknown".into());
    (text(header::USER_AGENT), text(header::COOKIE), address)
}

/// Counts a page served to this reader in the visitor statistics, and a view of
/// `article` (a kept page's: a render counts its own), as the article's render does.
pub(crate) async fn count(ctx: &AppContext, asked: &Asked, article: Option<i64>) {
    if !asked.counted {
        return;
    }
    let (agent, cookies, address) = &asked.reader;
    let Ok(secret) = ctx.secret().await else {
        return;
    };
    let now = toasoan_app::core::time::now();
    let key = toasoan_app::features::guard::reader_key_of(agent, cookies, address, &secret);
    if let (Some(article), Some(key)) = (article, &key) {
        ctx.views.record(article, key, now);
    }
    // a search engine's robot: one of its own per address and name
    let robot = format!("b:{address}:{agent}");
    let hit = toasoan_app::core::visits::Hit {
        visitor: key.as_deref().unwrap_or(&robot),
        bot: key.is_none(),
        phone: toasoan_app::core::visits::is_phone(agent),
        referrer: asked.referrer.as_deref(),
    };
    ctx.visits.record(hit, now);
}

/// The host of the page that linked here (`Referer`), when it is not this portal.
fn outside_referrer(headers: &HeaderMap) -> Option<String> {
    let from = headers.get(header::REFERER)?.to_str().ok()?;
    let host = from.split_once("://")?.1.split(['/', '?', '#']).next()?;
    let host = host
        .rsplit('@')
        .next()?
        .split(':')
        .next()?
        .to_ascii_lowercase();
    let own = headers
        .get(header::HOST)
        .and_then(|v| v.to_str().ok())
        .map(|h| h.split(':').next().unwrap_or("").to_ascii_lowercase());
    (!host.is_empty() && host.len() <= 253 && own.as_deref() != Some(host.as_str())).then_some(host)
}

impl Page {
    fn compress(generation: u64, headers: HeaderMap, article: Option<i64>, plain: Bytes) -> Page {
        let etag = HeaderValue::from_str(&format!("W/\"{}\"", content_tag(&plain)))
            .expect("hex is a header value");
        Page {
            generation,
            soft_generation: 0,
            made: Instant::now(),
            headers,
            article,
            stale: AtomicBool::new(false),
            etag,
            gzip: gzip(&plain).into(),
            brotli: brotli(&plain).into(),
            plain,
        }
    }
}

/// A tag of the content, for ETags: 16 hex digits.
pub fn content_tag(data: &[u8]) -> String {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    data.hash(&mut hasher);
    format!("{:016x}", hasher.finish())
}

fn gzip(data: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder
        .write_all(data)
        .and_then(|_| encoder.finish())
        .expect("gzip into memory")
}

fn brotli(data: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    {
        // quality 11 (the best), 4 MB window: made once per change, sent many times
        let mut writer = brotli::CompressorWriter::new(&mut out, 4096, 11, 22);
        writer.write_all(data).expect("brotli into memory");
    }
    out
}

/// The page in the chosen coding, with the render's headers.
fn respond(page: &Page, encoding: Encoding, cache: &'static str) -> Response {
    let (body, coding) = match encoding {
        Encoding::Brotli => (page.brotli.clone(), Some("br")),
        Encoding::Gzip => (page.gzip.clone(), Some("gzip")),
        Encoding::Identity => (page.plain.clone(), None),
    };
    let mut res = Response::new(Body::from(body));
    let headers = res.headers_mut();
    headers.extend(page.headers.clone());
    if let Some(coding) = coding {
        headers.insert(header::CONTENT_ENCODING, HeaderValue::from_static(coding));
    }
    validators(headers, page, cache);
    res
}

/// The headers a kept page and its `304` share.
fn validators(headers: &mut HeaderMap, page: &Page, cache: &'static str) {
    // the language comes from a cookie too: a proxy keeps one copy per cookie
    headers.insert(
        header::VARY,
        HeaderValue::from_static("accept-encoding, cookie"),
    );
    headers.insert(header::ETAG, page.etag.clone());
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static(PUBLIC_CACHE_CONTROL),
    );
    headers.insert(CACHE_HEADER, HeaderValue::from_static(cache));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(uri: &str, cookie: Option<&str>) -> Option<String> {
        let mut headers = HeaderMap::new();
        if let Some(c) = cookie {
            headers.insert(header::COOKIE, HeaderValue::from_str(c).unwrap());
        }
        cache_key(&Method::GET, &uri.parse().unwrap(), &headers, Lang::Vi)
    }

    #[test]
    fn only_reading_pages_of_anonymous_readers_are_kept() {
        assert_eq!(key("/", None).as_deref(), Some("vi:/"));
        assert!(key("/bai-viet/hoi-nghi", None).is_some());
        assert!(key("/bai-viet/hoi-nghi/in", None).is_some());
        assert!(key("/van-ban", None).is_some());
        assert!(key("/van-ban/2466-qd-tu-2021", None).is_some());
        assert!(key("/van-ban/2466-qd-tu-2021/tep/3", None).is_none());
        assert!(key("/van-ban?loai=chi-thi", None).is_none());
        assert!(key("/van-banh", None).is_none());
        assert!(key("/hoi-dap", None).is_some());
        assert!(key("/hoi-dap?trang=2", None).is_some());
        assert!(key("/hoi-dap/thu-tuc-chuyen-sinh-hoat-dang-3", None).is_some());
        assert!(key("/hoi-dap/dat-cau-hoi", None).is_none());
        assert!(key("/hoi-dap/theo-doi?ma=ABCD-EFGH", None).is_none());
        assert!(key("/hoi-dap?linh-vuc=an-sinh", None).is_none());
        assert!(key("/chuyen-muc/thoi-su?trang=2", None).is_some());
        assert!(key("/the/dai-hoi", Some("toasoan_khach=abc")).is_some());
        // signed in
        assert!(key("/", Some("a=b; toasoan_phien=xyz")).is_none());
        // other queries: notices after forms, made-up parameters
        assert!(key("/bai-viet/x?danh-gia=5", None).is_none());
        assert!(key("/chuyen-muc/x?trang=2&a=b", None).is_none());
        assert!(key("/chuyen-muc/x?trang=abc", None).is_none());
        assert!(key("/chuyen-muc/x?trang=123456", None).is_none());
        // not reading pages
        for path in [
            "/quan-tri",
            "/dang-nhap",
            "/api/rate_article",
            "/pkg/toasoan.js",
            "/bai-viet/",
            "/media/a.jpg",
        ] {
            assert!(key(path, None).is_none(), "{path}");
        }
        let headers = HeaderMap::new();
        assert!(cache_key(&Method::HEAD, &"/".parse().unwrap(), &headers, Lang::Vi).is_none());
    }

    #[test]
    fn each_language_has_its_own_kept_page() {
        let headers = HeaderMap::new();
        let key = |uri: &str, lang| cache_key(&Method::GET, &uri.parse().unwrap(), &headers, lang);
        assert_eq!(key("/", Lang::En).as_deref(), Some("en:/"));
        // the language asked for in the address and the one a cookie keeps share a page
        assert_eq!(key("/?hl=en", Lang::En), key("/", Lang::En));
        assert_eq!(
            key("/chuyen-muc/x?trang=2&hl=en", Lang::En).as_deref(),
            Some("en:/chuyen-muc/x?trang=2")
        );
        assert_eq!(
            key("/chuyen-muc/x?hl=vi&trang=2", Lang::Vi),
            key("/chuyen-muc/x?trang=2", Lang::Vi)
        );
        assert_ne!(key("/", Lang::En), key("/", Lang::Vi));
        assert!(key("/?hl=fr", Lang::Vi).is_none());
        assert!(key("/?hl=en&hl=vi", Lang::En).is_none());
        assert!(key("/?trang=2&trang=3", Lang::Vi).is_none());
    }

    #[test]
    fn encodings_follow_accept_encoding() {
        assert_eq!(
            preferred_encoding("gzip, deflate, br, zstd"),
            Encoding::Brotli
        );
        assert_eq!(preferred_encoding("gzip"), Encoding::Gzip);
        assert_eq!(preferred_encoding("br;q=0, gzip;q=0.5"), Encoding::Gzip);
        assert_eq!(preferred_encoding("BR"), Encoding::Brotli);
        assert_eq!(preferred_encoding(""), Encoding::Identity);
        assert_eq!(preferred_encoding("identity"), Encoding::Identity);
        assert_eq!(preferred_encoding("gzip;q=0"), Encoding::Identity);
    }

    fn page(generation: u64) -> Page {
        Page::compress(
            generation,
            HeaderMap::new(),
            None,
            Bytes::from_static(b"<p>Tin</p>"),
        )
    }

    #[test]
    fn changes_make_pages_stale_and_the_size_is_bounded() {
        let cache = PageCache::new(2, Duration::from_secs(60));
        cache.keep("/".into(), page(0));
        assert!(cache.fresh("/").is_some());
        cache.invalidate();
        assert!(cache.fresh("/").is_none(), "stale after a change");
        cache.keep("/".into(), page(1));
        cache.keep("/a".into(), page(1));
        cache.keep("/b".into(), page(1));
        assert_eq!(cache.len(), 2, "full: a third page is not kept");
        assert!(cache.fresh("/b").is_none());
        cache.invalidate();
        cache.keep("/b".into(), page(2));
        assert!(cache.fresh("/b").is_some(), "stale pages make room");
        assert_eq!(cache.len(), 1);
    }

    #[tokio::test]
    async fn a_change_forgets_the_memo_with_the_pages_and_a_rating_does_not() {
        let memo = Arc::new(Memo::new(Duration::from_secs(60), 10));
        let cache = PageCache::new(10, Duration::from_secs(60)).forgetting(memo.clone());
        let kept = |memo: Arc<Memo>| async move {
            memo.get_or_load("k", async { Ok::<_, ()>(false) })
                .await
                .unwrap()
        };
        memo.get_or_load("k", async { Ok::<_, ()>(true) })
            .await
            .unwrap();
        cache.changed(Changed::Article(1));
        assert!(kept(memo.clone()).await, "a rating changes no answer");
        cache.invalidate();
        assert!(
            !kept(memo.clone()).await,
            "a change of content forgets them"
        );
    }

    #[test]
    fn a_change_of_one_article_makes_only_its_pages_stale() {
        let cache = PageCache::new(10, Duration::from_secs(60));
        let article = |id| {
            Page::compress(
                0,
                HeaderMap::new(),
                Some(id),
                Bytes::from_static(b"<p>Bai</p>"),
            )
        };
        cache.keep("vi:/bai-viet/a".into(), article(1));
        cache.keep("vi:/bai-viet/a/in".into(), article(1));
        cache.keep("vi:/bai-viet/b".into(), article(2));
        cache.keep("vi:/".into(), page(0));
        cache.changed(Changed::Nothing);
        assert!(cache.fresh("vi:/bai-viet/a").is_some());
        cache.changed(Changed::Article(1));
        assert!(cache.fresh("vi:/bai-viet/a").is_none());
        assert!(
            cache.fresh("vi:/bai-viet/a/in").is_none(),
            "its print view too"
        );
        assert!(cache.fresh("vi:/bai-viet/b").is_some());
        assert!(cache.fresh("vi:/").is_some());
        // the stale copy is still there to serve while it is rendered again
        assert!(matches!(
            cache.lookup("vi:/bai-viet/a"),
            Some((_, Freshness::Old))
        ));
    }

    #[test]
    fn the_same_page_has_the_same_etag_and_another_another() {
        let a = page(0);
        assert_eq!(a.etag, page(5).etag, "content, not generation");
        let b = Page::compress(
            0,
            HeaderMap::new(),
            None,
            Bytes::from_static(b"<p>Khac</p>"),
        );
        assert_ne!(a.etag, b.etag);
        assert!(a.etag.to_str().unwrap().starts_with("W/\""));
    }

    #[test]
    fn one_request_renders_a_page_the_others_wait() {
        let cache = PageCache::new(10, Duration::from_secs(60));
        let Ok(flight) = cache.take_flight("vi:/") else {
            panic!("the first takes it")
        };
        assert!(cache.take_flight("vi:/").is_err(), "the second waits");
        assert!(
            cache.take_flight("vi:/khac").is_ok(),
            "another page is its own flight"
        );
        drop(flight);
        assert!(
            cache.take_flight("vi:/").is_ok(),
            "a flight ends with its render"
        );
    }

    #[test]
    fn old_pages_are_rendered_again() {
        let cache = PageCache::new(10, Duration::from_millis(0));
        cache.keep("/".into(), page(0));
        assert!(cache.fresh("/").is_none());
    }

    #[test]
    fn compressed_copies_hold_the_same_page() {
        use std::io::Read;
        let html = "<p>Tòa Soạn — Cổng thông tin điện tử</p>".repeat(200);
        let p = Page::compress(0, HeaderMap::new(), Some(7), Bytes::from(html.clone()));
        let mut unzipped = String::new();
        flate2::read::GzDecoder::new(&p.gzip[..])
            .read_to_string(&mut unzipped)
            .unwrap();
        assert_eq!(unzipped, html);
        let mut unbrotli = String::new();
        brotli::Decompressor::new(&p.brotli[..], 4096)
            .read_to_string(&mut unbrotli)
            .unwrap();
        assert_eq!(unbrotli, html);
        assert!(p.brotli.len() < p.gzip.len() && p.gzip.len() < html.len() / 10);
    }
}
