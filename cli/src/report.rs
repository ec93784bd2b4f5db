//! Checking one input, and writing the reports.

use std::io::{self, Read as _, Write};
use std::path::Path;

use dintero_order::{
    Error, Order, ParseOptions, Parsed, Rule, RuleOwner, Session, SessionProfile, Violation,
};
use serde::Serialize;
use serde_json::Value;

/// The kinds of body the checker knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// `POST /v1/sessions-profile`.
    SessionsProfile,
    /// `POST /v1/sessions`.
    Sessions,
    /// A bare `order` object.
    Order,
}

/// One input's result, as `--json` writes it.
#[derive(Debug, Serialize)]
pub struct Report {
    /// The input's name as given (`-` for standard input), lossily made UTF-8.
    pub file: String,
    /// No problems (warnings allowed).
    pub ok: bool,
    /// What the body was checked as; `None` when it could not be read.
    pub kind: Option<Kind>,
    /// What makes the body invalid.
    pub problems: Vec<Violation>,
    /// Fields `--lenient` dropped; always empty without it.
    pub warnings: Vec<Violation>,
    /// Problems found beyond the 100 listed (left out when none).
    #[serde(skip_serializing_if = "is_zero")]
    pub unlisted_problems: usize,
    /// Whether the check stopped looking once more than 100 problems were found, so there
    /// may be more than listed and counted (left out when not).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub stopped_early: bool,
    /// Fields dropped beyond the 100 warnings listed (left out when none).
    #[serde(skip_serializing_if = "is_zero")]
    pub unlisted_warnings: usize,
}

fn is_zero(count: &usize) -> bool {
    *count == 0
}

/// What one check found: problems and warnings, each at most 100 listed and the rest counted.
#[derive(Debug, Default)]
struct Findings {
    problems: Vec<Violation>,
    unlisted_problems: usize,
    stopped_early: bool,
    warnings: Vec<Violation>,
    unlisted_warnings: usize,
}

impl Findings {
    fn problems(error: Error) -> Findings {
        Findings {
            unlisted_problems: error.unlisted(),
            stopped_early: error.stopped_early(),
            problems: error.into_violations(),
            ..Findings::default()
        }
    }
}

impl Report {
    /// Reads and checks one input.
    pub fn of(file: &Path, forced: Option<Kind>, options: &ParseOptions) -> Report {
        let name = file.to_string_lossy().into_owned();
        match read(file) {
            Ok(bytes) => {
                let kind = forced.unwrap_or_else(|| detect(&bytes));
                let found = check(&bytes, kind, options);
                Report {
                    file: name,
                    ok: found.problems.is_empty(),
                    kind: Some(kind),
                    problems: found.problems,
                    warnings: found.warnings,
                    unlisted_problems: found.unlisted_problems,
                    stopped_early: found.stopped_early,
                    unlisted_warnings: found.unlisted_warnings,
                }
            }
            Err(error) => Report {
                file: name,
                ok: false,
                kind: None,
                problems: vec![Violation::new(
                    Rule::Syntax,
                    "",
                    "a readable file",
                    error.to_string(),
                )],
                warnings: Vec::new(),
                unlisted_problems: 0,
                stopped_early: false,
                unlisted_warnings: 0,
            },
        }
    }

    /// The report as lines: each warning, each problem (and how many more of each were
    /// not listed), then `FILE: ok` if it is valid.
    pub fn write_lines(&self, out: &mut impl Write) -> io::Result<()> {
        for warning in &self.warnings {
            writeln!(out, "{}: warning: {warning}", self.file)?;
        }
        if self.unlisted_warnings > 0 {
            writeln!(
                out,
                "{}: warning: and {} more fields dropped",
                self.file, self.unlisted_warnings
            )?;
        }
        for problem in &self.problems {
            match problem.owner() {
                RuleOwner::Dintero => writeln!(out, "{}: {problem}", self.file)?,
                // Dintero would take it: say so, and which of the crate's rules it breaks.
                RuleOwner::Crate => writeln!(
                    out,
                    "{}: {problem} [stricter than Dintero: {}]",
                    self.file,
                    problem.rule()
                )?,
            }
        }
        match (self.unlisted_problems, self.stopped_early) {
            (_, true) => writeln!(
                out,
                "{}: and more problems: checking stopped after the first 100",
                self.file
            )?,
            (0, false) => {}
            (more, false) => writeln!(out, "{}: and {more} more problems", self.file)?,
        }
        if self.ok {
            writeln!(out, "{}: ok", self.file)?;
        }
        Ok(())
    }
}

/// Every report as one pretty-printed JSON array.
pub fn write_json(reports: &[Report], out: &mut impl Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, reports).map_err(io::Error::from)?;
    writeln!(out)
}

/// The bytes of a file, or of standard input for `-`.
fn read(file: &Path) -> io::Result<Vec<u8>> {
    if file.as_os_str() == "-" {
        let mut bytes = Vec::new();
        io::stdin().lock().read_to_end(&mut bytes)?;
        Ok(bytes)
    } else {
        std::fs::read(file)
    }
}

/// Guesses the kind of body from its top-level keys (see the crate docs).
fn detect(bytes: &[u8]) -> Kind {
    let Ok(Value::Object(body)) = serde_json::from_slice::<Value>(bytes) else {
        return Kind::SessionsProfile;
    };
    let has = |key: &str| body.contains_key(key);
    if has("profile_id") {
        Kind::SessionsProfile
    } else if has("order") && has("configuration") {
        Kind::Sessions
    } else if has("order") {
        Kind::SessionsProfile
    } else if ["amount", "currency", "merchant_reference", "items"]
        .iter()
        .any(|key| has(key))
    {
        Kind::Order
    } else {
        Kind::SessionsProfile
    }
}

/// The problems and the warnings of `bytes` read as `kind`.
fn check(bytes: &[u8], kind: Kind, options: &ParseOptions) -> Findings {
    match parse(bytes, kind, options) {
        Ok((warnings, unlisted_warnings)) => Findings {
            warnings,
            unlisted_warnings,
            ..Findings::default()
        },
        Err(error) if options.is_lenient() => {
            // A lenient parse that fails returns only its problems. The fields it dropped are
            // the unknown fields a strict parse of the same bytes reports as errors.
            let warnings = parse(bytes, kind, &ParseOptions::strict())
                .err()
                .map(Error::into_violations)
                .unwrap_or_default()
                .into_iter()
                .filter(|violation| violation.rule() == Rule::UnknownField)
                .collect();
            Findings {
                warnings,
                ..Findings::problems(error)
            }
        }
        Err(error) => Findings::problems(error),
    }
}

/// Parses `bytes` as `kind`: the warnings and how many more there were, or every problem.
fn parse(
    bytes: &[u8],
    kind: Kind,
    options: &ParseOptions,
) -> Result<(Vec<Violation>, usize), Error> {
    fn warnings<T>(parsed: Parsed<T>) -> (Vec<Violation>, usize) {
        let unlisted = parsed.unlisted_warnings();
        (parsed.into_parts().1, unlisted)
    }
    match kind {
        Kind::SessionsProfile => SessionProfile::from_json_with(bytes, options).map(warnings),
        Kind::Sessions => Session::from_json_with(bytes, options).map(warnings),
        Kind::Order => Order::from_json_with(bytes, options).map(warnings),
    }
}
