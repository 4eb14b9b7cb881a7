//! Members in bulk: a spreadsheet's rows (full name, username, e-mail, unit/chi bộ; as
//! CSV with commas or semicolons, or pasted from a spreadsheet with tabs; a header row
//! in Vietnamese or English, or none) made member accounts, each with a one-time link
//! to choose a password. Every row is its own transaction (its account, its unit, its
//! link, its audit entry): a bad row leaves nothing behind and stops no other. The
//! report says for each row whether it was created, already there, or refused and why.
//! Units are kept once by name and listed with their members.

use serde::{Deserialize, Serialize};

pub use super::model::UnitRow;

/// What became of one row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum RowOutcome {
    /// A new member; the one-time link with which they choose a password.
    Created {
        link: String,
    },
    /// The username has an account already (left as it is).
    Exists,
    Refused {
        reason: String,
    },
}

/// One row of the report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportRow {
    /// The row's line in the file (1 is the first).
    pub line: usize,
    pub username: String,
    pub name: String,
    pub unit: String,
    pub outcome: RowOutcome,
}

/// What an import did, row by row.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportReport {
    pub rows: Vec<ReportRow>,
}

impl ImportReport {
    /// (created, already there, refused).
    pub fn counts(&self) -> (usize, usize, usize) {
        self.rows
            .iter()
            .fold((0, 0, 0), |(c, e, r), row| match row.outcome {
                RowOutcome::Created { .. } => (c + 1, e, r),
                RowOutcome::Exists => (c, e + 1, r),
                RowOutcome::Refused { .. } => (c, e, r + 1),
            })
    }
}

/// Rows one import takes at most, and its size.
pub const MAX_ROWS: usize = 5_000;
pub const MAX_BYTES: usize = 2 << 20;
/// The longest unit name.
pub const UNIT_MAX: usize = 150;

/// One row as read: its line and its four fields.
#[cfg(feature = "ssr")]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub line: usize,
    pub name: String,
    pub username: String,
    pub email: String,
    pub unit: String,
}

/// The field a header cell names: 0 name, 1 username, 2 e-mail, 3 unit.
#[cfg(feature = "ssr")]
fn column_of(header: &str) -> Option<usize> {
    let key = crate::core::text::fold_vietnamese(header.trim()).to_lowercase();
    crate::i18n::admin::MEMBER_COLUMNS
        .iter()
        .position(|names| names.contains(&key.as_str()))
}

/// The rows of `text`, or why it cannot be read at all.
#[cfg(feature = "ssr")]
pub fn read_rows(text: &str) -> Result<Vec<Row>, String> {
    use crate::i18n::{fill, ta};
    if text.len() > MAX_BYTES {
        return Err(fill(ta().import_too_big, &[&(MAX_BYTES >> 20)]));
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let first = text.lines().next().unwrap_or_default();
    let delimiter = if first.contains('\t') {
        b'\t'
    } else if first.matches(';').count() > first.matches(',').count() {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let mut order = [0usize, 1, 2, 3];
    let mut rows = Vec::new();
    let bytes = text.as_bytes();
    let mut record = csv::StringRecord::new();
    for i in 0.. {
        // where the record starts (the reader's position is before the blank lines
        // ahead of it), as a line of the file an editor counts
        let mut at = reader.position().byte() as usize;
        let more = reader
            .read_record(&mut record)
            .map_err(|e| fill(ta().import_unreadable, &[&e]))?;
        if !more {
            break;
        }
        while bytes.get(at).is_some_and(|b| matches!(b, b'\n' | b'\r')) {
            at += 1;
        }
        let line = bytes[..at.min(bytes.len())]
            .iter()
            .filter(|b| **b == b'\n')
            .count()
            + 1;
        if i == 0 {
            let named: Vec<Option<usize>> = record.iter().map(column_of).collect();
            if named.iter().filter(|c| c.is_some()).count() >= 2 {
                // a header row: the columns in its order
                for (field, want) in order.iter_mut().enumerate() {
                    *want = named
                        .iter()
                        .position(|c| *c == Some(field))
                        .unwrap_or(usize::MAX);
                }
                if order[0] == usize::MAX || order[1] == usize::MAX {
                    return Err(ta().import_columns.into());
                }
                continue;
            }
        }
        if record.iter().all(|f| f.is_empty()) {
            continue;
        }
        let get = |at: usize| record.get(at).unwrap_or_default().to_string();
        rows.push(Row {
            line,
            name: get(order[0]),
            username: get(order[1]),
            email: get(order[2]),
            unit: get(order[3]),
        });
        if rows.len() > MAX_ROWS {
            return Err(fill(ta().import_too_many, &[&MAX_ROWS]));
        }
    }
    Ok(rows)
}

/// Imports `text`'s rows as members (`actor` the admin, or none from the command
/// line); links lead to `base_url`.
#[cfg(feature = "ssr")]
pub async fn import_members(
    pool: &sqlx::AnyPool,
    base_url: &str,
    text: &str,
    actor: Option<i64>,
) -> Result<ImportReport, crate::core::error::AppError> {
    use crate::core::error::AppError;
    let rows = read_rows(text).map_err(AppError::Invalid)?;
    let mut report = ImportReport::default();
    for row in rows {
        let outcome = match import_row(pool, base_url, &row, actor).await {
            Ok(outcome) => outcome,
            Err(AppError::Invalid(reason)) => RowOutcome::Refused { reason },
            Err(e) => return Err(e),
        };
        report.rows.push(ReportRow {
            line: row.line,
            username: row.username.trim().to_lowercase(),
            name: row.name,
            unit: row.unit,
            outcome,
        });
    }
    Ok(report)
}

#[cfg(feature = "ssr")]
async fn import_row(
    pool: &sqlx::AnyPool,
    base_url: &str,
    row: &Row,
    actor: Option<i64>,
) -> Result<RowOutcome, crate::core::error::AppError> {
    use super::model::{Role, check_username};
    use super::{auth, links, store};
    use crate::core::error::AppError;
    let invalid = |m: &str| AppError::Invalid(m.to_string());
    let username = row.username.trim().to_lowercase();
    check_username(&username).map_err(invalid)?;
    let name = super::model::display_name_of(&row.name)?;
    let email = super::model::email_of(&row.email)?;
    let unit = crate::core::text::nfc(&row.unit.split_whitespace().collect::<Vec<_>>().join(" "));
    if unit.chars().count() > UNIT_MAX {
        return Err(invalid(&crate::i18n::fill(
            crate::i18n::ta().import_unit_long,
            &[&UNIT_MAX],
        )));
    }
    let now = crate::core::time::now();
    let unusable = auth::hash_password(&auth::new_token())?;
    let mut tx = crate::core::state::begin_write(pool).await?;
    let new = store::NewUser {
        username: &username,
        display_name: &name,
        email: &email,
        role: Role::Member,
        password_hash: &unusable,
    };
    let Some(id) = store::create_user(&mut tx, &new, now).await? else {
        return Ok(RowOutcome::Exists);
    };
    if !unit.is_empty() {
        store::set_unit(&mut tx, id, &unit, now).await?;
    }
    let link = links::issue(
        &mut *tx,
        base_url,
        links::LinkPurpose::SetPassword,
        Some(id),
        actor,
        now,
    )
    .await?;
    crate::features::audit::record(&mut tx, actor, "user.import", &username, &unit, now).await?;
    tx.commit().await?;
    Ok(RowOutcome::Created { link })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_are_read_with_or_without_a_header_in_any_column_order() {
        let text = "Tên đăng nhập,Họ và tên,Đơn vị,E-mail\n\
                    nva,\"Nguyễn Văn A\",\"Chi bộ 1, Khối cơ quan\",a@tinh.vn\n\n\
                    ttb,Trần Thị B,,\n";
        let rows = read_rows(text).unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].username, "nva");
        assert_eq!(rows[0].name, "Nguyễn Văn A");
        assert_eq!(rows[0].unit, "Chi bộ 1, Khối cơ quan");
        assert_eq!(rows[0].email, "a@tinh.vn");
        assert_eq!(rows[0].line, 2);
        assert_eq!(rows[1].line, 4, "{rows:?}");
        let plain = read_rows("Lê Văn C;lvc;c@tinh.vn;Chi bộ 2").unwrap();
        assert_eq!(
            (plain[0].name.as_str(), plain[0].unit.as_str()),
            ("Lê Văn C", "Chi bộ 2")
        );
        let pasted = read_rows("\u{feff}full name\tusername\nPhạm D\tpd").unwrap();
        assert_eq!(
            (pasted[0].name.as_str(), pasted[0].username.as_str()),
            ("Phạm D", "pd")
        );
    }

    #[test]
    fn a_header_without_names_or_a_broken_file_is_refused() {
        assert!(read_rows("E-mail,Đơn vị\na@b.vn,Chi bộ").is_err());
        let many = "x,y\n".repeat(MAX_ROWS + 2);
        assert!(read_rows(&many).is_err());
    }
}
