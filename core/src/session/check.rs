//! Checkers for the string formats a session carries: URLs and RFC 3339 date-times.

use std::fmt;
use std::net::{Ipv4Addr, Ipv6Addr};

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
    if !url_facts(value).is_some_and(UrlFacts::is_http) {
        v.add(Rule::Url, path, HTTP_URL, quoted(value));
    }
}

/// Checks `url.return_url`: an absolute http(s) URL, or any absolute URL when the session
/// runs in the `in_app` channel, where Dintero accepts an app-switch URL (`myapp://…`).
pub(super) fn return_url(value: &str, in_app: bool, path: impl fmt::Display, v: &mut Violations) {
    let facts = url_facts(value);
    if in_app {
        if facts.is_none() {
            v.add(
                Rule::Url,
                path,
                "an absolute URL (an app-switch URL is allowed with channel in_app)",
                quoted(value),
            );
        }
    } else if !facts.is_some_and(UrlFacts::is_http) {
        v.add(Rule::Url, path, HTTP_URL, quoted(value));
    }
}

/// Checks `url.callback_url`: Dintero delivers callbacks only to HTTPS URLs, and never to
/// this machine however it is spelt (its backend would call itself): see [`is_loopback`].
pub(super) fn callback_url(value: &str, path: impl fmt::Display, v: &mut Violations) {
    match url_facts(value) {
        Some(facts) if facts.scheme == Scheme::Https && facts.host => {
            if facts.loopback {
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

/// What the URL checks read of an absolute URL.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct UrlFacts {
    scheme: Scheme,
    /// Whether it has a non-empty host.
    host: bool,
    /// Whether the host is localhost or a loopback or unspecified address.
    loopback: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Scheme {
    Http,
    Https,
    Other,
}

impl UrlFacts {
    fn is_http(self) -> bool {
        matches!(self.scheme, Scheme::Http | Scheme::Https) && self.host
    }
}

/// The facts of an absolute URL written the way RFC 3986 spells one, `scheme://…`; `None`
/// when `value` is not one.
fn url_facts(value: &str) -> Option<UrlFacts> {
    if !is_uri_text(value) {
        return None;
    }
    plain_web_url(value).or_else(|| parsed_url_facts(value))
}

/// The facts `url` finds. `Url::parse` repairs what a browser would (spaces, backslashes,
/// `https:host`), but the string is sent as written, so it must already be a valid URI with
/// `://` after its scheme.
fn parsed_url_facts(value: &str) -> Option<UrlFacts> {
    let url = Url::parse(value).ok()?;
    let after_scheme = value.get(url.scheme().len()..)?;
    if !after_scheme.starts_with("://") {
        return None;
    }
    Some(UrlFacts {
        scheme: match url.scheme() {
            "http" => Scheme::Http,
            "https" => Scheme::Https,
            _ => Scheme::Other,
        },
        host: url.host_str().is_some_and(|host| !host.is_empty()),
        loopback: url.host().is_some_and(is_loopback),
    })
}

/// Whether a host, as `url` normalised it, is this machine: `localhost` or a name under it
/// (RFC 6761), the whole of 127.0.0.0/8, `::1`, the unspecified addresses `0.0.0.0` and `::`
/// (connecting to them reaches the local host), and those IPv4 addresses inside IPv6, mapped
/// (`::ffff:127.0.0.1`) or compatible (`::127.0.0.1`).
///
/// `url` has already lowercased the name, decoded `%XX`, mapped full-width letters and dots,
/// and read every IPv4 spelling a resolver takes (`127.1`, `2130706433`, `0x7f.1`,
/// `0177.0.0.1`) as [`Host::Ipv4`]. What it leaves is trailing dots: `localhost.` and
/// `localhost..` name the same host as `localhost` (the root of DNS), so they are dropped and
/// what remains is read again (`127.0.0.1..` is an address once its dots are gone).
fn is_loopback(host: Host<&str>) -> bool {
    match host {
        Host::Domain(name) => {
            let trimmed = name.trim_end_matches('.');
            if trimmed == "localhost" || trimmed.ends_with(".localhost") {
                return true;
            }
            // `url` reads a name as IPv4 before calling it a domain, so only one that had
            // trailing dots can still be an address.
            trimmed.len() != name.len()
                && match Host::parse(trimmed) {
                    Ok(Host::Ipv4(address)) => is_local_ipv4(address),
                    Ok(Host::Ipv6(address)) => is_local_ipv6(address),
                    Ok(Host::Domain(_)) | Err(_) => false,
                }
        }
        Host::Ipv4(address) => is_local_ipv4(address),
        Host::Ipv6(address) => is_local_ipv6(address),
    }
}

fn is_local_ipv4(address: Ipv4Addr) -> bool {
    address.is_loopback() || address.is_unspecified()
}

fn is_local_ipv6(address: Ipv6Addr) -> bool {
    address.is_loopback()
        || address.is_unspecified()
        // `to_ipv4` reads both `::ffff:a.b.c.d` (mapped) and `::a.b.c.d` (compatible); it
        // also reads `::1` as 0.0.0.1, which is not local, but `::1` is caught above.
        || address.to_ipv4().is_some_and(is_local_ipv4)
}

/// The facts of an RFC 3986 URL in the shape nearly every return and callback URL has:
/// `http://` or `https://`, a lowercase DNS name, an optional port, then anything. Read
/// without `Url::parse` (which allocates, and runs IDNA on the host): it was half the fixed
/// cost of making a session. Any other shape is `None`, and `url` decides.
///
/// The shape is narrower than what `url` accepts, so that `url` reads every URL it takes
/// the same way (a property test compares them): no user info, no IP address or anything
/// WHATWG could read as one (a last label starting with a digit: `127.1`, `0x7f`), no
/// punycode or label `url` would change, no uppercase, no empty or overlong label.
fn plain_web_url(value: &str) -> Option<UrlFacts> {
    let bytes = value.as_bytes();
    let (scheme, rest) = match bytes.strip_prefix(b"https://") {
        Some(rest) => (Scheme::Https, rest),
        None => (Scheme::Http, bytes.strip_prefix(b"http://")?),
    };
    let authority_end = rest
        .iter()
        .position(|&b| matches!(b, b'/' | b'?' | b'#'))
        .unwrap_or(rest.len());
    let authority = rest.get(..authority_end)?;
    let host = match authority.iter().position(|&b| b == b':') {
        Some(colon) => {
            let port = authority.get(colon + 1..)?;
            if port.is_empty() || port.len() > 5 {
                return None;
            }
            let mut number = 0_u32;
            for &digit in port {
                if !digit.is_ascii_digit() {
                    return None;
                }
                number = number * 10 + u32::from(digit - b'0');
            }
            if number > u32::from(u16::MAX) {
                return None;
            }
            authority.get(..colon)?
        }
        None => authority,
    };
    if host.len() > 253 {
        return None;
    }
    let mut last_label: &[u8] = &[];
    for label in host.split(|&b| b == b'.') {
        let plain = (1..=63).contains(&label.len())
            && label
                .iter()
                .all(|&b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            && label.first() != Some(&b'-')
            && label.last() != Some(&b'-')
            // `--` after two characters is how punycode labels (`xn--`) begin.
            && label.get(2..4) != Some(b"--".as_slice());
        if !plain {
            return None;
        }
        last_label = label;
    }
    if !last_label.first().is_some_and(u8::is_ascii_lowercase) {
        return None;
    }
    Some(UrlFacts {
        scheme,
        host: true,
        // The shape is a plain lowercase name, so it is already what `url` would make of it;
        // the one decision on the host is `is_loopback`'s.
        loopback: is_loopback(Host::Domain(std::str::from_utf8(host).ok()?)),
    })
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
    date_time(value).is_some()
}

/// The fields of an RFC 3339 `date-time` as written, before its offset is applied.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct DateTimeFields {
    pub(super) year: u32,
    pub(super) month: u32,
    pub(super) day: u32,
    pub(super) hour: u32,
    pub(super) minute: u32,
    /// 0 to 60: second 60 is a leap second, which RFC 3339 allows.
    pub(super) second: u32,
    /// The first nine digits of the fraction, as nanoseconds; later digits are dropped.
    pub(super) nanosecond: u32,
    /// The offset from UTC in minutes, east positive (`Z` is 0).
    pub(super) offset_minutes: i32,
}

/// The fields of `value` if it is an RFC 3339 `date-time` (see [`is_date_time`]).
pub(super) fn date_time(value: &str) -> Option<DateTimeFields> {
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
    use proptest::strategy::Strategy;

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
    fn usual_urls_are_read_without_a_parse() {
        let https = |loopback| UrlFacts {
            scheme: Scheme::Https,
            host: true,
            loopback,
        };
        for (url, facts) in [
            ("https://example.com/return", https(false)),
            (
                "https://shop.example.co.uk:8443/a/b?order=1&x=%20#top",
                https(false),
            ),
            ("https://my-shop.no", https(false)),
            ("https://localhost/callback", https(true)),
            ("https://app.localhost:8080", https(true)),
        ] {
            assert_eq!(plain_web_url(url), Some(facts), "{url}");
            assert_eq!(parsed_url_facts(url), Some(facts), "{url}");
        }
        let http = plain_web_url("http://example.com").map(|f| f.scheme);
        assert_eq!(http, Some(Scheme::Http));
        // Shapes left to `url`: IP addresses and what WHATWG reads as one, punycode,
        // uppercase, user info, empty or odd labels and ports.
        for url in [
            "https://127.0.0.1/x",
            "https://127.1/x",
            "https://0x7f.1/x",
            "https://example.123/x",
            "https://[::1]/x",
            "https://xn--bcher-kva.example/x",
            "https://xn--a",
            "http://0",
            "https://a0.0",
            "https://EXAMPLE.com/x",
            "HTTPS://example.com/x",
            "https://user@example.com/x",
            "https://example..com/x",
            "https://example.com./x",
            "https://-example.com/x",
            "https://example.com:/x",
            "https://example.com:65536/x",
            "https:///example.com",
            "myapp://return",
        ] {
            assert_eq!(plain_web_url(url), None, "{url}");
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4000))]

        /// Whatever the fast reading accepts, `url` reads the same way. The parts lean to
        /// URLs the fast reading takes, with every kind of near miss mixed in.
        #[test]
        fn the_fast_reading_agrees_with_url(
            scheme in proptest::sample::select(vec![
                "https://", "https://", "https://", "http://", "http://", "HTTPS://",
                "Http://", "ftp://", "http:/", "https:", "https:///", "myapp://",
            ]),
            user in proptest::sample::select(vec!["", "", "", "", "", "user@", "u:p@", "@"]),
            labels in proptest::collection::vec(
                proptest::prop_oneof![
                    24 => "[a-z][a-z0-9-]{0,6}[a-z0-9]",
                    4 => proptest::sample::select(vec!["localhost", "example"]).prop_map(String::from),
                    2 => "[0-9]{1,3}",
                    1 => "[a-zA-Z0-9_%-]{0,6}",
                    1 => proptest::sample::select(vec![
                        "localhost", "xn--bcher-kva", "xn--a", "xn--", "0x7f", "0", "LOCALHOST",
                        "a--b", "",
                        "ab--c", "-a", "a-",
                    ]).prop_map(String::from),
                ],
                1..5,
            ),
            dot in proptest::sample::select(vec!["", "", "", "", "."]),
            port in proptest::option::weighted(0.3, "[0-9]{0,6}"),
            start in proptest::sample::select(vec!["", "/", "/", "?", "#", ":", "@"]),
            tail in "[a-z0-9/?#%:@]{0,10}",
        ) {
            let port = port.map(|digits| format!(":{digits}")).unwrap_or_default();
            let host = labels.join(".");
            let url = format!("{scheme}{user}{host}{dot}{port}{start}{tail}");
            if is_uri_text(&url) && let Some(fast) = plain_web_url(&url) {
                proptest::prop_assert_eq!(Some(fast), parsed_url_facts(&url), "{}", url);
            }
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
            // Spellings `url` leaves as they are: trailing dots, addresses inside IPv6.
            "https://localhost./callback",
            "https://app.LOCALHOST../callback",
            "https://127.0.0.1../callback",
            "https://[::ffff:127.0.0.1]/callback",
            "https://[::ffff:7f00:1]/callback",
            "https://[::127.0.0.1]/callback",
            "https://[::ffff:0.0.0.0]/callback",
        ] {
            assert!(url_violation(callback, bad), "{bad}");
        }
        // The full table, through every entry point, is `testsuite/tests/hostile_urls.rs`.
        for good in [
            "https://localhost.example.com/callback",
            "https://127.example/callback",
            "https://[2001:db8::1]/callback",
            "https://[::ffff:128.0.0.1]/callback",
            "https://mylocalhost.no/callback",
        ] {
            assert!(!url_violation(callback, good), "{good}");
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
