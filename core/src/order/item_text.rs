//! The strings of an order line (`id`, `line_id`, `description`, `thumbnail_url`), kept in
//! one buffer that all lines of a built order share.
//!
//! Three or four owned `String`s per line made allocation the largest cost of building an
//! order (and of dropping it): a 10 000-line order made 30 000 allocations. Here
//! [`OrderBuilder::build`](crate::OrderBuilder::build) writes every line's text into one
//! buffer and each item holds a reference-counted handle to it plus where its fields lie, so a
//! whole order costs one buffer (and its handle) for its text. A parsed item gets one of its own.

use std::cell::RefCell;
use std::fmt;
use std::sync::Arc;

/// Which text field of an item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TextField {
    Id,
    LineId,
    Description,
    ThumbnailUrl,
}

impl TextField {
    /// The fields, in the order they are written into a buffer.
    const ALL: [TextField; 4] = [
        TextField::Id,
        TextField::LineId,
        TextField::Description,
        TextField::ThumbnailUrl,
    ];

    fn bit(self) -> u8 {
        1 << self as u8
    }
}

/// Where one item's fields lie in a buffer: they follow each other from `start`, field `k`
/// ending at `ends[k]`; an absent field is empty and has its bit clear in `present`.
///
/// Offsets are `u32` (a buffer holds at most [`MAX_TEXT`] bytes): with `usize` they took 24
/// more bytes in every item, bytes that building, serializing and dropping an order move
/// for every line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct TextSpans {
    start: u32,
    ends: [u32; 4],
    present: u8,
}

impl TextSpans {
    fn range(&self, field: TextField) -> Option<(usize, usize)> {
        if self.present & field.bit() == 0 {
            return None;
        }
        let k = field as usize;
        let from = match k.checked_sub(1) {
            Some(previous) => self.ends.get(previous).copied()?,
            None => self.start,
        };
        Some((from as usize, self.ends.get(k).copied()? as usize))
    }
}

/// The most text one buffer holds: an order's lines together, or one parsed line (4 GiB).
pub(crate) const MAX_TEXT: usize = u32::MAX as usize;

/// The bytes of an item's fields together (saturating: past [`MAX_TEXT`] is refused anyway).
fn text_len(fields: &[Option<&str>; 4]) -> usize {
    fields
        .iter()
        .flatten()
        .fold(0, |total: usize, field| total.saturating_add(field.len()))
}

thread_local! {
    /// Where [`ItemText::single`] gathers a parsed item's text before copying it, in one
    /// piece, into the item's own buffer.
    static SCRATCH: RefCell<TextArena> = RefCell::new(TextArena::default());
}

/// Scratch text past this many bytes is not kept for the next item.
const SCRATCH_KEPT: usize = 4096;

/// The text did not fit in one buffer (see [`MAX_TEXT`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct TextTooLong {
    /// The bytes the buffer would have needed.
    pub(crate) bytes: usize,
}

impl fmt::Display for TextTooLong {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} bytes of line text, more than one buffer holds (at most {MAX_TEXT})",
            self.bytes
        )
    }
}

/// Collects the text of many items into one buffer; [`finish`](Self::finish) turns it into
/// the shared buffer the items' [`ItemText`] point into.
#[derive(Debug, Clone)]
pub(crate) struct TextArena {
    buffer: String,
    /// At most this many bytes ([`MAX_TEXT`]; smaller in tests).
    limit: usize,
}

impl Default for TextArena {
    fn default() -> TextArena {
        TextArena::with_capacity(0)
    }
}

impl TextArena {
    /// An arena with room for `bytes` of text.
    pub(crate) fn with_capacity(bytes: usize) -> TextArena {
        TextArena {
            buffer: String::with_capacity(bytes.min(MAX_TEXT)),
            limit: MAX_TEXT,
        }
    }

    /// Bytes of text written so far.
    pub(crate) fn len(&self) -> usize {
        self.buffer.len()
    }

    /// Makes room for `bytes` more text at once (never past the limit), so the buffer need
    /// not grow and copy itself step by step.
    pub(crate) fn reserve(&mut self, bytes: usize) {
        self.buffer
            .reserve(bytes.min(self.limit.saturating_sub(self.buffer.len())));
    }

    /// Appends one item's fields (in [`TextField`] order) and says where they lie; nothing
    /// is appended when they would take the buffer past its limit.
    #[inline(always)]
    pub(crate) fn push(&mut self, fields: [Option<&str>; 4]) -> Result<TextSpans, TextTooLong> {
        let start = self.buffer.len();
        let added = text_len(&fields);
        let bytes = start.saturating_add(added);
        if bytes > self.limit {
            return Err(TextTooLong { bytes });
        }
        // One capacity check for the line instead of one per field.
        self.buffer.reserve(added);
        let mut spans = TextSpans::default();
        let mut end = start as u32; // `start ≤ bytes ≤ limit ≤ u32::MAX`
        spans.start = end;
        for (field, (value, slot)) in TextField::ALL
            .into_iter()
            .zip(fields.into_iter().zip(spans.ends.iter_mut()))
        {
            if let Some(value) = value {
                self.buffer.push_str(value);
                end += value.len() as u32; // within `bytes`, checked above
                spans.present |= field.bit();
            }
            *slot = end;
        }
        Ok(spans)
    }

    /// The finished buffer, to be shared by every item written into it: the arena's own
    /// `String`, its spare room given back in place. An `Arc<str>` would copy the text
    /// once more, and at 10 000 lines the copy and the room it needs beside the arena
    /// (about 5 MB together) made glibc hand the heap back to the system after every
    /// order and fault it in again on the next (about 2 000 page faults per order).
    pub(crate) fn finish(mut self) -> Arc<String> {
        self.buffer.shrink_to_fit();
        Arc::new(self.buffer)
    }
}

/// One item's text: a shared buffer and where the item's fields lie in it.
///
/// An order's items are computed one by one as its builder receives them, while their
/// buffer is still being written; each is attached to the finished buffer when the order is
/// built. Only the builder ever holds an unattached one.
#[derive(Clone)]
pub(crate) struct ItemText {
    buffer: Option<Arc<String>>,
    spans: TextSpans,
}

impl ItemText {
    /// The text of an item whose fields were pushed into an arena that is not finished yet.
    pub(crate) fn unattached(spans: TextSpans) -> ItemText {
        ItemText {
            buffer: None,
            spans,
        }
    }

    /// Points this item into `buffer`, the finished arena its fields were pushed into.
    pub(crate) fn attach(&mut self, buffer: &Arc<String>) {
        self.buffer = Some(Arc::clone(buffer));
    }

    /// The text of a single item, in a buffer of its own.
    ///
    /// The text is gathered in a per-thread scratch arena, then copied once, at its exact
    /// size, into the item's own buffer.
    pub(crate) fn single(fields: [Option<&str>; 4]) -> Result<ItemText, TextTooLong> {
        let gather = |arena: &mut TextArena| {
            arena.buffer.clear();
            let spans = arena.push(fields)?;
            let buffer = Arc::new(arena.buffer.as_str().to_owned());
            if arena.buffer.capacity() > SCRATCH_KEPT {
                *arena = TextArena::default();
            }
            Ok(ItemText {
                buffer: Some(buffer),
                spans,
            })
        };
        SCRATCH
            .try_with(|scratch| {
                scratch
                    .try_borrow_mut()
                    .ok()
                    .map(|mut arena| gather(&mut arena))
            })
            .ok()
            .flatten()
            .unwrap_or_else(|| gather(&mut TextArena::default()))
    }

    /// How many of the fields the item has (what [`get`](Self::get) finds).
    #[inline]
    pub(crate) fn field_count(&self) -> usize {
        if self.buffer.is_none() {
            return 0;
        }
        self.spans.present.count_ones() as usize
    }

    /// Every field's text, in [`TextField`] order: what [`get`](Self::get) gives for each,
    /// with one look at the buffer (serializing an item reads them all).
    #[inline]
    pub(crate) fn fields(&self) -> [Option<&str>; 4] {
        let mut fields = [None; 4];
        let Some(buffer) = self.buffer.as_deref() else {
            return fields;
        };
        let mut from = self.spans.start as usize;
        for (bit, (slot, &end)) in fields.iter_mut().zip(&self.spans.ends).enumerate() {
            let end = end as usize;
            if self.spans.present & (1 << bit) != 0 {
                *slot = buffer.get(from..end);
            }
            from = end;
        }
        fields
    }

    /// How many bytes the item's fields take together.
    #[inline]
    pub(crate) fn byte_len(&self) -> usize {
        if self.buffer.is_none() {
            return 0;
        }
        let [.., end] = self.spans.ends;
        (end - self.spans.start) as usize
    }

    /// A field's text; `None` when the item does not have it.
    #[inline]
    pub(crate) fn get(&self, field: TextField) -> Option<&str> {
        let (from, to) = self.spans.range(field)?;
        self.buffer.as_deref()?.get(from..to)
    }
}

impl PartialEq for ItemText {
    fn eq(&self, other: &ItemText) -> bool {
        TextField::ALL
            .into_iter()
            .all(|field| self.get(field) == other.get(field))
    }
}

impl fmt::Debug for ItemText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ItemText")
            .field("id", &self.get(TextField::Id))
            .field("line_id", &self.get(TextField::LineId))
            .field("description", &self.get(TextField::Description))
            .field("thumbnail_url", &self.get(TextField::ThumbnailUrl))
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(text: &ItemText) -> [Option<&str>; 4] {
        TextField::ALL.map(|field| text.get(field))
    }

    fn push(arena: &mut TextArena, fields: [Option<&str>; 4]) -> TextSpans {
        match arena.push(fields) {
            Ok(spans) => spans,
            Err(too_long) => panic!("{too_long}"),
        }
    }

    fn attached(buffer: &Arc<String>, spans: TextSpans) -> ItemText {
        let mut text = ItemText::unattached(spans);
        text.attach(buffer);
        text
    }

    fn single(fields: [Option<&str>; 4]) -> ItemText {
        match ItemText::single(fields) {
            Ok(text) => text,
            Err(too_long) => panic!("{too_long}"),
        }
    }

    #[test]
    fn items_sharing_a_buffer_read_back_their_own_fields() {
        let mut arena = TextArena::default();
        let first = push(&mut arena, [Some("sku-1"), Some("1"), Some("Stol"), None]);
        let second = push(
            &mut arena,
            [
                Some("sku-2"),
                None,
                Some(""),
                Some("https://x.example/a.png"),
            ],
        );
        let third = push(&mut arena, [Some("sku-3"), Some("17"), Some("Bord"), None]);
        let buffer = arena.finish();
        assert_eq!(
            &*buffer,
            "sku-11Stolsku-2https://x.example/a.pngsku-317Bord"
        );
        let unattached = ItemText::unattached(first);
        assert_eq!(all(&unattached), [None; 4]);
        let first = attached(&buffer, first);
        let second = attached(&buffer, second);
        let third = attached(&buffer, third);
        assert_eq!(all(&first), [Some("sku-1"), Some("1"), Some("Stol"), None]);
        assert_eq!(
            all(&second),
            [
                Some("sku-2"),
                None,
                Some(""),
                Some("https://x.example/a.png")
            ]
        );
        assert_eq!(all(&third), [Some("sku-3"), Some("17"), Some("Bord"), None]);
        assert_eq!(
            [&unattached, &first, &second, &third].map(ItemText::field_count),
            [0, 3, 3, 3]
        );
        // All at once, the same as one by one.
        for text in [&unattached, &first, &second, &third] {
            assert_eq!(text.fields(), all(text));
        }
        assert_eq!(Arc::strong_count(&buffer), 4);
    }

    #[test]
    fn equality_compares_text_not_buffers() {
        let fields = [Some("a"), Some("1"), Some("Å"), None];
        let mut arena = TextArena::default();
        push(&mut arena, [Some("padding"), None, None, None]);
        let spans = push(&mut arena, fields);
        let shared = attached(&arena.finish(), spans);
        assert_eq!(shared, single(fields));
        assert_ne!(shared, single([Some("a"), Some("1"), Some("Å"), Some("")]));
        assert_ne!(shared, single([Some("a"), None, Some("1Å"), None]));
    }

    #[test]
    fn debug_shows_the_fields() {
        let text = single([Some("a"), None, Some("Stol"), None]);
        assert_eq!(
            format!("{text:?}"),
            r#"ItemText { id: Some("a"), line_id: None, description: Some("Stol"), thumbnail_url: None }"#
        );
    }

    #[test]
    fn text_past_the_limit_is_refused_and_nothing_is_written() {
        let mut arena = TextArena {
            limit: 10,
            ..TextArena::default()
        };
        let first = push(&mut arena, [Some("abc"), Some("1"), Some("de"), None]);
        assert_eq!(
            arena.push([Some("abc"), Some("2"), Some("def"), None]),
            Err(TextTooLong { bytes: 13 })
        );
        // Exactly at the limit still fits.
        let second = push(&mut arena, [Some("a"), None, Some("b"), Some("cd")]);
        let buffer = arena.finish();
        assert_eq!(&*buffer, "abc1deabcd");
        assert_eq!(
            all(&attached(&buffer, first)),
            [Some("abc"), Some("1"), Some("de"), None]
        );
        assert_eq!(
            all(&attached(&buffer, second)),
            [Some("a"), None, Some("b"), Some("cd")]
        );
        assert_eq!(
            TextTooLong { bytes: 13 }.to_string(),
            "13 bytes of line text, more than one buffer holds (at most 4294967295)"
        );
    }
}
