//! Server functions of the editorial desk. Every one checks the signed-in user's
//! permission on the server, and who may see or edit the article in its status.
// a server function takes one argument per form field
#![allow(clippy::too_many_arguments)]

use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

use super::model::{
    ArticleFormData, DashboardData, DeskArticleData, DeskListData, RevisionDiffData,
};
use crate::error::AppError;

#[cfg(feature = "ssr")]
mod server {
    use super::super::model::{
        ActionChoice, Choice, FieldChange, MAX_BODY_BYTES, MAX_SAPO_CHARS, MAX_SHORT_CHARS,
        MAX_TAGS, MAX_TITLE_CHARS, parse_tags,
    };
    use super::super::store::{EditorialError, Snapshot};
    use crate::content::Doc;
    use crate::error::{AppError, fail};
    use crate::features::accounts::{CurrentUser, Permission, auth};
    use crate::features::categories::model::CategoryTree;
    use crate::features::workflow::model::{Action, Status};

    impl From<EditorialError> for AppError {
        fn from(e: EditorialError) -> Self {
            match e {
                EditorialError::NotFound => AppError::NotFound,
                EditorialError::NotAllowed => AppError::Forbidden,
                EditorialError::Invalid(m) => AppError::Invalid(m),
                e @ EditorialError::Conflict(_) => AppError::Conflict(e.to_string()),
                EditorialError::Db(e) => e.into(),
            }
        }
    }

    /// The signed-in user, if they may work on articles at all.
    pub async fn desk_user() -> Result<CurrentUser, AppError> {
        auth::require(Permission::WriteOwnDrafts)
            .await
            .map_err(fail)
    }

    /// The article `id` if `user` may see it on the desk (404 / 403 otherwise).
    pub async fn visible_head(
        pool: &sqlx::AnyPool,
        user: &CurrentUser,
        id: i64,
    ) -> Result<super::super::store::Head, AppError> {
        let mut conn = pool.acquire().await?;
        let head = super::super::store::head(&mut conn, id)
            .await?
            .ok_or_else(|| fail(AppError::NotFound))?;
        if !crate::features::workflow::model::can_view(user, head.author_id) {
            return Err(fail(AppError::Forbidden));
        }
        Ok(head)
    }

    /// Contributors see only their own articles.
    pub fn own_only(user: &CurrentUser) -> Option<i64> {
        (!user.can(Permission::EditAnyArticle) && !user.can(Permission::ApproveArticle))
            .then_some(user.id)
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
    ) -> Vec<ActionChoice> {
        Action::ALL
            .into_iter()
            .filter(|a| a.target(status).is_some() && a.allowed(user, author))
            .map(|a| ActionChoice {
                action: a.as_str().into(),
                label: a.label().into(),
                needs_reason: a == Action::Reject,
                needs_time: a == Action::Schedule,
            })
            .collect()
    }

    fn invalid(m: impl Into<String>) -> AppError {
        fail(AppError::Invalid(m.into()))
    }

    fn one_line(s: &str, what: &str, max: usize) -> Result<String, AppError> {
        let s = crate::text::nfc(s.split_whitespace().collect::<Vec<_>>().join(" ").as_str());
        if s.chars().count() > max {
            return Err(invalid(format!("{what} dài quá {max} ký tự")));
        }
        Ok(s)
    }

    /// The form's fields checked and turned into content: Markdown through the importer,
    /// pictures only from the media library, the document validated.
    pub async fn snapshot_from_form(
        pool: &sqlx::AnyPool,
        title: &str,
        sapo: &str,
        category_id: i64,
        tags: &str,
        body: &str,
        byline: &str,
        source: &str,
    ) -> Result<Snapshot, AppError> {
        use crate::content::markdown::{image_urls, to_doc};
        let title = one_line(title, "Tiêu đề", MAX_TITLE_CHARS)?;
        if title.is_empty() {
            return Err(invalid("Vui lòng nhập tiêu đề bài viết"));
        }
        let sapo = crate::text::nfc(sapo.trim());
        if sapo.chars().count() > MAX_SAPO_CHARS {
            return Err(invalid(format!("Sapo dài quá {MAX_SAPO_CHARS} ký tự")));
        }
        if body.len() > MAX_BODY_BYTES {
            return Err(invalid("Nội dung bài quá dài"));
        }
        let tags = parse_tags(tags);
        if tags.len() > MAX_TAGS {
            return Err(invalid(format!("Tối đa {MAX_TAGS} thẻ")));
        }
        if tags.iter().any(|t| t.chars().count() > 80) {
            return Err(invalid("Mỗi thẻ tối đa 80 ký tự"));
        }
        let urls = image_urls(body);
        let found = super::super::store::media_by_src(pool, &urls).await?;
        if let Some(missing) = urls.iter().find(|u| !found.iter().any(|f| &f.src == *u)) {
            return Err(invalid(format!(
                "Ảnh \"{missing}\" không có trong thư viện ảnh của cổng (dùng địa chỉ /media/… của ảnh đã tải lên)"
            )));
        }
        let images = found.into_iter().map(|f| (f.src.clone(), f)).collect();
        let doc: Doc = to_doc(body, &images);
        doc.validate().map_err(|e| invalid(e.to_string()))?;
        Ok(Snapshot {
            title,
            sapo,
            category_id,
            tags: tags.iter().map(|t| crate::text::nfc(t)).collect(),
            byline: one_line(byline, "Tác giả", MAX_SHORT_CHARS)?,
            source: one_line(source, "Nguồn", MAX_SHORT_CHARS)?,
            body: doc,
        })
    }

    /// The fields that differ between two snapshots, word by word.
    pub fn field_changes(a: &Snapshot, b: &Snapshot, tree: &CategoryTree) -> Vec<FieldChange> {
        use crate::content::diff::diff_text;
        let cat = |id: i64| {
            tree.get(id)
                .map(|n| n.name.clone())
                .unwrap_or_else(|| format!("#{id}"))
        };
        let pairs = [
            ("Tiêu đề", a.title.clone(), b.title.clone()),
            ("Sapo", a.sapo.clone(), b.sapo.clone()),
            ("Chuyên mục", cat(a.category_id), cat(b.category_id)),
            ("Thẻ", a.tags.join(", "), b.tags.join(", ")),
            ("Tác giả", a.byline.clone(), b.byline.clone()),
            ("Nguồn", a.source.clone(), b.source.clone()),
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
}

/// The dashboard: counts by status, my drafts, what awaits approval, recently published.
#[server(input = GetUrl)]
pub async fn get_dashboard() -> Result<DashboardData, AppError> {
    use super::store;
    use crate::error::fail;
    use crate::features::accounts::{Permission, auth};
    use crate::features::workflow::model::Status;
    let ctx = crate::state::app_context()?;
    let user = auth::require(Permission::UseAdmin).await.map_err(fail)?;
    let pool = &ctx.pool;
    let can_approve = user.can(Permission::ApproveArticle);
    let mut data = DashboardData {
        display_name: user.display_name.clone(),
        role_label: user.role.label().into(),
        counts: Vec::new(),
        my_drafts: Vec::new(),
        awaiting: Vec::new(),
        recently_published: Vec::new(),
        can_approve,
        comments: None,
    };
    if user.can(Permission::ModerateComments) {
        data.comments = Some(crate::features::comments::store::counts(pool).await?);
    }
    if user.can(Permission::WriteOwnDrafts) {
        let own = server::own_only(&user);
        let (counts, mine, awaiting, recent) = tokio::try_join!(
            store::counts(pool, own),
            store::drafts_of(pool, user.id, 10),
            store::newest_in(
                pool,
                Status::PendingReview,
                if can_approve { None } else { Some(user.id) },
                10
            ),
            store::newest_in(pool, Status::Published, own, 10),
        )?;
        data.counts = counts;
        data.my_drafts = mine;
        data.awaiting = awaiting;
        data.recently_published = recent;
    }
    Ok(data)
}

/// One page of the article list with its filters (`status`, `category`, `author`:
/// empty for all; `q`: words of the title).
#[server(input = GetUrl)]
pub async fn get_desk_list(
    status: String,
    category: String,
    author: String,
    q: String,
    page: u32,
) -> Result<DeskListData, AppError> {
    use super::model::DeskFilter;
    use super::store;
    use crate::features::categories::store as categories;
    use crate::features::workflow::model::Status;
    let ctx = crate::state::app_context()?;
    let user = server::desk_user().await?;
    let own = server::own_only(&user);
    let filter = DeskFilter {
        status: Status::parse(status.trim()),
        category_id: category.trim().parse().ok(),
        author_id: author.trim().parse().ok(),
        text: q.chars().take(200).collect(),
        page: page.clamp(1, crate::features::articles::model::MAX_PAGE),
    };
    let (rows, tree, authors) = tokio::try_join!(
        store::list(&ctx.pool, &filter, own),
        categories::load_tree(&ctx.pool),
        store::authors(&ctx.pool),
    )?;
    Ok(DeskListData {
        rows,
        filter,
        categories: server::category_choices(&tree),
        authors,
        own_only: own.is_some(),
    })
}

/// An article on the desk: its status, history, notes, revisions and the actions the
/// signed-in user may take.
#[server(input = GetUrl)]
pub async fn get_desk_article(id: i64) -> Result<DeskArticleData, AppError> {
    use super::store;
    use crate::features::workflow::model::{Status, can_edit};
    use crate::features::workflow::store as workflow;
    let ctx = crate::state::app_context()?;
    let user = server::desk_user().await?;
    let pool = &ctx.pool;
    let head = server::visible_head(pool, &user, id).await?;
    let (events, notes, revisions, rejection) = tokio::try_join!(
        workflow::events(pool, id),
        store::notes(pool, id),
        store::revisions(pool, id),
        store::last_rejection(pool, id),
    )?;
    let now = crate::time::now();
    let public = head.status == Status::Published
        && head.publish_at.is_some_and(|p| p <= now)
        && head.expire_at.is_none_or(|e| e > now);
    Ok(DeskArticleData {
        id,
        title: head.snapshot.title.clone(),
        sapo: head.snapshot.sapo.clone(),
        status: head.status,
        category: head.category.clone(),
        author: head.author.clone(),
        created: crate::time::short_date(head.created_at),
        updated: crate::time::short_date(head.updated_at),
        publish_at: head.publish_at.map(crate::time::dateline),
        expire_at: head.expire_at.map(crate::time::dateline),
        public_href: public.then(|| crate::features::articles::model::article_href(&head.slug)),
        tags: head.snapshot.tags.clone(),
        events,
        notes,
        revisions,
        actions: server::actions_for(&user, head.author_id, head.status),
        can_edit: can_edit(&user, head.author_id, head.status),
        rejection: if head.status == Status::Rejected {
            rejection
        } else {
            None
        },
    })
}

/// The editing form, filled from the article (`id` 0: a new article).
#[server(input = GetUrl)]
pub async fn get_article_form(id: i64) -> Result<ArticleFormData, AppError> {
    use super::store;
    use crate::content::markdown_export::to_markdown;
    use crate::error::fail;
    use crate::features::accounts::Permission;
    use crate::features::categories::store as categories;
    use crate::features::workflow::model::can_edit;
    let ctx = crate::state::app_context()?;
    let user = server::desk_user().await?;
    let tree = categories::load_tree(&ctx.pool).await?;
    let can_feature = user.can(Permission::ApproveArticle);
    let categories = server::category_choices(&tree);
    if id == 0 {
        return Ok(ArticleFormData {
            id: None,
            title: String::new(),
            sapo: String::new(),
            category_id: None,
            tags: String::new(),
            byline: user.display_name.clone(),
            source: String::new(),
            body: String::new(),
            expire_at: String::new(),
            featured: false,
            allow_comments: true,
            allow_ratings: true,
            base_revision: 0,
            categories,
            can_feature,
        });
    }
    let mut conn = ctx.pool.acquire().await?;
    let head = store::head(&mut conn, id)
        .await?
        .ok_or_else(|| fail(AppError::NotFound))?;
    drop(conn);
    if !can_edit(&user, head.author_id, head.status) {
        return Err(fail(AppError::Forbidden));
    }
    let base_revision = store::current_revision(&ctx.pool, id).await?;
    let s = head.snapshot;
    Ok(ArticleFormData {
        id: Some(id),
        title: s.title,
        sapo: s.sapo,
        category_id: Some(s.category_id),
        tags: s.tags.join(", "),
        byline: s.byline,
        source: s.source,
        body: to_markdown(&s.body),
        expire_at: head
            .expire_at
            .map(crate::time::local_input)
            .unwrap_or_default(),
        featured: head.featured,
        allow_comments: head.allow_comments,
        allow_ratings: head.allow_ratings,
        base_revision,
        categories,
        can_feature,
    })
}

/// Saves the editing form (`article_id` 0 creates a draft) and goes to the article's
/// desk page. `base_revision` is the revision the form was filled from: if someone
/// saved in between, nothing is overwritten and the editor is told (409).
#[server]
pub async fn save_article(
    article_id: i64,
    base_revision: i64,
    title: String,
    sapo: String,
    category_id: i64,
    tags: String,
    body: String,
    byline: String,
    source: String,
    expire_at: String,
    featured: Option<String>,
    allow_comments: Option<String>,
    allow_ratings: Option<String>,
) -> Result<i64, AppError> {
    use super::store::{self, Extras, SaveKind};
    use crate::error::fail;
    use crate::features::accounts::Permission;
    let ctx = crate::state::app_context()?;
    let user = server::desk_user().await?;
    let snapshot = server::snapshot_from_form(
        &ctx.pool,
        &title,
        &sapo,
        category_id,
        &tags,
        &body,
        &byline,
        &source,
    )
    .await?;
    let expire_at = match expire_at.trim() {
        "" => None,
        s => Some(
            crate::time::parse_input(s)
                .ok_or_else(|| fail(AppError::Invalid("Thời điểm hết hạn không hợp lệ".into())))?,
        ),
    };
    let extras = Extras {
        expire_at,
        featured: user
            .can(Permission::ApproveArticle)
            .then_some(featured.is_some()),
        allow_comments: Some(allow_comments.is_some()),
        allow_ratings: Some(allow_ratings.is_some()),
    };
    let now = crate::time::now();
    let id = if article_id == 0 {
        store::create(&ctx.pool, &snapshot, &extras, &user, now)
            .await
            .map_err(|e| fail(e.into()))?
    } else {
        store::update(
            &ctx.pool,
            article_id,
            &snapshot,
            SaveKind::Edit {
                base: base_revision,
                extras: &extras,
            },
            &user,
            now,
        )
        .await
        .map_err(|e| fail(e.into()))?;
        article_id
    };
    leptos_axum::redirect(&super::model::desk_href(id));
    Ok(id)
}

/// Leaves an editorial note on an article (seen only in the admin area).
#[server]
pub async fn add_note(article_id: i64, body: String) -> Result<(), AppError> {
    use super::model::MAX_NOTE_CHARS;
    use super::store;
    use crate::error::fail;
    let ctx = crate::state::app_context()?;
    let user = server::desk_user().await?;
    let body = crate::text::nfc(body.trim());
    if body.is_empty() {
        return Err(fail(AppError::Invalid("Ghi chú trống".into())));
    }
    if body.chars().count() > MAX_NOTE_CHARS {
        return Err(fail(AppError::Invalid(format!(
            "Ghi chú dài quá {MAX_NOTE_CHARS} ký tự"
        ))));
    }
    server::visible_head(&ctx.pool, &user, article_id).await?;
    store::add_note(&ctx.pool, article_id, user.id, &body, crate::time::now()).await?;
    Ok(())
}

/// Two revisions of an article compared (`from` older, `to` newer; 0 for either picks
/// the one before the newest and the newest).
#[server(input = GetUrl)]
pub async fn get_revision_diff(
    article_id: i64,
    from: i64,
    to: i64,
) -> Result<RevisionDiffData, AppError> {
    use super::store;
    use crate::content::diff::diff_docs;
    use crate::error::fail;
    use crate::features::categories::store as categories;
    use crate::features::workflow::model::can_edit;
    let ctx = crate::state::app_context()?;
    let user = server::desk_user().await?;
    let pool = &ctx.pool;
    let head = server::visible_head(pool, &user, article_id).await?;
    let revisions = store::revisions(pool, article_id).await?;
    let newest = revisions.first().map(|r| r.number).unwrap_or(0);
    if newest == 0 {
        return Err(fail(AppError::NotFound));
    }
    let to = if to == 0 { newest } else { to };
    let from = if from == 0 { (to - 1).max(1) } else { from };
    let info = |n: i64| revisions.iter().find(|r| r.number == n).cloned();
    let (Some(from_info), Some(to_info)) = (info(from), info(to)) else {
        return Err(fail(AppError::NotFound));
    };
    let (a, b, tree) = tokio::try_join!(
        store::revision(pool, article_id, from),
        store::revision(pool, article_id, to),
        categories::load_tree(pool),
    )?;
    let (Some(a), Some(b)) = (a, b) else {
        return Err(fail(AppError::NotFound));
    };
    Ok(RevisionDiffData {
        article_id,
        title: head.snapshot.title.clone(),
        fields: server::field_changes(&a, &b, &tree),
        body: diff_docs(&a.body, &b.body),
        from: from_info,
        to: to_info,
        revisions,
        can_restore: can_edit(&user, head.author_id, head.status),
    })
}

/// Brings an earlier revision back as the article's content (itself a new revision).
#[server]
pub async fn restore_revision(article_id: i64, number: i64) -> Result<i64, AppError> {
    use super::store::{self, SaveKind};
    use crate::error::fail;
    let ctx = crate::state::app_context()?;
    let user = server::desk_user().await?;
    let snapshot = store::revision(&ctx.pool, article_id, number)
        .await?
        .ok_or_else(|| fail(AppError::NotFound))?;
    let n = store::update(
        &ctx.pool,
        article_id,
        &snapshot,
        SaveKind::Restore { number },
        &user,
        crate::time::now(),
    )
    .await
    .map_err(|e| fail(e.into()))?;
    leptos_axum::redirect(&super::model::desk_href(article_id));
    Ok(n)
}
