//! Search's shared types: a query with its filters (as the results page's address
//! carries them), a result with its marked title and snippet, a page of results, and
//! a suggestion.

use serde::{Deserialize, Serialize};

use crate::features::categories::CategoryRef;

/// The results page.
pub const SEARCH_PATH: &str = "/tim-kiem";
/// Results on a page.
pub const PER_PAGE: u32 = 10;
/// Results a query reaches at most (the pages after it are not offered).
pub const REACH: usize = 1_000;
/// Suggestions shown as a reader types.
pub const SUGGESTIONS: usize = 6;
/// The header's box.
pub const INPUT_ID: &str = "o-tim-kiem";
/// A query's characters beyond this are ignored.
pub const QUERY_MAX: usize = 200;

/// What is searched: everything, or one kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum Kind {
    #[default]
    All,
    Article,
    Document,
    Question,
}

impl Kind {
    pub const KINDS: [Kind; 3] = [Kind::Article, Kind::Document, Kind::Question];

    /// In the address (`loai=`) and in the index.
    pub fn code(self) -> &'static str {
        match self {
            Kind::All => "",
            Kind::Article => "bai-viet",
            Kind::Document => "van-ban",
            Kind::Question => "hoi-dap",
        }
    }

    pub fn from_code(code: &str) -> Kind {
        Kind::KINDS
            .into_iter()
            .find(|k| k.code() == code)
            .unwrap_or(Kind::All)
    }
}

/// A query as the address carries it: `q`, `loai`, `chuyen-muc`, `tu`, `den`, `trang`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct SearchQuery {
    pub q: String,
    pub kind: Kind,
    /// A category's slug (its subcategories included).
    pub category: String,
    /// From this day (YYYY-MM-DD), included.
    pub from: String,
    /// To this day (YYYY-MM-DD), included.
    pub to: String,
    pub page: u32,
}

impl SearchQuery {
    /// The results page's address for this query, without its page number.
    pub fn href(&self) -> String {
        use crate::components::urlencode;
        let mut parts = vec![format!("q={}", urlencode(self.q.trim()))];
        let mut add = |k: &str, v: &str| {
            if !v.trim().is_empty() {
                parts.push(format!("{k}={}", urlencode(v.trim())));
            }
        };
        add("loai", self.kind.code());
        add("chuyen-muc", &self.category);
        add("tu", &self.from);
        add("den", &self.to);
        format!("{SEARCH_PATH}?{}", parts.join("&"))
    }

    /// True when a filter narrows the search.
    pub fn filtered(&self) -> bool {
        self.kind != Kind::All
            || !self.category.is_empty()
            || !self.from.is_empty()
            || !self.to.is_empty()
    }
}

/// Text with the words the query asked for marked: runs of (text, marked).
pub type Marked = Vec<(String, bool)>;

/// One result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchHit {
    pub kind: Kind,
    pub href: String,
    pub title: Marked,
    /// Where the words are in the lead or the body, cut around them.
    pub snippet: Marked,
    pub published_at: i64,
    /// "24/02/2021 01:52", in the portal's time zone.
    pub date: String,
    pub category: Option<CategoryRef>,
    pub members_only: bool,
}

/// A page of results, with the filters' choices.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct SearchPage {
    pub query: SearchQuery,
    pub hits: Vec<SearchHit>,
    /// How many match, up to `REACH` (`more` when there are more).
    pub total: usize,
    pub more: bool,
    pub pages: u32,
    /// The categories a search can be narrowed to, in the menu's order (depth, ref).
    pub categories: Vec<(usize, CategoryRef)>,
    /// Why the filters were not understood (a date), if so.
    pub filter_error: Option<String>,
}

/// A title offered while typing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Suggestion {
    pub title: String,
    pub href: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_query_keeps_its_filters_in_its_address() {
        let q = SearchQuery {
            q: "xây dựng".into(),
            kind: Kind::Document,
            from: "2024-01-01".into(),
            ..Default::default()
        };
        assert_eq!(
            q.href(),
            "/tim-kiem?q=x%C3%A2y%20d%E1%BB%B1ng&loai=van-ban&tu=2024-01-01"
        );
        assert!(q.filtered());
        assert_eq!(Kind::from_code("hoi-dap"), Kind::Question);
        assert_eq!(Kind::from_code("khac"), Kind::All);
    }
}
