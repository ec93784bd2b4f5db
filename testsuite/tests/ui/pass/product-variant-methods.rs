//! A cart line holding a product and its variant: the SKU and price come from the variant, the
//! description is made of the product's name and the variant's size.
use dintero_order::{CheckoutItem, Currency, Money, Order};

struct Product {
    name: String,
}

struct Variant {
    sku: String,
    size: String,
    price: Money,
}

#[derive(CheckoutItem)]
#[checkout(vat = 25, id = Self::sku, description = Self::title, unit_price = Self::price)]
struct CartLine<'a> {
    product: &'a Product,
    variant: &'a Variant,
    #[checkout(quantity)]
    quantity: u32,
}

impl<'a> CartLine<'a> {
    fn sku(&self) -> &'a str {
        &self.variant.sku
    }

    fn title(&self) -> String {
        format!("{} ({})", self.product.name, self.variant.size)
    }

    fn price(&self) -> Money {
        self.variant.price
    }
}

fn main() {
    let product = Product { name: "T-shirt".into() };
    let variant = Variant {
        sku: "tee-l".into(),
        size: "L".into(),
        price: Money::from_minor(19900, Currency::NOK),
    };
    let line = CartLine { product: &product, variant: &variant, quantity: 2 };
    let order = Order::builder(Currency::NOK, "o-1").item(&line).build().unwrap();
    assert_eq!(order.amount().minor_units(), 39800);
}
