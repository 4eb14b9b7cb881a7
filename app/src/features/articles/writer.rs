//! The one writer of articles. Every way an article is created or changed — the desk's
//! form and its restore, the Markdown importer, the demo, and the editor and NukeViet
//! importer to come — goes through `write`, which in the caller's transaction checks
//! who may change it, validates the document, writes the content and its tags, keeps
//! a revision (the first change of an article that has none first keeps what was
//! there), and has the workflow record any status change with who or what did it.

use sqlx::{AnyConnection, Row};

use super::head::{Content, head, id_by_slug, latest_revision};
use crate::features::accounts::{CurrentUser, Permission, Scope};
use crate::features::categories;
use crate::features::workflow::model::can_edit_in;
use crate::features::workflow::{self, Move, Origin, Status};
use crate::i18n::messages::stored;
use crate::i18n::{fill, tm};

/// Who makes a change: a signed-in person, or a process no person drives.
#[derive(Debug, Clone, Copy)]
pub enum Author<'a> {
    Person(&'a CurrentUser),
    /// `toasoan import`, with the file the article came from.
    Import {
        file: &'a str,
    },
    /// `toasoan demo`, with its file.
    Demo {
        file: &'a str,
    },
}

impl Author<'_> {
    fn user_id(&self) -> Option<i64> {
        match self {
            Author::Person(u) => Some(u.id),
            _ => None,
        }
    }

    fn origin(&self) -> Origin {
        match self {
            Author::Person(_) => Origin::Person,
            Author::Import { .. } => Origin::Import,
            Author::Demo { .. } => Origin::Demo,
        }
    }

    /// What the revision and the event say of a change by a process.
    fn note(&self, person: &str) -> String {
        match self {
            Author::Person(_) => person.to_string(),
            Author::Import { file } => fill(stored().note_import, &[file]),
            Author::Demo { file } => fill(stored().note_demo, &[file]),
        }
    }
}

/// Settings written with the content; `None` keeps the stored value (a new article
/// takes the defaults: not featured, comments and ratings open).
#[derive(Debug, Clone, Default)]
pub struct Settings {
    pub expire_at: Option<i64>,
    pub featured: Option<bool>,
    pub allow_comments: Option<bool>,
    pub allow_ratings: Option<bool>,
    /// For signed-in members and staff only (None: left as it is; new: for everyone).
    pub members_only: Option<bool>,
    /// The topics' ids (None: left as they are).
    pub topics: Option<Vec<i64>>,
    /// The cover picture (None: left as it is chosen, or the body's first picture).
    pub cover: Option<Cover>,
    /// The time the writer asks for it to go out (None: left as it is).
    pub requested_publish_at: Option<Option<i64>>,
}

/// Where an article's cover picture comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cover {
    /// The body's first picture (the one before, while the body has none).
    FirstPicture,
    /// This picture of the library, whatever the body shows.
    Chosen(i64),
}

/// What a write does.
#[derive(Debug, Clone, Copy)]
pub enum Write<'a> {
    /// A new draft; its address comes from the title.
    Draft,
    /// New content for article `id`, from a form opened on revision `base` (refused
    /// when someone saved since).
    Edit { id: i64, base: i64 },
    /// Revision `number` of article `id` brought back (as a new revision).
    Restore { id: i64, number: i64 },
    /// An article from elsewhere at the address `slug`, published at `publish_at`:
    /// created, or its content replaced when the address exists.
    Publish { slug: &'a str, publish_at: i64 },
}

/// Why a write was refused.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error("{}", tm().article_not_found)]
    NotFound,
    #[error("{}", tm().article_not_allowed)]
    NotAllowed,
    #[error("{0}")]
    Invalid(String),
    #[error("{}", fill(tm().article_conflict, &[&.0]))]
    Conflict(i64),
    #[error(transparent)]
    Db(#[from] sqlx::Error),
}

/// What a write did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Written {
    pub id: i64,
    /// The revision it kept.
    pub revision: i64,
    pub created: bool,
}

/// Writes an article as `by`, in the caller's transaction (see the module comment).
pub async fn write(
    conn: &mut AnyConnection,
    what: Write<'_>,
    content: &Content,
    settings: &Settings,
    by: Author<'_>,
    now: i64,
) -> Result<Written, WriteError> {
    content
        .body
        .validate()
        .map_err(|e| WriteError::Invalid(e.to_string()))?;
    if !category_exists(conn, content.category_id).await? {
        return Err(WriteError::Invalid(tm().category_missing.into()));
    }
    let existing = match what {
        Write::Draft => None,
        Write::Edit { id, .. } | Write::Restore { id, .. } => Some(id),
        Write::Publish { slug, .. } => id_by_slug(conn, slug).await?,
    };
    let target = categories::path_ids(conn, content.category_id).await?;
    if !matches!(by, Author::Person(_)) {
        // no request of a server carries this change: tell the servers
        crate::core::state::bump_content_version(conn).await?;
    }
    let Some(id) = existing else {
        if let Author::Person(user) = by
            && !user.can_in(Permission::WriteOwnDrafts, Scope::Category(&target))
        {
            return Err(WriteError::NotAllowed);
        }
        return create(conn, what, content, settings, by, now).await;
    };
    let head = head(conn, id).await?.ok_or(WriteError::NotFound)?;
    if let Author::Person(user) = by {
        let here = categories::path_ids(conn, head.content.category_id).await?;
        let moved = head.content.category_id != content.category_id;
        let may_file_there = |p| user.can_in(p, Scope::Category(&target));
        if !can_edit_in(user, head.author_id, head.status, &here)
            || (moved
                && !may_file_there(Permission::WriteOwnDrafts)
                && !may_file_there(Permission::EditAnyArticle))
        {
            return Err(WriteError::NotAllowed);
        }
    }
    let latest = latest_revision(conn, id).await?;
    let (settings, summary) = match what {
        Write::Edit { base, .. } if base != latest => return Err(WriteError::Conflict(latest)),
        Write::Restore { number, .. } => (
            Settings {
                expire_at: head.expire_at,
                ..Settings::default()
            },
            fill(stored().revision_restored, &[&number]),
        ),
        Write::Publish { .. } => (
            Settings {
                expire_at: settings.expire_at.or(head.expire_at),
                ..settings.clone()
            },
            by.note(stored().revision_reimported),
        ),
        _ => (settings.clone(), by.note(stored().revision_edited)),
    };
    if latest == 0 {
        let kept = stored().revision_initial;
        record_revision(
            conn,
            id,
            &head.content,
            head.author_id,
            kept,
            head.updated_at,
        )
        .await?;
    }
    // the address stays once readers have had it; an import keeps its own
    let slug = if let Write::Publish { slug, .. } = what {
        slug.to_string()
    } else if head.publish_at.is_none() && content.title != head.content.title {
        unique_slug(conn, &content.title, id).await?
    } else {
        head.slug.clone()
    };
    let featured = settings.featured.unwrap_or(head.featured);
    write_content(conn, id, &slug, content, &settings, featured, now).await?;
    let revision = record_revision(conn, id, content, by.user_id(), &summary, now).await?;
    let reason = by.note(stored().event_published);
    let to = match what {
        Write::Publish { publish_at, .. } => {
            Some((Status::Published, Some(publish_at), reason.as_str()))
        }
        _ if head.status == Status::Rejected => {
            Some((Status::Draft, None, stored().event_revised_after_rejection))
        }
        _ => None,
    };
    if let Some((to, publish_at, reason)) = to {
        let m = Move {
            article: id,
            from: head.status,
            to,
            publish_at,
            actor: by.user_id(),
            origin: by.origin(),
            reason,
        };
        workflow::enter(conn, m, now).await?;
    }
    crate::features::search::sync_article(conn, id).await?;
    Ok(Written {
        id,
        revision,
        created: false,
    })
}

/// A new article: a draft by a person, or one published from elsewhere.
async fn create(
    conn: &mut AnyConnection,
    what: Write<'_>,
    content: &Content,
    settings: &Settings,
    by: Author<'_>,
    now: i64,
) -> Result<Written, WriteError> {
    let slug = match what {
        Write::Publish { slug, .. } => slug.to_string(),
        _ => unique_slug(conn, &content.title, 0).await?,
    };
    let id: i64 = sqlx::query(
        "INSERT INTO articles (slug, title, body_json, body_text, category_id, status, created_by, created_at, updated_at) \
         VALUES ($1, $2, '{\"blocks\":[]}', '', $3, 'draft', $4, $5, $5) RETURNING id",
    )
    .bind(&slug)
    .bind(&content.title)
    .bind(content.category_id)
    .bind(by.user_id())
    .bind(now)
    .fetch_one(&mut *conn)
    .await?
    .try_get("id")?;
    let featured = settings.featured.unwrap_or(false);
    write_content(conn, id, &slug, content, settings, featured, now).await?;
    let revision = record_revision(
        conn,
        id,
        content,
        by.user_id(),
        &by.note(stored().revision_created),
        now,
    )
    .await?;
    if let Write::Publish { publish_at, .. } = what {
        let m = Move {
            article: id,
            from: Status::Draft,
            to: Status::Published,
            publish_at: Some(publish_at),
            actor: by.user_id(),
            origin: by.origin(),
            reason: &by.note(stored().event_published),
        };
        workflow::enter(conn, m, now).await?;
    }
    crate::features::search::sync_article(conn, id).await?;
    Ok(Written {
        id,
        revision,
        created: true,
    })
}

/// A slug from the title that no other article has.
async fn unique_slug(
    conn: &mut AnyConnection,
    title: &str,
    except: i64,
) -> Result<String, sqlx::Error> {
    let mut base = crate::core::text::slugify(title);
    if base.is_empty() {
        base = "bai-viet".into();
    }
    base.truncate(120);
    let base = base.trim_end_matches('-').to_string();
    for n in 1.. {
        let candidate = if n == 1 {
            base.clone()
        } else {
            format!("{base}-{n}")
        };
        let taken = sqlx::query("SELECT id FROM articles WHERE slug = $1 AND id <> $2")
            .bind(&candidate)
            .bind(except)
            .fetch_optional(&mut *conn)
            .await?;
        if taken.is_none() {
            return Ok(candidate);
        }
    }
    unreachable!("some suffix is free")
}

async fn record_revision(
    conn: &mut AnyConnection,
    id: i64,
    c: &Content,
    author: Option<i64>,
    summary: &str,
    now: i64,
) -> Result<i64, sqlx::Error> {
    let number = latest_revision(conn, id).await? + 1;
    let body = serde_json::to_string(&c.body).map_err(|e| sqlx::Error::Encode(Box::new(e)))?;
    sqlx::query(
        "INSERT INTO article_revisions (article_id, number, title, sapo, category_id, tags, byline, source, \
         body_json, author_id, summary, created_at, seo_title, seo_description) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)",
    )
    .bind(id)
    .bind(number)
    .bind(&c.title)
    .bind(&c.sapo)
    .bind(c.category_id)
    .bind(c.tags.join(", "))
    .bind(&c.byline)
    .bind(&c.source)
    .bind(body)
    .bind(author)
    .bind(summary)
    .bind(now)
    .bind(&c.seo.title)
    .bind(&c.seo.description)
    .execute(&mut *conn)
    .await?;
    Ok(number)
}

async fn category_exists(conn: &mut AnyConnection, id: i64) -> Result<bool, sqlx::Error> {
    Ok(sqlx::query("SELECT id FROM categories WHERE id = $1")
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?
        .is_some())
}

/// Writes the content of an article (not its status) and its tags.
async fn write_content(
    conn: &mut AnyConnection,
    id: i64,
    slug: &str,
    c: &Content,
    settings: &Settings,
    featured: bool,
    now: i64,
) -> Result<(), sqlx::Error> {
    let body_json = serde_json::to_string(&c.body).map_err(|e| sqlx::Error::Encode(Box::new(e)))?;
    let first = c.body.first_figure().map(|f| f.media_id);
    // $18: the cover chosen now, $19: chosen (1), the first picture (0), as it was (NULL)
    let (chosen, mode) = match settings.cover {
        None => (None, None),
        Some(Cover::FirstPicture) => (None, Some(0i64)),
        Some(Cover::Chosen(m)) => (Some(m), Some(1)),
    };
    sqlx::query(
        "UPDATE articles SET slug = $1, title = $2, sapo = $3, body_json = $4, body_text = $5, category_id = $6, \
         byline = $7, source = $8, expire_at = $10, featured = $11, \
         cover_media_id = CASE WHEN $19 = 1 THEN $18 WHEN $19 = 0 OR cover_chosen = 0 THEN COALESCE($9, cover_media_id) \
         ELSE cover_media_id END, cover_chosen = COALESCE($19, cover_chosen), \
         updated_at = $12, allow_comments = COALESCE($14, allow_comments), allow_ratings = COALESCE($15, allow_ratings), \
         seo_title = $16, seo_description = $17, \
         requested_publish_at = CASE WHEN $20 = 1 THEN $21 ELSE requested_publish_at END, \
         members_only = COALESCE($22, members_only) WHERE id = $13",
    )
    .bind(slug)
    .bind(&c.title)
    .bind(&c.sapo)
    .bind(body_json)
    .bind(c.body.plain_text())
    .bind(c.category_id)
    .bind(&c.byline)
    .bind(&c.source)
    .bind(first)
    .bind(settings.expire_at)
    .bind(featured as i64)
    .bind(now)
    .bind(id)
    .bind(settings.allow_comments.map(i64::from))
    .bind(settings.allow_ratings.map(i64::from))
    .bind(&c.seo.title)
    .bind(&c.seo.description)
    .bind(chosen)
    .bind(mode)
    .bind(settings.requested_publish_at.is_some() as i64)
    .bind(settings.requested_publish_at.flatten())
    .bind(settings.members_only.map(i64::from))
    .execute(&mut *conn)
    .await?;
    // the library's "where it is used": the body's pictures and the cover (kept from
    // before when the body has none)
    let mut shown = c.body.media_ids();
    let cover: Option<i64> =
        sqlx::query_scalar("SELECT cover_media_id FROM articles WHERE id = $1")
            .bind(id)
            .fetch_one(&mut *conn)
            .await?;
    shown.extend(cover);
    crate::features::media::set_article_media(conn, id, &shown).await?;
    if let Some(ids) = &settings.topics {
        crate::features::topics::set_ids_for_article(conn, id, ids).await?;
    }
    crate::features::tags::set_for_article(conn, id, &c.tags).await
}
