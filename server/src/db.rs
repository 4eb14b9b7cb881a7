//! Database pools and migrations, for SQLite (the default, a file under data/ in WAL
//! mode) and PostgreSQL (for several servers), chosen by the URL.

use std::path::PathBuf;
use std::str::FromStr;

use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::migrate::Migrator;
use sqlx::{AnyPool, Connection, Executor};

static SQLITE_MIGRATIONS: Migrator = sqlx::migrate!("./migrations/sqlite");
static POSTGRES_MIGRATIONS: Migrator = sqlx::migrate!("./migrations/postgres");

#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error("địa chỉ cơ sở dữ liệu không được hỗ trợ (chỉ sqlite:// hoặc postgres://): {0}")]
    UnsupportedUrl(String),
    #[error("không tạo được thư mục dữ liệu {0}: {1}")]
    CreateDir(PathBuf, std::io::Error),
    #[error("lỗi cơ sở dữ liệu: {0}")]
    Sqlx(#[from] sqlx::Error),
    #[error("lỗi cập nhật cấu trúc cơ sở dữ liệu: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    pub fn of(url: &str) -> Result<Backend, DbError> {
        if url.starts_with("sqlite:") {
            Ok(Backend::Sqlite)
        } else if url.starts_with("postgres:") || url.starts_with("postgresql:") {
            Ok(Backend::Postgres)
        } else {
            Err(DbError::UnsupportedUrl(
                url.split('@').next_back().unwrap_or_default().to_string(),
            ))
        }
    }
}

/// The file of a SQLite URL ("sqlite://data/x.db?mode=rwc" → "data/x.db"), unless in memory.
pub fn sqlite_path(url: &str) -> Option<PathBuf> {
    let rest = url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))?;
    let path = rest.split('?').next().unwrap_or_default();
    (!path.is_empty() && path != ":memory:").then(|| PathBuf::from(path))
}

/// Who opens the database: a tool (import, sample, user) or `toasoan serve`, whose
/// log keeper (crate::wal) copies SQLite's log into the database away from the
/// writers, so its connections leave that to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Opener {
    Tool,
    Server,
}

/// A connection idle this long is pinged before it is handed out.
const IDLE_BEFORE_PING: std::time::Duration = std::time::Duration::from_secs(10);

/// Opens a pool for a tool: creates the SQLite file and its folder if missing, WAL
/// mode, foreign keys on.
pub async fn connect(url: &str) -> Result<AnyPool, DbError> {
    connect_as(url, Opener::Tool).await
}

/// Opens a pool for `opener`. For the server, SQLite's connections do not copy the log
/// into the database after a commit (it would be a writer that pays, waiting on the
/// disk for up to half a second while the other writers queue behind it): the
/// server's log keeper does, beside them.
pub async fn connect_as(url: &str, opener: Opener) -> Result<AnyPool, DbError> {
    sqlx::any::install_default_drivers();
    let backend = Backend::of(url)?;
    let mut url = url.to_string();
    if backend == Backend::Sqlite {
        if let Some(path) = sqlite_path(&url)
            && let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty())
        {
            std::fs::create_dir_all(dir).map_err(|e| DbError::CreateDir(dir.to_path_buf(), e))?;
        }
        if !url.contains("mode=") {
            url.push_str(if url.contains('?') {
                "&mode=rwc"
            } else {
                "?mode=rwc"
            });
        }
    }
    let options = AnyConnectOptions::from_str(&url)?;
    let pool = AnyPoolOptions::new()
        .max_connections(if backend == Backend::Sqlite { 8 } else { 16 })
        // sqlx's default sends PostgreSQL a round trip before every statement (a
        // quarter of the server's and the database's work per rating): only a
        // connection that sat idle for a while is asked, as one a restart or a
        // firewall may have cut; a SQLite file cannot go away
        .test_before_acquire(false)
        .before_acquire(move |conn, meta| {
            Box::pin(async move {
                if backend == Backend::Sqlite || meta.idle_for < IDLE_BEFORE_PING {
                    return Ok(true);
                }
                Ok(conn.ping().await.is_ok())
            })
        })
        .after_connect(move |conn, _| {
            Box::pin(async move {
                if backend == Backend::Sqlite {
                    // journal_size_limit: a log that started afresh (crate::wal) is cut
                    // back to 64 MB on disk
                    conn.execute(
                        "PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000; PRAGMA synchronous = NORMAL; \
                         PRAGMA journal_size_limit = 67108864;",
                    )
                    .await?;
                    if opener == Opener::Server {
                        conn.execute("PRAGMA wal_autocheckpoint = 0;").await?;
                    }
                }
                Ok(())
            })
        })
        .connect_with(options)
        .await?;
    if backend == Backend::Sqlite {
        pool.execute("PRAGMA journal_mode = WAL;").await?;
    }
    Ok(pool)
}

/// Brings the schema up to date.
pub async fn migrate(pool: &AnyPool, url: &str) -> Result<(), DbError> {
    match Backend::of(url)? {
        Backend::Sqlite => SQLITE_MIGRATIONS.run(pool).await?,
        Backend::Postgres => POSTGRES_MIGRATIONS.run(pool).await?,
    }
    crate::search_index::rebuild_if_old(pool).await?;
    Ok(())
}

/// Connects and migrates, for a tool.
pub async fn open(url: &str) -> Result<AnyPool, DbError> {
    open_as(url, Opener::Tool).await
}

/// Connects and migrates, for `opener`.
pub async fn open_as(url: &str, opener: Opener) -> Result<AnyPool, DbError> {
    let pool = connect_as(url, opener).await?;
    migrate(&pool, url).await?;
    Ok(pool)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backends_and_paths() {
        assert_eq!(Backend::of("sqlite://data/t.db").unwrap(), Backend::Sqlite);
        assert_eq!(Backend::of("postgres://u@h/db").unwrap(), Backend::Postgres);
        assert!(Backend::of("mysql://secret:pw@h/db").is_err());
        assert_eq!(
            sqlite_path("sqlite://data/t.db?mode=rwc"),
            Some(PathBuf::from("data/t.db"))
        );
        assert_eq!(
            sqlite_path("sqlite:///abs/t.db"),
            Some(PathBuf::from("/abs/t.db"))
        );
        assert_eq!(sqlite_path("sqlite::memory:"), None);
    }

    #[tokio::test]
    async fn creates_the_file_its_folder_and_wal() {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}/a/b/t.db", dir.path().display());
        let pool = open(&url).await.unwrap();
        assert!(dir.path().join("a/b/t.db").exists());
        let mode: String = sqlx::Row::get(
            &sqlx::query("PRAGMA journal_mode")
                .fetch_one(&pool)
                .await
                .unwrap(),
            0,
        );
        assert_eq!(mode, "wal");
        // migrating again is a no-op
        migrate(&pool, &url).await.unwrap();
    }
}
