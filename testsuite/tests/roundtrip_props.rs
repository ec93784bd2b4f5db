//! Emit → parse → emit gives identical bytes, for orders built through the public builder
//! with random currencies, VAT rates, quantities, prices, shipping, addresses and metadata,
//! and for sessions of both kinds around them; both parsers agree and get the same value.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

#[path = "payloads/generate.rs"]
mod generate;

use dintero_order::{Order, ParseOptions, Session, SessionProfile};
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn orders_round_trip_byte_for_byte(order in generate::order()) {
        let body = serde_json::to_vec(&order).unwrap();
        let parsed = Order::from_json(&body).unwrap();
        prop_assert_eq!(&parsed, &order);
        prop_assert_eq!(serde_json::to_vec(&parsed).unwrap(), body.clone());
        let via_serde: Order = serde_json::from_slice(&body).unwrap();
        prop_assert_eq!(&via_serde, &order);
        let lenient = Order::from_json_with(&body, &ParseOptions::lenient()).unwrap();
        prop_assert!(lenient.warnings().is_empty());
    }

    #[test]
    fn profile_sessions_round_trip_byte_for_byte(session in generate::profile()) {
        let body = serde_json::to_vec(&session).unwrap();
        let parsed = SessionProfile::from_json(&body).unwrap();
        prop_assert_eq!(&parsed, &session);
        prop_assert_eq!(serde_json::to_vec(&parsed).unwrap(), body.clone());
        let via_serde: SessionProfile = serde_json::from_slice(&body).unwrap();
        prop_assert_eq!(serde_json::to_vec(&via_serde).unwrap(), body);
    }

    #[test]
    fn sessions_round_trip_byte_for_byte(session in generate::session()) {
        let body = serde_json::to_vec(&session).unwrap();
        let parsed = Session::from_json(&body).unwrap();
        prop_assert_eq!(&parsed, &session);
        prop_assert_eq!(serde_json::to_vec(&parsed).unwrap(), body.clone());
        let via_serde: Session = serde_json::from_slice(&body).unwrap();
        prop_assert_eq!(serde_json::to_vec(&via_serde).unwrap(), body);
    }

    #[test]
    fn pretty_printed_bodies_parse_to_the_same_value(session in generate::profile()) {
        let pretty = serde_json::to_vec_pretty(&session).unwrap();
        prop_assert_eq!(SessionProfile::from_json(&pretty).unwrap(), session);
    }
}
