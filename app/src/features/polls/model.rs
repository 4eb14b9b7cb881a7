//! What Bình chọn knows of a poll: when it is open, when its results show, the limits
//! of what editors write, the shares of its results, and the shapes its box, its page
//! and the editors' pages exchange with the server.

use serde::{Deserialize, Serialize};

use crate::i18n::tpl;

/// A poll's page: `/binh-chon/{id}`.
pub const POLLS_PATH: &str = "/binh-chon";

pub const QUESTION_MIN: usize = 5;
pub const QUESTION_MAX: usize = 300;
pub const OPTION_MAX: usize = 200;
pub const OPTIONS_MIN: usize = 2;
pub const OPTIONS_MAX: usize = 12;
/// How long a closed poll stays on the home page with its results.
pub const CLOSED_SHOWN_SECONDS: i64 = 7 * 86_400;

pub fn poll_href(id: i64) -> String {
    format!("{POLLS_PATH}/{id}")
}

/// When readers see the results: once they have voted, or once the poll has closed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ResultsShown {
    AfterVote,
    AfterClose,
}

impl ResultsShown {
    pub fn code(self) -> &'static str {
        match self {
            ResultsShown::AfterVote => "vote",
            ResultsShown::AfterClose => "close",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        match code {
            "vote" => Some(ResultsShown::AfterVote),
            "close" => Some(ResultsShown::AfterClose),
            _ => None,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            ResultsShown::AfterVote => tpl().results_vote,
            ResultsShown::AfterClose => tpl().results_close,
        }
    }
}

/// Where a poll is in its time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum PollState {
    Upcoming,
    Open,
    Closed,
}

impl PollState {
    pub fn at(opens_at: i64, closes_at: Option<i64>, now: i64) -> Self {
        if now < opens_at {
            PollState::Upcoming
        } else if closes_at.is_some_and(|c| now >= c) {
            PollState::Closed
        } else {
            PollState::Open
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            PollState::Upcoming => tpl().status_upcoming,
            PollState::Open => tpl().status_open,
            PollState::Closed => tpl().status_closed,
        }
    }
}

/// Whether a reader sees the results: always once closed; after their vote when the
/// poll says so.
pub fn results_visible(shown: ResultsShown, state: PollState, voted: bool) -> bool {
    state == PollState::Closed || (shown == ResultsShown::AfterVote && voted)
}

/// Each count's share of the total in whole percents, summing to 100 (largest
/// remainders get the leftover points); all 0 when nobody voted.
pub fn shares(counts: &[i64]) -> Vec<u32> {
    let total: i64 = counts.iter().sum();
    if total <= 0 {
        return vec![0; counts.len()];
    }
    let mut out: Vec<u32> = counts.iter().map(|c| (c * 100 / total) as u32).collect();
    let mut rest: Vec<(usize, i64)> = counts
        .iter()
        .enumerate()
        .map(|(i, c)| (i, c * 100 % total))
        .collect();
    rest.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let missing = 100 - out.iter().sum::<u32>();
    for (i, _) in rest.into_iter().take(missing as usize) {
        out[i] += 1;
    }
    out
}

/// The choices an editor typed, one a line: trimmed, empty lines dropped; the message
/// says what to mend.
pub fn parse_options(text: &str) -> Result<Vec<String>, String> {
    let options: Vec<String> = text
        .lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .collect();
    let distinct = options.iter().enumerate().all(|(i, o)| {
        !options[..i]
            .iter()
            .any(|p| p.to_lowercase() == o.to_lowercase())
    });
    let ok = (OPTIONS_MIN..=OPTIONS_MAX).contains(&options.len())
        && options.iter().all(|o| o.chars().count() <= OPTION_MAX)
        && distinct;
    if ok {
        Ok(options)
    } else {
        Err(tpl().options_invalid.into())
    }
}

/// A choice, with its count and share when the results show.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PollChoice {
    pub id: i64,
    pub label: String,
    pub votes: Option<i64>,
    pub share: Option<u32>,
}

/// A poll as its box and its page show it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PollView {
    pub id: i64,
    pub question: String,
    pub multiple: bool,
    pub state: PollState,
    pub shown: ResultsShown,
    pub choices: Vec<PollChoice>,
    /// When the results show.
    pub total: Option<i64>,
    /// Only on the poll's own page (a box is the same for every reader).
    pub voted: bool,
    pub opens: String,
    pub closes: Option<String>,
}

/// A poll in the editors' list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PollRow {
    pub id: i64,
    pub question: String,
    pub state: PollState,
    pub opens: String,
    pub closes: Option<String>,
    pub total: i64,
    pub on_home: bool,
    pub article: Option<String>,
}

/// A poll as its editor changes it (id 0: a new one).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PollEdit {
    pub id: i64,
    pub question: String,
    /// One a line.
    pub options: String,
    pub multiple: bool,
    /// `datetime-local` values.
    pub opens: String,
    pub closes: String,
    pub shown: ResultsShown,
    pub on_home: bool,
    /// The article's slug ("" for none).
    pub article: String,
    /// Votes given (the choices are fixed once there are some).
    pub total: i64,
    /// Counts by choice, in order.
    pub results: Vec<(String, i64)>,
}

/// What the editors' form sends (fields `poll[question]`, …): `options` one a line;
/// `multiple` and `on_home` ticked boxes (absent when not ticked); `opens` and `closes`
/// `datetime-local` values (`closes` may be empty); `shown` "vote" or "close";
/// `article` an article's address or slug, or empty.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PollForm {
    pub question: String,
    pub options: String,
    #[serde(default)]
    pub multiple: Option<String>,
    pub opens: String,
    #[serde(default)]
    pub closes: String,
    pub shown: String,
    #[serde(default)]
    pub on_home: Option<String>,
    #[serde(default)]
    pub article: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_sum_to_a_hundred() {
        assert_eq!(shares(&[1, 1, 1]), vec![34, 33, 33]);
        assert_eq!(shares(&[2, 1]), vec![67, 33]);
        assert_eq!(shares(&[0, 0]), vec![0, 0]);
        assert_eq!(shares(&[5, 0]), vec![100, 0]);
        assert_eq!(shares(&[1, 2, 3, 4]).iter().sum::<u32>(), 100);
    }

    #[test]
    fn a_poll_opens_closes_and_shows_its_results() {
        assert_eq!(PollState::at(100, None, 50), PollState::Upcoming);
        assert_eq!(PollState::at(100, None, 100), PollState::Open);
        assert_eq!(PollState::at(100, Some(200), 199), PollState::Open);
        assert_eq!(PollState::at(100, Some(200), 200), PollState::Closed);
        use ResultsShown::*;
        assert!(results_visible(AfterVote, PollState::Open, true));
        assert!(!results_visible(AfterVote, PollState::Open, false));
        assert!(!results_visible(AfterClose, PollState::Open, true));
        assert!(results_visible(AfterClose, PollState::Closed, false));
    }

    #[test]
    fn options_are_one_a_line() {
        assert_eq!(
            parse_options("Có\n\n  Không  \n").unwrap(),
            vec!["Có", "Không"]
        );
        assert!(parse_options("Chỉ một").is_err());
        assert!(parse_options("Có\ncó").is_err(), "the same twice");
        assert!(parse_options(&"x\n".repeat(13)).is_err());
    }
}
