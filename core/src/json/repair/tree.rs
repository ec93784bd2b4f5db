//! The body as a tree of nodes, expanded only on the way to a refused value; the rest stays JSON text.

use super::*;

/// A value of the body: its text, until something inside it had to be repaired.
pub(super) enum Node<'de> {
    /// Not expanded: the value as written (or a placeholder).
    Raw(&'de RawValue),
    /// An object with its members.
    Object(Box<ObjectNode<'de>>),
    /// An array with its elements.
    Array(Box<ArrayNode<'de>>),
}

pub(super) struct ObjectNode<'de> {
    /// The object as written.
    pub(super) raw: &'de RawValue,
    pub(super) members: Vec<Member<'de>>,
    /// Members before this one parse whatever happens after (see the module docs).
    pub(super) clean: usize,
}

pub(super) struct ArrayNode<'de> {
    /// The array as written.
    pub(super) raw: &'de RawValue,
    pub(super) elements: Vec<Node<'de>>,
    /// Elements before this one parse whatever happens after.
    pub(super) clean: usize,
}

pub(super) struct Member<'de> {
    pub(super) key: Cow<'de, str>,
    pub(super) value: Node<'de>,
    /// 1 for the first member with its key, 2 for the next one, …: only the first is read.
    pub(super) occurrence: u32,
    /// Removed by a repair (a value of the wrong type where one may be left out).
    pub(super) removed: bool,
}

impl<'de> Node<'de> {
    /// The text this node was read from.
    pub(super) fn raw(&self) -> &'de RawValue {
        match self {
            Node::Raw(raw) => raw,
            Node::Object(object) => object.raw,
            Node::Array(array) => array.raw,
        }
    }

    /// Expands a container written as text; `false` for a scalar.
    pub(super) fn expand(&mut self) -> Result<bool, serde_json::Error> {
        let Node::Raw(raw) = *self else {
            return Ok(true);
        };
        *self = match kind(raw) {
            Kind::Object => Node::Object(Box::new(ObjectNode {
                raw,
                members: members_of(raw)?,
                clean: 0,
            })),
            Kind::Array => Node::Array(Box::new(ArrayNode {
                raw,
                elements: elements_of(raw)?,
                clean: 0,
            })),
            Kind::Scalar => return Ok(false),
        };
        Ok(true)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Object,
    Array,
    Scalar,
}

pub(super) fn kind(raw: &RawValue) -> Kind {
    match raw.get().as_bytes().first() {
        Some(b'{') => Kind::Object,
        Some(b'[') => Kind::Array,
        _ => Kind::Scalar,
    }
}

/// An object's members, in document order, each value as text; keys given again are marked.
pub(super) fn members_of<'de>(raw: &'de RawValue) -> Result<Vec<Member<'de>>, serde_json::Error> {
    struct Members;

    impl<'de> Visitor<'de> for Members {
        type Value = Vec<Member<'de>>;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("an object")
        }

        fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let mut members = Vec::new();
            while let Some(key) = map.next_key_seed(Text)? {
                let value: &'de RawValue = map.next_value()?;
                members.push(Member {
                    key,
                    value: Node::Raw(value),
                    occurrence: 1,
                    removed: false,
                });
            }
            Ok(members)
        }
    }

    let mut members = serde_json::Deserializer::from_str(raw.get()).deserialize_map(Members)?;
    count_occurrences(&mut members);
    Ok(members)
}

/// Numbers each member among those with its key (1, 2, …).
pub(super) fn count_occurrences(members: &mut [Member<'_>]) {
    if members.len() <= 16 {
        for at in 1..members.len() {
            let (before, rest) = members.split_at_mut(at);
            if let Some(member) = rest.first_mut() {
                let earlier = before.iter().filter(|m| m.key == member.key).count();
                member.occurrence = u32::try_from(earlier + 1).unwrap_or(u32::MAX);
            }
        }
        return;
    }
    let mut seen: HashMap<String, u32> = HashMap::new();
    for member in members.iter_mut() {
        if let Some(count) = seen.get_mut(member.key.as_ref()) {
            *count = count.saturating_add(1);
            member.occurrence = *count;
        } else {
            seen.insert(member.key.to_string(), 1);
        }
    }
}

/// An array's elements, each as text.
pub(super) fn elements_of<'de>(raw: &'de RawValue) -> Result<Vec<Node<'de>>, serde_json::Error> {
    struct Elements;

    impl<'de> Visitor<'de> for Elements {
        type Value = Vec<Node<'de>>;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("an array")
        }

        fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
            let mut elements = Vec::new();
            while let Some(element) = seq.next_element::<&'de RawValue>()? {
                elements.push(Node::Raw(element));
            }
            Ok(elements)
        }
    }

    serde_json::Deserializer::from_str(raw.get()).deserialize_seq(Elements)
}

/// A key, borrowed from the input unless it had escapes.
pub(super) struct Text;

impl<'de> DeserializeSeed<'de> for Text {
    type Value = Cow<'de, str>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for Text {
    type Value = Cow<'de, str>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string")
    }

    fn visit_borrowed_str<E: de::Error>(self, text: &'de str) -> Result<Self::Value, E> {
        Ok(Cow::Borrowed(text))
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<Self::Value, E> {
        Ok(Cow::Owned(text.to_owned()))
    }
}
