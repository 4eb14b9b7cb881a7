//! The article's fields around the body: title and sapo above it; category, tags
//! (`tags`: with suggestions), topics, byline, source, expiry and the readers'
//! switches beside it; and the conflict panel, shown when someone saved a newer revision: the two versions' differences, and a
//! way to keep either.

use leptos::prelude::*;

use super::autosave::Saver;
use super::surface::Surface;
use crate::content::Doc;
use crate::content::diff::{diff_docs, diff_text};
use crate::features::editorial::form::get_article_form;
use crate::features::editorial::model::{Choice, Draft};
use crate::features::editorial::revisions::{body_changes, pieces_view as pieces};
use crate::features::editorial::widgets::choice_options;
use crate::i18n::{ta, te};

macro_rules! bind {
    ($fields:ident, $field:ident) => {
        (
            move || $fields.with(|f| f.$field.clone()),
            move |ev| {
                let v = event_target_value(&ev);
                $fields.update(|f| f.$field = v);
            },
        )
    };
}

#[component]
pub fn TitleFields(fields: RwSignal<Draft>) -> impl IntoView {
    let (title, on_title) = bind!(fields, title);
    let (sapo, on_sapo) = bind!(fields, sapo);
    view! {
        <label for="tieu-de">{ta().form_title}</label>
        <input id="tieu-de" type="text" required maxlength="300" class="editor-title" prop:value=title on:input=on_title/>
        <label for="sapo">{ta().form_sapo}</label>
        <textarea id="sapo" rows="3" maxlength="1000" prop:value=sapo on:input=on_sapo></textarea>
    }
}

#[component]
pub fn SideFields(
    fields: RwSignal<Draft>,
    categories: Vec<Choice>,
    topics: Vec<Choice>,
    known_tags: Vec<String>,
    can_feature: bool,
) -> impl IntoView {
    let (byline, on_byline) = bind!(fields, byline);
    let (source, on_source) = bind!(fields, source);
    let (expire, on_expire) = bind!(fields, expire_at);
    let (publish, on_publish) = bind!(fields, publish_at);
    let category =
        move || fields.with(|f| f.category_id.map(|c| c.to_string()).unwrap_or_default());
    let on_category = move |ev| {
        let v = event_target_value(&ev).parse::<i64>().ok();
        fields.update(|f| f.category_id = v);
    };
    let selected = fields.with_untracked(|f| f.category_id);
    let check = move |get: fn(&Draft) -> bool, set: fn(&mut Draft, bool)| {
        (
            move || fields.with(get),
            move |ev| {
                let on = event_target_checked(&ev);
                fields.update(|f| set(f, on));
            },
        )
    };
    let (comments, on_comments) = check(|f| f.allow_comments, |f, v| f.allow_comments = v);
    let (ratings, on_ratings) = check(|f| f.allow_ratings, |f, v| f.allow_ratings = v);
    let (featured, on_featured) = check(|f| f.featured, |f, v| f.featured = v);
    let (members, on_members) = check(|f| f.members_only, |f, v| f.members_only = v);
    view! {
        <div class="stacked-form editor-fields">
            <label for="chuyen-muc">{ta().nav_categories}</label>
            <select id="chuyen-muc" required prop:value=category on:change=on_category>
                <option value="">{ta().form_choose_category}</option>
                {choice_options(&categories, selected)}
            </select>
            <super::tags::TagsField fields known=known_tags/>
            {(!topics.is_empty()).then(|| view! {
                <fieldset class="checks">
                    <legend>{te().topics}</legend>
                    {topics.into_iter().map(|t| {
                        let id = t.id;
                        view! {
                            <label class="check">
                                <input type="checkbox"
                                    prop:checked=move || fields.with(|f| f.topic_ids.contains(&id))
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        fields.update(|f| {
                                            f.topic_ids.retain(|t| *t != id);
                                            if on {
                                                f.topic_ids.push(id);
                                                f.topic_ids.sort_unstable();
                                            }
                                        });
                                    }/>
                                {t.label}
                            </label>
                        }
                    }).collect_view()}
                </fieldset>
            })}
            <label for="tac-gia">{ta().form_byline}</label>
            <input id="tac-gia" type="text" maxlength="200" prop:value=byline on:input=on_byline/>
            <label for="nguon">{ta().form_source}</label>
            <input id="nguon" type="text" maxlength="200" prop:value=source on:input=on_source/>
            <label for="gio-dang">{te().publish_at}</label>
            <input id="gio-dang" type="datetime-local" aria-describedby="gio-dang-goi-y" prop:value=publish on:input=on_publish/>
            <p class="hint" id="gio-dang-goi-y">{te().publish_hint}</p>
            <label for="het-han">{ta().form_expiry}</label>
            <input id="het-han" type="datetime-local" prop:value=expire on:input=on_expire/>
            <fieldset class="checks">
                <legend>{ta().form_readers}</legend>
                <label class="check"><input type="checkbox" prop:checked=comments on:change=on_comments/>{ta().form_allow_comments}</label>
                <label class="check"><input type="checkbox" prop:checked=ratings on:change=on_ratings/>{ta().form_allow_ratings}</label>
                <label class="check"><input type="checkbox" id="chi-thanh-vien" prop:checked=members on:change=on_members/>{ta().form_members_only}</label>
            </fieldset>
            {can_feature.then(|| view! {
                <label class="check"><input type="checkbox" prop:checked=featured on:change=on_featured/>{ta().form_featured}</label>
            })}
        </div>
    }
}

/// Cuts `s` to `max` characters, with an ellipsis when it was longer (as search
/// results show it).
fn cut(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let mut c: String = s.chars().take(max).collect();
        c.push('…');
        c
    }
}

/// What search engines and shared links show: the SEO title and description, their
/// live length against what results show in full, and a search result as it would
/// read (empty fields: the title and the sapo).
#[component]
pub fn SeoFields(fields: RwSignal<Draft>, address: String) -> impl IntoView {
    use crate::features::editorial::model::{
        MAX_SEO_DESCRIPTION_CHARS, MAX_SEO_TITLE_CHARS, SEO_DESCRIPTION_CHARS, SEO_TITLE_CHARS,
    };
    use crate::i18n::fill;
    let t = te();
    let (title, on_title) = bind!(fields, seo_title);
    let (description, on_description) = bind!(fields, seo_description);
    let shown_title = move || {
        fields.with(|f| {
            if f.seo_title.trim().is_empty() {
                f.title.clone()
            } else {
                f.seo_title.clone()
            }
        })
    };
    let shown_description = move || {
        fields.with(|f| {
            if f.seo_description.trim().is_empty() {
                f.sapo.clone()
            } else {
                f.seo_description.clone()
            }
        })
    };
    let count = move |text: String, best: usize| {
        let n = text.chars().count();
        if n > best {
            fill(t.seo_count_over, &[&n, &best])
        } else {
            fill(t.seo_count, &[&n, &best])
        }
    };
    view! {
        <details class="editor-seo">
            <summary>{t.seo_heading}</summary>
            <div class="stacked-form">
                <label for="seo-tieu-de">{t.seo_title}</label>
                <input id="seo-tieu-de" type="text" maxlength=MAX_SEO_TITLE_CHARS.to_string()
                    aria-describedby="seo-tieu-de-dem" prop:value=title on:input=on_title/>
                <p class="hint" id="seo-tieu-de-dem" aria-live="polite">{move || count(shown_title(), SEO_TITLE_CHARS)}</p>
                <label for="seo-mo-ta">{t.seo_description}</label>
                <textarea id="seo-mo-ta" rows="3" maxlength=MAX_SEO_DESCRIPTION_CHARS.to_string()
                    aria-describedby="seo-mo-ta-dem" prop:value=description on:input=on_description></textarea>
                <p class="hint" id="seo-mo-ta-dem" aria-live="polite">{move || count(shown_description(), SEO_DESCRIPTION_CHARS)}</p>
            </div>
            <p class="label">{t.seo_preview}</p>
            <div class="search-preview">
                <p class="sp-address">{address}</p>
                <p class="sp-title">{move || cut(&shown_title(), SEO_TITLE_CHARS)}</p>
                <p class="sp-description">{move || cut(&shown_description(), SEO_DESCRIPTION_CHARS)}</p>
            </div>
        </details>
    }
}

/// Someone saved after this editor opened the article: what differs between the
/// stored version and this one, and the choice of which to keep. Nothing is saved
/// until the editor chooses.
#[component]
pub fn Conflict(s: Surface, saver: Saver, fields: RwSignal<Draft>) -> impl IntoView {
    let t = te();
    let id = saver.base.get_untracked().0.unwrap_or(0);
    let stored = LocalResource::new(move || get_article_form(id));
    let keep_mine = move |theirs: Draft| saver.settled(theirs);
    let take_theirs = move |theirs: Draft| {
        fields.set(Draft {
            doc: Doc::default(),
            ..theirs.clone()
        });
        s.reset(theirs.doc.clone());
        saver.settled(theirs);
    };
    view! {
        <section class="notice notice-warn editor-conflict" role="alert" aria-labelledby="xung-dot">
            <h2 id="xung-dot">{t.conflict_heading}</h2>
            <p>{t.conflict_intro}</p>
            <Suspense fallback=|| view! { <p class="loading">{crate::i18n::t().loading}</p> }>
                {move || Suspend::new(async move {
                    match stored.await {
                        Ok(form) => {
                            let theirs = form.draft;
                            let mine = Draft { doc: s.doc(), ..fields.get_untracked() };
                            let title = (theirs.title != mine.title).then(|| diff_text(&theirs.title, &mine.title));
                            let sapo = (theirs.sapo != mine.sapo).then(|| diff_text(&theirs.sapo, &mine.sapo));
                            let changes = diff_docs(&theirs.doc, &mine.doc);
                            let (a, b) = (theirs.clone(), theirs);
                            view! {
                                <p class="hint">{t.conflict_legend}</p>
                                <dl class="diff-fields">
                                    {title.map(|p| view! { <dt>{ta().form_title}</dt><dd>{pieces(p)}</dd> })}
                                    {sapo.map(|p| view! { <dt>{ta().form_sapo}</dt><dd>{pieces(p)}</dd> })}
                                </dl>
                                <ol class="diff">{body_changes(changes)}</ol>
                                <button type="button" class="button-primary" on:click=move |_| keep_mine(a.clone())>{t.conflict_keep_mine}</button>
                                " "
                                <button type="button" class="button-secondary" on:click=move |_| take_theirs(b.clone())>{t.conflict_take_theirs}</button>
                            }.into_any()
                        }
                        Err(e) => view! { <p class="form-error">{e.to_string()}</p> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}
