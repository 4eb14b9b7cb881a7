//! `/quan-tri/bai-viet/:id/phien-ban`: two revisions compared, block by block with
//! the changed words marked, and an earlier one restored.

use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

use super::model::*;
use crate::components::{admin_content, form_error, id_param};
use crate::content::diff::{BlockChange, Piece};
use crate::core::error::AppError;
use crate::i18n::{fill, ta};

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
    use crate::features::categories;
    use crate::features::workflow::model::can_edit_in;
    let ctx = crate::core::state::app_context()?;
    let user = super::server::desk_user().await?;
    let pool = &ctx.pool;
    let super::server::DeskHead { head, path } =
        super::server::visible_head(pool, &user, article_id).await?;
    let revisions = store::revisions(pool, article_id).await?;
    let newest = revisions.first().map(|r| r.number).unwrap_or(0);
    if newest == 0 {
        return Err(AppError::NotFound);
    }
    let to = if to == 0 { newest } else { to };
    let from = if from == 0 { (to - 1).max(1) } else { from };
    let info = |n: i64| revisions.iter().find(|r| r.number == n).cloned();
    let (Some(from_info), Some(to_info)) = (info(from), info(to)) else {
        return Err(AppError::NotFound);
    };
    let (a, b, tree) = tokio::try_join!(
        store::revision(pool, article_id, from),
        store::revision(pool, article_id, to),
        categories::load_tree(pool),
    )?;
    let (Some(a), Some(b)) = (a, b) else {
        return Err(AppError::NotFound);
    };
    Ok(RevisionDiffData {
        article_id,
        title: head.content.title.clone(),
        fields: super::server::field_changes(&a, &b, &tree),
        body: diff_docs(&a.body, &b.body),
        from: from_info,
        to: to_info,
        revisions,
        can_restore: can_edit_in(&user, head.author_id, head.status, &path),
    })
}

/// Brings an earlier revision back as the article's content (itself a new revision).
#[server]
pub async fn restore_revision(article_id: i64, number: i64) -> Result<i64, AppError> {
    use crate::features::articles::{Settings, Write};
    let ctx = crate::core::state::app_context()?;
    let user = super::server::desk_user().await?;
    let snapshot = super::store::revision(&ctx.pool, article_id, number)
        .await?
        .ok_or(AppError::NotFound)?;
    let what = Write::Restore {
        id: article_id,
        number,
    };
    let n = super::server::write_as(&ctx.pool, &user, what, &snapshot, &Settings::default())
        .await?
        .revision;
    leptos_axum::redirect(&super::model::desk_href(article_id));
    Ok(n)
}

pub fn pieces_view(pieces: Vec<Piece>) -> impl IntoView {
    pieces
        .into_iter()
        .map(|p| match p {
            Piece::Same(t) => view! { <span>{t}</span> }.into_any(),
            Piece::Inserted(t) => view! { <ins>{t}</ins> }.into_any(),
            Piece::Deleted(t) => view! { <del>{t}</del> }.into_any(),
        })
        .collect_view()
}

/// A body's changes block by block (the revision compare, the editor's conflict).
pub fn body_changes(changes: Vec<BlockChange>) -> impl IntoView {
    changes
        .into_iter()
        .map(|c| match c {
            BlockChange::Unchanged { count } => view! {
                <li class="diff-same">{fill(ta().revisions_unchanged, &[&count])}</li>
            }
            .into_any(),
            BlockChange::Added { kind, text } => view! {
                <li class="diff-added"><span class="diff-kind">{fill(ta().revisions_added, &[&kind.to_lowercase()])}</span><ins>{text}</ins></li>
            }
            .into_any(),
            BlockChange::Removed { kind, text } => view! {
                <li class="diff-removed"><span class="diff-kind">{fill(ta().revisions_removed, &[&kind.to_lowercase()])}</span><del>{text}</del></li>
            }
            .into_any(),
            BlockChange::Changed { kind, pieces } => view! {
                <li class="diff-changed"><span class="diff-kind">{fill(ta().revisions_changed, &[&kind.to_lowercase()])}</span>{pieces_view(pieces)}</li>
            }
            .into_any(),
        })
        .collect_view()
}

/// `/quan-tri/bai-viet/:id/phien-ban?tu=&den=`: two revisions compared, and restore.
#[component]
pub fn RevisionsPage() -> impl IntoView {
    let id = id_param(-1);
    let query = use_query_map();
    let restore = ServerAction::<RestoreRevision>::new();
    let data = crate::components::admin::page_data(
        module_path!(),
        move || {
            let id = id();
            let q = query.read();
            let n = |k: &str| q.get(k).and_then(|s| s.parse::<i64>().ok()).unwrap_or(0);
            (id, n("tu"), n("den"))
        },
        |(id, from, to)| get_revision_diff(id, from, to),
    );
    admin_content(ta().revisions_title, data, move |d| {
        let id = d.article_id;
        let no_change = d.fields.is_empty()
            && d.body
                .iter()
                .all(|c| matches!(c, BlockChange::Unchanged { .. }));
        let options = |selected: i64| {
            d.revisions
                .iter()
                .map(|r| {
                    let is = r.number == selected;
                    view! { <option value=r.number.to_string() selected=is>{fill(ta().revisions_option, &[&r.number, &r.at])}</option> }
                })
                .collect_view()
        };
        let body = body_changes(d.body);
        view! {
            <p class="admin-back"><A href=desk_href(id)>{ta().revisions_back}</A></p>
            <h1>{fill(ta().revisions_heading, &[&d.title])}</h1>
            <form method="get" class="filters">
                <div class="field">
                    <label for="tu">{ta().revisions_from}</label>
                    <select id="tu" name="tu">{options(d.from.number)}</select>
                </div>
                <div class="field">
                    <label for="den">{ta().revisions_to}</label>
                    <select id="den" name="den">{options(d.to.number)}</select>
                </div>
                <button type="submit" class="button-secondary">{ta().revisions_compare}</button>
            </form>
            <p class="admin-intro">
                {fill(ta().revisions_summary, &[
                    &d.to.number, &d.to.author.clone().unwrap_or_default(), &d.to.at,
                    &d.from.number, &d.from.author.clone().unwrap_or_default(), &d.from.at])}
            </p>
            <dl class="diff-fields">
                {d.fields.into_iter().map(|f| view! {
                    <dt>{f.field}</dt><dd>{pieces_view(f.pieces)}</dd>
                }).collect_view()}
            </dl>
            <h2>{ta().queue_body}</h2>
            <ol class="diff">{body}</ol>
            {no_change.then(|| view! { <p class="muted">{ta().revisions_same}</p> })}
            {d.can_restore.then(|| view! {
                <ActionForm action=restore attr:class="action-form">
                    <input type="hidden" name="article_id" value=id.to_string()/>
                    <input type="hidden" name="number" value=d.from.number.to_string()/>
                    <button type="submit" class="button-secondary">{fill(ta().revisions_restore, &[&d.from.number])}</button>
                </ActionForm>
                {form_error(restore.value())}
            })}
        }
    })
}
