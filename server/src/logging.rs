//! The server's log and its start-up notices: one line per event, coloured only on a
//! terminal (a log written to a file or a pipe carries no escape codes), and the
//! first-admin notice as a block of its own after the start-up lines.

use std::ffi::OsStr;
use std::io::IsTerminal;

use toasoan_app::core::time;
use toasoan_app::features::accounts::links::LINK_SECONDS;
use tracing_subscriber::EnvFilter;

/// Whether the log is coloured: only when it goes to a terminal, and not when the
/// user asked for none (`NO_COLOR` set and not empty, https://no-color.org).
pub fn colour(terminal: bool, no_color: Option<&OsStr>) -> bool {
    terminal && no_color.is_none_or(OsStr::is_empty)
}

/// Installs the log: to standard output, `RUST_LOG` or "info, sqlx warnings".
pub fn init() {
    let no_color = std::env::var_os("NO_COLOR");
    tracing_subscriber::fmt()
        .with_ansi(colour(std::io::stdout().is_terminal(), no_color.as_deref()))
        .with_env_filter(
            EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn")),
        )
        .init();
}

/// The notice `serve` prints once it listens, while the portal has no admin: what to
/// open to create the first one, until when, and the command-line way instead.
pub fn first_admin_notice(link: &str, issued_at: i64) -> String {
    let rule = "─".repeat(72);
    let hours = LINK_SECONDS / 3600;
    let until = time::short_date(issued_at + LINK_SECONDS);
    format!(
        "\n{rule}\n\
         Chưa có tài khoản quản trị. Mở liên kết sau trong trình duyệt để tạo tài khoản\n\
         quản trị đầu tiên (dùng được một lần, trong {hours} giờ, đến {until}):\n\
         \n    {link}\n\n\
         Hoặc tạo bằng dòng lệnh:  toasoan user add TÊN --role admin\n\
         (No admin yet: open the link above, valid once for {hours} hours, or run the command.)\n\
         {rule}\n"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colour_only_on_a_terminal_unless_refused() {
        assert!(colour(true, None));
        assert!(
            !colour(false, None),
            "a file or a pipe gets no escape codes"
        );
        assert!(
            !colour(true, Some(OsStr::new("1"))),
            "NO_COLOR refuses colour"
        );
        assert!(
            colour(true, Some(OsStr::new(""))),
            "an empty NO_COLOR is unset"
        );
        assert!(!colour(false, Some(OsStr::new(""))));
    }

    #[test]
    fn the_notice_names_the_link_its_lifetime_and_the_command() {
        let link = "http://127.0.0.1:3000/thiet-lap?ma=abc";
        let text = first_admin_notice(link, 1_614_106_320);
        assert!(text.contains(&format!("\n    {link}\n")), "{text}");
        assert!(
            text.contains("trong 24 giờ, đến 25/02/2021 01:52"),
            "{text}"
        );
        assert!(text.contains("toasoan user add TÊN --role admin"), "{text}");
        assert!(!text.contains('\u{1b}'));
    }
}
