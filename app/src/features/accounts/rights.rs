//! Who may do what: the allow-lists of the roles, and the rights a member holds in
//! chosen categories (NukeViet's per-category grants), read together by
//! `CurrentUser::can_in`.

use super::model::{CurrentUser, Permission, Role, Scope};

/// Who may do what: for each permission, the roles that may. These allow-lists are
/// the one place it is written down (README's table is checked against them); a
/// permission that no row names belongs to no role.
const RIGHTS: &[(Permission, &[Role])] = {
    use Permission as P;
    use Role as R;
    &[
        (
            P::ReadInternal,
            &[
                R::Admin,
                R::EditorInChief,
                R::Editor,
                R::Contributor,
                R::Moderator,
                R::Member,
            ],
        ),
        (
            P::UseAdmin,
            &[
                R::Admin,
                R::EditorInChief,
                R::Editor,
                R::Contributor,
                R::Moderator,
            ],
        ),
        (
            P::WriteOwnDrafts,
            &[R::Admin, R::EditorInChief, R::Editor, R::Contributor],
        ),
        (P::EditAnyArticle, &[R::Admin, R::EditorInChief, R::Editor]),
        (P::ApproveArticle, &[R::Admin, R::EditorInChief]),
        (P::PublishArticle, &[R::Admin, R::EditorInChief]),
        (P::ArchiveArticle, &[R::Admin, R::EditorInChief, R::Editor]),
        (
            P::ModerateComments,
            &[R::Admin, R::EditorInChief, R::Moderator],
        ),
        (P::ManageUsers, &[R::Admin]),
        (P::ManageCategories, &[R::Admin]),
        (P::ManageDocuments, &[R::Admin, R::EditorInChief, R::Editor]),
        (P::ManageContests, &[R::Admin, R::EditorInChief, R::Editor]),
        (P::ReadAuditLog, &[R::Admin, R::EditorInChief]),
        (P::ViewStatistics, &[R::Admin, R::EditorInChief]),
    ]
};

/// Whether `role` may do `permission` wherever it applies.
pub fn allows(role: Role, permission: Permission) -> bool {
    RIGHTS
        .iter()
        .any(|(p, roles)| *p == permission && roles.contains(&role))
}

/// Everything `role` may do.
pub fn role_rights(role: Role) -> Vec<Permission> {
    Permission::ALL
        .into_iter()
        .filter(|p| allows(role, *p))
        .collect()
}

/// The roles that may hold category grants: staff below the admin.
pub fn takes_grants(role: Role) -> bool {
    matches!(
        role,
        Role::EditorInChief | Role::Editor | Role::Contributor | Role::Moderator
    )
}

/// What a signed-in member may do: by role, or by their grants in a category.
impl CurrentUser {
    /// Whether the member works on articles somewhere, by role or by a category grant:
    /// what opens the editorial desk.
    pub fn works_at_desk(&self) -> bool {
        [
            Permission::WriteOwnDrafts,
            Permission::EditAnyArticle,
            Permission::ApproveArticle,
            Permission::PublishArticle,
        ]
        .into_iter()
        .any(|p| self.can_in(p, Scope::Anywhere))
    }

    /// By the role alone.
    pub fn can(&self, permission: Permission) -> bool {
        allows(self.role, permission)
    }

    /// In `scope`. In a category the nearest grant up its path decides the rights
    /// grants govern (add, edit, approve, publish); with no grant there, the role.
    pub fn can_in(&self, permission: Permission, scope: Scope<'_>) -> bool {
        match scope {
            Scope::Role => self.can(permission),
            Scope::Anywhere => {
                self.can(permission)
                    || self
                        .grants
                        .iter()
                        .any(|g| g.rights.decides(permission) == Some(true))
            }
            Scope::Category(path) => path
                .iter()
                .rev()
                .find_map(|id| self.grants.iter().find(|g| g.category_id == *id))
                .and_then(|g| g.rights.decides(permission))
                .unwrap_or_else(|| self.can(permission)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::accounts::model::{CategoryGrant, CategoryRights};

    #[test]
    fn rights_are_allow_lists() {
        // a role may do exactly what its list names: nothing comes to a role unlisted
        for r in Role::ALL {
            for p in Permission::ALL {
                assert_eq!(allows(r, p), role_rights(r).contains(&p), "{r:?} {p:?}");
            }
            let mut listed = role_rights(r).to_vec();
            listed.dedup();
            assert_eq!(
                listed.len(),
                role_rights(r).len(),
                "{r:?} lists a right twice"
            );
        }
        // the newest permission went only where it was written: publishing is the
        // editor-in-chief's and the admin's, not every role's that may approve or edit
        let publishers: Vec<Role> = Role::ALL
            .into_iter()
            .filter(|r| allows(*r, Permission::PublishArticle))
            .collect();
        assert_eq!(publishers, [Role::Admin, Role::EditorInChief]);
        // and grants decide only what they govern
        let all = CategoryRights {
            add: true,
            edit: true,
            approve: true,
            publish: true,
        };
        assert_eq!(all.decides(Permission::ManageUsers), None);
        assert_eq!(all.decides(Permission::PublishArticle), Some(true));
    }

    #[test]
    fn the_nearest_grant_up_the_tree_decides() {
        let rights = |add, approve| CategoryRights {
            add,
            edit: false,
            approve,
            publish: false,
        };
        let user = CurrentUser {
            id: 1,
            username: "u".into(),
            display_name: "U".into(),
            role: Role::Editor,
            grants: vec![
                CategoryGrant {
                    category_id: 10,
                    rights: rights(true, true),
                },
                CategoryGrant {
                    category_id: 12,
                    rights: rights(false, false),
                },
            ],
        };
        let p = Permission::ApproveArticle;
        assert!(!user.can(p), "not by the role");
        assert!(user.can_in(p, Scope::Category(&[10])));
        assert!(user.can_in(p, Scope::Category(&[10, 11])), "a subcategory");
        assert!(
            !user.can_in(p, Scope::Category(&[10, 12])),
            "a nearer grant takes it away"
        );
        assert!(
            !user.can_in(p, Scope::Category(&[20])),
            "elsewhere the role decides"
        );
        assert!(user.can_in(p, Scope::Anywhere));
        // where the grant says nothing, the role: editors edit anyone's articles
        assert!(!user.can_in(Permission::EditAnyArticle, Scope::Category(&[10])));
        assert!(user.can_in(Permission::EditAnyArticle, Scope::Category(&[20])));
        assert!(user.can_in(Permission::ArchiveArticle, Scope::Category(&[10])));
    }
}
