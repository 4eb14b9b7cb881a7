//! Search's SQL: asking the index for the newest entries that match (FTS5 on SQLite,
//! a GIN-indexed `tsvector` on PostgreSQL, over the same terms), counting them, and
//! reading the entries a page shows. Writing the index is `index.rs`.

pub mod index;

use sqlx::{AnyPool, Row};

use super::rank::Atom;
use crate::core::state::is_postgres;
use crate::features::categories::CategoryRef;

/// The filters every question to the index carries.
#[derive(Debug, Clone, Default)]
pub struct Filters {
    /// `Kind::code()` of the one kind searched, if one.
    pub kind: Option<&'static str>,
    /// The categories searched (a category and its subcategories); empty: all.
    pub categories: Vec<i64>,
    /// Entries keyed from `lo` (included) to `hi` (excluded): the dates asked, never
    /// past now.
    pub lo: i64,
    pub hi: i64,
    pub now: i64,
}

/// The terms' condition as FTS5 writes it: `"txay" AND "tdung tdang" AND "tdu"*`.
fn fts5(atoms: &[Atom]) -> String {
    atoms
        .iter()
        .map(|a| match a {
            Atom::Term(t) => format!("\"{t}\""),
            Atom::Phrase(p) => format!("\"{}\"", p.join(" ")),
            Atom::Prefix(p) => format!("\"{p}\"*"),
        })
        .collect::<Vec<_>>()
        .join(" AND ")
}

/// The terms' condition as PostgreSQL's `to_tsquery` writes it:
/// `txay & (tdung <-> tdang) & tdu:*`.
fn tsquery(atoms: &[Atom]) -> String {
    atoms
        .iter()
        .map(|a| match a {
            Atom::Term(t) => t.clone(),
            Atom::Phrase(p) => format!("({})", p.join(" <-> ")),
            Atom::Prefix(p) => format!("{p}:*"),
        })
        .collect::<Vec<_>>()
        .join(" & ")
}

/// `SELECT e.id … ORDER BY newest LIMIT $n` for `atoms` and `f`: the one query both
/// the ranking and the counting use. Binds: $1 the condition, $2 lo, $3 hi, $4 now,
/// then the kind and the categories; the limit last.
fn matching(postgres: bool, f: &Filters) -> (String, usize) {
    let mut sql = if postgres {
        "SELECT e.id AS id FROM search_entries e WHERE e.terms @@ to_tsquery('simple', $1) \
         AND e.id >= $2 AND e.id < $3"
            .to_string()
    } else {
        "SELECT e.id AS id FROM search_fts JOIN search_entries e ON e.id = search_fts.rowid \
         WHERE search_fts MATCH $1 AND search_fts.rowid >= $2 AND search_fts.rowid < $3"
            .to_string()
    };
    sql.push_str(" AND (e.expire_at IS NULL OR e.expire_at > $4)");
    let mut n = 4;
    if f.kind.is_some() {
        n += 1;
        sql.push_str(&format!(" AND e.kind = ${n}"));
    }
    if !f.categories.is_empty() {
        let marks: Vec<String> = (0..f.categories.len())
            .map(|i| format!("${}", n + 1 + i))
            .collect();
        n += f.categories.len();
        sql.push_str(&format!(" AND e.category_id IN ({})", marks.join(", ")));
    }
    let order = if postgres { "e.id" } else { "search_fts.rowid" };
    sql.push_str(&format!(" ORDER BY {order} DESC LIMIT ${}", n + 1));
    (sql, n + 1)
}

fn bind_all<'q>(
    sql: &'q str,
    condition: String,
    f: &'q Filters,
    limit: usize,
) -> sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>> {
    let mut q = sqlx::query(sql)
        .bind(condition)
        .bind(f.lo)
        .bind(f.hi)
        .bind(f.now);
    if let Some(kind) = f.kind {
        q = q.bind(kind);
    }
    for c in &f.categories {
        q = q.bind(*c);
    }
    q.bind(limit as i64)
}

fn condition(postgres: bool, atoms: &[Atom]) -> String {
    if postgres {
        tsquery(atoms)
    } else {
        fts5(atoms)
    }
}

/// The newest `limit` entries that match `atoms` and `f`, newest first.
pub async fn newest(
    pool: &AnyPool,
    atoms: &[Atom],
    f: &Filters,
    limit: usize,
) -> Result<Vec<i64>, sqlx::Error> {
    let pg = is_postgres(pool);
    let (sql, _) = matching(pg, f);
    let rows = bind_all(&sql, condition(pg, atoms), f, limit)
        .fetch_all(pool)
        .await?;
    rows.iter().map(|r| r.try_get("id")).collect()
}

/// How many entries match, counted up to `cap`.
pub async fn count(
    pool: &AnyPool,
    atoms: &[Atom],
    f: &Filters,
    cap: usize,
) -> Result<usize, sqlx::Error> {
    let pg = is_postgres(pool);
    let (inner, _) = matching(pg, f);
    let sql = format!("SELECT COUNT(*) AS n FROM ({inner}) AS found");
    let n: i64 = bind_all(&sql, condition(pg, atoms), f, cap)
        .fetch_one(pool)
        .await?
        .try_get("n")?;
    Ok(n as usize)
}

/// An entry as a result shows it.
#[derive(Debug, Clone)]
pub struct Entry {
    pub id: i64,
    pub kind: String,
    pub path: String,
    pub title: String,
    pub lead: String,
    pub body: String,
    pub published_at: i64,
    pub members_only: bool,
    pub category: Option<CategoryRef>,
}

/// The entries `ids`, in that order.
pub async fn entries(pool: &AnyPool, ids: &[i64]) -> Result<Vec<Entry>, sqlx::Error> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let marks: Vec<String> = (1..=ids.len()).map(|i| format!("${i}")).collect();
    let sql = format!(
        "SELECT e.id, e.kind, e.path, e.title, e.lead, e.body, e.published_at, e.members_only, \
         c.id AS category_id, c.slug AS category_slug, c.name AS category_name \
         FROM search_entries e LEFT JOIN categories c ON c.id = e.category_id WHERE e.id IN ({})",
        marks.join(", ")
    );
    let mut q = sqlx::query(&sql);
    for id in ids {
        q = q.bind(*id);
    }
    let mut found = Vec::new();
    for r in q.fetch_all(pool).await? {
        let category = match r.try_get::<Option<i64>, _>("category_id")? {
            Some(id) => Some(CategoryRef {
                id,
                slug: r.try_get("category_slug")?,
                name: r.try_get("category_name")?,
            }),
            None => None,
        };
        found.push(Entry {
            id: r.try_get("id")?,
            kind: r.try_get("kind")?,
            path: r.try_get("path")?,
            title: r.try_get("title")?,
            lead: r.try_get("lead")?,
            body: r.try_get("body")?,
            published_at: r.try_get("published_at")?,
            members_only: r.try_get::<i64, _>("members_only")? != 0,
            category,
        });
    }
    found.sort_by_key(|e| ids.iter().position(|i| *i == e.id));
    Ok(found)
}

/// Titles and addresses of the newest `limit` entries matching `atoms`.
pub async fn titles(
    pool: &AnyPool,
    atoms: &[Atom],
    f: &Filters,
    limit: usize,
) -> Result<Vec<(String, String)>, sqlx::Error> {
    let ids = newest(pool, atoms, f, limit).await?;
    Ok(entries(pool, &ids)
        .await?
        .into_iter()
        .map(|e| (e.title, e.path))
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_engines_are_asked_the_same_terms() {
        let atoms = [
            Atom::Term("txay".into()),
            Atom::Phrase(vec!["tdung".into(), "tdang".into()]),
            Atom::Prefix("tdu".into()),
        ];
        assert_eq!(fts5(&atoms), r#""txay" AND "tdung tdang" AND "tdu"*"#);
        assert_eq!(tsquery(&atoms), "txay & (tdung <-> tdang) & tdu:*");
        let f = Filters {
            kind: Some("bai-viet"),
            categories: vec![3, 4],
            ..Default::default()
        };
        let (sql, last) = matching(false, &f);
        assert!(
            sql.ends_with(
                "e.kind = $5 AND e.category_id IN ($6, $7) ORDER BY search_fts.rowid DESC LIMIT $8"
            ),
            "{sql}"
        );
        assert_eq!(last, 8);
    }
}
