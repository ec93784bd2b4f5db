//! Checkers for the string formats a session carries: URLs and RFC 3339 date-times.

use std::fmt;

use url::{Host, Url};

use crate::error::{Rule, Violations, quoted};

/// What `expected` says for a URL field that takes http and https.
pub(super) const HTTP_URL: &str = "an absolute http(s) URL";

/// A count for `found`: `1 checkbox`, `3 checkboxes`.
pub(super) fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Checks an absolute `http://` or `https://` URL (`format: uri`, `pattern: https?://*`).
pub(super) fn http_url(value: &str, path: impl fmt::Display, v: &mut Violations) {
    if !absolute(value).is_some_and(|url| is_http(&url)) {
        v.add(Rule::Url, path, HTTP_URL, quoted(value));
    }
}

/// Checks `url.return_url`: an absolute http(s) URL, or any absolute URL when the session
/// runs in the `in_app` channel, where Dintero accepts an app-switch URL (`myapp://…`).
pub(super) fn return_url(value: &str, in_app: bool, path: impl fmt::Display, v: &mut Violations) {
    let url = absolute(value);
    if in_app {
        if url.is_none() {
            v.add(
                Rule::Url,
                path,
                "an absolute URL (an app-switch URL is allowed with channel in_app)",
                quoted(value),
            );
        }
    } else if !url.is_some_and(|url| is_http(&url)) {
        v.add(Rule::Url, path, HTTP_URL, quoted(value));
    }
}

/// Checks `url.callback_url`: Dintero delivers callbacks only to HTTPS URLs, and never to
/// localhost or a loopback address (its backend would call itself).
pub(super) fn callback_url(value: &str, path: impl fmt::Display, v: &mut Violations) {
    match absolute(value) {
        Some(url) if url.scheme() == "https" && url.host().is_some() => {
            if url.host().is_some_and(is_loopback) {
                v.add(
                    Rule::Url,
                    path,
                    "a host Dintero can reach, not localhost or a loopback address",
                    quoted(value),
                );
            }
        }
        _ => v.add(Rule::Url, path, "an absolute https URL", quoted(value)),
    }
}

/// Parses an absolute URL written the way RFC 3986 spells one, `scheme://…`.
///
/// `Url::parse` repairs what a browser would (spaces, backslashes, `https:host`), but the
/// string is sent as written, so it must already be a valid URI.
fn absolute(value: &str) -> Option<Url> {
    if !is_uri_text(value) {
        return None;
    }
    let url = Url::parse(value).ok()?;
    let after_scheme = value.get(url.scheme().len()..)?;
    after_scheme.starts_with("://").then_some(url)
}

fn is_http(url: &Url) -> bool {
    matches!(url.scheme(), "http" | "https") && url.host_str().is_some_and(|host| !host.is_empty())
}

fn is_loopback(host: Host<&str>) -> bool {
    match host {
        Host::Domain(name) => name == "localhost" || name.ends_with(".localhost"),
        Host::Ipv4(address) => address.is_loopback() || address.is_unspecified(),
        Host::Ipv6(address) => address.is_loopback() || address.is_unspecified(),
    }
}

/// The bytes RFC 3986 allows in a URI besides `%` (unreserved, gen-delims and sub-delims), as
/// a table: one load a byte, where a `match` on the byte was a chain of comparisons.
#[allow(clippy::indexing_slicing)] // every index is below 256
const URI_BYTES: [bool; 256] = {
    let mut table = [false; 256];
    let mut byte = 0;
    while byte < 256 {
        let b = byte as u8;
        table[byte] = b.is_ascii_alphanumeric()
            || matches!(
                b,
                b'-' | b'.'
                    | b'_'
                    | b'~'
                    | b':'
                    | b'/'
                    | b'?'
                    | b'#'
                    | b'['
                    | b']'
                    | b'@'
                    | b'!'
                    | b'$'
                    | b'&'
                    | b'\''
                    | b'('
                    | b')'
                    | b'*'
                    | b'+'
                    | b','
                    | b';'
                    | b'='
            );
        byte += 1;
    }
    table
};

/// Only the characters RFC 3986 allows, with every `%` starting a `%XX` escape.
fn is_uri_text(value: &str) -> bool {
    let bytes = value.as_bytes();
    bytes.iter().enumerate().all(|(at, &byte)| {
        URI_BYTES.get(usize::from(byte)) == Some(&true)
            || (byte == b'%'
                && bytes
                    .get(at + 1..at + 3)
                    .is_some_and(|hex| hex.iter().all(u8::is_ascii_hexdigit)))
    })
}

/// Whether `value` is an RFC 3339 `date-time` (`format: date-time` in the spec), e.g.
/// `2025-01-31T23:59:00Z` or `2025-01-31T23:59:00.5+01:00`, with a real calendar date.
pub(super) fn is_date_time(value: &str) -> bool {
    let text = value.as_bytes();
    let (Some(year), Some(month), Some(day), Some(hour), Some(minute), Some(second)) = (
        digits(text, 0, 4),
        digits(text, 5, 2),
        digits(text, 8, 2),
        digits(text, 11, 2),
        digits(text, 14, 2),
        digits(text, 17, 2),
    ) else {
        return false;
    };
    let separators = [(4, b'-'), (7, b'-'), (13, b':'), (16, b':')];
    if !separators
        .iter()
        .all(|&(at, byte)| text.get(at) == Some(&byte))
        || !matches!(text.get(10), Some(b'T' | b't'))
    {
        return false;
    }
    let Some(mut rest) = text.get(19..) else {
        return false;
    };
    if let Some((b'.', fraction)) = rest.split_first() {
        let count = fraction.iter().take_while(|b| b.is_ascii_digit()).count();
        match fraction.get(count..) {
            Some(after) if count > 0 => rest = after,
            _ => return false,
        }
    }
    let offset_ok = match rest {
        [b'Z' | b'z'] => true,
        [b'+' | b'-', _, _, b':', _, _] => {
            digits(rest, 1, 2).is_some_and(|h| h <= 23)
                && digits(rest, 4, 2).is_some_and(|m| m <= 59)
        }
        _ => false,
    };
    // Second 60 is a leap second, which RFC 3339 allows.
    offset_ok
        && (1..=12).contains(&month)
        && (1..=days_in_month(year, month)).contains(&day)
        && hour <= 23
        && minute <= 59
        && second <= 60
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

    fn url_violation(check: fn(&str, &str, &mut Violations), value: &str) -> bool {
        let mut v = Violations::new();
        check(value, "path", &mut v);
        !v.is_empty()
    }

    fn http(value: &str, path: &str, v: &mut Violations) {
        http_url(value, path, v);
    }

    fn callback(value: &str, path: &str, v: &mut Violations) {
        callback_url(value, path, v);
    }

    #[test]
    fn http_urls() {
        for good in [
            "https://example.com",
            "http://example.com/return?order=1&x=%20",
            "HTTPS://EXAMPLE.com/a",
            "https://example.com:8443/a#frag",
            "http://127.0.0.1/x",
        ] {
            assert!(!url_violation(http, good), "{good}");
        }
        for bad in [
            "",
            "/relative",
            "example.com",
            "https:example.com",
            "https:/example.com",
            "ftp://example.com",
            "https://exa mple.com",
            "https://example.com/a b",
            "https://example.com\\a",
            "https://example.com/%zz",
            "https://example.com/æ",
            "https://",
            "myapp://return",
        ] {
            assert!(url_violation(http, bad), "{bad}");
        }
    }

    #[test]
    fn uri_text_is_what_rfc_3986_allows() {
        // RFC 3986: unreserved, gen-delims and sub-delims, spelled out as the RFC lists them.
        let allowed = concat!(
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~",
            ":/?#[]@",
            "!$&'()*+,;="
        );
        for byte in 0..=u8::MAX {
            let expected = allowed.as_bytes().contains(&byte);
            let in_table = URI_BYTES.get(usize::from(byte)) == Some(&true);
            assert_eq!(in_table, expected, "byte {byte:#04x}");
        }
        assert!(is_uri_text("https://example.com/a%20b?q=%7E#%41"));
        for bad in [
            "https://x/%",
            "https://x/%4",
            "https://x/%zz",
            "https://x/a b",
            "https://x/ø",
        ] {
            assert!(!is_uri_text(bad), "{bad}");
        }
    }

    #[test]
    fn callback_urls() {
        assert!(!url_violation(
            callback,
            "https://example.com/callback?method=POST"
        ));
        for bad in [
            "http://example.com/callback",
            "https://localhost/callback",
            "https://LOCALHOST:8080/callback",
            "https://app.localhost/callback",
            "https://127.0.0.1/callback",
            "https://127.1.2.3/callback",
            "https://[::1]/callback",
            "https://0.0.0.0/callback",
        ] {
            assert!(url_violation(callback, bad), "{bad}");
        }
    }

    #[test]
    fn app_switch_return_url_only_in_app() {
        let mut v = Violations::new();
        return_url("myapp://return", true, "url.return_url", &mut v);
        assert!(v.is_empty());
        return_url("myapp://return", false, "url.return_url", &mut v);
        assert!(!v.is_empty());
    }

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
