//! Configuration: command-line flags over environment variables (`TOASOAN_*`,
//! `DATABASE_URL`) over `toasoan.toml`; the defaults run a demo with no file at all.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toasoan_app::core::site::{ParticipationConfig, SiteConfig};

/// Errors reading the configuration file.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("không đọc được tệp cấu hình {0}: {1}")]
    Read(PathBuf, std::io::Error),
    #[error("tệp cấu hình {0} không hợp lệ: {1}")]
    Parse(PathBuf, toml::de::Error),
}

/// `toasoan.toml`: every key optional.
#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct FileConfig {
    pub database: Option<String>,
    pub data_dir: Option<PathBuf>,
    pub media_dir: Option<PathBuf>,
    pub addr: Option<SocketAddr>,
    pub site_root: Option<PathBuf>,
    pub site: Option<SiteConfig>,
    pub participation: Option<ParticipationConfig>,
    pub media: Option<crate::media::MediaLimits>,
    /// The load balancers in front (their addresses): their `X-Forwarded-For` names
    /// the client whose limits count.
    pub trusted_proxies: Vec<std::net::IpAddr>,
}

impl FileConfig {
    /// Reads `path`; a missing default file is an empty configuration.
    pub fn load(path: Option<&Path>) -> Result<FileConfig, ConfigError> {
        let (path, required) = match path {
            Some(p) => (p.to_path_buf(), true),
            None => (PathBuf::from("toasoan.toml"), false),
        };
        match std::fs::read_to_string(&path) {
            Ok(text) => toml::from_str(&text).map_err(|e| ConfigError::Parse(path, e)),
            Err(e) if !required && e.kind() == std::io::ErrorKind::NotFound => {
                Ok(FileConfig::default())
            }
            Err(e) => Err(ConfigError::Read(path, e)),
        }
    }
}

/// The resolved configuration.
#[derive(Debug, Clone)]
pub struct Config {
    pub database_url: String,
    pub data_dir: PathBuf,
    pub media_dir: PathBuf,
    pub addr: SocketAddr,
    pub site_root: Option<PathBuf>,
    pub site: SiteConfig,
    pub participation: ParticipationConfig,
    pub media_limits: crate::media::MediaLimits,
    pub trusted_proxies: Vec<std::net::IpAddr>,
}

pub const DEFAULT_ADDR: &str = "127.0.0.1:3000";

impl Config {
    /// Combines flags/environment (already merged by clap) with the file and defaults.
    pub fn resolve(
        file: FileConfig,
        database: Option<String>,
        data_dir: Option<PathBuf>,
        media_dir: Option<PathBuf>,
        addr: Option<SocketAddr>,
        base_url: Option<String>,
        site_root: Option<PathBuf>,
    ) -> Config {
        let data_dir = data_dir
            .or(file.data_dir)
            .unwrap_or_else(|| PathBuf::from("data"));
        let database_url = database
            .or(file.database)
            .unwrap_or_else(|| format!("sqlite://{}", data_dir.join("toasoan.db").display()));
        let media_dir = media_dir
            .or(file.media_dir)
            .unwrap_or_else(|| data_dir.join("media"));
        let addr = addr
            .or(file.addr)
            .unwrap_or_else(|| DEFAULT_ADDR.parse().expect("valid default address"));
        let mut site = file.site.unwrap_or_default();
        if let Some(url) = base_url {
            site.base_url = url;
        } else if site.base_url == SiteConfig::default().base_url {
            site.base_url = format!("http://{addr}");
        }
        site.base_url = site.base_url.trim_end_matches('/').to_string();
        Config {
            database_url,
            data_dir,
            media_dir,
            addr,
            site_root: site_root.or(file.site_root),
            site,
            participation: file.participation.unwrap_or_default(),
            media_limits: file.media.unwrap_or_default(),
            trusted_proxies: file.trusted_proxies,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_need_no_file() {
        let c = Config::resolve(FileConfig::default(), None, None, None, None, None, None);
        assert_eq!(c.database_url, "sqlite://data/toasoan.db");
        assert_eq!(c.media_dir, PathBuf::from("data/media"));
        assert_eq!(c.addr.to_string(), DEFAULT_ADDR);
        assert_eq!(c.site.base_url, "http://127.0.0.1:3000");
    }

    #[test]
    fn flags_win_over_the_file() {
        let file: FileConfig = toml::from_str(
            "database = \"sqlite://x.db\"\naddr = \"0.0.0.0:8080\"\n[site]\nname = \"Cổng A\"\nbase_url = \"https://a.vn/\"\n",
        )
        .unwrap();
        let c = Config::resolve(
            file,
            Some("postgres://db/x".into()),
            Some("/srv/d".into()),
            None,
            None,
            None,
            None,
        );
        assert_eq!(c.database_url, "postgres://db/x");
        assert_eq!(c.media_dir, PathBuf::from("/srv/d/media"));
        assert_eq!(c.addr.to_string(), "0.0.0.0:8080");
        assert_eq!(c.site.name, "Cổng A");
        assert_eq!(c.site.base_url, "https://a.vn");
        assert!(
            !c.site.email.is_empty(),
            "unset site keys keep their defaults"
        );
    }

    #[test]
    fn unknown_keys_are_refused() {
        assert!(toml::from_str::<FileConfig>("databse = \"x\"").is_err());
    }
}
