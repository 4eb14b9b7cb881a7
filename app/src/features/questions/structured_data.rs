//! A published question's schema.org data (JSON-LD): a `QAPage` whose main entity is
//! the `Question` with its one `acceptedAnswer`, as search engines read Q&A pages.

use serde_json::json;

use super::model::QuestionCard;
use crate::content::Doc;
use crate::core::site::SiteConfig;

/// The JSON-LD of a question's page, the text of a `<script type="application/ld+json">`.
pub fn qa_page(
    site: &SiteConfig,
    card: &QuestionCard,
    text: &str,
    answer: &Doc,
    answered_by: &str,
    answered_at: i64,
) -> String {
    let url = site.url(&card.href());
    let doc = json!({
        "@context": "https://schema.org",
        "@type": "QAPage",
        "url": url,
        "inLanguage": "vi",
        "mainEntity": {
            "@type": "Question",
            "name": card.title,
            "text": text,
            "answerCount": 1,
            "dateCreated": card.asked_iso,
            "author": { "@type": "Person", "name": card.asker },
            "acceptedAnswer": {
                "@type": "Answer",
                "text": answer.plain_text(),
                "dateCreated": crate::core::time::iso(answered_at),
                "url": format!("{url}#tra-loi"),
                "author": { "@type": "Organization", "name": answered_by, "url": site.url("/") },
            },
        },
    });
    // `</` cannot close the script early
    doc.to_string().replace("</", "<\\/")
}
