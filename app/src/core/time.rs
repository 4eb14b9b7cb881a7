//! Dates as the portals show them. Times are stored as UTC unix seconds and shown in
//! Asia/Ho_Chi_Minh: "Thứ tư - 24/02/2021 01:52".

use chrono::{DateTime, Datelike, TimeZone, Timelike, Utc};
use chrono_tz::Asia::Ho_Chi_Minh;

use crate::i18n::{fill, t, tm};

/// The time zone every date is shown in.
pub fn local(ts: i64) -> DateTime<chrono_tz::Tz> {
    let utc = Utc.timestamp_opt(ts, 0).single().unwrap_or_default();
    utc.with_timezone(&Ho_Chi_Minh)
}

fn weekday_name(d: &DateTime<chrono_tz::Tz>) -> &'static str {
    t().weekdays[d.weekday().num_days_from_monday() as usize]
}

/// The article dateline: "Thứ tư - 24/02/2021 01:52".
pub fn dateline(ts: i64) -> String {
    let d = local(ts);
    format!(
        "{} - {:02}/{:02}/{} {:02}:{:02}",
        weekday_name(&d),
        d.day(),
        d.month(),
        d.year(),
        d.hour(),
        d.minute()
    )
}

/// The short date of list items: "24/02/2021 01:52".
pub fn short_date(ts: i64) -> String {
    let d = local(ts);
    format!(
        "{:02}/{:02}/{} {:02}:{:02}",
        d.day(),
        d.month(),
        d.year(),
        d.hour(),
        d.minute()
    )
}

/// The date in the portal header: "Thứ ba, ngày 24/11/2026".
pub fn header_date(ts: i64) -> String {
    let d = local(ts);
    let date = format!("{:02}/{:02}/{}", d.day(), d.month(), d.year());
    fill(tm().header_date, &[&weekday_name(&d), &date])
}

/// RFC 3339 with the +07:00 offset, for `<time datetime>` and Open Graph.
pub fn iso(ts: i64) -> String {
    local(ts).to_rfc3339()
}

/// Parses an RFC 3339 time ("2021-02-24T01:52:00+07:00") into unix seconds.
pub fn parse_rfc3339(s: &str) -> Option<i64> {
    DateTime::parse_from_rfc3339(s.trim())
        .ok()
        .map(|d| d.timestamp())
}

/// The value of an `<input type="datetime-local">` for a time: "2021-02-24T01:52",
/// Vietnam time.
pub fn local_input(ts: i64) -> String {
    local(ts).format("%Y-%m-%dT%H:%M").to_string()
}

/// A day as a date input holds it: "2026-12-04", Vietnam time.
pub fn local_date(ts: i64) -> String {
    local(ts).format("%Y-%m-%d").to_string()
}

/// The start (Vietnam time) of a day a date input sent ("2026-12-04").
pub fn parse_date(s: &str) -> Option<i64> {
    let d = chrono::NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok()?;
    Ho_Chi_Minh
        .from_local_datetime(&d.and_hms_opt(0, 0, 0)?)
        .single()
        .map(|d| d.timestamp())
}

/// A time typed into the admin forms: RFC 3339, or a `datetime-local` value (with or
/// without seconds) read as Vietnam time.
pub fn parse_input(s: &str) -> Option<i64> {
    let s = s.trim();
    if let Some(ts) = parse_rfc3339(s) {
        return Some(ts);
    }
    let naive = chrono::NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M")
        .or_else(|_| chrono::NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S"))
        .ok()?;
    Ho_Chi_Minh
        .from_local_datetime(&naive)
        .single()
        .map(|d| d.timestamp())
}

/// "10:42": the hour and minute of `ts`, Vietnam time.
pub fn clock(ts: i64) -> String {
    local(ts).format("%H:%M").to_string()
}

/// Seconds since the epoch now.
pub fn now() -> i64 {
    Utc::now().timestamp()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dateline_matches_the_portals() {
        let ts = parse_rfc3339("2021-02-24T01:52:00+07:00").unwrap();
        assert_eq!(dateline(ts), "Thứ tư - 24/02/2021 01:52");
    }

    #[test]
    fn dateline_names_all_seven_weekdays() {
        // 22/02/2021 was a Monday.
        let expected = [
            "Thứ hai - 22/02/2021 08:05",
            "Thứ ba - 23/02/2021 08:05",
            "Thứ tư - 24/02/2021 08:05",
            "Thứ năm - 25/02/2021 08:05",
            "Thứ sáu - 26/02/2021 08:05",
            "Thứ bảy - 27/02/2021 08:05",
            "Chủ nhật - 28/02/2021 08:05",
        ];
        let monday = parse_rfc3339("2021-02-22T08:05:00+07:00").unwrap();
        for (i, want) in expected.iter().enumerate() {
            assert_eq!(dateline(monday + i as i64 * 86_400), *want);
        }
    }

    #[test]
    fn utc_times_are_shown_in_vietnam_time() {
        // 18:30 UTC on a Tuesday is 01:30 on Wednesday in Hồ Chí Minh City.
        let ts = parse_rfc3339("2021-02-23T18:30:00Z").unwrap();
        assert_eq!(dateline(ts), "Thứ tư - 24/02/2021 01:30");
        assert_eq!(short_date(ts), "24/02/2021 01:30");
        assert_eq!(header_date(ts), "Thứ tư, ngày 24/02/2021");
        assert_eq!(iso(ts), "2021-02-24T01:30:00+07:00");
    }

    #[test]
    fn form_times_are_vietnam_time() {
        let ts = parse_rfc3339("2021-02-24T01:52:00+07:00").unwrap();
        assert_eq!(local_input(ts), "2021-02-24T01:52");
        assert_eq!(parse_input("2021-02-24T01:52"), Some(ts));
        assert_eq!(parse_input("2021-02-24T01:52:00"), Some(ts));
        assert_eq!(parse_input("2021-02-23T18:52:00Z"), Some(ts));
        assert_eq!(parse_input("mai"), None);
    }

    #[test]
    fn bad_times_are_refused() {
        assert_eq!(parse_rfc3339("24/02/2021"), None);
        assert_eq!(parse_rfc3339(""), None);
    }
}
