//! The server's rules for what readers send: the form-time token (minimum fill time),
//! banned words, and the fingerprint that finds duplicate comments.

use crate::core::text::{fold_vietnamese, short_hash};

fn keyed(secret: &str, message: &str) -> String {
    short_hash(&[secret, message], 12)
}

/// A token saying when a comment form was made: "<unix seconds>.<keyed hash>".
pub fn form_token(secret: &str, now: i64) -> String {
    format!("{now}.{}", keyed(secret, &format!("form:{now}")))
}

/// The tag of a message the server sends on in an address (a plain form's error, shown
/// by the page it goes back to): a page shows only messages with their tag, so a link
/// cannot make the portal say what its author wants.
pub fn message_tag(secret: &str, message: &str) -> String {
    keyed(secret, &format!("message:{message}"))
}

/// How many seconds ago the form of `token` was made; None for a forged or
/// malformed token (or one from the future).
pub fn form_age(secret: &str, token: &str, now: i64) -> Option<i64> {
    let (time, mac) = token.trim().split_once('.')?;
    let made: i64 = time.parse().ok()?;
    (keyed(secret, &format!("form:{made}")) == mac && made <= now).then_some(now - made)
}

/// Lower case, tones and hats removed, one space between words.
fn folded(text: &str) -> String {
    fold_vietnamese(text)
        .to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The first banned word in `text`, matched as whole words, ignoring case and tones.
pub fn banned_word<'a>(text: &str, words: &'a [String]) -> Option<&'a str> {
    let haystack: Vec<String> = folded(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect();
    words.iter().map(String::as_str).find(|word| {
        let needle: Vec<String> = folded(word)
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect();
        !needle.is_empty()
            && haystack
                .windows(needle.len())
                .any(|w| w == needle.as_slice())
    })
}

/// The fingerprint of a comment's text: the same words in any case, tones or spacing
/// are the same comment.
pub fn body_hash(body: &str) -> String {
    short_hash(&[&folded(body)], 16)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn message_tags_are_the_secrets() {
        let tag = message_tag("s", "refused");
        assert_eq!(tag, message_tag("s", "refused"));
        assert_ne!(tag, message_tag("s", "refused!"));
        assert_ne!(tag, message_tag("other", "refused"));
    }

    #[test]
    fn form_tokens_tell_their_age_and_resist_forgery() {
        let t = form_token("s", 1000);
        assert_eq!(form_age("s", &t, 1004), Some(4));
        assert_eq!(form_age("other", &t, 1004), None, "another secret");
        let forged = t.replacen("1000", "900", 1);
        assert_eq!(form_age("s", &forged, 1004), None, "an older time claimed");
        assert_eq!(form_age("s", "abc", 1004), None);
        assert_eq!(form_age("s", "", 1004), None);
        assert_eq!(
            form_age("s", &form_token("s", 2000), 1004),
            None,
            "from the future"
        );
    }

    #[test]
    fn banned_words_match_whole_words_without_tones() {
        let words = vec!["lừa đảo".to_string(), "cờ bạc".to_string()];
        assert_eq!(
            banned_word("Trang này LỪA ĐẢO người dân", &words),
            Some("lừa đảo")
        );
        assert_eq!(banned_word("chơi co bac online", &words), Some("cờ bạc"));
        assert_eq!(banned_word("Bài viết rất hay", &words), None);
        assert_eq!(
            banned_word("cờ vua, bạc màu", &words),
            None,
            "whole words in order"
        );
        assert_eq!(banned_word("anything", &[]), None);
    }

    #[test]
    fn duplicates_share_a_fingerprint() {
        assert_eq!(
            body_hash("Bài viết  rất hay"),
            body_hash("bài viết rất HAY")
        );
        assert_ne!(body_hash("Bài viết rất hay"), body_hash("Bài viết rất dở"));
    }
}
