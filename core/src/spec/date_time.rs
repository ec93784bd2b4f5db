//! RFC 3339 `date-time` (`format: date-time` in the spec), read exactly: `expires_at`, and
//! every date-time in passed-through JSON (`eta`, `time_slot`, …).

// RFC 3339 is read here, and written in `session/expires_at.rs`, without a date-time crate
// (issue 14).
// What each would add to a clean debug build of the baseline (serde + serde_json +
// rust_decimal: 16 crates, 4.9 s on 2 CPUs), from
// `scripts/build-cost --with 'jiff = { version = "0.2", default-features = false, features = ["std"] }'`
// and likewise for the others:
//   jiff 0.2 (default-features = false, "std")            +2 crates, +1.9 s
//   time 0.3 ("parsing", "formatting")                   +5 crates, +0.9 s
//   humantime 2                                          +1 crate,  +0.0 s
// against a budget of 1.3 × the baseline that the crate already misses (2.1×). Strictness
// differs too: humantime reads only `Z` (no offset, so not `format: date-time`); `time`
// refuses a leap second not at 23:59:60 UTC, which RFC 3339 allows with any offset
// (`2016-12-31T23:59:60-08:30`, tested below). The checker is 90 lines with a test of every
// rule; the civil-date arithmetic is Hinnant's.

/// Whether `value` is an RFC 3339 `date-time` (`format: date-time` in the spec), e.g.
/// `2025-01-31T23:59:00Z` or `2025-01-31T23:59:00.5+01:00`, with a real calendar date.
pub(crate) fn is_date_time(value: &str) -> bool {
    date_time(value).is_some()
}

/// The fields of an RFC 3339 `date-time` as written, before its offset is applied.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct DateTimeFields {
    pub(crate) year: u32,
    pub(crate) month: u32,
    pub(crate) day: u32,
    pub(crate) hour: u32,
    pub(crate) minute: u32,
    /// 0 to 60: second 60 is a leap second, which RFC 3339 allows.
    pub(crate) second: u32,
    /// The first nine digits of the fraction, as nanoseconds; later digits are dropped.
    pub(crate) nanosecond: u32,
    /// The offset from UTC in minutes, east positive (`Z` is 0).
    pub(crate) offset_minutes: i32,
}

/// The fields of `value` if it is an RFC 3339 `date-time` (see [`is_date_time`]).
pub(crate) fn date_time(value: &str) -> Option<DateTimeFields> {
    let text = value.as_bytes();
    let (Some(year), Some(month), Some(day), Some(hour), Some(minute), Some(second)) = (
        digits(text, 0, 4),
        digits(text, 5, 2),
        digits(text, 8, 2),
        digits(text, 11, 2),
        digits(text, 14, 2),
        digits(text, 17, 2),
    ) else {
        return None;
    };
    let separators = [(4, b'-'), (7, b'-'), (13, b':'), (16, b':')];
    if !separators
        .iter()
        .all(|&(at, byte)| text.get(at) == Some(&byte))
        || !matches!(text.get(10), Some(b'T' | b't'))
    {
        return None;
    }
    let mut rest = text.get(19..)?;
    let mut nanosecond = 0;
    if let Some((b'.', fraction)) = rest.split_first() {
        let count = fraction.iter().take_while(|b| b.is_ascii_digit()).count();
        match fraction.get(count..) {
            Some(after) if count > 0 => rest = after,
            _ => return None,
        }
        let scale = [
            100_000_000,
            10_000_000,
            1_000_000,
            100_000,
            10_000,
            1_000,
            100,
            10,
            1,
        ];
        nanosecond = fraction
            .iter()
            .take(count)
            .zip(scale)
            .map(|(&digit, scale)| u32::from(digit - b'0') * scale)
            .sum();
    }
    let offset_minutes = match rest {
        [b'Z' | b'z'] => 0,
        [sign @ (b'+' | b'-'), _, _, b':', _, _] => {
            let hours = digits(rest, 1, 2).filter(|&h| h <= 23)?;
            let minutes = digits(rest, 4, 2).filter(|&m| m <= 59)?;
            let offset = i32::try_from(hours * 60 + minutes).ok()?;
            if *sign == b'-' { -offset } else { offset }
        }
        _ => return None,
    };
    // Second 60 is a leap second, which RFC 3339 allows.
    let valid = (1..=12).contains(&month)
        && (1..=days_in_month(year, month)).contains(&day)
        && hour <= 23
        && minute <= 59
        && second <= 60;
    valid.then_some(DateTimeFields {
        year,
        month,
        day,
        hour,
        minute,
        second,
        nanosecond,
        offset_minutes,
    })
}

/// The number written by `len` ASCII digits at `at`, if they are all digits.
fn digits(text: &[u8], at: usize, len: usize) -> Option<u32> {
    text.get(at..at + len)?
        .iter()
        .try_fold(0, |number: u32, &byte| {
            byte.is_ascii_digit()
                .then(|| number * 10 + u32::from(byte - b'0'))
        })
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_times() {
        for good in [
            "2025-01-31T23:59:00Z",
            "2024-02-29T00:00:00z",
            "2025-06-30t12:00:00.123456+02:00",
            "2016-12-31T23:59:60-08:30",
        ] {
            assert!(is_date_time(good), "{good}");
        }
        for bad in [
            "",
            "2025-01-31",
            "2025-01-31 23:59:00Z",
            "2025-01-31T23:59:00",
            "2025-02-29T00:00:00Z",
            "1900-02-29T00:00:00Z",
            "2025-13-01T00:00:00Z",
            "2025-00-01T00:00:00Z",
            "2025-04-31T00:00:00Z",
            "2025-01-31T24:00:00Z",
            "2025-01-31T23:60:00Z",
            "2025-01-31T23:59:61Z",
            "2025-01-31T23:59:00.Z",
            "2025-01-31T23:59:00+0100",
            "2025-01-31T23:59:00+24:00",
            "2025-01-31T23:59:00Z ",
            "+2025-01-31T23:59:00Z",
            "２０２５-01-31T23:59:00Z",
        ] {
            assert!(!is_date_time(bad), "{bad}");
        }
    }
}
