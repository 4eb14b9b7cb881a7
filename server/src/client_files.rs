//! `/pkg`: the client's files (WASM, JavaScript, CSS and the split parts), read into
//! memory once at start with the brotli and gzip copies the release build made, and
//! answered from there in the coding the browser accepts: no file read, no compression
//! and no thread hop per request. Content-hashed names are kept a year (`immutable`);
//! every answer has a strong ETag and `304 Not Modified` for a browser that has it.

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

use axum::body::Body;
use axum::body::Bytes;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::response::{IntoResponse, Response};

use crate::page_cache::{Encoding, preferred_encoding};

/// One file and its precompressed copies.
struct File {
    plain: Bytes,
    brotli: Option<Bytes>,
    gzip: Option<Bytes>,
    content_type: HeaderValue,
    etag: HeaderValue,
}

/// The client's files by name.
#[derive(Clone, Default)]
pub struct PkgFiles {
    files: Arc<HashMap<String, File>>,
    cache_control: &'static str,
}

fn content_type(name: &str) -> &'static str {
    match name.rsplit('.').next().unwrap_or("") {
        "wasm" => "application/wasm",
        "js" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json",
        "ts" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

impl PkgFiles {
    /// Reads the folder `dir` (its `.br` and `.gz` files as the copies of the file they
    /// name). `hashed`: the names are content hashes, kept a year by browsers.
    pub fn load(dir: &Path, hashed: bool) -> PkgFiles {
        let mut files = HashMap::new();
        let mut copies: Vec<(String, Bytes)> = Vec::new();
        let mut folders = vec![(dir.to_path_buf(), String::new())];
        // the folder and the folders in it, one level deep: the staff's client is a
        // folder named by its content (its split parts import each other by plain name)
        while let Some((folder, prefix)) = folders.pop() {
            for entry in std::fs::read_dir(&folder).into_iter().flatten().flatten() {
                let Ok(name) = entry.file_name().into_string() else {
                    continue;
                };
                let name = format!("{prefix}{name}");
                if entry.file_type().is_ok_and(|t| t.is_dir()) {
                    if prefix.is_empty() {
                        folders.push((entry.path(), format!("{name}/")));
                    }
                    continue;
                }
                let Ok(bytes) = std::fs::read(entry.path()) else {
                    continue;
                };
                if name.ends_with(".br") || name.ends_with(".gz") {
                    copies.push((name, Bytes::from(bytes)));
                    continue;
                }
                let digest = crate::page_cache::content_tag(&bytes);
                files.insert(
                    name.clone(),
                    File {
                        content_type: HeaderValue::from_static(content_type(&name)),
                        etag: HeaderValue::from_str(&format!("\"{digest}\""))
                            .unwrap_or(HeaderValue::from_static("\"0\"")),
                        plain: Bytes::from(bytes),
                        brotli: None,
                        gzip: None,
                    },
                );
            }
        }
        for (name, bytes) in copies {
            let (original, brotli) = match name.strip_suffix(".br") {
                Some(original) => (original, true),
                None => (name.trim_end_matches(".gz"), false),
            };
            if let Some(file) = files.get_mut(original) {
                if brotli {
                    file.brotli = Some(bytes);
                } else {
                    file.gzip = Some(bytes);
                }
            }
        }
        PkgFiles {
            files: Arc::new(files),
            cache_control: if hashed {
                "public, max-age=31536000, immutable"
            } else {
                "public, max-age=300"
            },
        }
    }

    /// How many files are served.
    pub fn len(&self) -> usize {
        self.files.len()
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }
}

/// The handler of `/pkg/{file}`.
pub async fn serve(State(files): State<PkgFiles>, req: Request) -> Response {
    let name = req.uri().path().trim_start_matches('/');
    let Some(file) = files.files.get(name) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    if !matches!(*req.method(), Method::GET | Method::HEAD) {
        return StatusCode::METHOD_NOT_ALLOWED.into_response();
    }
    let mut res = if req
        .headers()
        .get(header::IF_NONE_MATCH)
        .is_some_and(|v| v.as_bytes() == file.etag.as_bytes())
    {
        StatusCode::NOT_MODIFIED.into_response()
    } else {
        let accept = req
            .headers()
            .get(header::ACCEPT_ENCODING)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("");
        let (body, coding) = match preferred_encoding(accept) {
            Encoding::Brotli if file.brotli.is_some() => (file.brotli.clone(), Some("br")),
            Encoding::Brotli | Encoding::Gzip if file.gzip.is_some() => {
                (file.gzip.clone(), Some("gzip"))
            }
            _ => (None, None),
        };
        let body = body.unwrap_or_else(|| file.plain.clone());
        let mut res = if req.method() == Method::HEAD {
            let len = body.len();
            let mut res = Response::new(Body::empty());
            res.headers_mut().insert(header::CONTENT_LENGTH, len.into());
            res
        } else {
            Response::new(Body::from(body))
        };
        if let Some(coding) = coding {
            res.headers_mut()
                .insert(header::CONTENT_ENCODING, HeaderValue::from_static(coding));
        }
        res.headers_mut()
            .insert(header::CONTENT_TYPE, file.content_type.clone());
        res
    };
    let headers = res.headers_mut();
    headers.insert(header::ETAG, file.etag.clone());
    headers.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static(files.cache_control),
    );
    res
}

#[cfg(test)]
mod tests {
    use super::*;
    use tower::ServiceExt;

    fn folder() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("toasoan.abc.wasm"), b"\0asm plain").unwrap();
        std::fs::write(dir.path().join("toasoan.abc.wasm.br"), b"brotli").unwrap();
        std::fs::write(dir.path().join("toasoan.abc.wasm.gz"), b"gzip").unwrap();
        std::fs::write(dir.path().join("toasoan.abc.css"), b"body{}").unwrap();
        let staff = dir.path().join("staff.def");
        std::fs::create_dir_all(staff.join("deeper")).unwrap();
        std::fs::write(staff.join("split_editor.wasm"), b"\0asm part").unwrap();
        std::fs::write(staff.join("split_editor.wasm.br"), b"part brotli").unwrap();
        std::fs::write(staff.join("deeper").join("x.js"), b"not served").unwrap();
        dir
    }

    async fn get(files: &PkgFiles, path: &str, headers: &[(&str, &str)]) -> Response {
        let app = axum::Router::new()
            .fallback(serve)
            .with_state(files.clone());
        let mut req = Request::builder().uri(path);
        for (k, v) in headers {
            req = req.header(*k, *v);
        }
        app.oneshot(req.body(Body::empty()).unwrap()).await.unwrap()
    }

    async fn body(res: Response) -> Vec<u8> {
        axum::body::to_bytes(res.into_body(), usize::MAX)
            .await
            .unwrap()
            .to_vec()
    }

    #[tokio::test]
    async fn the_copy_the_browser_accepts_from_memory() {
        let dir = folder();
        let files = PkgFiles::load(dir.path(), true);
        assert_eq!(files.len(), 3, "the copies are not files of their own");
        let res = get(
            &files,
            "/toasoan.abc.wasm",
            &[("accept-encoding", "gzip, br")],
        )
        .await;
        assert_eq!(res.headers()["content-encoding"], "br");
        assert_eq!(res.headers()["content-type"], "application/wasm");
        assert_eq!(
            res.headers()["cache-control"],
            "public, max-age=31536000, immutable"
        );
        assert_eq!(res.headers()["vary"], "accept-encoding");
        assert_eq!(body(res).await, b"brotli");
        let res = get(&files, "/toasoan.abc.wasm", &[("accept-encoding", "gzip")]).await;
        assert_eq!(res.headers()["content-encoding"], "gzip");
        assert_eq!(body(res).await, b"gzip");
        let res = get(&files, "/toasoan.abc.wasm", &[]).await;
        assert!(res.headers().get("content-encoding").is_none());
        assert_eq!(body(res).await, b"\0asm plain");
        // without a brotli copy, gzip; without either, the file
        let res = get(&files, "/toasoan.abc.css", &[("accept-encoding", "br")]).await;
        assert!(res.headers().get("content-encoding").is_none());
        assert_eq!(res.headers()["content-type"], "text/css; charset=utf-8");
    }

    #[tokio::test]
    async fn a_folder_in_pkg_is_served_under_its_name_one_level_deep() {
        let dir = folder();
        let files = PkgFiles::load(dir.path(), true);
        let res = get(
            &files,
            "/staff.def/split_editor.wasm",
            &[("accept-encoding", "br")],
        )
        .await;
        assert_eq!(res.status(), StatusCode::OK);
        assert_eq!(res.headers()["content-encoding"], "br");
        assert_eq!(body(res).await, b"part brotli");
        let res = get(&files, "/staff.def/deeper/x.js", &[]).await;
        assert_eq!(res.status(), StatusCode::NOT_FOUND);
    }

    #[tokio::test]
    async fn a_browser_that_has_the_file_gets_304_and_unknown_files_404() {
        let dir = folder();
        let files = PkgFiles::load(dir.path(), false);
        let res = get(&files, "/toasoan.abc.wasm", &[]).await;
        assert_eq!(res.headers()["cache-control"], "public, max-age=300");
        let etag = res.headers()["etag"].to_str().unwrap().to_string();
        let res = get(&files, "/toasoan.abc.wasm", &[("if-none-match", &etag)]).await;
        assert_eq!(res.status(), StatusCode::NOT_MODIFIED);
        assert!(body(res).await.is_empty());
        assert_eq!(
            get(&files, "/nope.wasm", &[]).await.status(),
            StatusCode::NOT_FOUND
        );
        assert_eq!(
            get(&files, "/../Cargo.toml", &[]).await.status(),
            StatusCode::NOT_FOUND
        );
    }
}
