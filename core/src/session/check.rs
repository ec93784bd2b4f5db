//! Checkers for the string formats a session carries: URLs and RFC 3339 date-times.

use std::fmt;
use std::net::{Ipv4Addr, Ipv6Addr};

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
/// this machine however it is spelt (its backend would call itself): see [`reg_name`].
pub(super) fn callback_url(value: &str, path: impl fmt::Display, v: &mut Violations) {
    match url_facts(value) {
        Some(facts) if facts.scheme == Scheme::Https && facts.host => {
            if facts.unicode_host {
                v.add(
                    Rule::Url,
                    path,
                    "a host written in ASCII (an international name as punycode, xn--…)",
                    quoted(value),
                );
            } else if facts.loopback {
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
    /// Whether the host, percent-decoded, is not ASCII: `callback_url` asks for the ASCII
    /// (punycode) form, since telling whether it names this machine takes IDNA.
    unicode_host: bool,
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

/// The facts of an absolute URI written the way RFC 3986 spells one, `scheme://authority…`
/// (`format: uri`); `None` when `value` is not one.
///
/// `fluent_uri` reads RFC 3986 exactly: no repair (spaces, backslashes and `https:host` are
/// errors), only the characters the RFC allows, every `%` an escape. On top of it: a port
/// fits 16 bits, and a host that percent-decodes to a character no host may hold (`%2F`,
/// `%20`), or that ends in a number without being an IPv4 address a resolver reads
/// (`999.1.1.1`), is no host, as a browser reads them.
fn url_facts(value: &str) -> Option<UrlFacts> {
    let uri = fluent_uri::Uri::parse(value).ok()?;
    let authority = uri.authority()?;
    authority.port_to_u16().ok()?;
    let scheme = uri.scheme().as_str();
    let scheme = if scheme.eq_ignore_ascii_case("https") {
        Scheme::Https
    } else if scheme.eq_ignore_ascii_case("http") {
        Scheme::Http
    } else {
        Scheme::Other
    };
    let (host, loopback, unicode_host) = match authority.host_parsed() {
        fluent_uri::component::Host::Ipv4(address) => (true, is_local_ipv4(address), false),
        fluent_uri::component::Host::Ipv6(address) => (true, is_local_ipv6(address), false),
        fluent_uri::component::Host::RegName(name) => {
            let name = name.decode().to_string().ok()?;
            match reg_name(&name)? {
                RegName::Empty => (false, false, false),
                RegName::Ascii { loopback } => (true, loopback, false),
                RegName::Unicode => (true, false, true),
            }
        }
        // `[v1.…]`: no resolver reads an IPvFuture address.
        _ => return None,
    };
    Some(UrlFacts {
        scheme,
        host,
        loopback,
        unicode_host,
    })
}

/// What a percent-decoded RFC 3986 reg-name is.
enum RegName {
    Empty,
    Ascii { loopback: bool },
    Unicode,
}

/// Reads a percent-decoded reg-name; `None` for one no resolver takes.
///
/// It is this machine when it is `localhost` or a name under it (RFC 6761) in any case, with
/// or without trailing dots (the root of DNS: `localhost.` and `localhost..` name the same
/// host), or an IPv4 address of 127.0.0.0/8 or 0.0.0.0 in any notation a resolver reads
/// (`inet_aton`, and WHATWG after it: `127.1`, `2130706433`, `0x7f.1`, `0177.0.0.1`).
/// The full-width letters and dots IDNA maps to ASCII (`ｌocalhost`, `localhost。`) are read
/// as those; any other non-ASCII name is [`RegName::Unicode`].
fn reg_name(name: &str) -> Option<RegName> {
    let folded: String;
    let name = if name.is_ascii() {
        name
    } else {
        folded = name.chars().map(fold_full_width).collect();
        if !folded.is_ascii() {
            return Some(RegName::Unicode);
        }
        &folded
    };
    if name.is_empty() {
        return Some(RegName::Empty);
    }
    // WHATWG's forbidden domain code points: what a `%XX` in a host must not decode to.
    if name.bytes().any(|b| {
        b.is_ascii_control()
            || matches!(
                b,
                b' ' | b'#'
                    | b'%'
                    | b'/'
                    | b':'
                    | b'<'
                    | b'>'
                    | b'?'
                    | b'@'
                    | b'['
                    | b'\\'
                    | b']'
                    | b'^'
                    | b'|'
            )
    }) {
        return None;
    }
    let trimmed = name.trim_end_matches('.');
    let last = trimmed.rsplit('.').next().unwrap_or(trimmed);
    if ipv4_number(last).is_some() || (!last.is_empty() && last.bytes().all(|b| b.is_ascii_digit()))
    {
        // It ends in a number: an IPv4 address or nothing.
        return ipv4(trimmed).map(|address| RegName::Ascii {
            loopback: is_local_ipv4(address),
        });
    }
    let localhost = trimmed.eq_ignore_ascii_case("localhost")
        || trimmed
            .len()
            .checked_sub(".localhost".len())
            .and_then(|at| trimmed.get(at..))
            .is_some_and(|tail| tail.eq_ignore_ascii_case(".localhost"));
    Some(RegName::Ascii {
        loopback: localhost,
    })
}

/// The full-width ASCII forms (U+FF01 to U+FF5E) and the ideographic and full-width full stops
/// as the ASCII IDNA maps them to; any other character as it is.
fn fold_full_width(c: char) -> char {
    match c {
        '\u{3002}' | '\u{FF0E}' | '\u{FF61}' => '.',
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(u32::from(c) - 0xFEE0).unwrap_or(c),
        _ => c,
    }
}

/// An IPv4 address in the notations `inet_aton` (and WHATWG) read: 1 to 4 parts, each
/// decimal, `0x` hexadecimal or `0`-led octal, the last filling the remaining bytes.
fn ipv4(text: &str) -> Option<Ipv4Addr> {
    let parts: Vec<&str> = text.split('.').collect();
    let (last, init) = parts.split_last()?;
    if init.len() > 3 {
        return None;
    }
    let mut address: u32 = 0;
    for (index, part) in init.iter().enumerate() {
        let byte = u8::try_from(ipv4_number(part)?).ok()?;
        address |= u32::from(byte) << (24 - 8 * index);
    }
    let last = ipv4_number(last)?;
    let bits = 32 - 8 * u32::try_from(init.len()).ok()?;
    if bits < 32 && last >> bits != 0 {
        return None;
    }
    Some(Ipv4Addr::from(address | u32::try_from(last).ok()?))
}

/// One part of an IPv4 address: decimal, hexadecimal after `0x`/`0X` (empty is 0), octal
/// after a leading `0`.
fn ipv4_number(part: &str) -> Option<u64> {
    if part.is_empty() {
        return None;
    }
    let (digits, radix) = match part.get(..2) {
        Some("0x" | "0X") => (part.get(2..)?, 16),
        _ if part.len() > 1 && part.starts_with('0') => (part.get(1..)?, 8),
        _ => (part, 10),
    };
    if digits.is_empty() {
        return Some(0);
    }
    if !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    // Leading zeros do not change the value; past them, more than 32 bits is no address.
    let digits = digits.trim_start_matches('0');
    if digits.len() > 11 {
        return None;
    }
    u64::from_str_radix(if digits.is_empty() { "0" } else { digits }, radix)
        .ok()
        .filter(|&n| n <= u64::from(u32::MAX))
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
    fn usual_urls() {
        let https = |loopback| UrlFacts {
            scheme: Scheme::Https,
            host: true,
            loopback,
            unicode_host: false,
        };
        for (url, facts) in [
            ("https://example.com/return", https(false)),
            (
                "https://shop.example.co.uk:8443/a/b?order=1&x=%20#top",
                https(false),
            ),
            ("https://my-shop.no", https(false)),
            ("HTTPS://Example.COM", https(false)),
            ("https://localhost/callback", https(true)),
            ("https://app.localhost:8080", https(true)),
            ("https://127.0.0.1/x", https(true)),
            ("https://[::1]/x", https(true)),
        ] {
            assert_eq!(url_facts(url), Some(facts), "{url}");
        }
        let http = url_facts("http://example.com").map(|f| f.scheme);
        assert_eq!(http, Some(Scheme::Http));
        let app = url_facts("myapp://return").map(|f| f.scheme);
        assert_eq!(app, Some(Scheme::Other));
        let bucher = url_facts("https://b%C3%BCcher.example/").map(|f| f.unicode_host);
        assert_eq!(bucher, Some(true));
    }

    /// A reg-name that ends in a number is an IPv4 address as a resolver reads it, or no host.
    #[test]
    fn numeric_reg_names() {
        for (name, address) in [
            ("2130706433", Some(Ipv4Addr::LOCALHOST)),
            ("0x7f.1", Some(Ipv4Addr::LOCALHOST)),
            ("0177.0.0.1", Some(Ipv4Addr::LOCALHOST)),
            ("127.000.000.001", Some(Ipv4Addr::LOCALHOST)),
            ("127.16777215", Some(Ipv4Addr::new(127, 255, 255, 255))),
            ("0x", Some(Ipv4Addr::UNSPECIFIED)),
            ("0x80000000", Some(Ipv4Addr::new(128, 0, 0, 0))),
            ("4294967295", Some(Ipv4Addr::BROADCAST)),
            ("4294967296", None),
            ("256.1.1.1", None),
            ("127.16777216", None),
            ("1.2.3.4.5", None),
            ("08", None),
            ("0xg", None),
            ("1..1", None),
        ] {
            assert_eq!(ipv4(name), address, "{name}");
        }
        for (url, facts) in [
            ("https://999.1.1.1/", None),
            ("https://example.123/", None),
            ("https://0x7g.1/", None),
            ("https://a%2Fb.example/", None),
            ("https://example.com:65536/", None),
            ("https://[v1.x]/", None),
        ] {
            assert_eq!(url_facts(url), facts, "{url}");
        }
        let local = |url| url_facts(url).map(|f| f.loopback);
        assert_eq!(local("https://127.example/"), Some(false));
        assert_eq!(local("https://0x7f.example/"), Some(false));
        assert_eq!(local("https://2130706431/"), Some(false));
        assert_eq!(local("https://2130706433./"), Some(true));
        assert_eq!(local("https://%EF%BC%92130706433/"), Some(true));
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
}
