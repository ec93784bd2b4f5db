//! `customer`: who is paying, with stored card tokens and gift cards to preload.

use std::fmt;

use serde::Serialize;
use serde_json::{Map, Value};

use crate::error::Violations;
use crate::order::address::check_phone;

/// The gift-card key Dintero defines: Dintero Wallets cards, at most one per session.
const WALLETS: &str = "dintero.wallets";

/// The `customer` object: prefills the checkout and enables stored tokens and gift cards.
///
/// Every field is optional; made by [`Customer::builder`] (or `Customer::default()` for
/// none). `phone_number` must match `^\+?\d{5,15}$` and at most one `dintero.wallets` gift
/// card may be preloaded; the session checks both when it is built. `Debug` output shows
/// which kinds of card token are set, never the tokens.
///
/// ```
/// use dintero_order_core::Customer;
///
/// let customer = Customer::builder()
///     .customer_id("c-42")
///     .email("kari@example.com")
///     .phone_number("+4799999999")
///     .wallets_card("card-1")
///     .build();
/// assert_eq!(
///     serde_json::to_string(&customer)?,
///     r#"{"customer_id":"c-42","email":"kari@example.com","phone_number":"+4799999999","gift_cards":{"dintero.wallets":[{"card_id":"card-1"}]}}"#
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, PartialEq, Default, Serialize)]
pub struct Customer {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) customer_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) email: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) phone_number: Option<String>,
    #[serde(skip_serializing_if = "Map::is_empty")]
    pub(crate) tokens: Map<String, Value>,
    #[serde(skip_serializing_if = "Map::is_empty")]
    pub(crate) gift_cards: Map<String, Value>,
}

/// Collects the fields of a [`Customer`]; made by [`Customer::builder`]. Every setter takes
/// and returns the builder by value; [`build`](Self::build) cannot fail, since the session
/// checks the customer.
#[derive(Debug, Clone)]
#[must_use = "a customer builder does nothing until `.build()` is called"]
pub struct CustomerBuilder(Customer);

text_fields!(Customer, CustomerBuilder, "Customer::builder()";
    /// Sets `customer_id`, your id for the customer; with `configuration.discounts.order`
    /// enabled, Dintero computes the customer's discounts from it.
    customer_id, "c-42";
    /// Sets `email`, prefilled in the checkout.
    email, "kari@example.com";
    /// Sets `phone_number` with its international prefix (`^\+?\d{5,15}$`), prefilled in
    /// the checkout.
    phone_number, "+4799999999";
);

impl Customer {
    /// Starts a customer with nothing set.
    ///
    /// ```
    /// use dintero_order_core::Customer;
    /// assert_eq!(serde_json::to_string(&Customer::builder().build())?, "{}");
    /// assert_eq!(Customer::builder().build(), Customer::default());
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn builder() -> CustomerBuilder {
        CustomerBuilder(Customer::default())
    }

    /// `tokens`, empty when unset.
    ///
    /// ```
    /// use dintero_order_core::Customer;
    /// assert!(Customer::default().tokens().is_empty());
    /// ```
    pub fn tokens(&self) -> &Map<String, Value> {
        &self.tokens
    }

    /// `gift_cards`, empty when unset.
    ///
    /// ```
    /// use dintero_order_core::Customer;
    /// assert!(Customer::default().gift_cards().is_empty());
    /// ```
    pub fn gift_cards(&self) -> &Map<String, Value> {
        &self.gift_cards
    }

    /// Nothing set: the session leaves `customer` out.
    pub(crate) fn is_empty(&self) -> bool {
        let Customer {
            customer_id,
            email,
            phone_number,
            tokens,
            gift_cards,
        } = self;
        customer_id.is_none()
            && email.is_none()
            && phone_number.is_none()
            && tokens.is_empty()
            && gift_cards.is_empty()
    }

    /// Checks the phone pattern, and the tokens and gift cards against the spec; paths start
    /// at `path` (`customer`).
    pub(super) fn validate(&self, path: &str, v: &mut Violations) {
        if let Some(phone) = &self.phone_number {
            check_phone(phone, format_args!("{path}.phone_number"), v);
        }
        // body { customer { tokens {
        crate::order::depth::check_members_depth(&self.tokens, 2, format_args!("{path}.tokens"), v);
        crate::order::depth::check_members_depth(
            &self.gift_cards,
            2,
            format_args!("{path}.gift_cards"),
            v,
        );
        // Empty maps are left out of the body; the spec requires nothing at their level.
        if !self.tokens.is_empty() {
            let tokens = ["customer", "tokens"];
            crate::spec::check_members(&tokens, &self.tokens, format_args!("{path}.tokens"), v);
        }
        if !self.gift_cards.is_empty() {
            let at = ["customer", "gift_cards"];
            let path = format_args!("{path}.gift_cards");
            crate::spec::check_members(&at, &self.gift_cards, path, v);
        }
    }
}

impl CustomerBuilder {
    /// Sets `tokens`: stored card tokens by payment type (`payex.creditcard`,
    /// `bambora.creditcard`, …), checked against Dintero's spec when the session is built.
    ///
    /// ```
    /// use dintero_order_core::Customer;
    /// use serde_json::json;
    ///
    /// let json = json!({ "payex.creditcard": { "payment_token": "tok-1" } });
    /// let tokens = json.as_object().cloned().unwrap_or_default();
    /// let customer = Customer::builder().tokens(tokens).build();
    /// assert_eq!(customer.tokens()["payex.creditcard"]["payment_token"], "tok-1");
    /// ```
    pub fn tokens(mut self, tokens: Map<String, Value>) -> CustomerBuilder {
        self.0.tokens = tokens;
        self
    }

    /// Sets `gift_cards`: gift cards to preload by kind, checked against Dintero's spec when
    /// the session is built. Dintero defines
    /// `dintero.wallets`, a list of at most one `{"card_id": …}`; see
    /// [`wallets_card`](Self::wallets_card).
    ///
    /// ```
    /// use dintero_order_core::Customer;
    /// use serde_json::json;
    ///
    /// let json = json!({ "dintero.wallets": [{ "card_id": "card-1" }] });
    /// let customer = Customer::builder()
    ///     .gift_cards(json.as_object().cloned().unwrap_or_default())
    ///     .build();
    /// assert_eq!(customer.gift_cards()["dintero.wallets"][0]["card_id"], "card-1");
    /// ```
    pub fn gift_cards(mut self, gift_cards: Map<String, Value>) -> CustomerBuilder {
        self.0.gift_cards = gift_cards;
        self
    }

    /// Preloads one Dintero Wallets card (`gift_cards["dintero.wallets"]`), replacing any
    /// other; the customer activates it with its PIN.
    ///
    /// ```
    /// use dintero_order_core::Customer;
    /// let customer = Customer::builder().wallets_card("card-1").build();
    /// assert_eq!(customer.gift_cards()["dintero.wallets"][0]["card_id"], "card-1");
    /// ```
    pub fn wallets_card(mut self, card_id: impl Into<String>) -> CustomerBuilder {
        let card = serde_json::json!([{ "card_id": card_id.into() }]);
        self.0.gift_cards.insert(WALLETS.to_owned(), card);
        self
    }

    /// The customer. Nothing is checked here: the session checks it when it is built.
    ///
    /// ```
    /// use dintero_order_core::Customer;
    /// let customer = Customer::builder().email("kari@example.com").build();
    /// assert_eq!(customer.email(), Some("kari@example.com"));
    /// ```
    pub fn build(self) -> Customer {
        self.0
    }
}

impl fmt::Debug for Customer {
    /// Card tokens let whoever holds them charge the card: they stay out of logs.
    ///
    /// ```
    /// use dintero_order_core::Customer;
    /// use serde_json::json;
    ///
    /// let tokens = json!({ "payex.creditcard": { "payment_token": "tok-secret" } });
    /// let customer = Customer::builder()
    ///     .tokens(tokens.as_object().cloned().unwrap_or_default())
    ///     .build();
    /// let debug = format!("{customer:?}");
    /// assert!(debug.contains(r#"tokens: {"payex.creditcard": <redacted>}"#));
    /// assert!(!debug.contains("tok-secret"));
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        struct Redacted<'a>(&'a Map<String, Value>);
        impl fmt::Debug for Redacted<'_> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                let hidden = format_args!("<redacted>");
                f.debug_map()
                    .entries(self.0.keys().map(|kind| (kind, &hidden)))
                    .finish()
            }
        }
        f.debug_struct("Customer")
            .field("customer_id", &self.customer_id)
            .field("email", &self.email)
            .field("phone_number", &self.phone_number)
            .field("tokens", &Redacted(&self.tokens))
            .field("gift_cards", &self.gift_cards)
            .finish()
    }
}
