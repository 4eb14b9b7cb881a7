//! `toasoan user …`: creating, listing and disabling accounts from the command line.

use std::io::{IsTerminal, Read};

use sqlx::AnyPool;
use toasoan_app::core::time;
use toasoan_app::features::accounts::auth::{hash_password, new_token};
use toasoan_app::features::accounts::model::{Role, check_new_password, check_username};
use toasoan_app::features::accounts::{self as store, NewUser};

#[derive(Debug, thiserror::Error)]
pub enum UserError {
    #[error(
        "vai trò không hợp lệ \"{0}\": dùng admin, editor_in_chief, editor, contributor, moderator hoặc member"
    )]
    BadRole(String),
    #[error("{0}")]
    Invalid(&'static str),
    #[error("tên đăng nhập \"{0}\" đã có")]
    Taken(String),
    #[error("không có tài khoản \"{0}\"")]
    Unknown(String),
    #[error("không đọc được mật khẩu: {0}")]
    Stdin(std::io::Error),
    #[error("không đọc được tệp {0}: {1}")]
    File(String, std::io::Error),
    #[error("lỗi cơ sở dữ liệu: {0}")]
    Db(#[from] sqlx::Error),
    #[error("{0}")]
    App(#[from] toasoan_app::core::error::AppError),
}

/// The password for a new account: from standard input when one is piped in,
/// otherwise generated. Returns (password, generated).
pub fn read_or_generate_password() -> Result<(String, bool), UserError> {
    let stdin = std::io::stdin();
    if !stdin.is_terminal() {
        let mut text = String::new();
        stdin
            .lock()
            .read_to_string(&mut text)
            .map_err(UserError::Stdin)?;
        let password = text.lines().next().unwrap_or_default().to_string();
        if !password.is_empty() {
            return Ok((password, false));
        }
    }
    // 20 characters from a random token, with a symbol and a capital for the rules
    let token = new_token();
    Ok((format!("Ts-{}", &token[..20]), true))
}

/// Creates an account.
pub async fn add(
    pool: &AnyPool,
    name: &str,
    role: &str,
    display_name: Option<&str>,
    email: &str,
    password: &str,
) -> Result<i64, UserError> {
    let role = Role::parse(role).ok_or_else(|| UserError::BadRole(role.to_string()))?;
    check_username(name).map_err(UserError::Invalid)?;
    check_new_password(password).map_err(UserError::Invalid)?;
    let hash = hash_password(password)?;
    let display = toasoan_app::core::text::nfc(display_name.unwrap_or(name));
    let new = NewUser {
        username: name,
        display_name: &display,
        email: email.trim(),
        role,
        password_hash: &hash,
    };
    let mut conn = pool.acquire().await?;
    store::create_user(&mut conn, &new, time::now())
        .await?
        .ok_or_else(|| UserError::Taken(name.to_string()))
}

/// The account list, one line each.
pub async fn list(pool: &AnyPool) -> Result<Vec<String>, UserError> {
    Ok(store::list_users(pool)
        .await?
        .into_iter()
        .map(|u| {
            let state = if u.active {
                "hoạt động"
            } else {
                "đã khóa"
            };
            format!(
                "{:<20} {:<16} {:<10} {}",
                u.username,
                u.role.as_str(),
                state,
                u.display_name
            )
        })
        .collect())
}

/// Disables an account and ends its sessions.
pub async fn disable(pool: &AnyPool, name: &str) -> Result<(), UserError> {
    if store::disable_user(pool, name, time::now()).await? {
        Ok(())
    } else {
        Err(UserError::Unknown(name.to_string()))
    }
}

/// `toasoan user import FILE`: the file's rows made members, as the admin's import
/// page does.
pub async fn import(
    pool: &AnyPool,
    base_url: &str,
    file: &std::path::Path,
) -> Result<toasoan_app::features::accounts::import::ImportReport, UserError> {
    let bytes = std::fs::read(file).map_err(|e| UserError::File(file.display().to_string(), e))?;
    let text = String::from_utf8(bytes)
        .map_err(|_| UserError::Invalid("tệp CSV phải được lưu bằng mã UTF-8"))?;
    Ok(toasoan_app::features::accounts::import_members(pool, base_url, &text, None).await?)
}

/// The import's report as printed: one line per row, then the counts.
pub fn report_lines(report: &toasoan_app::features::accounts::import::ImportReport) -> Vec<String> {
    use toasoan_app::features::accounts::import::RowOutcome;
    let mut lines: Vec<String> = report
        .rows
        .iter()
        .map(|r| match &r.outcome {
            RowOutcome::Created { link } => {
                format!(
                    "dòng {}: {} — đã tạo; đặt mật khẩu tại {link}",
                    r.line, r.username
                )
            }
            RowOutcome::Exists => format!("dòng {}: {} — đã có, giữ nguyên", r.line, r.username),
            RowOutcome::Refused { reason } => {
                format!("dòng {}: {} — từ chối: {reason}", r.line, r.username)
            }
        })
        .collect();
    let (created, existing, refused) = report.counts();
    lines.push(format!(
        "Đã tạo {created} tài khoản, {existing} đã có, {refused} dòng bị từ chối. \
         Các liên kết dùng một lần, trong 24 giờ."
    ));
    lines
}

/// A one-time link with which `name` chooses a new password (their sessions end when
/// it is used).
pub async fn reset_link(pool: &AnyPool, base_url: &str, name: &str) -> Result<String, UserError> {
    use toasoan_app::features::accounts::links::{LinkPurpose, issue};
    let (user, _) = store::find_for_sign_in(pool, name)
        .await?
        .ok_or_else(|| UserError::Unknown(name.to_string()))?;
    Ok(issue(
        pool,
        base_url,
        LinkPurpose::SetPassword,
        Some(user.id),
        None,
        time::now(),
    )
    .await?)
}

/// When no active admin exists, a one-time link to create the first one.
pub async fn setup_link_if_no_admin(
    pool: &AnyPool,
    base_url: &str,
) -> Result<Option<String>, UserError> {
    use toasoan_app::features::accounts::links::{LinkPurpose, issue};
    if store::has_admin(pool).await? {
        return Ok(None);
    }
    Ok(Some(
        issue(
            pool,
            base_url,
            LinkPurpose::SetupAdmin,
            None,
            None,
            time::now(),
        )
        .await?,
    ))
}
