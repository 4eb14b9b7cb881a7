//! Writing the search index, in the caller's transaction: an entry put (replacing the
//! one before) or removed, an article brought in step with its row, and the claim
//! that lets one server rebuild the whole index when its version is older.

use sqlx::{AnyConnection, Row};

use super::super::terms::index_terms;

/// The index's version: raised when the terms change, so servers rebuild it once.
pub const VERSION: &str = "1";

/// An entry as its owner describes it.
#[derive(Debug, Clone)]
pub struct NewEntry {
    /// `Kind::code()`.
    pub kind: &'static str,
    pub ref_id: i64,
    pub category_id: Option<i64>,
    pub published_at: i64,
    pub expire_at: Option<i64>,
    /// Members-only entries are found and shown by their title alone.
    pub members_only: bool,
    pub path: String,
    pub title: String,
    pub lead: String,
    pub body: String,
}

/// How an owner's rows become entries: its kind, the columns it reads (`… FROM
/// table`, with an `id`), and a row's entry (`None` while it is not public).
pub struct Source {
    pub kind: &'static str,
    pub select: &'static str,
    pub entry: fn(&sqlx::any::AnyRow) -> Result<Option<NewEntry>, sqlx::Error>,
}

fn postgres(conn: &AnyConnection) -> bool {
    conn.backend_name() == "PostgreSQL"
}

/// The small number under the time in an entry's key: its kind and the low bits of
/// its id (another is taken when two of the same second meet).
fn low_bits(kind: &str, ref_id: i64) -> i64 {
    let k = match kind {
        "bai-viet" => 0,
        "van-ban" => 1,
        _ => 2,
    };
    (k << 18) | (ref_id & 0x3_FFFF)
}

/// Puts `e` in the index, in place of its entry before.
pub async fn put(conn: &mut AnyConnection, e: &NewEntry) -> Result<(), sqlx::Error> {
    remove(conn, e.kind, e.ref_id).await?;
    let (lead, body) = if e.members_only {
        ("", "")
    } else {
        (e.lead.as_str(), e.body.as_str())
    };
    let terms = index_terms(&e.title, lead, body);
    let pg = postgres(conn);
    let base = e.published_at.max(0) << 20;
    let mut low = low_bits(e.kind, e.ref_id);
    let sql = if pg {
        "INSERT INTO search_entries (id, kind, ref_id, category_id, published_at, expire_at, \
         members_only, path, title, lead, body, terms) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, to_tsvector('simple', $12)) \
         ON CONFLICT (id) DO NOTHING"
    } else {
        "INSERT INTO search_entries (id, kind, ref_id, category_id, published_at, expire_at, \
         members_only, path, title, lead, body) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT (id) DO NOTHING"
    };
    let id = loop {
        let id = base | low;
        let mut q = sqlx::query(sql)
            .bind(id)
            .bind(e.kind)
            .bind(e.ref_id)
            .bind(e.category_id)
            .bind(e.published_at)
            .bind(e.expire_at)
            .bind(i64::from(e.members_only))
            .bind(&e.path)
            .bind(&e.title)
            .bind(lead)
            .bind(body);
        if pg {
            q = q.bind(&terms);
        }
        if q.execute(&mut *conn).await?.rows_affected() == 1 {
            break id;
        }
        low = (low + 1) & 0xF_FFFF;
    };
    if !pg {
        sqlx::query("INSERT INTO search_fts (rowid, terms) VALUES ($1, $2)")
            .bind(id)
            .bind(&terms)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

/// Takes the entry of `kind` `ref_id` out of the index, if it is there.
pub async fn remove(conn: &mut AnyConnection, kind: &str, ref_id: i64) -> Result<(), sqlx::Error> {
    let id: Option<i64> =
        sqlx::query_scalar("SELECT id FROM search_entries WHERE kind = $1 AND ref_id = $2")
            .bind(kind)
            .bind(ref_id)
            .fetch_optional(&mut *conn)
            .await?;
    let Some(id) = id else { return Ok(()) };
    if !postgres(conn) {
        sqlx::query("DELETE FROM search_fts WHERE rowid = $1")
            .bind(id)
            .execute(&mut *conn)
            .await?;
    }
    sqlx::query("DELETE FROM search_entries WHERE id = $1")
        .bind(id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// The row `id` of `source` put in the index, or taken out when it is not public (or
/// gone).
pub async fn sync(conn: &mut AnyConnection, source: &Source, id: i64) -> Result<(), sqlx::Error> {
    let row = sqlx::query(&format!("SELECT {} WHERE id = $1", source.select))
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?;
    match row.map(|r| (source.entry)(&r)).transpose()?.flatten() {
        Some(e) => put(conn, &e).await,
        None => remove(conn, source.kind, id).await,
    }
}

/// Puts every row of `source` that `filter` keeps (a condition on its columns) in the
/// index, 500 at a time; returns how many.
pub async fn put_all(
    conn: &mut AnyConnection,
    source: &Source,
    filter: &str,
) -> Result<usize, sqlx::Error> {
    let mut after = 0i64;
    let mut n = 0;
    loop {
        let rows = sqlx::query(&format!(
            "SELECT {} WHERE {filter} AND id > $1 ORDER BY id LIMIT 500",
            source.select
        ))
        .bind(after)
        .fetch_all(&mut *conn)
        .await?;
        let Some(last) = rows.last() else {
            return Ok(n);
        };
        after = last.try_get("id")?;
        for r in &rows {
            if let Some(e) = (source.entry)(r)? {
                put(conn, &e).await?;
                n += 1;
            }
        }
    }
}

/// Articles: in the index while published (their expiry is checked when searching).
const ARTICLES: Source = Source {
    kind: "bai-viet",
    select: "id, slug, title, sapo, body_text, category_id, status, publish_at, expire_at, \
             members_only FROM articles",
    entry: article_entry,
};

fn article_entry(r: &sqlx::any::AnyRow) -> Result<Option<NewEntry>, sqlx::Error> {
    let status: String = r.try_get("status")?;
    let publish_at: Option<i64> = r.try_get("publish_at")?;
    let Some(published_at) = publish_at.filter(|_| status == "published") else {
        return Ok(None);
    };
    let slug: String = r.try_get("slug")?;
    Ok(Some(NewEntry {
        kind: ARTICLES.kind,
        ref_id: r.try_get("id")?,
        category_id: r.try_get("category_id")?,
        published_at,
        expire_at: r.try_get("expire_at")?,
        members_only: r.try_get::<i64, _>("members_only")? != 0,
        path: crate::core::links::article_href(&slug),
        title: r.try_get("title")?,
        lead: r.try_get("sapo")?,
        body: r.try_get("body_text")?,
    }))
}

/// Brings article `id`'s entry in step with its row.
pub async fn sync_article(conn: &mut AnyConnection, id: i64) -> Result<(), sqlx::Error> {
    sync(conn, &ARTICLES, id).await
}

/// Puts every published article in the index; returns how many.
pub async fn put_all_articles(conn: &mut AnyConnection) -> Result<usize, sqlx::Error> {
    put_all(conn, &ARTICLES, "status = 'published'").await
}

/// When the index is older than `VERSION`, empties it, marks it current and returns
/// true: the caller (whose transaction this is) then puts every entry back. Of several
/// servers starting at once, one gets true.
pub async fn claim_rebuild(conn: &mut AnyConnection) -> Result<bool, sqlx::Error> {
    let claimed =
        sqlx::query("UPDATE settings SET value = $1 WHERE key = 'search_version' AND value <> $1")
            .bind(VERSION)
            .execute(&mut *conn)
            .await?
            .rows_affected()
            == 1;
    if claimed {
        if !postgres(conn) {
            sqlx::query("INSERT INTO search_fts (search_fts) VALUES ('delete-all')")
                .execute(&mut *conn)
                .await?;
        }
        sqlx::query("DELETE FROM search_entries")
            .execute(&mut *conn)
            .await?;
    }
    Ok(claimed)
}
