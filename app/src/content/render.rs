//! The one renderer of documents. The article page, previews, RSS and print all use it.
//! Text is always rendered as text; links are re-checked here so that even a document
//! that skipped validation cannot produce a `javascript:` link.

use leptos::prelude::*;

use super::validate::{is_media_src, is_safe_link};
use super::{Block, Doc, EmbedProvider, Figure, Inline, Pictures};
use crate::i18n::t;

/// The width a figure of the article body takes: the page less its margins on a
/// phone, the article's column on a screen. A gallery's pictures take half of it. On a
/// phone it is said a hair under the column (320 of 328 px on a 360 px phone): a phone
/// at 2× then takes the 640 px copy, 2% short of its pixels, where the true width
/// would send it the 1024 px one, two and a half times the bytes.
const FIGURE_SIZES: &str = "(max-width: 892px) calc(100vw - 40px), 860px";
const GALLERY_SIZES: &str = "(max-width: 892px) calc(50vw - 20px), 420px";

/// Renders a whole document. `pictures` holds the narrower copies of its pictures
/// (each `<img>` then offers them in `srcset`); the first picture loads at once, the
/// others when they come near the screen.
#[component]
pub fn DocView(doc: Doc, #[prop(optional)] pictures: Pictures) -> impl IntoView {
    let first = doc
        .blocks
        .iter()
        .position(|b| matches!(b, Block::Image(_) | Block::Gallery { .. }));
    doc.blocks
        .into_iter()
        .enumerate()
        .map(|(i, b)| render_block(b, &pictures, Some(i) == first))
        .collect_view()
}

fn render_block(block: Block, pictures: &Pictures, first: bool) -> AnyView {
    let shown = |fig: Figure, sizes| Shown {
        copies: srcset(&fig, pictures),
        fig,
        sizes,
        eager: first,
    };
    match block {
        Block::Paragraph { text } => view! { <p>{render_runs(text)}</p> }.into_any(),
        Block::Heading { level: 2, text } => view! { <h2>{render_runs(text)}</h2> }.into_any(),
        Block::Heading { text, .. } => view! { <h3>{render_runs(text)}</h3> }.into_any(),
        Block::Image(fig) => render_figure(shown(fig, FIGURE_SIZES), "figure"),
        Block::Gallery { images } => view! {
            <div class="gallery">
                {images.into_iter().map(|f| render_figure(shown(f, GALLERY_SIZES), "figure gallery-item")).collect_view()}
            </div>
        }
        .into_any(),
        Block::Quote { text, cite } => {
            let cite = (!cite.is_empty()).then(|| view! { <footer>{cite}</footer> });
            view! { <blockquote><p>{render_runs(text)}</p>{cite}</blockquote> }.into_any()
        }
        Block::List { ordered: true, items } => {
            view! { <ol>{items.into_iter().map(|i| view! { <li>{render_runs(i)}</li> }).collect_view()}</ol> }
                .into_any()
        }
        Block::List { items, .. } => {
            view! { <ul>{items.into_iter().map(|i| view! { <li>{render_runs(i)}</li> }).collect_view()}</ul> }
                .into_any()
        }
        Block::Table { header, rows } => render_table(header, rows),
        Block::Embed { provider: EmbedProvider::Youtube, id, caption } => {
            if !(id.len() == 11 && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')) {
                return ().into_any();
            }
            let src = format!("https://www.youtube-nocookie.com/embed/{id}");
            let title = if caption.is_empty() { t().video.to_string() } else { caption.clone() };
            let caption = (!caption.is_empty()).then(|| view! { <figcaption>{caption}</figcaption> });
            view! {
                <figure class="embed">
                    <iframe src=src title=title allowfullscreen=true
                        referrerpolicy="strict-origin-when-cross-origin"></iframe>
                    {caption}
                </figure>
            }
            .into_any()
        }
        Block::DocumentRef(r) => {
            let date = show_date(&r.issued_on);
            let name = format!("{} {}", r.kind, r.number);
            let label = name.clone();
            view! {
                <aside class="doc-ref" aria-label=label>
                    <p class="doc-ref-kind">{t().document_ref}</p>
                    <p class="doc-ref-name"><a href=crate::core::links::document_href(&r.slug)>{name}</a></p>
                    <p class="doc-ref-summary">{r.summary}</p>
                    <p class="doc-ref-date">{t().document_issued}" "<time datetime=r.issued_on>{date}</time></p>
                </aside>
            }
            .into_any()
        }
        Block::Divider => view! { <hr/> }.into_any(),
    }
}

/// "2021-06-04" as the portals write dates: "04/06/2021" (as given when it is not such
/// a date). The document card here and the documents library's pages show dates so.
pub fn show_date(iso: &str) -> String {
    match iso.split('-').collect::<Vec<_>>().as_slice() {
        [y, m, d] => format!("{d}/{m}/{y}"),
        _ => iso.to_string(),
    }
}

fn render_table(header: bool, rows: Vec<Vec<Vec<Inline>>>) -> AnyView {
    let mut rows = rows.into_iter();
    let head = if header { rows.next() } else { None };
    let head = head.map(|cells| {
        view! {
            <thead><tr>{cells.into_iter().map(|c| view! { <th scope="col">{render_runs(c)}</th> }).collect_view()}</tr></thead>
        }
    });
    let body = rows
        .map(|cells| view! { <tr>{cells.into_iter().map(|c| view! { <td>{render_runs(c)}</td> }).collect_view()}</tr> })
        .collect_view();
    view! { <div class="table-wrap"><table>{head}<tbody>{body}</tbody></table></div> }.into_any()
}

/// A figure as the page shows it: its copies, the width it takes, whether it loads at once.
struct Shown {
    fig: Figure,
    copies: Srcsets,
    sizes: &'static str,
    eager: bool,
}

/// A figure's `srcset`s: its copies and the original by width (none without copies),
/// and the WebP ones made beside them.
#[derive(Default)]
struct Srcsets {
    own: Option<String>,
    webp: Option<String>,
}

fn srcset(fig: &Figure, pictures: &Pictures) -> Srcsets {
    let Some(copies) = pictures.get(&fig.media_id).filter(|c| !c.is_empty()) else {
        return Srcsets::default();
    };
    let list = |webp: bool| -> Vec<String> {
        copies
            .iter()
            .filter(|c| c.webp == webp && c.width < fig.width)
            .map(|c| format!("/media/{} {}w", c.file, c.width))
            .collect()
    };
    let mut own = list(false);
    own.push(format!("{} {}w", fig.src, fig.width));
    let webp = list(true);
    Srcsets {
        own: Some(own.join(", ")),
        webp: (!webp.is_empty()).then(|| webp.join(", ")),
    }
}

fn render_figure(shown: Shown, class: &'static str) -> AnyView {
    let Shown {
        fig,
        copies,
        sizes,
        eager,
    } = shown;
    if !is_media_src(&fig.src) {
        return ().into_any();
    }
    let alt = if fig.alt.is_empty() {
        fig.caption.clone()
    } else {
        fig.alt
    };
    let credit = (!fig.credit.is_empty()).then(
        || view! { <span class="credit">{format!("{}: {}", t().photo_credit, fig.credit)}</span> },
    );
    let has_caption = !fig.caption.is_empty() || credit.is_some();
    let caption = has_caption.then(|| view! { <figcaption>{fig.caption}" "{credit}</figcaption> });
    let img_sizes = copies.own.is_some().then_some(sizes);
    let img = view! {
        <img src=fig.src srcset=copies.own sizes=img_sizes width=fig.width height=fig.height alt=alt
            loading=(!eager).then_some("lazy") fetchpriority=eager.then_some("high") decoding="async"/>
    };
    let picture = match copies.webp {
        Some(webp) => {
            view! { <picture><source type="image/webp" srcset=webp sizes=sizes/>{img}</picture> }
                .into_any()
        }
        None => img.into_any(),
    };
    view! {
        <figure class=class>
            {picture}
            {caption}
        </figure>
    }
    .into_any()
}

/// Renders runs of marked text.
pub fn render_runs(runs: Vec<Inline>) -> impl IntoView {
    runs.into_iter().map(render_run).collect_view()
}

fn render_run(run: Inline) -> AnyView {
    let mut v: AnyView = run.text.into_any();
    if run.underline {
        v = view! { <u>{v}</u> }.into_any();
    }
    if run.italic {
        v = view! { <em>{v}</em> }.into_any();
    }
    if run.bold {
        v = view! { <strong>{v}</strong> }.into_any();
    }
    if let Some(href) = run.link.filter(|l| is_safe_link(l)) {
        let external = !href.starts_with("mailto:");
        v = view! {
            <a href=href.trim().to_string() rel=external.then_some("noopener noreferrer nofollow")
                target=external.then_some("_blank")>{v}</a>
        }
        .into_any();
    }
    v
}

#[cfg(test)]
#[cfg(feature = "ssr")]
mod tests {
    use super::*;

    fn html(doc: Doc) -> String {
        html_with(doc, Pictures::new())
    }

    fn html_with(doc: Doc, pictures: Pictures) -> String {
        let owner = Owner::new();
        // hydration markers are not part of the markup under test
        owner
            .with(|| view! { <DocView doc=doc pictures/> }.to_html())
            .replace("<!>", "")
    }

    fn picture(id: i64, width: u32) -> Figure {
        Figure {
            media_id: id,
            src: format!("/media/p{id}.jpg"),
            width,
            height: width / 2,
            alt: "Ảnh".into(),
            caption: String::new(),
            credit: String::new(),
        }
    }

    #[test]
    fn a_document_reference_is_a_card_with_its_number_type_date_and_link() {
        let doc = Doc {
            blocks: vec![Block::DocumentRef(crate::content::DocRef {
                id: 3,
                slug: "2466-qd-tu-2021".into(),
                number: "2466-QĐ/TU".into(),
                kind: "Quyết định".into(),
                issued_on: "2021-10-04".into(),
                summary: "Về việc <b>thành lập</b> Ban Chỉ đạo".into(),
            })],
        };
        let out = html(doc);
        assert!(out.contains("class=\"doc-ref\""), "{out}");
        assert!(
            out.contains("<a href=\"/van-ban/2466-qd-tu-2021\">Quyết định 2466-QĐ/TU</a>"),
            "{out}"
        );
        assert!(out.contains("04/10/2021"), "{out}");
        assert!(out.contains("&lt;b&gt;thành lập"), "{out}: text stays text");
    }

    #[test]
    fn pictures_offer_their_copies_and_only_the_first_loads_at_once() {
        use crate::content::PictureCopy;
        let doc = Doc {
            blocks: vec![
                Block::Image(picture(1, 2000)),
                Block::Paragraph {
                    text: vec![Inline::plain("giữa")],
                },
                Block::Image(picture(2, 800)),
            ],
        };
        let copy = |width, file: &str| PictureCopy {
            width,
            file: file.into(),
            webp: file.ends_with(".webp"),
        };
        let mut pictures = Pictures::new();
        pictures.insert(
            1,
            vec![
                copy(320, "p1-320.jpg"),
                copy(320, "p1-320.webp"),
                copy(640, "p1-640.jpg"),
                copy(640, "p1-640.webp"),
            ],
        );
        let out = html_with(doc, pictures);
        let (first, second) = out.split_once("giữa").unwrap();
        assert!(
            first.contains(
                "srcset=\"/media/p1-320.jpg 320w, /media/p1-640.jpg 640w, /media/p1.jpg 2000w\""
            ),
            "{out}"
        );
        assert!(first.contains("sizes=\"(max-width: 892px)"), "{out}");
        assert!(
            first.contains(
                "<picture><source type=\"image/webp\" srcset=\"/media/p1-320.webp 320w, /media/p1-640.webp 640w\""
            ),
            "{out}"
        );
        assert!(first.contains("width=\"2000\" height=\"1000\""), "{out}");
        assert!(!first.contains("loading="), "{out}");
        assert!(first.contains("fetchpriority=\"high\""), "{out}");
        // no copies (yet): the original alone, and lazily
        assert!(!second.contains("srcset"), "{out}");
        assert!(!second.contains("<picture"), "{out}");
        assert!(second.contains("loading=\"lazy\""), "{out}");
    }

    #[test]
    fn text_is_escaped_never_markup() {
        let doc = Doc {
            blocks: vec![Block::Paragraph {
                text: vec![Inline::plain("<script>alert('x')</script> & <b>đậm</b>")],
            }],
        };
        let out = html(doc);
        assert!(!out.contains("<script>"), "{out}");
        assert!(!out.contains("<b>"), "{out}");
        assert!(out.contains("&lt;script&gt;"), "{out}");
        assert!(out.contains("&amp;"), "{out}");
    }

    #[test]
    fn unsafe_links_render_as_plain_text() {
        let doc = Doc {
            blocks: vec![Block::Paragraph {
                text: vec![
                    Inline {
                        text: "bấm".into(),
                        link: Some("javascript:alert(1)".into()),
                        ..Default::default()
                    },
                    Inline {
                        text: "đọc".into(),
                        link: Some("https://dangcongsan.vn".into()),
                        ..Default::default()
                    },
                ],
            }],
        };
        let out = html(doc);
        assert!(!out.contains("javascript:"), "{out}");
        assert!(out.contains("bấm"), "{out}");
        assert!(out.contains("href=\"https://dangcongsan.vn\""), "{out}");
        assert!(
            out.contains("rel=\"noopener noreferrer nofollow\""),
            "{out}"
        );
    }

    #[test]
    fn marks_headings_figures_and_credits() {
        let doc = Doc {
            blocks: vec![
                Block::Heading {
                    level: 2,
                    text: vec![Inline::plain("Mục một")],
                },
                Block::Paragraph {
                    text: vec![Inline {
                        text: "quan trọng".into(),
                        bold: true,
                        italic: true,
                        ..Default::default()
                    }],
                },
                Block::Image(Figure {
                    media_id: 1,
                    src: "/media/abc.png".into(),
                    width: 640,
                    height: 360,
                    alt: String::new(),
                    caption: "Quang cảnh \"hội nghị\"".into(),
                    credit: "Mai Tưởng".into(),
                }),
                Block::Image(Figure {
                    media_id: 2,
                    src: "javascript:alert(1)".into(),
                    width: 1,
                    height: 1,
                    alt: String::new(),
                    caption: String::new(),
                    credit: String::new(),
                }),
            ],
        };
        let out = html(doc);
        assert!(out.contains("<h2>Mục một</h2>"), "{out}");
        assert!(
            out.contains("<strong><em>quan trọng</em></strong>"),
            "{out}"
        );
        assert!(out.contains("src=\"/media/abc.png\""), "{out}");
        assert!(
            out.contains("alt=\"Quang cảnh &quot;hội nghị&quot;\""),
            "{out}"
        );
        assert!(out.contains("Ảnh: Mai Tưởng"), "{out}");
        assert!(!out.contains("javascript"), "{out}");
    }
}
