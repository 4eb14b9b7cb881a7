//! Rating types shared by server and client.

use serde::{Deserialize, Serialize};

/// The counters live on the article; ratings change them.
pub use crate::features::articles::RatingSummary;

/// What a reader gets back after rating.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rated {
    pub summary: RatingSummary,
    pub stars: u8,
}

/// Reads the stars a form sent: 1 to 5.
pub fn parse_stars(raw: &str) -> Option<u8> {
    raw.trim()
        .parse::<u8>()
        .ok()
        .filter(|s| (1..=5).contains(s))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn averages_round_to_one_decimal() {
        let s = |sum, count| RatingSummary { sum, count }.average_text();
        assert_eq!(s(0, 0), "0");
        assert_eq!(s(15, 3), "5,0");
        assert_eq!(s(13, 3), "4,3");
        assert_eq!(s(14, 3), "4,7");
        assert_eq!(s(7, 2), "3,5");
        assert_eq!(s(1, 1), "1,0");
    }

    #[test]
    fn stars_are_one_to_five() {
        assert_eq!(parse_stars("4"), Some(4));
        assert_eq!(parse_stars(" 5 "), Some(5));
        assert_eq!(parse_stars("0"), None);
        assert_eq!(parse_stars("6"), None);
        assert_eq!(parse_stars("-1"), None);
        assert_eq!(parse_stars("x"), None);
    }
}
