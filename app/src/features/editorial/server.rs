//! What the desk's server functions share: who is at the desk, who may see an
//! article, which actions a role has, and reading the editing form into content.

use super::model::{
    ActionChoice, ArticleInput, Choice, Draft, FieldChange, MAX_BODY_BYTES, MAX_SAPO_CHARS,
    MAX_SEO_DESCRIPTION_CHARS, MAX_SEO_TITLE_CHARS, MAX_SHORT_CHARS, MAX_TAGS, MAX_TITLE_CHARS,
    parse_tags,
};
use super::store::Visible;
use crate::content::Doc;
use crate::core::error::AppError;
use crate::core::text::one_line;
use crate::features::accounts::{CurrentUser, Permission, Scope, auth};
use crate::features::articles::{Content, WriteError};
use crate::features::categories::model::CategoryTree;
use crate::features::workflow::model::{Action, Status};
use crate::i18n::{fill, ta};

/// How a refused write reads on the desk.
pub fn refused(e: WriteError) -> AppError {
    match e {
        WriteError::NotFound => AppError::NotFound,
        WriteError::NotAllowed => AppError::Forbidden,
        WriteError::Invalid(m) => AppError::Invalid(m),
        e @ WriteError::Conflict(_) => AppError::Conflict(e.to_string()),
        WriteError::Db(e) => e.into(),
    }
}

/// Writes as `user` in one transaction.
pub async fn write_as(
    pool: &sqlx::AnyPool,
    user: &CurrentUser,
    what: crate::features::articles::Write<'_>,
    content: &Content,
    settings: &crate::features::articles::Settings,
) -> Result<crate::features::articles::Written, AppError> {
    use crate::features::articles::{Author, write};
    let mut tx = crate::core::state::begin_write(pool).await?;
    let now = crate::core::time::now();
    let written = write(&mut tx, what, content, settings, Author::Person(user), now)
        .await
        .map_err(refused)?;
    tx.commit().await?;
    tracing::info!(article_id = written.id, revision = written.revision, actor = %user.username, "article saved");
    Ok(written)
}

/// The signed-in user, if they may work on articles somewhere.
pub async fn desk_user() -> Result<CurrentUser, AppError> {
    let user = auth::require(Permission::UseAdmin).await?;
    if user.works_at_desk() {
        Ok(user)
    } else {
        Err(AppError::Forbidden)
    }
}

/// An article on the desk with the path of its category (top-level first), which
/// the user's category grants are read against.
pub struct DeskHead {
    pub head: crate::features::articles::Head,
    pub path: Vec<i64>,
}

/// The article `id` if `user` may see it on the desk (404 / 403 otherwise).
pub async fn visible_head(
    pool: &sqlx::AnyPool,
    user: &CurrentUser,
    id: i64,
) -> Result<DeskHead, AppError> {
    let mut conn = pool.acquire().await?;
    let head = crate::features::articles::head(&mut conn, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let path = crate::features::categories::path_ids(&mut conn, head.content.category_id).await?;
    if !crate::features::workflow::can_view_in(user, head.author_id, &path) {
        return Err(AppError::Forbidden);
    }
    Ok(DeskHead { head, path })
}

/// Contributors see only their own articles.
pub fn own_only(user: &CurrentUser) -> Option<i64> {
    (!user.can(Permission::EditAnyArticle)
        && !user.can(Permission::ApproveArticle)
        && !user.can(Permission::PublishArticle))
    .then_some(user.id)
}

/// Whose articles the desk list shows the user: all (by role), or their own and those
/// filed where their grants let them edit, approve or publish.
pub fn visible(user: &CurrentUser, tree: &CategoryTree) -> Visible {
    if own_only(user).is_none() {
        return Visible::All;
    }
    let categories = user
        .grants
        .iter()
        .filter(|g| g.rights.edit || g.rights.approve || g.rights.publish)
        .flat_map(|g| tree.subtree_ids(g.category_id))
        .collect();
    Visible::Own {
        user: user.id,
        categories,
    }
}

/// The categories `user` may file an article in (and `current`, where it is now).
pub fn category_choices_for(
    tree: &CategoryTree,
    user: &CurrentUser,
    current: Option<i64>,
) -> Vec<Choice> {
    tree.in_order()
        .into_iter()
        .filter(|(_, n)| {
            let path: Vec<i64> = tree.path(n.id).iter().map(|c| c.id).collect();
            current == Some(n.id)
                || [Permission::WriteOwnDrafts, Permission::EditAnyArticle]
                    .iter()
                    .any(|p| user.can_in(*p, Scope::Category(&path)))
        })
        .map(|(depth, n)| Choice {
            id: n.id,
            label: format!("{}{}", "— ".repeat(depth), n.name),
        })
        .collect()
}

pub fn category_choices(tree: &CategoryTree) -> Vec<Choice> {
    tree.in_order()
        .into_iter()
        .map(|(depth, n)| Choice {
            id: n.id,
            label: format!("{}{}", "— ".repeat(depth), n.name),
        })
        .collect()
}

pub fn actions_for(
    user: &CurrentUser,
    author: Option<i64>,
    status: Status,
    path: &[i64],
) -> Vec<ActionChoice> {
    Action::ALL
        .into_iter()
        .filter(|a| a.target(status).is_some() && a.allowed_in(user, author, path))
        .map(|a| ActionChoice {
            action: a.as_str().into(),
            label: a.label().into(),
            needs_reason: a == Action::Reject,
            needs_time: a == Action::Schedule,
        })
        .collect()
}

/// The settings a save asks for: the expiry (`datetime-local`, Vietnam time, or
/// empty), featured (only for those who approve), the readers' switches, members only.
pub fn settings_of(
    user: &CurrentUser,
    expire_at: &str,
    featured: bool,
    comments: bool,
    ratings: bool,
    members_only: bool,
) -> Result<crate::features::articles::Settings, AppError> {
    let expire_at = match expire_at.trim() {
        "" => None,
        s => Some(crate::core::time::parse_input(s).ok_or_else(|| invalid(ta().form_bad_expiry))?),
    };
    Ok(crate::features::articles::Settings {
        expire_at,
        featured: user.can(Permission::ApproveArticle).then_some(featured),
        allow_comments: Some(comments),
        allow_ratings: Some(ratings),
        members_only: Some(members_only),
        topics: None,
        cover: None,
        requested_publish_at: None,
    })
}

/// The topics a save puts the article in: ascending, once each, every one existing.
pub async fn topics_of(pool: &sqlx::AnyPool, ids: &[i64]) -> Result<Vec<i64>, AppError> {
    let mut ids = ids.to_vec();
    ids.sort_unstable();
    ids.dedup();
    if ids.is_empty() {
        return Ok(ids);
    }
    let known = crate::features::topics::choices(pool).await?;
    if ids.iter().any(|id| !known.iter().any(|(k, _)| k == id)) {
        return Err(invalid(crate::i18n::te().topic_unknown));
    }
    Ok(ids)
}

/// The time the writer asks for the article to go out (`datetime-local`, Vietnam
/// time; empty: none).
pub fn requested_time(input: &str) -> Result<Option<i64>, AppError> {
    match input.trim() {
        "" => Ok(None),
        s => crate::core::time::parse_input(s)
            .map(Some)
            .ok_or_else(|| invalid(crate::i18n::te().publish_bad)),
    }
}

/// The cover the editor asks for, checked: a chosen one must be a picture of the
/// library.
pub async fn cover_of(
    pool: &sqlx::AnyPool,
    chosen: Option<i64>,
) -> Result<crate::features::articles::Cover, AppError> {
    use crate::features::articles::Cover;
    let Some(id) = chosen else {
        return Ok(Cover::FirstPicture);
    };
    if super::store::media_by_ids(pool, &[id]).await?.is_empty() {
        return Err(invalid(crate::i18n::te().cover_unknown));
    }
    Ok(Cover::Chosen(id))
}

fn invalid(m: impl Into<String>) -> AppError {
    AppError::Invalid(m.into())
}

/// The form's fields checked and turned into content: Markdown through the importer,
/// pictures only from the media library, the document validated.
pub async fn content_from_form(
    pool: &sqlx::AnyPool,
    form: &ArticleInput,
) -> Result<Content, AppError> {
    use crate::content::markdown::{image_urls, to_doc};
    let body = &form.body;
    if body.len() > MAX_BODY_BYTES {
        return Err(invalid(ta().form_body_too_long));
    }
    let urls = image_urls(body);
    let found = super::store::media_by_src(pool, &urls).await?;
    if let Some(missing) = urls
        .iter()
        .find(|u| !found.iter().any(|f| &f.image.src == *u))
    {
        return Err(invalid(fill(ta().form_image_missing, &[&missing])));
    }
    let images = found
        .iter()
        .map(|f| (f.image.src.clone(), f.image.clone()))
        .collect();
    let mut doc: Doc = to_doc(body, &images);
    described_by_library(&mut doc, &found, true)?;
    let f = form;
    content_of(
        [
            &f.title,
            &f.sapo,
            &f.tags,
            &f.byline,
            &f.source,
            &f.seo_title,
            &f.seo_description,
        ],
        f.category_id,
        doc,
    )
}

/// The editor's draft checked and turned into content: its text NFC, no empty
/// paragraph, its pictures
/// those of the library by their ids (their address and size the library's, not the
/// browser's), the document validated.
pub async fn content_from_draft(pool: &sqlx::AnyPool, d: &Draft) -> Result<Content, AppError> {
    let mut doc = d.doc.clone();
    let weight = serde_json::to_string(&doc)
        .map(|j| j.len())
        .unwrap_or(usize::MAX);
    if weight > MAX_BODY_BYTES {
        return Err(invalid(ta().form_body_too_long));
    }
    crate::content::edit::make_nfc(&mut doc);
    // the editor keeps an empty paragraph to type in after a table or a picture
    doc.blocks.retain(|b| {
        !matches!(b, crate::content::Block::Paragraph { text }
            if crate::content::runs_text(text).trim().is_empty())
    });
    let ids = doc.media_ids();
    let found = super::store::media_by_ids(pool, &ids).await?;
    for fig in doc.figures_mut() {
        let Some(lib) = found.iter().find(|l| l.image.media_id == fig.media_id) else {
            return Err(invalid(fill(ta().form_image_missing, &[&fig.src])));
        };
        fig.src = lib.image.src.clone();
        fig.width = lib.image.width;
        fig.height = lib.image.height;
    }
    // a draft may wait for its pictures' words; submitting needs them (the workflow)
    described_by_library(&mut doc, &found, false)?;
    crate::features::documents::refresh_refs(pool, &mut doc).await?;
    content_of(
        [
            &d.title,
            &d.sapo,
            &d.tags,
            &d.byline,
            &d.source,
            &d.seo_title,
            &d.seo_description,
        ],
        d.category_id.unwrap_or(0),
        doc,
    )
}

/// The fields beside the body checked (title, sapo, tags, byline, source, SEO title
/// and description, in that order), and the content made of them and `doc`.
fn content_of(fields: [&String; 7], category_id: i64, doc: Doc) -> Result<Content, AppError> {
    let [
        title,
        sapo,
        tags,
        byline,
        source,
        seo_title,
        seo_description,
    ] = fields;
    let title = one_line(title, ta().form_title, MAX_TITLE_CHARS)?;
    if title.is_empty() {
        return Err(invalid(ta().form_title_required));
    }
    let sapo = crate::core::text::nfc(sapo.trim());
    if sapo.chars().count() > MAX_SAPO_CHARS {
        return Err(invalid(fill(ta().form_sapo_too_long, &[&MAX_SAPO_CHARS])));
    }
    let tags = parse_tags(tags);
    if tags.len() > MAX_TAGS {
        return Err(invalid(fill(ta().form_too_many_tags, &[&MAX_TAGS])));
    }
    if tags.iter().any(|t| t.chars().count() > 80) {
        return Err(invalid(ta().form_tag_too_long));
    }
    doc.validate().map_err(|e| invalid(e.to_string()))?;
    Ok(Content {
        title,
        sapo,
        category_id,
        tags: tags.iter().map(|t| crate::core::text::nfc(t)).collect(),
        byline: one_line(byline, ta().form_author, MAX_SHORT_CHARS)?,
        source: one_line(source, ta().form_source, MAX_SHORT_CHARS)?,
        body: doc,
        seo: crate::features::articles::Seo {
            title: one_line(seo_title, crate::i18n::te().seo_title, MAX_SEO_TITLE_CHARS)?,
            description: one_line(
                seo_description,
                crate::i18n::te().seo_description,
                MAX_SEO_DESCRIPTION_CHARS,
            )?,
        },
    })
}

/// A picture written without words (`![](/media/…)`, as the picker inserts it) takes
/// the library's alt text, caption and credit; one with no alt text anywhere is refused
/// when `require_alt`.
fn described_by_library(
    doc: &mut Doc,
    library: &[super::store::LibraryImage],
    require_alt: bool,
) -> Result<(), AppError> {
    for fig in doc.figures_mut() {
        let Some(lib) = library.iter().find(|l| l.image.media_id == fig.media_id) else {
            continue;
        };
        if fig.alt.is_empty() {
            fig.alt = lib.alt.clone();
            if fig.caption.is_empty() {
                fig.caption = lib.caption.clone();
            }
        }
        if fig.credit.is_empty() {
            fig.credit = lib.credit.clone();
        }
        if require_alt && fig.alt.is_empty() {
            return Err(invalid(fill(
                crate::i18n::tmd().image_needs_alt,
                &[&fig.src],
            )));
        }
    }
    Ok(())
}

/// The fields that differ between two snapshots, word by word.
pub fn field_changes(a: &Content, b: &Content, tree: &CategoryTree) -> Vec<FieldChange> {
    use crate::content::diff::diff_text;
    let cat = |id: i64| {
        tree.get(id)
            .map(|n| n.name.clone())
            .unwrap_or_else(|| format!("#{id}"))
    };
    let pairs = [
        (ta().form_title, a.title.clone(), b.title.clone()),
        ("Sapo", a.sapo.clone(), b.sapo.clone()),
        (ta().nav_categories, cat(a.category_id), cat(b.category_id)),
        (ta().desk_tags, a.tags.join(", "), b.tags.join(", ")),
        (ta().form_author, a.byline.clone(), b.byline.clone()),
        (ta().form_source, a.source.clone(), b.source.clone()),
        (
            crate::i18n::te().seo_title,
            a.seo.title.clone(),
            b.seo.title.clone(),
        ),
        (
            crate::i18n::te().seo_description,
            a.seo.description.clone(),
            b.seo.description.clone(),
        ),
    ];
    pairs
        .into_iter()
        .filter(|(_, x, y)| x != y)
        .map(|(field, x, y)| FieldChange {
            field: field.into(),
            pieces: diff_text(&x, &y),
        })
        .collect()
}
