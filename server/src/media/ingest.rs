//! Taking in one uploaded file once it is on disk (the upload handler streams it there):
//! its name made safe, its type from its bytes, a picture decoded under the limits and
//! written again upright and without metadata, then stored by the hash of the bytes
//! sent (once, however often it is sent). Its narrower copies come after the answer,
//! from `prepare_waiting` (the server's preparer job, and `toasoan media rebuild`),
//! which also cleans the pictures stored before uploads existed.

use std::io::Read;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};
use sqlx::AnyPool;
use toasoan_app::features::media::{self, NewUpload, Stored, Variant};

use super::{Kind, MediaRefusal, kinds, variants};

/// Why an upload or a preparation failed: the file (said to the uploader), or storage.
#[derive(Debug, thiserror::Error)]
pub enum MediaError {
    #[error(transparent)]
    Refused(#[from] MediaRefusal),
    #[error(transparent)]
    Db(#[from] sqlx::Error),
}

/// A stored upload.
#[derive(Debug, Clone)]
pub struct Ingested {
    pub stored: Stored,
    pub kind: Kind,
    /// The name as kept (its last part, without control characters).
    pub name: String,
    /// False when the same bytes were stored before.
    pub new: bool,
}

/// A file the upload handler has put on disk.
#[derive(Debug, Clone, Copy)]
pub struct Upload<'a> {
    pub path: &'a Path,
    /// As the uploader's browser named it.
    pub name: &'a str,
    pub uploader: Option<i64>,
    pub now: i64,
}

/// Checks and stores `upload` under `media_dir`; its file is removed afterwards,
/// whatever happens.
pub async fn ingest(
    pool: &AnyPool,
    media_dir: &Path,
    upload: Upload<'_>,
) -> Result<Ingested, MediaError> {
    let result = ingest_file(pool, media_dir, upload).await;
    let _ = tokio::fs::remove_file(upload.path).await;
    result
}

async fn ingest_file(
    pool: &AnyPool,
    media_dir: &Path,
    upload: Upload<'_>,
) -> Result<Ingested, MediaError> {
    let name = kinds::safe_name(upload.name)?;
    let path = upload.path.to_path_buf();
    let checked = blocking(move || check(&path, &name)).await?;
    // the same bytes sent again are the entry they made: nothing is decoded or written
    if let Some(stored) = media::by_hash(pool, &checked.sha256).await? {
        return Ok(Ingested {
            stored,
            kind: checked.kind,
            name: checked.name,
            new: false,
        });
    }
    let (path, dir, kind, file_name) = (
        upload.path.to_path_buf(),
        media_dir.to_path_buf(),
        checked.kind,
        checked.file_name.clone(),
    );
    let written = blocking(move || write(&path, kind, &dir, &file_name)).await?;
    let inserted = media::insert_upload(
        pool,
        &NewUpload {
            sha256: &checked.sha256,
            file_name: &checked.file_name,
            picture: checked.kind.is_picture(),
            mime: checked.kind.mime(),
            size_bytes: written.size_bytes,
            width: written.width,
            height: written.height,
            original_name: &checked.name,
            uploaded_by: upload.uploader,
            now: upload.now,
        },
    )
    .await;
    let (stored, new) = match inserted {
        Ok(done) => done,
        Err(e) => {
            // no entry, no file: unless the same bytes, sent at the same moment, made
            // theirs (the file is theirs then)
            if !matches!(media::by_hash(pool, &checked.sha256).await, Ok(Some(_))) {
                let _ = tokio::fs::remove_file(media_dir.join(&checked.file_name)).await;
            }
            return Err(e.into());
        }
    };
    Ok(Ingested {
        stored,
        kind: checked.kind,
        name: checked.name,
        new,
    })
}

/// A file kept out of the library (a citizen's attachment).
#[derive(Debug, Clone)]
pub struct Kept {
    /// Its name in the private folder (the hash of its bytes, its type's extension).
    pub file_name: String,
    /// As the sender's browser named it (made safe).
    pub name: String,
    pub mime: &'static str,
    pub size: i64,
}

/// Checks a file as every upload is checked (its type from its bytes, its name, a
/// picture decoded under the limits and written again without metadata) and keeps it
/// in `dir`, outside the media library and its public addresses. The file sent is
/// removed afterwards, whatever happens.
pub async fn keep_private(path: &Path, name: &str, dir: &Path) -> Result<Kept, MediaRefusal> {
    let result = async {
        let name = kinds::safe_name(name)?;
        let (upload, dir) = (path.to_path_buf(), dir.to_path_buf());
        blocking(move || {
            let checked = check(&upload, &name)?;
            std::fs::create_dir_all(&dir)?;
            let written = write(&upload, checked.kind, &dir, &checked.file_name)?;
            Ok(Kept {
                file_name: checked.file_name,
                name: checked.name,
                mime: checked.kind.mime(),
                size: written.size_bytes,
            })
        })
        .await
    }
    .await;
    let _ = tokio::fs::remove_file(path).await;
    result
}

/// Runs blocking file work off the async threads.
async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> Result<T, MediaRefusal> + Send + 'static,
) -> Result<T, MediaRefusal> {
    tokio::task::spawn_blocking(work)
        .await
        .map_err(|e| MediaRefusal::Io(std::io::Error::other(e)))?
}

/// What an upload is, and its hash.
struct Checked {
    name: String,
    kind: Kind,
    sha256: String,
    file_name: String,
}

fn check(upload: &Path, name: &str) -> Result<Checked, MediaRefusal> {
    let kind = kinds::sniff(upload)?;
    kinds::check_name(name, kind)?;
    let sha256 = hash_file(upload)?;
    Ok(Checked {
        name: name.to_string(),
        kind,
        file_name: format!("{}.{}", &sha256[..32], kind.extension()),
        sha256,
    })
}

/// A new upload as stored: its size on disk and its picture's size.
struct Written {
    size_bytes: i64,
    width: u32,
    height: u32,
}

/// Writes a new upload under `media_dir`: a picture decoded under the limits and
/// written again without metadata (a GIF as sent), a document as sent.
fn write(
    upload: &Path,
    kind: Kind,
    media_dir: &Path,
    file_name: &str,
) -> Result<Written, MediaRefusal> {
    let (width, height, size) = if kind.is_picture() {
        let picture = variants::decode(upload, kind, super::MAX_PIXELS)?;
        let size = match variants::clean_original(&picture, kind)? {
            Some(clean) => {
                write_atomically(media_dir, file_name, &clean.bytes)?;
                clean.bytes.len() as u64
            }
            None => copy_atomically(upload, media_dir, file_name)?,
        };
        (picture.width(), picture.height(), size)
    } else {
        (0, 0, copy_atomically(upload, media_dir, file_name)?)
    };
    Ok(Written {
        size_bytes: size as i64,
        width,
        height,
    })
}

fn hash_file(path: &Path) -> std::io::Result<String> {
    let mut file = std::fs::File::open(path)?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        let n = file.read(&mut buf)?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
    }
    Ok(format!("{:x}", hasher.finalize()))
}

/// A temporary name beside `name`, its own for each write (two preparers may write
/// the same copy at once; each renames its own whole file into place).
fn temp_beside(dir: &Path, name: &str) -> PathBuf {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(0);
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    dir.join(format!(".{name}.{}-{n}.tmp", std::process::id()))
}

fn write_atomically(dir: &Path, name: &str, bytes: &[u8]) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    let tmp = temp_beside(dir, name);
    std::fs::write(&tmp, bytes)?;
    std::fs::rename(&tmp, dir.join(name))
}

fn copy_atomically(from: &Path, dir: &Path, name: &str) -> std::io::Result<u64> {
    std::fs::create_dir_all(dir)?;
    let tmp = temp_beside(dir, name);
    let size = std::fs::copy(from, &tmp)?;
    std::fs::rename(&tmp, dir.join(name))?;
    Ok(size)
}

/// What a round of preparation did.
#[derive(Debug, Clone, Copy, Default)]
pub struct Round {
    pub prepared: usize,
    /// An article shows a picture given copies: its pages change.
    pub shown: bool,
}

/// Makes the copies of up to `batch` waiting pictures, oldest first (cleaning the
/// originals stored before uploads). A picture that cannot be decoded is marked
/// prepared without copies (pages keep its original) and logged.
pub async fn prepare_waiting(
    pool: &AnyPool,
    media_dir: &Path,
    batch: i64,
) -> Result<Round, MediaError> {
    let waiting = media::waiting(pool, batch).await?;
    let mut round = Round {
        prepared: waiting.len(),
        shown: false,
    };
    for (stored, cleaned) in waiting {
        let dir = media_dir.to_path_buf();
        let made = {
            let stored = stored.clone();
            blocking(move || prepare_one(&dir, &stored, cleaned)).await
        };
        let (size, copies) = match made {
            Ok(made) => made,
            Err(e) => {
                tracing::warn!("không làm được bản thu nhỏ của {}: {e}", stored.file_name);
                (file_size(&media_dir.join(&stored.file_name)), Vec::new())
            }
        };
        if !cleaned {
            // stored before the library: findable by its words from now on
            media::refresh_search_text(pool, stored.id).await?;
        }
        let shown = media::set_prepared(pool, stored.id, size, &copies).await?;
        round.shown |= shown && !copies.is_empty();
    }
    Ok(round)
}

/// How often, at most, the pages are made stale while a backlog of pictures shown in
/// articles is prepared (an upgrade's thousands): each time every kept page goes.
pub const PAGES_CHANGED_EVERY: std::time::Duration = std::time::Duration::from_secs(60);

/// Says to every server that pages showing newly prepared pictures changed (they now
/// offer the copies): once a minute at most while rounds go on, and once at the end.
pub struct PageChanges {
    pending: bool,
    last: std::time::Instant,
}

impl PageChanges {
    pub fn new() -> Self {
        PageChanges {
            pending: false,
            last: std::time::Instant::now(),
        }
    }

    /// After a round.
    pub async fn after(&mut self, pool: &AnyPool, round: Round) -> Result<(), sqlx::Error> {
        self.pending |= round.shown;
        if self.last.elapsed() >= PAGES_CHANGED_EVERY {
            self.finish(pool).await?;
        }
        Ok(())
    }

    /// When the rounds are over.
    pub async fn finish(&mut self, pool: &AnyPool) -> Result<(), sqlx::Error> {
        if std::mem::take(&mut self.pending) {
            let mut conn = pool.acquire().await?;
            toasoan_app::core::state::bump_content_version(&mut conn).await?;
            self.last = std::time::Instant::now();
        }
        Ok(())
    }
}

impl Default for PageChanges {
    fn default() -> Self {
        Self::new()
    }
}

fn file_size(path: &Path) -> i64 {
    std::fs::metadata(path).map(|m| m.len() as i64).unwrap_or(0)
}

/// One picture's copies, written beside it: (the original's size, the copies).
fn prepare_one(
    dir: &Path,
    stored: &Stored,
    cleaned: bool,
) -> Result<(i64, Vec<Variant>), MediaRefusal> {
    let path = dir.join(&stored.file_name);
    let Ok(kind) = kinds::sniff(&path) else {
        // the project's own SVGs: nothing to make
        return Ok((file_size(&path), Vec::new()));
    };
    let picture = variants::decode(&path, kind, super::MAX_PIXELS)?;
    if !cleaned && let Some(clean) = variants::clean_original(&picture, kind)? {
        write_atomically(dir, &stored.file_name, &clean.bytes)?;
    }
    let stem = stored
        .file_name
        .rsplit_once('.')
        .map_or(stored.file_name.as_str(), |(s, _)| s);
    let mut copies = Vec::new();
    for copy in variants::narrower(&picture, kind)? {
        let file_name = format!("{stem}-{}.{}", copy.width, copy.kind.extension());
        write_atomically(dir, &file_name, &copy.bytes)?;
        copies.push(Variant {
            width: copy.width,
            height: copy.height,
            mime: copy.kind.mime().to_string(),
            file_name,
            size_bytes: copy.bytes.len() as i64,
        });
    }
    Ok((file_size(&path), copies))
}
