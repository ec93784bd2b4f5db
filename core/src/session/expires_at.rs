//! `expires_at`: an instant, written as an RFC 3339 date-time in UTC, or the date-time text
//! of a parsed body, written back as it was read.
//!
//! The calendar arithmetic is std only: days from the civil date and back (the proleptic
//! Gregorian calendar, as RFC 3339 uses), for years 0000 to 9999, the years RFC 3339 can
//! write.

use std::borrow::Cow;
use std::fmt::Write as _;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use crate::error::{Rule, Violations, quoted};

/// Seconds from the Unix epoch to 0000-01-01T00:00:00Z, the first instant RFC 3339 writes.
const FIRST_SECOND: i64 = -62_167_219_200;

/// Seconds from the Unix epoch to 9999-12-31T23:59:59Z, the last whole second RFC 3339
/// writes.
const LAST_SECOND: i64 = 253_402_300_799;

const SECONDS_PER_DAY: i64 = 86_400;

/// What `expected` says for a malformed or unwritable `expires_at`.
const EXPECTED: &str = "an RFC 3339 date-time such as 2025-01-31T23:59:00Z";

/// `expires_at` as a session holds it.
#[derive(Debug, Clone)]
pub(crate) enum ExpiresAt {
    /// Set by a builder: written in UTC (`2025-01-31T23:59:00Z`).
    Instant(SystemTime),
    /// Read from a body: written back exactly as it was read, offset and all.
    Text(String),
}

impl ExpiresAt {
    /// The instant; `None` only for text that is not an RFC 3339 date-time, which no
    /// checked session holds.
    pub(crate) fn instant(&self) -> Option<SystemTime> {
        match self {
            ExpiresAt::Instant(instant) => Some(*instant),
            ExpiresAt::Text(text) => parse(text),
        }
    }

    /// The text written for it; `None` only for an instant outside the years 0000 to 9999,
    /// which no checked session holds.
    pub(crate) fn written(&self) -> Option<Cow<'_, str>> {
        match self {
            ExpiresAt::Instant(instant) => format_utc(*instant).map(Cow::Owned),
            ExpiresAt::Text(text) => Some(Cow::Borrowed(text)),
        }
    }

    /// Checks that it can be written: text in RFC 3339's format, an instant in the years
    /// 0000 to 9999.
    pub(super) fn validate(&self, path: &str, v: &mut Violations) {
        match self {
            ExpiresAt::Text(text) => {
                if !crate::spec::date_time::is_date_time(text) {
                    v.add(Rule::Format, path, EXPECTED, quoted(text));
                }
            }
            ExpiresAt::Instant(instant) => {
                if format_utc(*instant).is_none() {
                    v.add(
                        Rule::Format,
                        path,
                        "a date-time from 0000-01-01T00:00:00Z to 9999-12-31T23:59:59Z",
                        describe(*instant),
                    );
                }
            }
        }
    }
}

impl PartialEq for ExpiresAt {
    /// Equal when written the same: a parsed `+01:00` time is not the UTC text of the same
    /// instant, so the sessions' bodies differ.
    fn eq(&self, other: &ExpiresAt) -> bool {
        match (self, other) {
            (ExpiresAt::Instant(a), ExpiresAt::Instant(b)) => a == b,
            (ExpiresAt::Text(a), ExpiresAt::Text(b)) => a == b,
            _ => self.written().is_some_and(|a| Some(a) == other.written()),
        }
    }
}

/// `instant` as whole seconds from the Unix epoch (negative before it) and the nanoseconds
/// after that second; `None` beyond `i64` seconds.
fn unix_time(instant: SystemTime) -> Option<(i64, u32)> {
    match instant.duration_since(UNIX_EPOCH) {
        Ok(after) => Some((i64::try_from(after.as_secs()).ok()?, after.subsec_nanos())),
        Err(before) => {
            let before = before.duration();
            let seconds = i64::try_from(before.as_secs()).ok()?;
            match before.subsec_nanos() {
                0 => Some((-seconds, 0)),
                nanos => Some((-seconds - 1, 1_000_000_000 - nanos)),
            }
        }
    }
}

/// `instant` as RFC 3339 in UTC: `2025-01-31T23:59:00Z`, with the fraction of a second only
/// when it is not zero, and no trailing zeros (`…:00.5Z`). `None` outside the years 0000 to
/// 9999.
pub(super) fn format_utc(instant: SystemTime) -> Option<String> {
    let (seconds, nanos) = unix_time(instant)?;
    if !(FIRST_SECOND..=LAST_SECOND).contains(&seconds) {
        return None;
    }
    let (year, month, day) = civil_from_days(seconds.div_euclid(SECONDS_PER_DAY));
    let second_of_day = seconds.rem_euclid(SECONDS_PER_DAY);
    let (hour, minute, second) = (
        second_of_day / 3600,
        second_of_day / 60 % 60,
        second_of_day % 60,
    );
    let mut text = String::with_capacity(30);
    write!(
        text,
        "{year:04}-{month:02}-{day:02}T{hour:02}:{minute:02}:{second:02}"
    )
    .ok()?;
    write_fraction(&mut text, nanos);
    text.push('Z');
    Some(text)
}

/// Appends `.` and the nanoseconds without trailing zeros, or nothing for 0.
fn write_fraction(text: &mut String, nanos: u32) {
    if nanos != 0 {
        let digits = format!("{nanos:09}");
        text.push('.');
        text.push_str(digits.trim_end_matches('0'));
    }
}

/// What `found` says for an instant RFC 3339 cannot write: its distance from the epoch.
pub(crate) fn describe(instant: SystemTime) -> String {
    let (distance, side) = match instant.duration_since(UNIX_EPOCH) {
        Ok(after) => (after, "after"),
        Err(before) => (before.duration(), "before"),
    };
    let mut text = distance.as_secs().to_string();
    write_fraction(&mut text, distance.subsec_nanos());
    text.push_str(" seconds ");
    text.push_str(side);
    text.push_str(" 1970-01-01T00:00:00Z");
    text
}

/// The instant an RFC 3339 date-time names; a leap second (`:60`) is the second after
/// `:59`, the first of the next minute. `None` if `text` is not an RFC 3339 date-time.
pub(super) fn parse(text: &str) -> Option<SystemTime> {
    let fields = crate::spec::date_time::date_time(text)?;
    let days = days_from_civil(
        i64::from(fields.year),
        i64::from(fields.month),
        i64::from(fields.day),
    );
    let seconds = days * SECONDS_PER_DAY
        + i64::from(fields.hour) * 3600
        + i64::from(fields.minute) * 60
        + i64::from(fields.second)
        - i64::from(fields.offset_minutes) * 60;
    let whole = if seconds >= 0 {
        UNIX_EPOCH.checked_add(Duration::from_secs(seconds.unsigned_abs()))
    } else {
        UNIX_EPOCH.checked_sub(Duration::from_secs(seconds.unsigned_abs()))
    };
    whole?.checked_add(Duration::from_nanos(u64::from(fields.nanosecond)))
}

/// Days from 1970-01-01 to a date of the proleptic Gregorian calendar (Howard Hinnant's
/// `days_from_civil`); `month` is 1 to 12, `day` 1 to 31, `year` 0 to 9999 here.
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    // Years start in March, so that the leap day is the last day of a year.
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let month_from_march = if month > 2 { month - 3 } else { month + 9 };
    let day_of_year = (153 * month_from_march + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// The date `days` after 1970-01-01 (Howard Hinnant's `civil_from_days`), as (year, month
/// 1 to 12, day 1 to 31); `days` is within the years 0 to 9999 here.
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let days = days + 719_468;
    let era = days.div_euclid(146_097);
    let day_of_era = days - era * 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_from_march = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * month_from_march + 2) / 5 + 1;
    let month = if month_from_march < 10 {
        month_from_march + 3
    } else {
        month_from_march - 9
    };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(seconds: i64, nanos: u32) -> SystemTime {
        let whole = if seconds >= 0 {
            UNIX_EPOCH + Duration::from_secs(seconds.unsigned_abs())
        } else {
            UNIX_EPOCH - Duration::from_secs(seconds.unsigned_abs())
        };
        whole + Duration::from_nanos(u64::from(nanos))
    }

    #[test]
    fn known_instants_are_written_in_utc() {
        for (seconds, nanos, text) in [
            (0, 0, "1970-01-01T00:00:00Z"),
            (951_782_400, 0, "2000-02-29T00:00:00Z"),
            (4_102_444_799, 0, "2099-12-31T23:59:59Z"),
            (1_738_367_940, 0, "2025-01-31T23:59:00Z"),
            (1_738_367_940, 500_000_000, "2025-01-31T23:59:00.5Z"),
            (1_738_367_940, 123_456_789, "2025-01-31T23:59:00.123456789Z"),
            (1_738_367_940, 1, "2025-01-31T23:59:00.000000001Z"),
            (1_738_367_940, 120_000, "2025-01-31T23:59:00.00012Z"),
            (-1, 0, "1969-12-31T23:59:59Z"),
            (-1, 500_000_000, "1969-12-31T23:59:59.5Z"),
            (-14_182_940, 0, "1969-07-20T20:17:40Z"),
            (FIRST_SECOND, 0, "0000-01-01T00:00:00Z"),
            (LAST_SECOND, 999_999_999, "9999-12-31T23:59:59.999999999Z"),
        ] {
            assert_eq!(
                format_utc(at(seconds, nanos)).as_deref(),
                Some(text),
                "{seconds}.{nanos}"
            );
            assert_eq!(parse(text), Some(at(seconds, nanos)), "{text}");
        }
    }

    #[test]
    fn the_range_ends_are_the_years_rfc_3339_writes() {
        assert_eq!(
            days_from_civil(0, 1, 1) * SECONDS_PER_DAY,
            FIRST_SECOND,
            "0000-01-01"
        );
        assert_eq!(
            days_from_civil(9999, 12, 31) * SECONDS_PER_DAY + SECONDS_PER_DAY - 1,
            LAST_SECOND,
            "9999-12-31T23:59:59"
        );
    }

    #[test]
    fn times_rfc_3339_cannot_write_are_none_without_panic() {
        let outside = [
            at(FIRST_SECOND - 1, 999_999_999),
            at(FIRST_SECOND - 1, 0),
            at(LAST_SECOND + 1, 0),
            at(-1_000_000_000_000, 0),
            at(1_000_000_000_000, 0),
        ];
        for instant in outside {
            assert_eq!(format_utc(instant), None, "{instant:?}");
            let mut v = Violations::new();
            ExpiresAt::Instant(instant).validate("expires_at", &mut v);
            assert_eq!(v.len(), 1);
            assert!(serde_json::to_string(&ExpiresAt::Instant(instant)).is_err());
        }
        // The farthest instants the platform holds, whatever they are.
        let mut far = UNIX_EPOCH;
        while let Some(next) = far.checked_add(Duration::from_secs(1 << 40)) {
            far = next;
        }
        let mut early = UNIX_EPOCH;
        while let Some(next) = early.checked_sub(Duration::from_secs(1 << 40)) {
            early = next;
        }
        for instant in [far, early] {
            assert_eq!(format_utc(instant), None);
            let _ = unix_time(instant);
            let _ = describe(instant);
        }
    }

    #[test]
    fn an_unwritable_instant_is_reported_at_its_path() {
        let mut v = Violations::new();
        ExpiresAt::Instant(at(LAST_SECOND + 1, 0)).validate("expires_at", &mut v);
        ExpiresAt::Instant(at(FIRST_SECOND - 1, 500_000_000)).validate("expires_at", &mut v);
        let Err(err) = v.finish(()) else {
            panic!("no violation");
        };
        let found: Vec<String> = err
            .violations()
            .iter()
            .map(|v| format!("{:?} {v}", v.rule()))
            .collect();
        assert_eq!(
            found,
            [
                "Format expires_at: expected a date-time from 0000-01-01T00:00:00Z to 9999-12-31T23:59:59Z, found 253402300800 seconds after 1970-01-01T00:00:00Z",
                "Format expires_at: expected a date-time from 0000-01-01T00:00:00Z to 9999-12-31T23:59:59Z, found 62167219200.5 seconds before 1970-01-01T00:00:00Z",
            ]
        );
    }

    #[test]
    fn every_day_from_0000_to_9999_goes_there_and_back() {
        let mut days = days_from_civil(0, 1, 1);
        for year in 0..=9999 {
            for month in 1..=12 {
                let length = match month {
                    2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
                    2 => 28,
                    4 | 6 | 9 | 11 => 30,
                    _ => 31,
                };
                for day in 1..=length {
                    assert_eq!(days_from_civil(year, month, day), days);
                    assert_eq!(civil_from_days(days), (year, month, day));
                    days += 1;
                }
            }
        }
        assert_eq!(days, days_from_civil(10_000, 1, 1));
    }

    #[test]
    fn offsets_are_applied_and_the_text_is_kept() {
        let utc = parse("2025-01-31T22:59:00Z");
        assert_eq!(utc, Some(at(1_738_364_340, 0)));
        assert_eq!(parse("2025-01-31T23:59:00+01:00"), utc);
        assert_eq!(parse("2025-01-31t18:29:00-04:30"), utc);
        assert_eq!(parse("1970-01-01T00:00:00+01:00"), Some(at(-3600, 0)));
        // A leap second is the first second of the next minute.
        assert_eq!(parse("2016-12-31T23:59:60Z"), parse("2017-01-01T00:00:00Z"));
        // Digits past nanoseconds are dropped.
        assert_eq!(
            parse("2025-01-31T22:59:00.1234567891Z"),
            Some(at(1_738_364_340, 123_456_789))
        );
        assert_eq!(parse("2025-02-29T00:00:00Z"), None);

        let text = ExpiresAt::Text("2025-01-31T23:59:00+01:00".to_owned());
        assert_eq!(
            serde_json::to_string(&text).ok().as_deref(),
            Some(r#""2025-01-31T23:59:00+01:00""#)
        );
        assert_eq!(text.instant(), utc);
        // Same instant, written differently: not the same body.
        let instant = ExpiresAt::Instant(at(1_738_364_340, 0));
        assert_ne!(text, instant);
        assert_eq!(ExpiresAt::Text("2025-01-31T22:59:00Z".to_owned()), instant);
        assert_eq!(instant, ExpiresAt::Text("2025-01-31T22:59:00Z".to_owned()));
    }
}
