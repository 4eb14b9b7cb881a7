//! SQL of categories.

use crate::i18n::{fill, tm};
use sqlx::{AnyConnection, AnyPool, Row};

use super::model::{CategoryNode, CategoryTree};
use crate::core::text::{nfc, slugify};

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
                id: r.try_get("id")?,
                parent_id: r.try_get("parent_id")?,
                slug: r.try_get("slug")?,
                name: r.try_get("name")?,
                description: r.try_get("description")?,
                sort_order: r.try_get("sort_order")?,
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
        return row.try_get("id");
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
    row.try_get("id")
}

/// Finds a category by its name (folded, so "Xây dựng Đảng" matches "Xây Dựng Đảng"),
/// creating a top-level one at the end of the menu if none exists.
pub async fn ensure_by_name(
    conn: &mut AnyConnection,
    name: &str,
    now: i64,
) -> Result<i64, sqlx::Error> {
    let order: i64 =
        sqlx::query("SELECT COALESCE(MAX(sort_order), 0) + 1 AS next_order FROM categories")
            .fetch_one(&mut *conn)
            .await?
            .try_get("next_order")?;
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

/// Why a category change was refused.
#[derive(Debug, thiserror::Error)]
pub enum CategoryError {
    #[error("{}", tm().category_not_found)]
    NotFound,
    #[error("{0}")]
    Invalid(String),
    #[error("{0}")]
    Conflict(String),
    #[error(transparent)]
    Db(#[from] sqlx::Error),
}

/// How many articles (any status) each category holds directly.
pub async fn article_counts(
    pool: &AnyPool,
) -> Result<std::collections::HashMap<i64, i64>, sqlx::Error> {
    let rows = sqlx::query("SELECT category_id, COUNT(*) AS n FROM articles GROUP BY category_id")
        .fetch_all(pool)
        .await?;
    rows.iter()
        .map(|r| Ok((r.try_get("category_id")?, r.try_get("n")?)))
        .collect()
}

/// The parent of category `id` (None: no such category; Some(None): top level).
async fn parent_of(conn: &mut AnyConnection, id: i64) -> Result<Option<Option<i64>>, sqlx::Error> {
    sqlx::query("SELECT parent_id FROM categories WHERE id = $1")
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?
        .map(|r| r.try_get("parent_id"))
        .transpose()
}

/// The path of category `id` from its top-level category down to itself (ids), read
/// in the caller's transaction; empty for an unknown category.
pub async fn path_ids(conn: &mut AnyConnection, id: i64) -> Result<Vec<i64>, sqlx::Error> {
    let mut path = Vec::new();
    let mut cur = Some(id);
    while let Some(c) = cur {
        if path.contains(&c) || path.len() > 16 {
            break;
        }
        match parent_of(conn, c).await? {
            Some(parent) => {
                path.push(c);
                cur = parent;
            }
            None => break,
        }
    }
    path.reverse();
    Ok(path)
}

/// The editable fields of a category.
pub struct CategoryFields<'a> {
    pub name: &'a str,
    pub slug: &'a str,
    pub parent_id: Option<i64>,
    pub description: &'a str,
}

async fn check_fields(
    conn: &mut AnyConnection,
    id: i64,
    f: &CategoryFields<'_>,
) -> Result<(), CategoryError> {
    let taken = sqlx::query("SELECT id FROM categories WHERE slug = $1 AND id <> $2")
        .bind(f.slug)
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?;
    if taken.is_some() {
        return Err(CategoryError::Conflict(fill(
            tm().category_slug_taken,
            &[&f.slug],
        )));
    }
    if let Some(parent) = f.parent_id {
        // the parent must exist and must not lie below the category itself
        let mut cur = Some(parent);
        let mut steps = 0;
        while let Some(p) = cur {
            if p == id {
                return Err(CategoryError::Invalid(tm().category_inside_itself.into()));
            }
            cur = parent_of(conn, p)
                .await?
                .ok_or_else(|| CategoryError::Invalid(tm().category_parent_missing.into()))?;
            steps += 1;
            if steps > 16 {
                return Err(CategoryError::Invalid(tm().category_too_deep.into()));
            }
        }
    }
    Ok(())
}

/// The place after the last child of `parent` (the top level for None).
async fn next_order(conn: &mut AnyConnection, parent: Option<i64>) -> Result<i64, sqlx::Error> {
    sqlx::query(
        "SELECT COALESCE(MAX(sort_order), 0) + 1 AS next_order FROM categories WHERE parent_id IS NOT DISTINCT FROM $1",
    )
    .bind(parent)
    .fetch_one(&mut *conn)
    .await?
    .try_get("next_order")
}

/// Creates a category at the end of its parent's list.
pub async fn create(
    conn: &mut AnyConnection,
    f: &CategoryFields<'_>,
    now: i64,
) -> Result<i64, CategoryError> {
    check_fields(conn, 0, f).await?;
    let order = next_order(conn, f.parent_id).await?;
    let id = sqlx::query(
        "INSERT INTO categories (parent_id, slug, name, description, sort_order, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(f.parent_id)
    .bind(f.slug)
    .bind(f.name)
    .bind(f.description)
    .bind(order)
    .bind(now)
    .fetch_one(&mut *conn)
    .await?
    .try_get("id")?;
    Ok(id)
}

/// Changes a category; moving it under another parent puts it at the end there.
pub async fn update(
    conn: &mut AnyConnection,
    id: i64,
    f: &CategoryFields<'_>,
) -> Result<(), CategoryError> {
    let old_parent = parent_of(conn, id).await?.ok_or(CategoryError::NotFound)?;
    check_fields(conn, id, f).await?;
    if old_parent != f.parent_id {
        let order = next_order(conn, f.parent_id).await?;
        sqlx::query("UPDATE categories SET parent_id = $1, sort_order = $2 WHERE id = $3")
            .bind(f.parent_id)
            .bind(order)
            .bind(id)
            .execute(&mut *conn)
            .await?;
    }
    sqlx::query("UPDATE categories SET slug = $1, name = $2, description = $3 WHERE id = $4")
        .bind(f.slug)
        .bind(f.name)
        .bind(f.description)
        .bind(id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Moves a category one place up or down among its siblings (the siblings are
/// renumbered 1..n first, so equal orders cannot block a move).
pub async fn move_among_siblings(
    conn: &mut AnyConnection,
    id: i64,
    up: bool,
) -> Result<(), CategoryError> {
    let parent = parent_of(conn, id).await?.ok_or(CategoryError::NotFound)?;
    let mut siblings: Vec<i64> = sqlx::query(
        "SELECT id FROM categories WHERE parent_id IS NOT DISTINCT FROM $1 ORDER BY sort_order, id",
    )
    .bind(parent)
    .fetch_all(&mut *conn)
    .await?
    .iter()
    .map(|r| r.try_get("id"))
    .collect::<Result<_, _>>()?;
    let Some(pos) = siblings.iter().position(|s| *s == id) else {
        return Err(CategoryError::NotFound);
    };
    let other = if up {
        pos.checked_sub(1)
    } else {
        (pos + 1 < siblings.len()).then_some(pos + 1)
    };
    let Some(other) = other else {
        return Ok(()); // already first (or last)
    };
    siblings.swap(pos, other);
    for (i, sid) in siblings.iter().enumerate() {
        sqlx::query("UPDATE categories SET sort_order = $1 WHERE id = $2")
            .bind(i as i64 + 1)
            .bind(sid)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

/// Deletes an empty category (no subcategories, no articles). Returns its name.
pub async fn delete(conn: &mut AnyConnection, id: i64) -> Result<String, CategoryError> {
    let row = sqlx::query("SELECT name FROM categories WHERE id = $1")
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?
        .ok_or(CategoryError::NotFound)?;
    let name: String = row.try_get("name")?;
    let children: i64 = sqlx::query("SELECT COUNT(*) AS n FROM categories WHERE parent_id = $1")
        .bind(id)
        .fetch_one(&mut *conn)
        .await?
        .try_get("n")?;
    let articles: i64 = sqlx::query("SELECT COUNT(*) AS n FROM articles WHERE category_id = $1")
        .bind(id)
        .fetch_one(&mut *conn)
        .await?
        .try_get("n")?;
    if children > 0 || articles > 0 {
        return Err(CategoryError::Conflict(fill(
            tm().category_not_empty,
            &[&name, &children, &articles],
        )));
    }
    sqlx::query("DELETE FROM categories WHERE id = $1")
        .bind(id)
        .execute(&mut *conn)
        .await?;
    Ok(name)
}
