//! The typed pieces of a shipping option's rarely used parts: [`EnvironmentalData`] and
//! [`PayInStore`].

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// `environmental_data` of a shipping option: what it does for the climate, a description
/// and labelled details (50 characters each at most; the order checks them).
///
/// ```
/// use dintero_order_core::EnvironmentalData;
///
/// let data = EnvironmentalData::new("Fossil free delivery").with_detail("CO2", "0 g");
/// assert_eq!(data.description(), "Fossil free delivery");
/// assert_eq!((data.details()[0].label(), data.details()[0].value()), ("CO2", "0 g"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EnvironmentalData {
    pub(crate) description: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(crate) details: Vec<EnvironmentalDetail>,
}

/// One `environmental_data.details[]` entry: a label and its value, 50 characters each at most.
///
/// ```
/// use dintero_order_core::EnvironmentalDetail;
/// let detail = EnvironmentalDetail::new("CO2", "0 g");
/// assert_eq!((detail.label(), detail.value()), ("CO2", "0 g"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "an environmental detail (a JSON object)"
)]
pub struct EnvironmentalDetail {
    pub(crate) label: String,
    pub(crate) value: String,
}

impl EnvironmentalData {
    /// Environmental data with its description and no details.
    ///
    /// ```
    /// use dintero_order_core::EnvironmentalData;
    /// assert!(EnvironmentalData::new("Fossil free").details().is_empty());
    /// ```
    pub fn new(description: impl Into<String>) -> EnvironmentalData {
        EnvironmentalData {
            description: description.into(),
            details: Vec::new(),
        }
    }

    /// Adds one detail: a label and its value.
    ///
    /// ```
    /// use dintero_order_core::EnvironmentalData;
    /// let data = EnvironmentalData::new("Fossil free").with_detail("CO2", "0 g");
    /// assert_eq!(data.details().len(), 1);
    /// ```
    pub fn with_detail(
        mut self,
        label: impl Into<String>,
        value: impl Into<String>,
    ) -> EnvironmentalData {
        self.details.push(EnvironmentalDetail::new(label, value));
        self
    }

    /// `description`.
    ///
    /// ```
    /// use dintero_order_core::EnvironmentalData;
    /// assert_eq!(EnvironmentalData::new("Fossil free").description(), "Fossil free");
    /// ```
    pub fn description(&self) -> &str {
        &self.description
    }

    /// `details`; empty when none.
    ///
    /// ```
    /// use dintero_order_core::EnvironmentalData;
    /// assert!(EnvironmentalData::new("Fossil free").details().is_empty());
    /// ```
    pub fn details(&self) -> &[EnvironmentalDetail] {
        &self.details
    }
}

impl EnvironmentalDetail {
    /// A detail: its label and value.
    ///
    /// ```
    /// use dintero_order_core::EnvironmentalDetail;
    /// assert_eq!(EnvironmentalDetail::new("CO2", "0 g").label(), "CO2");
    /// ```
    pub fn new(label: impl Into<String>, value: impl Into<String>) -> EnvironmentalDetail {
        EnvironmentalDetail {
            label: label.into(),
            value: value.into(),
        }
    }

    /// `label`.
    ///
    /// ```
    /// use dintero_order_core::EnvironmentalDetail;
    /// assert_eq!(EnvironmentalDetail::new("CO2", "0 g").label(), "CO2");
    /// ```
    pub fn label(&self) -> &str {
        &self.label
    }

    /// `value`.
    ///
    /// ```
    /// use dintero_order_core::EnvironmentalDetail;
    /// assert_eq!(EnvironmentalDetail::new("CO2", "0 g").value(), "0 g");
    /// ```
    pub fn value(&self) -> &str {
        &self.value
    }
}

/// `pay_in_store`: how much of the order is paid in the store at pick-up. Dintero defines
/// one kind, `full` (written `{"type": "full"}`).
///
/// ```
/// use dintero_order_core::{Currency, PayInStore, Shipping, UnitPrice, VatRate};
/// let option = Shipping::new("store", "Pick up in store", UnitPrice::minor(0), VatRate::ZERO)
///     .pay_in_store(PayInStore::Full)
///     .priced_in(Currency::NOK)?;
/// assert_eq!(option.pay_in_store(), Some(PayInStore::Full));
/// # Ok::<(), dintero_order_core::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PayInStore {
    /// The whole order is paid in the store.
    Full,
}

impl PayInStore {
    /// The `type` Dintero names it with.
    pub(crate) fn name(self) -> &'static str {
        match self {
            PayInStore::Full => "full",
        }
    }

    /// Its JSON: `{"type": "full"}`.
    pub(crate) fn to_value(self) -> Value {
        serde_json::json!({ "type": self.name() })
    }
}
