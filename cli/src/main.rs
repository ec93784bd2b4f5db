//! `dintero-check`: checks Dintero Checkout request bodies you already have (made by a plugin,
//! another service, a log) with every invariant `dintero-order` enforces, and prints each
//! problem with its JSON path.
//!
//! ```text
//! cargo install --path cli            # from a checkout of the repository
//! dintero-check body.json other.json   # files
//! curl … | dintero-check -             # standard input
//! dintero-check --json body.json       # a machine-readable report
//! dintero-check --lenient body.json    # fields the spec does not define are only warnings
//! dintero-check --faithful sent.json   # a body Dintero sent: only Dintero's rules fail
//! dintero-check --as order order.json  # skip the detection: profile | session | order
//! ```
//!
//! Output, one line per problem, per warning, or `FILE: ok`:
//!
//! ```text
//! body.json: order.items[0].vat_amount: expected 5998 (25 % VAT contained in 29990), found 6000 [stricter than Dintero: vat_amount]
//! body.json: url.callback_url: expected an absolute https URL, found "ftp://shop.example/cb"
//! woo.json: warning: order.items[1].tax_rate: expected a field the spec defines here, found unknown field `tax_rate`
//! woo.json: ok
//! ```
//!
//! `--json` prints one array with a report per input, in the order given:
//! `{"file", "ok", "kind", "problems": [{"rule", "owner", "path", "expected", "found"}], "warnings": […]}`,
//! where `owner` is `dintero` for a rule of Dintero's and `crate` for one of this crate's
//! stricter rules, and `kind` is `sessions_profile`, `sessions`, `order`, or `null` for an input that could
//! not be read, and `warnings` holds what `--lenient` dropped (always empty without it). At
//! most 100 of each are listed: `unlisted_problems`, `unlisted_warnings` and `stopped_early`
//! (each present only when not 0 or false) say how many more there were, or that the check
//! stopped looking.
//!
//! The exit status is 0 when every input is valid (warnings allowed), 1 when any is not or
//! cannot be read, and 2 on a usage error or when the report cannot be written. Every input
//! is checked even when standard output is closed early (`dintero-check *.json | head -1`):
//! the output stops quietly and the exit status is still the verdict.
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

mod args;
mod report;

use std::io::{self, BufWriter, StdoutLock, Write};
use std::process::ExitCode;

use dintero_order::ParseOptions;

use crate::args::{Command, HELP, Options, USAGE, UsageError};
use crate::report::Report;

/// The exit status of a usage error, or of a report that could not be written.
const USAGE_STATUS: u8 = 2;

fn main() -> ExitCode {
    match args::parse(std::env::args_os().skip(1)) {
        Ok(Command::Check(options)) => check(&options),
        Ok(Command::Help) => {
            let version = env!("CARGO_PKG_VERSION");
            let mut output = Output::new();
            output.write(|out| write!(out, "dintero-check {version}\n\n{HELP}"));
            output.finish(ExitCode::SUCCESS)
        }
        Ok(Command::Version) => {
            let mut output = Output::new();
            output.write(|out| writeln!(out, "dintero-check {}", env!("CARGO_PKG_VERSION")));
            output.finish(ExitCode::SUCCESS)
        }
        Err(UsageError(message)) => {
            // Nothing more can be done if standard error is closed too.
            let _ = writeln!(
                io::stderr(),
                "dintero-check: {message}\n{USAGE}\nMore: dintero-check --help"
            );
            ExitCode::from(USAGE_STATUS)
        }
    }
}

/// Checks every input and writes the reports.
fn check(options: &Options) -> ExitCode {
    let parse_options = if options.faithful {
        ParseOptions::faithful()
    } else if options.lenient {
        ParseOptions::lenient()
    } else {
        ParseOptions::strict()
    };
    let mut output = Output::new();
    let mut all_ok = true;
    let mut reports = Vec::new();
    for file in &options.files {
        let report = Report::of(file, options.kind, &parse_options);
        all_ok &= report.ok;
        if options.json {
            reports.push(report);
        } else {
            output.write(|out| report.write_lines(out));
        }
    }
    if options.json {
        output.write(|out| report::write_json(&reports, out));
    }
    output.finish(if all_ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

/// Standard output, written through `writeln!` so that a failure is an error, not a panic.
struct Output {
    out: BufWriter<StdoutLock<'static>>,
    /// The reader went away (`| head -1`): nothing more is written, quietly.
    closed: bool,
    /// Any other failure to write, reported once at the end.
    failed: Option<io::Error>,
}

impl Output {
    fn new() -> Output {
        Output {
            out: BufWriter::new(io::stdout().lock()),
            closed: false,
            failed: None,
        }
    }

    /// Writes and flushes one piece, unless writing has already stopped.
    fn write(&mut self, piece: impl FnOnce(&mut BufWriter<StdoutLock<'static>>) -> io::Result<()>) {
        if self.closed || self.failed.is_some() {
            return;
        }
        if let Err(error) = piece(&mut self.out).and_then(|()| self.out.flush()) {
            if error.kind() == io::ErrorKind::BrokenPipe {
                self.closed = true;
            } else {
                self.failed = Some(error);
            }
        }
    }

    /// `verdict`, unless the output could not be written for another reason than a closed
    /// reader.
    fn finish(self, verdict: ExitCode) -> ExitCode {
        match self.failed {
            None => verdict,
            Some(error) => {
                let _ = writeln!(
                    io::stderr(),
                    "dintero-check: cannot write the report: {error}"
                );
                ExitCode::from(USAGE_STATUS)
            }
        }
    }
}
