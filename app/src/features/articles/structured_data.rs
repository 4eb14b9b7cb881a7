//! The article page's schema.org data (JSON-LD): a NewsArticle and its BreadcrumbList,
//! which search engines and news aggregators read for the headline, dates, picture,
//! author and section. Made on the server; the page embeds it as a JSON string that can
//! never close its `<script>` element.

use serde_json::{Value, json};

use super::model::ArticleDetail;
use crate::core::site::SiteConfig;
use crate::features::categories::CategoryRef;

/// The JSON-LD of an article at `path` (its own address on the portal) in `categories`
/// (top level first), ready to be the text of a `<script type="application/ld+json">`.
pub fn news_article(
    site: &SiteConfig,
    article: &ArticleDetail,
    path: &str,
    categories: &[CategoryRef],
) -> String {
    let url = site.url(path);
    let publisher = json!({
        "@type": "Organization",
        "name": site.name,
        "url": site.url("/"),
        "logo": { "@type": "ImageObject", "url": site.url("/emblem.svg") },
    });
    let author = if article.byline.trim().is_empty() {
        json!({ "@type": "Organization", "name": site.name })
    } else {
        json!({ "@type": "Person", "name": article.byline.trim() })
    };
    let description = if article.sapo.is_empty() {
        crate::components::meta::excerpt(&article.body.plain_text(), 200)
    } else {
        article.sapo.clone()
    };
    let mut news = json!({
        "@type": "NewsArticle",
        "@id": format!("{url}#bai-viet"),
        "mainEntityOfPage": url,
        "url": url,
        "headline": article.title,
        "description": description,
        "inLanguage": "vi",
        "datePublished": article.published_iso,
        "dateModified": article.updated_iso,
        "author": [author],
        "publisher": publisher,
    });
    if let Some(cover) = &article.cover {
        let src = if cover.src.starts_with('/') {
            site.url(&cover.src)
        } else {
            cover.src.clone()
        };
        news["image"] = json!([src]);
    }
    if let Some(section) = categories.last() {
        news["articleSection"] = json!(section.name);
    }
    if !article.tags.is_empty() {
        let names: Vec<&str> = article.tags.iter().map(|t| t.name.as_str()).collect();
        news["keywords"] = json!(names.join(", "));
    }
    let crumbs: Vec<Value> = std::iter::once((site.name.clone(), site.url("/")))
        .chain(categories.iter().map(|c| (c.name.clone(), site.url(&c.href()))))
        .chain(std::iter::once((article.title.clone(), url)))
        .enumerate()
        .map(|(i, (name, item))| {
            json!({ "@type": "ListItem", "position": i + 1, "name": name, "item": item })
        })
        .collect();
    let graph = json!({
        "@context": "https://schema.org",
        "@graph": [news, { "@type": "BreadcrumbList", "itemListElement": crumbs }],
    });
    script_safe(&graph.to_string())
}

/// JSON that is also safe as the text of a `<script>` element: `<`, `>` and `&` written
/// as `\u` escapes (the same string to a JSON reader), so no `</script>` or `<!--` can
/// appear in it.
pub fn script_safe(json: &str) -> String {
    json.replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

#[cfg(test)]
mod tests {
    use super::super::model::RatingSummary;
    use super::*;

    fn article(title: &str, byline: &str) -> ArticleDetail {
        ArticleDetail {
            id: 1,
            slug: "bai".into(),
            title: title.into(),
            sapo: "Tóm tắt <b>bài</b>.".into(),
            body: Default::default(),
            pictures: Default::default(),
            byline: byline.into(),
            source: String::new(),
            dateline: "Thứ tư - 24/02/2021 01:52".into(),
            published_iso: "2021-02-24T01:52:00+07:00".into(),
            updated_iso: "2021-02-25T08:00:00+07:00".into(),
            view_count: 0,
            comment_count: 0,
            cover: None,
            tags: Vec::new(),
            topics: Vec::new(),
            rating: RatingSummary::default(),
            allow_ratings: true,
            allow_comments: true,
            seo_title: String::new(),
            seo_description: String::new(),
            members_only: false,
        }
    }

    fn site() -> SiteConfig {
        SiteConfig {
            name: "Cổng thông tin điện tử".into(),
            base_url: "https://vidu.vn/".into(),
            ..Default::default()
        }
    }

    #[test]
    fn the_article_and_its_breadcrumbs() {
        let section = CategoryRef {
            id: 7,
            slug: "thoi-su".into(),
            name: "Thời sự".into(),
        };
        let text = news_article(
            &site(),
            &article("Hội nghị Tỉnh ủy", "Minh Khoa"),
            "/bai-viet/bai",
            &[section],
        );
        let data: Value = serde_json::from_str(&text).unwrap();
        let news = &data["@graph"][0];
        assert_eq!(news["@type"], "NewsArticle");
        assert_eq!(news["headline"], "Hội nghị Tỉnh ủy");
        assert_eq!(news["url"], "https://vidu.vn/bai-viet/bai");
        assert_eq!(news["datePublished"], "2021-02-24T01:52:00+07:00");
        assert_eq!(news["dateModified"], "2021-02-25T08:00:00+07:00");
        assert_eq!(news["author"][0]["@type"], "Person");
        assert_eq!(news["author"][0]["name"], "Minh Khoa");
        assert_eq!(news["articleSection"], "Thời sự");
        assert_eq!(news["description"], "Tóm tắt <b>bài</b>.");
        let crumbs = data["@graph"][1]["itemListElement"].as_array().unwrap();
        let names: Vec<&str> = crumbs.iter().map(|c| c["name"].as_str().unwrap()).collect();
        assert_eq!(
            names,
            ["Cổng thông tin điện tử", "Thời sự", "Hội nghị Tỉnh ủy"]
        );
        assert_eq!(crumbs[1]["item"], "https://vidu.vn/chuyen-muc/thoi-su");
        assert_eq!(crumbs[2]["position"], 3);
    }

    #[test]
    fn no_byline_means_the_portal_wrote_it() {
        let text = news_article(&site(), &article("Tin", " "), "/bai-viet/bai", &[]);
        let data: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(data["@graph"][0]["author"][0]["@type"], "Organization");
        assert!(data["@graph"][0].get("articleSection").is_none());
    }

    #[test]
    fn a_title_cannot_close_the_script() {
        let text = news_article(
            &site(),
            &article("</script><script>alert(1)</script> & <!--", ""),
            "/bai-viet/bai",
            &[],
        );
        assert!(
            !text.contains('<') && !text.contains('>') && !text.contains('&'),
            "{text}"
        );
        let data: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(
            data["@graph"][0]["headline"],
            "</script><script>alert(1)</script> & <!--"
        );
    }
}
