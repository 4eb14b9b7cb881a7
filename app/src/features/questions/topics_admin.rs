//! `/quan-tri/hoi-dap/linh-vuc` (moderators): the fields questions are asked under,
//! with their published counts: add one, rename one, delete one without questions.
//! Each change is in the audit log.

use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;
use leptos_router::components::A;

use super::model::QaTopic;
use crate::components::admin::page_data;
use crate::components::{admin_content, form_error};
use crate::core::error::AppError;
use crate::i18n::tqa;

/// The page's address.
pub const ADMIN_TOPICS_PATH: &str = "/quan-tri/hoi-dap/linh-vuc";

/// The fields in their order.
#[server(input = GetUrl)]
pub async fn get_qa_topics_admin() -> Result<Vec<QaTopic>, AppError> {
    use crate::features::accounts::{Permission, auth};
    let ctx = crate::core::state::app_context()?;
    auth::require(Permission::ModerateComments).await?;
    Ok(super::store::topics(&ctx.pool).await?)
}

/// Adds a field (`id` 0) or renames one; 409 for a name or address another has.
#[server]
pub async fn save_qa_topic(id: i64, name: String) -> Result<(), AppError> {
    use super::store;
    use crate::features::accounts::{Permission, auth};
    let ctx = crate::core::state::app_context()?;
    let me = auth::require(Permission::ModerateComments).await?;
    let s = crate::i18n::tqa();
    let name = crate::core::text::nfc(&name.split_whitespace().collect::<Vec<_>>().join(" "));
    let slug = crate::core::text::slugify(&name);
    if !(2..=120).contains(&name.chars().count()) || slug.is_empty() {
        return Err(AppError::Invalid(s.topic_name_invalid.into()));
    }
    let now = crate::core::time::now();
    let turn = ctx.write_turn().await;
    let mut tx = crate::core::state::begin_write(&ctx.pool).await?;
    if store::topic_taken(&mut tx, &name, if id == 0 { &slug } else { "" }, id).await? {
        return Err(AppError::Conflict(s.topic_taken.into()));
    }
    let (id, action) = if id == 0 {
        (
            store::ensure_topic(&mut tx, &slug, &name).await?,
            "qa_topic.create",
        )
    } else {
        // a field keeps its address when renamed: links to it stay
        if !store::rename_topic(&mut tx, id, &name).await? {
            return Err(AppError::NotFound);
        }
        (id, "qa_topic.rename")
    };
    crate::features::audit::record(
        &mut tx,
        Some(me.id),
        action,
        &format!("qa_topic:{id}"),
        &name,
        now,
    )
    .await?;
    tx.commit().await?;
    drop(turn);
    Ok(())
}

/// Deletes a field that has no questions (409 otherwise).
#[server]
pub async fn delete_qa_topic(id: i64) -> Result<(), AppError> {
    use crate::features::accounts::{Permission, auth};
    let ctx = crate::core::state::app_context()?;
    let me = auth::require(Permission::ModerateComments).await?;
    let now = crate::core::time::now();
    let turn = ctx.write_turn().await;
    let mut tx = crate::core::state::begin_write(&ctx.pool).await?;
    if !super::store::delete_topic(&mut tx, id).await? {
        return Err(AppError::Conflict(crate::i18n::tqa().topic_in_use.into()));
    }
    crate::features::audit::record(
        &mut tx,
        Some(me.id),
        "qa_topic.delete",
        &format!("qa_topic:{id}"),
        "",
        now,
    )
    .await?;
    tx.commit().await?;
    drop(turn);
    Ok(())
}

#[component]
pub fn QaTopicsPage() -> impl IntoView {
    let save = ServerAction::<SaveQaTopic>::new();
    let delete = ServerAction::<DeleteQaTopic>::new();
    let data = page_data(
        module_path!(),
        move || (save.version().get(), delete.version().get()),
        |_| get_qa_topics_admin(),
    );
    let s = tqa();
    admin_content(s.topics_admin, data, move |topics| {
        let rows = topics
            .into_iter()
            .map(|t| {
                let field = format!("lv-ten-{}", t.id);
                let public = format!("{}?linh-vuc={}", super::model::QA_PATH, t.slug);
                view! {
                    <tr>
                        <td>
                            <ActionForm action=save attr:class="inline-form">
                                <input type="hidden" name="id" value=t.id.to_string()/>
                                <label class="visually-hidden" for=field.clone()>{s.topic_name_label}</label>
                                <input id=field name="name" type="text" required maxlength="120" value=t.name.clone()/>
                                <button type="submit" class="button-secondary">{s.topic_rename}</button>
                            </ActionForm>
                        </td>
                        <td><a href=public>{t.published}</a></td>
                        <td>
                            <ActionForm action=delete attr:class="inline-form">
                                <input type="hidden" name="id" value=t.id.to_string()/>
                                <button type="submit" class="button-danger">{s.topic_delete}</button>
                            </ActionForm>
                        </td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <h1>{s.topics_admin}</h1>
            {form_error(save.value())}
            {form_error(delete.value())}
            <div class="table-wrap"><table class="desk-table">
                <thead><tr>
                    <th scope="col">{s.topic_name_label}</th>
                    <th scope="col">{s.topic_questions}</th>
                    <th scope="col"><span class="visually-hidden">{s.topic_delete}</span></th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table></div>
            <ActionForm action=save attr:class="stacked-form qa-answer-form">
                <input type="hidden" name="id" value="0"/>
                <label for="lv-moi">{s.topic_name_label}</label>
                <input id="lv-moi" name="name" type="text" required minlength="2" maxlength="120"/>
                <button type="submit" class="button-primary">{s.topic_add}</button>
            </ActionForm>
            <p><A href=super::model::ADMIN_QA_PATH>{s.back_to_queue}</A></p>
        }
    })
}
