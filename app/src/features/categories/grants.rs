//! `/quan-tri/nguoi-dung/:id/quyen` (admin): a staff member's rights in chosen
//! categories, as NukeViet portals give them — add, edit, approve, publish — each
//! holding in the category and every subcategory below it. Where a member has no
//! grant, their role decides. The grants are the member's (accounts keeps them and
//! reads them at every request); this page edits them against the category tree.

use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;
use leptos_router::components::A;
use serde::{Deserialize, Serialize};

use crate::components::{admin_content, form_error, id_param};
use crate::core::error::AppError;
use crate::features::accounts::CategoryRights;
use crate::i18n::{fill, ta};

/// One category on the rights page, with the member's grant there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GrantRow {
    pub category_id: i64,
    pub name: String,
    pub depth: usize,
    pub rights: CategoryRights,
}

/// What the rights page shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserGrantsData {
    pub user_id: i64,
    pub display_name: String,
    pub role_label: String,
    /// Admins have every right and take no grants; readers take none either.
    pub takes_grants: bool,
    pub rows: Vec<GrantRow>,
}

#[cfg(feature = "ssr")]
async fn grantee(user_id: i64) -> Result<crate::features::accounts::model::UserRow, AppError> {
    use crate::features::accounts::{Permission, auth};
    let ctx = crate::core::state::app_context()?;
    auth::require(Permission::ManageUsers).await?;
    crate::features::accounts::get_user(&ctx.pool, user_id)
        .await?
        .ok_or(AppError::NotFound)
}

/// A member's grants, category by category in menu order.
#[server(input = GetUrl)]
pub async fn get_user_grants(user_id: i64) -> Result<UserGrantsData, AppError> {
    let ctx = crate::core::state::app_context()?;
    let user = grantee(user_id).await?;
    let (tree, grants) = tokio::try_join!(
        super::load_tree(&ctx.pool),
        crate::features::accounts::grants_of(&ctx.pool, user_id),
    )?;
    let rows = tree
        .in_order()
        .into_iter()
        .map(|(depth, n)| GrantRow {
            category_id: n.id,
            name: n.name.clone(),
            depth,
            rights: grants
                .iter()
                .find(|g| g.category_id == n.id)
                .map(|g| g.rights)
                .unwrap_or_default(),
        })
        .collect();
    Ok(UserGrantsData {
        user_id,
        display_name: user.display_name,
        role_label: user.role.label().into(),
        takes_grants: crate::features::accounts::takes_grants(user.role),
        rows,
    })
}

/// Replaces a member's grants with the ticked boxes: `add`, `edit`, `approve`,
/// `publish` each list the categories where that right is given.
#[server]
pub async fn save_user_grants(
    user_id: i64,
    add: Option<Vec<i64>>,
    edit: Option<Vec<i64>>,
    approve: Option<Vec<i64>>,
    publish: Option<Vec<i64>>,
) -> Result<usize, AppError> {
    use crate::features::accounts::{CategoryGrant, auth};
    use crate::i18n::messages::stored;
    let ctx = crate::core::state::app_context()?;
    let user = grantee(user_id).await?;
    let me = auth::current_user()
        .await?
        .ok_or(AppError::SignInRequired)?;
    if !crate::features::accounts::takes_grants(user.role) {
        return Err(AppError::Invalid(ta().grants_not_for_role.into()));
    }
    let tree = super::load_tree(&ctx.pool).await?;
    let (add, edit, approve, publish) = (
        add.unwrap_or_default(),
        edit.unwrap_or_default(),
        approve.unwrap_or_default(),
        publish.unwrap_or_default(),
    );
    let named = add.iter().chain(&edit).chain(&approve).chain(&publish);
    if let Some(unknown) = named.clone().find(|id| tree.get(**id).is_none()) {
        return Err(AppError::Invalid(fill(
            ta().grants_unknown_category,
            &[unknown],
        )));
    }
    let mut ids: Vec<i64> = named.copied().collect();
    ids.sort_unstable();
    ids.dedup();
    let grants: Vec<CategoryGrant> = ids
        .into_iter()
        .map(|id| CategoryGrant {
            category_id: id,
            rights: CategoryRights {
                add: add.contains(&id),
                edit: edit.contains(&id),
                approve: approve.contains(&id),
                publish: publish.contains(&id),
            },
        })
        .collect();
    let summary = grants
        .iter()
        .filter_map(|g| tree.get(g.category_id).map(|n| n.name.clone()))
        .collect::<Vec<_>>()
        .join(", ");
    let now = crate::core::time::now();
    let mut tx = crate::core::state::begin_write(&ctx.pool).await?;
    crate::features::accounts::set_grants(&mut tx, user_id, &grants).await?;
    let detail = if summary.is_empty() {
        stored().grants_none.to_string()
    } else {
        summary
    };
    crate::features::audit::record(
        &mut tx,
        Some(me.id),
        "user.grants",
        &user.username,
        &detail,
        now,
    )
    .await?;
    tx.commit().await?;
    tracing::info!(admin = %me.username, user = %user.username, grants = grants.len(), "category grants set");
    Ok(grants.len())
}

/// A tick box of one right in one category.
fn right_box(
    field: &'static str,
    label: &'static str,
    row: &GrantRow,
    on: bool,
) -> impl IntoView + use<> {
    let id = format!("quyen-{}-{field}", row.category_id);
    let aria = format!("{label}: {}", row.name);
    view! {
        <td class="grant-cell">
            <input type="checkbox" id=id name=format!("{field}[]") value=row.category_id.to_string()
                checked=on aria-label=aria/>
        </td>
    }
}

#[component]
pub fn UserGrantsPage() -> impl IntoView {
    let save = ServerAction::<SaveUserGrants>::new();
    let user_id = id_param(-1);
    let data = crate::components::admin::page_data(
        module_path!(),
        move || (user_id(), save.version().get()),
        |(id, _)| get_user_grants(id),
    );
    admin_content(ta().grants_title, data, move |d| {
        let saved = move || {
            matches!(save.value().get(), Some(Ok(_)))
                .then(|| view! { <p class="form-ok" role="status">{ta().grants_saved}</p> })
        };
        let body = if d.takes_grants {
            let rows = d
                .rows
                .iter()
                .map(|r| {
                    let style = format!("--depth: {}", r.depth);
                    view! {
                        <tr>
                            <th scope="row" class="grant-category" style=style>{r.name.clone()}</th>
                            {right_box("add", ta().grants_add, r, r.rights.add)}
                            {right_box("edit", ta().grants_edit, r, r.rights.edit)}
                            {right_box("approve", ta().grants_approve, r, r.rights.approve)}
                            {right_box("publish", ta().grants_publish, r, r.rights.publish)}
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <ActionForm action=save attr:class="grants-form">
                    <input type="hidden" name="user_id" value=d.user_id.to_string()/>
                    <div class="table-wrap">
                        <table class="desk-table grants-table">
                            <caption class="visually-hidden">{ta().grants_title}</caption>
                            <thead><tr>
                                <th scope="col">{ta().nav_categories}</th>
                                <th scope="col">{ta().grants_add}</th>
                                <th scope="col">{ta().grants_edit}</th>
                                <th scope="col">{ta().grants_approve}</th>
                                <th scope="col">{ta().grants_publish}</th>
                            </tr></thead>
                            <tbody>{rows}</tbody>
                        </table>
                    </div>
                    {form_error(save.value())}
                    {saved}
                    <button type="submit" class="button-primary">{ta().grants_save}</button>
                </ActionForm>
            }
            .into_any()
        } else {
            view! { <p class="notice">{ta().grants_not_for_role}</p> }.into_any()
        };
        view! {
            <p class="admin-back"><A href="/quan-tri/nguoi-dung">{ta().grants_back}</A></p>
            <h1>{fill(ta().grants_heading, &[&d.display_name])}</h1>
            <p class="admin-intro">{d.role_label.clone()}" · "{ta().grants_intro}</p>
            {body}
        }
    })
}
