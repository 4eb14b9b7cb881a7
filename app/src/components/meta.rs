//! `<title>`, description, canonical link and Open Graph tags of a page.

use leptos::prelude::*;
use leptos_meta::{Link, Meta, Title};

use crate::core::links::in_language;
use crate::core::site::SiteInfo;
use crate::i18n::Lang;

/// Shortens text for a meta description: at most `max` characters, cut at a word.
pub fn excerpt(text: &str, max: usize) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() <= max {
        return text;
    }
    let cut: String = text.chars().take(max).collect();
    let cut = match cut.rfind(' ') {
        Some(i) if i > max / 2 => cut[..i].to_string(),
        _ => cut,
    };
    format!("{}…", cut.trim_end_matches([',', ';', ':', '.', ' ']))
}

/// Escapes text for an HTML text node.
pub fn escape_text(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The head tags of one page. `path` is the page's own path on the portal.
/// The title and robots line of a page that may live inside an island (the admin area,
/// the account pages, the status pages). It renders nothing where it stands, so the
/// server's page and the island's hydration agree: on the server the title goes into
/// the head (leptos_meta's `Title` registers itself when made) and the robots line
/// into an `X-Robots-Tag` header; in the browser, after a move inside an island's
/// router, the document's title is set directly.
pub fn page_head(title: String, robots: &'static str) {
    #[cfg(feature = "ssr")]
    {
        let _registered =
            leptos_meta::Title(leptos_meta::TitleProps::builder().text(title).build());
        if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
            response.insert_header(
                http::header::HeaderName::from_static("x-robots-tag"),
                http::HeaderValue::from_static(robots),
            );
        }
    }
    #[cfg(not(feature = "ssr"))]
    {
        let _ = robots;
        leptos::prelude::document().set_title(&title);
    }
}

#[component]
pub fn PageMeta(
    site: SiteInfo,
    /// The page's title; the portal name is appended.
    #[prop(into)]
    title: String,
    #[prop(into)] description: String,
    #[prop(into)] path: String,
    /// "article" for articles, "website" otherwise.
    #[prop(default = "website")]
    kind: &'static str,
    #[prop(default = None)] image: Option<String>,
    #[prop(default = None)] published: Option<String>,
) -> impl IntoView {
    let full_title = if title.is_empty() {
        site.config.name.clone()
    } else {
        format!("{title} - {}", site.config.name)
    };
    // leptos_meta writes the server-side <title> unescaped; the client sets
    // document.title, which is plain text. Escape on the server only.
    let title_text = if cfg!(feature = "ssr") {
        escape_text(&full_title)
    } else {
        full_title
    };
    let description = if description.trim().is_empty() {
        site.config.description.clone()
    } else {
        excerpt(&description, 200)
    };
    let lang = crate::i18n::lang();
    let url = in_language(&site.url(&path), lang);
    // the page in each language, for search engines (x-default: Vietnamese)
    let alternates = Lang::ALL
        .iter()
        .map(|l| {
            let href = in_language(&site.url(&path), *l);
            view! { <Link rel="alternate" hreflang=l.code() href=href/> }
        })
        .collect_view();
    let default_href = site.url(&path);
    let locale = match lang {
        Lang::Vi => "vi_VN",
        Lang::En => "en_US",
    };
    let image = image.map(|src| {
        if src.starts_with('/') {
            site.url(&src)
        } else {
            src
        }
    });
    let og_title = if title.is_empty() {
        site.config.name.clone()
    } else {
        title
    };
    view! {
        <Title text=title_text/>
        <Meta name="description" content=description.clone()/>
        <Link rel="canonical" href=url.clone()/>
        {alternates}
        <Link rel="alternate" hreflang="x-default" href=default_href/>
        <Meta property="og:site_name" content=site.config.name.clone()/>
        <Meta property="og:locale" content=locale/>
        <Meta property="og:type" content=kind/>
        <Meta property="og:title" content=og_title/>
        <Meta property="og:description" content=description/>
        <Meta property="og:url" content=url/>
        {image.map(|src| view! { <Meta property="og:image" content=src/> })}
        {published.map(|p| view! { <Meta property="article:published_time" content=p/> })}
    }
}

#[cfg(test)]
mod tests {
    use super::{escape_text, excerpt};

    #[test]
    fn title_text_cannot_close_the_title() {
        assert_eq!(
            escape_text("</title><script>x</script> & y"),
            "&lt;/title&gt;&lt;script&gt;x&lt;/script&gt; &amp; y"
        );
    }

    #[test]
    fn excerpts_cut_at_words() {
        assert_eq!(excerpt("ngắn  gọn", 50), "ngắn gọn");
        let long = "Đẩy mạnh ứng dụng công nghệ thông tin trong hoạt động các cơ quan đảng";
        let e = excerpt(long, 30);
        assert!(e.ends_with('…'));
        assert!(e.chars().count() <= 31);
        assert!(long.starts_with(e.trim_end_matches('…')));
    }
}
