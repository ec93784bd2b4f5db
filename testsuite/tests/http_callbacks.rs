//! Feature `http`: the `callback_url` query, the `Dintero-Signature` check (Dintero's test
//! vector) and secrets kept out of `Debug` and `Display`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::time::{Duration, UNIX_EPOCH};

use dintero_order::http::{
    AccessToken, Account, Callback, CallbackError, ClientCredentials, SignatureError,
    SignatureVerifier,
};

#[test]
fn callback_query() {
    let callback = Callback::from_query(
        "transaction_id=P00000000.4yXA&merchant_reference=order+1001&time=2025-03-01T12%3A34%3A56.789Z\
         &session_id=P00000000.4yX9&report_event=CAPTURE&report_event=VOID&event=CAPTURE&event_id=ev-1",
    )
    .unwrap();
    assert_eq!(callback.transaction_id(), Some("P00000000.4yXA"));
    assert_eq!(callback.session_id(), "P00000000.4yX9");
    assert_eq!(callback.merchant_reference(), "order 1001");
    assert_eq!(callback.time(), "2025-03-01T12:34:56.789Z");
    assert_eq!(callback.event(), Some("CAPTURE"));
    assert_eq!(callback.event_id(), Some("ev-1"));
    assert_eq!(callback.error(), None);
    assert_eq!(
        callback.other_parameters(),
        [
            ("report_event".to_string(), "CAPTURE".to_string()),
            ("report_event".to_string(), "VOID".to_string()),
        ]
    );
}

#[test]
fn callback_query_problems() {
    let ok = "transaction_id=t&sid=s&merchant_reference=r&time=2025-03-01T12:00:00Z";
    assert!(Callback::from_query(ok).is_ok());
    let cases = [
        (
            "sid=s&merchant_reference=r&time=2025-03-01T12:00:00Z",
            CallbackError::Missing("transaction_id"),
        ),
        (
            "transaction_id=t&merchant_reference=r&time=2025-03-01T12:00:00Z",
            CallbackError::Missing("session_id"),
        ),
        (
            "transaction_id=t&sid=s&time=2025-03-01T12:00:00Z",
            CallbackError::Missing("merchant_reference"),
        ),
        (
            "transaction_id=t&sid=s&merchant_reference=r",
            CallbackError::Missing("time"),
        ),
        (
            &format!("{ok}&transaction_id=u"),
            CallbackError::Repeated("transaction_id"),
        ),
        (
            &format!("{ok}&session_id=u"),
            CallbackError::Repeated("session_id"),
        ),
        (
            "transaction_id=t&sid=s&merchant_reference=&time=2025-03-01T12:00:00Z",
            CallbackError::Empty("merchant_reference"),
        ),
        (
            "transaction_id=t&sid=s&merchant_reference=r&time=2025-02-30T12:00:00Z",
            CallbackError::Time("2025-02-30T12:00:00Z".into()),
        ),
    ];
    for (query, expected) in cases {
        assert_eq!(Callback::from_query(query), Err(expected), "{query}");
    }
    assert_eq!(
        CallbackError::Missing("session_id").to_string(),
        "callback query has neither `session_id` nor `sid`"
    );
    assert_eq!(
        CallbackError::Time("x".into()).to_string(),
        r#"callback query `time`: expected an RFC 3339 date-time, found "x""#
    );
    // report_error=true: no transaction to report
    let failed = Callback::from_query(
        "sid=s&merchant_reference=r&time=2025-03-01T12:00:00Z&error=cancelled&report_error=true",
    )
    .unwrap();
    assert_eq!(failed.transaction_id(), None);
    assert_eq!(failed.error(), Some("cancelled"));
}

const VECTOR: &str =
    "t=1582236537,v0-hmac-sha256=6bed2ab1b919d460ef7465a20dc6c97260dca73fab6647106ca525f0908df64a";

#[test]
fn dintero_test_vector() {
    let account: Account = "P00000000".parse().unwrap();
    let verifier = SignatureVerifier::new(&account, "123");
    let url = "https://example.com/callback?B=123&A=992";
    let now = UNIX_EPOCH + Duration::from_secs(1582236537);
    assert_eq!(verifier.verify("GET", url, VECTOR, now), Ok(()));
    // the same query, already sorted, and the host in capitals with a port: the same text
    assert_eq!(
        verifier.verify(
            "GET",
            "https://EXAMPLE.com:443/callback?A=992&B=123",
            VECTOR,
            now
        ),
        Ok(())
    );
    assert_eq!(verifier.sign("GET", url, 1582236537).unwrap(), VECTOR);
    let errors = [
        (
            verifier.verify("GET", url, "", now),
            "Dintero-Signature is missing (no t= or v0-hmac-sha256=)",
        ),
        (
            verifier.verify("GET", url, "t=x,v0-hmac-sha256=ab", now),
            r#"Dintero-Signature cannot be checked: t="x" is not Unix seconds"#,
        ),
        (
            verifier.verify("GET", url, VECTOR, now + Duration::from_secs(301)),
            "Dintero-Signature timestamp 1582236537 is more than 300 s from now (1582236838)",
        ),
        (
            verifier.verify(
                "GET",
                "https://example.com/callback?B=124&A=992",
                VECTOR,
                now,
            ),
            "Dintero-Signature does not match the call",
        ),
    ];
    for (result, message) in errors {
        assert_eq!(result.unwrap_err().to_string(), message);
    }
    assert_eq!(
        verifier.verify("GET", url, VECTOR, now - Duration::from_secs(301)),
        Err(SignatureError::Expired {
            timestamp: 1582236537,
            now: 1582236236
        })
    );
}

#[test]
fn secrets_stay_out_of_debug_and_display() {
    let account: Account = "T11223344".parse().unwrap();
    let credentials = ClientCredentials::new("client-id", "CLIENT-SECRET-1");
    let verifier = SignatureVerifier::new(&account, "SIGNATURE-SECRET-2");
    let token = AccessToken::new("ACCESS-TOKEN-3", UNIX_EPOCH).unwrap();
    let request = account.token_request(&credentials);
    let texts = [
        format!("{credentials:?}"),
        format!("{credentials:#?}"),
        format!("{verifier:?}"),
        format!("{verifier:#?}"),
        format!("{token:?}"),
        format!("{token:#?}"),
        // http marks the Authorization header sensitive: its Debug hides the value
        format!("{:?}", request.headers()),
        verifier
            .verify(
                "GET",
                "https://x.example/",
                "t=1,v0-hmac-sha256=00",
                UNIX_EPOCH,
            )
            .unwrap_err()
            .to_string(),
        AccessToken::new("a b", UNIX_EPOCH).unwrap_err().to_string(),
    ];
    for text in &texts {
        for secret in ["CLIENT-SECRET-1", "SIGNATURE-SECRET-2", "ACCESS-TOKEN-3"] {
            assert!(!text.contains(secret), "{secret} in {text}");
        }
        // nor the Base64 of the credentials
        assert!(
            !text.contains("Y2xpZW50LWlkOkNMSUVOVC1TRUNSRVQtMQ"),
            "{text}"
        );
    }
    assert_eq!(
        texts[0],
        r#"ClientCredentials { id: "client-id", secret: "<redacted>" }"#
    );
    assert_eq!(
        texts[2],
        r#"SignatureVerifier { account: "T11223344", secret: "<redacted>" }"#
    );
    assert!(
        texts[4].starts_with(r#"AccessToken { token: "<redacted>", expires_at: "#),
        "{}",
        texts[4]
    );
}
