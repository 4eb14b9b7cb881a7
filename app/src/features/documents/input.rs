//! What the admin form sends for a document, and its checks (on the server: the
//! client's form checks nothing the server does not check again): the number cleaned
//! and read, the type it names matching the type chosen, the dates real and in order,
//! the lengths, the files and articles it lists.

use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use super::model::{
    ARTICLES_MAX, DocKind, DocStatus, FILES_MAX, ISSUER_MAX, NUMBER_MAX, PARTS_MAX, SIGNER_MAX,
    SUMMARY_MAX,
};

/// The admin form's fields, as sent.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentInput {
    /// 0 for a new document.
    pub id: i64,
    pub number: String,
    pub kind: String,
    pub issuer: String,
    #[serde(default)]
    pub signer: String,
    /// YYYY-MM-DD (a date input's value).
    pub issued_on: String,
    #[serde(default)]
    pub effective_on: String,
    pub summary: String,
    pub status: String,
    /// The number of the document replacing it.
    #[serde(default)]
    pub replaced_by: String,
    /// A checkbox: present when ticked.
    #[serde(default)]
    pub members_only: Option<String>,
    /// The attached files' media ids, in order, separated by commas.
    #[serde(default)]
    pub files: String,
    /// The related articles: one address or slug per line.
    #[serde(default)]
    pub articles: String,
    /// A bulletin issue's documents: one number per line.
    #[serde(default)]
    pub parts: String,
}

/// A document as it will be stored (what `check` made of the form).
#[cfg(feature = "ssr")]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checked {
    pub number: String,
    pub number_key: String,
    pub serial: String,
    pub issuer_code: String,
    pub kind: DocKind,
    pub issuer: String,
    pub signer: String,
    pub issued_on: String,
    pub year: i32,
    pub effective_on: Option<String>,
    pub summary: String,
    pub status: DocStatus,
    /// The replacing document's number key.
    pub replaced_by: Option<String>,
    pub members_only: bool,
    pub files: Vec<i64>,
    /// Article slugs.
    pub articles: Vec<String>,
    /// A bulletin's documents: their number keys, in order.
    pub parts: Vec<String>,
    /// Folded words for the search.
    pub search_text: String,
}

/// The form's fields checked against `today` (YYYY-MM-DD in the portal's time zone);
/// the refusal says why, in the request's language.
#[cfg(feature = "ssr")]
pub fn check(input: &DocumentInput, today: &str) -> Result<Checked, String> {
    use super::number::{clean_number, kind_of_abbreviation, number_key, parse_number};
    use crate::i18n::{fill, tdoc};
    let s = tdoc();
    let line =
        |v: &str| crate::core::text::nfc(&v.split_whitespace().collect::<Vec<_>>().join(" "));
    let longest = |v: &str, what: &str, max: usize| {
        if v.chars().count() > max {
            Err(fill(s.too_long, &[&what, &max]))
        } else {
            Ok(())
        }
    };

    let number = clean_number(&input.number);
    if number.is_empty() {
        return Err(s.number_required.into());
    }
    longest(&number, s.number, NUMBER_MAX)?;
    if !number
        .chars()
        .all(|c| c.is_alphanumeric() || matches!(c, '-' | '/' | '.'))
    {
        return Err(s.number_chars.into());
    }
    let kind = DocKind::parse(&input.kind).ok_or_else(|| s.kind_invalid.to_string())?;
    let parsed = parse_number(&number);
    if let Some(p) = &parsed
        && let Some(named) = kind_of_abbreviation(&p.abbreviation)
        && named != kind
    {
        return Err(fill(
            s.kind_mismatch,
            &[&p.abbreviation, &named.label(), &kind.label()],
        ));
    }
    let issuer = line(&input.issuer);
    if issuer.is_empty() {
        return Err(s.issuer_required.into());
    }
    longest(&issuer, s.issuer, ISSUER_MAX)?;
    let signer = line(&input.signer);
    longest(&signer, s.signer, SIGNER_MAX)?;
    let summary = line(&input.summary);
    if summary.is_empty() {
        return Err(s.summary_required.into());
    }
    longest(&summary, s.summary, SUMMARY_MAX)?;

    let issued_on = date(&input.issued_on).ok_or_else(|| fill(s.date_invalid, &[&s.issued_on]))?;
    if issued_on.as_str() > today {
        return Err(s.date_future.into());
    }
    let effective_on = match input.effective_on.trim() {
        "" => None,
        v => Some(date(v).ok_or_else(|| fill(s.date_invalid, &[&s.effective_on]))?),
    };
    if effective_on.as_ref().is_some_and(|e| *e < issued_on) {
        return Err(s.effective_before.into());
    }
    let year: i32 = issued_on[..4].parse().unwrap_or_default();

    let status = DocStatus::parse(&input.status).ok_or_else(|| s.status_invalid.to_string())?;
    let replaced_by = match (status, clean_number(&input.replaced_by)) {
        (DocStatus::Replaced, n) if n.is_empty() => return Err(s.replaced_by_required.into()),
        (DocStatus::Replaced, n) if number_key(&n) == number_key(&number) => {
            return Err(s.replaced_by_self.into());
        }
        (DocStatus::Replaced, n) => Some(number_key(&n)),
        _ => None,
    };

    let mut files = Vec::new();
    for part in input
        .files
        .split(',')
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        let id: i64 = part
            .parse()
            .map_err(|_| fill(s.file_not_document, &[&part]))?;
        if !files.contains(&id) {
            files.push(id);
        }
    }
    if files.len() > FILES_MAX {
        return Err(fill(s.too_many_files, &[&FILES_MAX]));
    }
    let mut articles = Vec::new();
    for given in input
        .articles
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
    {
        let slug = article_slug(given).ok_or_else(|| fill(s.article_unknown, &[&given]))?;
        if !articles.contains(&slug) {
            articles.push(slug);
        }
    }
    if articles.len() > ARTICLES_MAX {
        return Err(fill(s.too_many_articles, &[&ARTICLES_MAX]));
    }

    let mut parts = Vec::new();
    for given in input
        .parts
        .lines()
        .map(clean_number)
        .filter(|l| !l.is_empty())
    {
        if kind != DocKind::BanTin {
            return Err(s.parts_only_bulletins.into());
        }
        let key = number_key(&given);
        if key == number_key(&number) {
            return Err(s.part_self.into());
        }
        if !parts.contains(&key) {
            parts.push(key);
        }
    }
    if parts.len() > PARTS_MAX {
        return Err(fill(s.too_many_parts, &[&PARTS_MAX]));
    }

    let search_text = crate::core::text::fold_vietnamese(&format!(
        "{number} {} {issuer} {signer} {summary}",
        kind.label()
    ))
    .to_lowercase();
    Ok(Checked {
        number_key: number_key(&number),
        serial: parsed
            .as_ref()
            .map(|p| p.serial.clone())
            .unwrap_or_default(),
        issuer_code: parsed.map(|p| p.issuer_code).unwrap_or_default(),
        number,
        kind,
        issuer,
        signer,
        issued_on,
        year,
        effective_on,
        summary,
        status,
        replaced_by,
        members_only: input.members_only.is_some(),
        files,
        articles,
        parts,
        search_text,
    })
}

/// A date as stored (YYYY-MM-DD), from a date input's value or as the portals write
/// it (04/06/2021); `None` for a day that does not exist.
#[cfg(feature = "ssr")]
pub fn date(s: &str) -> Option<String> {
    use chrono::NaiveDate;
    let s = s.trim();
    let d = NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(s, "%d/%m/%Y"))
        .ok()?;
    (1900..=2999)
        .contains(&chrono::Datelike::year(&d))
        .then(|| d.format("%Y-%m-%d").to_string())
}

/// The slug an editor means by "/bai-viet/slug", a whole link to it, or the slug.
#[cfg(feature = "ssr")]
fn article_slug(given: &str) -> Option<String> {
    let path = given
        .split_once("/bai-viet/")
        .map(|(_, rest)| rest)
        .unwrap_or(given);
    let slug = path.split(['/', '?', '#']).next().unwrap_or_default();
    (!slug.is_empty()
        && slug.len() <= 200
        && slug
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'))
    .then(|| slug.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn good() -> DocumentInput {
        DocumentInput {
            number: "Số 2466-QĐ/TU".into(),
            kind: "quyet-dinh".into(),
            issuer: "Tỉnh ủy  Quảng Nam".into(),
            issued_on: "2021-06-04".into(),
            summary: "Về việc thành lập Ban Chỉ đạo chuyển đổi số".into(),
            status: "con-hieu-luc".into(),
            ..Default::default()
        }
    }

    #[test]
    fn a_good_document_is_read() {
        let c = check(&good(), "2026-12-03").unwrap();
        assert_eq!(c.number, "2466-QĐ/TU");
        assert_eq!((c.serial.as_str(), c.issuer_code.as_str()), ("2466", "TU"));
        assert_eq!(c.issuer, "Tỉnh ủy Quảng Nam");
        assert_eq!(c.year, 2021);
        assert!(c.search_text.contains("chuyen doi so"));
        assert!(c.search_text.contains("2466-qd/tu"));
    }

    #[test]
    fn refusals_say_why() {
        let today = "2026-12-03";
        let with = |f: fn(&mut DocumentInput)| {
            let mut i = good();
            f(&mut i);
            check(&i, today)
        };
        assert!(with(|i| i.number = " ".into()).is_err());
        assert!(with(|i| i.number = "2466 QĐ<TU>".into()).is_err());
        // QĐ is a decision, not a directive
        let e = with(|i| i.kind = "chi-thi".into()).unwrap_err();
        assert!(e.contains("QĐ"), "{e}");
        assert!(with(|i| i.kind = "khac".into()).is_err());
        assert!(with(|i| i.issuer = "".into()).is_err());
        assert!(with(|i| i.summary = "".into()).is_err());
        assert!(with(|i| i.summary = "x".repeat(SUMMARY_MAX + 1)).is_err());
        assert!(with(|i| i.issued_on = "2021-02-30".into()).is_err());
        assert!(with(|i| i.issued_on = "2027-01-01".into()).is_err());
        assert!(with(|i| i.effective_on = "2021-06-01".into()).is_err());
        assert!(with(|i| i.status = "replaced".into()).is_err());
        assert!(with(|i| i.status = "bi-thay-the".into()).is_err());
        let mut replaced = good();
        replaced.status = "bi-thay-the".into();
        replaced.replaced_by = "2466-QĐ/TU".into();
        assert!(check(&replaced, today).is_err());
        replaced.replaced_by = "Số 15-QĐ/TU".into();
        assert_eq!(
            check(&replaced, today).unwrap().replaced_by.as_deref(),
            Some("15-qd/tu")
        );
        assert!(with(|i| i.files = "3,x".into()).is_err());
        assert!(with(|i| i.articles = "Bài <b>".into()).is_err());
        // only a bulletin gathers documents, and not itself
        assert!(with(|i| i.parts = "15-KL/TU".into()).is_err());
        let mut bulletin = good();
        bulletin.number = "06-BT/BTGTU".into();
        bulletin.kind = "ban-tin".into();
        bulletin.parts = "Số 15-KL/TU\n\n168-QĐi/TU\n15-KL/TU".into();
        assert_eq!(
            check(&bulletin, today).unwrap().parts,
            vec!["15-kl/tu".to_string(), "168-qdi/tu".to_string()]
        );
        bulletin.parts = "06-BT/BTGTU".into();
        assert!(check(&bulletin, today).is_err());
    }

    #[test]
    fn dates_and_articles_are_read_as_editors_write_them() {
        assert_eq!(date("04/06/2021").as_deref(), Some("2021-06-04"));
        assert_eq!(date("2021-06-04").as_deref(), Some("2021-06-04"));
        assert_eq!(date("31/02/2021"), None);
        assert_eq!(
            article_slug("https://tinhuy.vn/bai-viet/hoi-nghi-so-7?hl=en").as_deref(),
            Some("hoi-nghi-so-7")
        );
        assert_eq!(
            article_slug("/bai-viet/hoi-nghi").as_deref(),
            Some("hoi-nghi")
        );
        assert_eq!(article_slug("hoi-nghi").as_deref(), Some("hoi-nghi"));
        let mut i = good();
        i.files = "4, 2,4".into();
        i.articles = "/bai-viet/a\n\nb\n/bai-viet/a".into();
        let c = check(&i, "2026-12-03").unwrap();
        assert_eq!(c.files, vec![4, 2]);
        assert_eq!(c.articles, vec!["a".to_string(), "b".to_string()]);
    }
}
