//! Account types shared by server and client: roles, the permission table, the
//! signed-in user.

use serde::{Deserialize, Serialize};

use crate::i18n::tm;

/// What a person does on the portal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Admin,
    EditorInChief,
    Editor,
    Contributor,
    Moderator,
    Member,
}

impl Role {
    pub const ALL: [Role; 6] = [
        Role::Admin,
        Role::EditorInChief,
        Role::Editor,
        Role::Contributor,
        Role::Moderator,
        Role::Member,
    ];

    /// The name stored in the database and used on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::EditorInChief => "editor_in_chief",
            Role::Editor => "editor",
            Role::Contributor => "contributor",
            Role::Moderator => "moderator",
            Role::Member => "member",
        }
    }

    pub fn parse(s: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == s.trim())
    }

    /// The name shown in the interface, in the request's language.
    pub fn label(self) -> &'static str {
        match self {
            Role::Admin => tm().role_admin,
            Role::EditorInChief => tm().role_editor_in_chief,
            Role::Editor => tm().role_editor,
            Role::Contributor => tm().role_contributor,
            Role::Moderator => tm().role_moderator,
            Role::Member => tm().role_member,
        }
    }
}

/// Everything that needs a permission. The server checks these in every server
/// function and route through `require`; the interface only hides what a role lacks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Permission {
    /// Read internal bulletins (members only).
    ReadInternal,
    /// Enter the admin area.
    UseAdmin,
    /// Write and edit one's own drafts, and submit them.
    WriteOwnDrafts,
    /// Edit and submit anyone's articles.
    EditAnyArticle,
    /// Approve or reject.
    ApproveArticle,
    /// Publish, schedule, unpublish.
    PublishArticle,
    /// Archive articles.
    ArchiveArticle,
    /// Moderate comments and answer questions.
    ModerateComments,
    /// Manage users, categories, menus, banners, weblinks, settings.
    ManageUsers,
    ManageCategories,
    /// Add, edit and delete the documents library's documents.
    ManageDocuments,
    /// Make quiz contests, their question banks and rounds; export entries and
    /// publish results.
    ManageContests,
    /// Read the audit log.
    ReadAuditLog,
    /// Read the visitor statistics.
    ViewStatistics,
}

impl Permission {
    pub const ALL: [Permission; 14] = [
        Permission::ReadInternal,
        Permission::UseAdmin,
        Permission::WriteOwnDrafts,
        Permission::EditAnyArticle,
        Permission::ApproveArticle,
        Permission::PublishArticle,
        Permission::ArchiveArticle,
        Permission::ModerateComments,
        Permission::ManageUsers,
        Permission::ManageCategories,
        Permission::ManageDocuments,
        Permission::ManageContests,
        Permission::ReadAuditLog,
        Permission::ViewStatistics,
    ];

    /// The name shown in the interface, in the request's language (Vietnamese outside a
    /// request: the README's permission table is checked against it).
    pub fn label(self) -> &'static str {
        match self {
            Permission::ReadInternal => tm().perm_read_internal,
            Permission::UseAdmin => tm().perm_use_admin,
            Permission::WriteOwnDrafts => tm().perm_write_own_drafts,
            Permission::EditAnyArticle => tm().perm_edit_any_article,
            Permission::ApproveArticle => tm().perm_approve_article,
            Permission::PublishArticle => tm().perm_publish_article,
            Permission::ArchiveArticle => tm().perm_archive_article,
            Permission::ModerateComments => tm().perm_moderate_comments,
            Permission::ManageUsers => tm().perm_manage_users,
            Permission::ManageCategories => tm().perm_manage_categories,
            Permission::ManageDocuments => tm().perm_manage_documents,
            Permission::ManageContests => tm().perm_manage_contests,
            Permission::ReadAuditLog => tm().perm_read_audit_log,
            Permission::ViewStatistics => tm().perm_view_statistics,
        }
    }
}

/// The rights a category grant gives in its category and the subcategories below it,
/// as NukeViet portals grant them to their editors.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct CategoryRights {
    /// Write articles there (one's own drafts).
    pub add: bool,
    /// Edit anyone's articles there.
    pub edit: bool,
    /// Approve or reject there.
    pub approve: bool,
    /// Publish, schedule, unpublish there.
    pub publish: bool,
}

impl CategoryRights {
    /// What these rights say of `permission`: `None` for a permission grants do not
    /// govern (the role alone decides it).
    pub fn decides(self, permission: Permission) -> Option<bool> {
        match permission {
            Permission::WriteOwnDrafts => Some(self.add),
            Permission::EditAnyArticle => Some(self.edit),
            Permission::ApproveArticle => Some(self.approve),
            Permission::PublishArticle => Some(self.publish),
            _ => None,
        }
    }

    pub fn any(self) -> bool {
        self.add || self.edit || self.approve || self.publish
    }
}

/// One member's rights in one category (and its subcategories).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct CategoryGrant {
    pub category_id: i64,
    pub rights: CategoryRights,
}

/// Who is signed in, as the header's account link and the idle watch need it (the
/// readers' client carries no more of the account model than this).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignedIn {
    pub display_name: String,
    /// May open the admin area (`Permission::UseAdmin`).
    pub admin: bool,
}

impl SignedIn {
    pub fn of(user: &CurrentUser) -> Self {
        SignedIn {
            display_name: user.display_name.clone(),
            admin: user.can(Permission::UseAdmin),
        }
    }
}

/// The signed-in person, as the interface sees them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CurrentUser {
    pub id: i64,
    pub username: String,
    pub display_name: String,
    pub role: Role,
    /// Rights in chosen categories, besides the role's.
    #[serde(default)]
    pub grants: Vec<CategoryGrant>,
}

/// Where a permission is asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope<'a> {
    /// By the role alone (what is not about one category).
    Role,
    /// In some category: by the role, or by any grant.
    Anywhere,
    /// For an article of the category whose path is given, from the top-level
    /// category down to the article's own.
    Category(&'a [i64]),
}

/// A stored account (what administration sees of it; never the password hash).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserRow {
    pub id: i64,
    pub username: String,
    pub display_name: String,
    pub email: String,
    pub role: Role,
    pub active: bool,
}

/// An account on the user management page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserAdminRow {
    pub user: UserRow,
    /// The admin looking at the list.
    pub is_me: bool,
}

/// What a one-time link opens.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum LinkInfo {
    /// Create the first admin.
    SetupAdmin,
    /// Choose a new password for this account.
    SetPassword {
        username: String,
        display_name: String,
    },
}

/// A password people may choose: 10 to 200 characters, not all one character class.
pub fn check_new_password(password: &str) -> Result<(), &'static str> {
    let n = password.chars().count();
    if n < 10 {
        return Err(tm().password_too_short);
    }
    if n > 200 {
        return Err(tm().password_too_long);
    }
    let classes = [
        password.chars().any(|c| c.is_lowercase()),
        password.chars().any(|c| c.is_uppercase()),
        password.chars().any(|c| c.is_numeric()),
        password.chars().any(|c| !c.is_alphanumeric()),
    ];
    if classes.iter().filter(|c| **c).count() < 2 {
        return Err(tm().password_too_simple);
    }
    Ok(())
}

/// A user name: 3–40 lower-case ASCII letters, digits, dots, hyphens or underscores.
pub fn check_username(name: &str) -> Result<(), &'static str> {
    let ok_len = (3..=40).contains(&name.len());
    let ok_chars = name
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '.' | '-' | '_'));
    if ok_len
        && ok_chars
        && name
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphanumeric())
    {
        Ok(())
    } else {
        Err(tm().username_invalid)
    }
}

/// A display name: one line, 1–100 characters.
#[cfg(feature = "ssr")]
pub fn display_name_of(raw: &str) -> Result<String, crate::core::error::AppError> {
    let name = crate::core::text::nfc(&raw.split_whitespace().collect::<Vec<_>>().join(" "));
    match name.chars().count() {
        0 => Err(crate::core::error::AppError::Invalid(
            tm().name_required.into(),
        )),
        1..=100 => Ok(name),
        _ => Err(crate::core::error::AppError::Invalid(
            tm().name_too_long.into(),
        )),
    }
}

/// An e-mail address: empty, or one that looks like one.
#[cfg(feature = "ssr")]
pub fn email_of(raw: &str) -> Result<String, crate::core::error::AppError> {
    let email = raw.trim().to_string();
    if email.is_empty() {
        return Ok(email);
    }
    let ok = email.len() <= 200
        && !email.contains(char::is_whitespace)
        && email
            .split_once('@')
            .is_some_and(|(a, d)| !a.is_empty() && d.contains('.') && !d.starts_with('.'));
    if ok {
        Ok(email)
    } else {
        Err(crate::core::error::AppError::Invalid(
            tm().email_invalid.into(),
        ))
    }
}

/// A unit and how many accounts belong to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnitRow {
    pub name: String,
    pub members: i64,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::accounts::rights::allows;

    #[test]
    fn roles_round_trip_their_names() {
        for r in Role::ALL {
            assert_eq!(Role::parse(r.as_str()), Some(r));
        }
        assert_eq!(Role::parse("root"), None);
    }

    #[test]
    fn the_permission_table() {
        use Permission as P;
        // only admins manage users and categories
        for r in Role::ALL {
            assert_eq!(allows(r, P::ManageUsers), r == Role::Admin, "{r:?}");
            assert_eq!(allows(r, P::ManageCategories), r == Role::Admin, "{r:?}");
        }
        // only the editor-in-chief and admins approve or read the audit log
        for r in Role::ALL {
            let approver = matches!(r, Role::Admin | Role::EditorInChief);
            assert_eq!(allows(r, P::ApproveArticle), approver, "{r:?}");
            assert_eq!(allows(r, P::ReadAuditLog), approver, "{r:?}");
        }
        assert!(allows(Role::Contributor, P::WriteOwnDrafts));
        assert!(!allows(Role::Contributor, P::EditAnyArticle));
        assert!(allows(Role::Editor, P::EditAnyArticle));
        assert!(allows(Role::Moderator, P::ModerateComments));
        assert!(!allows(Role::Editor, P::ModerateComments));
        // a member reads internal bulletins and never enters the admin area
        assert!(allows(Role::Member, P::ReadInternal));
        assert!(
            Permission::ALL
                .iter()
                .filter(|p| allows(Role::Member, **p))
                .count()
                == 1
        );
        assert!(!allows(Role::Member, P::UseAdmin));
    }

    #[test]
    fn password_and_username_rules() {
        assert!(check_new_password("ngắn").is_err());
        assert!(check_new_password("aaaaaaaaaaaa").is_err());
        assert!(check_new_password("toa-soan-2026").is_ok());
        assert!(check_new_password("Mật khẩu dài").is_ok());
        assert!(check_username("bientap.01").is_ok());
        assert!(check_username("Admin").is_err());
        assert!(check_username("đ-user").is_err());
        assert!(check_username("ab").is_err());
        assert!(check_username(".an").is_err());
    }
}

#[cfg(test)]
mod readme_tests {
    use super::*;
    use crate::features::accounts::rights::allows;

    /// The README's table of who may do what is the code's table.
    #[test]
    fn the_readme_permission_table_matches_the_code() {
        let readme = include_str!("../../../../README.md");
        let start = readme.find("<!-- permission-table").expect("table start");
        let end = readme
            .find("<!-- /permission-table -->")
            .expect("table end");
        let rows: Vec<&str> = readme[start..end]
            .lines()
            .filter(|l| l.starts_with("| "))
            .collect();
        let header: Vec<&str> = rows[0]
            .split('|')
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .skip(1)
            .collect();
        let roles: Vec<Role> = header
            .iter()
            .map(|h| Role::parse(h).expect("role"))
            .collect();
        assert_eq!(roles, Role::ALL.to_vec());
        assert_eq!(rows.len() - 1, Permission::ALL.len());
        for (row, permission) in rows[1..].iter().zip(Permission::ALL) {
            let cells: Vec<&str> = row
                .split('|')
                .map(str::trim)
                .filter(|c| !c.is_empty())
                .collect();
            assert_eq!(cells[0], permission.label());
            for (cell, role) in cells[1..].iter().zip(Role::ALL) {
                assert_eq!(
                    *cell == "✓",
                    allows(role, permission),
                    "{permission:?} for {role:?}"
                );
            }
        }
    }
}
