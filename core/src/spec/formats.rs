//! The spec's string formats and patterns, each a predicate: what `format` or `pattern`
//! asks of a string, and how a problem names it.

use super::date_time::is_date_time;

/// What a string must be to satisfy `format`, and whether `value` is; `None` for a format
/// that states nothing a value can break (`payout_destination_id`, a name, not a rule).
pub(super) fn format(format: &str, value: &str) -> Option<(&'static str, bool)> {
    let verdict = match format {
        "date-time" => (
            "an RFC 3339 date-time such as 2025-01-31T23:59:00Z",
            is_date_time(value),
        ),
        "uri" => ("an absolute URI (RFC 3986)", is_absolute_uri(value)),
        "iso3166-alpha2" | "iso-3166-1" => {
            ("an ISO 3166 alpha-2 country code", is_country_code(value))
        }
        "iso4217-code" => (
            "an ISO 4217 currency code",
            crate::Currency::from_code(value).is_some(),
        ),
        // Swagger puts this pattern in `format` on a few decimal strings.
        "^([0-9]*[.])?[0-9]+$" => (
            "a decimal number written as a string",
            is_decimal_text(value),
        ),
        // ISO 18245 merchant category codes are four digits.
        "iso-18245" => (
            "a merchant category code (four digits)",
            is_digits(value, 4..=4),
        ),
        _ => return None,
    };
    Some(verdict)
}

/// What a string must be to match `pattern`, and whether `value` does; `None` for a pattern
/// this crate does not know (the test `every_pattern_and_format_is_known` keeps the
/// embedded spec free of them).
pub(super) fn pattern(pattern: &str, value: &str) -> Option<(&'static str, bool)> {
    let verdict = match pattern {
        // Unanchored: it only asks for `http:/` or `https:/` somewhere. The URL checks of the
        // fields that carry it ask for more.
        "https?://*" => (
            "a URL with http:/ or https:/ in it",
            value.contains("http:/") || value.contains("https:/"),
        ),
        PHONE => (
            "a phone number matching ^\\+?\\d{5,15}$",
            is_phone_number(value),
        ),
        _ => return None,
    };
    Some(verdict)
}

/// Dintero's phone number pattern.
pub(crate) const PHONE: &str = "^\\+?\\d{5,15}$";

/// Whether `phone` matches [`PHONE`]: an optional `+`, then 5 to 15 ASCII digits.
pub(crate) fn is_phone_number(phone: &str) -> bool {
    is_digits(phone.strip_prefix('+').unwrap_or(phone), 5..=15)
}

/// Whether `code` is one of the ISO 3166-1 alpha-2 codes (the list `iso_country` holds), in
/// upper case as the standard writes it: `XX` is refused.
pub(crate) fn is_country_code(code: &str) -> bool {
    // The length first: `iso_country` reads "" as its `Unspecified` entry, and anything that
    // is not two bytes long cannot be a code.
    code.len() == 2 && code.parse::<iso_country::Country>().is_ok()
}

/// Whether `value` is an absolute URI as RFC 3986 writes one (`format: uri`).
pub(crate) fn is_absolute_uri(value: &str) -> bool {
    fluent_uri::Uri::parse(value).is_ok()
}

/// `^([0-9]*[.])?[0-9]+$`: digits, with at most one `.` that has a digit after it.
fn is_decimal_text(value: &str) -> bool {
    let (whole, fraction) = value.split_once('.').unwrap_or(("", value));
    whole.bytes().all(|b| b.is_ascii_digit()) && is_digits(fraction, 1..=usize::MAX)
}

/// Whether `value` is ASCII digits only, as many as `count` allows.
fn is_digits(value: &str, count: std::ops::RangeInclusive<usize>) -> bool {
    count.contains(&value.len()) && value.bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimal_text_is_the_patterns_language() {
        for good in ["0", "12", ".5", "1.25", "007.0"] {
            assert!(is_decimal_text(good), "{good}");
        }
        for bad in ["", ".", "1.", "1.2.3", "-1", "1e3", " 1", "１"] {
            assert!(!is_decimal_text(bad), "{bad}");
        }
    }

    #[test]
    fn phone_numbers() {
        for good in ["+4799999999", "12345", "123456789012345"] {
            assert!(is_phone_number(good), "{good}");
        }
        for bad in [
            "",
            "+",
            "1234",
            "+47 999 99 999",
            "1234567890123456",
            "++4799999999",
        ] {
            assert!(!is_phone_number(bad), "{bad}");
        }
    }

    #[test]
    fn the_url_pattern_is_as_loose_as_the_spec_writes_it() {
        assert_eq!(
            pattern("https?://*", "see https:/x").map(|(_, ok)| ok),
            Some(true)
        );
        assert_eq!(
            pattern("https?://*", "ftp://x").map(|(_, ok)| ok),
            Some(false)
        );
        assert_eq!(pattern("[a-z]+", "x"), None);
    }
}
