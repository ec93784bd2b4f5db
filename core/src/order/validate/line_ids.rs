//! Line ids: unique across the items and the shipping option, as the builder numbers them.

use super::*;

/// Every `line_id` is unique across the items and the shipping option.
pub(super) fn check_unique_line_ids(data: &OrderData, proven: Proven, v: &mut Violations) {
    let mut seen;
    if proven.numbered_line_ids {
        // The builder numbered every item "1", "2", …: taken without reading them.
        debug_assert!(
            data.items.iter().enumerate().all(|(index, item)| {
                item.line_id().and_then(sequence_number) == Some(index + 1)
            })
        );
        seen = LineIds::numbered(data.items.len());
    } else {
        seen = LineIds::new(data.items.len() + 1);
        for (index, item) in data.items.iter().enumerate() {
            if let Some(line_id) = item.line_id()
                && !seen.insert(line_id)
            {
                v.add(
                    Rule::DuplicateLineId,
                    format_args!("order.items[{index}].line_id"),
                    "a line_id not used by another line",
                    quoted(line_id),
                );
            }
        }
    }
    if let Some(shipping) = &data.shipping_option
        && !seen.insert(shipping.line_id.as_str())
    {
        v.add(
            Rule::DuplicateLineId,
            "order.shipping_option.line_id",
            "a line_id not used by any item",
            quoted(&shipping.line_id),
        );
    }
}

/// The line ids seen so far. Ids that are a canonical decimal in `1..=lines` (the `"1"`,
/// `"2"`, … the builder assigns) are marked in a bitmap instead of hashed: a canonical decimal
/// names exactly one number, so the two sets together find exactly the duplicates one hash
/// set would.
pub(super) struct LineIds<'a> {
    /// "1" to `counted` are taken, all of them, without a mark each.
    pub(super) counted: usize,
    pub(super) numbered: Vec<bool>,
    /// The other ids. Hashed with foldhash, seeded per set as std's SipHash is per process
    /// (a shop's ids cannot be chosen to collide), at under half its cost per id
    /// (`cargo bench -p dintero-order-testsuite --bench crates -- line_ids`).
    pub(super) named: foldhash::HashSet<&'a str>,
}

impl<'a> LineIds<'a> {
    pub(super) fn new(lines: usize) -> Self {
        LineIds {
            counted: 0,
            numbered: vec![false; lines + 1],
            // A shop that names its lines names most of them: room for all at once, instead
            // of growing (and rehashing) the set as it fills.
            named: foldhash::HashSet::with_capacity_and_hasher(lines, Default::default()),
        }
    }

    /// "1" to `count` taken, as the builder numbers lines.
    pub(super) fn numbered(count: usize) -> Self {
        LineIds {
            counted: count,
            numbered: Vec::new(),
            named: foldhash::HashSet::default(),
        }
    }

    /// Adds an id; `false` when it was there already.
    pub(super) fn insert(&mut self, id: &'a str) -> bool {
        let number = sequence_number(id);
        if number.is_some_and(|n| n <= self.counted) {
            return false;
        }
        match number.and_then(|n| self.numbered.get_mut(n)) {
            Some(seen) => !std::mem::replace(seen, true),
            None => self.named.insert(id),
        }
    }
}

/// `Some(n)` when `id` is `n` written canonically: 1 to 9 digits, no leading zero.
pub(super) fn sequence_number(id: &str) -> Option<usize> {
    let bytes = id.as_bytes();
    if bytes.is_empty() || bytes.len() > 9 || bytes.first() == Some(&b'0') {
        return None;
    }
    bytes.iter().try_fold(0_usize, |n, &b| {
        b.is_ascii_digit().then(|| n * 10 + usize::from(b - b'0'))
    })
}

/// An absolute URL (`format: uri`).
pub(crate) fn check_absolute_url(url: &str, path: impl std::fmt::Display, v: &mut Violations) {
    if fluent_uri::Uri::parse(url).is_err() {
        v.add(Rule::Url, path, "an absolute URL", quoted(url));
    }
}
