//! SQL of articles: public lists (one query per list, paginated, indexed), the article
//! page, related articles, and saving imported articles.

use sqlx::any::AnyRow;
use sqlx::{AnyPool, Row};

use super::model::RatingSummary;
use super::model::{ArticleCard, ArticleDetail, MostItem, Thumb};
use crate::content::Doc;
use crate::core::paging::{PER_PAGE, Paged};
use crate::core::time;
use crate::features::categories::CategoryRef;

/// What makes an article public at `$1` (now): published, due, not expired.
const PUBLIC: &str =
    "a.status = 'published' AND a.publish_at <= $1 AND (a.expire_at IS NULL OR a.expire_at > $1)";

/// Columns of an `ArticleCard`, by the names `card_from_row` reads; a query's own
/// columns must not reuse these names.
const CARD_COLUMNS: &str = "a.id AS id, a.slug AS slug, a.title AS title, a.sapo AS sapo, \
     a.publish_at AS publish_at, c.id AS category_id, c.slug AS category_slug, \
     c.name AS category_name, m.file_name AS file_name, m.width AS width, m.height AS height, \
     a.comment_count AS comment_count, a.members_only AS members_only, \
     (SELECT v.file_name FROM media_variants v WHERE v.media_id = m.id AND v.width = 320 \
      AND (v.mime <> 'image/webp' OR m.mime = 'image/webp')) AS copy_320, \
     (SELECT v.file_name FROM media_variants v WHERE v.media_id = m.id AND v.width = 640 \
      AND (v.mime <> 'image/webp' OR m.mime = 'image/webp')) AS copy_640";
const CARD_JOINS: &str = "FROM articles a JOIN categories c ON c.id = a.category_id LEFT JOIN media m ON m.id = a.cover_media_id";

/// The picture of an article row (its cover's `file_name`, `width`, `height`), if any.
fn thumb_from_row(r: &AnyRow, title: &str) -> Result<Option<Thumb>, sqlx::Error> {
    let file: Option<String> = r.try_get("file_name")?;
    file.map(|file| {
        let width = r.try_get::<i64, _>("width")? as u32;
        // a card's copies (queries other than the cards' have none)
        let copies: Vec<String> = [("copy_320", 320), ("copy_640", 640)]
            .into_iter()
            .filter_map(|(column, w)| {
                let copy = r.try_get::<Option<String>, _>(column).ok().flatten()?;
                Some(format!("/media/{copy} {w}w"))
            })
            .collect();
        let srcset =
            (!copies.is_empty()).then(|| format!("{}, /media/{file} {width}w", copies.join(", ")));
        Ok(Thumb {
            src: format!("/media/{file}"),
            srcset,
            width,
            height: r.try_get::<i64, _>("height")? as u32,
            alt: title.to_string(),
        })
    })
    .transpose()
}

fn card_from_row(r: &AnyRow) -> Result<ArticleCard, sqlx::Error> {
    let publish_at: i64 = r.try_get::<Option<i64>, _>("publish_at")?.unwrap_or(0);
    let title: String = r.try_get("title")?;
    // a members-only article is listed by its title alone
    let members_only = r.try_get::<i64, _>("members_only")? != 0;
    let thumb = if members_only {
        None
    } else {
        thumb_from_row(r, &title)?
    };
    Ok(ArticleCard {
        id: r.try_get("id")?,
        slug: r.try_get("slug")?,
        title,
        sapo: if members_only {
            String::new()
        } else {
            r.try_get("sapo")?
        },
        date: time::short_date(publish_at),
        iso: time::iso(publish_at),
        category: CategoryRef {
            id: r.try_get("category_id")?,
            slug: r.try_get("category_slug")?,
            name: r.try_get("category_name")?,
        },
        thumb,
        comment_count: r.try_get("comment_count")?,
        members_only,
    })
}

/// Which public articles a list shows.
#[derive(Debug, Clone)]
pub enum ListFilter {
    All,
    Featured,
    Categories(Vec<i64>),
    Tag(i64),
    Topic(i64),
    /// These articles (those a document is about).
    Ids(Vec<i64>),
}

impl ListFilter {
    /// The WHERE clause after PUBLIC; parameters start at $2.
    fn clause(&self) -> String {
        match self {
            ListFilter::All => String::new(),
            ListFilter::Featured => " AND a.featured = 1".into(),
            ListFilter::Categories(ids) => {
                let marks: Vec<String> = (0..ids.len()).map(|i| format!("${}", i + 2)).collect();
                format!(" AND a.category_id IN ({})", marks.join(", "))
            }
            ListFilter::Tag(_) => {
                " AND a.id IN (SELECT article_id FROM article_tags WHERE tag_id = $2)".into()
            }
            ListFilter::Topic(_) => {
                " AND a.id IN (SELECT article_id FROM article_topics WHERE topic_id = $2)".into()
            }
            ListFilter::Ids(ids) if ids.is_empty() => " AND 1 = 0".into(),
            ListFilter::Ids(ids) => {
                let marks: Vec<String> = (0..ids.len()).map(|i| format!("${}", i + 2)).collect();
                format!(" AND a.id IN ({})", marks.join(", "))
            }
        }
    }

    fn params(&self) -> Vec<i64> {
        match self {
            ListFilter::All | ListFilter::Featured => vec![],
            ListFilter::Categories(ids) | ListFilter::Ids(ids) => ids.clone(),
            ListFilter::Tag(id) | ListFilter::Topic(id) => vec![*id],
        }
    }
}

/// The newest public articles matching `filter`, at most `limit`.
pub async fn newest(
    pool: &AnyPool,
    now: i64,
    filter: &ListFilter,
    limit: i64,
) -> Result<Vec<ArticleCard>, sqlx::Error> {
    let params = filter.params();
    let sql = format!(
        "SELECT {CARD_COLUMNS} {CARD_JOINS} WHERE {PUBLIC}{} ORDER BY a.publish_at DESC, a.id DESC LIMIT ${}",
        filter.clause(),
        params.len() + 2
    );
    let mut q = sqlx::query(&sql).bind(now);
    for p in &params {
        q = q.bind(*p);
    }
    let rows = q.bind(limit).fetch_all(pool).await?;
    rows.iter().map(card_from_row).collect()
}

/// One page of public articles matching `filter`, newest first.
pub async fn page(
    pool: &AnyPool,
    now: i64,
    filter: &ListFilter,
    page: u32,
) -> Result<Paged<ArticleCard>, sqlx::Error> {
    let params = filter.params();
    let count_sql = format!(
        "SELECT COUNT(*) AS n FROM articles a WHERE {PUBLIC}{}",
        filter.clause()
    );
    let mut count_q = sqlx::query(&count_sql).bind(now);
    for p in &params {
        count_q = count_q.bind(*p);
    }
    let total: i64 = count_q.fetch_one(pool).await?.try_get("n")?;

    let n = params.len();
    // a deferred join: the page's ids come from the list's covering index alone (the
    // rows skipped on page 2,000 are index entries, not joined rows), then only the
    // page's twelve rows are joined
    let sql = format!(
        "SELECT {CARD_COLUMNS} {CARD_JOINS} WHERE a.id IN (SELECT a.id FROM articles a WHERE {PUBLIC}{} \
         ORDER BY a.publish_at DESC, a.id DESC LIMIT ${} OFFSET ${}) ORDER BY a.publish_at DESC, a.id DESC",
        filter.clause(),
        n + 2,
        n + 3
    );
    let mut q = sqlx::query(&sql).bind(now);
    for p in &params {
        q = q.bind(*p);
    }
    let offset = (page.saturating_sub(1) as i64) * PER_PAGE as i64;
    let rows = q.bind(PER_PAGE as i64).bind(offset).fetch_all(pool).await?;
    let items = rows
        .iter()
        .map(card_from_row)
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Paged::new(items, page, total))
}

/// The newest `per_root` public articles of every top-level category (and the
/// categories below it): the category list, then one query. Returns (top-level
/// category id, articles).
pub async fn newest_per_root_category(
    pool: &AnyPool,
    now: i64,
    per_root: i64,
) -> Result<Vec<(i64, Vec<ArticleCard>)>, sqlx::Error> {
    // each category's newest come from its own index (a branch per category), so the
    // ranking below sees a few dozen rows, however many articles there are
    let categories: Vec<i64> = sqlx::query_scalar("SELECT id FROM categories ORDER BY id")
        .fetch_all(pool)
        .await?;
    if categories.is_empty() {
        return Ok(Vec::new());
    }
    let picked: Vec<String> = (0..categories.len())
        .map(|i| {
            format!(
                "SELECT id FROM (SELECT a.id FROM articles a WHERE a.category_id = ${} AND {PUBLIC} \
                 ORDER BY a.publish_at DESC, a.id DESC LIMIT $2) c{i}",
                i + 3
            )
        })
        .collect();
    let sql = format!(
        "WITH RECURSIVE roots(id, root) AS ( \
             SELECT id, id FROM categories WHERE parent_id IS NULL \
             UNION ALL SELECT k.id, r.root FROM categories k JOIN roots r ON k.parent_id = r.id), \
         picked(id) AS ({}) \
         SELECT * FROM ( \
             SELECT {CARD_COLUMNS}, roots.root AS root, ROW_NUMBER() OVER ( \
                 PARTITION BY roots.root ORDER BY a.publish_at DESC, a.id DESC) AS rn \
             {CARD_JOINS} JOIN roots ON roots.id = a.category_id WHERE a.id IN (SELECT id FROM picked)) ranked \
         WHERE rn <= $2 ORDER BY root, rn",
        picked.join(" UNION ALL ")
    );
    let mut q = sqlx::query(&sql).bind(now).bind(per_root);
    for id in &categories {
        q = q.bind(*id);
    }
    let rows = q.fetch_all(pool).await?;
    let mut out: Vec<(i64, Vec<ArticleCard>)> = Vec::new();
    for r in &rows {
        let root: i64 = r.try_get("root")?;
        let card = card_from_row(r)?;
        match out.last_mut() {
            Some((id, cards)) if *id == root => cards.push(card),
            _ => out.push((root, vec![card])),
        }
    }
    Ok(out)
}

/// What a "most" block ranks by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ranking {
    Views,
    Comments,
}

/// The public articles with the most views or approved comments (ties: newest
/// first), at most `limit`; articles nobody read or commented on are left out.
pub async fn most(
    pool: &AnyPool,
    now: i64,
    by: Ranking,
    limit: i64,
) -> Result<Vec<MostItem>, sqlx::Error> {
    let column = match by {
        Ranking::Views => "a.view_count",
        Ranking::Comments => "a.comment_count",
    };
    let sql = format!(
        "SELECT {CARD_COLUMNS}, {column} AS ranking {CARD_JOINS} WHERE {PUBLIC} AND {column} > 0 \
         ORDER BY {column} DESC, a.publish_at DESC, a.id DESC LIMIT $2"
    );
    let rows = sqlx::query(&sql)
        .bind(now)
        .bind(limit)
        .fetch_all(pool)
        .await?;
    rows.iter()
        .map(|r| {
            Ok(MostItem {
                card: card_from_row(r)?,
                count: r.try_get("ranking")?,
            })
        })
        .collect()
}

/// A public article with its category id, or None.
pub async fn find_public(
    pool: &AnyPool,
    now: i64,
    slug: &str,
) -> Result<Option<(ArticleDetail, i64)>, sqlx::Error> {
    let sql = format!(
        "SELECT a.id, a.slug, a.title, a.sapo, a.body_json, a.byline, a.source, a.publish_at, a.updated_at, \
                a.view_count, a.comment_count, a.category_id, m.file_name, m.width, m.height, \
                a.rating_sum, a.rating_count, a.allow_ratings, a.allow_comments, a.seo_title, a.seo_description, \
                a.members_only \
         FROM articles a LEFT JOIN media m ON m.id = a.cover_media_id \
         WHERE a.slug = $2 AND {PUBLIC}"
    );
    let Some(r) = sqlx::query(&sql)
        .bind(now)
        .bind(slug)
        .fetch_optional(pool)
        .await?
    else {
        return Ok(None);
    };
    let body_json: String = r.try_get("body_json")?;
    let body: Doc =
        serde_json::from_str(&body_json).map_err(|e| sqlx::Error::Decode(Box::new(e)))?;
    let title: String = r.try_get("title")?;
    let publish_at: i64 = r.try_get::<Option<i64>, _>("publish_at")?.unwrap_or(0);
    let updated_at: i64 = r.try_get("updated_at")?;
    let cover = thumb_from_row(&r, &title)?;
    let detail = ArticleDetail {
        id: r.try_get("id")?,
        slug: r.try_get("slug")?,
        title,
        sapo: r.try_get("sapo")?,
        body,
        pictures: Default::default(),
        byline: r.try_get("byline")?,
        source: r.try_get("source")?,
        dateline: time::dateline(publish_at),
        published_iso: time::iso(publish_at),
        updated_iso: time::iso(updated_at.max(publish_at)),
        view_count: r.try_get("view_count")?,
        comment_count: r.try_get("comment_count")?,
        cover,
        tags: Vec::new(),
        topics: Vec::new(),
        rating: RatingSummary {
            sum: r.try_get("rating_sum")?,
            count: r.try_get("rating_count")?,
        },
        allow_ratings: r.try_get::<i64, _>("allow_ratings")? != 0,
        allow_comments: r.try_get::<i64, _>("allow_comments")? != 0,
        seo_title: r.try_get("seo_title")?,
        seo_description: r.try_get("seo_description")?,
        members_only: r.try_get::<i64, _>("members_only")? != 0,
    };
    Ok(Some((detail, r.try_get("category_id")?)))
}

/// Public articles that share a topic, a tag or the category with article `id`,
/// newest first, never the article itself.
pub async fn related(
    pool: &AnyPool,
    now: i64,
    id: i64,
    category_id: i64,
    limit: i64,
) -> Result<Vec<ArticleCard>, sqlx::Error> {
    let sql = format!(
        "SELECT {CARD_COLUMNS} {CARD_JOINS} WHERE {PUBLIC} AND a.id <> $2 AND ( \
             a.category_id = $3 \
             OR a.id IN (SELECT t2.article_id FROM article_tags t1 JOIN article_tags t2 ON t2.tag_id = t1.tag_id WHERE t1.article_id = $2) \
             OR a.id IN (SELECT p2.article_id FROM article_topics p1 JOIN article_topics p2 ON p2.topic_id = p1.topic_id WHERE p1.article_id = $2)) \
         ORDER BY a.publish_at DESC, a.id DESC LIMIT $4"
    );
    let rows = sqlx::query(&sql)
        .bind(now)
        .bind(id)
        .bind(category_id)
        .bind(limit)
        .fetch_all(pool)
        .await?;
    rows.iter().map(card_from_row).collect()
}

/// What readers may do with a public article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Participation {
    pub id: i64,
    pub allow_ratings: bool,
    pub allow_comments: bool,
    /// Only signed-in members and staff take part.
    pub members_only: bool,
    /// The rating totals as last recounted.
    pub rating: RatingSummary,
}

/// The id and switches of the public article `slug`, or None (unknown, unpublished,
/// expired).
pub async fn participation(
    pool: &AnyPool,
    now: i64,
    slug: &str,
) -> Result<Option<Participation>, sqlx::Error> {
    let sql = format!(
        "SELECT a.id, a.allow_ratings, a.allow_comments, a.members_only, a.rating_sum, a.rating_count \
         FROM articles a WHERE a.slug = $2 AND {PUBLIC}"
    );
    let row = sqlx::query(&sql)
        .bind(now)
        .bind(slug)
        .fetch_optional(pool)
        .await?;
    row.map(|r| {
        Ok(Participation {
            id: r.try_get("id")?,
            allow_ratings: r.try_get::<i64, _>("allow_ratings")? != 0,
            allow_comments: r.try_get::<i64, _>("allow_comments")? != 0,
            members_only: r.try_get::<i64, _>("members_only")? != 0,
            rating: RatingSummary {
                sum: r.try_get("rating_sum")?,
                count: r.try_get("rating_count")?,
            },
        })
    })
    .transpose()
}
