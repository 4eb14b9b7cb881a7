//! A document page's schema.org data (JSON-LD): a `Legislation` with its number, type,
//! date, issuing body, signer, legal force and files, which search engines read to
//! answer "Quyết định 2466-QĐ/TU" with the page.

use serde_json::json;

use super::model::{DocStatus, DocumentCard, DocumentFile};
use crate::core::site::SiteConfig;

/// The JSON-LD of a document, ready to be the text of a `<script type="application/ld+json">`.
pub fn legislation(
    site: &SiteConfig,
    card: &DocumentCard,
    signer: &str,
    files: &[DocumentFile],
) -> String {
    let url = site.url(&card.href());
    let force = match card.status {
        DocStatus::InForce => "https://schema.org/InForce",
        DocStatus::Replaced | DocStatus::Expired => "https://schema.org/NotInForce",
    };
    let mut doc = json!({
        "@context": "https://schema.org",
        "@type": "Legislation",
        "@id": format!("{url}#van-ban"),
        "url": url,
        "name": format!("{} {}", card.kind.label(), card.number),
        "legislationIdentifier": card.number,
        "legislationType": card.kind.label(),
        "legislationDate": card.issued_on,
        "legislationLegalForce": force,
        "legislationPassedBy": { "@type": "Organization", "name": card.issuer },
        "abstract": card.summary,
        "inLanguage": "vi",
        "isAccessibleForFree": true,
        "publisher": { "@type": "Organization", "name": site.name, "url": site.url("/") },
    });
    if !signer.is_empty() {
        doc["legislationResponsible"] = json!({ "@type": "Person", "name": signer });
    }
    if !files.is_empty() {
        let encodings: Vec<_> = files
            .iter()
            .map(|f| {
                json!({
                    "@type": "MediaObject",
                    "contentUrl": site.url(&f.src),
                    "encodingFormat": f.mime,
                    "contentSize": f.size_bytes.to_string(),
                    "name": f.name,
                })
            })
            .collect();
        doc["encoding"] = json!(encodings);
    }
    crate::features::articles::structured_data::script_safe(&doc.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::documents::model::DocKind;

    #[test]
    fn a_document_is_legislation_with_its_number_and_force() {
        let card = DocumentCard {
            id: 1,
            slug: "2466-qd-tu-2021".into(),
            number: "2466-QĐ/TU".into(),
            kind: DocKind::QuyetDinh,
            issuer: "Tỉnh ủy </script>".into(),
            issued_on: "2021-06-04".into(),
            summary: "Về việc".into(),
            status: DocStatus::Replaced,
            members_only: false,
        };
        let json = legislation(&SiteConfig::default(), &card, "Nguyễn Văn A", &[]);
        assert!(!json.contains("</script>"));
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(v["@type"], "Legislation");
        assert_eq!(v["legislationIdentifier"], "2466-QĐ/TU");
        assert_eq!(v["legislationDate"], "2021-06-04");
        assert_eq!(v["legislationLegalForce"], "https://schema.org/NotInForce");
        assert_eq!(v["legislationResponsible"]["name"], "Nguyễn Văn A");
        assert!(
            v["url"]
                .as_str()
                .unwrap()
                .ends_with("/van-ban/2466-qd-tu-2021")
        );
    }
}
