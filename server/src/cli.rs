//! The command line: `toasoan serve | migrate | demo | sample | import | user`.

use std::net::SocketAddr;
use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::config::{Config, ConfigError, FileConfig};

#[derive(Debug, Parser)]
#[command(
    name = "toasoan",
    version,
    about = "Tòa Soạn — hệ thống cổng thông tin điện tử"
)]
pub struct Cli {
    /// Database address: sqlite://data/toasoan.db (default) or postgres://…
    #[arg(long, env = "DATABASE_URL", global = true)]
    pub database: Option<String>,
    /// Folder for the SQLite file and media (default: data)
    #[arg(long, env = "TOASOAN_DATA_DIR", global = true)]
    pub data_dir: Option<PathBuf>,
    /// Folder for media files (default: <data-dir>/media)
    #[arg(long, env = "TOASOAN_MEDIA_DIR", global = true)]
    pub media_dir: Option<PathBuf>,
    /// Configuration file (default: toasoan.toml when present)
    #[arg(long, env = "TOASOAN_CONFIG", global = true)]
    pub config: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run migrations, then serve the portal
    Serve {
        /// Address to listen on (default 127.0.0.1:3000)
        #[arg(long, env = "TOASOAN_ADDR")]
        addr: Option<SocketAddr>,
        /// Public address of the portal, for canonical links (default http://<addr>)
        #[arg(long, env = "TOASOAN_BASE_URL")]
        base_url: Option<String>,
        /// Folder of the built client (default: found beside the executable)
        #[arg(long, env = "TOASOAN_SITE_ROOT")]
        site_root: Option<PathBuf>,
        /// Seed the demo content first when the database has no article
        #[arg(long)]
        demo_if_empty: bool,
    },
    /// Bring the database schema up to date
    Migrate,
    /// Seed the demo portal (running it twice changes nothing)
    Demo,
    /// Generate a large sample portal for load tests (the demo, then generated
    /// articles written as an import would; the same seed makes the same portal)
    Sample {
        /// How many articles to generate
        #[arg(long, default_value_t = 100_000)]
        articles: usize,
        #[arg(long, default_value_t = 2026)]
        seed: u64,
    },
    /// Import Markdown articles with YAML front matter (files or folders)
    Import {
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// Manage accounts
    #[command(subcommand)]
    User(UserCommand),
    /// Manage the media library
    #[command(subcommand)]
    Media(MediaCommand),
}

#[derive(Debug, Subcommand)]
pub enum MediaCommand {
    /// Make the narrower copies of the pictures waiting for them (and clean the
    /// metadata of those stored before uploads), with a progress bar; resumable
    Rebuild {
        /// Make every picture's copies again
        #[arg(long)]
        all: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Create an account; the password is read from standard input, or generated and
    /// printed once when standard input is a terminal or empty
    Add {
        /// User name (lower-case letters, digits, . - _)
        name: String,
        /// admin, editor_in_chief, editor, contributor, moderator or member
        #[arg(long)]
        role: String,
        /// Name shown in the interface (default: the user name)
        #[arg(long)]
        display_name: Option<String>,
        #[arg(long, default_value = "")]
        email: String,
    },
    /// List accounts
    List,
    /// Disable an account and end its sessions
    Disable { name: String },
    /// Print a one-time link (valid 24 hours) with which the account's owner chooses a
    /// new password
    ResetLink {
        name: String,
        /// Public address of the portal (default: from toasoan.toml or the listen address)
        #[arg(long, env = "TOASOAN_BASE_URL")]
        base_url: Option<String>,
    },
    /// Create member accounts from a CSV file (full name, username, e-mail, unit; a
    /// header row optional); prints each row's outcome and each new member's one-time
    /// password link
    Import {
        file: std::path::PathBuf,
        /// Public address of the portal (default: from toasoan.toml or the listen address)
        #[arg(long, env = "TOASOAN_BASE_URL")]
        base_url: Option<String>,
    },
    /// List the units members belong to, with their member counts
    Units,
}

impl Cli {
    /// The configuration this invocation runs with.
    pub fn config(&self) -> Result<Config, ConfigError> {
        let file = FileConfig::load(self.config.as_deref())?;
        let (addr, base_url, site_root) = match &self.command {
            Command::Serve {
                addr,
                base_url,
                site_root,
                ..
            } => (*addr, base_url.clone(), site_root.clone()),
            Command::User(
                UserCommand::ResetLink { base_url, .. } | UserCommand::Import { base_url, .. },
            ) => (None, base_url.clone(), None),
            _ => (None, None, None),
        };
        Ok(Config::resolve(
            file,
            self.database.clone(),
            self.data_dir.clone(),
            self.media_dir.clone(),
            addr,
            base_url,
            site_root,
        ))
    }
}
