//! The documents library's public pages, rendered on the server only (no island: the
//! filters are a plain GET form): `/van-ban`, the list with its filters, and
//! `/van-ban/{slug}`, a document with its fields, its full text in the browser's own
//! PDF viewer (on wide screens; phones open or download it), its files, its QR code
//! and what relates to it. Also the list of documents an article is about.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::api::{get_document, get_documents};
use super::model::{
    DOCUMENTS_PATH, DocStatus, DocumentCard, DocumentDetail, DocumentFile, DocumentQuery,
    DocumentsPage, show_date, show_size,
};
use crate::components::{Breadcrumb, PageMeta, Pagination, page_loader};
use crate::core::site::SiteInfo;
use crate::features::articles::views::members_mark;
use crate::i18n::{fill, t, tdoc};

/// The query string a list address carries: filters, order, page.
fn query_of(q: &leptos_router::params::ParamsMap) -> DocumentQuery {
    let text = |k: &str| q.get(k).unwrap_or_default();
    DocumentQuery {
        kind: text("loai"),
        issuer: text("co-quan"),
        year: text("nam").trim().parse().ok(),
        words: text("q"),
        oldest_first: text("sap-xep") == "cu",
        page: crate::core::paging::page_param(q.get("trang")),
    }
}

/// The list's address for `q` without its page (what the pagination adds to).
fn list_href(q: &DocumentQuery) -> String {
    use crate::components::urlencode;
    let mut parts = Vec::new();
    let mut add = |k: &str, v: &str| {
        if !v.trim().is_empty() {
            parts.push(format!("{k}={}", urlencode(v.trim())));
        }
    };
    add("loai", &q.kind);
    add("co-quan", &q.issuer);
    add("nam", &q.year.map(|y| y.to_string()).unwrap_or_default());
    add("q", &q.words);
    add("sap-xep", if q.oldest_first { "cu" } else { "" });
    if parts.is_empty() {
        DOCUMENTS_PATH.to_string()
    } else {
        format!("{DOCUMENTS_PATH}?{}", parts.join("&"))
    }
}

/// `/van-ban`: the documents, filtered by type, issuing body and year, found by
/// number or words of the summary.
#[component]
pub fn DocumentsListPage() -> impl IntoView {
    let query = use_query_map();
    let data = Resource::new(move || query_of(&query.read()), get_documents);
    page_loader(data, documents_view)
}

fn documents_view(site: SiteInfo, data: DocumentsPage) -> impl IntoView {
    let DocumentsPage {
        documents,
        kinds,
        issuers,
        years,
        query,
    } = data;
    let s = tdoc();
    let base = list_href(&query);
    let path = if documents.page > 1 {
        let sep = if base.contains('?') { '&' } else { '?' };
        format!("{base}{sep}trang={}", documents.page)
    } else {
        base.clone()
    };
    let mut title = s.title.to_string();
    if documents.page > 1 {
        title = format!("{title} - {} {}", t().page, documents.page);
    }
    let filtered = base != DOCUMENTS_PATH;
    let option = |value: String, label: String, chosen: bool| {
        view! { <option value=value selected=chosen>{label}</option> }
    };
    let kind_options = kinds
        .into_iter()
        .map(|k| option(k.code().into(), k.label().into(), query.kind == k.code()))
        .collect_view();
    let issuer_options = issuers
        .into_iter()
        .map(|i| option(i.clone(), i.clone(), query.issuer == i))
        .collect_view();
    let year_options = years
        .into_iter()
        .map(|y| option(y.to_string(), y.to_string(), query.year == Some(y)))
        .collect_view();
    let found = fill(s.found, &[&documents.total]);
    let list = if documents.items.is_empty() {
        view! { <p class="empty">{s.empty}</p> }.into_any()
    } else {
        view! {
            <ol class="doc-list">
                {documents.items.into_iter().map(|c| view! { <li>{document_card(c)}</li> }).collect_view()}
            </ol>
        }
        .into_any()
    };
    view! {
        <PageMeta site title description=s.intro path/>
        <Breadcrumb items=vec![(s.title.to_string(), DOCUMENTS_PATH.to_string())]/>
        <header class="list-header">
            <h1>{s.title}</h1>
            <p class="list-description">{s.intro}</p>
        </header>
        <form class="filters doc-filters" method="get" action=DOCUMENTS_PATH role="search" aria-label=s.filters>
            <p class="field doc-words">
                <label for="vb-q">{s.words_label}</label>
                <input id="vb-q" type="search" name="q" value=query.words.clone() maxlength="120"
                    aria-describedby="vb-q-goi-y"/>
                <span id="vb-q-goi-y" class="hint">{s.words_hint}</span>
            </p>
            <p class="field">
                <label for="vb-loai">{s.kind_label}</label>
                <select id="vb-loai" name="loai">
                    <option value="">{s.kind_all}</option>
                    {kind_options}
                </select>
            </p>
            <p class="field">
                <label for="vb-co-quan">{s.issuer_label}</label>
                <select id="vb-co-quan" name="co-quan">
                    <option value="">{s.issuer_all}</option>
                    {issuer_options}
                </select>
            </p>
            <p class="field">
                <label for="vb-nam">{s.year_label}</label>
                <select id="vb-nam" name="nam">
                    <option value="">{s.year_all}</option>
                    {year_options}
                </select>
            </p>
            <p class="field">
                <label for="vb-sap-xep">{s.sort_label}</label>
                <select id="vb-sap-xep" name="sap-xep">
                    <option value="">{s.sort_newest}</option>
                    <option value="cu" selected=query.oldest_first>{s.sort_oldest}</option>
                </select>
            </p>
            <p class="doc-filter-actions">
                <button type="submit">{s.filter}</button>
                {filtered.then(|| view! { <a href=DOCUMENTS_PATH>{s.clear}</a> })}
            </p>
        </form>
        <p class="doc-found" role="status">{found}</p>
        {list}
        <Pagination base page=documents.page pages=documents.pages/>
    }
}

/// A document in a list: its type and number (the link), its summary, its body, date
/// and status; a lock mark when members only.
pub fn document_card(c: DocumentCard) -> impl IntoView {
    let s = tdoc();
    let name = format!("{} {}", c.kind.label(), c.number);
    let status_class = format!("doc-status doc-status-{}", c.status.code());
    view! {
        <div class="doc-card">
            <p class="doc-name">
                <A href=c.href()>{name}</A>
                {c.members_only.then(members_mark)}
            </p>
            <p class="doc-summary">{c.summary.clone()}</p>
            <p class="doc-meta">
                <span>{c.issuer.clone()}</span>
                " · "
                <span>{s.issued_on}" "<time datetime=c.issued_on.clone()>{show_date(&c.issued_on)}</time></span>
                " · "
                <span class=status_class>{c.status.label()}</span>
            </p>
        </div>
    }
}

/// "Văn bản liên quan" under an article: the documents it is about.
#[component]
pub fn ArticleDocuments(documents: Vec<DocumentCard>) -> impl IntoView {
    documents_section("van-ban-lien-quan", tdoc().related, documents)
}

/// The home page's line for the newest bulletin issue: its title, a lock mark when
/// members only, and the way to the other issues.
pub fn latest_bulletin(card: DocumentCard) -> impl IntoView {
    let s = tdoc();
    let all = format!(
        "{DOCUMENTS_PATH}?loai={}",
        super::model::DocKind::BanTin.code()
    );
    view! {
        <section class="bulletin-strip" aria-labelledby="ban-tin-noi-bo">
            <h2 id="ban-tin-noi-bo" class="block-title">{s.latest_bulletin}</h2>
            <p>
                <A href=card.href()>{card.summary.clone()}</A>" "
                {card.members_only.then(members_mark)}
                <time datetime=card.issued_on.clone()>{format!("({})", show_date(&card.issued_on))}</time>
            </p>
            <a href=all class="see-more">{format!("{} ›", s.bulletins_all)}</a>
        </section>
    }
}

/// `/van-ban/{slug}`: one document.
#[component]
pub fn DocumentPage() -> impl IntoView {
    let params = use_params_map();
    let data = Resource::new(
        move || params.read().get("slug").unwrap_or_default(),
        get_document,
    );
    page_loader(data, document_view)
}

fn document_view(site: SiteInfo, d: DocumentDetail) -> impl IntoView {
    let s = tdoc();
    let c = d.card.clone();
    let href = c.href();
    let name = format!("{} {}", c.kind.label(), c.number);
    let field = |label: &'static str, value: AnyView| {
        view! { <dt>{label}</dt><dd>{value}</dd> }
    };
    let link = |c: &DocumentCard| {
        view! { <A href=c.href()>{format!("{} {}", c.kind.label(), c.number)}</A> }.into_any()
    };
    let status = match (&c.status, &d.replaced_by) {
        (DocStatus::Replaced, Some(by)) => {
            view! { {c.status.label()}" · "{s.replaced_by}" "{link(by)} }.into_any()
        }
        _ => c.status.label().into_any(),
    };
    let replaces = (!d.replaces.is_empty()).then(|| {
        let links = d
            .replaces
            .iter()
            .map(|r| view! { <li>{link(r)}</li> })
            .collect_view();
        field(
            s.replaces,
            view! { <ul class="plain-list">{links}</ul> }.into_any(),
        )
    });
    let signer = (!d.signer.is_empty()).then(|| field(s.signer, d.signer.clone().into_any()));
    let effective = d.effective_on.as_ref().map(|e| {
        field(
            s.effective_on,
            view! { <time datetime=e.clone()>{show_date(e)}</time> }.into_any(),
        )
    });
    let issued = view! { <time datetime=c.issued_on.clone()>{show_date(&c.issued_on)}</time> };
    let viewer = d.files.iter().find(|f| f.is_pdf()).map(|pdf| {
        let src = pdf.view_href(&c.slug);
        let label = fill(s.viewer_label, &[&name]);
        view! {
            <section class="doc-viewer-block" aria-labelledby="toan-van">
                <h2 id="toan-van" class="block-title">{s.view_heading}</h2>
                <object class="doc-viewer" data=src.clone() type="application/pdf" aria-label=label.clone()>
                    <p>{s.no_viewer}" "<a href=src.clone()>{s.open_pdf}</a></p>
                </object>
            </section>
        }
    });
    let files = if d.files.is_empty() {
        view! { <p class="empty">{s.no_files}</p> }.into_any()
    } else {
        view! {
            <ul class="doc-files">
                {d.files.iter().map(|f| file_item(f, &c.slug)).collect_view()}
            </ul>
        }
        .into_any()
    };
    let qr = format!("/qr/van-ban/{}.svg", c.slug);
    let bulletin = c.kind == super::model::DocKind::BanTin;
    let parts = documents_section("van-ban-trong-so", s.issue_documents, d.parts);
    let issues = documents_section("co-trong-ban-tin", s.in_issues, d.issues);
    let related = documents_section("van-ban-lien-quan", s.related, d.related);
    let articles_title = if bulletin {
        s.issue_articles
    } else {
        s.articles
    };
    let articles = (!d.articles.is_empty()).then(|| {
        view! {
            <section class="related" aria-labelledby="tin-bai-van-ban">
                <h2 id="tin-bai-van-ban" class="block-title">{articles_title}</h2>
                <ul class="related-list">
                    {d.articles.into_iter().map(|a| view! {
                        <li>
                            <A href=a.href()>{a.title.clone()}</A>" "
                            {a.members_only.then(members_mark)}
                            <time datetime=a.iso>{format!("({})", a.date)}</time>
                        </li>
                    }).collect_view()}
                </ul>
            </section>
        }
    });
    view! {
        <PageMeta site title=name.clone() description=c.summary.clone() path=href.clone()/>
        <script type="application/ld+json" inner_html=d.structured_data></script>
        <Breadcrumb items=vec![(s.title.to_string(), DOCUMENTS_PATH.to_string()), (c.number.clone(), href)]/>
        <article class="document">
            <header class="list-header">
                <p class="list-kind">{c.kind.label()}{c.members_only.then(|| view! { " "{members_mark()} })}</p>
                <h1>{name.clone()}</h1>
                <p class="doc-lead">{c.summary.clone()}</p>
            </header>
            <dl class="doc-fields">
                {field(s.number, c.number.clone().into_any())}
                {field(s.kind, c.kind.label().into_any())}
                {field(s.issuer, c.issuer.clone().into_any())}
                {signer}
                {field(s.issued_on, issued.into_any())}
                {effective}
                {field(s.status, status)}
                {replaces}
            </dl>
            <section aria-labelledby="tep-dinh-kem">
                <h2 id="tep-dinh-kem" class="block-title">{s.files}</h2>
                {files}
            </section>
            {viewer}
            <aside class="doc-qr" aria-labelledby="ma-qr">
                <h2 id="ma-qr" class="block-title">{s.qr_heading}</h2>
                <img src=qr alt=fill(s.qr_alt, &[&c.number]) width="160" height="160" loading="lazy"/>
                <p class="hint">{s.qr_hint}</p>
            </aside>
        </article>
        {articles}
        {parts}
        {issues}
        {related}
    }
}

/// A titled list of documents under a document (none: nothing).
fn documents_section(
    id: &'static str,
    title: &'static str,
    cards: Vec<DocumentCard>,
) -> impl IntoView + use<> {
    (!cards.is_empty()).then(|| {
        view! {
            <section class="related" aria-labelledby=id>
                <h2 id=id class="block-title">{title}</h2>
                <ul class="doc-list">
                    {cards.into_iter().map(|c| view! { <li>{document_card(c)}</li> }).collect_view()}
                </ul>
            </section>
        }
    })
}

/// One attached file: its name, type and size, opened in the browser (a PDF) or
/// downloaded.
fn file_item(f: &DocumentFile, slug: &str) -> impl IntoView + use<> {
    let s = tdoc();
    let about = format!("{}, {}", f.type_name(), show_size(f.size_bytes));
    let open = f.is_pdf().then(|| {
        let label = format!("{} {}", s.open_pdf, f.name);
        view! { <a href=f.view_href(slug) aria-label=label>{s.open_pdf}</a> }
    });
    let download_label = format!("{} {} ({about})", s.download, f.name);
    view! {
        <li class="doc-file">
            <span class="doc-file-name">{f.name.clone()}</span>
            <span class="muted">{format!(" ({about})")}</span>
            <span class="doc-file-links">
                {open}
                <a href=f.src.clone() download=f.name.clone() aria-label=download_label>{s.download}</a>
            </span>
        </li>
    }
}
