//! `dintero-check` as its users run it: the built binary, its output and its exit status.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::ffi::OsStr;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::{Value, json};

const BIN: &str = env!("CARGO_BIN_EXE_dintero-check");

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// Runs the checker in `tests/fixtures` (so file names print as given), feeding `stdin`.
fn run_in(dir: &Path, args: &[&OsStr], stdin: &[u8]) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    // The checker reads standard input only for `-`; otherwise the pipe may be closed.
    let _ = input.write_all(stdin);
    drop(input);
    let output = child.wait_with_output().unwrap();
    assert_no_panic(&output);
    output
}

fn run(args: &[&str], stdin: &[u8]) -> Output {
    let args: Vec<&OsStr> = args.iter().map(OsStr::new).collect();
    run_in(&fixtures(), &args, stdin)
}

fn assert_no_panic(output: &Output) {
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_ne!(output.status.code(), Some(101), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

fn stdout(output: &Output) -> &str {
    std::str::from_utf8(&output.stdout).unwrap()
}

fn stderr(output: &Output) -> &str {
    std::str::from_utf8(&output.stderr).unwrap()
}

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(fixtures().join(name)).unwrap()
}

/// A fixture with `tax_rate` added to its first item, as WooCommerce sends gift-card lines.
fn with_tax_rate(name: &str) -> Vec<u8> {
    let mut body: Value = serde_json::from_slice(&fixture(name)).unwrap();
    body["order"]["items"][0]["tax_rate"] = json!(0);
    serde_json::to_vec(&body).unwrap()
}

const INVALID_LINES: [&str; 2] = [
    "url.return_url: expected an absolute http(s) URL, found \"/accept\"",
    // One of the crate's own rules: Dintero would take the body, and the line says so.
    "order.items[0].vat_amount: expected 5998 (25 % VAT contained in 29990), found 6000 \
     [stricter than Dintero: vat_amount]",
];

fn invalid_lines(file: &str) -> String {
    INVALID_LINES
        .map(|line| format!("{file}: {line}\n"))
        .concat()
}

#[test]
fn a_valid_body_prints_ok_and_exits_0() {
    let output = run(&["valid.json"], b"");
    assert_eq!(stdout(&output), "valid.json: ok\n");
    assert_eq!(stderr(&output), "");
    assert_eq!(output.status.code(), Some(0));
}

#[test]
fn an_invalid_body_prints_each_problem_and_exits_1() {
    let output = run(&["invalid.json"], b"");
    assert_eq!(stdout(&output), invalid_lines("invalid.json"));
    assert_eq!(stderr(&output), "");
    assert_eq!(output.status.code(), Some(1));
}

#[test]
fn every_input_is_reported_in_order_and_one_invalid_fails_the_run() {
    let output = run(&["valid.json", "invalid.json", "missing.json"], b"");
    let text = stdout(&output);
    let expected_start = format!("valid.json: ok\n{}", invalid_lines("invalid.json"));
    assert!(text.starts_with(&expected_start), "{text}");
    let last = text.strip_prefix(&expected_start).unwrap();
    assert!(
        last.starts_with("missing.json: expected a readable file, found ") && last.ends_with('\n'),
        "{last}"
    );
    assert_eq!(output.status.code(), Some(1));
}

#[test]
fn usage_errors_exit_2_and_say_why_on_stderr() {
    for (args, why) in [
        (&[][..], "no FILE to check"),
        (&["--strict", "valid.json"][..], "unknown option `--strict`"),
        (&["--as", "cart", "valid.json"][..], "not `cart`"),
        (&["--as"][..], "--as needs a KIND"),
    ] {
        let output = run(args, b"");
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert_eq!(stdout(&output), "", "{args:?}");
        let text = stderr(&output);
        assert!(
            text.starts_with("dintero-check: ") && text.contains(why),
            "{text}"
        );
        assert!(text.contains("\nusage: dintero-check "), "{text}");
    }
}

#[test]
fn help_lists_the_options_and_the_exit_codes() {
    for flag in ["--help", "-h"] {
        let output = run(&[flag], b"");
        assert_eq!(output.status.code(), Some(0));
        let text = stdout(&output);
        assert!(text.starts_with("dintero-check "), "{text}");
        for needle in [
            "Usage: dintero-check [OPTIONS] FILE...",
            "--as KIND",
            "--json",
            "--lenient",
            "-h, --help",
            "-V, --version",
            "Exit status:",
            "  0  every input is valid",
            "  1  some input is invalid or cannot be read",
            "  2  a usage error",
        ] {
            assert!(text.contains(needle), "{needle:?} missing from\n{text}");
        }
    }
}

#[test]
fn version_prints_the_package_version() {
    for flag in ["--version", "-V"] {
        let output = run(&[flag], b"");
        assert_eq!(
            stdout(&output),
            format!("dintero-check {}\n", env!("CARGO_PKG_VERSION"))
        );
        assert_eq!(output.status.code(), Some(0));
    }
}

#[test]
fn json_report_has_one_object_per_input() {
    let output = run(
        &["--json", "valid.json", "invalid.json", "missing.json"],
        b"",
    );
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    let mut report: Value = serde_json::from_str(text).unwrap();
    // The operating system words the read error.
    let found = report[2]["problems"][0]["found"].take();
    assert!(found.is_string(), "{found}");
    assert_eq!(
        report,
        json!([
            {
                "file": "valid.json",
                "ok": true,
                "kind": "sessions_profile",
                "problems": [],
                "warnings": []
            },
            {
                "file": "invalid.json",
                "ok": false,
                "kind": "sessions_profile",
                "problems": [
                    {
                        "rule": "url",
                        "owner": "dintero",
                        "path": "url.return_url",
                        "expected": "an absolute http(s) URL",
                        "found": "\"/accept\""
                    },
                    {
                        "rule": "vat_amount",
                        "owner": "crate",
                        "path": "order.items[0].vat_amount",
                        "expected": "5998 (25 % VAT contained in 29990)",
                        "found": "6000"
                    }
                ],
                "warnings": []
            },
            {
                "file": "missing.json",
                "ok": false,
                "kind": null,
                "problems": [
                    {
                        "rule": "syntax",
                        "owner": "dintero",
                        "path": "",
                        "expected": "a readable file",
                        "found": null
                    }
                ],
                "warnings": []
            }
        ])
    );
    // Keys in a fixed order, the whole array pretty-printed and ended by a newline.
    assert!(text.starts_with("[\n  {\n    \"file\": \"valid.json\",\n    \"ok\": true,\n    \"kind\": \"sessions_profile\",\n    \"problems\": [],\n    \"warnings\": []\n  },"), "{text}");
    assert!(text.ends_with("\n]\n"), "{text}");
}

#[test]
fn kind_can_be_forced() {
    let output = run(&["--json", "--as", "session", "valid.json"], b"");
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report[0]["kind"], json!("sessions"));
    assert_eq!(report[0]["ok"], json!(false));
    let output = run(
        &["--json", "--as=order", "-"],
        br#"{"amount":0,"currency":"NOK","merchant_reference":"r"}"#,
    );
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report[0]["kind"], json!("order"));
    assert_eq!(output.status.code(), Some(0));
}

/// The line a run prints for the WooCommerce `tax_rate`, and the path it names; as a
/// problem it is marked as the crate's rule (Dintero ignores an unknown key).
fn assert_tax_rate_line(line: &str, prefix: &str) {
    let ending = if prefix.ends_with("warning: ") {
        ", found unknown field `tax_rate`"
    } else {
        ", found unknown field `tax_rate` [stricter than Dintero: unknown_field]"
    };
    assert!(
        line.starts_with(&format!("{prefix}order.items[0].tax_rate: expected "))
            && line.ends_with(ending),
        "{line}"
    );
}

#[test]
fn lenient_turns_an_unknown_field_into_a_warning() {
    let strict = run(&["extra_field.json"], b"");
    assert_eq!(strict.status.code(), Some(1));
    let lines: Vec<&str> = stdout(&strict).lines().collect();
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert_tax_rate_line(lines[0], "extra_field.json: ");

    let lenient = run(&["--lenient", "extra_field.json"], b"");
    assert_eq!(lenient.status.code(), Some(0));
    let lines: Vec<&str> = stdout(&lenient).lines().collect();
    assert_eq!(lines.len(), 2, "{lines:?}");
    assert_tax_rate_line(lines[0], "extra_field.json: warning: ");
    assert_eq!(lines[1], "extra_field.json: ok");

    let json = run(&["--lenient", "--json", "extra_field.json"], b"");
    assert_eq!(json.status.code(), Some(0));
    let report: Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(report[0]["ok"], json!(true));
    assert_eq!(report[0]["problems"], json!([]));
    let warnings = report[0]["warnings"].as_array().unwrap();
    assert_eq!(warnings.len(), 1);
    assert_eq!(warnings[0]["rule"], json!("unknown_field"));
    assert_eq!(warnings[0]["path"], json!("order.items[0].tax_rate"));
    assert_eq!(warnings[0]["found"], json!("unknown field `tax_rate`"));
}

#[test]
fn lenient_reports_warnings_beside_the_problems_of_an_invalid_body() {
    let output = run(&["--lenient", "-"], &with_tax_rate("invalid.json"));
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    let (warning, problems) = text.split_once('\n').unwrap();
    assert_tax_rate_line(warning, "-: warning: ");
    assert_eq!(problems, invalid_lines("-"));
}

#[test]
fn dash_reads_standard_input() {
    let output = run(&["-"], &fixture("valid.json"));
    assert_eq!(stdout(&output), "-: ok\n");
    assert_eq!(output.status.code(), Some(0));
    let output = run(&["-"], &fixture("invalid.json"));
    assert_eq!(stdout(&output), invalid_lines("-"));
    assert_eq!(output.status.code(), Some(1));
    let output = run(&["-"], b"{");
    assert_eq!(
        stdout(&output),
        "-: expected a JSON document, found EOF while parsing an object at line 1 column 1\n"
    );
    assert_eq!(output.status.code(), Some(1));
}

/// Runs the checker with its standard output closed before it writes (`| head -0`).
fn run_with_closed_stdout(args: &[&str]) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .current_dir(fixtures())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let output = child.wait_with_output().unwrap();
    assert_no_panic(&output);
    output
}

#[test]
fn a_closed_stdout_ends_the_output_quietly_with_the_verdict() {
    // Far more than a pipe holds, so the writes must fail however the child is scheduled.
    let many_invalid = vec!["invalid.json"; 1_000];
    let output = run_with_closed_stdout(&many_invalid);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(stderr(&output), "");

    let mut many_valid = vec!["--json"];
    many_valid.extend(["valid.json"; 2_000]);
    let output = run_with_closed_stdout(&many_valid);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(stderr(&output), "");

    let output = run_with_closed_stdout(&["--help"]);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(stderr(&output), "");
}

#[cfg(unix)]
#[test]
fn a_file_name_that_is_not_utf8_is_checked_and_shown_lossily() {
    use std::os::unix::ffi::OsStrExt as _;

    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("cli-non-utf8");
    std::fs::create_dir_all(&dir).unwrap();
    let good = OsStr::from_bytes(b"good\xff.json");
    let bad = OsStr::from_bytes(b"bad\xff.json");
    let gone = OsStr::from_bytes(b"gone\xff.json");
    if let Err(error) = std::fs::write(dir.join(good), fixture("valid.json")) {
        // Some file systems (APFS) refuse names that are not UTF-8.
        println!("note: skipped, cannot create a file named {good:?}: {error}");
        return;
    }
    std::fs::write(dir.join(bad), fixture("invalid.json")).unwrap();
    let _ = std::fs::remove_file(dir.join(gone));

    let output = run_in(&dir, &[good], b"");
    assert_eq!(stdout(&output), "good\u{fffd}.json: ok\n");
    assert_eq!(output.status.code(), Some(0));

    let output = run_in(&dir, &[bad], b"");
    assert_eq!(stdout(&output), invalid_lines("bad\u{fffd}.json"));
    assert_eq!(output.status.code(), Some(1));

    let output = run_in(&dir, &[OsStr::new("--json"), gone], b"");
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report[0]["file"], json!("gone\u{fffd}.json"));
    assert_eq!(
        report[0]["problems"][0]["expected"],
        json!("a readable file")
    );
    assert_eq!(output.status.code(), Some(1));
}

/// A bare order of `lines` lines, each line as `line` says.
fn many_lines(lines: usize, line: &str) -> Vec<u8> {
    let items = vec![line; lines].join(",");
    format!(
        r#"{{"amount":{},"currency":"NOK","merchant_reference":"r","items":[{items}]}}"#,
        100 * lines
    )
    .into_bytes()
}

#[test]
fn more_than_100_findings_are_counted_not_dropped() {
    // 150 wrong vat_amounts: 100 listed, 50 counted.
    let body = many_lines(150, r#"{"amount":100,"vat":25,"vat_amount":21}"#);
    let body = String::from_utf8(body).unwrap().replace(
        r#""merchant_reference":"r""#,
        r#""merchant_reference":"r","vat_amount":3150"#,
    );
    let output = run(&["--as", "order", "-"], body.as_bytes());
    let lines: Vec<&str> = stdout(&output).lines().collect();
    assert_eq!(lines.len(), 101);
    assert_eq!(lines[100], "-: and 50 more problems");
    let output = run(&["--as", "order", "--json", "-"], body.as_bytes());
    let report: Value = serde_json::from_str(stdout(&output)).unwrap();
    assert_eq!(report[0]["problems"].as_array().unwrap().len(), 100);
    assert_eq!(report[0]["unlisted_problems"], json!(50));
    assert_eq!(report[0].get("stopped_early"), None);
    // 150 string amounts: the check stops looking after 100.
    let body = many_lines(150, r#"{"amount":"100"}"#);
    let output = run(&["--as", "order", "-"], &body);
    let lines: Vec<&str> = stdout(&output).lines().collect();
    assert_eq!(lines.len(), 101);
    assert_eq!(
        lines[100],
        "-: and more problems: checking stopped after the first 100"
    );
    let output = run(&["--as", "order", "--json", "-"], &body);
    let report: Value = serde_json::from_str(stdout(&output)).unwrap();
    assert_eq!(report[0]["stopped_early"], json!(true));
    // 150 dropped fields, leniently: 100 warnings listed, 50 counted, and the body is ok.
    let body = many_lines(150, r#"{"amount":100,"tax_rate":0}"#);
    let output = run(&["--as", "order", "--lenient", "-"], &body);
    let lines: Vec<&str> = stdout(&output).lines().collect();
    assert_eq!(lines.len(), 102);
    assert_eq!(lines[100], "-: warning: and 50 more fields dropped");
    assert_eq!(lines[101], "-: ok");
    let output = run(&["--as", "order", "--lenient", "--json", "-"], &body);
    let report: Value = serde_json::from_str(stdout(&output)).unwrap();
    assert_eq!(report[0]["unlisted_warnings"], json!(50));
    assert_eq!(report[0]["ok"], json!(true));
}

#[test]
fn faithful_reads_a_body_dintero_sent() {
    // invalid.json breaks one rule of Dintero's (a relative return URL) and one of the
    // crate's (VAT 6000 in 29990 at 25 %): with the URL fixed, only the crate's is left,
    // a warning when the body is read as Dintero sent it.
    let body = String::from_utf8(fixture("invalid.json"))
        .unwrap()
        .replace("\"/accept\"", "\"https://example.com/accept\"");
    let strict = run(&["-"], body.as_bytes());
    assert_eq!(strict.status.code(), Some(1));
    let output = run(&["--faithful", "-"], body.as_bytes());
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert_eq!(
        stdout(&output),
        "-: warning: order.items[0].vat_amount: expected 5998 (25 % VAT contained in 29990), found 6000\n-: ok\n"
    );
    // A rule of Dintero's still fails, and only Dintero's are reported.
    let output = run(&["--faithful", "-"], &fixture("invalid.json"));
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stdout(&output),
        "-: url.return_url: expected an absolute http(s) URL, found \"/accept\"\n"
    );
}
