//! Checks Dintero Checkout request bodies you already have, with every invariant this crate
//! enforces, and prints each problem with its JSON path.
//!
//! ```text
//! dintero-check body.json other.json   # files
//! curl … | dintero-check -             # standard input
//! dintero-check --json body.json       # a machine-readable report
//! dintero-check --as order order.json  # skip the detection
//! ```
//!
//! Output, one line per problem, or `FILE: ok`:
//!
//! ```text
//! body.json: order.items[0].vat_amount: expected 5998 (25 % VAT contained in 29990), found 6000
//! ```
//!
//! The exit status is 0 when every input is valid, 1 when any is not (or cannot be read) and
//! 2 on a usage error.
//!
//! Which body a document is, unless `--as profile|session|order` says:
//!
//! 1. an object with `profile_id` is a `POST /v1/sessions-profile` body;
//! 2. else an object with `order` and `configuration` is a `POST /v1/sessions` body;
//! 3. else an object with `order` is a sessions-profile body (the usual endpoint; its missing
//!    `profile_id` is reported);
//! 4. else an object with any of `amount`, `currency`, `merchant_reference`, `items` is a
//!    bare order (paths start with `order.`);
//! 5. anything else is checked as a sessions-profile body.

use std::io::Read as _;
use std::process::ExitCode;

use dintero_order::{Error, Order, Session, SessionProfile, Violation};
use serde::Serialize;
use serde_json::Value;

/// The kinds of body the checker knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
enum Kind {
    /// `POST /v1/sessions-profile`.
    SessionsProfile,
    /// `POST /v1/sessions`.
    Sessions,
    /// A bare `order` object.
    Order,
}

/// One input's result, as `--json` writes it.
#[derive(Debug, Serialize)]
struct Report {
    file: String,
    ok: bool,
    kind: Option<Kind>,
    problems: Vec<Violation>,
}

/// Guesses the kind of body from its top-level keys (see the module docs).
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

/// Every problem of `bytes` read as `kind`.
fn check(bytes: &[u8], kind: Kind) -> Vec<Violation> {
    let result: Result<(), Error> = match kind {
        Kind::SessionsProfile => SessionProfile::from_json(bytes).map(drop),
        Kind::Sessions => Session::from_json(bytes).map(drop),
        Kind::Order => Order::from_json(bytes).map(drop),
    };
    result.err().map(Error::into_violations).unwrap_or_default()
}

fn read(file: &str) -> std::io::Result<Vec<u8>> {
    if file == "-" {
        let mut bytes = Vec::new();
        std::io::stdin().read_to_end(&mut bytes)?;
        Ok(bytes)
    } else {
        std::fs::read(file)
    }
}

const USAGE: &str = "usage: check [--json] [--as profile|session|order] FILE... (- reads stdin)";

fn main() -> ExitCode {
    let mut json = false;
    let mut forced = None;
    let mut files = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--json" => json = true,
            "--as" => {
                forced = match args.next().as_deref() {
                    Some("profile") => Some(Kind::SessionsProfile),
                    Some("session") => Some(Kind::Sessions),
                    Some("order") => Some(Kind::Order),
                    _ => {
                        eprintln!("{USAGE}");
                        return ExitCode::from(2);
                    }
                }
            }
            "-h" | "--help" => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            _ => files.push(arg),
        }
    }
    if files.is_empty() {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    }

    let mut reports = Vec::new();
    for file in files {
        let report = match read(&file) {
            Ok(bytes) => {
                let kind = forced.unwrap_or_else(|| detect(&bytes));
                let problems = check(&bytes, kind);
                Report {
                    ok: problems.is_empty(),
                    file,
                    kind: Some(kind),
                    problems,
                }
            }
            Err(error) => Report {
                ok: false,
                problems: vec![Violation::new(
                    dintero_order::Rule::Syntax,
                    "",
                    "a readable file",
                    error.to_string(),
                )],
                file,
                kind: None,
            },
        };
        reports.push(report);
    }

    let all_ok = reports.iter().all(|r| r.ok);
    if json {
        match serde_json::to_string_pretty(&reports) {
            Ok(text) => println!("{text}"),
            Err(error) => {
                eprintln!("cannot write the report: {error}");
                return ExitCode::from(2);
            }
        }
    } else {
        for report in &reports {
            if report.ok {
                println!("{}: ok", report.file);
            }
            for problem in &report.problems {
                println!("{}: {problem}", report.file);
            }
        }
    }
    if all_ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
