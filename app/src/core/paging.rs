//! Pagination shared by every list: the page size, the highest page a list accepts,
//! one page of items, and the `?trang=N` parameter.

use serde::{Deserialize, Serialize};

/// Articles per page on list pages.
pub const PER_PAGE: u32 = 12;
/// Highest page number a list accepts.
pub const MAX_PAGE: u32 = 10_000;

/// One page of a longer list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Paged<T> {
    pub items: Vec<T>,
    /// 1-based.
    pub page: u32,
    pub pages: u32,
    pub total: i64,
}

impl<T> Paged<T> {
    pub fn new(items: Vec<T>, page: u32, total: i64) -> Self {
        Self::sized(items, page, total, PER_PAGE)
    }

    /// A page of a list shown `per_page` at a time.
    pub fn sized(items: Vec<T>, page: u32, total: i64, per_page: u32) -> Self {
        let pages = ((total.max(0) as u64).div_ceil(u64::from(per_page.max(1)))).max(1) as u32;
        Paged {
            items,
            page,
            pages,
            total,
        }
    }
}

/// Reads the `trang` (page) query value: 1 when absent or not a number.
pub fn page_param(raw: Option<String>) -> u32 {
    raw.and_then(|s| s.trim().parse::<u32>().ok())
        .filter(|p| *p >= 1)
        .unwrap_or(1)
        .min(MAX_PAGE)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_counts_and_params() {
        assert_eq!(Paged::<()>::new(vec![], 1, 0).pages, 1);
        assert_eq!(Paged::<()>::new(vec![], 1, 12).pages, 1);
        assert_eq!(Paged::<()>::new(vec![], 1, 13).pages, 2);
        assert_eq!(page_param(None), 1);
        assert_eq!(page_param(Some("3".into())), 3);
        assert_eq!(page_param(Some("0".into())), 1);
        assert_eq!(page_param(Some("-2".into())), 1);
        assert_eq!(page_param(Some("abc".into())), 1);
        assert_eq!(page_param(Some("99999999".into())), MAX_PAGE);
    }
}
