//! SQL of the documents library: the filtered list and its choices, a document with
//! its files, replacements, articles and neighbours, the documents an article is
//! about, and the admin's writes (a document, its files, its articles).

use sqlx::any::AnyRow;
use sqlx::{AnyConnection, AnyPool, Row};

use super::input::Checked;
use super::model::{DocKind, DocStatus, DocumentCard, DocumentFile, DocumentQuery, PER_PAGE};
use crate::core::paging::Paged;

const CARD_COLUMNS: &str =
    "d.id, d.slug, d.number, d.kind, d.issuer, d.issued_on, d.summary, d.status, d.members_only";

fn card_from(r: &AnyRow) -> Result<DocumentCard, sqlx::Error> {
    let kind: String = r.try_get("kind")?;
    let status: String = r.try_get("status")?;
    Ok(DocumentCard {
        id: r.try_get("id")?,
        slug: r.try_get("slug")?,
        number: r.try_get("number")?,
        kind: DocKind::parse(&kind).unwrap_or(DocKind::CongVan),
        issuer: r.try_get("issuer")?,
        issued_on: r.try_get("issued_on")?,
        summary: r.try_get("summary")?,
        status: DocStatus::parse(&status).unwrap_or(DocStatus::InForce),
        members_only: r.try_get::<i64, _>("members_only")? != 0,
    })
}

/// A value bound to a built query.
enum Value {
    Text(String),
    Int(i64),
}

/// The WHERE clause of the list's filters and its values, from $1.
fn filter_clause(q: &DocumentQuery) -> (String, Vec<Value>) {
    use super::number::{clean_number, number_key, parse_number};
    let mut sql = String::from(" WHERE 1 = 1");
    let mut values = Vec::new();
    let mut add = |cond: &str, vals: Vec<Value>, sql: &mut String| {
        let mut cond = cond.to_string();
        for (i, v) in vals.into_iter().enumerate() {
            values.push(v);
            cond = cond.replace(&format!("${{{i}}}"), &format!("${}", values.len()));
        }
        sql.push_str(" AND ");
        sql.push_str(&cond);
    };
    if let Some(kind) = DocKind::parse(&q.kind) {
        add(
            "d.kind = ${0}",
            vec![Value::Text(kind.code().into())],
            &mut sql,
        );
    }
    if !q.issuer.trim().is_empty() {
        add(
            "d.issuer = ${0}",
            vec![Value::Text(q.issuer.trim().into())],
            &mut sql,
        );
    }
    if let Some(year) = q.year {
        add(
            "d.issued_year = ${0}",
            vec![Value::Int(year.into())],
            &mut sql,
        );
    }
    let words = q.words.trim();
    if words.starts_with(|c: char| c.is_ascii_digit()) {
        // a number: its serial alone ("2466", "07") or its beginning ("2466-QĐ")
        let number = clean_number(words);
        let serial = parse_number(&number).map(|p| p.serial).unwrap_or_else(|| {
            match number.trim_start_matches('0') {
                "" => "0".into(),
                s => s.to_string(),
            }
        });
        let prefix = format!("{}%", escape_like(&number_key(&number)));
        add(
            "(d.serial = ${0} OR d.number_key LIKE ${1} ESCAPE '\\')",
            vec![Value::Text(serial), Value::Text(prefix)],
            &mut sql,
        );
    } else {
        let folded = crate::core::text::fold_vietnamese(words).to_lowercase();
        for word in folded.split_whitespace().take(8) {
            add(
                "d.search_text LIKE ${0} ESCAPE '\\'",
                vec![Value::Text(crate::core::text::like_contains(word))],
                &mut sql,
            );
        }
    }
    (sql, values)
}

fn escape_like(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_")
}

fn bind_all<'q>(
    mut query: sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>>,
    values: &'q [Value],
) -> sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>> {
    for v in values {
        query = match v {
            Value::Text(s) => query.bind(s.as_str()),
            Value::Int(n) => query.bind(*n),
        };
    }
    query
}

/// One page of the documents the query selects, by issue date.
pub async fn page(pool: &AnyPool, q: &DocumentQuery) -> Result<Paged<DocumentCard>, sqlx::Error> {
    let (clause, values) = filter_clause(q);
    let count_sql = format!("SELECT COUNT(*) AS n FROM documents d{clause}");
    let total: i64 = bind_all(sqlx::query(&count_sql), &values)
        .fetch_one(pool)
        .await?
        .try_get("n")?;
    let order = if q.oldest_first { "ASC" } else { "DESC" };
    let n = values.len();
    let sql = format!(
        "SELECT {CARD_COLUMNS} FROM documents d{clause} ORDER BY d.issued_on {order}, d.id {order} \
         LIMIT ${} OFFSET ${}",
        n + 1,
        n + 2
    );
    let offset = i64::from(q.page.max(1) - 1) * i64::from(PER_PAGE);
    let rows = bind_all(sqlx::query(&sql), &values)
        .bind(i64::from(PER_PAGE))
        .bind(offset)
        .fetch_all(pool)
        .await?;
    let items = rows.iter().map(card_from).collect::<Result<Vec<_>, _>>()?;
    Ok(Paged::sized(items, q.page.max(1), total, PER_PAGE))
}

/// The filters' choices: the types, issuing bodies and years the library holds.
pub async fn choices(pool: &AnyPool) -> Result<(Vec<DocKind>, Vec<String>, Vec<i32>), sqlx::Error> {
    let (kinds, issuers, years) = tokio::try_join!(
        sqlx::query_scalar::<_, String>("SELECT DISTINCT kind FROM documents").fetch_all(pool),
        sqlx::query_scalar::<_, String>("SELECT DISTINCT issuer FROM documents ORDER BY issuer")
            .fetch_all(pool),
        sqlx::query_scalar::<_, i64>(
            "SELECT DISTINCT issued_year FROM documents ORDER BY issued_year DESC"
        )
        .fetch_all(pool),
    )?;
    let kinds = DocKind::ALL
        .into_iter()
        .filter(|k| kinds.iter().any(|c| c == k.code()))
        .collect();
    Ok((
        kinds,
        issuers,
        years.into_iter().map(|y| y as i32).collect(),
    ))
}

/// A document's own fields beyond its card.
pub struct Found {
    pub card: DocumentCard,
    pub signer: String,
    pub effective_on: Option<String>,
    pub replaced_by: Option<i64>,
}

/// The document at `slug`.
pub async fn find(pool: &AnyPool, slug: &str) -> Result<Option<Found>, sqlx::Error> {
    let sql = format!(
        "SELECT {CARD_COLUMNS}, d.signer, d.effective_on, d.replaced_by FROM documents d WHERE d.slug = $1"
    );
    let Some(r) = sqlx::query(&sql).bind(slug).fetch_optional(pool).await? else {
        return Ok(None);
    };
    Ok(Some(Found {
        card: card_from(&r)?,
        signer: r.try_get("signer")?,
        effective_on: r.try_get("effective_on")?,
        replaced_by: r.try_get("replaced_by")?,
    }))
}

/// The cards of documents by id, newest first.
pub async fn cards(pool: &AnyPool, ids: &[i64]) -> Result<Vec<DocumentCard>, sqlx::Error> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let marks: Vec<String> = (1..=ids.len()).map(|i| format!("${i}")).collect();
    let sql = format!(
        "SELECT {CARD_COLUMNS} FROM documents d WHERE d.id IN ({}) ORDER BY d.issued_on DESC, d.id DESC",
        marks.join(", ")
    );
    let mut q = sqlx::query(&sql);
    for id in ids {
        q = q.bind(*id);
    }
    q.fetch_all(pool).await?.iter().map(card_from).collect()
}

/// A bulletin issue's documents, in their order.
pub async fn parts(pool: &AnyPool, id: i64) -> Result<Vec<DocumentCard>, sqlx::Error> {
    let sql = format!(
        "SELECT {CARD_COLUMNS} FROM document_parts p JOIN documents d ON d.id = p.part_id \
         WHERE p.document_id = $1 ORDER BY p.position"
    );
    let rows = sqlx::query(&sql).bind(id).fetch_all(pool).await?;
    rows.iter().map(card_from).collect()
}

/// The bulletin issues holding document `id`, newest first.
pub async fn issues_of(pool: &AnyPool, id: i64) -> Result<Vec<DocumentCard>, sqlx::Error> {
    let sql = format!(
        "SELECT {CARD_COLUMNS} FROM document_parts p JOIN documents d ON d.id = p.document_id \
         WHERE p.part_id = $1 ORDER BY d.issued_on DESC, d.id DESC"
    );
    let rows = sqlx::query(&sql).bind(id).fetch_all(pool).await?;
    rows.iter().map(card_from).collect()
}

/// The newest bulletin issue.
pub async fn latest_bulletin(pool: &AnyPool) -> Result<Option<DocumentCard>, sqlx::Error> {
    let sql = format!(
        "SELECT {CARD_COLUMNS} FROM documents d WHERE d.kind = $1 ORDER BY d.issued_on DESC, d.id DESC LIMIT 1"
    );
    let row = sqlx::query(&sql)
        .bind(DocKind::BanTin.code())
        .fetch_optional(pool)
        .await?;
    row.as_ref().map(card_from).transpose()
}

/// The numbers of a bulletin's documents, in order (for its form).
pub async fn part_numbers(pool: &AnyPool, id: i64) -> Result<Vec<String>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT d.number FROM document_parts p JOIN documents d ON d.id = p.part_id \
         WHERE p.document_id = $1 ORDER BY p.position",
    )
    .bind(id)
    .fetch_all(pool)
    .await
}

/// The documents `id` replaced.
pub async fn replaced(pool: &AnyPool, id: i64) -> Result<Vec<DocumentCard>, sqlx::Error> {
    let sql = format!(
        "SELECT {CARD_COLUMNS} FROM documents d WHERE d.replaced_by = $1 ORDER BY d.issued_on DESC"
    );
    let rows = sqlx::query(&sql).bind(id).fetch_all(pool).await?;
    rows.iter().map(card_from).collect()
}

/// Others of the same type from the same body, newest first.
pub async fn neighbours(
    pool: &AnyPool,
    card: &DocumentCard,
    limit: i64,
) -> Result<Vec<DocumentCard>, sqlx::Error> {
    let sql = format!(
        "SELECT {CARD_COLUMNS} FROM documents d WHERE d.id <> $1 AND (d.kind = $2 OR d.issuer = $3) \
         ORDER BY CASE WHEN d.kind = $2 AND d.issuer = $3 THEN 0 ELSE 1 END, d.issued_on DESC, d.id DESC LIMIT $4"
    );
    let rows = sqlx::query(&sql)
        .bind(card.id)
        .bind(card.kind.code())
        .bind(card.issuer.as_str())
        .bind(limit)
        .fetch_all(pool)
        .await?;
    rows.iter().map(card_from).collect()
}

/// A document's files, in their order.
pub async fn files(pool: &AnyPool, id: i64) -> Result<Vec<DocumentFile>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT m.id, m.file_name, m.original_name, m.mime, m.size_bytes FROM document_files f \
         JOIN media m ON m.id = f.media_id WHERE f.document_id = $1 ORDER BY f.position",
    )
    .bind(id)
    .fetch_all(pool)
    .await?;
    rows.iter().map(file_from).collect()
}

fn file_from(r: &AnyRow) -> Result<DocumentFile, sqlx::Error> {
    let file: String = r.try_get("file_name")?;
    let name: String = r.try_get("original_name")?;
    Ok(DocumentFile {
        media_id: r.try_get("id")?,
        name: if name.is_empty() { file.clone() } else { name },
        src: format!("/media/{file}"),
        mime: r.try_get("mime")?,
        size_bytes: r.try_get("size_bytes")?,
    })
}

/// File `media_id` of the document at `slug`: its stored name, type, name as
/// uploaded, and whether the document is for members only.
pub async fn attached_file(
    pool: &AnyPool,
    slug: &str,
    media_id: i64,
) -> Result<Option<super::model::AttachedFile>, sqlx::Error> {
    let row = sqlx::query(
        "SELECT m.file_name, m.mime, m.original_name, d.members_only FROM documents d \
         JOIN document_files f ON f.document_id = d.id JOIN media m ON m.id = f.media_id \
         WHERE d.slug = $1 AND f.media_id = $2",
    )
    .bind(slug)
    .bind(media_id)
    .fetch_optional(pool)
    .await?;
    row.map(|r| {
        Ok(super::model::AttachedFile {
            file_name: r.try_get("file_name")?,
            mime: r.try_get("mime")?,
            name: r.try_get("original_name")?,
            members_only: r.try_get::<i64, _>("members_only")? != 0,
        })
    })
    .transpose()
}

/// The document files of the media library (newest first): what the form attaches.
pub async fn library_files(pool: &AnyPool, limit: i64) -> Result<Vec<DocumentFile>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT m.id, m.file_name, m.original_name, m.mime, m.size_bytes FROM media m \
         WHERE m.kind <> 'picture' ORDER BY m.created_at DESC, m.id DESC LIMIT $1",
    )
    .bind(limit)
    .fetch_all(pool)
    .await?;
    rows.iter().map(file_from).collect()
}

/// The ids of the articles about document `id`.
pub async fn article_ids(pool: &AnyPool, id: i64) -> Result<Vec<i64>, sqlx::Error> {
    sqlx::query_scalar("SELECT article_id FROM document_articles WHERE document_id = $1")
        .bind(id)
        .fetch_all(pool)
        .await
}

/// The slugs of the articles about document `id` (for its form).
pub async fn article_slugs(pool: &AnyPool, id: i64) -> Result<Vec<String>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT a.slug FROM document_articles l JOIN articles a ON a.id = l.article_id \
         WHERE l.document_id = $1 ORDER BY a.slug",
    )
    .bind(id)
    .fetch_all(pool)
    .await
}

/// The documents an article is about, newest first.
pub async fn for_article(
    pool: &AnyPool,
    article_id: i64,
) -> Result<Vec<DocumentCard>, sqlx::Error> {
    let sql = format!(
        "SELECT {CARD_COLUMNS} FROM document_articles l JOIN documents d ON d.id = l.document_id \
         WHERE l.article_id = $1 ORDER BY d.issued_on DESC, d.id DESC"
    );
    let rows = sqlx::query(&sql).bind(article_id).fetch_all(pool).await?;
    rows.iter().map(card_from).collect()
}

/// The form's view of a stored document: its fields, the replacing document's number.
pub async fn form_row(pool: &AnyPool, id: i64) -> Result<Option<(AnyRow, String)>, sqlx::Error> {
    let row = sqlx::query(
        "SELECT d.*, COALESCE(r.number, '') AS replaced_number FROM documents d \
         LEFT JOIN documents r ON r.id = d.replaced_by WHERE d.id = $1",
    )
    .bind(id)
    .fetch_optional(pool)
    .await?;
    Ok(row.map(|r| {
        let n = r.try_get("replaced_number").unwrap_or_default();
        (r, n)
    }))
}

/// The newest document with this number key, other than `except`.
pub async fn id_by_number(
    conn: &mut AnyConnection,
    key: &str,
    except: i64,
) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT id FROM documents WHERE number_key = $1 AND id <> $2 ORDER BY issued_on DESC LIMIT 1",
    )
    .bind(key)
    .bind(except)
    .fetch_optional(conn)
    .await
}

/// Whether document `id` exists.
pub async fn exists(conn: &mut AnyConnection, id: i64) -> Result<bool, sqlx::Error> {
    let found: Option<i64> = sqlx::query_scalar("SELECT id FROM documents WHERE id = $1")
        .bind(id)
        .fetch_optional(conn)
        .await?;
    Ok(found.is_some())
}

/// Whether another document has this number in this year.
pub async fn duplicate(
    conn: &mut AnyConnection,
    key: &str,
    year: i32,
    except: i64,
) -> Result<bool, sqlx::Error> {
    let n: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM documents WHERE number_key = $1 AND issued_year = $2 AND id <> $3",
    )
    .bind(key)
    .bind(i64::from(year))
    .bind(except)
    .fetch_one(conn)
    .await?;
    Ok(n > 0)
}

/// Of `ids`, those that are documents (not pictures) of the media library.
pub async fn document_media(
    conn: &mut AnyConnection,
    ids: &[i64],
) -> Result<Vec<i64>, sqlx::Error> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let marks: Vec<String> = (1..=ids.len()).map(|i| format!("${i}")).collect();
    let sql = format!(
        "SELECT id FROM media WHERE kind <> 'picture' AND id IN ({})",
        marks.join(", ")
    );
    let mut q = sqlx::query_scalar(&sql);
    for id in ids {
        q = q.bind(*id);
    }
    q.fetch_all(conn).await
}

/// What a document points at, looked up from what its form names.
pub struct Links<'a> {
    pub replaced_by: Option<i64>,
    pub articles: &'a [i64],
    pub parts: &'a [i64],
}

/// Writes a document (`id` 0: a new one, its slug made unique), then its files and
/// articles as given; returns its id and slug.
pub async fn save(
    conn: &mut AnyConnection,
    id: i64,
    d: &Checked,
    links: &Links<'_>,
    actor: Option<i64>,
    now: i64,
) -> Result<(i64, String), sqlx::Error> {
    let (id, slug) = if id == 0 {
        let slug = free_slug(conn, &format!("{}-{}", d.number, d.year)).await?;
        let insert = sqlx::query_scalar(
            "INSERT INTO documents (slug, number, number_key, serial, issuer_code, kind, issuer, signer, \
             issued_on, issued_year, effective_on, summary, status, replaced_by, members_only, search_text, \
             created_by, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, \
             $13, $14, $15, $16, $17, $18, $18) RETURNING id",
        )
        .bind(slug.as_str());
        let id: i64 = bind_fields(insert, d, links)
            .bind(actor)
            .bind(now)
            .fetch_one(&mut *conn)
            .await?;
        (id, slug)
    } else {
        let update = sqlx::query_scalar(
            "UPDATE documents SET number = $2, number_key = $3, serial = $4, issuer_code = $5, kind = $6, \
             issuer = $7, signer = $8, issued_on = $9, issued_year = $10, effective_on = $11, summary = $12, \
             status = $13, replaced_by = $14, members_only = $15, search_text = $16, updated_at = $17 \
             WHERE id = $1 RETURNING slug",
        )
        .bind(id);
        let slug: String = bind_fields(update, d, links)
            .bind(now)
            .fetch_one(&mut *conn)
            .await?;
        (id, slug)
    };
    for table in ["document_files", "document_articles", "document_parts"] {
        sqlx::query(&format!("DELETE FROM {table} WHERE document_id = $1"))
            .bind(id)
            .execute(&mut *conn)
            .await?;
    }
    for (position, part) in links.parts.iter().enumerate() {
        sqlx::query(
            "INSERT INTO document_parts (document_id, part_id, position) VALUES ($1, $2, $3)",
        )
        .bind(id)
        .bind(*part)
        .bind(position as i64)
        .execute(&mut *conn)
        .await?;
    }
    for (position, media) in d.files.iter().enumerate() {
        sqlx::query(
            "INSERT INTO document_files (document_id, media_id, position) VALUES ($1, $2, $3)",
        )
        .bind(id)
        .bind(*media)
        .bind(position as i64)
        .execute(&mut *conn)
        .await?;
    }
    for article in links.articles {
        sqlx::query("INSERT INTO document_articles (document_id, article_id) VALUES ($1, $2)")
            .bind(id)
            .bind(*article)
            .execute(&mut *conn)
            .await?;
    }
    super::search_entry::index(conn, id).await?;
    Ok((id, slug))
}

type Scalar<'q, T> = sqlx::query::QueryScalar<'q, sqlx::Any, T, sqlx::any::AnyArguments<'q>>;

/// A document's fields bound as $2…$16 (after the slug of an insert or the id of an
/// update), in the order both statements name them.
fn bind_fields<'q, T>(q: Scalar<'q, T>, d: &'q Checked, links: &Links<'_>) -> Scalar<'q, T> {
    q.bind(d.number.as_str())
        .bind(d.number_key.as_str())
        .bind(d.serial.as_str())
        .bind(d.issuer_code.as_str())
        .bind(d.kind.code())
        .bind(d.issuer.as_str())
        .bind(d.signer.as_str())
        .bind(d.issued_on.as_str())
        .bind(i64::from(d.year))
        .bind(d.effective_on.as_deref())
        .bind(d.summary.as_str())
        .bind(d.status.code())
        .bind(links.replaced_by)
        .bind(i64::from(d.members_only))
        .bind(d.search_text.as_str())
}

/// `base` made a slug no document has yet ("2466-qd-tu-2021", then "…-2").
async fn free_slug(conn: &mut AnyConnection, base: &str) -> Result<String, sqlx::Error> {
    let base = crate::core::text::slugify(base);
    let mut slug = base.clone();
    for n in 2.. {
        let taken: Option<i64> = sqlx::query_scalar("SELECT id FROM documents WHERE slug = $1")
            .bind(slug.as_str())
            .fetch_optional(&mut *conn)
            .await?;
        if taken.is_none() {
            break;
        }
        slug = format!("{base}-{n}");
    }
    Ok(slug)
}

/// Deletes a document (its file and article links go with it; documents it replaced
/// stay, no longer pointing at it); its number, or `None` when there was none.
pub async fn delete(conn: &mut AnyConnection, id: i64) -> Result<Option<String>, sqlx::Error> {
    let number: Option<String> = sqlx::query_scalar("SELECT number FROM documents WHERE id = $1")
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?;
    if number.is_some() {
        sqlx::query("UPDATE documents SET replaced_by = NULL WHERE replaced_by = $1")
            .bind(id)
            .execute(&mut *conn)
            .await?;
        for table in ["document_files", "document_articles", "document_parts"] {
            sqlx::query(&format!("DELETE FROM {table} WHERE document_id = $1"))
                .bind(id)
                .execute(&mut *conn)
                .await?;
        }
        sqlx::query("DELETE FROM document_parts WHERE part_id = $1")
            .bind(id)
            .execute(&mut *conn)
            .await?;
        sqlx::query("DELETE FROM documents WHERE id = $1")
            .bind(id)
            .execute(&mut *conn)
            .await?;
        crate::features::search::remove(conn, crate::features::search::Kind::Document.code(), id)
            .await?;
    }
    Ok(number)
}
