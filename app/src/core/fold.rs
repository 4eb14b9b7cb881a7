//! The Vietnamese folding (đ → d, tones and hats removed) that slugs, search and the
//! editor's suggestions match on: the server's and the staff client's (the reader's
//! client goes without the Unicode tables).

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Removes Vietnamese diacritics: "Xây dựng Đảng" → "Xay dung Dang".
pub fn fold_vietnamese(s: &str) -> String {
    s.nfd()
        .filter(|c| !is_combining_mark(*c))
        .map(|c| match c {
            'đ' => 'd',
            'Đ' => 'D',
            other => other,
        })
        .collect()
}
