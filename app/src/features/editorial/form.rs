//! `/quan-tri/bai-viet/moi` and `…/:id/sua`: the editing form, kept in the browser
//! as it is typed, and its save.

use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use super::model::*;
use super::widgets::choice_options;
use crate::components::browser::cursor_in;
use crate::components::{admin_content, form_error, id_param};
use crate::core::error::AppError;
use crate::features::media::model::MediaItem;
use crate::features::media::picker::MediaPicker;
use crate::i18n::{ta, tmd};

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
            .map(crate::core::time::local_input)
            .unwrap_or_default(),
        featured: head.featured,
        allow_comments: head.allow_comments,
        allow_ratings: head.allow_ratings,
        base_revision,
        categories,
        can_feature,
    })
}

/// Saves the editing form (no id: a new draft) and goes to the article's desk page.
/// `base_revision` is the revision the form was filled from: if someone saved in
/// between, nothing is overwritten and the editor is told (409).
#[server]
pub async fn save_article(article: ArticleInput) -> Result<i64, AppError> {
    use crate::features::accounts::Permission;
    use crate::features::articles::{Settings, Write};
    let ctx = crate::core::state::app_context()?;
    let user = super::server::desk_user().await?;
    let content = super::server::content_from_form(&ctx.pool, &article).await?;
    let expire_at = match article.expire_at.trim() {
        "" => None,
        s => Some(
            crate::core::time::parse_input(s)
                .ok_or_else(|| AppError::Invalid(ta().form_bad_expiry.into()))?,
        ),
    };
    let settings = Settings {
        expire_at,
        featured: user
            .can(Permission::ApproveArticle)
            .then_some(article.featured.is_some()),
        allow_comments: Some(article.allow_comments.is_some()),
        allow_ratings: Some(article.allow_ratings.is_some()),
    };
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

/// The fields of the editing form kept in the browser, so that nothing typed is lost
/// to an ended session or a closed tab.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
struct LocalDraft {
    title: String,
    sapo: String,
    category_id: String,
    tags: String,
    byline: String,
    source: String,
    body: String,
    expire_at: String,
}

fn draft_key(id: Option<i64>) -> String {
    match id {
        Some(id) => format!("toasoan-ban-sua-{id}"),
        None => "toasoan-ban-sua-moi".into(),
    }
}

fn local_storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
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
    admin_content(title, data, move |f| view! { <ArticleForm form=f/> })
}

#[component]
fn ArticleForm(form: ArticleFormData) -> impl IntoView {
    let save = ServerAction::<SaveArticle>::new();
    let pending = save.pending();
    let key = draft_key(form.id);
    let server = LocalDraft {
        title: form.title.clone(),
        sapo: form.sapo.clone(),
        category_id: form.category_id.map(|c| c.to_string()).unwrap_or_default(),
        tags: form.tags.clone(),
        byline: form.byline.clone(),
        source: form.source.clone(),
        body: form.body.clone(),
        expire_at: form.expire_at.clone(),
    };
    let fields = RwSignal::new(server.clone());
    let offer: RwSignal<Option<LocalDraft>> = RwSignal::new(None);
    // on the client: offer back what was typed here and not saved
    {
        let key = key.clone();
        let server = server.clone();
        Effect::new(move |first: Option<()>| {
            let current = fields.get();
            let Some(storage) = local_storage() else {
                return;
            };
            if first.is_none() {
                if let Ok(Some(text)) = storage.get_item(&key)
                    && let Ok(kept) = serde_json::from_str::<LocalDraft>(&text)
                    && kept != server
                {
                    offer.set(Some(kept));
                }
            } else if current != server
                && let Ok(text) = serde_json::to_string(&current)
            {
                let _ = storage.set_item(&key, &text);
            }
        });
    }
    {
        let key = key.clone();
        Effect::new(move |_| {
            if matches!(save.value().get(), Some(Ok(_)))
                && let Some(storage) = local_storage()
            {
                let _ = storage.remove_item(&key);
            }
        });
    }
    let discard = {
        let key = key.clone();
        move |_| {
            if let Some(storage) = local_storage() {
                let _ = storage.remove_item(&key);
            }
            offer.set(None);
        }
    };
    let restore = move |_| {
        if let Some(kept) = offer.get_untracked() {
            fields.set(kept);
        }
        offer.set(None);
    };
    macro_rules! bind {
        ($field:ident) => {
            (
                move || fields.with(|f| f.$field.clone()),
                move |ev| {
                    let v = event_target_value(&ev);
                    fields.update(|f| f.$field = v);
                },
            )
        };
    }
    let (title, on_title) = bind!(title);
    let (sapo, on_sapo) = bind!(sapo);
    let (category, on_category) = bind!(category_id);
    let (tags, on_tags) = bind!(tags);
    let (byline, on_byline) = bind!(byline);
    let (source, on_source) = bind!(source);
    let (body, on_body) = bind!(body);
    let picking = RwSignal::new(false);
    let (expire, on_expire) = bind!(expire_at);
    let selected = form.category_id;
    let back = match form.id {
        Some(id) => desk_href(id),
        None => "/quan-tri/bai-viet".into(),
    };
    view! {
        <p class="admin-back"><A href=back>{ta().form_back}</A></p>
        <h1>{if form.id.is_some() { ta().desk_edit } else { ta().nav_new_article }}</h1>
        {move || offer.get().map(|_| view! {
            <div class="notice notice-info" role="status">
                <p>{ta().form_local_kept}</p>
                <button type="button" class="button-primary" on:click=restore>{ta().form_restore_local}</button>
                " "
                <button type="button" class="button-secondary" on:click=discard.clone()>{ta().form_discard_local}</button>
            </div>
        })}
        <ActionForm action=save attr:class="stacked-form article-form">
            {form.id.map(|id| view! { <input type="hidden" name="article[id]" value=id.to_string()/> })}
            <input type="hidden" name="article[base_revision]" value=form.base_revision.to_string()/>
            <label for="tieu-de">{ta().form_title}</label>
            <input id="tieu-de" name="article[title]" type="text" required maxlength="300"
                value=form.title.clone() prop:value=title on:input=on_title/>
            <label for="sapo">{ta().form_sapo}</label>
            <textarea id="sapo" name="article[sapo]" rows="3" maxlength="1000" prop:value=sapo on:input=on_sapo>{form.sapo.clone()}</textarea>
            <label for="chuyen-muc">{ta().nav_categories}</label>
            <select id="chuyen-muc" name="article[category_id]" required prop:value=category on:change=on_category>
                <option value="">{ta().form_choose_category}</option>
                {choice_options(&form.categories, selected)}
            </select>
            <label for="the">{ta().form_tags}</label>
            <input id="the" name="article[tags]" type="text" value=form.tags.clone() prop:value=tags on:input=on_tags/>
            <label for="than-bai">{ta().form_body}</label>
            <p class="hint" id="than-bai-goi-y">
                {ta().form_body_hint}
                {ta().form_body_hint_images}
            </p>
            <textarea id="than-bai" name="article[body]" rows="20" class="body-input" aria-describedby="than-bai-goi-y"
                prop:value=body on:input=on_body>{form.body.clone()}</textarea>
            <p class="body-tools">
                <button type="button" class="button-secondary" aria-controls="chon-anh" aria-expanded=move || picking.get().to_string()
                    on:click=move |_| picking.set(true)>{tmd().insert_picture}</button>
            </p>
            <div class="form-grid">
                <div>
                    <label for="tac-gia">{ta().form_byline}</label>
                    <input id="tac-gia" name="article[byline]" type="text" maxlength="200" value=form.byline.clone() prop:value=byline on:input=on_byline/>
                </div>
                <div>
                    <label for="nguon">{ta().form_source}</label>
                    <input id="nguon" name="article[source]" type="text" maxlength="200" value=form.source.clone() prop:value=source on:input=on_source/>
                </div>
                <div>
                    <label for="het-han">{ta().form_expiry}</label>
                    <input id="het-han" name="article[expire_at]" type="datetime-local" value=form.expire_at.clone() prop:value=expire on:input=on_expire/>
                </div>
            </div>
            <fieldset class="checks">
                <legend>{ta().form_readers}</legend>
                <label class="check"><input type="checkbox" name="article[allow_comments]" checked=form.allow_comments/>{ta().form_allow_comments}</label>
                <label class="check"><input type="checkbox" name="article[allow_ratings]" checked=form.allow_ratings/>{ta().form_allow_ratings}</label>
            </fieldset>
            {form.can_feature.then(|| view! {
                <label class="check"><input type="checkbox" name="article[featured]" checked=form.featured/>{ta().form_featured}</label>
            })}
            {form_error(save.value())}
            <button type="submit" class="button-primary" disabled=move || pending.get()>
                {move || if pending.get() { ta().form_saving } else { ta().form_save }}
            </button>
        </ActionForm>
        // outside the article's form: the picker's uploader is a form of its own
        {move || picking.get().then(|| view! {
            <MediaPicker pick=move |item: MediaItem| {
                fields.update(|f| {
                    let at = cursor_in("than-bai", &f.body).unwrap_or(f.body.len());
                    f.body.insert_str(at, &format!("\n\n![]({})\n\n", item.src));
                });
                picking.set(false);
            } close=move |_| picking.set(false)/>
        })}
    }
}
