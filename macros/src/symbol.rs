//! The attribute grammar in one place: every key of `#[checkout(...)]`, what it means, and the
//! "did you mean" lookup used for unknown keys and values.
//!
//! `ATTRIBUTES.md` is the user-facing version of this table; keep the two in step.

/// Keys allowed on the struct: `#[checkout(vat = 25, currency = "NOK", kind = "physical")]`,
/// and every role given by a method (`id = Self::sku`) with the flags of such a price.
pub(crate) const CONTAINER_KEYS: &[&str] = &[
    "vat",
    "currency",
    "kind",
    "crate",
    "id",
    "description",
    "unit_price",
    "line_id",
    "quantity",
    "unit_weight",
    "unit_volume",
    "unit_dimensional_weight",
    "thumbnail_url",
    "eligible_for_discount",
    "net",
    "minor_units",
    "major_units",
];

/// Keys allowed on a field: one or more roles, plus flags of `unit_price`.
pub(crate) const FIELD_KEYS: &[&str] = &[
    "id",
    "description",
    "unit_price",
    "line_id",
    "quantity",
    "vat",
    "unit_weight",
    "unit_volume",
    "unit_dimensional_weight",
    "thumbnail_url",
    "eligible_for_discount",
    "net",
    "minor_units",
    "major_units",
];

/// What a field is used as in the order line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Role {
    Id,
    Description,
    UnitPrice,
    LineId,
    Quantity,
    Vat,
    UnitWeight,
    UnitVolume,
    UnitDimensionalWeight,
    ThumbnailUrl,
    EligibleForDiscount,
}

impl Role {
    /// Every role, in the order of the attribute reference.
    pub(crate) const ALL: [Role; 11] = [
        Role::Id,
        Role::Description,
        Role::UnitPrice,
        Role::LineId,
        Role::Quantity,
        Role::Vat,
        Role::UnitWeight,
        Role::UnitVolume,
        Role::UnitDimensionalWeight,
        Role::ThumbnailUrl,
        Role::EligibleForDiscount,
    ];

    /// The attribute key, which is also the Dintero field name.
    pub(crate) const fn key(self) -> &'static str {
        match self {
            Role::Id => "id",
            Role::Description => "description",
            Role::UnitPrice => "unit_price",
            Role::LineId => "line_id",
            Role::Quantity => "quantity",
            Role::Vat => "vat",
            Role::UnitWeight => "unit_weight",
            Role::UnitVolume => "unit_volume",
            Role::UnitDimensionalWeight => "unit_dimensional_weight",
            Role::ThumbnailUrl => "thumbnail_url",
            Role::EligibleForDiscount => "eligible_for_discount",
        }
    }

    /// The role named by a key.
    pub(crate) fn from_key(key: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|role| role.key() == key)
    }

    /// A method name that would give this role, for messages (`id = Self::sku`).
    pub(crate) const fn method_example(self) -> &'static str {
        match self {
            Role::Id => "sku",
            Role::Description => "title",
            Role::UnitPrice => "price",
            Role::LineId => "line_id",
            Role::Quantity => "quantity",
            Role::Vat => "vat_rate",
            Role::UnitWeight => "weight",
            Role::UnitVolume => "volume",
            Role::UnitDimensionalWeight => "dimensional_weight",
            Role::ThumbnailUrl => "thumbnail",
            Role::EligibleForDiscount => "discountable",
        }
    }

    /// What the role's value is, in domain words.
    pub(crate) const fn what(self) -> &'static str {
        match self {
            Role::Id => "product id (SKU)",
            Role::Description => "text the buyer sees",
            Role::UnitPrice => "price of one unit",
            Role::LineId => "line id",
            Role::Quantity => "quantity",
            Role::Vat => "VAT rate",
            Role::UnitWeight => "weight of one unit",
            Role::UnitVolume => "volume of one unit",
            Role::UnitDimensionalWeight => "dimensional weight of one unit",
            Role::ThumbnailUrl => "thumbnail URL",
            Role::EligibleForDiscount => "discount eligibility",
        }
    }

    /// Whether every line needs this role.
    pub(crate) const fn is_required(self) -> bool {
        matches!(self, Role::Id | Role::Description | Role::UnitPrice)
    }
}

/// A modifier of the `unit_price` role.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Flag {
    /// The price excludes VAT.
    Net,
    /// An integer price counted in minor units (øre, cents).
    MinorUnits,
    /// An integer price counted in major units (kroner, euros).
    MajorUnits,
}

impl Flag {
    /// The attribute key.
    pub(crate) const fn key(self) -> &'static str {
        match self {
            Flag::Net => "net",
            Flag::MinorUnits => "minor_units",
            Flag::MajorUnits => "major_units",
        }
    }

    /// The flag named by a key.
    pub(crate) fn from_key(key: &str) -> Option<Flag> {
        [Flag::Net, Flag::MinorUnits, Flag::MajorUnits]
            .into_iter()
            .find(|flag| flag.key() == key)
    }
}

/// The values of `kind = "..."` and the `ItemType` variant each one names.
pub(crate) const KINDS: &[(&str, &str)] = &[
    ("physical", "Physical"),
    ("digital", "Digital"),
    ("service", "Service"),
    ("gift_card", "GiftCard"),
    ("shipping", "Shipping"),
    ("surcharge", "Surcharge"),
];

/// Words people reach for that are not keys, and the key they mean.
const ALIASES: &[(&str, &str)] = &[
    ("sku", "id"),
    ("name", "description"),
    ("title", "description"),
    ("price", "unit_price"),
    ("qty", "quantity"),
    ("count", "quantity"),
    ("type", "kind"),
    ("vat_rate", "vat"),
    ("tax", "vat"),
];

/// The closest candidate to a misspelt word, if it is close enough to be what was meant.
pub(crate) fn did_you_mean<'c>(word: &str, candidates: &[&'c str]) -> Option<&'c str> {
    let word = word.to_ascii_lowercase();
    let alias = ALIASES
        .iter()
        .filter(|(from, _)| *from == word)
        .find_map(|(_, to)| candidates.iter().copied().find(|c| c == to));
    let typo = || {
        candidates
            .iter()
            .map(|&c| (edit_distance(&word, c), c))
            // About one typo per three letters: `vatt` finds `vat`, `foo` finds nothing.
            .filter(|&(d, c)| d <= (c.len().max(word.len()) / 3).max(1))
            .min_by_key(|&(d, _)| d)
            .map(|(_, c)| c)
    };
    // `weight` most likely means the shortest key that contains it, `unit_weight`.
    let part = || {
        candidates
            .iter()
            .copied()
            .filter(|c| word.len() >= 4 && c.contains(word.as_str()))
            .min_by_key(|c| c.len())
    };
    alias.or_else(typo).or_else(part)
}

/// "`a`, `b` or `c`" for messages that list the valid choices.
pub(crate) fn one_of(candidates: &[&str]) -> String {
    let mut out = String::new();
    let last = candidates.len().saturating_sub(1);
    for (i, c) in candidates.iter().enumerate() {
        if i > 0 {
            out.push_str(if i == last { " or " } else { ", " });
        }
        out.push('`');
        out.push_str(c);
        out.push('`');
    }
    out
}

/// Levenshtein distance over chars (insertions, deletions, substitutions).
fn edit_distance(a: &str, b: &str) -> usize {
    strsim::levenshtein(a, b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edit_distances() {
        assert_eq!(edit_distance("vat", "vat"), 0);
        assert_eq!(edit_distance("vatt", "vat"), 1);
        assert_eq!(edit_distance("desciption", "description"), 1);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
    }

    #[test]
    fn suggestions() {
        assert_eq!(did_you_mean("vatt", CONTAINER_KEYS), Some("vat"));
        assert_eq!(did_you_mean("desciption", FIELD_KEYS), Some("description"));
        assert_eq!(did_you_mean("unitprice", FIELD_KEYS), Some("unit_price"));
        assert_eq!(did_you_mean("price", FIELD_KEYS), Some("unit_price"));
        assert_eq!(did_you_mean("sku", FIELD_KEYS), Some("id"));
        assert_eq!(did_you_mean("weight", FIELD_KEYS), Some("unit_weight"));
        assert_eq!(did_you_mean("sku", CONTAINER_KEYS), Some("id"));
        assert_eq!(did_you_mean("color", FIELD_KEYS), None);
        assert_eq!(did_you_mean("foo", CONTAINER_KEYS), None);
        assert_eq!(
            did_you_mean("fysical", &["physical", "digital"]),
            Some("physical")
        );
        assert_eq!(
            did_you_mean("Physical", &["physical", "digital"]),
            Some("physical")
        );
    }

    #[test]
    fn lists() {
        assert_eq!(one_of(&["a"]), "`a`");
        assert_eq!(one_of(&["a", "b", "c"]), "`a`, `b` or `c`");
    }
}
