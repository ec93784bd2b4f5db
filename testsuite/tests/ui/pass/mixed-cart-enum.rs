// A cart of mixed kinds: an enum whose variants each hold one derived item, tuple and struct
// variants alike, generic and borrowing enums, and `crate = "..."` through a re-export.
use dintero_order::{CheckoutItem, Currency, Order};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

mod shop {
    pub use dintero_order as checkout;
}

#[derive(CheckoutItem)]
#[checkout(vat = 25)]
struct Product {
    #[checkout(id)]
    sku: String,
    #[checkout(description)]
    name: String,
    #[checkout(unit_price)]
    price: Decimal,
}

#[derive(CheckoutItem)]
#[checkout(vat = 0, kind = "gift_card")]
struct GiftCard {
    #[checkout(id)]
    code: &'static str,
    #[checkout(description)]
    label: &'static str,
    #[checkout(unit_price, minor_units)]
    value: u32,
}

#[derive(CheckoutItem)]
#[checkout(vat = 25, kind = "service")]
struct Service {
    #[checkout(id)]
    sku: &'static str,
    #[checkout(description)]
    name: &'static str,
    #[checkout(unit_price, net)]
    price: Decimal,
}

#[derive(CheckoutItem)]
enum CartLine {
    Product(Product),
    GiftCard(GiftCard),
    Service { service: Service },
}

#[derive(CheckoutItem)]
#[checkout(crate = "crate::shop::checkout")]
enum Either<'a, A, B>
where
    A: Clone,
{
    Left(&'a A),
    Right(Box<B>),
}

#[derive(Clone, CheckoutItem)]
#[checkout(vat = 25)]
struct Lamp {
    #[checkout(id)]
    sku: &'static str,
    #[checkout(description)]
    name: &'static str,
    #[checkout(unit_price)]
    price: Decimal,
}

fn main() {
    let cart = vec![
        CartLine::Product(Product {
            sku: "chair-1".into(),
            name: "Stablestol".into(),
            price: dec!(299.90),
        }),
        CartLine::GiftCard(GiftCard {
            code: "gift-500",
            label: "Gavekort 500",
            value: 50000,
        }),
        CartLine::Service {
            service: Service {
                sku: "assembly",
                name: "Montering",
                price: dec!(400),
            },
        },
    ];
    let lamp = Lamp {
        sku: "lamp",
        name: "Lampe",
        price: dec!(100),
    };
    let more: [Either<'_, Lamp, GiftCard>; 2] = [
        Either::Left(&lamp),
        Either::Right(Box::new(GiftCard {
            code: "gift-100",
            label: "Gavekort 100",
            value: 10000,
        })),
    ];
    let order = Order::builder(Currency::NOK, "order-1")
        .items(&cart)
        .items(&more)
        .build()
        .unwrap();
    // 29990 + 50000 + (40000 net + 10000 VAT) + 10000 + 10000 = 149990
    assert_eq!(order.amount().minor_units(), 149990);
    // 29990 - round(29990 * 100 / 125) = 5998; + 0 + 10000 + (10000 - 8000) + 0 = 17998
    assert_eq!(order.vat_amount().minor_units(), 17998);
}
