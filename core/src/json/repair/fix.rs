//! Repairing the tree where a pass stopped: removing a value, giving it a placeholder,
//! adding a missing field, and the passes that run until the body parses.

use super::*;

/// Where `raw` starts in `input`, when it is part of it (a placeholder is not).
pub(super) fn offset(input: &str, raw: &RawValue) -> Option<usize> {
    let start = input.as_ptr() as usize;
    (raw.get().as_ptr() as usize)
        .checked_sub(start)
        .filter(|offset| *offset <= input.len())
}

impl<'de> Repair<'de> {
    pub(super) fn run<T: Body>(&mut self) -> Result<Parsed<T>, Error> {
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
                    return self.finish(T::checked(wire, &self.options));
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
    pub(super) fn problems(&self) -> Vec<Violation> {
        let mut log = self.log.borrow_mut();
        let mut problems = std::mem::take(&mut log.problems);
        problems.sort_by_key(|(offset, _)| *offset);
        problems.into_iter().map(|(_, v)| v).collect()
    }

    /// More than [`MAX_LISTED`] problems: the first ones, and that the search stopped.
    pub(super) fn stopped(&self) -> Error {
        Error::from_parts(self.problems(), 1, true)
    }

    /// A value no repair gets past: what was found, or that.
    pub(super) fn gave_up(&self, places: &[Place], message: &str) -> Error {
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
    pub(super) fn finish<T>(
        &self,
        checked: Result<(T, Vec<Violation>), Error>,
    ) -> Result<Parsed<T>, Error> {
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
            Ok((value, crate_rules)) if problems.is_empty() => {
                let mut warnings: Vec<Violation> = warnings;
                warnings.extend(crate_rules);
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
    pub(super) fn inside_placeholder(&self, path: &JsonPath) -> bool {
        self.placeholders
            .keys()
            .any(|p| path.0.len() > p.0.len() && path.0.starts_with(&p.0))
    }

    /// Records the problem serde reported at `places` and repairs the tree so the next pass
    /// gets further; `false` when it cannot.
    pub(super) fn repair(&mut self, places: &[Place], message: &str) -> bool {
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
pub(super) fn reach<'t, 'de>(
    node: &'t mut Node<'de>,
    places: &[Place],
) -> Option<&'t mut Node<'de>> {
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
pub(super) fn derived(poisoned: &[String], violation: &Violation) -> bool {
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
pub(super) fn describe(raw: &RawValue) -> String {
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
