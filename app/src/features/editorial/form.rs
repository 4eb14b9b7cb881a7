//! `/quan-tri/bai-viet/moi` and `…/:id/sua`: the article's data for the block editor
//! (`editor`), and the Markdown save (`save_article`: a form's fields with a Markdown
//! body, the import format scripts and the tests write with; the editor saves
//! through `save::save_draft`).

use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;
use leptos_router::hooks::use_params_map;

use super::model::*;
use crate::components::{admin_content, id_param};
use crate::core::error::AppError;
use crate::i18n::ta;

/// How many of the most used tags the editor suggests from.
#[cfg(feature = "ssr")]
const KNOWN_TAGS: i64 = 500;

/// The editing form, filled from the article (`id` 0: a new article).
#[server(input = GetUrl)]
pub async fn get_article_form(id: i64) -> Result<ArticleFormData, AppError> {
    use super::store;
    use crate::content::markdown_export::to_markdown;
    use crate::features::accounts::Permission;
    use crate::features::categories;
    use crate::features::workflow::model::can_edit_in;
    let ctx = crate::core::state::app_context()?;
    let user = super::server::desk_user().await?;
    let tree = categories::load_tree(&ctx.pool).await?;
    let can_feature = user.can(Permission::ApproveArticle);
    let categories = super::server::category_choices_for(&tree, &user, None);
    let topics: Vec<Choice> = crate::features::topics::choices(&ctx.pool)
        .await?
        .into_iter()
        .map(|(id, label)| Choice { id, label })
        .collect();
    let known_tags = crate::features::tags::most_used(&ctx.pool, KNOWN_TAGS).await?;
    if id == 0 {
        return Ok(ArticleFormData {
            draft: Draft {
                byline: user.display_name.clone(),
                allow_comments: true,
                allow_ratings: true,
                ..Draft::default()
            },
            body: String::new(),
            address: ctx.site.url("/bai-viet/…"),
            categories,
            topics,
            known_tags,
            can_feature,
        });
    }
    let mut conn = ctx.pool.acquire().await?;
    let head = crate::features::articles::head(&mut conn, id)
        .await?
        .ok_or(AppError::NotFound)?;
    drop(conn);
    let path: Vec<i64> = tree
        .path(head.content.category_id)
        .iter()
        .map(|c| c.id)
        .collect();
    if !can_edit_in(&user, head.author_id, head.status, &path) {
        return Err(AppError::Forbidden);
    }
    let categories =
        super::server::category_choices_for(&tree, &user, Some(head.content.category_id));
    let base_revision = store::current_revision(&ctx.pool, id).await?;
    let s = head.content;
    Ok(ArticleFormData {
        body: to_markdown(&s.body),
        draft: Draft {
            id: Some(id),
            base_revision,
            title: s.title,
            sapo: s.sapo,
            category_id: Some(s.category_id),
            tags: s.tags.join(", "),
            byline: s.byline,
            source: s.source,
            expire_at: head
                .expire_at
                .map(crate::core::time::local_input)
                .unwrap_or_default(),
            publish_at: head
                .requested_publish_at
                .map(crate::core::time::local_input)
                .unwrap_or_default(),
            featured: head.featured,
            allow_comments: head.allow_comments,
            allow_ratings: head.allow_ratings,
            members_only: head.members_only,
            topic_ids: head.topic_ids,
            cover_id: head.chosen_cover,
            seo_title: s.seo.title,
            seo_description: s.seo.description,
            doc: s.body,
        },
        address: ctx.site.url(&crate::core::links::article_href(&head.slug)),
        categories,
        topics,
        known_tags,
        can_feature,
    })
}

/// Saves the editing form (no id: a new draft) and goes to the article's desk page.
/// `base_revision` is the revision the form was filled from: if someone saved in
/// between, nothing is overwritten and the editor is told (409).
#[server]
pub async fn save_article(article: ArticleInput) -> Result<i64, AppError> {
    use crate::features::articles::Write;
    let ctx = crate::core::state::app_context()?;
    let user = super::server::desk_user().await?;
    let content = super::server::content_from_form(&ctx.pool, &article).await?;
    let settings = super::server::settings_of(
        &user,
        &article.expire_at,
        article.featured.is_some(),
        article.allow_comments.is_some(),
        article.allow_ratings.is_some(),
        article.members_only.is_some(),
    )?;
    let what = match article.id {
        None => Write::Draft,
        Some(id) => Write::Edit {
            id,
            base: article.base_revision,
        },
    };
    let id = super::server::write_as(&ctx.pool, &user, what, &content, &settings)
        .await?
        .id;
    leptos_axum::redirect(&super::model::desk_href(id));
    Ok(id)
}

/// `/quan-tri/bai-viet/moi` and `/quan-tri/bai-viet/:id/sua`
#[component]
pub fn ArticleFormPage() -> impl IntoView {
    let params = use_params_map();
    let id = id_param(0);
    let data = crate::components::admin::page_data(module_path!(), id, get_article_form);
    let title = if params.read_untracked().get("id").is_some() {
        ta().desk_edit
    } else {
        ta().nav_new_article
    };
    admin_content(title, data, move |f| {
        crate::components::client::preload_staff_parts();
        Suspend::new(editor_part(f))
    })
}

/// Marks the lazily loaded editor in the page, for the staff client's start
/// (`load_editor_if_shown`).
const EDITOR_PART: &str = "editor";

/// The block editor: in the staff's client a lazily loaded part of its own
/// (scripts/staff-client.sh cuts it out), fetched when an editor opens the page; on
/// the server, and in the reader's client that never shows it, a plain function. Not a
/// part of the reader's client: its data would stay in the reader's file.
#[cfg_attr(all(feature = "staff", not(feature = "ssr")), lazy)]
async fn editor_part(form: ArticleFormData) -> AnyView {
    view! {
        <div data-part=EDITOR_PART>
            <super::editor::ArticleEditor form=form/>
        </div>
    }
    .into_any()
}

/// Before the staff client's islands wake: on a page the server rendered with the
/// editor, its part is fetched first, so the admin island wakes over the server's
/// HTML at once (a part still loading while the island wakes would leave that HTML
/// behind and draw the editor again beside it).
#[cfg(all(feature = "staff", not(feature = "ssr")))]
pub async fn load_editor_if_shown() {
    let selector = format!("[data-part={EDITOR_PART}]");
    let shown = document()
        .query_selector(&selector)
        .ok()
        .flatten()
        .is_some();
    if shown {
        // the preload `#[lazy]` defines beside the function (what `lazy_preload!` calls)
        __preload_editor_part().await;
    }
}
