//! The command line: options, files, and the help text.

use std::ffi::OsString;
use std::path::PathBuf;

use crate::report::Kind;

/// What the command line asks for.
#[derive(Debug, PartialEq, Eq)]
pub enum Command {
    /// Check these inputs.
    Check(Options),
    /// Print the help text.
    Help,
    /// Print the version.
    Version,
}

/// How to check, and what.
#[derive(Debug, PartialEq, Eq)]
pub struct Options {
    /// Write one JSON report instead of lines.
    pub json: bool,
    /// Unknown fields are warnings, not problems.
    pub lenient: bool,
    /// A body Dintero sent: unknown fields and the crate's own stricter rules are warnings.
    pub faithful: bool,
    /// The kind every input is checked as, instead of detecting it.
    pub kind: Option<Kind>,
    /// The inputs, in order; `-` is standard input.
    pub files: Vec<PathBuf>,
}

/// A command line that cannot be carried out: the message says why.
#[derive(Debug, PartialEq, Eq)]
pub struct UsageError(pub String);

/// The short usage line, printed with every usage error.
pub const USAGE: &str = "usage: dintero-check [--json] [--lenient | --faithful] [--as profile|session|order] FILE... (- reads standard input)";

/// The `--help` text (after a line with the name and version).
pub const HELP: &str = "\
Checks Dintero Checkout request bodies with every rule dintero-order enforces, and prints
each problem with its JSON path.

Usage: dintero-check [OPTIONS] FILE...

Arguments:
  FILE...          JSON bodies to check; - reads standard input

Options:
      --as KIND    check every input as KIND instead of detecting it:
                     profile  a POST /v1/sessions-profile body
                     session  a POST /v1/sessions body
                     order    a bare order object (paths start with order.)
      --json       print a JSON array of reports instead of lines
      --lenient    fields Dintero's spec does not define are warnings, not problems
      --faithful   a body Dintero sent: unknown fields and dintero-order's stricter rules
                   (exact VAT, totals, ...) are warnings; only Dintero's rules fail
  -h, --help       print this help
  -V, --version    print the version
      --           treat every later argument as a FILE

Output, one line each:
  FILE: PATH: expected ..., found ...     a problem: a rule of Dintero's
  FILE: PATH: expected ..., found ... [stricter than Dintero: RULE]
                                          a problem: a rule of dintero-order's that
                                          Dintero does not enforce (exact VAT, totals, ...)
  FILE: warning: PATH: expected ..., found ...
                                          a field --lenient dropped
  FILE: ok                                a valid body (warnings allowed)

Without --as, the kind comes from the top-level keys: profile_id -> profile; order and
configuration -> session; order -> profile; amount, currency, merchant_reference or items
-> order; anything else -> profile.

Exit status:
  0  every input is valid
  1  some input is invalid or cannot be read
  2  a usage error, or the report could not be written
";

/// Reads the arguments after the program name.
pub fn parse(args: impl IntoIterator<Item = OsString>) -> Result<Command, UsageError> {
    let mut options = Options {
        json: false,
        lenient: false,
        faithful: false,
        kind: None,
        files: Vec::new(),
    };
    let mut args = args.into_iter();
    let mut only_files = false;
    while let Some(arg) = args.next() {
        if only_files {
            options.files.push(arg.into());
            continue;
        }
        // Options are ASCII, so the lossy text of an argument equals an option only when the
        // argument is that option; a file keeps its exact name.
        let text = arg.to_string_lossy().into_owned();
        match text.as_str() {
            "--json" => options.json = true,
            "--lenient" => options.lenient = true,
            "--faithful" => options.faithful = true,
            "--as" => {
                let value = args.next().ok_or_else(|| {
                    UsageError("--as needs a KIND: profile, session or order".into())
                })?;
                options.kind = Some(kind(&value.to_string_lossy())?);
            }
            "-h" | "--help" => return Ok(Command::Help),
            "-V" | "--version" => return Ok(Command::Version),
            "--" => only_files = true,
            "-" => options.files.push(arg.into()),
            _ => {
                if let Some(value) = text.strip_prefix("--as=") {
                    options.kind = Some(kind(value)?);
                } else if text.starts_with('-') {
                    return Err(UsageError(format!(
                        "unknown option `{text}` (a file whose name starts with - goes after --)"
                    )));
                } else {
                    options.files.push(arg.into());
                }
            }
        }
    }
    if options.files.is_empty() {
        return Err(UsageError(
            "no FILE to check (- reads standard input)".into(),
        ));
    }
    Ok(Command::Check(options))
}

/// The kind `--as` names.
fn kind(value: &str) -> Result<Kind, UsageError> {
    match value {
        "profile" => Ok(Kind::SessionsProfile),
        "session" => Ok(Kind::Sessions),
        "order" => Ok(Kind::Order),
        _ => Err(UsageError(format!(
            "--as takes profile, session or order, not `{value}`"
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_strs(args: &[&str]) -> Result<Command, UsageError> {
        parse(args.iter().map(OsString::from))
    }

    fn files(args: &[&str]) -> Vec<PathBuf> {
        match parse_strs(args) {
            Ok(Command::Check(options)) => options.files,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn options_and_files_mix_in_any_order() {
        assert_eq!(
            parse_strs(&["a.json", "--json", "--as=order", "-", "--lenient"]),
            Ok(Command::Check(Options {
                json: true,
                lenient: true,
                faithful: false,
                kind: Some(Kind::Order),
                files: vec!["a.json".into(), "-".into()],
            }))
        );
    }

    #[test]
    fn double_dash_ends_the_options() {
        assert_eq!(
            files(&["--", "--json", "-x"]),
            [PathBuf::from("--json"), "-x".into()]
        );
    }

    #[test]
    fn usage_errors_say_what_is_wrong() {
        let message = |args: &[&str]| match parse_strs(args) {
            Err(UsageError(message)) => message,
            other => panic!("{other:?}"),
        };
        assert!(message(&[]).contains("no FILE"));
        assert!(message(&["--as"]).contains("needs a KIND"));
        assert!(message(&["--as", "cart", "a.json"]).contains("not `cart`"));
        assert!(message(&["--strict", "a.json"]).contains("unknown option `--strict`"));
    }

    #[test]
    fn help_and_version_win() {
        assert_eq!(parse_strs(&["a.json", "--help"]), Ok(Command::Help));
        assert_eq!(parse_strs(&["-V"]), Ok(Command::Version));
    }

    #[cfg(unix)]
    #[test]
    fn a_name_that_is_not_utf8_is_kept_exactly() {
        use std::os::unix::ffi::OsStrExt as _;
        let name = std::ffi::OsStr::from_bytes(b"bad\xff.json");
        let parsed = parse([OsString::from(name)]);
        assert!(matches!(parsed, Ok(Command::Check(o)) if o.files == [PathBuf::from(name)]));
        let option = std::ffi::OsStr::from_bytes(b"--bad\xff");
        let parsed = parse([OsString::from(option)]);
        assert!(
            matches!(parsed, Err(UsageError(m)) if m.contains("unknown option `--bad\u{fffd}`"))
        );
    }
}
