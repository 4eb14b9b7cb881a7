//! Addresses of the portal's pages that several layers link to, made in one place.

/// The public article page.
pub fn article_href(slug: &str) -> String {
    format!("/bai-viet/{slug}")
}

/// A document's page in the documents library.
pub fn document_href(slug: &str) -> String {
    format!("/van-ban/{slug}")
}

/// An article on the editorial desk.
pub fn desk_href(id: i64) -> String {
    format!("/quan-tri/bai-viet/{id}")
}

/// An article's editing page.
pub fn edit_href(id: i64) -> String {
    format!("/quan-tri/bai-viet/{id}/sua")
}

/// The address of `url` (a path or an absolute address, with or without a query) in
/// `lang`: Vietnamese is the address itself, English adds `hl=en`.
pub fn in_language(url: &str, lang: crate::i18n::Lang) -> String {
    match lang {
        crate::i18n::Lang::Vi => url.to_string(),
        other => {
            let sep = if url.contains('?') { '&' } else { '?' };
            format!("{url}{sep}{}={}", crate::i18n::LANG_PARAM, other.code())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn addresses_in_a_language() {
        assert_eq!(in_language("/", Lang::Vi), "/");
        assert_eq!(in_language("/", Lang::En), "/?hl=en");
        assert_eq!(
            in_language("https://a.vn/chuyen-muc/x?trang=2", Lang::En),
            "https://a.vn/chuyen-muc/x?trang=2&hl=en"
        );
    }
}
