//! SQL of categories.

use sqlx::{AnyConnection, AnyPool, Row};

use super::model::{CategoryNode, CategoryTree};
use crate::text::{nfc, slugify};

/// Loads the whole category tree (a small table: one query).
pub async fn load_tree(pool: &AnyPool) -> Result<CategoryTree, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT id, parent_id, slug, name, description, sort_order FROM categories ORDER BY sort_order, id",
    )
    .fetch_all(pool)
    .await?;
    let nodes = rows
        .iter()
        .map(|r| {
            Ok(CategoryNode {
                id: r.try_get(0)?,
                parent_id: r.try_get(1)?,
                slug: r.try_get(2)?,
                name: r.try_get(3)?,
                description: r.try_get(4)?,
                sort_order: r.try_get(5)?,
            })
        })
        .collect::<Result<Vec<_>, sqlx::Error>>()?;
    Ok(CategoryTree::new(nodes))
}

/// A new category.
pub struct NewCategory<'a> {
    pub name: &'a str,
    pub slug: Option<&'a str>,
    pub parent_id: Option<i64>,
    pub description: &'a str,
    pub sort_order: i64,
}

/// Returns the id of the category with this slug, creating it if missing.
pub async fn ensure(
    conn: &mut AnyConnection,
    new: NewCategory<'_>,
    now: i64,
) -> Result<i64, sqlx::Error> {
    let name = nfc(new.name);
    let slug = new
        .slug
        .map(str::to_string)
        .unwrap_or_else(|| slugify(&name));
    if let Some(row) = sqlx::query("SELECT id FROM categories WHERE slug = $1")
        .bind(&slug)
        .fetch_optional(&mut *conn)
        .await?
    {
        return row.try_get(0);
    }
    let row = sqlx::query(
        "INSERT INTO categories (parent_id, slug, name, description, sort_order, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(new.parent_id)
    .bind(&slug)
    .bind(&name)
    .bind(nfc(new.description))
    .bind(new.sort_order)
    .bind(now)
    .fetch_one(&mut *conn)
    .await?;
    row.try_get(0)
}

/// Finds a category by its name (folded, so "Xây dựng Đảng" matches "Xây Dựng Đảng"),
/// creating a top-level one at the end of the menu if none exists.
pub async fn ensure_by_name(
    conn: &mut AnyConnection,
    name: &str,
    now: i64,
) -> Result<i64, sqlx::Error> {
    let order: i64 = sqlx::query("SELECT COALESCE(MAX(sort_order), 0) + 1 FROM categories")
        .fetch_one(&mut *conn)
        .await?
        .try_get(0)?;
    ensure(
        conn,
        NewCategory {
            name,
            slug: None,
            parent_id: None,
            description: "",
            sort_order: order,
        },
        now,
    )
    .await
}
