//! Roles given by methods (`#[checkout(id = Self::sku)]`): a product with a nested variant, a
//! computed description, every role from a method, borrowed text kept borrowed. Expected
//! amounts are worked out by hand in comments from DESIGN's arithmetic.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::borrow::Cow;

use dintero_order::{CheckoutItem, Currency, Money, Order, Quantity, VatRate};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

fn order_json(items: &[&dyn CheckoutItem]) -> String {
    let mut builder = Order::builder(Currency::NOK, "order-1");
    for item in items {
        builder = builder.item(*item);
    }
    String::from_utf8(builder.build().unwrap().to_json()).unwrap()
}

/// What a shop has: a product, and a variant of it holding its own SKU, size and price.
struct Variant {
    sku: String,
    size: &'static str,
    price: Money,
}

struct Product {
    name: String,
}

/// A cart line: which product, which variant, how many.
#[derive(CheckoutItem)]
#[checkout(vat = 25, id = Self::sku, description = Self::title, unit_price = Self::price)]
struct CartLine<'a> {
    product: &'a Product,
    variant: &'a Variant,
    #[checkout(quantity)]
    count: u32,
}

impl<'a> CartLine<'a> {
    /// Borrowed from the variant, not copied.
    fn sku(&self) -> &'a str {
        &self.variant.sku
    }

    /// Made from two values, so owned.
    fn title(&self) -> String {
        format!("{} ({})", self.product.name, self.variant.size)
    }

    fn price(&self) -> Money {
        self.variant.price
    }
}

#[test]
fn a_product_with_a_nested_variant_and_a_computed_description() {
    let shirt = Product {
        name: "T-shirt".into(),
    };
    let large = Variant {
        sku: "tee-l".into(),
        size: "L",
        price: Money::from_minor(19900, Currency::NOK),
    };
    let line = CartLine {
        product: &shirt,
        variant: &large,
        count: 2,
    };
    // 2 × 199.00 = 398.00; VAT 39800 - round(39800 * 100 / 125) = 39800 - 31840 = 7960.
    assert_eq!(
        order_json(&[&line]),
        r#"{"amount":39800,"currency":"NOK","merchant_reference":"order-1","vat_amount":7960,"items":[{"id":"tee-l","line_id":"1","description":"T-shirt (L)","quantity":2,"amount":39800,"vat_amount":7960,"vat":25}]}"#
    );
}

/// Text borrowed by methods, with the item's lifetime or the method's own (`__private`'s unit
/// tests check that such text stays `Cow::Borrowed`).
#[derive(CheckoutItem)]
#[checkout(vat = 25, id = Self::sku, description = Self::name, thumbnail_url = Self::image)]
struct Borrowing<'a> {
    variant: &'a Variant,
    product: &'a Product,
    #[checkout(unit_price)]
    price: Money,
}

impl<'a> Borrowing<'a> {
    fn sku(&self) -> &'a String {
        &self.variant.sku
    }
    fn name(&self) -> &str {
        &self.product.name
    }
    fn image(&self) -> Option<&'static str> {
        Some("https://shop.example/tee.jpg")
    }
}

#[test]
fn borrowed_returns_make_a_line() {
    let shirt = Product {
        name: "T-shirt".into(),
    };
    let small = Variant {
        sku: "tee-s".into(),
        size: "S",
        price: Money::from_minor(17900, Currency::NOK),
    };
    let item = Borrowing {
        variant: &small,
        product: &shirt,
        price: small.price,
    };
    assert_eq!(
        order_json(&[&item]),
        r#"{"amount":17900,"currency":"NOK","merchant_reference":"order-1","vat_amount":3580,"items":[{"id":"tee-s","line_id":"1","description":"T-shirt","quantity":1,"amount":17900,"vat_amount":3580,"vat":25,"thumbnail_url":"https://shop.example/tee.jpg"}]}"#
    );
    assert_eq!(small.size, "S");
}

/// Every role from a method, the price net and in minor units.
#[derive(CheckoutItem)]
#[checkout(
    id = Self::id,
    description = Self::description,
    unit_price = Self::net_price_in_ore,
    net,
    minor_units,
    vat = Self::rate,
    quantity = Self::kilos,
    line_id = Self::line,
    unit_weight = Self::weight,
    unit_volume = Self::volume,
    unit_dimensional_weight = Self::dimensional,
    thumbnail_url = Self::thumbnail,
    eligible_for_discount = Self::discountable,
    kind = "physical"
)]
struct Cheese {
    code: u64,
    data: CheeseData,
}

struct CheeseData {
    label: Cow<'static, str>,
    ore_per_kilo: i64,
    kilos: Decimal,
    rate: Decimal,
    image: Option<String>,
}

impl Cheese {
    fn id(&self) -> u64 {
        self.code
    }
    fn description(&self) -> &Cow<'static, str> {
        &self.data.label
    }
    fn net_price_in_ore(&self) -> i64 {
        self.data.ore_per_kilo
    }
    fn rate(&self) -> VatRate {
        VatRate::from_percent(self.data.rate).unwrap()
    }
    fn kilos(&self) -> Quantity {
        Quantity::new(self.data.kilos).unwrap()
    }
    fn line(&self) -> Option<String> {
        Some(format!("cheese-{}", self.code))
    }
    fn weight(&self) -> Decimal {
        self.data.kilos
    }
    fn volume(&self) -> Option<Decimal> {
        None
    }
    fn dimensional(&self) -> Option<u32> {
        Some(2)
    }
    fn thumbnail(&self) -> Option<&str> {
        self.data.image.as_deref()
    }
    fn discountable(&self) -> bool {
        true
    }
}

#[test]
fn every_role_from_a_method() {
    let cheese = Cheese {
        code: 42,
        data: CheeseData {
            label: Cow::Borrowed("Jarlsberg"),
            ore_per_kilo: 12000,
            kilos: dec!(0.437),
            rate: dec!(15),
            image: Some("https://shop.example/jarlsberg.jpg".into()),
        },
    };
    // Net 120.00 NOK/kg × 0.437 kg = 52.44 → 5244; VAT round(5244 × 15 / 100) = round(786.6)
    // = 787; amount 5244 + 787 = 6031.
    assert_eq!(
        order_json(&[&cheese]),
        r#"{"amount":6031,"currency":"NOK","merchant_reference":"order-1","vat_amount":787,"items":[{"id":"42","line_id":"cheese-42","description":"Jarlsberg","quantity":0.437,"amount":6031,"vat_amount":787,"vat":15,"type":"physical","unit_weight":0.437,"unit_dimensional_weight":2,"thumbnail_url":"https://shop.example/jarlsberg.jpg","eligible_for_discount":true}]}"#
    );
}

/// A generic type whose description comes from a method of the type parameter's bound.
trait Named {
    fn name(&self) -> &str;
}

struct Book;

impl Named for Book {
    fn name(&self) -> &str {
        "Rust in Action"
    }
}

#[derive(CheckoutItem)]
#[checkout(vat = 0, description = Self::name)]
struct Listing<T: Named> {
    #[checkout(id)]
    isbn: &'static str,
    #[checkout(unit_price)]
    price: Decimal,
    item: T,
}

impl<T: Named> Listing<T> {
    fn name(&self) -> &str {
        self.item.name()
    }
}

#[test]
fn a_generic_type_reads_its_description_through_a_method() {
    let listing = Listing {
        isbn: "978-1617294556",
        price: dec!(399),
        item: Book,
    };
    assert_eq!(
        order_json(&[&listing]),
        r#"{"amount":39900,"currency":"NOK","merchant_reference":"order-1","vat_amount":0,"items":[{"id":"978-1617294556","line_id":"1","description":"Rust in Action","quantity":1,"amount":39900,"vat_amount":0,"vat":0}]}"#
    );
}
