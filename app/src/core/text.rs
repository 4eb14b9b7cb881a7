//! Text rules shared by every feature: NFC normalisation of incoming text and the one
//! Vietnamese folding / slug function (đ → d, tones and hats removed).

use unicode_normalization::UnicodeNormalization;

/// NFC-normalises text that comes in from people or files, and trims it.
pub fn nfc(s: &str) -> String {
    s.trim().nfc().collect()
}

/// A one-line field as stored: its runs of white space made one space, NFC, at most
/// `max` characters (`what` names the field in the refusal).
pub fn one_line(s: &str, what: &str, max: usize) -> Result<String, crate::core::error::AppError> {
    use crate::i18n::{fill, ta};
    let s = nfc(&s.split_whitespace().collect::<Vec<_>>().join(" "));
    if s.chars().count() > max {
        return Err(crate::core::error::AppError::Invalid(fill(
            ta().form_too_long,
            &[&what, &max],
        )));
    }
    Ok(s)
}

/// `%text%` for SQL's LIKE (with `ESCAPE '\'`), LIKE's own wildcards in `text` escaped.
pub fn like_contains(text: &str) -> String {
    let escaped = text
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_");
    format!("%{escaped}%")
}

pub use super::fold::fold_vietnamese;

/// A URL slug: folded, lower case, ASCII letters and digits joined by single hyphens,
/// at most 80 bytes, cut at a word boundary. "Xây dựng Đảng" → "xay-dung-dang".
pub fn slugify(s: &str) -> String {
    let folded = fold_vietnamese(s).to_lowercase();
    let mut out = String::with_capacity(folded.len());
    for word in folded
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if out.len() + word.len() + 1 > 80 && !out.is_empty() {
            break;
        }
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(word);
    }
    out.truncate(80);
    out
}

/// 32 random bytes from the operating system, hex (session and link tokens, visitor
/// ids, the portal's secret).
pub fn new_token() -> String {
    use argon2::password_hash::rand_core::{OsRng, RngCore};
    let mut bytes = [0u8; 32];
    OsRng.fill_bytes(&mut bytes);
    hex(&bytes)
}

/// Lower-case hex of `bytes`.
pub fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        out.push(DIGITS[usize::from(b >> 4)] as char);
        out.push(DIGITS[usize::from(b & 0xf)] as char);
    }
    out
}

/// The first `bytes` bytes of the SHA-256 of `parts` joined by newlines, as hex: keys
/// address hashes, form-time tokens and comment fingerprints (prefix a secret to key it).
pub fn short_hash(parts: &[&str], bytes: usize) -> String {
    use sha2::{Digest, Sha256};
    // fed part by part: the same digest as of the joined text, without building it
    // (an address hash is made for every article view)
    let mut hasher = Sha256::new();
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            hasher.update(b"\n");
        }
        hasher.update(part.as_bytes());
    }
    let digest = hasher.finalize();
    hex(&digest[..bytes.min(digest.len())])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_hashes_are_the_digest_of_the_joined_parts() {
        // stored fingerprints and signed tokens depend on it: a known SHA-256
        // ("abc" → ba7816bf…)
        assert_eq!(short_hash(&["abc"], 4), "ba7816bf");
        assert_eq!(short_hash(&["a", "bc"], 32), short_hash(&["a\nbc"], 32));
        assert_eq!(short_hash(&["s", "10.0.0.1", "Mozilla"], 16).len(), 32);
        assert_eq!(hex(&[0x00, 0x0f, 0xa5, 0xff]), "000fa5ff");
    }

    #[test]
    fn folds_every_vowel_with_every_tone() {
        // base vowel → its forms with no tone, huyền, sắc, hỏi, ngã, nặng
        let table: &[(&str, &str)] = &[
            ("a", "aàáảãạ"),
            ("a", "ăằắẳẵặ"),
            ("a", "âầấẩẫậ"),
            ("e", "eèéẻẽẹ"),
            ("e", "êềếểễệ"),
            ("i", "iìíỉĩị"),
            ("o", "oòóỏõọ"),
            ("o", "ôồốổỗộ"),
            ("o", "ơờớởỡợ"),
            ("u", "uùúủũụ"),
            ("u", "ưừứửữự"),
            ("y", "yỳýỷỹỵ"),
        ];
        for (base, forms) in table {
            assert_eq!(forms.chars().count(), 6);
            for c in forms.chars() {
                let lower = c.to_string();
                assert_eq!(fold_vietnamese(&lower), *base, "{c}");
                let upper: String = c.to_uppercase().collect();
                assert_eq!(fold_vietnamese(&upper), base.to_uppercase(), "{upper}");
                assert_eq!(slugify(&upper), *base, "{upper}");
            }
        }
    }

    #[test]
    fn folds_d_with_stroke() {
        assert_eq!(fold_vietnamese("đĐ"), "dD");
        assert_eq!(slugify("Đảng bộ"), "dang-bo");
    }

    #[test]
    fn folds_decomposed_input_like_precomposed() {
        let decomposed: String = "Xây dựng Đảng".nfd().collect();
        assert_ne!(decomposed, "Xây dựng Đảng");
        assert_eq!(slugify(&decomposed), "xay-dung-dang");
    }

    #[test]
    fn slugs_of_portal_names() {
        assert_eq!(slugify("Xây dựng Đảng"), "xay-dung-dang");
        assert_eq!(slugify("Hỏi – Đáp công tác Đảng"), "hoi-dap-cong-tac-dang");
        assert_eq!(slugify("Chuyển đổi số"), "chuyen-doi-so");
        assert_eq!(slugify("  Nhân sự   mới!! "), "nhan-su-moi");
        assert_eq!(
            slugify("Quyết định số 6075-QĐ/TU"),
            "quyet-dinh-so-6075-qd-tu"
        );
        assert_eq!(slugify("“Tự diễn biến”"), "tu-dien-bien");
        assert_eq!(slugify("!!!"), "");
    }

    #[test]
    fn long_slugs_are_cut_at_a_word() {
        let s = slugify(&"Cổng thông tin điện tử ".repeat(10));
        assert!(s.len() <= 80, "{s}");
        assert!(!s.ends_with('-'));
        assert!(s.starts_with("cong-thong-tin-dien-tu-cong"));
    }

    #[test]
    fn nfc_composes_and_trims() {
        let decomposed: String = "Thứ tư".nfd().collect();
        assert_eq!(nfc(&format!("  {decomposed} ")), "Thứ tư");
    }
}
