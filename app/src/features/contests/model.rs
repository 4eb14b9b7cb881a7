//! What Cuộc thi trắc nghiệm knows of a contest: its rounds' periods and states, the
//! checks of what an entrant gives (name, date of birth, phone, unit), the question
//! bank as organisers type it, the prizes, the order of results (score, then the
//! prediction's closeness, then time taken), and the shapes its pages exchange with
//! the server. Nothing here that an entrant receives carries a correct answer.

use serde::{Deserialize, Serialize};

use crate::i18n::tqz;

/// The public section: `/cuoc-thi`, a contest at `/cuoc-thi/{slug}`.
pub const CONTESTS_PATH: &str = "/cuoc-thi";
/// The organisers' list.
pub const ADMIN_CONTESTS_PATH: &str = "/quan-tri/cuoc-thi";

pub const TITLE_MIN: usize = 5;
pub const TITLE_MAX: usize = 200;
pub const INTRO_MAX: usize = 4000;
pub const NAME_MAX: usize = 80;
pub const UNIT_MIN: usize = 3;
pub const UNIT_MAX: usize = 200;
pub const PROMPT_MAX: usize = 500;
pub const CHOICE_MAX: usize = 200;
pub const CHOICES_MIN: usize = 2;
pub const CHOICES_MAX: usize = 6;
pub const QUESTIONS_MAX: i64 = 50;
/// A round's time limit, in seconds: one minute to two hours.
pub const LIMIT_MIN: i64 = 60;
pub const LIMIT_MAX: i64 = 7200;
pub const ATTEMPTS_MAX: i64 = 5;
/// The largest prediction accepted.
pub const PREDICTION_MAX: i64 = 100_000_000;
/// A submission this late after the deadline still counts (the network's delay).
pub const GRACE_MS: i64 = 5_000;
/// A closed round's answers and results wait this long after its close, past the
/// grace of the last sheets still coming in.
pub const SETTLE_SECONDS: i64 = 10;
/// Entrants are between these ages.
pub const AGE_MIN: i32 = 6;
pub const AGE_MAX: i32 = 110;

pub fn contest_href(slug: &str) -> String {
    format!("{CONTESTS_PATH}/{slug}")
}

/// The sheet of an attempt, named by its secret.
pub fn sheet_href(slug: &str, token: &str) -> String {
    format!("{CONTESTS_PATH}/{slug}/lam-bai?ma={token}")
}

pub fn results_href(slug: &str, number: i64) -> String {
    format!("{CONTESTS_PATH}/{slug}/vong/{number}")
}

/// How often a contest's rounds come.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Period {
    Week,
    Month,
}

impl Period {
    pub const ALL: [Period; 2] = [Period::Week, Period::Month];

    pub fn code(self) -> &'static str {
        match self {
            Period::Week => "week",
            Period::Month => "month",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.code() == code)
    }

    pub fn label(self) -> &'static str {
        match self {
            Period::Week => tqz().period_week,
            Period::Month => tqz().period_month,
        }
    }

    /// A round's length in days, as the form proposes it.
    pub fn days(self) -> i64 {
        match self {
            Period::Week => 7,
            Period::Month => 30,
        }
    }
}

/// Where a round is in its time, and whether its results are out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum RoundState {
    Upcoming,
    Open,
    Closed,
    Published,
}

impl RoundState {
    pub fn at(opens_at: i64, closes_at: i64, published: bool, now: i64) -> Self {
        if published {
            RoundState::Published
        } else if now < opens_at {
            RoundState::Upcoming
        } else if now >= closes_at {
            RoundState::Closed
        } else {
            RoundState::Open
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            RoundState::Upcoming => tqz().state_upcoming,
            RoundState::Open => tqz().state_open,
            RoundState::Closed => tqz().state_closed,
            RoundState::Published => tqz().state_published,
        }
    }
}

/// Whether a round that closed at `closes_at` takes no more entries at `now`: its
/// answers may be shown and its results published.
pub fn settled(closes_at: i64, now: i64) -> bool {
    now >= closes_at + SETTLE_SECONDS
}

/// A cell of the organisers' CSV as a spreadsheet reads it: text that a spreadsheet
/// would take for a formula (`=`, `+`, `-`, `@`, a tab or a return first) gets a
/// leading apostrophe.
pub fn csv_cell(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

/// A phone number as the one-entry key: digits only, +84/84 as 0; a Vietnamese mobile
/// or landline number (10 or 11 digits from 0 and a non-zero digit), else None.
pub fn phone_key(typed: &str) -> Option<String> {
    let mut digits: String = typed
        .chars()
        .filter(|c| !matches!(c, ' ' | '.' | '-' | '(' | ')'))
        .collect();
    if let Some(rest) = digits.strip_prefix('+') {
        digits = rest.to_string();
    }
    if !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    if digits.starts_with("84") && digits.len() >= 11 {
        digits = format!("0{}", &digits[2..]);
    }
    let ok = (10..=11).contains(&digits.len())
        && digits.starts_with('0')
        && !digits[1..].starts_with('0');
    ok.then_some(digits)
}

/// A phone as the results page shows it: the last three digits only.
pub fn masked_phone(phone: &str) -> String {
    let tail: String = phone
        .chars()
        .rev()
        .take(3)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    format!(
        "{}{tail}",
        "•".repeat(phone.chars().count().saturating_sub(3))
    )
}

/// A date of birth from a date field ("1990-05-17") for an entrant aged `AGE_MIN` to
/// `AGE_MAX` on `today` ("2026-12-04"); the date as stored, else None.
#[cfg(feature = "ssr")]
pub fn birth_date(typed: &str, today: chrono::NaiveDate) -> Option<String> {
    use chrono::Datelike;
    let d = chrono::NaiveDate::parse_from_str(typed.trim(), "%Y-%m-%d").ok()?;
    let mut age = today.year() - d.year();
    if (today.month(), today.day()) < (d.month(), d.day()) {
        age -= 1;
    }
    (d <= today && (AGE_MIN..=AGE_MAX).contains(&age)).then(|| d.format("%Y-%m-%d").to_string())
}

/// What an entrant gives, checked; the message says what to mend.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entrant {
    pub name: String,
    pub birth_date: String,
    pub phone: String,
    pub unit: String,
}

#[cfg(feature = "ssr")]
pub fn check_entrant(
    name: &str,
    birth: &str,
    phone: &str,
    unit: &str,
    today: chrono::NaiveDate,
) -> Result<Entrant, String> {
    let s = tqz();
    let one_line = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
    let name = one_line(name);
    let letters = name
        .chars()
        .all(|c| c.is_alphabetic() || c == ' ' || c == '.' || c == '\'');
    if !(2..=NAME_MAX).contains(&name.chars().count()) || !letters {
        return Err(s.name_invalid.into());
    }
    let birth_date = birth_date(birth, today).ok_or(s.birth_invalid)?;
    let phone = phone_key(phone).ok_or(s.phone_invalid)?;
    let unit = one_line(unit);
    if !(UNIT_MIN..=UNIT_MAX).contains(&unit.chars().count()) {
        return Err(s.unit_invalid.into());
    }
    Ok(Entrant {
        name,
        birth_date,
        phone,
        unit,
    })
}

/// A bank question as organisers type it: its prompt, its choices in the order
/// written, and which one is correct.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BankEntry {
    pub prompt: String,
    pub choices: Vec<String>,
    pub answer: usize,
}

/// Questions typed into the bank's box: one block per question, blocks apart by an
/// empty line; the first line the prompt, each further line a choice, the correct one
/// marked with a leading `*`. Every block checked; the message names the first one
/// that is wrong (counted from 1).
pub fn parse_bank(text: &str) -> Result<Vec<BankEntry>, String> {
    let s = tqz();
    let mut out = Vec::new();
    let normalized = text.replace("\r\n", "\n");
    for (n, block) in normalized
        .split("\n\n")
        .map(str::trim)
        .filter(|b| !b.is_empty())
        .enumerate()
    {
        let wrong = || crate::i18n::fill(s.bank_invalid, &[&(n + 1)]);
        let mut lines = block
            .lines()
            .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|l| !l.is_empty());
        let prompt = lines.next().ok_or_else(wrong)?;
        let mut choices = Vec::new();
        let mut answer = None;
        for line in lines {
            let (correct, label) = match line.strip_prefix('*') {
                Some(rest) => (true, rest.trim().to_string()),
                None => (false, line),
            };
            if correct {
                if answer.is_some() {
                    return Err(wrong());
                }
                answer = Some(choices.len());
            }
            choices.push(label);
        }
        let distinct = choices.iter().enumerate().all(|(i, c)| {
            !choices[..i]
                .iter()
                .any(|d| d.to_lowercase() == c.to_lowercase())
        });
        let ok = prompt.chars().count() <= PROMPT_MAX
            && (CHOICES_MIN..=CHOICES_MAX).contains(&choices.len())
            && choices
                .iter()
                .all(|c| !c.is_empty() && c.chars().count() <= CHOICE_MAX)
            && distinct;
        match answer {
            Some(answer) if ok => out.push(BankEntry {
                prompt,
                choices,
                answer,
            }),
            _ => return Err(wrong()),
        }
    }
    if out.is_empty() {
        return Err(s.bank_empty.into());
    }
    Ok(out)
}

/// A round's prizes, one a line ("Giải Nhất: 1"): (name, how many), in order.
pub fn parse_prizes(text: &str) -> Result<Vec<(String, i64)>, String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|l| {
            let (name, count) = l.rsplit_once(':').ok_or(tqz().prizes_invalid)?;
            let count: i64 = count.trim().parse().map_err(|_| tqz().prizes_invalid)?;
            let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
            if name.is_empty() || name.chars().count() > 80 || !(1..=1000).contains(&count) {
                return Err(tqz().prizes_invalid.to_string());
            }
            Ok((name, count))
        })
        .collect()
}

/// An entry as results order them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Standing {
    pub score: i64,
    pub prediction: i64,
    pub duration_ms: i64,
    pub submitted_ms: i64,
}

/// Results' order: the higher score first; then the prediction nearer to `actual`
/// (the round's entrants); then the shorter time; then the earlier entry.
pub fn rank_order(a: &Standing, b: &Standing, actual: i64) -> std::cmp::Ordering {
    b.score
        .cmp(&a.score)
        .then(
            (a.prediction - actual)
                .abs()
                .cmp(&(b.prediction - actual).abs()),
        )
        .then(a.duration_ms.cmp(&b.duration_ms))
        .then(a.submitted_ms.cmp(&b.submitted_ms))
}

/// The order an attempt shows its questions and each question's choices in: a
/// permutation of the round's questions, and for each shown question the permutation
/// of its choices (shown position → position as written), from the attempt's seed.
#[cfg(feature = "ssr")]
pub fn sheet_order(seed: u64, choice_counts: &[usize]) -> (Vec<usize>, Vec<Vec<usize>>) {
    use rand::SeedableRng;
    use rand::seq::SliceRandom;
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(seed);
    let mut questions: Vec<usize> = (0..choice_counts.len()).collect();
    questions.shuffle(&mut rng);
    let choices = questions
        .iter()
        .map(|q| {
            let mut c: Vec<usize> = (0..choice_counts[*q]).collect();
            c.shuffle(&mut rng);
            c
        })
        .collect();
    (questions, choices)
}

/// A question as an entrant sees it: the prompt and the choices, in their order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SheetQuestion {
    pub prompt: String,
    pub choices: Vec<String>,
}

/// An entrant's result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuizResult {
    pub score: i64,
    pub of: i64,
    /// "12 phút 05 giây"
    pub took: String,
    pub prediction: i64,
    /// Attempts made and allowed.
    pub attempts: (i64, i64),
}

/// What an attempt's page shows: the sheet while time is left, the result once in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum SheetState {
    Open {
        questions: Vec<SheetQuestion>,
        /// Seconds left when the page was made.
        seconds_left: i64,
        /// "10:42:05"
        deadline: String,
        deadline_iso: String,
    },
    Done(QuizResult),
    Expired,
}

/// An attempt's page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sheet {
    pub contest_title: String,
    pub contest_slug: String,
    pub round: i64,
    pub name: String,
    pub token: String,
    pub limit_minutes: i64,
    pub state: SheetState,
}

/// A round as the public pages list it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoundCard {
    pub number: i64,
    pub state: RoundState,
    pub opens: String,
    pub closes: String,
    pub entrants: i64,
}

/// A contest in the public list and on its own page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContestCard {
    pub slug: String,
    pub title: String,
    pub intro: String,
    pub period: Period,
    pub questions: i64,
    pub limit_minutes: i64,
    pub attempts: i64,
    /// The round open now, if any.
    pub open: Option<RoundCard>,
    /// Every round that has opened, newest first.
    pub rounds: Vec<RoundCard>,
}

/// A contest's page: the card and a fresh form-time token for the entry form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContestPage {
    pub contest: ContestCard,
    pub token: String,
}

/// A prize winner as the results page shows them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Winner {
    pub rank: i64,
    pub prize: String,
    pub name: String,
    pub unit: String,
    pub phone: String,
    pub score: i64,
    pub prediction: i64,
    pub took: String,
}

/// A round's results page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoundResults {
    pub contest_title: String,
    pub contest_slug: String,
    pub round: RoundCard,
    pub of: i64,
    /// Once published: the winners, and the round's questions with their answers.
    pub winners: Vec<Winner>,
    pub answers: Vec<(String, String)>,
}

/// A contest in the organisers' list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContestRowView {
    pub id: i64,
    pub title: String,
    pub slug: String,
    pub period: Period,
    pub rounds: i64,
    /// The open round's number and entrants.
    pub open: Option<(i64, i64)>,
}

/// A bank question as organisers see it (with its answer), and how many rounds drew it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BankView {
    pub id: i64,
    pub entry: BankEntry,
    pub rounds: i64,
}

/// A round as organisers see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoundAdmin {
    pub id: i64,
    pub card: RoundCard,
    pub prizes: String,
}

/// A contest as organisers change it (id 0: a new one), with its bank and rounds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContestEdit {
    pub id: i64,
    pub slug: String,
    pub title: String,
    pub intro: String,
    pub period: Period,
    pub questions: i64,
    pub limit_minutes: i64,
    pub attempts: i64,
    pub bank: Vec<BankView>,
    pub rounds: Vec<RoundAdmin>,
    /// The next round's proposed dates (`datetime-local` values) and prizes.
    pub next_opens: String,
    pub next_closes: String,
}

/// What the contest form sends (fields `contest[title]`, …).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContestForm {
    pub title: String,
    #[serde(default)]
    pub intro: String,
    pub period: String,
    pub questions: String,
    pub limit_minutes: String,
    pub attempts: String,
}

/// What the new round's form sends (fields `round[opens]`, …).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoundForm {
    pub opens: String,
    pub closes: String,
    #[serde(default)]
    pub prizes: String,
}

/// The dashboard's counts: rounds open now, their entrants, closed rounds whose
/// results wait to be published.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContestCounts {
    pub open_rounds: i64,
    pub entrants: i64,
    pub waiting: i64,
}

/// The CSV of a round's entries, for organisers.
pub fn export_href(round: i64) -> String {
    format!("{ADMIN_CONTESTS_PATH}/vong/{round}/bai-thi.csv")
}

/// "12 phút 05 giây" for a time taken in milliseconds.
pub fn took(ms: i64) -> String {
    let secs = ms.max(0) / 1000;
    crate::i18n::fill(tqz().took, &[&(secs / 60), &format!("{:02}", secs % 60)])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(feature = "ssr")]
    fn today() -> chrono::NaiveDate {
        chrono::NaiveDate::from_ymd_opt(2026, 12, 4).unwrap()
    }

    #[test]
    fn phones_are_keyed_as_dialled_at_home() {
        assert_eq!(phone_key("0912 345 678").as_deref(), Some("0912345678"));
        assert_eq!(phone_key("+84 912.345.678").as_deref(), Some("0912345678"));
        assert_eq!(phone_key("84912345678").as_deref(), Some("0912345678"));
        assert_eq!(phone_key("0276 3822 123").as_deref(), Some("02763822123"));
        assert_eq!(phone_key("091234567"), None, "too short");
        assert_eq!(phone_key("0012345678"), None);
        assert_eq!(phone_key("09123abc78"), None);
        assert_eq!(masked_phone("0912345678"), "•••••••678");
        assert_eq!(csv_cell("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(csv_cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(csv_cell("Xã Hòa Bình"), "Xã Hòa Bình");
        assert!(!settled(100, 109) && settled(100, 110));
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn a_date_of_birth_is_a_real_date_of_a_living_entrant() {
        assert_eq!(
            birth_date("1990-05-17", today()).as_deref(),
            Some("1990-05-17")
        );
        assert_eq!(
            birth_date("2020-12-04", today()).as_deref(),
            Some("2020-12-04")
        );
        assert_eq!(birth_date("2020-12-05", today()), None, "not yet six");
        assert_eq!(birth_date("2027-01-01", today()), None);
        assert_eq!(birth_date("1990-02-30", today()), None);
        assert_eq!(birth_date("1900-01-01", today()), None);
        assert!(
            check_entrant(
                "Nguyễn Văn A",
                "1990-05-17",
                "0912345678",
                "Xã Hòa Bình",
                today()
            )
            .is_ok()
        );
        assert!(
            check_entrant(
                "<b>x</b>",
                "1990-05-17",
                "0912345678",
                "Xã Hòa Bình",
                today()
            )
            .is_err()
        );
        assert!(check_entrant("Nguyễn Văn A", "1990-05-17", "0912345678", "X", today()).is_err());
    }

    #[test]
    fn the_bank_is_typed_one_block_a_question() {
        let text = "Đảng Cộng sản Việt Nam ra đời năm nào?\n1925\n*1930\n1945\n\n\
                    Câu hỏi hai?\r\n* Đúng\r\nSai\r\n";
        let bank = parse_bank(text).unwrap();
        assert_eq!(bank.len(), 2);
        assert_eq!(bank[0].choices, vec!["1925", "1930", "1945"]);
        assert_eq!(bank[0].answer, 1);
        assert_eq!(bank[1].choices, vec!["Đúng", "Sai"]);
        assert_eq!(bank[1].answer, 0);
        assert!(parse_bank("Hỏi?\nA\nB").is_err(), "no correct choice");
        assert!(parse_bank("Hỏi?\n*A\n*B").is_err(), "two correct choices");
        assert!(parse_bank("Hỏi?\n*A").is_err(), "one choice");
        assert!(parse_bank("Hỏi?\n*A\na").is_err(), "the same twice");
        assert!(parse_bank("  \n\n ").is_err());
        assert_eq!(
            parse_prizes("Giải Nhất: 1\nGiải Nhì: 2\n").unwrap(),
            vec![("Giải Nhất".into(), 1), ("Giải Nhì".into(), 2)]
        );
        assert!(parse_prizes("Giải Nhất").is_err());
        assert!(parse_prizes("Giải Nhất: 0").is_err());
    }

    #[test]
    fn results_rank_by_score_then_prediction_then_time() {
        let e = |score, prediction, duration_ms, submitted_ms| Standing {
            score,
            prediction,
            duration_ms,
            submitted_ms,
        };
        let mut entries = [
            e(8, 100, 1000, 1),
            e(9, 5000, 9000, 2),
            e(8, 120, 500, 3),
            e(8, 100, 800, 4),
            e(8, 100, 800, 0),
        ];
        entries.sort_by(|a, b| rank_order(a, b, 110));
        assert_eq!(
            entries.iter().map(|e| e.submitted_ms).collect::<Vec<_>>(),
            vec![2, 3, 0, 4, 1],
            "score, then |prediction − 110| (100 and 120 tie), then time, then arrival"
        );
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn each_seed_orders_the_sheet_its_own_way() {
        let counts = [4, 4, 3, 4, 2, 4, 4, 4, 4, 4];
        let (q, c) = sheet_order(7, &counts);
        assert_eq!(
            sheet_order(7, &counts),
            (q.clone(), c.clone()),
            "the same seed, the same sheet"
        );
        let mut sorted = q.clone();
        sorted.sort();
        assert_eq!(sorted, (0..10).collect::<Vec<_>>());
        for (shown, perm) in q.iter().zip(&c) {
            assert_eq!(perm.len(), counts[*shown]);
        }
        let others: Vec<_> = (0..20).map(|s| sheet_order(s, &counts).0).collect();
        assert!(others.iter().any(|o| *o != q), "seeds differ");
        assert_eq!(took(725_400), "12 phút 05 giây");
    }
}
