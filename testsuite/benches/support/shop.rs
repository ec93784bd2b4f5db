//! The second cart shape (issue 14): what a real shop sends, not what the library was tuned on.
//!
//! Every line has a thumbnail URL (`https://cdn.shop.example/img/<sku>/thumb-320.webp`), a line
//! id the shop made (`ol-<uuid-like>`, `#[checkout(line_id)]`, not numbered by the library), a
//! long UTF-8 description (Norwegian and Sámi text, æøå, «», –, č, ŋ, ŧ: 80 to 160 bytes), one
//! of five VAT rates (25, 15, 12, 0, 25.5, a run-time field) and the order has a shipping
//! option. The same three ways as the bench cart, asserted to give identical bytes.

use dintero_order::{
    CheckoutItem, Currency, DeliveryMethod, Order, SessionProfile, Shipping, UnitPrice, VatRate,
};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::{
    CALLBACK_URL, MERCHANT_REFERENCE, Number, PROFILE_ID, RETURN_URL, UrlDto, round_half_away,
};

// ---------------------------------------------------------------------------------------------
// The shop's own types.
// ---------------------------------------------------------------------------------------------

/// One line of the shop's basket, as its database hands it over.
#[derive(Debug, Clone, CheckoutItem)]
#[checkout(kind = "physical")]
pub struct ShopLine {
    #[checkout(id)]
    pub sku: String,
    /// The shop's own order-line id, kept so captures and refunds can name it.
    #[checkout(line_id)]
    pub line_id: String,
    #[checkout(description)]
    pub description: String,
    #[checkout(unit_price)]
    pub price: Decimal,
    #[checkout(quantity)]
    pub quantity: u32,
    #[checkout(vat)]
    pub vat_percent: Decimal,
    #[checkout(thumbnail_url)]
    pub thumbnail_url: String,
    /// Not mapped.
    pub stock: u32,
}

/// The shipping the customer chose, as the shop stores it.
#[derive(Debug, Clone)]
pub struct ShopShipping {
    pub id: String,
    pub line_id: String,
    pub title: String,
    pub operator: String,
    pub description: String,
    pub price: Decimal,
    pub vat_percent: Decimal,
}

/// A basket: its lines and the chosen shipping.
#[derive(Debug, Clone)]
pub struct ShopCart {
    pub lines: Vec<ShopLine>,
    pub shipping: ShopShipping,
}

const DESCRIPTIONS: [&str; 8] = [
    "Strikket ullgenser «Luhkka» i lammeull fra Kautokeino – håndlaget, mørkeblå med rødt og gult mønster, str. M",
    "Sámi duodji: Bealljegávttit mánáide, sisteskinn ja ullu, 34–35 (Guovdageaidnu)",
    "Kaffebønner, lysbrent «Fjellbrygg» fra Ålesund – 1 kg, økologisk og rettferdig handel",
    "Bok: «Čáppa ja čáhppes» – dikt på nordsamisk med norsk gjendiktning, innbundet, 212 sider; forfatteren signerer på Sámi Grand Prix i Guovdageaidnu",
    "Ferge Bodø–Moskenes, personbil under 6 m og fører, enkeltreise (Lofoten, sommerrute)",
    "Tursekk 42 l med regntrekk, ryggsystem «Fjellrev» – grønn/grå, vekt 1,3 kg, garanti 5 år; passer til turer på Finnmarksvidda og i Børgefjell",
    "Øredobber i sølv, \"Ŋuvvosat\" – inspirert av samisk tinntrådbroderi, lengde 45 mm",
    "Vinterdekk 17\" piggfrie, sett på fire – montering og balansering i Tromsø inkludert",
];

const PRICES: [&str; 7] = [
    "449.00", "1299.50", "89.90", "349.00", "612.40", "19.95", "799.00",
];

/// The five VAT rates of a Norwegian/Nordic shop, 25.5 % being Finland's since 2024.
const VAT_RATES: [&str; 5] = ["25", "15", "12", "0", "25.5"];

/// A deterministic uuid-like id from `i` (splitmix64), as a shop's database would hand out.
fn uuid_like(i: usize) -> String {
    let mut z = (i as u64).wrapping_add(0x9e37_79b9_7f4a_7c15);
    let mut next = || {
        z = z.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut x = z;
        x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        x ^ (x >> 31)
    };
    let (a, b) = (next(), next());
    format!(
        "ol-{:08x}-{:04x}-4{:03x}-{:04x}-{:012x}",
        a >> 32,
        (a >> 16) & 0xffff,
        a & 0xfff,
        (b >> 48) & 0x3fff | 0x8000,
        b & 0xffff_ffff_ffff
    )
}

/// Line `i` of every shop cart.
pub fn shop_line(i: usize) -> ShopLine {
    let dec = |s: &str| s.parse::<Decimal>().expect("literal decimal");
    let sku = format!("NO{:02}-{:06}", (i * 7) % 97, i * 13 + 1000);
    ShopLine {
        thumbnail_url: format!("https://cdn.shop.example/img/{sku}/thumb-320.webp"),
        sku,
        line_id: uuid_like(i),
        description: DESCRIPTIONS[i % DESCRIPTIONS.len()].to_owned(),
        price: dec(PRICES[i % PRICES.len()]),
        quantity: (i % 3) as u32 + 1,
        vat_percent: dec(VAT_RATES[i % VAT_RATES.len()]),
        stock: 40,
    }
}

/// A shop cart of `n` lines and a shipping option. About 1 000 NOK per line on average, so
/// 10 000 lines stay inside Dintero's int32 amount (about 21 M NOK).
pub fn shop_cart(n: usize) -> ShopCart {
    ShopCart {
        lines: (0..n).map(shop_line).collect(),
        shipping: ShopShipping {
            id: "bring-home-delivery".to_owned(),
            line_id: "ol-shipping-0001".to_owned(),
            title: "Hjemlevering på døra".to_owned(),
            operator: "Bring".to_owned(),
            description: "Levert hjem til deg i løpet av 1–3 virkedager, varsling på SMS"
                .to_owned(),
            price: "129.00".parse().expect("literal decimal"),
            vat_percent: Decimal::from(25),
        },
    }
}

// ---------------------------------------------------------------------------------------------
// Plain DTOs: Dintero's fields in the order the library emits them.
// ---------------------------------------------------------------------------------------------

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ShopSessionDto {
    pub profile_id: String,
    pub url: UrlDto,
    pub order: ShopOrderDto,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ShopOrderDto {
    pub amount: i64,
    pub currency: String,
    pub merchant_reference: String,
    pub vat_amount: i64,
    pub items: Vec<ShopItemDto>,
    pub shipping_option: ShippingDto,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ShopItemDto {
    pub id: String,
    pub line_id: String,
    pub description: String,
    pub quantity: Number,
    pub amount: i64,
    pub vat_amount: i64,
    pub vat: Number,
    #[serde(rename = "type")]
    pub kind: String,
    pub thumbnail_url: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ShippingDto {
    pub id: String,
    pub line_id: String,
    pub amount: i64,
    pub vat_amount: i64,
    pub vat: Number,
    pub operator: String,
    pub title: String,
    pub description: String,
    pub delivery_method: String,
}

/// Gross amount and the VAT in it, as a careful integration computes them with `rust_decimal`.
fn amounts(price: Decimal, quantity: Decimal, vat: Decimal) -> (i64, i64) {
    let hundred = Decimal::ONE_HUNDRED;
    let amount = round_half_away(price * quantity * hundred);
    let net = round_half_away(Decimal::from(amount) * hundred / (hundred + vat));
    (amount, amount - net)
}

/// A hand-written integration's mapping of one line: strings cloned into the DTO.
pub fn shop_item_dto(line: &ShopLine) -> ShopItemDto {
    let quantity = Decimal::from(line.quantity);
    let (amount, vat_amount) = amounts(line.price, quantity, line.vat_percent);
    ShopItemDto {
        id: line.sku.clone(),
        line_id: line.line_id.clone(),
        description: line.description.clone(),
        quantity: Number::from_decimal(quantity),
        amount,
        vat_amount,
        vat: Number::from_decimal(line.vat_percent),
        kind: "physical".to_owned(),
        thumbnail_url: line.thumbnail_url.clone(),
    }
}

/// The shipping option mapped by hand.
pub fn shipping_dto(s: &ShopShipping) -> ShippingDto {
    let (amount, vat_amount) = amounts(s.price, Decimal::ONE, s.vat_percent);
    ShippingDto {
        id: s.id.clone(),
        line_id: s.line_id.clone(),
        amount,
        vat_amount,
        vat: Number::from_decimal(s.vat_percent),
        operator: s.operator.clone(),
        title: s.title.clone(),
        description: s.description.clone(),
        delivery_method: "delivery".to_owned(),
    }
}

/// A hand-written integration's mapping of a whole basket, totals summed (shipping included).
pub fn shop_handwritten_dto(cart: &ShopCart) -> ShopSessionDto {
    let items: Vec<ShopItemDto> = cart.lines.iter().map(shop_item_dto).collect();
    let shipping_option = shipping_dto(&cart.shipping);
    let amount = items.iter().map(|i| i.amount).sum::<i64>() + shipping_option.amount;
    let vat_amount = items.iter().map(|i| i.vat_amount).sum::<i64>() + shipping_option.vat_amount;
    ShopSessionDto {
        profile_id: PROFILE_ID.to_owned(),
        url: UrlDto {
            return_url: RETURN_URL.to_owned(),
            callback_url: Some(CALLBACK_URL.to_owned()),
        },
        order: ShopOrderDto {
            amount,
            currency: "NOK".to_owned(),
            merchant_reference: MERCHANT_REFERENCE.to_owned(),
            vat_amount,
            items,
            shipping_option,
        },
    }
}

/// `floor`: the bytes of prebuilt DTOs.
pub fn shop_floor(dto: &ShopSessionDto) -> Vec<u8> {
    serde_json::to_vec(dto).expect("DTOs serialize")
}

/// `handwritten`: map, compute, sum, serialize.
pub fn shop_handwritten(cart: &ShopCart) -> Vec<u8> {
    serde_json::to_vec(&shop_handwritten_dto(cart)).expect("DTOs serialize")
}

/// The library's way: `.items(&lines)`, `.shipping(..)`, `build`, `SessionProfile`.
pub fn shop_session(cart: &ShopCart) -> SessionProfile {
    let s = &cart.shipping;
    let vat = VatRate::from_percent(s.vat_percent).expect("a valid VAT rate");
    let shipping = Shipping::new(&*s.id, &*s.title, UnitPrice::major(s.price), vat)
        .line_id(&*s.line_id)
        .operator(&*s.operator)
        .description(&*s.description)
        .delivery_method(DeliveryMethod::Delivery);
    let order = Order::builder(Currency::NOK, MERCHANT_REFERENCE)
        .items(&cart.lines)
        .shipping(shipping)
        .build()
        .expect("the basket is a valid order");
    SessionProfile::builder(PROFILE_ID, RETURN_URL, order)
        .callback_url(CALLBACK_URL)
        .build()
        .expect("the session is valid")
}

/// `dintero_order`: the library's way, serialized with `to_json` (the bytes of
/// `serde_json::to_vec`, asserted equal in `assert_identical`).
pub fn shop_dintero_order(cart: &ShopCart) -> Vec<u8> {
    shop_session(cart).to_json()
}
