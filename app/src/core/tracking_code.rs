//! Tracking codes: what a citizen keeps to follow what they sent (a question, a piece
//! of feedback) without an account. A code is 12 letters from an alphabet without
//! look-alikes, shown in groups after its channel's prefix ("HD-7K3M-Q9XP-2BTW"), and
//! stored hashed: the database alone does not give a code back. Also the check of
//! the optional contact (an e-mail or a phone) those forms ask for.

/// The letters of a tracking code: no 0/O, 1/I/L or U, so a code read aloud or
/// copied by hand is not mistaken.
const LETTERS: &[u8] = b"23456789ABCDEFGHJKMNPQRSTVWXYZ";
/// Letters in a code: 12 of 30, about 59 bits: not guessed, not enumerated.
pub const LEN: usize = 12;

/// A code as shown: its prefix, then its letters in groups of four.
pub fn show(prefix: &str, letters: &str) -> String {
    let groups: Vec<String> = letters
        .as_bytes()
        .chunks(4)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect();
    format!("{prefix}-{}", groups.join("-"))
}

/// The letters of a code as a citizen types it back: case, spaces, dashes and the
/// prefix ignored; None when it cannot be a code.
pub fn letters_of(prefix: &str, typed: &str) -> Option<String> {
    let mut s: String = typed
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_uppercase())
        .collect();
    if s.len() == LEN + prefix.len() && s.starts_with(prefix) {
        s.drain(..prefix.len());
    }
    (s.len() == LEN && s.bytes().all(|b| LETTERS.contains(&b))).then_some(s)
}

/// Code letters from random bytes (one byte a letter; 256 is not a multiple of 30, so
/// bytes past the last whole multiple are skipped): shorter than `LEN` when too few
/// bytes were usable.
pub fn from_bytes(bytes: impl IntoIterator<Item = u8>) -> String {
    let limit = (256 / LETTERS.len() * LETTERS.len()) as u8;
    bytes
        .into_iter()
        .filter(|b| *b < limit)
        .take(LEN)
        .map(|b| LETTERS[b as usize % LETTERS.len()] as char)
        .collect()
}

/// Fresh code letters from the operating system's randomness.
#[cfg(feature = "ssr")]
pub fn fresh() -> String {
    use argon2::password_hash::rand_core::{OsRng, RngCore};
    loop {
        let mut bytes = [0u8; 48];
        OsRng.fill_bytes(&mut bytes);
        let code = from_bytes(bytes);
        if code.len() == LEN {
            return code;
        }
    }
}

/// The hash a code is stored and looked up by.
#[cfg(feature = "ssr")]
pub fn hash(letters: &str) -> String {
    use sha2::{Digest, Sha256};
    format!("{:x}", Sha256::digest(letters.as_bytes()))
}

/// Whether a contact is an e-mail address or a phone number (digits, spaces, dots,
/// dashes, a leading +; 9 to 15 digits). Empty is allowed: the contact is optional.
pub fn contact_ok(contact: &str) -> bool {
    let c = contact.trim();
    if c.is_empty() {
        return true;
    }
    if c.contains('@') {
        let (user, host) = c.split_once('@').unwrap_or_default();
        return !user.is_empty()
            && host.contains('.')
            && !host.starts_with('.')
            && !host.ends_with('.')
            && !c.contains(char::is_whitespace);
    }
    let digits = c.chars().filter(char::is_ascii_digit).count();
    c.chars()
        .enumerate()
        .all(|(i, ch)| ch.is_ascii_digit() || " .-()".contains(ch) || (ch == '+' && i == 0))
        && (9..=15).contains(&digits)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_shown_and_read_back() {
        let letters = from_bytes((0u8..=255).cycle().skip(7).take(64));
        assert_eq!(letters.len(), LEN);
        let shown = show("HD", &letters);
        assert_eq!(shown.len(), 3 + LEN + 2);
        assert_eq!(letters_of("HD", &shown).as_deref(), Some(letters.as_str()));
        assert_eq!(
            letters_of("HD", &shown.to_lowercase().replace('-', " ")).as_deref(),
            Some(letters.as_str())
        );
        // another channel's prefix is not this one's code
        assert_eq!(letters_of("GY", &shown), None);
        assert_eq!(letters_of("HD", "HD-1234"), None);
        assert_eq!(letters_of("HD", "HD-OOOO-OOOO-OOOO"), None, "no O in codes");
        let a = fresh();
        assert_eq!(a.len(), LEN);
        assert_ne!(a, fresh());
        assert_eq!(hash(&a), hash(&a));
        assert_ne!(hash(&a), a);
    }

    #[test]
    fn contacts_are_an_email_or_a_phone() {
        for ok in ["", "an@example.vn", "0912 345 678", "+84 912.345.678"] {
            assert!(contact_ok(ok), "{ok}");
        }
        for bad in ["abc", "12345", "an@", "@x.vn", "0912-abc", "a b@x.vn"] {
            assert!(!contact_ok(bad), "{bad}");
        }
    }
}
