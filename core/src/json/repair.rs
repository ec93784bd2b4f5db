//! The repair path of `from_json`: every problem of a body the typed parse refused, at a cost
//! that stays a small multiple of the body's size.
//!
//! # How
//!
//! The body is held as a tree that starts as one node: the body's JSON text
//! ([`RawValue`], borrowed from the input, so every number and string is as written and
//! every key is there, duplicates included). The typed parse runs over the tree, which shows
//! each node to serde as serde_json would (a scalar is handed to serde_json itself, an object
//! or an array is walked member by member), and stops at the first value it refuses, as it
//! always does. That value is then repaired (removed, given a placeholder, or a missing field
//! added, see [`crate::json::parse`]) and the parse runs again.
//!
//! What keeps the passes cheap:
//!
//! - Only the nodes on the way to a refused value are kept expanded; the rest stays text.
//! - Members and elements a pass read before it stopped are *clean*: each parses whatever
//!   happens after. Later passes skip clean array elements and clean map members, and show a
//!   clean array as `[]` and a clean map as `{}` (a struct is shown whole, its own clean
//!   parts shortened the same way), so a pass reads the skeleton of the body and the part
//!   not yet read, not the body again. One last pass reads everything, to make the value.
//! - Fields the spec does not define and keys given twice are found while a pass walks an
//!   object (the struct names its fields), recorded once, when first read, and skipped: they
//!   cost no pass of their own.
//! - At most [`MAX_LISTED`] problems are kept; at the next one the repair stops and says so.
//!   Warnings past the [`MAX_LISTED`] kept are only counted.

use std::borrow::Cow;
use std::cell::{Cell, OnceCell, RefCell};
use std::collections::{HashMap, HashSet};
use std::fmt;

use serde::Deserialize;
use serde::de::value::{BorrowedStrDeserializer, StrDeserializer};
use serde::de::{self, DeserializeSeed, Deserializer, Visitor};
use serde_json::value::RawValue;

use crate::error::{Error, MAX_LISTED, Rule, Violation};
use crate::json::parse::{self, Body, JsonPath, Obj, ParseOptions, Parsed, Root, Step};

/// Passes at most: each records a problem or moves a placeholder on, so this is far more than
/// the 100 problems need; past it, what was found is reported.
const MAX_PASSES: usize = 2_000;

/// Nested containers serde_json reads at most; a deeper body is not JSON it can parse.
const MAX_DEPTH: usize = 127;

/// The name under which serde_json's `RawValue` asks for a value's text (see `number.rs`).
const RAW_VALUE_TOKEN: &str = "$serde_json::private::RawValue";

/// Stand-ins for a required value that was wrong or missing, tried in order until the typed
/// parse gets past it: each fits some field type (an amount, a quantity, a string, a
/// currency, a flag, a list, an object).
const PLACEHOLDERS: [&str; 7] = ["0", "1", "\"\"", "\"NOK\"", "false", "[]", "{}"];

fn placeholder(attempt: usize) -> Option<&'static RawValue> {
    PLACEHOLDERS
        .get(attempt)
        .and_then(|text| serde_json::from_str(text).ok())
}

/// Checks `json` as `T` once the typed parse refused it (see the module docs).
pub(crate) fn run<T: Body>(json: &[u8], options: &ParseOptions) -> Result<Parsed<T>, Error> {
    let text = readable(json)?;
    let root: &RawValue = serde_json::from_str(text).map_err(|error| parse::syntax(&error))?;
    let mut repair = Repair {
        input: text,
        root_kind: T::ROOT,
        lenient: options.is_lenient(),
        tree: Node::Raw(root),
        log: RefCell::new(Log::default()),
        removed: HashSet::new(),
        placeholders: HashMap::new(),
    };
    repair.run::<T>()
}

/// The body as text, once it is known to be JSON that serde_json reads: its syntax, its
/// encoding and its depth (a `RawValue` checks the first two, not the third).
fn readable(json: &[u8]) -> Result<&str, Error> {
    if let Err(error) = serde_json::from_slice::<&RawValue>(json) {
        return Err(parse::syntax(&error));
    }
    let Ok(text) = std::str::from_utf8(json) else {
        return Err(Error::single(Violation::new(
            Rule::Syntax,
            "",
            "a JSON document",
            "bytes that are not UTF-8",
        )));
    };
    if too_deep(text) {
        // serde_json's own words and position for it.
        let error = serde_json::from_str::<Depth>(text)
            .err()
            .unwrap_or_else(|| de::Error::custom("recursion limit exceeded"));
        return Err(parse::syntax(&error));
    }
    Ok(text)
}

/// Whether `text` (valid JSON) nests more containers than serde_json reads.
fn too_deep(text: &str) -> bool {
    let mut depth = 0_usize;
    let mut in_string = false;
    let mut escaped = false;
    for byte in text.bytes() {
        if in_string {
            match (escaped, byte) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match byte {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return true;
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    false
}

/// Any JSON value, read only to meet serde_json's depth limit (and its message).
struct Depth;

impl<'de> Deserialize<'de> for Depth {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Depth, D::Error> {
        deserializer.deserialize_any(DepthVisitor)
    }
}

struct DepthVisitor;

impl<'de> Visitor<'de> for DepthVisitor {
    type Value = Depth;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E>(self, _: bool) -> Result<Depth, E> {
        Ok(Depth)
    }
    fn visit_i64<E>(self, _: i64) -> Result<Depth, E> {
        Ok(Depth)
    }
    fn visit_u64<E>(self, _: u64) -> Result<Depth, E> {
        Ok(Depth)
    }
    fn visit_f64<E>(self, _: f64) -> Result<Depth, E> {
        Ok(Depth)
    }
    fn visit_str<E>(self, _: &str) -> Result<Depth, E> {
        Ok(Depth)
    }
    fn visit_unit<E>(self) -> Result<Depth, E> {
        Ok(Depth)
    }
    fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<Depth, A::Error> {
        while seq.next_element::<Depth>()?.is_some() {}
        Ok(Depth)
    }
    fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<Depth, A::Error> {
        while map.next_key::<de::IgnoredAny>()?.is_some() {
            map.next_value::<Depth>()?;
        }
        Ok(Depth)
    }
}

/// A value of the body: its text, until something inside it had to be repaired.
enum Node<'de> {
    /// Not expanded: the value as written (or a placeholder).
    Raw(&'de RawValue),
    /// An object with its members.
    Object(Box<ObjectNode<'de>>),
    /// An array with its elements.
    Array(Box<ArrayNode<'de>>),
}

struct ObjectNode<'de> {
    /// The object as written.
    raw: &'de RawValue,
    members: Vec<Member<'de>>,
    /// Members before this one parse whatever happens after (see the module docs).
    clean: usize,
}

struct ArrayNode<'de> {
    /// The array as written.
    raw: &'de RawValue,
    elements: Vec<Node<'de>>,
    /// Elements before this one parse whatever happens after.
    clean: usize,
}

struct Member<'de> {
    key: Cow<'de, str>,
    value: Node<'de>,
    /// 1 for the first member with its key, 2 for the next one, …: only the first is read.
    occurrence: u32,
    /// Removed by a repair (a value of the wrong type where one may be left out).
    removed: bool,
}

impl<'de> Node<'de> {
    /// The text this node was read from.
    fn raw(&self) -> &'de RawValue {
        match self {
            Node::Raw(raw) => raw,
            Node::Object(object) => object.raw,
            Node::Array(array) => array.raw,
        }
    }

    /// Expands a container written as text; `false` for a scalar.
    fn expand(&mut self) -> Result<bool, serde_json::Error> {
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
enum Kind {
    Object,
    Array,
    Scalar,
}

fn kind(raw: &RawValue) -> Kind {
    match raw.get().as_bytes().first() {
        Some(b'{') => Kind::Object,
        Some(b'[') => Kind::Array,
        _ => Kind::Scalar,
    }
}

/// An object's members, in document order, each value as text; keys given again are marked.
fn members_of<'de>(raw: &'de RawValue) -> Result<Vec<Member<'de>>, serde_json::Error> {
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
fn count_occurrences(members: &mut [Member<'_>]) {
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
fn elements_of<'de>(raw: &'de RawValue) -> Result<Vec<Node<'de>>, serde_json::Error> {
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
struct Text;

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

/// One step of a place in the tree: a member by its position (and key) or an element.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Place {
    Member(usize, String),
    Element(usize),
}

/// Where a value is, while a pass reads it: its parent's frame and the step to it.
#[derive(Clone, Copy)]
enum Frame<'a> {
    Root,
    Member(&'a Frame<'a>, usize, &'a str),
    Element(&'a Frame<'a>, usize),
}

impl Frame<'_> {
    /// The steps from the root.
    fn places(&self) -> Vec<Place> {
        let mut places = Vec::new();
        let mut frame = self;
        loop {
            match frame {
                Frame::Root => break,
                Frame::Member(parent, index, key) => {
                    places.push(Place::Member(*index, (*key).to_owned()));
                    frame = parent;
                }
                Frame::Element(parent, index) => {
                    places.push(Place::Element(*index));
                    frame = parent;
                }
            }
        }
        places.reverse();
        places
    }

    fn path(&self) -> JsonPath {
        json_path(&self.places())
    }
}

fn json_path(places: &[Place]) -> JsonPath {
    JsonPath(
        places
            .iter()
            .map(|place| match place {
                Place::Member(_, key) => Step::Key(key.clone()),
                Place::Element(index) => Step::Index(*index),
            })
            .collect(),
    )
}

/// What the passes found: problems and warnings with where in the input they are (to list
/// them in document order), the values they make moot, and what was not kept.
#[derive(Default)]
struct Log {
    problems: Vec<(usize, Violation)>,
    warnings: Vec<(usize, Violation)>,
    unlisted_warnings: usize,
    /// A problem past the [`MAX_LISTED`] kept was found: the repair stops.
    full: bool,
    /// Rendered paths whose value was removed, replaced, misspelt or given twice: problems
    /// they could cause are not reported.
    poisoned: Vec<String>,
}

impl Log {
    /// Keeps a problem; `false` (and the log full) when there is no room left.
    fn problem(&mut self, offset: usize, violation: Violation) -> bool {
        if self.problems.len() >= MAX_LISTED {
            self.full = true;
            return false;
        }
        self.problems.push((offset, violation));
        true
    }

    fn warning(&mut self, offset: usize, violation: impl FnOnce() -> Violation) {
        if self.warnings.len() >= MAX_LISTED {
            self.unlisted_warnings = self.unlisted_warnings.saturating_add(1);
        } else {
            self.warnings.push((offset, violation()));
        }
    }
}

/// The state of the repair across passes.
struct Repair<'de> {
    input: &'de str,
    root_kind: Root,
    lenient: bool,
    tree: Node<'de>,
    log: RefCell<Log>,
    /// Paths removed because of a wrong type, so their "missing field" is not news.
    removed: HashSet<JsonPath>,
    /// Paths given a placeholder, with the next one to try.
    placeholders: HashMap<JsonPath, usize>,
}

/// What one pass shares with every node it reads.
struct Pass<'p, 'de> {
    input: &'de str,
    root_kind: Root,
    lenient: bool,
    /// The last pass: everything is read, nothing recorded.
    last: bool,
    log: &'p RefCell<Log>,
    /// Where the innermost refused value is.
    failure: OnceCell<Vec<Place>>,
    /// Whether anything was skipped or shortened, so the value made is not the body's.
    shortened: Cell<bool>,
}

impl<'de> Pass<'_, 'de> {
    fn offset(&self, raw: &RawValue) -> usize {
        offset(self.input, raw).unwrap_or(usize::MAX)
    }

    fn fail_at(&self, frame: &Frame<'_>) {
        self.failure.get_or_init(|| frame.places());
    }

    /// Records an unknown field read for the first time; `Err` stops the pass when there is
    /// no room for another problem.
    fn unknown_field(
        &self,
        object: &Frame<'_>,
        key: &str,
        value: &RawValue,
        fields: &[&str],
        members: &[Member<'_>],
    ) -> Result<(), serde_json::Error> {
        let offset = self.offset(value);
        let parent = object.path();
        let violation = |expected: String| {
            Violation::new(
                Rule::UnknownField,
                parent.render_child(key, self.root_kind),
                expected,
                format!("unknown field `{key}`"),
            )
        };
        let mut log = self.log.borrow_mut();
        if self.lenient {
            log.warning(offset, || {
                violation(parse::unknown_field_expectation(key, fields).0)
            });
            return Ok(());
        }
        if log.problems.len() >= MAX_LISTED {
            log.full = true;
            return Err(de::Error::custom("too many problems"));
        }
        let (expected, suggestion) = parse::unknown_field_expectation(key, fields);
        // A typo may have been meant as the suggested field; when that field is absent, the
        // checks that depend on it would only echo the typo. When it is present, they stand.
        if let Some(suggestion) = suggestion
            && !members
                .iter()
                .any(|m| !m.removed && m.key == suggestion.as_str())
        {
            log.poisoned
                .push(parent.render_child(&suggestion, self.root_kind));
        }
        log.problem(offset, violation(expected));
        Ok(())
    }

    /// Records a key given again in one object.
    fn duplicate(
        &self,
        object: &Frame<'_>,
        key: &str,
        value: &RawValue,
    ) -> Result<(), serde_json::Error> {
        let path = object.path().render_child(key, self.root_kind);
        let mut log = self.log.borrow_mut();
        log.poisoned.push(path.clone());
        let violation = Violation::new(
            Rule::DuplicateKey,
            path,
            "each key at most once in an object",
            format!("`{key}` twice"),
        );
        if log.problem(self.offset(value), violation) {
            Ok(())
        } else {
            Err(de::Error::custom("too many problems"))
        }
    }
}

/// Where `raw` starts in `input`, when it is part of it (a placeholder is not).
fn offset(input: &str, raw: &RawValue) -> Option<usize> {
    let start = input.as_ptr() as usize;
    (raw.get().as_ptr() as usize)
        .checked_sub(start)
        .filter(|offset| *offset <= input.len())
}

impl<'de> Repair<'de> {
    fn run<T: Body>(&mut self) -> Result<Parsed<T>, Error> {
        let mut last = false;
        for _ in 0..MAX_PASSES {
            let log = &self.log;
            let pass = Pass {
                input: self.input,
                root_kind: self.root_kind,
                lenient: self.lenient,
                last,
                log,
                failure: OnceCell::new(),
                shortened: Cell::new(false),
            };
            let result = Obj::<T::Wire>::deserialize(TreeDe {
                node: &mut self.tree,
                frame: &Frame::Root,
                pass: &pass,
                skim: false,
            });
            if self.log.borrow().full {
                return Err(self.stopped());
            }
            let failure = pass.failure.into_inner();
            match result {
                Ok(Obj(wire)) if last || !pass.shortened.get() => {
                    return self.finish(T::from_wire(wire));
                }
                Ok(_) => last = true,
                Err(error) => {
                    last = false;
                    let places = failure.unwrap_or_default();
                    if !self.repair(&places, &error.to_string()) {
                        return Err(self.gave_up(&places, &error.to_string()));
                    }
                    if self.log.borrow().full {
                        return Err(self.stopped());
                    }
                }
            }
        }
        Err(self.gave_up(&[], "too many repairs"))
    }

    /// The problems in document order.
    fn problems(&self) -> Vec<Violation> {
        let mut log = self.log.borrow_mut();
        let mut problems = std::mem::take(&mut log.problems);
        problems.sort_by_key(|(offset, _)| *offset);
        problems.into_iter().map(|(_, v)| v).collect()
    }

    /// More than [`MAX_LISTED`] problems: the first ones, and that the search stopped.
    fn stopped(&self) -> Error {
        Error::from_parts(self.problems(), 1, true)
    }

    /// A value no repair gets past: what was found, or that.
    fn gave_up(&self, places: &[Place], message: &str) -> Error {
        let mut problems = self.problems();
        if problems.is_empty() {
            problems.push(Violation::new(
                Rule::Type,
                json_path(places).render(self.root_kind),
                "a body of the documented shape",
                parse::without_position(message),
            ));
        }
        Error::from_parts(problems, 0, true)
    }

    /// The value and warnings, or every problem, derived ones left out.
    fn finish<T>(&self, checked: Result<T, Error>) -> Result<Parsed<T>, Error> {
        let mut problems = self.problems();
        let (warnings, unlisted_warnings) = {
            let mut log = self.log.borrow_mut();
            let mut warnings = std::mem::take(&mut log.warnings);
            warnings.sort_by_key(|(offset, _)| *offset);
            (
                warnings.into_iter().map(|(_, v)| v).collect(),
                log.unlisted_warnings,
            )
        };
        match checked {
            Ok(value) if problems.is_empty() => {
                Ok(Parsed::with_warnings(value, warnings, unlisted_warnings))
            }
            Ok(_) => Err(Error::from_violations(problems)),
            Err(invariants) => {
                let unlisted = invariants.unlisted();
                let log = self.log.borrow();
                for violation in invariants.into_violations() {
                    if !derived(&log.poisoned, &violation) {
                        problems.push(violation);
                    }
                }
                Err(Error::from_parts(problems, unlisted, false))
            }
        }
    }

    /// Whether `path` is inside a value that was replaced by a placeholder.
    fn inside_placeholder(&self, path: &JsonPath) -> bool {
        self.placeholders
            .keys()
            .any(|p| path.0.len() > p.0.len() && path.0.starts_with(&p.0))
    }

    /// Records the problem serde reported at `places` and repairs the tree so the next pass
    /// gets further; `false` when it cannot.
    fn repair(&mut self, places: &[Place], message: &str) -> bool {
        let path = json_path(places);
        if let Some(key) = parse::between(message, "missing field `", "`") {
            let field = path.child(key);
            let report = !self.removed.contains(&field) && !self.inside_placeholder(&field);
            let rendered = field.render(self.root_kind);
            let Some(stand_in) = placeholder(0) else {
                return false;
            };
            let Some(Node::Object(object)) = reach(&mut self.tree, places) else {
                return false;
            };
            // Every member was read before the field was found missing.
            object.clean = object.members.len();
            let end = offset(self.input, object.raw)
                .map_or(usize::MAX, |start| start + object.raw.get().len());
            object.members.push(Member {
                key: Cow::Owned(key.to_owned()),
                value: Node::Raw(stand_in),
                occurrence: 1,
                removed: false,
            });
            let mut log = self.log.borrow_mut();
            log.poisoned.push(rendered.clone());
            if report {
                log.problem(
                    end,
                    Violation::new(
                        Rule::Required,
                        rendered,
                        format!("a value for `{key}` (required)"),
                        "nothing",
                    ),
                );
            }
            drop(log);
            self.placeholders.insert(field, 1);
            return true;
        }
        if let Some(&attempt) = self.placeholders.get(&path) {
            // The last placeholder did not fit either: try the next.
            let Some(stand_in) = placeholder(attempt) else {
                return false;
            };
            let Some(node) = reach(&mut self.tree, places) else {
                return false;
            };
            *node = Node::Raw(stand_in);
            self.placeholders.insert(path, attempt + 1);
            return true;
        }
        let inside = self.inside_placeholder(&path);
        let rendered = path.render(self.root_kind);
        let Some(node) = reach(&mut self.tree, places) else {
            return false;
        };
        let raw = node.raw();
        let found = describe(raw);
        let at = offset(self.input, raw).unwrap_or(usize::MAX);
        {
            let mut log = self.log.borrow_mut();
            if !inside {
                log.problem(at, parse::classify(message, &path, self.root_kind, found));
            }
            log.poisoned.push(rendered.clone());
        }
        match places.split_last() {
            Some((Place::Member(index, _), parent)) => {
                if let Some(Node::Object(object)) = reach(&mut self.tree, parent)
                    && let Some(member) = object.members.get_mut(*index)
                {
                    member.removed = true;
                    self.removed.insert(path);
                    return true;
                }
                false
            }
            _ => {
                let Some(stand_in) = placeholder(0) else {
                    return false;
                };
                let Some(node) = reach(&mut self.tree, places) else {
                    return false;
                };
                *node = Node::Raw(stand_in);
                self.placeholders.insert(path, 1);
                true
            }
        }
    }
}

/// The node at `places`, expanding the containers on the way and marking what comes before
/// each step as clean: a pass read it before it stopped further on.
fn reach<'t, 'de>(node: &'t mut Node<'de>, places: &[Place]) -> Option<&'t mut Node<'de>> {
    let Some((first, rest)) = places.split_first() else {
        node.expand().ok()?;
        return Some(node);
    };
    if !node.expand().ok()? {
        return None;
    }
    let child = match (node, first) {
        (Node::Object(object), Place::Member(index, _)) => {
            object.clean = object.clean.max(*index);
            &mut object.members.get_mut(*index)?.value
        }
        (Node::Array(array), Place::Element(index)) => {
            array.clean = array.clean.max(*index);
            array.elements.get_mut(*index)?
        }
        _ => return None,
    };
    reach(child, rest)
}

/// Whether a removed or replaced value (at a `poisoned` path) could have caused `violation`.
fn derived(poisoned: &[String], violation: &Violation) -> bool {
    let path = violation.path();
    poisoned.iter().any(|poisoned| {
        let inside = poisoned.is_empty()
            || path == poisoned
            || path
                .strip_prefix(poisoned.as_str())
                .is_some_and(|rest| rest.starts_with(['.', '[']));
        // A line's fields depend on each other (vat, amount, vat_amount, type).
        let line = parse::parent(poisoned);
        let sibling = parse::parent(path) == line
            && (line.ends_with(']') || line.ends_with("shipping_option"));
        let totals = matches!(violation.rule(), Rule::OrderAmount | Rule::OrderVatAmount)
            && poisoned.starts_with("order");
        let line_ids = violation.rule() == Rule::DuplicateLineId && poisoned.ends_with("line_id");
        inside || sibling || totals || line_ids
    })
}

/// What a value is, for `found`: its JSON text as written, without the spaces between
/// tokens, shortened when long.
fn describe(raw: &RawValue) -> String {
    const MAX: usize = 60;
    let mut text = String::new();
    let mut chars = 0;
    let mut in_string = false;
    let mut escaped = false;
    for c in raw.get().chars() {
        if in_string {
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
        } else if c.is_ascii_whitespace() {
            continue;
        } else if c == '"' {
            in_string = true;
        }
        if chars == MAX {
            return match kind(raw) {
                Kind::Array => match elements_of(raw) {
                    Ok(elements) => format!("an array of {} items", elements.len()),
                    Err(_) => "an array".to_owned(),
                },
                Kind::Object => "an object".to_owned(),
                Kind::Scalar => format!("{text}…"),
            };
        }
        text.push(c);
        chars += 1;
    }
    text
}

/// How a pass shows a node to serde: as serde_json would show the body (see the module docs).
struct TreeDe<'a, 'p, 'de> {
    node: &'a mut Node<'de>,
    frame: &'a Frame<'a>,
    pass: &'a Pass<'p, 'de>,
    /// The node is clean: show it shortened (unless this is the last pass).
    skim: bool,
}

/// What a `Deserialize` asked for, where the answer depends on it.
#[derive(Clone, Copy)]
enum Hint {
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
    fn skimming(&self) -> bool {
        self.skim && !self.pass.last
    }

    fn present<V: Visitor<'de>>(
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

    fn object<V: Visitor<'de>>(
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

    fn array<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, serde_json::Error> {
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
struct ObjectAccess<'a, 'p, 'de> {
    members: &'a mut Vec<Member<'de>>,
    next: usize,
    current: Option<usize>,
    /// Members before this one were read by an earlier pass.
    clean: usize,
    /// The object is clean (all of it was read before).
    skim: bool,
    /// The struct's fields; `None` for a map.
    fields: Option<&'static [&'static str]>,
    frame: &'a Frame<'a>,
    pass: &'a Pass<'p, 'de>,
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
struct ArrayAccess<'a, 'p, 'de> {
    elements: &'a mut Vec<Node<'de>>,
    next: usize,
    frame: &'a Frame<'a>,
    pass: &'a Pass<'p, 'de>,
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

#[cfg(test)]
mod tests {
    use super::*;

    fn raw(text: &str) -> &RawValue {
        serde_json::from_str(text).unwrap_or_else(|e| panic!("{text}: {e}"))
    }

    #[test]
    fn found_is_the_text_as_written_without_spaces() {
        assert_eq!(describe(raw("2.0000000000000001")), "2.0000000000000001");
        assert_eq!(describe(raw("1e3")), "1e3");
        assert_eq!(
            describe(raw(r#"[ 1, "a b" ,{ "c" : 2 } ]"#)),
            r#"[1,"a b",{"c":2}]"#
        );
        assert_eq!(
            describe(raw(&format!("[{}1]", "1,".repeat(40)))),
            "an array of 41 items"
        );
        let long = format!("\"{}\"", "x".repeat(80));
        assert_eq!(describe(raw(&long)), format!("\"{}…", "x".repeat(59)));
    }

    #[test]
    fn depth_is_counted_outside_strings() {
        let deep = format!("{}{}", "[".repeat(127), "]".repeat(127));
        assert!(!too_deep(&deep));
        let deeper = format!("{}{}", "[".repeat(128), "]".repeat(128));
        assert!(too_deep(&deeper));
        assert!(!too_deep(&format!("\"{}\"", "[".repeat(200))));
        assert!(!too_deep(&format!("[\"\\\"{}\"]", "[".repeat(200))));
    }

    #[test]
    fn keys_given_again_are_numbered() {
        let members = members_of(raw(r#"{"a":1,"b":2,"a":3,"a":4}"#)).unwrap_or_default();
        let occurrences: Vec<u32> = members.iter().map(|m| m.occurrence).collect();
        assert_eq!(occurrences, [1, 1, 2, 3]);
        let many: Vec<String> = (0..40).map(|i| format!("\"k{}\":{i}", i % 30)).collect();
        let text = format!("{{{}}}", many.join(","));
        let members = members_of(raw(&text)).unwrap_or_default();
        assert_eq!(members.iter().filter(|m| m.occurrence == 2).count(), 10);
    }
}
