//! Pages of the editorial desk: dashboard, article list, article page (status,
//! actions, history, notes, revisions), the editing form and the revision compare.

use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::api::{
    AddNote, RestoreRevision, SaveArticle, get_article_form, get_dashboard, get_desk_article,
    get_desk_list, get_revision_diff,
};
use super::model::{ArticleFormData, Choice, DeskRow, desk_href};
use crate::components::{Pagination, form_error};
use crate::content::diff::{BlockChange, Piece};
use crate::features::admin::views::{admin_page, status_badge};
use crate::features::articles::model::page_param;
use crate::features::workflow::api::TransitionArticle;
use crate::features::workflow::model::Status;

/// The options of a select list, `selected` marked.
fn choice_options(choices: &[Choice], selected: Option<i64>) -> impl IntoView + use<> {
    choices
        .iter()
        .map(|c| {
            let is = selected == Some(c.id);
            view! { <option value=c.id.to_string() selected=is>{c.label.clone()}</option> }
        })
        .collect_view()
}

/// A short table of articles.
fn desk_table(rows: Vec<DeskRow>, empty: &'static str) -> impl IntoView {
    if rows.is_empty() {
        return view! { <p class="muted">{empty}</p> }.into_any();
    }
    view! {
        <div class="table-wrap">
            <table class="desk-table">
                <thead><tr>
                    <th scope="col">"Tiêu đề"</th><th scope="col">"Trạng thái"</th>
                    <th scope="col">"Chuyên mục"</th><th scope="col">"Người viết"</th><th scope="col">"Cập nhật"</th>
                </tr></thead>
                <tbody>
                    {rows.into_iter().map(|r| view! {
                        <tr>
                            <td><A href=r.href()>{r.title.clone()}</A></td>
                            <td>{status_badge(r.status)}</td>
                            <td>{r.category}</td>
                            <td>{r.author.unwrap_or_default()}</td>
                            <td class="nowrap">{r.updated}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}

/// `/quan-tri`
#[component]
pub fn DashboardPage() -> impl IntoView {
    let data = Resource::new(|| (), |_| get_dashboard());
    admin_page("Tổng quan", data, |d| {
        let has_desk = !d.counts.is_empty();
        view! {
            <h1>"Tổng quan"</h1>
            <p class="admin-intro">{format!("Xin chào {} ({}).", d.display_name, d.role_label)}</p>
            {d.comments.clone().map(|c| view! {
                <section class="desk-section" aria-labelledby="y-kien-cho">
                    <h2 id="y-kien-cho">"Ý kiến bạn đọc"</h2>
                    <ul class="status-counts">
                        <li><a href="/quan-tri/y-kien?muc=pending"><span class="count">{c.pending}</span>"Chờ duyệt"</a></li>
                        <li><a href="/quan-tri/y-kien?muc=reported"><span class="count">{c.reported}</span>"Bị báo cáo"</a></li>
                        <li><a href="/quan-tri/y-kien?muc=approved"><span class="count">{c.approved}</span>"Đã đăng"</a></li>
                    </ul>
                </section>
            })}
            {has_desk.then(|| view! {
                <ul class="status-counts" aria-label="Số bài theo trạng thái">
                    {d.counts.clone().into_iter().map(|(s, n)| {
                        let href = format!("/quan-tri/bai-viet?trang-thai={}", s.as_str());
                        view! { <li><A href=href><span class="count">{n}</span>{status_badge(s)}</A></li> }
                    }).collect_view()}
                </ul>
                <p><A href="/quan-tri/bai-viet/moi" attr:class="button-primary">"Viết bài mới"</A></p>
                <section class="desk-section">
                    <h2>"Bản nháp của tôi"</h2>
                    {desk_table(d.my_drafts.clone(), "Không có bản nháp nào.")}
                </section>
                <section class="desk-section">
                    <h2>{if d.can_approve { "Bài chờ tôi duyệt" } else { "Bài tôi đã gửi, đang chờ duyệt" }}</h2>
                    {desk_table(d.awaiting.clone(), "Không có bài nào đang chờ duyệt.")}
                </section>
                <section class="desk-section">
                    <h2>"Mới xuất bản"</h2>
                    {desk_table(d.recently_published.clone(), "Chưa có bài nào được xuất bản.")}
                </section>
            })}
        }
    })
}

/// `/quan-tri/bai-viet?trang-thai=&chuyen-muc=&tac-gia=&q=&trang=`
#[component]
pub fn DeskListPage() -> impl IntoView {
    let query = use_query_map();
    let data = Resource::new(
        move || {
            let q = query.read();
            let get = |k: &str| q.get(k).unwrap_or_default();
            (
                get("trang-thai"),
                get("chuyen-muc"),
                get("tac-gia"),
                get("q"),
                page_param(q.get("trang")),
            )
        },
        |(status, category, author, q, page)| get_desk_list(status, category, author, q, page),
    );
    admin_page("Bài viết", data, |d| {
        let f = d.filter.clone();
        let mut base = format!(
            "/quan-tri/bai-viet?trang-thai={}&chuyen-muc={}&tac-gia={}&q={}",
            f.status.map(|s| s.as_str()).unwrap_or(""),
            f.category_id.map(|c| c.to_string()).unwrap_or_default(),
            f.author_id.map(|c| c.to_string()).unwrap_or_default(),
            crate::components::urlencode(&f.text),
        );
        if f.status.is_none()
            && f.category_id.is_none()
            && f.author_id.is_none()
            && f.text.is_empty()
        {
            base = "/quan-tri/bai-viet".into();
        }
        let status_options = Status::ALL
            .iter()
            .map(|s| {
                let selected = f.status == Some(*s);
                view! { <option value=s.as_str() selected=selected>{s.label()}</option> }
            })
            .collect_view();
        let category_options = choice_options(&d.categories, f.category_id);
        let author_options = choice_options(&d.authors, f.author_id);
        let (page, pages, total) = (d.rows.page, d.rows.pages, d.rows.total);
        view! {
            <div class="admin-head">
                <h1>"Bài viết"</h1>
                <A href="/quan-tri/bai-viet/moi" attr:class="button-primary">"Viết bài mới"</A>
            </div>
            <form method="get" action="/quan-tri/bai-viet" class="filters" role="search">
                <div class="field">
                    <label for="loc-q">"Tìm theo tiêu đề"</label>
                    <input id="loc-q" type="search" name="q" value=f.text.clone()/>
                </div>
                <div class="field">
                    <label for="loc-trang-thai">"Trạng thái"</label>
                    <select id="loc-trang-thai" name="trang-thai">
                        <option value="">"Tất cả"</option>
                        {status_options}
                    </select>
                </div>
                <div class="field">
                    <label for="loc-chuyen-muc">"Chuyên mục"</label>
                    <select id="loc-chuyen-muc" name="chuyen-muc">
                        <option value="">"Tất cả"</option>
                        {category_options}
                    </select>
                </div>
                {(!d.own_only).then(|| view! {
                    <div class="field">
                        <label for="loc-tac-gia">"Người viết"</label>
                        <select id="loc-tac-gia" name="tac-gia">
                            <option value="">"Tất cả"</option>
                            {author_options}
                        </select>
                    </div>
                })}
                <button type="submit" class="button-secondary">"Lọc"</button>
            </form>
            <p class="admin-intro">{format!("{total} bài")}{d.own_only.then_some(" (bài của bạn)")}</p>
            {desk_table(d.rows.items, "Không có bài nào khớp bộ lọc.")}
            <Pagination base page pages/>
        }
    })
}

/// One action button (with its reason or time field) of the article page.
fn action_form(
    transition: ServerAction<TransitionArticle>,
    id: i64,
    choice: super::model::ActionChoice,
) -> impl IntoView {
    let field_id = format!("ly-do-{}", choice.action);
    let time_id = format!("thoi-diem-{}", choice.action);
    let class = match choice.action.as_str() {
        "reject" | "unpublish" | "archive" => "button-secondary",
        _ => "button-primary",
    };
    view! {
        <ActionForm action=transition attr:class="action-form">
            <input type="hidden" name="article_id" value=id.to_string()/>
            <input type="hidden" name="action" value=choice.action.clone()/>
            {choice.needs_reason.then(|| view! {
                <label for=field_id.clone()>"Lý do từ chối (bắt buộc)"</label>
                <textarea id=field_id.clone() name="reason" rows="3" required maxlength="2000"></textarea>
            })}
            {choice.needs_time.then(|| view! {
                <label for=time_id.clone()>"Thời điểm đăng (giờ Việt Nam)"</label>
                <input id=time_id.clone() type="datetime-local" name="publish_at" required/>
            })}
            <button type="submit" class=class>{choice.label}</button>
        </ActionForm>
    }
}

/// `/quan-tri/bai-viet/:id`
#[component]
pub fn DeskArticlePage() -> impl IntoView {
    let params = use_params_map();
    let transition = ServerAction::<TransitionArticle>::new();
    let note = ServerAction::<AddNote>::new();
    let id = move || {
        params
            .read()
            .get("id")
            .and_then(|s| s.parse::<i64>().ok())
            .unwrap_or(-1)
    };
    let data = Resource::new(
        move || (id(), transition.version().get(), note.version().get()),
        |(id, _, _)| get_desk_article(id),
    );
    admin_page("Bài viết", data, move |a| {
        let id = a.id;
        let facts = view! {
            <dl class="facts">
                <dt>"Trạng thái"</dt><dd>{status_badge(a.status)}</dd>
                <dt>"Chuyên mục"</dt><dd>{a.category.clone()}</dd>
                <dt>"Người viết"</dt><dd>{a.author.clone().unwrap_or_else(|| "—".into())}</dd>
                <dt>"Tạo lúc"</dt><dd>{a.created.clone()}</dd>
                <dt>"Cập nhật"</dt><dd>{a.updated.clone()}</dd>
                {a.publish_at.clone().map(|p| view! { <dt>"Thời điểm đăng"</dt><dd>{p}</dd> })}
                {a.expire_at.clone().map(|p| view! { <dt>"Hết hạn"</dt><dd>{p}</dd> })}
                {(!a.tags.is_empty()).then(|| view! { <dt>"Thẻ"</dt><dd>{a.tags.join(", ")}</dd> })}
                {a.public_href.clone().map(|h| {
                    let text = h.clone();
                    view! { <dt>"Trên cổng"</dt><dd><a href=h>{text}</a></dd> }
                })}
            </dl>
        };
        let revisions = a.revisions.clone();
        let newest = revisions.first().map(|r| r.number).unwrap_or(0);
        view! {
            <p class="admin-back"><A href="/quan-tri/bai-viet">"‹ Danh sách bài"</A></p>
            <h1>{a.title.clone()}</h1>
            {a.rejection.clone().map(|r| view! {
                <div class="notice notice-warn" role="note">
                    <strong>"Bài bị từ chối. Lý do: "</strong>{r}
                    <p>"Sửa bài rồi gửi duyệt lại."</p>
                </div>
            })}
            {(!a.sapo.is_empty()).then(|| view! { <p class="desk-sapo">{a.sapo.clone()}</p> })}
            {facts}
            <section class="desk-section" aria-labelledby="thao-tac">
                <h2 id="thao-tac">"Thao tác"</h2>
                <div class="action-row">
                    {a.can_edit.then(|| view! {
                        <A href=format!("{}/sua", desk_href(id)) attr:class="button-primary">"Sửa bài"</A>
                    })}
                    {a.actions.clone().into_iter().map(|c| action_form(transition, id, c)).collect_view()}
                </div>
                {form_error(transition.value())}
                {(!a.can_edit && a.actions.is_empty()).then(|| view! {
                    <p class="muted">"Bạn không có thao tác nào với bài ở trạng thái này."</p>
                })}
            </section>
            <section class="desk-section" aria-labelledby="lich-su">
                <h2 id="lich-su">"Lịch sử trạng thái"</h2>
                {if a.events.is_empty() {
                    view! { <p class="muted">"Chưa chuyển trạng thái lần nào."</p> }.into_any()
                } else {
                    view! {
                        <ol class="timeline">
                            {a.events.clone().into_iter().map(|e| view! {
                                <li>
                                    <span class="when">{e.at}</span>" "
                                    <strong>{e.actor.unwrap_or_else(|| "Hệ thống".into())}</strong>
                                    {format!(": {} → {}", e.from.label(), e.to.label())}
                                    {(!e.reason.is_empty()).then(|| view! { <span class="reason">{format!(" — {}", e.reason)}</span> })}
                                </li>
                            }).collect_view()}
                        </ol>
                    }.into_any()
                }}
            </section>
            <section class="desk-section" aria-labelledby="ghi-chu">
                <h2 id="ghi-chu">"Ghi chú biên tập"</h2>
                <p class="muted">"Chỉ người trong Ban Biên tập thấy các ghi chú này."</p>
                <ul class="notes">
                    {a.notes.clone().into_iter().map(|n| view! {
                        <li>
                            <p class="note-head"><strong>{n.author.unwrap_or_default()}</strong>" · "<span class="when">{n.at}</span></p>
                            <p class="note-body">{n.body}</p>
                        </li>
                    }).collect_view()}
                </ul>
                <ActionForm action=note attr:class="stacked-form">
                    <input type="hidden" name="article_id" value=id.to_string()/>
                    <label for="ghi-chu-moi">"Thêm ghi chú"</label>
                    <textarea id="ghi-chu-moi" name="body" rows="3" required maxlength="4000"></textarea>
                    {form_error(note.value())}
                    <button type="submit" class="button-secondary">"Lưu ghi chú"</button>
                </ActionForm>
            </section>
            <section class="desk-section" aria-labelledby="phien-ban">
                <h2 id="phien-ban">"Các phiên bản"</h2>
                {if revisions.is_empty() {
                    view! { <p class="muted">"Bài chưa được sửa trong khu quản trị."</p> }.into_any()
                } else {
                    view! {
                        <ol class="revisions" reversed>
                            {revisions.into_iter().map(|r| {
                                let compare = (r.number > 1).then(|| {
                                    let href = format!("{}/phien-ban?tu={}&den={}", desk_href(id), r.number - 1, r.number);
                                    view! { " · " <A href=href>"Xem thay đổi"</A> }
                                });
                                let current = (r.number == newest).then_some(" (hiện tại)");
                                view! {
                                    <li>
                                        <strong>{format!("Phiên bản {}", r.number)}</strong>{current}
                                        {format!(" — {} · {} · {}", r.summary, r.author.unwrap_or_else(|| "Nhập từ tệp".into()), r.at)}
                                        {compare}
                                    </li>
                                }
                            }).collect_view()}
                        </ol>
                    }.into_any()
                }}
            </section>
        }
    })
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
    let id = move || {
        params
            .read()
            .get("id")
            .and_then(|s| s.parse::<i64>().ok())
            .unwrap_or(0)
    };
    let data = Resource::new(id, get_article_form);
    let title = if params.read_untracked().get("id").is_some() {
        "Sửa bài"
    } else {
        "Viết bài mới"
    };
    admin_page(title, data, move |f| view! { <ArticleForm form=f/> })
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
    let (expire, on_expire) = bind!(expire_at);
    let selected = form.category_id;
    let back = match form.id {
        Some(id) => desk_href(id),
        None => "/quan-tri/bai-viet".into(),
    };
    view! {
        <p class="admin-back"><A href=back>"‹ Quay lại"</A></p>
        <h1>{if form.id.is_some() { "Sửa bài" } else { "Viết bài mới" }}</h1>
        {move || offer.get().map(|_| view! {
            <div class="notice notice-info" role="status">
                <p>"Trình duyệt này còn giữ nội dung bạn đã gõ cho bài này nhưng chưa lưu."</p>
                <button type="button" class="button-primary" on:click=restore>"Khôi phục nội dung chưa lưu"</button>
                " "
                <button type="button" class="button-secondary" on:click=discard.clone()>"Bỏ nội dung đó"</button>
            </div>
        })}
        <ActionForm action=save attr:class="stacked-form article-form">
            <input type="hidden" name="article_id" value=form.id.unwrap_or(0).to_string()/>
            <input type="hidden" name="base_revision" value=form.base_revision.to_string()/>
            <label for="tieu-de">"Tiêu đề"</label>
            <input id="tieu-de" name="title" type="text" required maxlength="300"
                value=form.title.clone() prop:value=title on:input=on_title/>
            <label for="sapo">"Sapo (đoạn mở đầu)"</label>
            <textarea id="sapo" name="sapo" rows="3" maxlength="1000" prop:value=sapo on:input=on_sapo>{form.sapo.clone()}</textarea>
            <label for="chuyen-muc">"Chuyên mục"</label>
            <select id="chuyen-muc" name="category_id" required prop:value=category on:change=on_category>
                <option value="">"— Chọn chuyên mục —"</option>
                {choice_options(&form.categories, selected)}
            </select>
            <label for="the">"Thẻ (cách nhau bởi dấu phẩy)"</label>
            <input id="the" name="tags" type="text" value=form.tags.clone() prop:value=tags on:input=on_tags/>
            <label for="than-bai">"Nội dung (Markdown)"</label>
            <p class="hint" id="than-bai-goi-y">
                "Đoạn văn cách nhau một dòng trống; ## Tiêu đề mục; **đậm**, *nghiêng*; [chữ](https://địa-chỉ); "
                "ảnh trong thư viện: ![Chú thích. Ảnh: Tác giả](/media/tên-tệp)."
            </p>
            <textarea id="than-bai" name="body" rows="20" class="body-input" aria-describedby="than-bai-goi-y"
                prop:value=body on:input=on_body>{form.body.clone()}</textarea>
            <div class="form-grid">
                <div>
                    <label for="tac-gia">"Tác giả (bút danh)"</label>
                    <input id="tac-gia" name="byline" type="text" maxlength="200" value=form.byline.clone() prop:value=byline on:input=on_byline/>
                </div>
                <div>
                    <label for="nguon">"Nguồn"</label>
                    <input id="nguon" name="source" type="text" maxlength="200" value=form.source.clone() prop:value=source on:input=on_source/>
                </div>
                <div>
                    <label for="het-han">"Hết hạn (không bắt buộc)"</label>
                    <input id="het-han" name="expire_at" type="datetime-local" value=form.expire_at.clone() prop:value=expire on:input=on_expire/>
                </div>
            </div>
            <fieldset class="checks">
                <legend>"Bạn đọc"</legend>
                <label class="check"><input type="checkbox" name="allow_comments" checked=form.allow_comments/>" Nhận ý kiến bạn đọc"</label>
                <label class="check"><input type="checkbox" name="allow_ratings" checked=form.allow_ratings/>" Cho phép đánh giá sao"</label>
            </fieldset>
            {form.can_feature.then(|| view! {
                <label class="check"><input type="checkbox" name="featured" checked=form.featured/>" Tin nổi bật trên trang chủ"</label>
            })}
            {form_error(save.value())}
            <button type="submit" class="button-primary" disabled=move || pending.get()>
                {move || if pending.get() { "Đang lưu…" } else { "Lưu bài" }}
            </button>
        </ActionForm>
    }
}

fn pieces_view(pieces: Vec<Piece>) -> impl IntoView {
    pieces
        .into_iter()
        .map(|p| match p {
            Piece::Same(t) => view! { <span>{t}</span> }.into_any(),
            Piece::Inserted(t) => view! { <ins>{t}</ins> }.into_any(),
            Piece::Deleted(t) => view! { <del>{t}</del> }.into_any(),
        })
        .collect_view()
}

/// `/quan-tri/bai-viet/:id/phien-ban?tu=&den=`: two revisions compared, and restore.
#[component]
pub fn RevisionsPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let restore = ServerAction::<RestoreRevision>::new();
    let data = Resource::new(
        move || {
            let id = params
                .read()
                .get("id")
                .and_then(|s| s.parse::<i64>().ok())
                .unwrap_or(-1);
            let q = query.read();
            let n = |k: &str| q.get(k).and_then(|s| s.parse::<i64>().ok()).unwrap_or(0);
            (id, n("tu"), n("den"))
        },
        |(id, from, to)| get_revision_diff(id, from, to),
    );
    admin_page("So sánh phiên bản", data, move |d| {
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
                    view! { <option value=r.number.to_string() selected=is>{format!("Phiên bản {} — {}", r.number, r.at)}</option> }
                })
                .collect_view()
        };
        let body = d
            .body
            .into_iter()
            .map(|c| match c {
                BlockChange::Unchanged { count } => view! {
                    <li class="diff-same">{format!("… {count} khối không đổi …")}</li>
                }
                .into_any(),
                BlockChange::Added { kind, text } => view! {
                    <li class="diff-added"><span class="diff-kind">{format!("Thêm {}", kind.to_lowercase())}</span><ins>{text}</ins></li>
                }
                .into_any(),
                BlockChange::Removed { kind, text } => view! {
                    <li class="diff-removed"><span class="diff-kind">{format!("Bỏ {}", kind.to_lowercase())}</span><del>{text}</del></li>
                }
                .into_any(),
                BlockChange::Changed { kind, pieces } => view! {
                    <li class="diff-changed"><span class="diff-kind">{format!("Sửa {}", kind.to_lowercase())}</span>{pieces_view(pieces)}</li>
                }
                .into_any(),
            })
            .collect_view();
        view! {
            <p class="admin-back"><A href=desk_href(id)>"‹ Về bài viết"</A></p>
            <h1>{format!("So sánh phiên bản: {}", d.title)}</h1>
            <form method="get" class="filters">
                <div class="field">
                    <label for="tu">"Từ"</label>
                    <select id="tu" name="tu">{options(d.from.number)}</select>
                </div>
                <div class="field">
                    <label for="den">"Đến"</label>
                    <select id="den" name="den">{options(d.to.number)}</select>
                </div>
                <button type="submit" class="button-secondary">"So sánh"</button>
            </form>
            <p class="admin-intro">
                {format!("Phiên bản {} ({}, {}) so với phiên bản {} ({}, {}).",
                    d.to.number, d.to.author.clone().unwrap_or_default(), d.to.at,
                    d.from.number, d.from.author.clone().unwrap_or_default(), d.from.at)}
            </p>
            <dl class="diff-fields">
                {d.fields.into_iter().map(|f| view! {
                    <dt>{f.field}</dt><dd>{pieces_view(f.pieces)}</dd>
                }).collect_view()}
            </dl>
            <h2>"Nội dung"</h2>
            <ol class="diff">{body}</ol>
            {no_change.then(|| view! { <p class="muted">"Hai phiên bản giống nhau."</p> })}
            {d.can_restore.then(|| view! {
                <ActionForm action=restore attr:class="action-form">
                    <input type="hidden" name="article_id" value=id.to_string()/>
                    <input type="hidden" name="number" value=d.from.number.to_string()/>
                    <button type="submit" class="button-secondary">{format!("Khôi phục phiên bản {}", d.from.number)}</button>
                </ActionForm>
                {form_error(restore.value())}
            })}
        }
    })
}
