//! Proptest strategies shared by `tests/roundtrip_props.rs`, `tests/conformance.rs` and
//! `tests/parse_no_panic.rs` (included with `#[path]`): orders built through the public
//! builder with random currencies, VAT rates, quantities, prices, pricing modes, rounding,
//! shipping, addresses and metadata, and sessions of both kinds around them.
#![allow(dead_code)]

use std::time::{Duration, UNIX_EPOCH};

use dintero_order::{
    Address, Channel, Checkbox, Configuration, Currency, Customer, CustomerType, DeliveryMethod,
    Express, ItemType, Line, Order, Rounding, Session, SessionProfile, Shipping, ShippingMode,
    Store, UnitPrice, VatRate,
};
use proptest::prelude::*;
use rust_decimal::Decimal;

/// Text with quotes, backslashes, control characters and non-ASCII letters: every string
/// must survive JSON escaping exactly.
pub fn text() -> impl Strategy<Value = String> {
    "[a-zA-Z0-9 ._\\-\"\\\\/æøåÆØÅé€\u{1F600}\t\n]{1,16}"
}

/// A VAT rate: the common ones, or any valid rate in hundredths.
pub fn rate() -> impl Strategy<Value = VatRate> {
    prop_oneof![
        prop::sample::select(vec![0_u16, 1200, 1500, 2400, 2500, 2550]),
        0_u16..=10_000,
    ]
    .prop_map(|h| VatRate::from_hundredths(h).unwrap_or(VatRate::ZERO))
}

/// A quantity: whole units, or a decimal with up to 3 decimals (sold by weight).
pub fn quantity() -> impl Strategy<Value = Decimal> {
    prop_oneof![
        (1_i64..=20).prop_map(Decimal::from),
        (1_i64..=5_000, 1_u32..=3).prop_map(|(m, s)| Decimal::new(m, s)),
    ]
}

/// A unit price: minor units, or major units with up to two decimals more than the currency.
pub fn price(currency: Currency) -> impl Strategy<Value = UnitPrice> {
    let exponent = u32::from(currency.exponent());
    prop_oneof![
        (0_i64..=100_000).prop_map(UnitPrice::minor),
        (0_i64..=100_000, exponent..=exponent + 2)
            .prop_map(|(m, s)| UnitPrice::major(Decimal::new(m, s))),
    ]
}

#[derive(Debug, Clone)]
pub struct LineSpec {
    pub sku: String,
    pub name: String,
    pub price: UnitPrice,
    pub net: bool,
    pub vat: VatRate,
    pub quantity: Decimal,
    pub kind: Option<ItemType>,
    pub weight: Option<Decimal>,
    pub eligible: Option<bool>,
    pub thumbnail: bool,
}

pub fn line_spec(currency: Currency) -> impl Strategy<Value = LineSpec> {
    (
        (
            text(),
            text(),
            price(currency),
            any::<bool>(),
            rate(),
            quantity(),
        ),
        (
            prop::option::of(prop::sample::select(vec![
                ItemType::Physical,
                ItemType::Digital,
                ItemType::Service,
            ])),
            prop::option::of((0_i64..100_000, 0_u32..4).prop_map(|(m, s)| Decimal::new(m, s))),
            prop::option::of(any::<bool>()),
            any::<bool>(),
        ),
    )
        .prop_map(
            |((sku, name, price, net, vat, quantity), (kind, weight, eligible, thumbnail))| {
                LineSpec {
                    sku,
                    name,
                    price,
                    net,
                    vat,
                    quantity,
                    kind,
                    weight,
                    eligible,
                    thumbnail,
                }
            },
        )
}

pub fn address() -> impl Strategy<Value = Address> {
    (
        text(),
        text(),
        "[0-9]{4}",
        prop::sample::select(vec!["NO", "SE", "DK", "FI"]),
        "\\+?[0-9]{5,15}",
    )
        .prop_map(|(first, place, code, country, phone)| {
            Address::new()
                .first_name(first)
                .postal_place(place)
                .postal_code(code)
                .country(country)
                .phone_number(phone)
        })
}

#[derive(Debug, Clone)]
pub struct OrderSpec {
    pub currency: Currency,
    pub reference: String,
    pub lines: Vec<LineSpec>,
    pub shipping: Option<(UnitPrice, VatRate, Option<DeliveryMethod>)>,
    pub half_even: bool,
    pub shipping_address: Option<Address>,
    pub billing_address: Option<Address>,
    pub store: bool,
    pub discount_code: Option<String>,
}

pub fn order_spec() -> impl Strategy<Value = OrderSpec> {
    prop::sample::select(Currency::SUPPORTED.to_vec()).prop_flat_map(|currency| {
        (
            text(),
            prop::collection::vec(line_spec(currency), 0..5),
            prop::option::of((
                price(currency),
                rate(),
                prop::option::of(prop::sample::select(vec![
                    DeliveryMethod::Delivery,
                    DeliveryMethod::PickUp,
                ])),
            )),
            any::<bool>(),
            prop::option::of(address()),
            prop::option::of(address()),
            any::<bool>(),
            prop::option::of("[A-Z0-9]{4,10}"),
        )
            .prop_map(
                move |(
                    reference,
                    lines,
                    shipping,
                    half_even,
                    shipping_address,
                    billing_address,
                    store,
                    discount_code,
                )| OrderSpec {
                    currency,
                    reference,
                    lines,
                    shipping,
                    half_even,
                    shipping_address,
                    billing_address,
                    store,
                    discount_code,
                },
            )
    })
}

/// Builds the order the spec describes through the public builder.
pub fn build(spec: &OrderSpec) -> Order {
    let mut builder = Order::builder(spec.currency, spec.reference.clone());
    for line in &spec.lines {
        let price = if line.net {
            line.price.net()
        } else {
            line.price
        };
        let mut l = Line::new(line.sku.as_str(), line.name.as_str(), price, line.vat)
            .quantity(line.quantity);
        if let Some(kind) = line.kind {
            l = l.kind(kind);
        }
        if let Some(weight) = line.weight {
            l = l.unit_weight(weight);
        }
        if let Some(eligible) = line.eligible {
            l = l.eligible_for_discount(eligible);
        }
        if line.thumbnail {
            l = l.thumbnail_url("https://shop.example/thumb.png");
        }
        builder = builder.line(l);
    }
    if let Some((price, vat, method)) = spec.shipping {
        let mut shipping = Shipping::new("ship", "Shipping", price, vat).line_id("shipping-line");
        if let Some(method) = method {
            shipping = shipping.delivery_method(method);
        }
        builder = builder.shipping(shipping);
    }
    if spec.half_even {
        builder = builder.rounding(Rounding::HalfEven);
    }
    if let Some(address) = &spec.shipping_address {
        builder = builder.shipping_address(address.clone());
    }
    if let Some(address) = &spec.billing_address {
        builder = builder.billing_address(address.clone());
    }
    if spec.store {
        builder = builder.store(Store::new("shop.example").name("Shop"));
    }
    if let Some(code) = &spec.discount_code {
        builder = builder.discount_code(code.clone());
    }
    builder
        .build()
        .unwrap_or_else(|e| panic!("a generated order must build: {e}\n{spec:?}"))
}

pub fn order() -> impl Strategy<Value = Order> {
    order_spec().prop_map(|spec| build(&spec))
}

#[derive(Debug, Clone)]
pub struct SessionSpec {
    pub callback: bool,
    pub terms: bool,
    pub customer: Option<(String, String)>,
    pub expires: bool,
    pub metadata: Vec<(String, String)>,
    pub checkboxes: usize,
    pub express: bool,
    pub auto_capture: Option<bool>,
    pub in_app: bool,
}

pub fn session_spec() -> impl Strategy<Value = SessionSpec> {
    (
        (any::<bool>(), any::<bool>()),
        prop::option::of(("[a-z]{1,8}@example\\.com", "\\+47[0-9]{8}")),
        any::<bool>(),
        prop::collection::vec(("ext_[a-z0-9]{1,8}", text()), 0..=10),
        0_usize..=2,
        any::<bool>(),
        prop::option::of(any::<bool>()),
        any::<bool>(),
    )
        .prop_map(
            |(
                (callback, terms),
                customer,
                expires,
                metadata,
                checkboxes,
                express,
                auto_capture,
                in_app,
            )| SessionSpec {
                callback,
                terms,
                customer,
                expires,
                metadata,
                checkboxes,
                express,
                auto_capture,
                in_app,
            },
        )
}

fn configuration(spec: &SessionSpec) -> Configuration {
    let mut configuration = Configuration::builder();
    if let Some(auto_capture) = spec.auto_capture {
        configuration = configuration.auto_capture(auto_capture);
    }
    if spec.in_app {
        configuration = configuration.channel(Channel::InApp);
    }
    configuration.build()
}

macro_rules! decorate {
    ($session:expr, $spec:expr) => {{
        let spec = $spec;
        let mut s = $session;
        if spec.callback {
            s = s.callback_url("https://shop.example/callback?method=POST");
        }
        if spec.terms {
            s = s.merchant_terms_url("https://shop.example/terms");
        }
        if let Some((email, phone)) = &spec.customer {
            s = s.customer(
                Customer::builder()
                    .email(email.clone())
                    .phone_number(phone.clone())
                    .build(),
            );
        }
        if spec.expires {
            // 2030-01-31T23:59:00Z.
            s = s.expires_at(UNIX_EPOCH + Duration::from_secs(1_896_134_340));
        }
        for (key, value) in &spec.metadata {
            s = s.metadata(key.clone(), value.clone());
        }
        for index in 0..spec.checkboxes {
            s = s.checkbox(
                Checkbox::builder(format!("box-{index}"), "Send me offers")
                    .checked(index == 0)
                    .build(),
            );
        }
        if spec.express {
            s = s.express(
                Express::builder([])
                    .shipping_mode(ShippingMode::ShippingRequired)
                    .shipping_address_callback_url("https://shop.example/shipping")
                    .customer_types([CustomerType::B2c])
                    .build(),
            );
        }
        s
    }};
}

pub fn profile() -> impl Strategy<Value = SessionProfile> {
    (order(), session_spec()).prop_map(|(order, spec)| {
        let s = SessionProfile::builder("default", "https://shop.example/return", order);
        let s = decorate!(s, &spec);
        let configuration = configuration(&spec);
        s.configuration(configuration).build().unwrap()
    })
}

pub fn session() -> impl Strategy<Value = Session> {
    (order(), session_spec()).prop_map(|(order, spec)| {
        let s = Session::builder("https://shop.example/return", order, configuration(&spec));
        decorate!(s, &spec).build().unwrap()
    })
}
