//! Server functions of category management (admin): the tree with article counts,
//! create, edit (including moving under another parent), reorder, delete when empty.
//! Each change is written to the audit log.

use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;
use serde::{Deserialize, Serialize};

use crate::core::error::AppError;
#[cfg(feature = "ssr")]
use crate::i18n::messages::stored;
#[cfg(feature = "ssr")]
use crate::i18n::tm;

/// A category as the management page shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CategoryAdminRow {
    pub id: i64,
    pub depth: usize,
    pub name: String,
    pub slug: String,
    pub description: String,
    pub parent_id: Option<i64>,
    pub articles: i64,
    pub first: bool,
    pub last: bool,
}

#[cfg(feature = "ssr")]
impl From<super::store::CategoryError> for AppError {
    fn from(e: super::store::CategoryError) -> Self {
        use super::store::CategoryError as E;
        match e {
            E::NotFound => AppError::NotFound,
            E::Invalid(m) => AppError::Invalid(m),
            E::Conflict(m) => AppError::Conflict(m),
            E::Db(e) => e.into(),
        }
    }
}

#[cfg(feature = "ssr")]
async fn manager() -> Result<crate::features::accounts::CurrentUser, AppError> {
    use crate::features::accounts::{Permission, auth};
    auth::require(Permission::ManageCategories).await
}

/// The whole tree in menu order.
#[server(input = GetUrl)]
pub async fn get_category_admin() -> Result<Vec<CategoryAdminRow>, AppError> {
    use super::store;
    let ctx = crate::core::state::app_context()?;
    manager().await?;
    let (tree, counts) = tokio::try_join!(
        store::load_tree(&ctx.pool),
        store::article_counts(&ctx.pool)
    )?;
    Ok(tree
        .in_order()
        .into_iter()
        .map(|(depth, n)| {
            let siblings: Vec<i64> = tree.children(n.parent_id).map(|s| s.id).collect();
            CategoryAdminRow {
                id: n.id,
                depth,
                name: n.name.clone(),
                slug: n.slug.clone(),
                description: n.description.clone(),
                parent_id: n.parent_id,
                articles: counts.get(&n.id).copied().unwrap_or(0),
                first: siblings.first() == Some(&n.id),
                last: siblings.last() == Some(&n.id),
            }
        })
        .collect())
}

/// Creates (`category_id` 0) or changes a category. An empty `slug` is made from the
/// name; `parent_id` empty puts it at the top level.
#[server]
pub async fn save_category(
    category_id: i64,
    name: String,
    slug: String,
    parent_id: String,
    description: String,
) -> Result<(), AppError> {
    use super::store::{self, CategoryFields};
    let ctx = crate::core::state::app_context()?;
    let me = manager().await?;
    let invalid = |m: &str| AppError::Invalid(m.into());
    let name = crate::core::text::nfc(&name.split_whitespace().collect::<Vec<_>>().join(" "));
    if name.is_empty() || name.chars().count() > 120 {
        return Err(invalid(tm().category_name_length));
    }
    let slug = match slug.trim() {
        "" => crate::core::text::slugify(&name),
        s => crate::core::text::slugify(s),
    };
    if slug.is_empty() || slug.len() > 120 {
        return Err(invalid(tm().slug_invalid));
    }
    let description = crate::core::text::nfc(description.trim());
    if description.chars().count() > 1_000 {
        return Err(invalid(tm().description_too_long));
    }
    let parent_id = match parent_id.trim() {
        "" => None,
        p => Some(p.parse::<i64>().map_err(|_| invalid(tm().parent_invalid))?),
    };
    let fields = CategoryFields {
        name: &name,
        slug: &slug,
        parent_id,
        description: &description,
    };
    let now = crate::core::time::now();
    let mut tx = crate::core::state::begin_write(&ctx.pool).await?;
    let action = if category_id == 0 {
        store::create(&mut tx, &fields, now)
            .await
            .map_err(AppError::from)?;
        "category.create"
    } else {
        store::update(&mut tx, category_id, &fields)
            .await
            .map_err(AppError::from)?;
        "category.update"
    };
    crate::features::audit::record(&mut tx, Some(me.id), action, &name, &slug, now).await?;
    tx.commit().await?;
    Ok(())
}

/// Moves a category one place `up` or `down` among its siblings.
#[server]
pub async fn move_category(category_id: i64, direction: String) -> Result<(), AppError> {
    use super::store;
    let ctx = crate::core::state::app_context()?;
    let me = manager().await?;
    let up = match direction.as_str() {
        "up" => true,
        "down" => false,
        _ => return Err(AppError::Invalid(tm().direction_invalid.into())),
    };
    let mut tx = crate::core::state::begin_write(&ctx.pool).await?;
    store::move_among_siblings(&mut tx, category_id, up)
        .await
        .map_err(AppError::from)?;
    let detail = if up {
        stored().audit_moved_up
    } else {
        stored().audit_moved_down
    };
    crate::features::audit::record(
        &mut tx,
        Some(me.id),
        "category.move",
        &category_id.to_string(),
        detail,
        crate::core::time::now(),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Deletes an empty category (409 when it still has subcategories or articles).
#[server]
pub async fn delete_category(category_id: i64) -> Result<(), AppError> {
    use super::store;
    let ctx = crate::core::state::app_context()?;
    let me = manager().await?;
    let mut tx = crate::core::state::begin_write(&ctx.pool).await?;
    let name = store::delete(&mut tx, category_id)
        .await
        .map_err(AppError::from)?;
    crate::features::audit::record(
        &mut tx,
        Some(me.id),
        "category.delete",
        &name,
        "",
        crate::core::time::now(),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
