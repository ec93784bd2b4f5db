//! What a capture and a refund share: the lines asked for, checked against what is left, and
//! each line's part computed cumulatively (DESIGN "Partial operations").

use rust_decimal::Decimal;

use super::arithmetic::proportion;
use super::shared_api::{Draft, OperationBody};
use super::transaction::{Taken, Transaction, TransactionItem};
use crate::error::{Error, Rule, Violation, Violations};
use crate::money::decimal::fits_json_number;
use crate::order::item::DiscountLine;

/// One line of a capture or refund body.
///
/// ```
/// use dintero_order_core::Transaction;
///
/// let tx = Transaction::from_json(br#"{"id":"T","items":[{"line_id":"1","id":"sku","description":"Chair","quantity":2,"amount":1000,"vat":25,"vat_amount":200}]}"#)?;
/// let capture = tx.capture().line("1", 1).build()?;
/// let item = &capture.items()[0];
/// assert_eq!((item.line_id(), item.amount(), item.vat_amount()), ("1", 500, 100));
/// # Ok::<(), dintero_order_core::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct OperationItem {
    pub(crate) id: Option<String>,
    pub(crate) line_id: String,
    pub(crate) description: Option<String>,
    pub(crate) quantity: Decimal,
    pub(crate) amount: i64,
    pub(crate) vat_amount: i64,
    pub(crate) vat: Option<Decimal>,
    pub(crate) discount_lines: Vec<DiscountLine>,
}

impl OperationItem {
    /// The transaction line's `line_id`.
    ///
    /// ```
    /// # use dintero_order_core::Transaction;
    /// # let tx = Transaction::from_json(br#"{"id":"T","items":[{"line_id":"1","amount":1000}]}"#)?;
    /// assert_eq!(tx.capture().all().build()?.items()[0].line_id(), "1");
    /// # Ok::<(), dintero_order_core::Error>(())
    /// ```
    pub fn line_id(&self) -> &str {
        &self.line_id
    }

    /// The quantity this operation takes of the line.
    ///
    /// ```
    /// # use dintero_order_core::Transaction;
    /// # use rust_decimal::Decimal;
    /// # let tx = Transaction::from_json(br#"{"id":"T","items":[{"line_id":"1","quantity":3,"amount":900}]}"#)?;
    /// assert_eq!(tx.capture().line("1", 2).build()?.items()[0].quantity(), Decimal::TWO);
    /// # Ok::<(), dintero_order_core::Error>(())
    /// ```
    pub fn quantity(&self) -> Decimal {
        self.quantity
    }

    /// `cum_amount(after) − cum_amount(before)`.
    ///
    /// ```
    /// # use dintero_order_core::Transaction;
    /// # let tx = Transaction::from_json(br#"{"id":"T","items":[{"line_id":"1","quantity":3,"amount":1000}]}"#)?;
    /// assert_eq!(tx.capture().line("1", 1).build()?.items()[0].amount(), 333);
    /// # Ok::<(), dintero_order_core::Error>(())
    /// ```
    pub fn amount(&self) -> i64 {
        self.amount
    }

    /// `cum_vat(after) − cum_vat(before)`.
    ///
    /// ```
    /// # use dintero_order_core::Transaction;
    /// # let tx = Transaction::from_json(br#"{"id":"T","items":[{"line_id":"1","quantity":2,"amount":1000,"vat":25,"vat_amount":200}]}"#)?;
    /// assert_eq!(tx.capture().line("1", 1).build()?.items()[0].vat_amount(), 100);
    /// # Ok::<(), dintero_order_core::Error>(())
    /// ```
    pub fn vat_amount(&self) -> i64 {
        self.vat_amount
    }

    /// The line's discounts, each its part for this operation: `round(D × q / Q)` taken
    /// cumulatively like the amount, so the parts of a discount add up to it. A discount
    /// whose part is zero is left out.
    ///
    /// ```
    /// # use dintero_order_core::Transaction;
    /// let tx = Transaction::from_json(br#"{"id":"T","items":[{"line_id":"1","quantity":3,"amount":900,
    ///     "discount_lines":[{"amount":100,"discount_id":"SUMMER"}]}]}"#)?;
    /// let capture = tx.capture().line("1", 1).build()?;
    /// assert_eq!(capture.items()[0].discount_lines()[0].amount(), 33);
    /// # Ok::<(), dintero_order_core::Error>(())
    /// ```
    pub fn discount_lines(&self) -> &[DiscountLine] {
        &self.discount_lines
    }
}

/// Which operation: what it takes from, and its name in messages.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Kind {
    Capture,
    Refund,
}

impl Kind {
    /// The quantity, amount and VAT the operation may reach on a line (the ceiling of its
    /// cumulative total) and what it has already taken.
    fn bounds(self, item: &TransactionItem) -> (Taken, Taken) {
        let whole = item.whole();
        match self {
            Kind::Capture => (
                Taken {
                    quantity: whole.quantity,
                    amount: whole.amount,
                    vat_amount: whole.vat_amount,
                },
                item.captured,
            ),
            Kind::Refund => (item.captured, item.refunded),
        }
    }

    /// Whether the transaction's status allows the operation, and what would.
    fn allowed(self, tx: &Transaction) -> Result<(), &'static str> {
        match self {
            Kind::Capture if !tx.status.allows_capture() => Err(
                "a transaction that can be captured: AUTHORIZED, PARTIALLY_CAPTURED or PARTIALLY_CAPTURED_REFUNDED",
            ),
            Kind::Refund if !tx.status.allows_refund() => Err(
                "a transaction with something captured to refund: CAPTURED, PARTIALLY_CAPTURED, PARTIALLY_CAPTURED_REFUNDED or PARTIALLY_REFUNDED",
            ),
            _ => Ok(()),
        }
    }

    fn verb(self) -> &'static str {
        match self {
            Kind::Capture => "capture",
            Kind::Refund => "refund",
        }
    }

    fn left_phrase(self) -> &'static str {
        match self {
            Kind::Capture => "at most what is left to capture",
            Kind::Refund => "at most what was captured and not yet refunded",
        }
    }
}

/// The body of the operation `draft` asks for, or every problem at once.
pub(crate) fn plan(draft: Draft<'_>, kind: Kind) -> Result<OperationBody, Error> {
    let tx = draft.tx;
    let mut violations = Violations::new();
    if let Err(expected) = kind.allowed(tx) {
        violations.push(Violation::new(
            Rule::TransactionStatus,
            "status",
            expected,
            tx.status.as_str(),
        ));
    }
    // Per line of the transaction: the quantity asked for and where it was asked (`items[i]`).
    let mut wanted: Vec<Option<(usize, Decimal)>> = vec![None; tx.items.len()];
    for (index, (line_id, quantity)) in draft.lines.iter().enumerate() {
        let path = format!("items[{index}]");
        let Some(at) = tx.items.iter().position(|item| &item.line_id == line_id) else {
            violations.push(Violation::new(
                Rule::UnknownLine,
                format!("{path}.line_id"),
                "the line_id of a line of the transaction",
                format!("{line_id:?}"),
            ));
            continue;
        };
        if *quantity <= Decimal::ZERO || !fits_json_number(*quantity) {
            violations.push(Violation::new(
                Rule::Quantity,
                format!("{path}.quantity"),
                "a quantity above 0 with at most 15 significant digits",
                quantity.to_string(),
            ));
            continue;
        }
        match wanted.get_mut(at) {
            Some(Some(_)) => violations.push(Violation::new(
                Rule::DuplicateLineId,
                format!("{path}.line_id"),
                "each line once",
                format!("{line_id:?} again"),
            )),
            Some(slot) => *slot = Some((index, *quantity)),
            None => {}
        }
    }
    let mut items = Vec::new();
    let mut total: i64 = 0;
    for (at, (item, asked)) in tx.items.iter().zip(wanted).enumerate() {
        let (ceiling, before) = kind.bounds(item);
        let left = ceiling.quantity - before.quantity;
        let (index, quantity) = match asked {
            Some(asked) => asked,
            None if draft.all && left > Decimal::ZERO => (at, left),
            None => continue,
        };
        if quantity > left {
            violations.push(Violation::new(
                Rule::Remaining,
                format!("items[{index}].quantity"),
                format!("{} ({left} of line {:?})", kind.left_phrase(), item.line_id),
                quantity.to_string(),
            ));
            continue;
        }
        if let Some(problem) = unwritable(item, quantity, index) {
            violations.push(problem);
            continue;
        }
        match part(item, ceiling, before, before.quantity + quantity) {
            // A part never has the other sign than its line (a gift card line is negative).
            Some((amount, vat_amount)) if amount.signum() * item.amount.signum() >= 0 => {
                total = total.saturating_add(amount);
                items.push(OperationItem {
                    id: item.id.clone(),
                    line_id: item.line_id.clone(),
                    description: item.description.clone(),
                    quantity,
                    amount,
                    vat_amount,
                    vat: item.vat,
                    discount_lines: discount_parts(
                        item,
                        before.quantity,
                        before.quantity + quantity,
                    ),
                });
            }
            _ => violations.push(Violation::new(
                Rule::Overflow,
                format!("items[{index}].amount"),
                "an amount the cumulative arithmetic can compute",
                format!("line {:?}", item.line_id),
            )),
        }
    }
    if items.is_empty() && violations.is_empty() {
        violations.push(Violation::new(
            Rule::Remaining,
            "items",
            format!("at least one line with something to {}", kind.verb()),
            "nothing",
        ));
    }
    draft.metadata.check(&mut violations);
    if i32::try_from(total).is_err() {
        violations.push(Violation::new(
            Rule::Int32Range,
            "amount",
            "an int32 amount",
            total.to_string(),
        ));
    }
    violations.finish(OperationBody {
        amount: total,
        reference: draft.reference,
        metadata: draft.metadata,
        items,
    })
}

/// `cum(after) − cum(before)` for one line: the cumulative total reaches the ceiling exactly
/// when the quantity does; what was taken before is what the events recorded.
fn part(
    item: &TransactionItem,
    ceiling: Taken,
    before: Taken,
    after: Decimal,
) -> Option<(i64, i64)> {
    let (amount, vat) = if after == ceiling.quantity {
        (ceiling.amount, ceiling.vat_amount)
    } else {
        item.whole().cumulative(after)?
    };
    Some((
        amount.checked_sub(before.amount)?,
        vat.checked_sub(before.vat_amount)?,
    ))
}

/// A number the part would carry that no JSON reader keeps exactly (a transaction read
/// faithfully may hold one): the quantity taken, the line's `vat`, a discount's `percentage`.
fn unwritable(item: &TransactionItem, quantity: Decimal, index: usize) -> Option<Violation> {
    const EXACT: &str = "a number with at most 15 significant digits";
    if !fits_json_number(quantity) {
        return Some(Violation::new(
            Rule::Quantity,
            format!("items[{index}].quantity"),
            EXACT,
            quantity.to_string(),
        ));
    }
    if let Some(vat) = item.vat.filter(|vat| !fits_json_number(*vat)) {
        return Some(Violation::new(
            Rule::VatRate,
            format!("items[{index}].vat"),
            EXACT,
            vat.to_string(),
        ));
    }
    let (at, percentage) = item
        .discount_lines
        .iter()
        .enumerate()
        .find_map(|(at, line)| Some((at, line.percentage.filter(|p| !fits_json_number(*p))?)))?;
    Some(Violation::new(
        Rule::Range,
        format!("items[{index}].discount_lines[{at}].percentage"),
        EXACT,
        percentage.to_string(),
    ))
}

/// Each of the line's discounts split like its amount: `round(D × q / Q)` after minus before,
/// the whole discount once the line is taken whole. A zero part is left out.
fn discount_parts(item: &TransactionItem, before: Decimal, after: Decimal) -> Vec<DiscountLine> {
    let whole = item.whole().quantity;
    let cumulative = |discount: i64, quantity: Decimal| {
        if quantity >= whole {
            Some(discount)
        } else {
            proportion(discount, quantity, whole)
        }
    };
    item.discount_lines
        .iter()
        .filter_map(|discount| {
            let part = cumulative(discount.amount, after)?
                .checked_sub(cumulative(discount.amount, before)?)?;
            (part != 0).then(|| DiscountLine {
                amount: part,
                ..discount.clone()
            })
        })
        .collect()
}
