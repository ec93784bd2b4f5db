//! One typed parse over the tree: where it is (places and frames), what it logs, and where it stopped.

use super::*;

/// One step of a place in the tree: a member by its position (and key) or an element.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Place {
    Member(usize, String),
    Element(usize),
}

/// Where a value is, while a pass reads it: its parent's frame and the step to it.
#[derive(Clone, Copy)]
pub(super) enum Frame<'a> {
    Root,
    Member(&'a Frame<'a>, usize, &'a str),
    Element(&'a Frame<'a>, usize),
}

impl Frame<'_> {
    /// The steps from the root.
    pub(super) fn places(&self) -> Vec<Place> {
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

    pub(super) fn path(&self) -> JsonPath {
        json_path(&self.places())
    }
}

pub(super) fn json_path(places: &[Place]) -> JsonPath {
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
pub(super) struct Log {
    pub(super) problems: Vec<(usize, Violation)>,
    pub(super) warnings: Vec<(usize, Violation)>,
    pub(super) unlisted_warnings: usize,
    /// A problem past the [`MAX_LISTED`] kept was found: the repair stops.
    pub(super) full: bool,
    /// Rendered paths whose value was removed, replaced, misspelt or given twice: problems
    /// they could cause are not reported.
    pub(super) poisoned: Vec<String>,
}

impl Log {
    /// Keeps a problem; `false` (and the log full) when there is no room left.
    pub(super) fn problem(&mut self, offset: usize, violation: Violation) -> bool {
        if self.problems.len() >= MAX_LISTED {
            self.full = true;
            return false;
        }
        self.problems.push((offset, violation));
        true
    }

    pub(super) fn warning(&mut self, offset: usize, violation: impl FnOnce() -> Violation) {
        if self.warnings.len() >= MAX_LISTED {
            self.unlisted_warnings = self.unlisted_warnings.saturating_add(1);
        } else {
            self.warnings.push((offset, violation()));
        }
    }
}

/// The state of the repair across passes.
pub(super) struct Repair<'de> {
    pub(super) input: &'de str,
    pub(super) root_kind: Root,
    pub(super) lenient: bool,
    /// What the parse was asked for (a faithful one turns this crate's own rules into
    /// warnings once the body is read).
    pub(super) options: ParseOptions,
    pub(super) tree: Node<'de>,
    pub(super) log: RefCell<Log>,
    /// Paths removed because of a wrong type, so their "missing field" is not news.
    pub(super) removed: HashSet<JsonPath>,
    /// Paths given a placeholder, with the next one to try.
    pub(super) placeholders: HashMap<JsonPath, usize>,
}

/// What one pass shares with every node it reads.
pub(super) struct Pass<'p, 'de> {
    pub(super) input: &'de str,
    pub(super) root_kind: Root,
    pub(super) lenient: bool,
    /// The last pass: everything is read, nothing recorded.
    pub(super) last: bool,
    pub(super) log: &'p RefCell<Log>,
    /// Where the innermost refused value is.
    pub(super) failure: OnceCell<Vec<Place>>,
    /// Whether anything was skipped or shortened, so the value made is not the body's.
    pub(super) shortened: Cell<bool>,
}

impl<'de> Pass<'_, 'de> {
    pub(super) fn offset(&self, raw: &RawValue) -> usize {
        offset(self.input, raw).unwrap_or(usize::MAX)
    }

    pub(super) fn fail_at(&self, frame: &Frame<'_>) {
        self.failure.get_or_init(|| frame.places());
    }

    /// Records an unknown field read for the first time; `Err` stops the pass when there is
    /// no room for another problem.
    pub(super) fn unknown_field(
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
            // Dropped, but not unread: a key given twice inside it is refused as it is
            // anywhere else, so strict and lenient differ in unknown fields only.
            if let Err(error) = serde_json::from_str::<parse::UniqueValue>(value.get())
                && let Some(twice) = parse::between(&error.to_string(), "duplicate field `", "`")
            {
                let duplicate = Violation::new(
                    Rule::DuplicateKey,
                    parent.render_child(key, self.root_kind),
                    "each key at most once in an object",
                    format!("`{twice}` twice"),
                );
                if !log.problem(offset, duplicate) {
                    return Err(de::Error::custom("too many problems"));
                }
            }
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
    pub(super) fn duplicate(
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
