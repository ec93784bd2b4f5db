//! Shared by `benches/session.rs` and `examples/bench_memory.rs`: a realistic cart of derived
//! item types, and the three ways of turning it into the body of `POST /v1/sessions-profile`:
//!
//! - [`floor`]: `serde_json::to_vec` of prebuilt plain DTOs (the cost of the bytes alone);
//! - [`handwritten`]: what a careful integration does today: map the shop's structs to DTOs,
//!   compute minor units and VAT with `rust_decimal`, sum the totals, serialize;
//! - [`dintero_order`]: the derive, the order builder, `SessionProfile`, serialize.
//!
//! All three produce the same bytes; [`assert_identical`] checks it before anything is timed.
//!
//! Two cart shapes, each a [`Shape`]: [`BenchCart`] (`bench`, below: the cart the library was
//! tuned on, short ASCII names, line ids numbered by the library, no thumbnails, no shipping)
//! and [`ShopCartShape`] (`shop`, in [`shop`]: thumbnails, the shop's own line ids, long UTF-8
//! descriptions, five VAT rates and a shipping option).
#![allow(dead_code)] // each including target uses a different part

pub mod shop;

use std::fmt;

use dintero_order::{CheckoutItem, Currency, Line, Order, SessionProfile};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::{Decimal, RoundingStrategy};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

pub const PROFILE_ID: &str = "default";
pub const RETURN_URL: &str = "https://example.com/return";
pub const CALLBACK_URL: &str = "https://example.com/callback";
pub const MERCHANT_REFERENCE: &str = "order-2024-000117";

/// The line counts every measurement runs at.
pub const LINE_COUNTS: [usize; 5] = [1, 10, 100, 1000, 10_000];

// ---------------------------------------------------------------------------------------------
// The shop's own types, as a shop would have them, with the derive.
// ---------------------------------------------------------------------------------------------

/// Furniture and household goods: standard 25 % VAT, whole quantities.
#[derive(Debug, Clone, CheckoutItem)]
#[checkout(vat = 25, kind = "physical")]
pub struct Product {
    #[checkout(id)]
    pub sku: String,
    #[checkout(description)]
    pub name: String,
    #[checkout(unit_price)]
    pub price: Decimal,
    #[checkout(quantity)]
    pub count: u32,
    /// Not mapped: the shop's own data that stays out of the order.
    pub stock: u32,
}

/// Food sold by weight: 15 % VAT, fractional quantities (0.5 kg).
#[derive(Debug, Clone, CheckoutItem)]
#[checkout(vat = 15)]
pub struct Produce {
    #[checkout(id)]
    pub sku: String,
    #[checkout(description)]
    pub name: String,
    #[checkout(unit_price)]
    pub price_per_kg: Decimal,
    #[checkout(quantity)]
    pub kg: Decimal,
}

/// Tickets and books: the VAT rate is data (12 % transport, 0 % books), checked at build time.
#[derive(Debug, Clone, CheckoutItem)]
#[checkout(kind = "service")]
pub struct Ticket {
    #[checkout(id)]
    pub code: String,
    #[checkout(description)]
    pub title: String,
    #[checkout(unit_price)]
    pub price: Decimal,
    #[checkout(vat)]
    pub vat_percent: Decimal,
    #[checkout(quantity)]
    pub count: u32,
}

/// One line of a mixed cart.
#[derive(Debug, Clone)]
pub enum CartLine {
    Product(Product),
    Produce(Produce),
    Ticket(Ticket),
}

/// A mixed cart's line is whichever item it holds (the derive is for structs; a shop's enum
/// of line kinds delegates like this).
impl CheckoutItem for CartLine {
    fn line(&self) -> Line<'_> {
        match self {
            CartLine::Product(p) => p.line(),
            CartLine::Produce(p) => p.line(),
            CartLine::Ticket(t) => t.line(),
        }
    }
}

/// A deterministic cart of `n` lines cycling through the three types, prices and quantities.
/// Totals stay far inside Dintero's int32 limit at 10 000 lines (about 4 M NOK).
pub fn cart(n: usize) -> Vec<CartLine> {
    (0..n).map(cart_line).collect()
}

/// Line `i` of every cart.
pub fn cart_line(i: usize) -> CartLine {
    const FURNITURE: [(&str, &str); 5] = [
        ("Stablestol", "299.90"),
        ("Spisebord i eik", "1499.00"),
        ("Putetrekk", "49.90"),
        ("Bordlampe", "89.00"),
        ("Kleshenger 10 pk", "24.50"),
    ];
    const FOOD: [(&str, &str); 4] = [
        ("Kaffebønner, per kg", "249.00"),
        ("Epler, per kg", "34.90"),
        ("Norvegia, per kg", "119.50"),
        ("Laksefilet, per kg", "229.00"),
    ];
    const KILOGRAMS: [&str; 4] = ["0.5", "1.25", "0.75", "2"];
    const TICKETS: [(&str, &str, &str); 3] = [
        ("Bussbillett, voksen", "42.00", "12"),
        ("Bok: Sult", "399.00", "0"),
        ("Ferge, bil og fører", "187.50", "12"),
    ];
    let dec = |s: &str| s.parse::<Decimal>().expect("literal decimal");
    let k = i / 3;
    match i % 3 {
        0 => {
            let (name, price) = FURNITURE[k % FURNITURE.len()];
            CartLine::Product(Product {
                sku: format!("FURN-{i:06}"),
                name: name.to_owned(),
                price: dec(price),
                count: (k % 3) as u32 + 1,
                stock: 12,
            })
        }
        1 => {
            let (name, price) = FOOD[k % FOOD.len()];
            CartLine::Produce(Produce {
                sku: format!("FOOD-{i:06}"),
                name: name.to_owned(),
                price_per_kg: dec(price),
                kg: dec(KILOGRAMS[(k / 2) % KILOGRAMS.len()]),
            })
        }
        _ => {
            let (title, price, vat) = TICKETS[k % TICKETS.len()];
            CartLine::Ticket(Ticket {
                code: format!("TCKT-{i:06}"),
                title: title.to_owned(),
                price: dec(price),
                vat_percent: dec(vat),
                count: (k % 2) as u32 + 1,
            })
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Plain DTOs: Dintero's fields in the order the library emits them, `None` skipped.
// ---------------------------------------------------------------------------------------------

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SessionDto {
    pub profile_id: String,
    pub url: UrlDto,
    pub order: OrderDto,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UrlDto {
    pub return_url: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub callback_url: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OrderDto {
    pub amount: i64,
    pub currency: String,
    pub merchant_reference: String,
    pub vat_amount: i64,
    pub items: Vec<ItemDto>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ItemDto {
    pub id: String,
    pub line_id: String,
    pub description: String,
    pub quantity: Number,
    pub amount: i64,
    pub vat_amount: i64,
    pub vat: Number,
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<ItemKind>,
}

/// The item `type`s this cart uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    Physical,
    Digital,
    Service,
}

/// A JSON number as Dintero wants `quantity` and `vat`: `2` when whole, `0.5` otherwise (a
/// plain `f64` would print `2.0`). Hand-written (de)serialization keeps it as cheap as a
/// primitive: no buffering as `#[serde(untagged)]` would do.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Number {
    Whole(i64),
    Fraction(f64),
}

impl Number {
    /// From a decimal, the way an integration would: integer when whole, else the nearest f64.
    pub fn from_decimal(value: Decimal) -> Number {
        let value = value.normalize();
        match (value.scale(), i64::try_from(value.mantissa())) {
            (0, Ok(whole)) => Number::Whole(whole),
            _ => Number::Fraction(value.to_f64().expect("decimal fits f64")),
        }
    }
}

impl Serialize for Number {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match *self {
            Number::Whole(n) => serializer.serialize_i64(n),
            Number::Fraction(x) => serializer.serialize_f64(x),
        }
    }
}

impl<'de> Deserialize<'de> for Number {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Number;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a JSON number")
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Number, E> {
                i64::try_from(v)
                    .map(Number::Whole)
                    .map_err(|_| E::custom("integer out of range"))
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Number, E> {
                Ok(Number::Whole(v))
            }
            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Number, E> {
                Ok(Number::Fraction(v))
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

// ---------------------------------------------------------------------------------------------
// The three ways.
// ---------------------------------------------------------------------------------------------

/// Half away from zero to whole minor units, as the library rounds by default.
fn round_half_away(value: Decimal) -> i64 {
    value
        .round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero)
        .to_i64()
        .expect("line amount fits i64")
}

/// A hand-written integration's mapping of one line: gross price × quantity rounded once to
/// øre, the VAT contained in it, strings cloned into the DTO.
pub fn item_dto(index: usize, line: &CartLine) -> ItemDto {
    let hundred = Decimal::ONE_HUNDRED;
    let (id, description, price, quantity, vat, kind) = match line {
        CartLine::Product(p) => (
            &p.sku,
            &p.name,
            p.price,
            Decimal::from(p.count),
            Decimal::from(25),
            Some(ItemKind::Physical),
        ),
        CartLine::Produce(p) => (
            &p.sku,
            &p.name,
            p.price_per_kg,
            p.kg,
            Decimal::from(15),
            None,
        ),
        CartLine::Ticket(t) => (
            &t.code,
            &t.title,
            t.price,
            Decimal::from(t.count),
            t.vat_percent,
            Some(ItemKind::Service),
        ),
    };
    let amount = round_half_away(price * quantity * hundred);
    let net = round_half_away(Decimal::from(amount) * hundred / (hundred + vat));
    ItemDto {
        id: id.clone(),
        line_id: (index + 1).to_string(),
        description: description.clone(),
        quantity: Number::from_decimal(quantity),
        amount,
        vat_amount: amount - net,
        vat: Number::from_decimal(vat),
        kind,
    }
}

/// The session around already mapped items, totals summed.
pub fn session_dto(items: Vec<ItemDto>) -> SessionDto {
    let amount = items.iter().map(|i| i.amount).sum();
    let vat_amount = items.iter().map(|i| i.vat_amount).sum();
    SessionDto {
        profile_id: PROFILE_ID.to_owned(),
        url: UrlDto {
            return_url: RETURN_URL.to_owned(),
            callback_url: Some(CALLBACK_URL.to_owned()),
        },
        order: OrderDto {
            amount,
            currency: "NOK".to_owned(),
            merchant_reference: MERCHANT_REFERENCE.to_owned(),
            vat_amount,
            items,
        },
    }
}

/// A hand-written integration's mapping of a whole cart.
pub fn handwritten_dto(cart: &[CartLine]) -> SessionDto {
    session_dto(
        cart.iter()
            .enumerate()
            .map(|(index, line)| item_dto(index, line))
            .collect(),
    )
}

/// `floor`: the bytes of prebuilt DTOs.
pub fn floor(dto: &SessionDto) -> Vec<u8> {
    serde_json::to_vec(dto).expect("DTOs serialize")
}

/// `handwritten`: map, compute, sum, serialize.
pub fn handwritten(cart: &[CartLine]) -> Vec<u8> {
    serde_json::to_vec(&handwritten_dto(cart)).expect("DTOs serialize")
}

/// The library's way: the cart through `.items(cart)`, `build`, `SessionProfile`. Every invariant
/// checked.
pub fn session(cart: &[CartLine]) -> SessionProfile {
    let order = Order::builder(Currency::NOK, MERCHANT_REFERENCE)
        .items(cart)
        .build()
        .expect("the cart is a valid order");
    SessionProfile::builder(PROFILE_ID, RETURN_URL, order)
        .callback_url(CALLBACK_URL)
        .build()
        .expect("the session is valid")
}

/// `dintero_order`: the library's way, serialized with `to_json` (the bytes of
/// `serde_json::to_vec`, asserted equal in `assert_identical`).
pub fn dintero_order(cart: &[CartLine]) -> Vec<u8> {
    session(cart).to_json()
}

// ---------------------------------------------------------------------------------------------
// The two cart shapes behind one interface, for the bench and the process-of-its-own runs.
// ---------------------------------------------------------------------------------------------

/// A cart shape: how to make a cart of `n` lines, and the three ways of turning it into bytes.
pub trait Shape {
    /// The name in criterion's group names (`session_<name>`, `parse_<name>`) and on the
    /// command line of `bench_alone`.
    const NAME: &'static str;
    /// The shop's cart.
    type Cart;
    /// The plain DTOs a hand-written integration maps the cart to.
    type Dto: Serialize + DeserializeOwned;
    fn cart(n: usize) -> Self::Cart;
    /// The hand-written mapping (the arithmetic included), without serializing.
    fn dto(cart: &Self::Cart) -> Self::Dto;
    /// `floor`: the bytes of prebuilt DTOs.
    fn floor(dto: &Self::Dto) -> Vec<u8> {
        serde_json::to_vec(dto).expect("DTOs serialize")
    }
    /// `handwritten`: map, compute, sum, serialize.
    fn handwritten(cart: &Self::Cart) -> Vec<u8>;
    /// `dintero_order`: derive, builder, `SessionProfile`, serialize.
    fn dintero_order(cart: &Self::Cart) -> Vec<u8>;
}

/// The cart the library was tuned on (issue 5).
pub struct BenchCart;

impl Shape for BenchCart {
    const NAME: &'static str = "bench";
    type Cart = Vec<CartLine>;
    type Dto = SessionDto;
    fn cart(n: usize) -> Vec<CartLine> {
        cart(n)
    }
    fn dto(cart: &Vec<CartLine>) -> SessionDto {
        handwritten_dto(cart)
    }
    fn handwritten(cart: &Vec<CartLine>) -> Vec<u8> {
        handwritten(cart)
    }
    fn dintero_order(cart: &Vec<CartLine>) -> Vec<u8> {
        dintero_order(cart)
    }
}

/// The realistic cart of issue 14.
pub struct ShopCartShape;

impl Shape for ShopCartShape {
    const NAME: &'static str = "shop";
    type Cart = shop::ShopCart;
    type Dto = shop::ShopSessionDto;
    fn cart(n: usize) -> shop::ShopCart {
        shop::shop_cart(n)
    }
    fn dto(cart: &shop::ShopCart) -> shop::ShopSessionDto {
        shop::shop_handwritten_dto(cart)
    }
    fn handwritten(cart: &shop::ShopCart) -> Vec<u8> {
        shop::shop_handwritten(cart)
    }
    fn dintero_order(cart: &shop::ShopCart) -> Vec<u8> {
        shop::shop_dintero_order(cart)
    }
}

/// Panics unless all three ways produce the same bytes for `cart`, and unless the three parses
/// read them back, showing where they part.
pub fn assert_identical<S: Shape>(cart: &S::Cart) {
    let floor = S::floor(&S::dto(cart));
    let ways = [
        ("handwritten", S::handwritten(cart)),
        ("dintero_order", S::dintero_order(cart)),
    ];
    for (name, bytes) in ways {
        if bytes != floor {
            let at = bytes
                .iter()
                .zip(&floor)
                .position(|(a, b)| a != b)
                .unwrap_or(bytes.len().min(floor.len()));
            let around = |b: &[u8]| {
                let start = at.saturating_sub(80);
                String::from_utf8_lossy(&b[start..(at + 80).min(b.len())]).into_owned()
            };
            panic!(
                "{name} differs from floor at byte {at} of the {} cart:\n  floor: …{}…\n  {name}: …{}…",
                S::NAME,
                around(&floor),
                around(&bytes),
            );
        }
    }
    // Parsing gives back the same thing both ways.
    let dto: S::Dto = serde_json::from_slice(&floor).expect("plain parse");
    assert_eq!(serde_json::to_vec(&dto).expect("DTOs serialize"), floor);
    let session: SessionProfile = serde_json::from_slice(&floor).expect("validated parse");
    assert_eq!(serde_json::to_vec(&session).expect("serializes"), floor);
    let session = SessionProfile::from_json(&floor).expect("from_json");
    assert_eq!(serde_json::to_vec(&session).expect("serializes"), floor);
}
