use std::time::{Duration, UNIX_EPOCH};

use proptest::prelude::*;

use super::*;

const VECTOR_HEADER: &str =
    "t=1582236537,v0-hmac-sha256=6bed2ab1b919d460ef7465a20dc6c97260dca73fab6647106ca525f0908df64a";

fn verifier(account: &str, secret: &str) -> Result<SignatureVerifier, TestCaseError> {
    let account: Account = account
        .parse()
        .map_err(|e| TestCaseError::fail(format!("{e}")))?;
    Ok(SignatureVerifier::new(&account, secret))
}

fn at(seconds: u64) -> SystemTime {
    UNIX_EPOCH + Duration::from_secs(seconds)
}

#[test]
fn the_documented_test_vector_passes() -> Result<(), TestCaseError> {
    let verifier = verifier("P00000000", "123")?;
    let url = "https://example.com/callback?B=123&A=992";
    assert_eq!(
        verifier.verify("GET", url, VECTOR_HEADER, at(1582236537)),
        Ok(())
    );
    assert_eq!(
        verifier.sign("GET", url, 1582236537).as_deref(),
        Ok(VECTOR_HEADER)
    );
    assert_eq!(
        signed_text(1582236537, "P00000000", "GET", url).as_deref(),
        Ok("1582236537\nP00000000\nGET\nexample.com\n/callback\nA=992&B=123")
    );
    Ok(())
}

#[test]
fn five_minutes_either_way() -> Result<(), TestCaseError> {
    let verifier = verifier("P00000000", "123")?;
    let url = "https://example.com/callback?B=123&A=992";
    let t = 1582236537;
    for now in [t - 300, t + 300] {
        assert_eq!(verifier.verify("GET", url, VECTOR_HEADER, at(now)), Ok(()));
    }
    for now in [t - 301, t + 301] {
        assert_eq!(
            verifier.verify("GET", url, VECTOR_HEADER, at(now)),
            Err(SignatureError::Expired { timestamp: t, now })
        );
    }
    Ok(())
}

#[test]
fn header_problems_are_named() -> Result<(), TestCaseError> {
    let verifier = verifier("P00000000", "123")?;
    let url = "https://example.com/callback?B=123&A=992";
    let now = at(1582236537);
    let check = |header: &str| verifier.verify("GET", url, header, now);
    assert_eq!(check(""), Err(SignatureError::Missing));
    assert_eq!(check("t=1582236537"), Err(SignatureError::Missing));
    assert_eq!(
        check("v0-hmac-sha256=00"),
        Err(SignatureError::Malformed(
            "v0-hmac-sha256 is not 64 hex digits".into()
        ))
    );
    assert_eq!(
        check("t=-1,v0-hmac-sha256=0"),
        Err(SignatureError::Malformed(
            r#"t="-1" is not Unix seconds"#.into()
        ))
    );
    assert_eq!(
        check("garbage"),
        Err(SignatureError::Malformed(
            r#""garbage" is not name=value"#.into()
        ))
    );
    let zeros = format!("t=1582236537,v0-hmac-sha256={}", "0".repeat(64));
    assert_eq!(check(&zeros), Err(SignatureError::Mismatch));
    // a rotated secret: any of the values may match; other schemes are ignored
    let two = format!(
        "{zeros},v1-other=x,{}",
        VECTOR_HEADER.replace("t=1582236537,", "")
    );
    assert_eq!(check(&two), Ok(()));
    assert_eq!(
        check(
            &VECTOR_HEADER
                .to_uppercase()
                .replace("T=", "t=")
                .replace("V0-HMAC-SHA256", "v0-hmac-sha256")
        ),
        Ok(())
    );
    assert!(matches!(
        verifier.verify("GET", "/callback?B=123", VECTOR_HEADER, now),
        Err(SignatureError::Malformed(_))
    ));
    Ok(())
}

#[test]
fn canonical_form_follows_whatwg() -> Result<(), SignatureError> {
    let text = |url| signed_text(1, "T11223344", "GET", url);
    assert_eq!(
        text("https://Shop.EXAMPLE:8443/cb/")?,
        "1\nT11223344\nGET\nshop.example\n/cb/\n"
    );
    assert_eq!(
        text("https://shop.example")?,
        "1\nT11223344\nGET\nshop.example\n/\n"
    );
    assert_eq!(
        text(r#"https://shop.example/a\b{c}"d%2fe|f?"#)?,
        "1\nT11223344\nGET\nshop.example\n/a/b%7Bc%7D%22d%2fe|f\n"
    );
    assert_eq!(
        text(
            "https://s.example/cb?b=a%20b+c&a=~!*'()&&k&report_event=VOID&report_event=CAPTURE&A=1"
        )?,
        "1\nT11223344\nGET\ns.example\n/cb\nA=1&a=%7E%21*%27%28%29&b=a+b+c&k=&report_event=VOID&report_event=CAPTURE"
    );
    assert_eq!(canonical_query("%C3%A6=1&x=%ff"), "x=%EF%BF%BD&%C3%A6=1");
    // UTF-16 order: an astral character sorts before U+FB03
    assert_eq!(
        canonical_query("%EF%AC%83=1&%F0%9F%8C%88=2"),
        "%F0%9F%8C%88=2&%EF%AC%83=1"
    );
    Ok(())
}

#[test]
fn debug_hides_the_secret() -> Result<(), TestCaseError> {
    let verifier = verifier("T11223344", "very-secret-key")?;
    let debug = format!("{verifier:?}");
    assert!(!debug.contains("very-secret-key"), "{debug}");
    Ok(())
}

/// A query of pairs with distinct names.
fn pairs() -> impl Strategy<Value = Vec<(String, String)>> {
    proptest::collection::btree_map("[a-zA-Z_~ ]{1,6}", "[a-zA-Z0-9 ~!*.-]{0,6}", 0..6)
        .prop_map(|map| map.into_iter().collect())
}

fn url(host: &str, path: &str, pairs: &[(String, String)]) -> String {
    let query = form_urlencoded::Serializer::new(String::new())
        .extend_pairs(pairs)
        .finish();
    format!("https://{host}{path}?{query}")
}

proptest! {
    #[test]
    fn reordering_distinct_names_keeps_it_valid(
        (pairs, reordered) in pairs().prop_flat_map(|p| (Just(p.clone()), Just(p).prop_shuffle())),
        t in 1_000_000_000u64..2_000_000_000,
    ) {
        let verifier = verifier("T11223344", "secret")?;
        let header = verifier.sign("GET", &url("shop.example", "/cb", &pairs), t)
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        let now = at(t);
        prop_assert_eq!(verifier.verify("GET", &url("shop.example", "/cb", &reordered), &header, now), Ok(()));
    }

    #[test]
    fn any_change_fails(
        pairs in pairs().prop_filter("a value to change", |p| !p.is_empty()),
        which in 0usize..7,
        pick in any::<proptest::sample::Index>(),
        t in 1_000_000_000u64..2_000_000_000,
    ) {
        let verifier = verifier("T11223344", "secret")?;
        let original = url("shop.example", "/cb", &pairs);
        let header = verifier.sign("GET", &original, t)
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        let now = at(t);
        prop_assert_eq!(verifier.verify("GET", &original, &header, now), Ok(()));
        let mut changed_pairs = pairs.clone();
        if let Some(pair) = changed_pairs.get_mut(pick.index(pairs.len())) {
            pair.1.push('x');
        }
        let other_account = self::verifier("T11223345", "secret")?;
        let other_t = header.replacen(&format!("t={t}"), &format!("t={}", t + 1), 1);
        let result = match which {
            0 => verifier.verify("POST", &original, &header, now),
            1 => verifier.verify("GET", &url("shop2.example", "/cb", &pairs), &header, now),
            2 => verifier.verify("GET", &url("shop.example", "/cb2", &pairs), &header, now),
            3 => verifier.verify("GET", &url("shop.example", "/cb", &changed_pairs), &header, now),
            4 => verifier.verify("GET", &original, &other_t, now),
            5 => other_account.verify("GET", &original, &header, now),
            _ => self::verifier("T11223344", "secreT")?.verify("GET", &original, &header, now),
        };
        prop_assert_eq!(result, Err(SignatureError::Mismatch));
    }
}
