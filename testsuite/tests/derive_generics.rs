//! `#[derive(CheckoutItem)]` on generic and borrowing structs: generics and where-clauses are
//! carried into the impl, each type parameter is bound only by what its role needs, and
//! borrowed strings stay borrowed.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::borrow::Cow;

use dintero_order::__private::AsText;
use dintero_order::{CheckoutItem, Currency, Line, Money, Order, UnitPrice, VatRate};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

fn vat25() -> VatRate {
    VatRate::from_whole_percent(25).unwrap()
}

#[derive(CheckoutItem)]
#[checkout(vat = 25)]
struct Item<P> {
    #[checkout(id)]
    sku: String,
    #[checkout(description)]
    name: String,
    #[checkout(unit_price)]
    price: P,
}

#[test]
fn generic_price_accepts_every_price_type() {
    let decimal = Item {
        sku: "a".into(),
        name: "A".into(),
        price: dec!(299.90),
    };
    let money = Item {
        sku: "b".into(),
        name: "B".into(),
        price: Money::from_minor(29990, Currency::NOK),
    };
    let unit = Item {
        sku: "c".into(),
        name: "C".into(),
        price: UnitPrice::minor(29990),
    };
    // each line: 29990 gross at 25 % -> vat 5998
    let order = Order::builder(Currency::NOK, "ref")
        .item(&decimal)
        .item(&money)
        .item(&unit)
        .build()
        .unwrap();
    assert_eq!(order.amount().minor_units(), 3 * 29990);
    assert_eq!(order.vat_amount().minor_units(), 3 * 5998);
}

/// A shop's own price abstraction; the derive must keep its bounds and where-clause.
trait Priced {
    fn gross(&self) -> Decimal;
}

#[derive(Clone, Copy)]
struct Kroner(u32);

impl Priced for Kroner {
    fn gross(&self) -> Decimal {
        Decimal::from(self.0)
    }
}

#[derive(CheckoutItem)]
#[checkout(vat = 25)]
struct Bounded<'a, P: Priced + Copy, const N: usize>
where
    P: Clone,
{
    #[checkout(id)]
    sku: &'a str,
    #[checkout(description)]
    name: &'a str,
    #[checkout(unit_price)]
    price: Decimal,
    #[checkout(quantity)]
    count: u32,
    #[allow(dead_code)]
    source: [P; N],
}

#[test]
fn bounds_where_clauses_and_const_generics_are_kept() {
    let b = Bounded {
        sku: "k",
        name: "K",
        price: Kroner(40).gross(),
        count: 2,
        source: [Kroner(40); 2],
    };
    assert_eq!(
        b.line(),
        Line::new("k", "K", UnitPrice::major(dec!(40)), vat25()).quantity(dec!(2))
    );
}

#[derive(CheckoutItem)]
#[checkout(vat = 25)]
struct Borrowed<'a> {
    #[checkout(id)]
    sku: &'a str,
    #[checkout(description)]
    name: Cow<'a, str>,
    #[checkout(unit_price)]
    price: &'a Decimal,
    #[checkout(thumbnail_url)]
    image: Option<&'a str>,
}

#[test]
fn borrowing_struct() {
    let price = dec!(100);
    let name = String::from("Chair");
    let row = Borrowed {
        sku: "chair",
        name: Cow::Borrowed(&name),
        price: &price,
        image: None,
    };
    assert_eq!(
        row.line(),
        Line::new("chair", "Chair", UnitPrice::major(dec!(100)), vat25())
    );
    let order = Order::builder(Currency::NOK, "ref")
        .item(&row)
        .build()
        .unwrap();
    assert_eq!(order.amount().minor_units(), 10000);
}

#[test]
fn text_roles_borrow_instead_of_cloning() {
    // What the derive calls for `id`/`description`/`line_id`/`thumbnail_url`: a borrowed Cow
    // pointing into the field, for owned and borrowed string types alike.
    let owned = String::from("chair");
    let borrowed: &str = "chair";
    let cow: Cow<'_, str> = Cow::Owned("chair".into());
    for (text, source) in [
        (owned.as_text(), owned.as_ptr()),
        (borrowed.as_text(), borrowed.as_ptr()),
        (cow.as_text(), cow.as_ptr()),
    ] {
        match text {
            Cow::Borrowed(s) => assert_eq!(s.as_ptr(), source),
            Cow::Owned(_) => panic!("cloned"),
        }
    }
}

#[derive(CheckoutItem)]
struct GenericVat<V, Q> {
    #[checkout(id)]
    sku: String,
    #[checkout(description)]
    name: String,
    #[checkout(unit_price)]
    price: Decimal,
    #[checkout(vat)]
    vat: V,
    #[checkout(quantity)]
    quantity: Q,
}

#[test]
fn generic_vat_and_quantity_are_bound_by_role() {
    let a = GenericVat {
        sku: "a".into(),
        name: "A".into(),
        price: dec!(10),
        vat: dec!(25),
        quantity: 3_u8,
    };
    let b = GenericVat {
        sku: "b".into(),
        name: "B".into(),
        price: dec!(10),
        vat: vat25(),
        quantity: dec!(1.5),
    };
    // a: 3 * 10 = 3000; 3000 * 100 / 125 = 2400; vat 600
    // b: 1.5 * 10 = 1500; 1500 * 100 / 125 = 1200; vat 300
    let order = Order::builder(Currency::NOK, "ref")
        .item(&a)
        .item(&b)
        .build()
        .unwrap();
    assert_eq!(order.amount().minor_units(), 4500);
    assert_eq!(order.vat_amount().minor_units(), 900);
}
