//! `/quan-tri/chuyen-muc` (admin): the category tree with ordering and nesting.

use leptos::form::ActionForm;
use leptos::prelude::*;

use super::admin_api::{
    CategoryAdminRow, DeleteCategory, MoveCategory, SaveCategory, get_category_admin,
};
use crate::components::admin_content;
use crate::components::form_error;
use crate::i18n::{fill, ta};

fn parent_options(
    rows: &[CategoryAdminRow],
    selected: Option<i64>,
    except: i64,
) -> impl IntoView + use<> {
    rows.iter()
        .filter(|r| r.id != except)
        .map(|r| {
            let is = selected == Some(r.id);
            let label = format!("{}{}", "— ".repeat(r.depth), r.name);
            view! { <option value=r.id.to_string() selected=is>{label}</option> }
        })
        .collect_view()
}

/// A button that moves category `id` one place `direction` ("up", "down") among its
/// siblings; disabled where it cannot go further.
fn move_button(
    reorder: ServerAction<MoveCategory>,
    id: i64,
    direction: &'static str,
    arrow: &'static str,
    label: String,
    at_end: bool,
) -> impl IntoView + use<> {
    view! {
        <ActionForm action=reorder attr:class="inline-form">
            <input type="hidden" name="category_id" value=id.to_string()/>
            <input type="hidden" name="direction" value=direction/>
            <button type="submit" class="button-small" disabled=at_end aria-label=label>{arrow}</button>
        </ActionForm>
    }
}

#[component]
pub fn CategoriesAdminPage() -> impl IntoView {
    let save = ServerAction::<SaveCategory>::new();
    let reorder = ServerAction::<MoveCategory>::new();
    let delete = ServerAction::<DeleteCategory>::new();
    let data = crate::components::admin::page_data(
        module_path!(),
        move || {
            (
                save.version().get(),
                reorder.version().get(),
                delete.version().get(),
            )
        },
        |_| get_category_admin(),
    );
    admin_content(ta().nav_categories, data, move |rows| {
        let all = rows.clone();
        let new_parents = parent_options(&all, None, 0);
        let items = rows.into_iter().map(|r| {
                    let id = r.id;
                    let p = move |f: &str| format!("cm-{id}-{f}");
                    let style = format!("--depth: {}", r.depth);
                    let parents = parent_options(&all, r.parent_id, id);
                    let up_label = fill(ta().categories_move_up, &[&r.name]);
                    let down_label = fill(ta().categories_move_down, &[&r.name]);
                    view! {
                        <li class="category-row" style=style>
                            <div class="category-line">
                                <span class="category-name">{r.name.clone()}</span>
                                <span class="muted">{format!(" /chuyen-muc/{} · {}", r.slug, fill(ta().desk_article_count, &[&r.articles]))}</span>
                                <span class="category-tools">
                                    {move_button(reorder, id, "up", "↑", up_label, r.first)}
                                    {move_button(reorder, id, "down", "↓", down_label, r.last)}
                                </span>
                            </div>
                            <details>
                                <summary>{ta().categories_edit}</summary>
                                <ActionForm action=save attr:class="stacked-form">
                                    <input type="hidden" name="category_id" value=id.to_string()/>
                                    <label for=p("ten")>{ta().categories_name}</label>
                                    <input id=p("ten") name="name" type="text" required maxlength="120" value=r.name.clone()/>
                                    <label for=p("slug")>{ta().categories_slug}</label>
                                    <input id=p("slug") name="slug" type="text" maxlength="120" value=r.slug.clone()/>
                                    <label for=p("cha")>{ta().categories_parent}</label>
                                    <select id=p("cha") name="parent_id">
                                        <option value="">{ta().categories_top_level}</option>
                                        {parents}
                                    </select>
                                    <label for=p("mo-ta")>{ta().categories_description}</label>
                                    <textarea id=p("mo-ta") name="description" rows="2" maxlength="1000">{r.description.clone()}</textarea>
                                    <button type="submit" class="button-primary">{ta().categories_save}</button>
                                </ActionForm>
                                <ActionForm action=delete attr:class="action-form">
                                    <input type="hidden" name="category_id" value=id.to_string()/>
                                    <button type="submit" class="button-secondary">{ta().categories_delete}</button>
                                </ActionForm>
                            </details>
                        </li>
                    }
                }).collect_view();
        view! {
            <h1>{ta().nav_categories}</h1>
            <p class="admin-intro">{ta().categories_intro}</p>
            {form_error(save.value())}
            {form_error(reorder.value())}
            {form_error(delete.value())}
            <ul class="category-admin">{items}
            </ul>
            <section class="desk-section" aria-labelledby="them-chuyen-muc">
                <h2 id="them-chuyen-muc">{ta().categories_add}</h2>
                <ActionForm action=save attr:class="stacked-form">
                    <input type="hidden" name="category_id" value="0"/>
                    <label for="cm-moi-ten">{ta().categories_name}</label>
                    <input id="cm-moi-ten" name="name" type="text" required maxlength="120"/>
                    <label for="cm-moi-slug">{ta().categories_slug_new}</label>
                    <input id="cm-moi-slug" name="slug" type="text" maxlength="120"/>
                    <label for="cm-moi-cha">{ta().categories_parent}</label>
                    <select id="cm-moi-cha" name="parent_id">
                        <option value="">{ta().categories_top_level}</option>
                        {new_parents}
                    </select>
                    <label for="cm-moi-mo-ta">{ta().categories_description}</label>
                    <textarea id="cm-moi-mo-ta" name="description" rows="2" maxlength="1000"></textarea>
                    <button type="submit" class="button-primary">{ta().categories_add}</button>
                </ActionForm>
            </section>
        }
    })
}
