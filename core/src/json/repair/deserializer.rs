//! The tree shown to serde as serde_json would show the text: a deserializer over nodes, skipping what earlier passes found clean.

use super::*;

/// How a pass shows a node to serde: as serde_json would show the body (see the module docs).
pub(super) struct TreeDe<'a, 'p, 'de> {
    pub(super) node: &'a mut Node<'de>,
    pub(super) frame: &'a Frame<'a>,
    pub(super) pass: &'a Pass<'p, 'de>,
    /// The node is clean: show it shortened (unless this is the last pass).
    pub(super) skim: bool,
}

/// What a `Deserialize` asked for, where the answer depends on it.
#[derive(Clone, Copy)]
pub(super) enum Hint {
    Any,
    Map,
    Struct(&'static str, &'static [&'static str]),
    Seq,
}

/// Hands a node's text to serde_json, with the same request.
macro_rules! forward_raw {
    ($($method:ident($($arg:ident: $ty:ty),*);)*) => {$(
        fn $method<V: Visitor<'de>>(self, $($arg: $ty,)* visitor: V) -> Result<V::Value, serde_json::Error> {
            serde_json::Deserializer::from_str(self.node.raw().get()).$method($($arg,)* visitor)
        }
    )*};
}

impl<'de> TreeDe<'_, '_, 'de> {
    pub(super) fn skimming(&self) -> bool {
        self.skim && !self.pass.last
    }

    pub(super) fn present<V: Visitor<'de>>(
        self,
        hint: Hint,
        visitor: V,
    ) -> Result<V::Value, serde_json::Error> {
        let kind = match &*self.node {
            Node::Object(_) => Kind::Object,
            Node::Array(_) => Kind::Array,
            Node::Raw(raw) => kind(raw),
        };
        let raw = self.node.raw().get();
        let mut json = serde_json::Deserializer::from_str(raw);
        match (kind, hint) {
            (Kind::Object, Hint::Any | Hint::Map) => self.object(None, visitor),
            (Kind::Object, Hint::Struct(_, fields)) => self.object(Some(fields), visitor),
            (Kind::Array, Hint::Any | Hint::Seq) => self.array(visitor),
            (_, Hint::Any) => json.deserialize_any(visitor),
            (_, Hint::Map) => json.deserialize_map(visitor),
            (_, Hint::Struct(name, fields)) => json.deserialize_struct(name, fields, visitor),
            (_, Hint::Seq) => json.deserialize_seq(visitor),
        }
    }

    pub(super) fn object<V: Visitor<'de>>(
        self,
        fields: Option<&'static [&'static str]>,
        visitor: V,
    ) -> Result<V::Value, serde_json::Error> {
        let skim = self.skimming();
        if skim && fields.is_none() {
            // A clean map is `{}`: it has no required keys.
            self.pass.shortened.set(true);
            return visitor.visit_map(de::value::MapDeserializer::<
                std::iter::Empty<(&str, &str)>,
                serde_json::Error,
            >::new(std::iter::empty()));
        }
        if skim && let Node::Raw(raw) = *self.node {
            // A clean struct is shown whole, every time: keep only what it is read from.
            let mut members = members_of(raw)?;
            members.retain(|m| {
                m.occurrence == 1 && fields.is_some_and(|f| f.contains(&m.key.as_ref()))
            });
            let clean = members.len();
            *self.node = Node::Object(Box::new(ObjectNode {
                raw,
                members,
                clean,
            }));
        }
        let mut transient;
        let (members, clean) = match self.node {
            Node::Object(object) => (&mut object.members, object.clean),
            Node::Raw(raw) => {
                transient = members_of(raw)?;
                (&mut transient, 0)
            }
            Node::Array(_) => return Err(de::Error::invalid_type(de::Unexpected::Seq, &visitor)),
        };
        let clean = if self.pass.last {
            0
        } else if skim {
            members.len()
        } else {
            clean
        };
        visitor.visit_map(ObjectAccess {
            members,
            next: 0,
            current: None,
            clean,
            skim,
            fields,
            frame: self.frame,
            pass: self.pass,
        })
    }

    pub(super) fn array<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, serde_json::Error> {
        if self.skimming() {
            // A clean array is `[]`: every element of it parses.
            self.pass.shortened.set(true);
            return visitor.visit_seq(de::value::SeqDeserializer::<
                std::iter::Empty<()>,
                serde_json::Error,
            >::new(std::iter::empty()));
        }
        let mut transient;
        let (elements, clean) = match self.node {
            Node::Array(array) => (&mut array.elements, array.clean),
            Node::Raw(raw) => {
                transient = elements_of(raw)?;
                (&mut transient, 0)
            }
            Node::Object(_) => return Err(de::Error::invalid_type(de::Unexpected::Map, &visitor)),
        };
        let next = if self.pass.last { 0 } else { clean };
        if next > 0 {
            self.pass.shortened.set(true);
        }
        visitor.visit_seq(ArrayAccess {
            elements,
            next,
            frame: self.frame,
            pass: self.pass,
        })
    }
}

impl<'de> Deserializer<'de> for TreeDe<'_, '_, 'de> {
    type Error = serde_json::Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, serde_json::Error> {
        self.present(Hint::Any, visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, serde_json::Error> {
        self.present(Hint::Map, visitor)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, serde_json::Error> {
        self.present(Hint::Struct(name, fields), visitor)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, serde_json::Error> {
        self.present(Hint::Seq, visitor)
    }

    fn deserialize_option<V: Visitor<'de>>(
        self,
        visitor: V,
    ) -> Result<V::Value, serde_json::Error> {
        if self.node.raw().get() == "null" {
            visitor.visit_none()
        } else {
            visitor.visit_some(self)
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, serde_json::Error> {
        if name == RAW_VALUE_TOKEN || matches!(self.node, Node::Raw(_)) {
            serde_json::Deserializer::from_str(self.node.raw().get())
                .deserialize_newtype_struct(name, visitor)
        } else {
            visitor.visit_newtype_struct(self)
        }
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(
        self,
        visitor: V,
    ) -> Result<V::Value, serde_json::Error> {
        visitor.visit_unit()
    }

    forward_raw! {
        deserialize_bool();
        deserialize_i8();
        deserialize_i16();
        deserialize_i32();
        deserialize_i64();
        deserialize_i128();
        deserialize_u8();
        deserialize_u16();
        deserialize_u32();
        deserialize_u64();
        deserialize_u128();
        deserialize_f32();
        deserialize_f64();
        deserialize_char();
        deserialize_str();
        deserialize_string();
        deserialize_bytes();
        deserialize_byte_buf();
        deserialize_unit();
        deserialize_unit_struct(name: &'static str);
        deserialize_tuple(len: usize);
        deserialize_tuple_struct(name: &'static str, len: usize);
        deserialize_enum(name: &'static str, variants: &'static [&'static str]);
        deserialize_identifier();
    }
}

/// An object's members as serde reads them: removed ones, keys given again and (for a
/// struct) unknown fields skipped, the latter two recorded when read for the first time.
pub(super) struct ObjectAccess<'a, 'p, 'de> {
    pub(super) members: &'a mut Vec<Member<'de>>,
    pub(super) next: usize,
    pub(super) current: Option<usize>,
    /// Members before this one were read by an earlier pass.
    pub(super) clean: usize,
    /// The object is clean (all of it was read before).
    pub(super) skim: bool,
    /// The struct's fields; `None` for a map.
    pub(super) fields: Option<&'static [&'static str]>,
    pub(super) frame: &'a Frame<'a>,
    pub(super) pass: &'a Pass<'p, 'de>,
}

impl<'de> de::MapAccess<'de> for ObjectAccess<'_, '_, 'de> {
    type Error = serde_json::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, serde_json::Error> {
        while let Some(member) = self.members.get(self.next) {
            let index = self.next;
            self.next += 1;
            if member.removed {
                continue;
            }
            let fresh = !self.skim && !self.pass.last && index >= self.clean;
            if member.occurrence > 1 {
                if fresh && member.occurrence == 2 {
                    self.pass
                        .duplicate(self.frame, &member.key, member.value.raw())?;
                }
                continue;
            }
            if let Some(fields) = self.fields
                && !fields.contains(&member.key.as_ref())
            {
                if fresh {
                    self.pass.unknown_field(
                        self.frame,
                        &member.key,
                        member.value.raw(),
                        fields,
                        self.members,
                    )?;
                }
                continue;
            }
            if self.fields.is_none() && !self.pass.last && index < self.clean {
                // A clean member of a map: its key is not required.
                self.pass.shortened.set(true);
                continue;
            }
            self.current = Some(index);
            return match &member.key {
                Cow::Borrowed(key) => seed
                    .deserialize(BorrowedStrDeserializer::<serde_json::Error>::new(key))
                    .map(Some),
                Cow::Owned(key) => seed
                    .deserialize(StrDeserializer::<serde_json::Error>::new(key))
                    .map(Some),
            };
        }
        Ok(None)
    }

    fn next_value_seed<S: DeserializeSeed<'de>>(
        &mut self,
        seed: S,
    ) -> Result<S::Value, serde_json::Error> {
        let Some(index) = self.current.take() else {
            return Err(de::Error::custom("a value asked for before its key"));
        };
        let skim = self.skim || index < self.clean;
        let Some(Member { key, value, .. }) = self.members.get_mut(index) else {
            return Err(de::Error::custom("a value asked for past the object's end"));
        };
        let frame = Frame::Member(self.frame, index, key);
        let pass = self.pass;
        seed.deserialize(TreeDe {
            node: value,
            frame: &frame,
            pass,
            skim,
        })
        .inspect_err(|_| pass.fail_at(&frame))
    }
}

/// An array's elements as serde reads them, from the first not read before.
pub(super) struct ArrayAccess<'a, 'p, 'de> {
    pub(super) elements: &'a mut Vec<Node<'de>>,
    pub(super) next: usize,
    pub(super) frame: &'a Frame<'a>,
    pub(super) pass: &'a Pass<'p, 'de>,
}

impl<'de> de::SeqAccess<'de> for ArrayAccess<'_, '_, 'de> {
    type Error = serde_json::Error;

    fn next_element_seed<S: DeserializeSeed<'de>>(
        &mut self,
        seed: S,
    ) -> Result<Option<S::Value>, serde_json::Error> {
        let index = self.next;
        let Some(element) = self.elements.get_mut(index) else {
            return Ok(None);
        };
        self.next += 1;
        let frame = Frame::Element(self.frame, index);
        let pass = self.pass;
        seed.deserialize(TreeDe {
            node: element,
            frame: &frame,
            pass,
            skim: false,
        })
        .map(Some)
        .inspect_err(|_| pass.fail_at(&frame))
    }
}
